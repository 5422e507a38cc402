import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCategory, insertReply, insertTopic } from '../../../../test/helpers/community-factories.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import { createGroup } from '../../../../test/helpers/meetings-factories.ts';
import { openQueueItem } from './queue-repo.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const report = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/community/reports', body);
const itemsOf = async (postId: string) =>
  (await ctx.database.db.execute<{ id: string; kinds: string[]; status: string }>(sql`select id, kinds, status from forum_queue_item where post_id = ${postId} order by created_at`)).rows;
const reportsOf = async (postId: string) =>
  (await ctx.database.db.execute<{ reporter_id: string; reason: string; note: string; queue_item_id: string }>(sql`select * from forum_report where post_id = ${postId} order by created_at`)).rows;

async function world() {
  const category = await createCategory(ctx);
  const author = await createUser(ctx);
  const reader = await createUser(ctx);
  const { topicId, postId } = await insertTopic(ctx, { categoryId: category.id, authorId: author.id });
  return { category, author, reader, topicId, postId };
}

describe('reporting a post', () => {
  test('a reader reports with a reason and a note: the post joins the queue as reported', async () => {
    const w = await world();
    const res = await report(w.reader.client, { postId: w.postId, reason: 'sourcing', note: 'Offering pills in the last line.' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const items = await itemsOf(w.postId);
    expect(items).toEqual([expect.objectContaining({ kinds: ['reported'], status: 'open' })]);
    expect(await reportsOf(w.postId)).toEqual([
      expect.objectContaining({ id, reporter_id: w.reader.id, reason: 'sourcing', note: 'Offering pills in the last line.', queue_item_id: items[0]!.id }),
    ]);
  });

  test('"someone seems in danger" also marks the item needs care; other reasons join the same open item', async () => {
    const w = await world();
    const second = await createUser(ctx);
    expect((await report(w.reader.client, { postId: w.postId, reason: 'worried' })).statusCode).toBe(201);
    expect((await report(second.client, { postId: w.postId, reason: 'spam' })).statusCode).toBe(201);
    const items = await itemsOf(w.postId);
    expect(items).toHaveLength(1);
    expect(items[0]!.kinds.sort()).toEqual(['needs_care', 'reported']);
    expect((await reportsOf(w.postId)).map((r) => r.queue_item_id)).toEqual([items[0]!.id, items[0]!.id]);
  });

  test('a post already in the queue (the crisis detector read it) gets the report on that same item', async () => {
    const w = await world();
    const { postId } = await insertReply(ctx, { topicId: w.topicId, authorId: w.author.id });
    const open = await openQueueItem(ctx.database.db, { postId, kind: 'needs_care' });
    expect((await report(w.reader.client, { postId, reason: 'other' })).statusCode).toBe(201);
    expect(await itemsOf(postId)).toEqual([expect.objectContaining({ id: open, kinds: expect.arrayContaining(['needs_care', 'reported']) })]);
  });

  test('twice by the same person is 409 while the item is open; once it is resolved they may report again', async () => {
    const w = await world();
    expect((await report(w.reader.client, { postId: w.postId, reason: 'harassment' })).statusCode).toBe(201);
    const again = await report(w.reader.client, { postId: w.postId, reason: 'other', note: 'still there' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('You have already reported this. Moderators will look at it.');
    expect(await reportsOf(w.postId)).toHaveLength(1);

    await ctx.database.db.execute(sql`update forum_queue_item set status = 'resolved', resolution = 'dismiss' where post_id = ${w.postId}`);
    expect((await report(w.reader.client, { postId: w.postId, reason: 'harassment' })).statusCode).toBe(201);
    expect((await itemsOf(w.postId)).map((i) => i.status)).toEqual(['resolved', 'open']);
  });

  test('two reports by the same person at the same moment: one is kept, the other is 409', async () => {
    const w = await world();
    const answers = await Promise.all([report(w.reader.client, { postId: w.postId, reason: 'spam' }), report(w.reader.client, { postId: w.postId, reason: 'spam' })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await reportsOf(w.postId)).toHaveLength(1);
  });

  test('their own post is 409, anonymous or not', async () => {
    const w = await world();
    const { postId } = await insertReply(ctx, { topicId: w.topicId, authorId: w.reader.id, anonymous: true });
    const res = await report(w.reader.client, { postId, reason: 'other' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('That is your own post.');
    expect(await itemsOf(postId)).toEqual([]);
  });
});

describe('what cannot be reported', () => {
  test('a post the reader cannot read is 404: a private group category, someone else’s held post, a hidden post, no such post', async () => {
    const w = await world();
    const group = await createGroup(ctx);
    const privateCategory = await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: group.id });
    const inGroup = await insertTopic(ctx, { categoryId: privateCategory.id, authorId: w.author.id });
    const held = await insertReply(ctx, { topicId: w.topicId, authorId: w.author.id, status: 'held' });
    const hidden = await insertReply(ctx, { topicId: w.topicId, authorId: w.author.id, status: 'hidden' });
    const heldTopic = await insertTopic(ctx, { categoryId: w.category.id, authorId: w.author.id, status: 'held' });
    for (const postId of [inGroup.postId, held.postId, hidden.postId, heldTopic.postId, '01900000-0000-7000-8000-000000000000']) {
      const res = await report(w.reader.client, { postId, reason: 'spam' });
      expect(res.statusCode, postId).toBe(404);
      expect(await itemsOf(postId)).toEqual([]);
    }
  });

  test('signed out is 401; bad input is 422; nothing is written', async () => {
    const w = await world();
    expect((await report(new Client(ctx.app), { postId: w.postId, reason: 'spam' })).statusCode).toBe(401);
    for (const bad of [
      { postId: w.postId },
      { postId: w.postId, reason: 'rude' },
      { postId: 'not-a-post', reason: 'spam' },
      { postId: w.postId, reason: 'spam', note: 'x'.repeat(1001) },
      { postId: w.postId, reason: 'spam', reporterId: w.author.id },
    ]) {
      const res = await report(w.reader.client, bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(422);
    }
    expect(await itemsOf(w.postId)).toEqual([]);
    expect(await reportsOf(w.postId)).toEqual([]);
  });
});
