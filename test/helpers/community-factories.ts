import { sql } from 'drizzle-orm';
import { newId } from '../../src/server/db/ids.ts';
import { renderPost } from '../../src/server/modules/community/render.ts';
import { searchVector } from '../../src/server/modules/community/search-vector.ts';
import { forumCategory } from '../../src/server/modules/community/tables.ts';
import { expect } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { GUIDELINES_VERSION } from '../../src/server/modules/community/guidelines.ts';
import type { TestContext } from './app.ts';
import { createUser } from './factories.ts';

/**
 * Community rows written directly, for tests that need a forum to exist without going through the posting rules
 * (moderation, search, benchmarks). Posting itself is tested through the API.
 */

export async function createCategory(
  ctx: TestContext,
  opts: Partial<{ slug: string; name: string; readAccess: 'public' | 'members' | 'group'; postAccess: 'members' | 'group' | 'moderators'; groupId: string | null; locale: 'en' | 'es'; celebrations: boolean }> = {},
) {
  const slug = opts.slug ?? `cat-${newId().slice(-12)}`;
  const [row] = await ctx.database.db
    .insert(forumCategory)
    .values({
      slug,
      name: opts.name ?? `Category ${slug}`,
      description: 'A place to talk.',
      readAccess: opts.readAccess ?? 'members',
      postAccess: opts.postAccess ?? 'members',
      groupId: opts.groupId ?? null,
      locale: opts.locale ?? 'en',
      celebrations: opts.celebrations ?? false,
    })
    .returning();
  return row!;
}

/** A topic with its opening post, written directly. */
export async function insertTopic(
  ctx: TestContext,
  opts: { categoryId: string; authorId: string; title?: string; body?: string; anonymous?: boolean; status?: 'visible' | 'held' | 'hidden'; locale?: 'en' | 'es' },
) {
  const topicId = newId();
  const postId = newId();
  const title = opts.title ?? 'Getting through the first week';
  const body = opts.body ?? 'The evenings are the hardest part for me.';
  const status = opts.status ?? 'visible';
  const locale = opts.locale ?? 'en';
  await ctx.database.db.execute(sql`insert into forum_topic (id, category_id, author_id, anonymous, title, status, last_number)
    values (${topicId}, ${opts.categoryId}, ${opts.authorId}, ${opts.anonymous ?? false}, ${title}, ${status}, 1)`);
  await ctx.database.db.execute(sql`insert into forum_post (id, topic_id, number, author_id, anonymous, body, html, locale, search, status)
    values (${postId}, ${topicId}, 1, ${opts.authorId}, ${opts.anonymous ?? false}, ${body}, ${renderPost(body)}, ${locale}, ${searchVector(locale, title, body)}, ${status})`);
  return { topicId, postId };
}

/** A reply, written directly. */
export async function insertReply(
  ctx: TestContext,
  opts: { topicId: string; authorId: string; body?: string; anonymous?: boolean; status?: 'visible' | 'held' | 'hidden'; locale?: 'en' | 'es' },
) {
  const postId = newId();
  const body = opts.body ?? 'Me too. Calling someone helps me.';
  const status = opts.status ?? 'visible';
  const locale = opts.locale ?? 'en';
  await ctx.database.db.execute(sql`with n as (
      update forum_topic set last_number = last_number + 1,
        reply_count = reply_count + ${status === 'visible' ? 1 : 0}, last_posted_at = now()
      where id = ${opts.topicId} returning last_number)
    insert into forum_post (id, topic_id, number, author_id, anonymous, body, html, locale, search, status)
    select ${postId}, ${opts.topicId}, n.last_number, ${opts.authorId}, ${opts.anonymous ?? false}, ${body}, ${renderPost(body)}, ${locale}, ${searchVector(locale, null, body)}, ${status} from n`);
  return { postId };
}

/** A signed-in person who has accepted the community guidelines, through the API, so they may post. */
export async function createForumMember(ctx: TestContext, displayName: string, roles: Role[] = []) {
  const person = await createUser(ctx, { displayName, roles });
  expect((await person.client.post('/api/v1/community/guidelines/accept', { version: GUIDELINES_VERSION })).statusCode).toBe(204);
  return person;
}
