import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createMentorship, createUser } from '../../../../test/helpers/factories.ts';
import { groupWithChat, mentorPairConversation, openGroupChat, sendMessage } from '../../../../test/helpers/messaging-factories.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { RETENTION_JOB, startMessagingJobs } from './jobs.ts';
import { applyRetention } from './retention.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('search', () => {
  test('finds words only in my own conversations; an outsider never finds another’s words', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    await sendMessage(mentor, conversationId, 'The marmalade fundraiser is on Saturday');
    const deleted = await sendMessage(mentee, conversationId, 'marmalade again');
    await mentee.client.delete(`/api/v1/messages/${deleted.id}`);
    const [outsider, coordinator] = await Promise.all([createUser(ctx), createCoordinator(ctx)]);
    const res = (await mentee.client.get('/api/v1/messages/search?q=marmalade')).json();
    expect(res.results).toHaveLength(1);
    expect(res.results[0]).toMatchObject({ message: { body: 'The marmalade fundraiser is on Saturday', conversationId }, conversation: { id: conversationId, title: 'Mentor Maya' } });
    for (const who of [outsider, coordinator]) {
      const theirs = await who.client.get('/api/v1/messages/search?q=marmalade');
      expect(theirs.statusCode).toBe(200);
      expect(theirs.body).not.toContain('marmalade fundraiser');
      expect(theirs.json().results).toEqual([]);
    }
    expect((await mentee.client.get('/api/v1/messages/search?q=a')).statusCode).toBe(422);
    expect((await mentee.client.get(`/api/v1/messages/search?q=${'x'.repeat(201)}`)).statusCode).toBe(422);
    for (const q of ['& | !', "'; drop table message; --", ':*', '<->']) {
      expect((await mentee.client.get(`/api/v1/messages/search?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(200);
    }
  });
});

describe('statistics', () => {
  test('ANALYZE keeps statistics for the words search reads, none for the text no plan filters on', async () => {
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    for (const words of ['Coffee after the meeting?', 'The **step four** worksheet', 'See you Sunday']) await sendMessage(mentor, conversationId, words);
    await ctx.database.db.execute(sql`analyze message`);
    const columns = await ctx.database.db.execute<{ attname: string }>(
      sql`select attname from pg_stats where schemaname = current_schema() and tablename = 'message' and attname in ('body', 'html', 'search')`,
    );
    expect(columns.rows.map((r) => r.attname)).toEqual(['search']);
  });
});

describe('contacts and blocks', () => {
  test('contacts: my mentor, my group’s facilitator, coordinators; never someone blocked', async () => {
    const [me, mentor, coordinator] = await Promise.all([createUser(ctx), createUser(ctx), createCoordinator(ctx)]);
    await createMentorship(ctx, mentor.id, me.id);
    const contacts = (await me.client.get('/api/v1/messaging/contacts')).json().contacts;
    expect(contacts.find((c: { person: { id: string } }) => c.person.id === mentor.id)).toMatchObject({ basis: 'mentorship', conversationId: null });
    expect(contacts.find((c: { person: { id: string } }) => c.person.id === coordinator.id)).toMatchObject({ basis: 'staff' });
    expect(contacts.some((c: { person: { id: string } }) => c.person.id === me.id)).toBe(false);
    expect((await me.client.post('/api/v1/messaging/blocks', { userId: mentor.id })).statusCode).toBe(204);
    expect((await me.client.post('/api/v1/messaging/blocks', { userId: mentor.id })).statusCode).toBe(204);
    const after = (await me.client.get('/api/v1/messaging/contacts')).json().contacts;
    expect(after.some((c: { person: { id: string } }) => c.person.id === mentor.id)).toBe(false);
    // Neither is the blocker in the blocked person's contacts.
    expect((await mentor.client.get('/api/v1/messaging/contacts')).json().contacts.some((c: { person: { id: string } }) => c.person.id === me.id)).toBe(false);
    const blocks = (await me.client.get('/api/v1/messaging/blocks')).json();
    expect(blocks.blocked).toEqual([{ person: { id: mentor.id, displayName: mentor.displayName }, blockedAt: expect.any(String) }]);
    expect((await mentor.client.get('/api/v1/messaging/blocks')).json().blocked).toEqual([]);
    expect((await me.client.post('/api/v1/messaging/blocks', { userId: me.id })).statusCode).toBe(422);
    expect((await me.client.post('/api/v1/messaging/blocks', { userId: '018f0000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    expect((await me.client.delete(`/api/v1/messaging/blocks/${mentor.id}`)).statusCode).toBe(204);
    expect((await me.client.get('/api/v1/messaging/blocks')).json().blocked).toEqual([]);
  });
});

describe('export', () => {
  test('my direct conversations whole, and only my own messages in a group’s chat', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    await sendMessage(mentor, conversationId, 'How was the meeting?');
    await sendMessage(mentee, conversationId, 'Good, thanks');
    const { group, members } = await groupWithChat(ctx, { members: 1 });
    const [other] = members;
    const { addGroupMember } = await import('../../../../test/helpers/meetings-factories.ts');
    await addGroupMember(ctx, group.id, mentee.id);
    const chat = await openGroupChat(mentee, group.id);
    await sendMessage(other!, chat.id, 'someone else’s words');
    await sendMessage(mentee, chat.id, 'my words in the group');
    const res = await mentee.client.get('/api/v1/me/messages/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kindred-messages-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = res.json();
    const direct = body.conversations.find((c: { id: string }) => c.id === conversationId);
    expect(direct.title).toBe('Mentor Maya');
    expect(direct.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([
      ['How was the meeting?', false],
      ['Good, thanks', true],
    ]);
    const groupPart = body.conversations.find((c: { id: string }) => c.id === chat.id);
    expect(groupPart.messages.map((m: { body: string }) => m.body)).toEqual(['my words in the group']);
    expect(res.body).not.toContain('someone else’s words');
    // Someone outside gets nothing of it.
    const outsider = await createUser(ctx);
    const theirs = await outsider.client.get('/api/v1/me/messages/export');
    expect(theirs.json().conversations).toEqual([]);
  });
});

describe('retention', () => {
  test('keeps everything by default; deletes messages older than the period once a coordinator sets one', async () => {
    const coordinator = await createCoordinator(ctx);
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    const old = await sendMessage(mentor, conversationId, 'long ago');
    const recent = await sendMessage(mentor, conversationId, 'yesterday');
    await ctx.database.db.execute(sql`update message set created_at = now() - interval '40 days' where id = ${old.id}`);
    await ctx.database.db.execute(sql`update message set created_at = now() - interval '1 day' where id = ${recent.id}`);
    await ctx.database.db.execute(sql`insert into realtime_event (id, type, recipients, created_at) values (gen_random_uuid(), 'conversation.updated', ${`{${mentor.id}}`}::uuid[], now() - interval '8 days')`);

    expect((await coordinator.client.get('/api/v1/admin/messaging/settings')).json()).toEqual({ retentionDays: null });
    expect(await applyRetention(ctx.database.db)).toEqual({ messages: 0, events: 1 });
    expect((await mentor.client.get('/api/v1/admin/messaging/settings')).statusCode).toBe(404);
    expect((await mentor.client.put('/api/v1/admin/messaging/settings', { retentionDays: 30 })).statusCode).toBe(404);
    expect((await coordinator.client.put('/api/v1/admin/messaging/settings', { retentionDays: 5 })).statusCode).toBe(422);
    const set = await coordinator.client.put('/api/v1/admin/messaging/settings', { retentionDays: 30 });
    expect(set.json()).toEqual({ retentionDays: 30 });
    const removed = await applyRetention(ctx.database.db);
    expect(removed.messages).toBe(1);
    const left = await ctx.database.db.execute<{ id: string }>(sql`select id from message where conversation_id = ${conversationId}`);
    expect(left.rows.map((r) => r.id)).toEqual([recent.id]);
    await coordinator.client.put('/api/v1/admin/messaging/settings', { retentionDays: null });
  });
});

test('the retention sweep is a daily job on the queue, and runs the same sweep', async () => {
  const handlers = new Map<string, (data: object) => Promise<void>>();
  const schedules: [string, string][] = [];
  const jobs: Jobs = {
    send: async () => {},
    work: async (name, handler) => void handlers.set(name, handler as (data: object) => Promise<void>),
    schedule: async (name, cron) => void schedules.push([name, cron]),
    stop: async () => {},
  };
  await startMessagingJobs(jobs, ctx.app.services.ctx);
  expect(schedules).toEqual([[RETENTION_JOB, '23 3 * * *']]);
  await ctx.database.db.execute(sql`insert into realtime_event (id, type, recipients, created_at) values (gen_random_uuid(), 'conversation.updated', '{}'::uuid[], now() - interval '30 days')`);
  await handlers.get(RETENTION_JOB)!({});
  const left = await ctx.database.db.execute(sql`select 1 from realtime_event where created_at < now() - interval '7 days'`);
  expect(left.rows).toHaveLength(0);
});
