import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory, insertReply, insertTopic } from '../../../../test/helpers/community-factories.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember, createGroup } from '../../../../test/helpers/meetings-factories.ts';

let ctx: TestContext;
let author: TestUser;
let ana: TestUser;
let ben: TestUser;
let categoryId: string;

const url = (postId: string, kind = 'support') => `/api/v1/community/posts/${postId}/reactions/${kind}`;
const reactionRows = async () => Number((await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from forum_reaction`)).rows[0]!.n);

beforeAll(async () => {
  ctx = await createTestApp();
  [author, ana, ben] = await Promise.all([createUser(ctx, { displayName: 'Aurelio' }), createUser(ctx, { displayName: 'Ana' }), createUser(ctx, { displayName: 'Ben' })]);
  categoryId = (await createCategory(ctx, { readAccess: 'public' })).id;
});
afterAll(() => ctx.close());

describe('reactions', () => {
  test('idempotent per kind and person; counts and my own kinds, never who', async () => {
    const { topicId, postId } = await insertTopic(ctx, { categoryId, authorId: author.id });
    expect((await ana.client.put(url(postId))).json()).toEqual({ reactions: { support: 1, me_too: 0, celebrate: 0, thanks: 0 }, myReactions: ['support'] });
    expect((await ana.client.put(url(postId))).json().reactions.support).toBe(1);
    expect((await ana.client.put(url(postId, 'me_too'))).json()).toEqual({ reactions: { support: 1, me_too: 1, celebrate: 0, thanks: 0 }, myReactions: ['support', 'me_too'] });
    const bens = await ben.client.put(url(postId));
    expect(bens.json()).toEqual({ reactions: { support: 2, me_too: 1, celebrate: 0, thanks: 0 }, myReactions: ['support'] });

    // The page shows each reader their own kinds; no reader learns who else reacted.
    const page = await author.client.get(`/api/v1/community/topics/${topicId}`);
    expect(page.json().posts[0]).toMatchObject({ reactions: { support: 2, me_too: 1 }, myReactions: [] });
    for (const id of [ana.id, ben.id]) expect(page.body).not.toContain(id);
    expect((await ben.client.get(`/api/v1/community/topics/${topicId}`)).json().posts[0].myReactions).toEqual(['support']);
    expect((await ana.client.as(undefined).get(`/api/v1/community/posts/${postId}`)).json()).toMatchObject({ reactions: { support: 2 }, myReactions: [] });

    expect((await ana.client.delete(url(postId))).json()).toEqual({ reactions: { support: 1, me_too: 1, celebrate: 0, thanks: 0 }, myReactions: ['me_too'] });
    expect((await ana.client.delete(url(postId))).json().reactions.support).toBe(1);
  });

  test('not on my own post, not on posts I cannot see, not signed out, not an unknown kind: nothing changes', async () => {
    const { topicId, postId } = await insertTopic(ctx, { categoryId, authorId: author.id });
    const { postId: held } = await insertReply(ctx, { topicId, authorId: ben.id, status: 'held' });
    const { postId: hiddenPost } = await insertReply(ctx, { topicId, authorId: ben.id, status: 'hidden' });
    const group = await createGroup(ctx);
    await addGroupMember(ctx, group.id, author.id);
    const privateCategory = await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: group.id });
    const { postId: privatePost } = await insertTopic(ctx, { categoryId: privateCategory.id, authorId: author.id });
    const before = await reactionRows();

    const own = await author.client.put(url(postId));
    expect(own.statusCode).toBe(409);
    expect(own.json().error.message).toBe('That is your own post.');
    for (const id of [held, hiddenPost, privatePost, '0190b6a0-0000-7000-8000-000000000000']) {
      expect((await ana.client.put(url(id))).statusCode, id).toBe(404);
      expect((await ana.client.delete(url(id))).statusCode, id).toBe(404);
    }
    expect((await ana.client.as(undefined).put(url(postId))).statusCode).toBe(401);
    expect((await ana.client.put(url(postId, 'like'))).statusCode).toBe(422);
    expect((await ana.client.put(url('not-an-id'))).statusCode).toBe(422);

    // Banned people do not react.
    await ctx.database.db.execute(sql`insert into forum_member (user_id, banned_at) values (${ben.id}, now()) on conflict (user_id) do update set banned_at = now()`);
    expect((await ben.client.put(url(postId))).statusCode).toBe(409);
    expect(await reactionRows()).toBe(before);
  });
});
