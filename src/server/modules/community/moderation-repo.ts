import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../access.ts';
import { newId } from '../../db/ids.ts';
import { isModerator } from './policy.ts';
import { SANCTIONS } from './trust.ts';
import { listableTopic, readableCategory } from './visibility.ts';

/**
 * SQL for moderation: the queue (read in a handful of queries whatever its length), the posts, topics and people
 * moderators act on, and the record of what they did. Moderators read every category, so nothing here filters by
 * readableCategory; the services call the access gate first.
 */

const sanctions = sql.join(SANCTIONS.map((a) => sql`${a}`), sql`, `);

/** A post as moderators read it: everything, the real author included. */
export type ModPostRow = {
  id: string;
  topicId: string;
  number: number;
  kind: 'post' | 'milestone';
  authorId: string | null;
  authorName: string | null;
  anonymous: boolean;
  body: string;
  html: string;
  status: 'visible' | 'held' | 'hidden' | 'deleted';
  locale: 'en' | 'es';
  replyToPostId: string | null;
  createdAt: string;
  editedAt: string | null;
}

/** Timestamps from raw queries arrive as PostgreSQL text (drizzle leaves them unparsed): presenters read them with these. */
export const iso = (v: string | Date) => new Date(v).toISOString();
export const isoOrNull = (v: string | Date | null) => (v == null ? null : iso(v));

const postColumns = (p: string, u: string) =>
  sql.raw(`${p}.id, ${p}.topic_id as "topicId", ${p}.number, ${p}.kind, ${p}.author_id as "authorId", ${u}.name as "authorName",
    ${p}.anonymous, ${p}.body, ${p}.html, ${p}.status, ${p}.locale, ${p}.reply_to_post_id as "replyToPostId",
    ${p}.created_at as "createdAt", ${p}.edited_at as "editedAt"`);

/** A uuid[] literal for `= any(...)`; callers guard against an empty list. */
const uuids = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

export type QueueRow = {
  id: string;
  kinds: ('needs_care' | 'held' | 'reported')[];
  rules: string[];
  status: 'open' | 'resolved';
  openedAt: string;
  escalationId: string | null;
  resolution: string | null;
  post: ModPostRow;
  topic: { id: string; title: string; categoryName: string; lockedAt: string | null };
  standing: { trustLevel: number; suspendedUntil: string | null; bannedAt: string | null };
}

export type ReportRow = {
  queueItemId: string;
  reason: string;
  note: string;
  reporterId: string | null;
  reporterName: string | null;
  createdAt: string;
}

export type ActionRow = {
  id: string;
  action: string;
  moderatorId: string | null;
  moderatorName: string | null;
  targetUserId: string | null;
  postId: string | null;
  topicId: string | null;
  topicTitle: string | null;
  reason: string;
  note: string | null;
  until: string | null;
  createdAt: string;
}

const actionSelect = sql`select a.id, a.action, a.moderator_id as "moderatorId", mu.name as "moderatorName", a.target_user_id as "targetUserId",
    a.post_id as "postId", a.topic_id as "topicId", t.title as "topicTitle", a.reason, a.note, a.until, a.created_at as "createdAt"
  from forum_moderation_action a
  left join "user" mu on mu.id = a.moderator_id
  left join forum_topic t on t.id = a.topic_id`;

export const moderationRepo = {
  /**
   * Queue items with their post, topic and the author's standing, in one query. `needs_care` first (someone may be
   * in danger), then the oldest; resolved items newest first.
   */
  async queue(db: Queryable, filter: { status: 'open' | 'resolved'; limit: number } | { id: string }): Promise<QueueRow[]> {
    const where = 'id' in filter ? sql`q.id = ${filter.id}` : sql`q.status = ${filter.status}`;
    const orderBy =
      'id' in filter || filter.status === 'open'
        ? sql`case when 'needs_care' = any(q.kinds) then 0 else 1 end, q.created_at, q.id`
        : sql`q.resolved_at desc nulls last, q.id desc`;
    const res = await db.execute<Record<string, unknown>>(sql`
      select q.id as "itemId", q.kinds, q.rules, q.status as "itemStatus", q.created_at as "openedAt", q.escalation_id as "escalationId",
        q.resolution, ${postColumns('p', 'u')},
        t.title as "topicTitle", t.locked_at as "lockedAt", c.name as "categoryName",
        coalesce(m.trust_level, 0)::int as "trustLevel", m.suspended_until as "suspendedUntil", m.banned_at as "bannedAt"
      from forum_queue_item q
      join forum_post p on p.id = q.post_id
      join forum_topic t on t.id = p.topic_id
      join forum_category c on c.id = t.category_id
      left join "user" u on u.id = p.author_id
      left join forum_member m on m.user_id = p.author_id
      where ${where}
      order by ${orderBy}
      limit ${'id' in filter ? 1 : filter.limit}`);
    return res.rows.map((r) => ({
      id: r.itemId as string,
      kinds: r.kinds as QueueRow['kinds'],
      rules: r.rules as string[],
      status: r.itemStatus as QueueRow['status'],
      openedAt: r.openedAt as string,
      escalationId: r.escalationId as string | null,
      resolution: r.resolution as string | null,
      post: r as unknown as ModPostRow,
      topic: { id: r.topicId as string, title: r.topicTitle as string, categoryName: r.categoryName as string, lockedAt: r.lockedAt as string | null },
      standing: { trustLevel: r.trustLevel as number, suspendedUntil: r.suspendedUntil as string | null, bannedAt: r.bannedAt as string | null },
    }));
  },

  async openCount(db: Queryable): Promise<number> {
    const res = await db.execute<{ n: number }>(sql`select count(*)::int as n from forum_queue_item where status = 'open'`);
    return res.rows[0]!.n;
  },

  /** The two posts before each of these, in their topics (one query for the whole queue). */
  async contextOf(db: Queryable, postIds: string[]): Promise<(ModPostRow & { forPostId: string })[]> {
    if (!postIds.length) return [];
    const res = await db.execute<ModPostRow & { forPostId: string }>(sql`
      select p0.id as "forPostId", ctx.* from forum_post p0
      join lateral (
        select ${postColumns('p', 'u')} from forum_post p left join "user" u on u.id = p.author_id
        where p.topic_id = p0.topic_id and p.number < p0.number order by p.number desc limit 2
      ) ctx on true
      where p0.id = any(${uuids(postIds)})
      order by ctx.number`);
    return res.rows;
  },

  async reportsOf(db: Queryable, itemIds: string[]): Promise<ReportRow[]> {
    if (!itemIds.length) return [];
    const res = await db.execute<ReportRow>(sql`
      select r.queue_item_id as "queueItemId", r.reason, r.note, r.reporter_id as "reporterId", u.name as "reporterName", r.created_at as "createdAt"
      from forum_report r left join "user" u on u.id = r.reporter_id
      where r.queue_item_id = any(${uuids(itemIds)})
      order by r.created_at, r.id`);
    return res.rows;
  },

  /** How many sanctions each person has had. */
  async priorActions(db: Queryable, userIds: string[]): Promise<Map<string, number>> {
    if (!userIds.length) return new Map();
    const res = await db.execute<{ userId: string; n: number }>(sql`
      select target_user_id as "userId", count(*)::int as n from forum_moderation_action
      where target_user_id = any(${uuids(userIds)}) and action in (${sanctions})
      group by target_user_id`);
    return new Map(res.rows.map((r) => [r.userId, r.n]));
  },

  /** Reaction counts per post and kind, and whether the viewer gave each. */
  async reactionsOf(db: Queryable, postIds: string[], viewerId: string) {
    if (!postIds.length) return [];
    const res = await db.execute<{ postId: string; kind: string; n: number; mine: boolean }>(sql`
      select post_id as "postId", kind, count(*)::int as n, bool_or(user_id = ${viewerId}) as mine
      from forum_reaction where post_id = any(${uuids(postIds)}) group by post_id, kind`);
    return res.rows;
  },

  // ── What moderators act on ──

  /** The post with its topic, locked for the rest of the transaction: one moderation decision at a time. */
  async lockPost(db: Queryable, postId: string) {
    const res = await db.execute<{ id: string; topicId: string; number: number; authorId: string | null; status: string }>(sql`
      select id, topic_id as "topicId", number, author_id as "authorId", status from forum_post where id = ${postId} for update`);
    return res.rows[0];
  },

  async postById(db: Queryable, postId: string): Promise<ModPostRow | undefined> {
    const res = await db.execute<ModPostRow>(sql`select ${postColumns('p', 'u')} from forum_post p left join "user" u on u.id = p.author_id where p.id = ${postId}`);
    return res.rows[0];
  },

  async lockTopic(db: Queryable, topicId: string) {
    const res = await db.execute<{ id: string; authorId: string | null; lockedAt: string | null }>(sql`
      select id, author_id as "authorId", locked_at as "lockedAt" from forum_topic where id = ${topicId} for update`);
    return res.rows[0];
  },

  async setTopicLocked(db: Queryable, topicId: string, locked: boolean) {
    await db.execute(sql`update forum_topic set locked_at = ${locked ? sql`now()` : sql`null`}, updated_at = now() where id = ${topicId}`);
  },

  /**
   * Hides or shows a post. The opening post carries its topic with it (a topic's status mirrors it); a reply changes
   * the topic's count of visible replies.
   */
  async setPostStatus(db: Queryable, post: { id: string; topicId: string; number: number; status: string }, status: 'visible' | 'hidden') {
    await db.execute(sql`update forum_post set status = ${status} where id = ${post.id}`);
    const wasVisible = post.status === 'visible';
    if (post.number === 1) await db.execute(sql`update forum_topic set status = ${status}, updated_at = now() where id = ${post.topicId}`);
    else if (wasVisible !== (status === 'visible'))
      await db.execute(sql`update forum_topic set reply_count = greatest(0, reply_count + ${status === 'visible' ? 1 : -1}), updated_at = now() where id = ${post.topicId}`);
  },

  /** A held post goes out; its topic and counts follow in announcePost. */
  async release(db: Queryable, postId: string) {
    await db.execute(sql`update forum_post set status = 'visible' where id = ${postId}`);
  },

  // ── The queue item ──

  async itemById(db: Queryable, id: string) {
    const res = await db.execute<{ id: string; postId: string; status: string; kinds: string[] }>(sql`
      select id, post_id as "postId", status, kinds from forum_queue_item where id = ${id}`);
    return res.rows[0];
  },

  async lockItem(db: Queryable, id: string) {
    const res = await db.execute<{ id: string; status: string }>(sql`select id, status from forum_queue_item where id = ${id} for update`);
    return res.rows[0];
  },

  /** Closes the post's open item, if any, as decided by `resolution`. */
  async resolveOpenFor(db: Queryable, postId: string, by: string, resolution: string) {
    await db.execute(sql`update forum_queue_item set status = 'resolved', resolved_by = ${by}, resolved_at = now(), resolution = ${resolution}
      where post_id = ${postId} and status = 'open'`);
  },

  // ── People ──

  async person(db: Queryable, userId: string) {
    const res = await db.execute<{ id: string; name: string; roles: string[] }>(sql`
      select u.id, u.name, array(select r.role from user_role r where r.user_id = u.id) as roles from "user" u where u.id = ${userId}`);
    return res.rows[0];
  },

  /** Writes a person's standing, creating their forum row if they never posted. */
  async setStanding(
    db: Queryable,
    userId: string,
    set: { suspendedUntil?: Date | null; banned?: boolean; trustLevel?: number; trustLocked?: boolean },
  ) {
    const cols: SQL[] = [];
    if (set.suspendedUntil !== undefined) cols.push(sql`suspended_until = ${set.suspendedUntil}`);
    // A second ban keeps the date of the first.
    if (set.banned !== undefined) cols.push(set.banned ? sql`banned_at = coalesce(forum_member.banned_at, now())` : sql`banned_at = null`);
    if (set.trustLevel !== undefined) cols.push(sql`trust_level = ${set.trustLevel}`);
    if (set.trustLocked !== undefined) cols.push(sql`trust_locked = ${set.trustLocked}`);
    cols.push(sql`updated_at = now()`);
    await db.execute(sql`insert into forum_member (user_id) values (${userId}) on conflict (user_id) do nothing`);
    await db.execute(sql`update forum_member set ${sql.join(cols, sql`, `)} where user_id = ${userId}`);
  },

  // ── The record of actions ──

  async insertAction(
    db: Queryable,
    a: { action: string; moderatorId: string; targetUserId: string | null; postId?: string | null; topicId?: string | null; reason: string; note?: string | null; until?: Date | null },
  ): Promise<string> {
    const id = newId();
    await db.execute(sql`insert into forum_moderation_action (id, action, moderator_id, target_user_id, post_id, topic_id, reason, note, until)
      values (${id}, ${a.action}, ${a.moderatorId}, ${a.targetUserId}, ${a.postId ?? null}, ${a.topicId ?? null}, ${a.reason}, ${a.note ?? null}, ${a.until ?? null})`);
    return id;
  },

  /** Every action about a person, newest first (the moderators' view). */
  async actionsAbout(db: Queryable, userId: string, limit = 200): Promise<ActionRow[]> {
    const res = await db.execute<ActionRow>(sql`${actionSelect} where a.target_user_id = ${userId} order by a.created_at desc, a.id desc limit ${limit}`);
    return res.rows;
  },

  /** The notices a person reads: actions about them that they are told of (approvals and dismissals are not notices). */
  async noticesOf(db: Queryable, userId: string, opts: { id?: string; limit?: number } = {}): Promise<ActionRow[]> {
    const res = await db.execute<ActionRow>(sql`${actionSelect}
      where a.target_user_id = ${userId} and a.action not in ('approve', 'dismiss') ${opts.id ? sql`and a.id = ${opts.id}` : sql``}
      order by a.created_at desc, a.id desc limit ${opts.limit ?? 100}`);
    return res.rows;
  },

  // ── Reports ──

  /** The post if this reader can read its text: a readable category and topic, and a visible post (moderators: any). */
  async readablePost(db: Queryable, actor: Actor, postId: string) {
    const res = await db.execute<{ id: string; authorId: string | null }>(sql`
      select p.id, p.author_id as "authorId" from forum_post p
      join forum_topic t on t.id = p.topic_id
      join forum_category c on c.id = t.category_id
      where p.id = ${postId} and ${readableCategory(actor)} and ${listableTopic(actor)}
        and (p.status = 'visible' or p.author_id = ${actor.userId} or ${isModerator(actor)})`);
    return res.rows[0];
  },

  async hasReported(db: Queryable, reporterId: string, queueItemId: string) {
    const res = await db.execute(sql`select 1 from forum_report where queue_item_id = ${queueItemId} and reporter_id = ${reporterId}`);
    return res.rows.length > 0;
  },

  async insertReport(db: Queryable, r: { postId: string; reporterId: string; reason: string; note: string; queueItemId: string }): Promise<string> {
    const id = newId();
    await db.execute(sql`insert into forum_report (id, post_id, reporter_id, reason, note, queue_item_id)
      values (${id}, ${r.postId}, ${r.reporterId}, ${r.reason}, ${r.note}, ${r.queueItemId})`);
    return id;
  },

  // ── Revisions ──

  async revisionsOf(db: Queryable, postId: string) {
    const res = await db.execute<{ id: string; body: string; title: string | null; editedBy: string | null; editorName: string | null; note: string | null; createdAt: string }>(sql`
      select r.id, r.body, r.title, r.edited_by as "editedBy", u.name as "editorName", r.note, r.created_at as "createdAt"
      from forum_post_revision r left join "user" u on u.id = r.edited_by
      where r.post_id = ${postId} order by r.created_at desc, r.id desc`);
    return res.rows;
  },
};
