import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCategory, insertReply, insertTopic } from '../../../../test/helpers/community-factories.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember, createGroup } from '../../../../test/helpers/meetings-factories.ts';
import { GUIDELINES_VERSION } from './guidelines.ts';

let ctx: TestContext;
let coordinator: TestUser;
let moderator: TestUser;
let memberA: TestUser;
let insider: TestUser;
let anon: Client;

const categoryRows = async () => Number((await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from forum_category`)).rows[0]!.n);
const slugs = (res: { json(): { categories: { slug: string }[] } }) => res.json().categories.map((c) => c.slug);

beforeAll(async () => {
  ctx = await createTestApp();
  [coordinator, moderator, memberA, insider] = await Promise.all([
    createUser(ctx, { displayName: 'Cora', roles: ['coordinator'] }),
    createUser(ctx, { displayName: 'Mona', roles: ['moderator'] }),
    createUser(ctx, { displayName: 'Ada' }),
    createUser(ctx, { displayName: 'Ines' }),
  ]);
  for (const p of [memberA, insider]) await p.client.post('/api/v1/community/guidelines/accept', { version: GUIDELINES_VERSION });
  anon = new Client(ctx.app);
});
afterAll(() => ctx.close());

describe('coordinators set up categories', () => {
  test('create, change, archive; slug taken and a group category without a group are field errors', async () => {
    const res = await coordinator.client.post('/api/v1/community/categories', {
      slug: 'newcomers', name: 'Newcomers', description: 'Say hello', readAccess: 'public', postAccess: 'members', position: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'newcomers', name: 'Newcomers', readAccess: 'public', locale: 'en', celebrations: false, archived: false, topicCount: 0, lastPostedAt: null });
    const id = res.json().id;
    const before = await categoryRows();

    const taken = await coordinator.client.post('/api/v1/community/categories', { slug: 'newcomers', name: 'Again', readAccess: 'public', postAccess: 'members' });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.fields.slug).toBe('That address is already used by another category.');
    const noGroup = await coordinator.client.post('/api/v1/community/categories', { slug: 'group-only', name: 'Group', readAccess: 'group', postAccess: 'group' });
    expect(noGroup.statusCode).toBe(422);
    expect(noGroup.json().error.fields).toHaveProperty('groupId');
    const unknownGroup = await coordinator.client.post('/api/v1/community/categories', {
      slug: 'group-two', name: 'Group', readAccess: 'group', postAccess: 'group', groupId: '0190b6a0-0000-7000-8000-000000000000',
    });
    expect(unknownGroup.statusCode).toBe(422);
    expect((await coordinator.client.post('/api/v1/community/categories', { slug: 'Bad Slug', name: 'x', readAccess: 'public', postAccess: 'members' })).statusCode).toBe(422);
    expect((await coordinator.client.patch(`/api/v1/community/categories/${id}`, { readAccess: 'group' })).statusCode).toBe(422);
    expect(await categoryRows()).toBe(before);

    const changed = await coordinator.client.patch(`/api/v1/community/categories/${id}`, { name: 'New here', celebrations: true });
    expect(changed.json()).toMatchObject({ name: 'New here', celebrations: true, slug: 'newcomers' });
    expect(slugs(await anon.get('/api/v1/community/categories'))).toContain('newcomers');

    const archived = await coordinator.client.patch(`/api/v1/community/categories/${id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    expect(slugs(await anon.get('/api/v1/community/categories'))).not.toContain('newcomers');
    expect(slugs(await memberA.client.get('/api/v1/community/categories'))).not.toContain('newcomers');
    expect((await memberA.client.get('/api/v1/community/categories/newcomers/topics')).statusCode).toBe(404);
    expect(slugs(await moderator.client.get('/api/v1/community/categories'))).toContain('newcomers');
    expect((await coordinator.client.patch(`/api/v1/community/categories/${id}`, { archived: false })).json().archived).toBe(false);
    const audit = (await ctx.database.db.execute<{ action: string; details: { categoryId: string } }>(sql`select action, details from audit_log where actor_id = ${coordinator.id} order by created_at`)).rows;
    expect(audit.map((r) => r.action)).toEqual(['community.category_created', 'community.category_changed', 'community.category_changed', 'community.category_changed']);
    expect(audit.every((r) => r.details.categoryId === id)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('Say hello');
  });

  test('members and moderators cannot: 404, and 401 signed out; nothing changes', async () => {
    const before = await categoryRows();
    const body = { slug: 'not-yours', name: 'Nope', readAccess: 'public', postAccess: 'members' };
    for (const person of [memberA, moderator]) expect((await person.client.post('/api/v1/community/categories', body)).statusCode).toBe(404);
    expect((await anon.post('/api/v1/community/categories', body)).statusCode).toBe(401);
    const c = await createCategory(ctx);
    expect((await memberA.client.patch(`/api/v1/community/categories/${c.id}`, { name: 'Mine' })).statusCode).toBe(404);
    expect(await categoryRows()).toBe(before + 1);
  });
});

describe('who sees what', () => {
  test('a members category is 404 signed out through every route, and not listed', async () => {
    const c = await createCategory(ctx, { readAccess: 'members' });
    const { topicId, postId } = await insertTopic(ctx, { categoryId: c.id, authorId: memberA.id });
    expect((await anon.get(`/api/v1/community/topics/${topicId}`)).statusCode).toBe(404);
    expect((await anon.get(`/api/v1/community/categories/${c.slug}/topics`)).statusCode).toBe(404);
    expect((await anon.get(`/api/v1/community/categories/${c.id}/topics`)).statusCode).toBe(404);
    expect((await anon.get(`/api/v1/community/posts/${postId}`)).statusCode).toBe(404);
    expect(slugs(await anon.get('/api/v1/community/categories'))).not.toContain(c.slug);
    expect((await memberA.client.get(`/api/v1/community/topics/${topicId}`)).statusCode).toBe(200);
  });

  test('a group category is 404 for non-members through every route, never listed or counted', async () => {
    const group = await createGroup(ctx);
    await addGroupMember(ctx, group.id, insider.id);
    const c = await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: group.id, name: 'Tuesday group room' });
    const { topicId, postId } = await insertTopic(ctx, { categoryId: c.id, authorId: insider.id, title: 'Only for us', body: 'A private share' });
    const { postId: replyId } = await insertReply(ctx, { topicId, authorId: insider.id });
    const outsider = memberA;
    const before = (await ctx.database.db.execute(sql`select count(*)::int as n from forum_post`)).rows[0];

    const reads = [
      outsider.client.get(`/api/v1/community/topics/${topicId}`),
      outsider.client.get(`/api/v1/community/categories/${c.slug}/topics`),
      outsider.client.get(`/api/v1/community/posts/${postId}`),
      outsider.client.get(`/api/v1/community/posts/${replyId}`),
      outsider.client.patch(`/api/v1/community/posts/${postId}`, { body: 'x' }),
      outsider.client.delete(`/api/v1/community/posts/${postId}`),
      outsider.client.put(`/api/v1/community/posts/${postId}/reactions/support`),
      outsider.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'let me in' }),
      outsider.client.patch(`/api/v1/community/topics/${topicId}`, { title: 'let me in' }),
      outsider.client.post('/api/v1/community/topics', { categoryId: c.id, title: 'let me in', body: 'hello' }),
    ];
    for (const res of await Promise.all(reads)) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('Only for us');
    }
    const list = await outsider.client.get('/api/v1/community/categories');
    expect(slugs(list)).not.toContain(c.slug);
    expect(list.body).not.toContain('Tuesday group room');
    expect((await ctx.database.db.execute(sql`select count(*)::int as n from forum_post`)).rows[0]).toEqual(before);

    const inside = await insider.client.get('/api/v1/community/categories');
    expect(inside.json().categories.find((x: { slug: string }) => x.slug === c.slug)).toMatchObject({ topicCount: 1, canPost: true });
    expect((await insider.client.get(`/api/v1/community/topics/${topicId}`)).statusCode).toBe(200);
    expect((await moderator.client.get(`/api/v1/community/topics/${topicId}`)).statusCode).toBe(200);
  });

  test('counts: only visible topics; held ones are their author’s and moderators’', async () => {
    const c = await createCategory(ctx, { readAccess: 'public' });
    await insertTopic(ctx, { categoryId: c.id, authorId: memberA.id });
    const held = await insertTopic(ctx, { categoryId: c.id, authorId: memberA.id, status: 'held' });
    await insertTopic(ctx, { categoryId: c.id, authorId: memberA.id, status: 'hidden' });
    const find = async (client: Client) => (await client.get('/api/v1/community/categories')).json().categories.find((x: { id: string }) => x.id === c.id);
    expect((await find(anon)).topicCount).toBe(1);
    expect((await find(moderator.client)).topicCount).toBe(1);
    const ids = async (client: Client) => (await client.get(`/api/v1/community/categories/${c.slug}/topics`)).json().topics.map((t: { id: string }) => t.id);
    expect(await ids(insider.client)).not.toContain(held.topicId);
    expect(await ids(memberA.client)).toContain(held.topicId);
    expect(await ids(moderator.client)).toHaveLength(3);
    expect((await insider.client.get(`/api/v1/community/topics/${held.topicId}`)).statusCode).toBe(404);
    expect((await insider.client.get(`/api/v1/community/posts/${held.postId}`)).statusCode).toBe(404);
    expect((await memberA.client.get(`/api/v1/community/posts/${held.postId}`)).statusCode).toBe(200);
  });
});

describe('topic lists', () => {
  test('pinned first, then latest activity; the cursor pages without repeats or gaps', async () => {
    const c = await createCategory(ctx, { readAccess: 'public' });
    const made: string[] = [];
    for (let i = 0; i < 34; i++) made.push((await insertTopic(ctx, { categoryId: c.id, authorId: memberA.id, title: `Topic number ${i}` })).topicId);
    // Same last activity for several: the id breaks ties.
    await ctx.database.db.execute(sql`update forum_topic set last_posted_at = now() - interval '1 hour' where id in (${made[3]}, ${made[4]}, ${made[5]})`);
    await ctx.database.db.execute(sql`update forum_topic set pinned_at = now() where id = ${made[0]}`);
    const first = (await anon.get(`/api/v1/community/categories/${c.slug}/topics`)).json();
    // Pinned topics lead the first page on top of its 30.
    expect(first.topics).toHaveLength(31);
    expect(first.topics[0]).toMatchObject({ id: made[0], pinned: true });
    expect(first.nextCursor).toBeTypeOf('string');
    const second = (await anon.get(`/api/v1/community/categories/${c.id}/topics?cursor=${first.nextCursor}`)).json();
    expect(second.nextCursor).toBeNull();
    expect(second.topics).toHaveLength(3);
    expect(second.topics.some((t: { pinned: boolean }) => t.pinned)).toBe(false);
    const all = [...first.topics, ...second.topics].map((t: { id: string }) => t.id);
    expect(new Set(all).size).toBe(34);
    expect(all.slice(-3).sort()).toEqual([made[3], made[4], made[5]].sort());
    expect((await anon.get(`/api/v1/community/categories/${c.slug}/topics?cursor=garbage`)).statusCode).toBe(422);
    expect((await anon.get(`/api/v1/community/categories/${c.slug}/topics?page=2`)).statusCode).toBe(422);
    expect((await anon.get('/api/v1/community/categories/no-such-category/topics')).statusCode).toBe(404);
  });
});
