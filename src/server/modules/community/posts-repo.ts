import { sql } from 'drizzle-orm';
import { REACTIONS, type ReactionKind } from '../../../contracts/community.ts';
import type { Actor } from '../../access.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { queryPrepared } from '../../db/prepared.ts';
import { newId } from '../../db/ids.ts';
import { GUIDELINES_VERSION } from './guidelines.ts';
import { type CategoryPlace, categoryColumns, isoOf } from './categories-repo.ts';
import { isModerator } from './policy.ts';
import { searchVector } from './search-vector.ts';
import { listablePost, listableTopic, openableTopic, readableCategory } from './visibility.ts';

export type PostStatus = 'visible' | 'held' | 'hidden' | 'deleted';

export interface TopicRow {
  [key: string]: unknown;
  id: string;
  categoryId: string;
  title: string;
  authorId: string | null;
  authorName: string | null;
  anonymous: boolean;
  status: PostStatus;
  lockedAt: string | null;
  pinnedAt: string | null;
  replyCount: number;
  lastNumber: number;
  createdAt: string;
  lastPostedAt: string;
  /** The reader's read marker (null: never opened, or signed out). */
  lastRead: number | null;
}

/**
 * A topic with its category and what the reader's standing allows, read in one query for the topic page. The
 * category's counts are not in it (the service keeps them briefly: counting a busy category on every page view costs
 * more than the rest of the page).
 */
export interface TopicPageRow extends TopicRow {
  category: CategoryPlace;
  listable: boolean;
  banned: boolean;
  suspended: boolean;
  guidelinesAccepted: boolean;
  trustLevel: number;
  /** The reader's own reactions in this topic, as [post id, kind] pairs (the shared page carries only counts). */
  myReactions: [string, ReactionKind][];
  /** The reader has a post held for review here: the shared page does not show it, so the page is read for them. */
  hasHeld: boolean;
  /** The Markdown of the reader's own posts here, by id (to edit them; the shared page carries none). */
  myBodies: Record<string, string>;
}

export interface PostRow {
  [key: string]: unknown;
  id: string;
  topicId: string;
  number: number;
  kind: 'post' | 'milestone';
  authorId: string | null;
  authorName: string | null;
  anonymous: boolean;
  html: string;
  /** Selected only for its author and moderators. */
  body: string | null;
  status: PostStatus;
  locale: 'en' | 'es';
  replyToPostId: string | null;
  createdAt: string;
  editedAt: string | null;
  support: number;
  me_too: number;
  celebrate: number;
  thanks: number;
  mine: ReactionKind[];
}

/** Pinned topics are few by nature (announcements, welcomes): all of them lead the first page, up to this many. */
const PINNED_MAX = 20;

const me = (actor: Actor | null) => (actor ? sql`${actor.userId}::uuid` : sql`null::uuid`);

const topicColumns = (actor: Actor | null) => sql`
  t.id, t.category_id as "categoryId", t.title, t.author_id as "authorId", tu.name as "authorName", t.anonymous, t.status,
  ${isoOf(sql`t.locked_at`)} as "lockedAt", ${isoOf(sql`t.pinned_at`)} as "pinnedAt", t.reply_count as "replyCount",
  t.last_number as "lastNumber", ${isoOf(sql`t.created_at`)} as "createdAt", ${isoOf(sql`t.last_posted_at`)} as "lastPostedAt",
  (select rd.last_read_number from forum_topic_read rd where rd.topic_id = t.id and rd.user_id = ${me(actor)}) as "lastRead"`;

/** Reaction counts per kind and the reader's own kinds, aggregated in SQL (one index range per post). `p`: forum_post. */
const reactionsOf = (actor: Actor | null) => sql`lateral (
  select count(*) filter (where r.kind = 'support')::int as support, count(*) filter (where r.kind = 'me_too')::int as me_too,
    count(*) filter (where r.kind = 'celebrate')::int as celebrate, count(*) filter (where r.kind = 'thanks')::int as thanks,
    coalesce(array_agg(r.kind) filter (where r.user_id = ${me(actor)}), '{}') as mine
  from forum_reaction r where r.post_id = p.id) rx`;

const postColumns = (actor: Actor | null) => sql`
  p.id, p.topic_id as "topicId", p.number, p.kind, p.author_id as "authorId", pu.name as "authorName", p.anonymous, p.html,
  ${isModerator(actor) ? sql`p.body` : sql`case when p.author_id = ${me(actor)} then p.body end`} as body,
  p.status, p.locale, p.reply_to_post_id as "replyToPostId", ${isoOf(sql`p.created_at`)} as "createdAt", ${isoOf(sql`p.edited_at`)} as "editedAt",
  rx.support, rx.me_too, rx.celebrate, rx.thanks, rx.mine`;

/** The reader's own kinds, in the order the web shows them (aggregated unordered: a sort per post costs). */
export const inOrder = (kinds: ReactionKind[]) => (kinds.length > 1 ? REACTIONS.filter((k) => kinds.includes(k)) : kinds);

/** Notified with a topic's id whenever its posts or their reactions change, on any instance (drizzle/0011). */
export const TOPIC_CHANNEL = 'kindred_forum_topics';

export const postsRepo = {
  /** The topic page's first query: topic, category (with the reader's group membership), read marker, standing. */
  async topicPage(db: Queryable, actor: Actor | null, topicId: string): Promise<TopicPageRow | null> {
    const standing = actor
      ? sql`coalesce(m.banned_at is not null, false) as banned, coalesce(m.suspended_until > now(), false) as suspended,
          coalesce(m.trust_level, 0)::int as "trustLevel",
          exists (select 1 from forum_guidelines_acceptance g where g.user_id = ${actor.userId} and g.version = ${GUIDELINES_VERSION}) as "guidelinesAccepted"`
      : sql`false as banned, false as suspended, 0 as "trustLevel", false as "guidelinesAccepted"`;
    const mine = actor
      ? sql`(select coalesce(json_agg(json_build_array(r.post_id, r.kind)), '[]'::json) from forum_reaction r
            join forum_post rp on rp.id = r.post_id where r.user_id = ${actor.userId} and rp.topic_id = t.id) as "myReactions",
          exists (select 1 from forum_post hp where hp.author_id = ${actor.userId} and hp.topic_id = t.id and hp.status = 'held') as "hasHeld",
          (select coalesce(json_object_agg(op.id, op.body), '{}'::json) from forum_post op
            where op.author_id = ${actor.userId} and op.topic_id = t.id and op.status in ('visible', 'held')) as "myBodies"`
      : sql`'[]'::json as "myReactions", false as "hasHeld", '{}'::json as "myBodies"`;
    const query = sql`
      select ${topicColumns(actor)}, ${openableTopic(actor)} as listable, ${standing}, ${mine},
        (select row_to_json(x) from (select ${categoryColumns(actor)} from forum_category c where c.id = t.category_id) x) as category
      from forum_topic t
      left join "user" tu on tu.id = t.author_id
      ${actor ? sql`left join forum_member m on m.user_id = ${actor.userId}` : sql``}
      where t.id = ${topicId}`;
    // The hot path: planned once per connection (planning cost several times what running does).
    if ('$client' in db) return (await queryPrepared<TopicPageRow>(db as Db, 'forum_topic_page', query))[0] ?? null;
    return (await db.execute<TopicPageRow>(query)).rows[0] ?? null;
  },

  /** Posts of a topic after `after`, as the reader may list them; one more than `limit` tells whether there are more. */
  async posts(db: Queryable, actor: Actor | null, topicId: string, after: number, limit: number): Promise<PostRow[]> {
    const res = await db.execute<PostRow>(sql`
      select ${postColumns(actor)}
      from forum_post p
      left join "user" pu on pu.id = p.author_id
      cross join ${reactionsOf(actor)}
      where p.topic_id = ${topicId} and p.number > ${after} and ${listablePost(actor)}
      order by p.number limit ${limit + 1}`);
    return res.rows;
  },

  /** One post with its topic and category, if the reader may see it there; null otherwise (404). */
  async post(db: Queryable, actor: Actor | null, postId: string): Promise<(PostRow & { categoryId: string; topicLocked: boolean; topicStatus: PostStatus }) | null> {
    const res = await db.execute<PostRow & { categoryId: string; topicLocked: boolean; topicStatus: PostStatus }>(sql`
      select ${postColumns(actor)}, t.category_id as "categoryId", t.locked_at is not null as "topicLocked", t.status as "topicStatus"
      from forum_post p
      join forum_topic t on t.id = p.topic_id
      join forum_category c on c.id = t.category_id
      left join "user" pu on pu.id = p.author_id
      cross join ${reactionsOf(actor)}
      where p.id = ${postId} and ${readableCategory(actor)} and ${openableTopic(actor)} and ${listablePost(actor)}`);
    return res.rows[0] ?? null;
  },

  /**
   * A category's topics as the reader may list them: pinned ones first (all of them, on the first page), then the rest
   * by latest activity, keyset after `cursor`. One ordered, limited branch per status the reader may list, so each
   * reads the category's index in order instead of sorting the whole category on every page.
   */
  async topics(db: Queryable, actor: Actor | null, categoryId: string, cursor: { at: string; id: string } | null, limit: number) {
    const statuses = isModerator(actor) ? ['visible', 'held', 'hidden'] : actor ? ['visible', 'held'] : ['visible'];
    const after = cursor ? sql`and (t.last_posted_at, t.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
    const branches = statuses.map(
      (status) => sql`(select t.id from forum_topic t where t.category_id = ${categoryId} and t.status = ${status} and t.pinned_at is null
        and ${listableTopic(actor)} ${after} order by t.last_posted_at desc, t.id desc limit ${limit + 1})`,
    );
    if (!cursor) branches.push(sql`(select t.id from forum_topic t where t.category_id = ${categoryId} and t.pinned_at is not null and ${listableTopic(actor)} limit ${PINNED_MAX})`);
    const res = await db.execute<TopicRow & { cursorAt: string; pinned: boolean }>(sql`
      select ${topicColumns(actor)}, to_char(t.last_posted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt",
        t.pinned_at is not null as pinned
      from (${sql.join(branches, sql` union all `)}) page
      join forum_topic t on t.id = page.id
      join forum_category c on c.id = t.category_id
      left join "user" tu on tu.id = t.author_id
      where ${readableCategory(actor)}
      order by t.pinned_at is not null desc, t.last_posted_at desc, t.id desc`);
    return res.rows;
  },

  /** The post a reply answers, if it is in the same topic and the reader may see it. */
  async replyTarget(db: Queryable, actor: Actor | null, topicId: string, postId: string): Promise<boolean> {
    const res = await db.execute(sql`select 1 from forum_post p where p.id = ${postId} and p.topic_id = ${topicId} and ${listablePost(actor)}`);
    return res.rows.length > 0;
  },

  async insertTopic(db: Queryable, v: { categoryId: string; authorId: string; anonymous: boolean; title: string; status: PostStatus }): Promise<string> {
    const id = newId();
    await db.execute(sql`
      insert into forum_topic (id, category_id, author_id, anonymous, title, status, last_number)
      values (${id}, ${v.categoryId}, ${v.authorId}, ${v.anonymous}, ${v.title}, ${v.status}, 1)`);
    return id;
  },

  /** The next post number of a topic: the row lock on the topic serialises concurrent replies. */
  async nextNumber(db: Queryable, topicId: string): Promise<number> {
    const res = await db.execute<{ n: number }>(sql`update forum_topic set last_number = last_number + 1, updated_at = now() where id = ${topicId} returning last_number as n`);
    return res.rows[0]!.n;
  },

  async insertPost(
    db: Queryable,
    v: {
      topicId: string;
      number: number;
      kind: 'post' | 'milestone';
      authorId: string;
      anonymous: boolean;
      body: string;
      html: string;
      locale: string;
      title: string | null;
      replyToPostId: string | null;
      status: PostStatus;
    },
  ): Promise<string> {
    const id = newId();
    await db.execute(sql`
      insert into forum_post (id, topic_id, number, kind, author_id, anonymous, body, html, locale, search, reply_to_post_id, status)
      values (${id}, ${v.topicId}, ${v.number}, ${v.kind}, ${v.authorId}, ${v.anonymous}, ${v.body}, ${v.html}, ${v.locale},
        ${searchVector(v.locale, v.title, v.body)}, ${v.replyToPostId}, ${v.status})`);
    return id;
  },

  /** A post for its author's write (edit, delete), locked. */
  async lockPost(db: Queryable, postId: string) {
    const res = await db.execute<{ id: string; topicId: string; number: number; authorId: string | null; status: PostStatus; locale: string; body: string }>(sql`
      select id, topic_id as "topicId", number, author_id as "authorId", status, locale, body from forum_post where id = ${postId} for update`);
    return res.rows[0] ?? null;
  },

  /**
   * A post leaves (or returns to) view: its status, the topic's status for an opening post, and the visible-reply count.
   * Becoming visible again goes through announcePost instead, which counts and notifies.
   */
  async withdraw(db: Queryable, post: { id: string; topicId: string; number: number; status: PostStatus }, status: Exclude<PostStatus, 'visible'>) {
    await db.execute(sql`update forum_post set status = ${status} where id = ${post.id}`);
    if (post.number === 1) await db.execute(sql`update forum_topic set status = ${status}, updated_at = now() where id = ${post.topicId}`);
    else if (post.status === 'visible') await db.execute(sql`update forum_topic set reply_count = greatest(0, reply_count - 1), updated_at = now() where id = ${post.topicId}`);
  },

  async setTitle(db: Queryable, topicId: string, title: string) {
    await db.execute(sql`update forum_topic set title = ${title}, updated_at = now() where id = ${topicId}`);
  },

  async openingPostId(db: Queryable, topicId: string): Promise<string> {
    const res = await db.execute<{ id: string }>(sql`select id from forum_post where topic_id = ${topicId} and number = 1`);
    return res.rows[0]!.id;
  },

  // ── Reactions ──

  async react(db: Queryable, postId: string, userId: string, kind: ReactionKind) {
    await db.execute(sql`insert into forum_reaction (post_id, user_id, kind) values (${postId}, ${userId}, ${kind}) on conflict do nothing`);
  },

  async unreact(db: Queryable, postId: string, userId: string, kind: ReactionKind) {
    await db.execute(sql`delete from forum_reaction where post_id = ${postId} and user_id = ${userId} and kind = ${kind}`);
  },

  /** Counts per kind and the reader's own kinds: never who reacted. */
  async reactions(db: Queryable, actor: Actor, postId: string) {
    const res = await db.execute<Pick<PostRow, 'support' | 'me_too' | 'celebrate' | 'thanks' | 'mine'>>(sql`
      select rx.support, rx.me_too, rx.celebrate, rx.thanks, rx.mine from (select ${postId}::uuid as id) p cross join ${reactionsOf(actor)}`);
    return res.rows[0]!;
  },
};

