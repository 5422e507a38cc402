import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator } from '../../../../test/helpers/factories.ts';
import { acceptedPair, activePair, expectOk, outsiders, type Pair, requestedPair } from '../../../../test/helpers/mentorship-factories.ts';
import { auditLog } from '../audit/tables.ts';
import { notification } from '../notifications/tables.ts';
import { mentoringConcern } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const NOTE = 'She said she has not slept in three days and stopped going to meetings.';
const raise = (p: Pair, body: Record<string, unknown> = { kind: 'wellbeing', note: NOTE }) => p.mentor.client.post(`/api/v1/mentorships/${p.id}/concerns`, body);
const concernRows = async (mentorId: string) => ctx.database.db.select().from(mentoringConcern).where(eq(mentoringConcern.mentorId, mentorId));
const notificationsAbout = async (subjectId: string) => ctx.database.db.select().from(notification).where(eq(notification.subjectId, subjectId));

describe('raising a concern', () => {
  test('the mentor raises one; every coordinator is told, the mentee never', async () => {
    const [first, second] = [await createCoordinator(ctx), await createCoordinator(ctx)];
    const p = await activePair(ctx);
    const res = await raise(p);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      mentorshipId: p.id,
      mentor: { id: p.mentor.id, displayName: p.mentor.user.displayName },
      mentee: { id: p.mentee.id, displayName: p.mentee.user.displayName },
      kind: 'wellbeing',
      note: NOTE,
      status: 'open',
      acknowledgedBy: null,
      closedAt: null,
      outcome: null,
    });
    const told = await notificationsAbout(c.id);
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(told.every((n) => n.kind === 'mentoring.concern_opened' && n.actorId === p.mentor.id)).toBe(true);
    expect(told.map((n) => n.userId)).not.toContain(p.mentee.id);
    expect(told.map((n) => n.userId)).not.toContain(p.mentor.id);
  });

  test('about someone the mentor took on: not a request never accepted; an ended relationship still can', async () => {
    const requested = await requestedPair(ctx);
    const res = await raise(requested);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('A concern can be raised once you have accepted the request.');
    await expectOk(await requested.mentor.client.post(`/api/v1/mentorships/${requested.id}/decline`, {}));
    expect((await raise(requested)).statusCode).toBe(409);
    expect(await concernRows(requested.mentor.id)).toEqual([]);

    expect((await raise(await acceptedPair(ctx))).statusCode).toBe(201);
    const ended = await activePair(ctx);
    await expectOk(await ended.mentee.client.post(`/api/v1/mentorships/${ended.id}/end`, { reason: 'safety_concern' }));
    expect((await raise(ended, { kind: 'safety', note: 'Ended after threats; please follow up.' })).statusCode).toBe(201);
  });

  test('only the mentor of the relationship; bad input is 422; nothing is written', async () => {
    const p = await activePair(ctx);
    const { member, peer, coordinator } = await outsiders(ctx);
    for (const client of [p.mentee.client, member.client, peer.client, coordinator.client]) {
      expect((await client.post(`/api/v1/mentorships/${p.id}/concerns`, { kind: 'other', note: 'x' })).statusCode).toBe(404);
    }
    for (const bad of [{ kind: 'gossip', note: 'x' }, { kind: 'other', note: '' }, { kind: 'other', note: '   ' }, { kind: 'other' }, { kind: 'other', note: 'x'.repeat(2001) }]) {
      expect((await raise(p, bad)).statusCode, JSON.stringify(bad)).toBe(422);
    }
    expect(await concernRows(p.mentor.id)).toEqual([]);
  });
});

describe('tracking until closed', () => {
  test('coordinators acknowledge and close with an outcome; both are audited without the note; closed is final', async () => {
    const coordinator = await createCoordinator(ctx, { displayName: 'Coordinator Kim' });
    const p = await activePair(ctx);
    const { id } = (await raise(p)).json();

    const acked = await coordinator.client.post(`/api/v1/mentoring/concerns/${id}/acknowledge`);
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Coordinator Kim' });
    expect((await coordinator.client.post(`/api/v1/mentoring/concerns/${id}/acknowledge`)).json()).toMatchObject({ status: 'acknowledged' });

    const closed = await coordinator.client.post(`/api/v1/mentoring/concerns/${id}/close`, { outcome: 'Referred to the counsellor; mentor supported.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'Referred to the counsellor; mentor supported.' });
    expect(closed.json().closedAt).not.toBeNull();

    for (const [path, body] of [['acknowledge', undefined], ['close', { outcome: 'Again' }]] as const) {
      const again = await coordinator.client.post(`/api/v1/mentoring/concerns/${id}/${path}`, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe('This concern is already closed.');
    }
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.actorId, coordinator.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['mentoring.concern_acknowledged', 'mentoring.concern_closed']);
    expect(JSON.stringify(audits)).not.toContain('slept');
    expect((await ctx.database.db.select().from(mentoringConcern).where(eq(mentoringConcern.id, id)))[0]!.outcome).toBe('Referred to the counsellor; mentor supported.');
  });

  test('closing an open concern records who saw it too', async () => {
    const coordinator = await createCoordinator(ctx, { displayName: 'Coordinator Lee' });
    const { id } = (await raise(await activePair(ctx))).json();
    expect((await coordinator.client.post(`/api/v1/mentoring/concerns/${id}/close`, { outcome: 'Talked with the mentor.' })).json()).toMatchObject({ status: 'closed', acknowledgedBy: 'Coordinator Lee' });
  });

  test('only coordinators acknowledge and close; bad input is 422', async () => {
    const p = await activePair(ctx);
    const { id } = (await raise(p)).json();
    const { member, peer } = await outsiders(ctx);
    for (const client of [p.mentor.client, p.mentee.client, member.client, peer.client]) {
      expect((await client.post(`/api/v1/mentoring/concerns/${id}/acknowledge`)).statusCode).toBe(404);
      expect((await client.post(`/api/v1/mentoring/concerns/${id}/close`, { outcome: 'Done' })).statusCode).toBe(404);
    }
    const coordinator = (await outsiders(ctx)).coordinator;
    expect((await coordinator.client.post(`/api/v1/mentoring/concerns/${id}/close`, {})).statusCode).toBe(422);
    expect((await coordinator.client.post(`/api/v1/mentoring/concerns/${id}/close`, { outcome: '' })).statusCode).toBe(422);
    expect((await coordinator.client.post('/api/v1/mentoring/concerns/0190b6a0-0000-7000-8000-000000000000/close', { outcome: 'x' })).statusCode).toBe(404);
    expect((await concernRows(p.mentor.id))[0]).toMatchObject({ status: 'open', acknowledgedBy: null });
  });
});

describe('who sees concerns', () => {
  test('coordinators all, a mentor their own, the mentee never those about them', async () => {
    const t = await createTestApp();
    try {
      const p = await activePair(t);
      const other = await activePair(t);
      const mine = (await p.mentor.client.post(`/api/v1/mentorships/${p.id}/concerns`, { kind: 'boundaries', note: NOTE })).json();
      const theirs = (await other.mentor.client.post(`/api/v1/mentorships/${other.id}/concerns`, { kind: 'supervision', note: 'I need to talk it through.' })).json();
      const { coordinator, member } = await outsiders(t);
      await expectOk(await coordinator.client.post(`/api/v1/mentoring/concerns/${theirs.id}/close`, { outcome: 'Supervision booked.' }));

      const ids = async (client: Pair['mentor']['client'], query = '') => {
        const res = await client.get(`/api/v1/mentoring/concerns${query}`);
        expect(res.statusCode).toBe(200);
        return res.json().concerns.map((c: { id: string }) => c.id);
      };
      expect(await ids(coordinator.client)).toEqual([mine.id]);
      expect(await ids(coordinator.client, '?status=all')).toEqual([mine.id, theirs.id]);
      expect(await ids(p.mentor.client, '?status=all')).toEqual([mine.id]);
      expect(await ids(other.mentor.client, '?status=all')).toEqual([theirs.id]);
      expect(await ids(other.mentor.client)).toEqual([]);
      for (const client of [p.mentee.client, other.mentee.client, member.client]) expect(await ids(client, '?status=all')).toEqual([]);
      expect((await coordinator.client.get('/api/v1/mentoring/concerns?status=closed')).statusCode).toBe(422);
      // Nothing in the mentee's notifications or relationship view speaks of it.
      const menteeNotifications = (await p.mentee.client.get('/api/v1/me/notifications')).json().notifications;
      expect(menteeNotifications.some((n: { kind: string; subjectId: string }) => n.kind === 'mentoring.concern_opened' || n.subjectId === mine.id)).toBe(false);
      expect(JSON.stringify((await p.mentee.client.get(`/api/v1/mentorships/${p.id}`)).json())).not.toContain('slept');
    } finally {
      await t.close();
    }
  });
});
