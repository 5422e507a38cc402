import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory, insertReply, insertTopic } from '../../../../test/helpers/community-factories.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { newId } from '../../db/ids.ts';
import { openQueueItem } from './queue-repo.ts';

let ctx: TestContext;
let moderator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  moderator = await createUser(ctx, { roles: ['moderator'], displayName: 'Moderator Quinn' });
});
afterAll(() => ctx.close());

const queue = (status = 'open') => moderator.client.get(`/api/v1/community/moderation/queue?status=${status}`);
/** Puts the item's opening this many minutes in the past, so the order is known. */
const openedAgo = (id: string, minutes: number) => ctx.database.db.execute(sql`update forum_queue_item set created_at = now() - make_interval(mins => ${minutes}) where id = ${id}`);
const report = (reporter: TestUser, postId: string, reason: string, note = '') => reporter.client.post('/api/v1/community/reports', { postId, reason, note });

describe('the queue', () => {
  test('needs care first, then the oldest; each item with its post, topic, two posts of context, reports and rules', async () => {
    const category = await createCategory(ctx, { name: 'Cravings and Triggers' });
    const author = await createUser(ctx, { displayName: 'Dana Whitfield' });
    const reporter = await createUser(ctx, { displayName: 'Sam Ortega' });
    const { topicId, postId: first } = await insertTopic(ctx, { categoryId: category.id, authorId: author.id, title: 'Evenings are hard' });
    const second = await insertReply(ctx, { topicId, authorId: reporter.id, body: 'Second post' });
    const third = await insertReply(ctx, { topicId, authorId: reporter.id, body: 'Third post' });
    const fourth = await insertReply(ctx, { topicId, authorId: author.id, body: 'Selling what you need, message me', status: 'held' });

    const held = await openQueueItem(ctx.database.db, { postId: fourth.postId, kind: 'held', rules: ['sourcing'] });
    expect((await report(reporter, first, 'harassment', 'Name-calling in the second paragraph.')).statusCode).toBe(201);
    const reported = (await ctx.database.db.execute<{ id: string }>(sql`select id from forum_queue_item where post_id = ${first}`)).rows[0]!.id;
    const escalationId = newId();
    const care = await openQueueItem(ctx.database.db, { postId: third.postId, kind: 'needs_care', escalationId });
    await openedAgo(reported, 30);
    await openedAgo(held, 20);
    await openedAgo(care, 1);

    const res = await queue();
    expect(res.statusCode).toBe(200);
    const { items, open } = res.json();
    expect(open).toBe(3);
    expect(items.map((i: { id: string }) => i.id)).toEqual([care, reported, held]);
    const [careItem, reportedItem, heldItem] = items;

    expect(careItem).toMatchObject({ kinds: ['needs_care'], escalationId, status: 'open', resolution: null, reports: [] });
    expect(heldItem).toMatchObject({
      kinds: ['held'],
      rules: ['sourcing'],
      post: { id: fourth.postId, number: 4, status: 'held', body: 'Selling what you need, message me', canEdit: true },
      topic: { id: topicId, title: 'Evenings are hard', categoryName: 'Cravings and Triggers', locked: false },
      author: { id: author.id, displayName: 'Dana Whitfield', trustLevel: 0, priorActions: 0, suspendedUntil: null, banned: false },
    });
    expect(heldItem.post.html).toContain('Selling what you need');
    // The two posts before it, oldest first.
    expect(heldItem.context.map((p: { id: string }) => p.id)).toEqual([second.postId, third.postId]);
    expect(reportedItem.context).toEqual([]);
    expect(reportedItem.reports).toEqual([
      { reason: 'harassment', note: 'Name-calling in the second paragraph.', reporter: { id: reporter.id, displayName: 'Sam Ortega' }, createdAt: expect.any(String) },
    ]);
  });

  test('the author block sees through anonymity and shows standing and prior actions', async () => {
    const category = await createCategory(ctx);
    const author = await createUser(ctx, { displayName: 'Hidden Harper' });
    const { postId } = await insertTopic(ctx, { categoryId: category.id, authorId: author.id, anonymous: true, status: 'held' });
    const item = await openQueueItem(ctx.database.db, { postId, kind: 'held', rules: ['phone_number'] });
    const until = new Date(Date.now() + 3 * 86_400_000);
    await ctx.database.db.execute(sql`insert into forum_member (user_id, trust_level, suspended_until) values (${author.id}, 1, ${until})`);
    for (const action of ['warn', 'hide', 'approve']) {
      await ctx.database.db.execute(sql`insert into forum_moderation_action (id, action, moderator_id, target_user_id, reason) values (${newId()}, ${action}, ${moderator.id}, ${author.id}, 'x')`);
    }
    const found = (await queue()).json().items.find((i: { id: string }) => i.id === item);
    expect(found.author).toEqual({ id: author.id, displayName: 'Hidden Harper', trustLevel: 1, priorActions: 2, suspendedUntil: until.toISOString(), banned: false });
    expect(found.post.author).toEqual({ id: author.id, displayName: 'Hidden Harper', anonymous: true, isMe: false, revealedToModerators: true });
  });

  test('resolved items are listed apart, newest first, with what was decided', async () => {
    const category = await createCategory(ctx);
    const author = await createUser(ctx);
    const { postId } = await insertTopic(ctx, { categoryId: category.id, authorId: author.id });
    const item = await openQueueItem(ctx.database.db, { postId, kind: 'reported' });
    expect((await moderator.client.post(`/api/v1/community/moderation/queue/${item}/resolve`, { action: 'dismiss' })).statusCode).toBe(200);
    expect((await queue()).json().items.map((i: { id: string }) => i.id)).not.toContain(item);
    const resolved = (await queue('resolved')).json();
    expect(resolved.items[0]).toMatchObject({ id: item, status: 'resolved', resolution: 'dismiss' });
    expect((await moderator.client.get('/api/v1/community/moderation/queue?status=closed')).statusCode).toBe(422);
  });

  test('reading the queue takes the same handful of queries with 3 items or 40 (no query per item)', async () => {
    const category = await createCategory(ctx);
    const author = await createUser(ctx);
    const { topicId } = await insertTopic(ctx, { categoryId: category.id, authorId: author.id });
    const count = async () => {
      const spy = vi.spyOn(ctx.database.pool, 'query');
      const res = await queue();
      const n = spy.mock.calls.length;
      spy.mockRestore();
      expect(res.statusCode).toBe(200);
      return { n, items: res.json().items.length as number };
    };
    const fill = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const { postId } = await insertReply(ctx, { topicId, authorId: author.id, anonymous: i % 2 === 0 });
        await openQueueItem(ctx.database.db, { postId, kind: i % 5 === 0 ? 'needs_care' : 'reported' });
      }
    };
    await fill(3);
    await count(); // the session is read and cached on the first request
    const before = await count();
    await fill(37);
    const after = await count();
    expect(after.items).toBe(before.items + 37);
    expect(after.n).toBe(before.n);
    // The queue, its context, reports, prior actions, reactions and the open count: each once.
    expect(after.n).toBeGreaterThanOrEqual(6);
    expect(after.n).toBeLessThanOrEqual(8);
  });
});
