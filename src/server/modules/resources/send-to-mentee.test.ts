import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { mentorship } from '../mentoring/tables.ts';
import { notification } from '../notifications/tables.ts';
import { resource } from './tables.ts';

let ctx: TestContext;
let coordinator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await createCoordinator(ctx);
});
afterAll(() => ctx.close());

const MISSING = '0190b6a0-0000-7000-8000-000000000000';

/** A directory entry written straight into the table (the directory's own routes are tested beside them). */
async function entry(o: Partial<typeof resource.$inferInsert> = {}): Promise<string> {
  const [row] = await ctx.database.db
    .insert(resource)
    .values({ name: 'Harbor Recovery Clinic', category: 'treatment_detox', origin: 'coordinator', description: 'Walk-in on weekdays', ...o })
    .returning({ id: resource.id });
  return row!.id;
}

async function strategy(author: TestUser, o: Record<string, unknown> = {}): Promise<string> {
  const res = await author.client.post('/api/v1/coping-strategies', { title: 'Urge surfing, my way', whenHelps: ['cravings'], steps: ['Notice the wave'], ...o });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function pair(status: 'active' | 'paused' | 'ended' = 'active') {
  const mentor = await createUser(ctx, { roles: ['peer_supporter'], displayName: `Mentor ${Math.random().toString(36).slice(2, 7)}` });
  const mentee = await createUser(ctx);
  const m = await createMentorship(ctx, mentor.id, mentee.id, status === 'ended' ? 'ended' : 'active');
  if (status === 'paused') await ctx.database.db.update(mentorship).set({ status: 'paused', pausedAt: new Date() }).where(eq(mentorship.id, m.id));
  return { mentor, mentee };
}

const notificationsOf = (userId: string) => ctx.database.db.select().from(notification).where(eq(notification.userId, userId));

describe('a mentor sends a resource or a strategy to their mentee', () => {
  test('the mentee gets a notification naming the mentor and the record, nothing more', async () => {
    const { mentor, mentee } = await pair();
    const publicEntry = await entry({ audience: 'public' });
    const membersEntry = await entry({ audience: 'members', name: 'Members-only housing list' });
    const approved = await strategy(coordinator, { title: 'Five senses, one minute' });

    for (const id of [publicEntry, membersEntry]) {
      expect((await mentor.client.post(`/api/v1/resources/${id}/send`, { menteeId: mentee.id })).statusCode).toBe(204);
    }
    expect((await mentor.client.post(`/api/v1/coping-strategies/${approved}/send`, { menteeId: mentee.id })).statusCode).toBe(204);

    const inbox = await mentee.client.get('/api/v1/me/notifications');
    const items = inbox.json().notifications;
    expect(items.map((n: { kind: string; subjectId: string }) => [n.kind, n.subjectId])).toEqual([
      ['resources.strategy_shared', approved],
      ['resources.resource_shared', membersEntry],
      ['resources.resource_shared', publicEntry],
    ]);
    for (const n of items) expect(n.actor).toEqual({ id: mentor.id, displayName: mentor.displayName });
    for (const text of ['Harbor', 'Members-only', 'Five senses', 'Walk-in', coordinator.id]) expect(inbox.body).not.toContain(text);
    // The mentor's own inbox is untouched.
    expect(await notificationsOf(mentor.id)).toEqual([]);
  });

  test('anyone but the mentor of an active relationship gets 404, and nobody is notified', async () => {
    const { mentor, mentee } = await pair();
    const paused = await pair('paused');
    const ended = await pair('ended');
    const stranger = await createUser(ctx, { roles: ['peer_supporter'] });
    const otherMentee = (await pair()).mentee;
    const id = await entry();
    const approved = await strategy(coordinator);

    const attempts: [TestUser, string][] = [
      [stranger, mentee.id],
      [coordinator, mentee.id],
      // The mentee cannot "send" to their mentor: only mentors send.
      [mentee, mentor.id],
      // A mentor cannot reach someone else's mentee.
      [mentor, otherMentee.id],
      [paused.mentor, paused.mentee.id],
      [ended.mentor, ended.mentee.id],
      [mentor, MISSING],
    ];
    for (const [sender, menteeId] of attempts) {
      expect((await sender.client.post(`/api/v1/resources/${id}/send`, { menteeId })).statusCode).toBe(404);
      expect((await sender.client.post(`/api/v1/coping-strategies/${approved}/send`, { menteeId })).statusCode).toBe(404);
    }
    for (const person of [mentee, mentor, otherMentee, paused.mentee, ended.mentee]) expect(await notificationsOf(person.id)).toEqual([]);
  });

  test('only what any member may read can be sent: suggested, archived or missing entries and unapproved strategies are 404', async () => {
    const { mentor, mentee } = await pair();
    const suggested = await entry({ status: 'suggested', origin: 'suggestion' });
    const archived = await entry({ status: 'archived' });
    const pending = await strategy(mentor, { title: 'My pending idea' });
    const rejected = await strategy(mentor, { title: 'My rejected idea' });
    expect((await coordinator.client.post(`/api/v1/coping-strategies/${rejected}/review`, { decision: 'reject' })).statusCode).toBe(200);

    for (const id of [suggested, archived, MISSING]) expect((await mentor.client.post(`/api/v1/resources/${id}/send`, { menteeId: mentee.id })).statusCode).toBe(404);
    for (const id of [pending, rejected, MISSING]) expect((await mentor.client.post(`/api/v1/coping-strategies/${id}/send`, { menteeId: mentee.id })).statusCode).toBe(404);
    expect(await notificationsOf(mentee.id)).toEqual([]);
  });

  test('signed out is 401 and bad input is 422; neither notifies', async () => {
    const { mentor, mentee } = await pair();
    const id = await entry();
    expect((await new Client(ctx.app).post(`/api/v1/resources/${id}/send`, { menteeId: mentee.id })).statusCode).toBe(401);
    for (const body of [{}, { menteeId: 'someone' }, { menteeId: mentee.id, note: 'hi' }]) {
      expect((await mentor.client.post(`/api/v1/resources/${id}/send`, body)).statusCode).toBe(422);
      expect((await mentor.client.post(`/api/v1/coping-strategies/${id}/send`, body)).statusCode).toBe(422);
    }
    expect((await mentor.client.post('/api/v1/resources/not-an-id/send', { menteeId: mentee.id })).statusCode).toBe(422);
    expect(await notificationsOf(mentee.id)).toEqual([]);
  });
});
