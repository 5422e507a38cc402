import { sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common.ts';
import type { Actor } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { notificationsRepo, type NewNotification } from '../notifications/repo.ts';
import { extractMentions, normalizeBody, renderPost } from './render.ts';
import { searchVector } from './search-vector.ts';
import { TRUST_LIMITS, type TrustLevel } from './trust.ts';
import { readableCategory } from './visibility.ts';

/**
 * The writes that follow a post becoming visible or being edited, shared by the core service (create, own edits) and
 * moderation (approve, moderator edits), so both paths count, notify and keep revisions the same way.
 */

type PostFacts = {
  id: string;
  topicId: string;
  number: number;
  authorId: string | null;
  anonymous: boolean;
  body: string;
  topicAuthorId: string | null;
  categoryId: string;
  trustLevel: number;
};

async function postFacts(tx: Queryable, postId: string): Promise<PostFacts | null> {
  const res = await tx.execute<PostFacts>(sql`
    select p.id, p.topic_id as "topicId", p.number, p.author_id as "authorId", p.anonymous, p.body,
      t.author_id as "topicAuthorId", t.category_id as "categoryId", coalesce(m.trust_level, 0)::int as "trustLevel"
    from forum_post p join forum_topic t on t.id = p.topic_id
    left join forum_member m on m.user_id = p.author_id
    where p.id = ${postId}`);
  return res.rows[0] ?? null;
}

/** A person as the visibility condition needs them (their roles decide whether they moderate). */
async function readerActor(tx: Queryable, userId: string): Promise<Actor> {
  const res = await tx.execute<{ role: Role }>(sql`select role from user_role where user_id = ${userId}`);
  return { userId, sessionId: '', roles: new Set(res.rows.map((r) => r.role)) };
}

/** May this person read the category? Asked through readableCategory, the one condition lists use too. */
export async function personCanRead(tx: Queryable, userId: string, categoryId: string): Promise<boolean> {
  const actor = await readerActor(tx, userId);
  const res = await tx.execute(sql`select 1 from forum_category c where c.id = ${categoryId} and ${readableCategory(actor)}`);
  return res.rows.length > 0;
}

/**
 * Display names to the people they name: exact (case-insensitive) and unambiguous only, among people who can read the
 * category; a name several people share, or nobody has, notifies nobody.
 */
export async function resolveMentions(tx: Queryable, names: string[], categoryId: string, exclude: string | null): Promise<string[]> {
  if (!names.length) return [];
  const lowered = names.map((n) => n.toLocaleLowerCase());
  const res = await tx.execute<{ id: string }>(sql`
    select min(u.id::text) as id from "user" u
    where lower(u.name) in (${sql.join(lowered.map((n) => sql`${n}`), sql`, `)})
    group by lower(u.name) having count(*) = 1`);
  const ids: string[] = [];
  for (const { id } of res.rows) {
    if (id === exclude) continue;
    if (await personCanRead(tx, id, categoryId)) ids.push(id);
  }
  return ids;
}

/**
 * A post just became visible (saved without a hold, or approved): the topic shows (opening post) or counts the reply,
 * and the people it names or answers are told. Called once per change to visible.
 */
export async function announcePost(tx: Queryable, postId: string): Promise<void> {
  const post = await postFacts(tx, postId);
  if (!post) return;
  if (post.number === 1) {
    await tx.execute(sql`update forum_topic set status = 'visible', updated_at = now() where id = ${post.topicId}`);
  } else {
    await tx.execute(sql`
      update forum_topic set reply_count = reply_count + 1, last_posted_at = greatest(last_posted_at, (select created_at from forum_post where id = ${post.id})), updated_at = now()
      where id = ${post.topicId}`);
  }
  const limit = TRUST_LIMITS[Math.min(3, Math.max(0, post.trustLevel)) as TrustLevel].mentionsPerPost;
  const mentioned = await resolveMentions(tx, extractMentions(post.body).slice(0, limit), post.categoryId, post.authorId);
  const actorId = post.anonymous ? null : post.authorId;
  const notes: NewNotification[] = mentioned.map((userId) => ({ userId, kind: 'community.mentioned', subjectId: post.id, actorId }));
  const topicAuthor = post.topicAuthorId;
  // One notice per person: someone both named and answered hears of the mention.
  if (post.number > 1 && topicAuthor && topicAuthor !== post.authorId && !mentioned.includes(topicAuthor)) {
    if (await personCanRead(tx, topicAuthor, post.categoryId)) notes.push({ userId: topicAuthor, kind: 'community.replied', subjectId: post.id, actorId });
  }
  await notificationsRepo.add(tx, notes);
}

/**
 * An edit, by the author or a moderator: the previous body (and title, for an opening post whose title changes) is
 * kept as a revision, then the new text is rendered and indexed again.
 */
export async function recordEdit(
  tx: Queryable,
  input: { postId: string; body: string; title?: string | null; editedBy: string; note?: string | null },
): Promise<void> {
  const res = await tx.execute<{ body: string; number: number; topicId: string; title: string; locale: string }>(sql`
    select p.body, p.number, p.topic_id as "topicId", t.title, p.locale
    from forum_post p join forum_topic t on t.id = p.topic_id where p.id = ${input.postId} for update of p`);
  const old = res.rows[0];
  if (!old) return;
  const newTitle = old.number === 1 && input.title != null && input.title !== old.title ? input.title : null;
  await tx.execute(sql`
    insert into forum_post_revision (id, post_id, body, title, edited_by, note)
    values (${newId()}, ${input.postId}, ${old.body}, ${newTitle === null ? null : old.title}, ${input.editedBy}, ${input.note ?? null})`);
  const body = normalizeBody(input.body);
  const title = newTitle ?? old.title;
  await tx.execute(sql`
    update forum_post set body = ${body}, html = ${renderPost(body)}, edited_at = now(),
      search = ${searchVector(old.locale, old.number === 1 ? title : null, body)}
    where id = ${input.postId}`);
  if (newTitle !== null) await tx.execute(sql`update forum_topic set title = ${newTitle}, updated_at = now() where id = ${old.topicId}`);
}
