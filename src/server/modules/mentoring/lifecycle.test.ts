import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext, until } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { acceptedPair, activePair, outsiders, type Pair, requestedPair } from '../../../../test/helpers/mentorship-factories.ts';
import { notification } from '../notifications/tables.ts';
import { EXPIRY_JOB } from './jobs-names.ts';
import { startMentoringJobs } from './jobs.ts';
import { createMentorshipService } from './service.ts';
import { menteeRequest, mentorship } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const MISSING = '0190b6a0-0000-7000-8000-000000000000';

const row = async (t: TestContext, id: string) => (await t.database.db.select().from(mentorship).where(eq(mentorship.id, id)))[0]!;
const requestOf = async (t: TestContext, id: string) => (await t.database.db.select().from(menteeRequest).where(eq(menteeRequest.id, id)))[0]!;
/** The notifications someone has about a relationship, as "kind by actor" (actor "system" when none). */
async function told(t: TestContext, userId: string, subjectId: string) {
  const rows = await t.database.db.select().from(notification).where(eq(notification.userId, userId)).orderBy(asc(notification.createdAt), asc(notification.id));
  return rows.filter((n) => n.subjectId === subjectId).map((n) => `${n.kind} by ${n.actorId ?? 'system'}`);
}
const kindsFor = async (t: TestContext, userId: string, subjectId: string) => (await told(t, userId, subjectId)).map((s) => s.split(' by ')[0]);

const post = (client: Client, id: string, action: string, body: unknown = {}, headers?: Record<string, string>) =>
  client.post(`/api/v1/mentorships/${id}/${action}`, body, headers);

describe('the mentor answers', () => {
  test('accept: the request is matched, version 1 waits for both signatures, the mentee is told', async () => {
    const { mentor, mentee, id } = await requestedPair(ctx);
    const res = await post(mentor.client, id, 'accept');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'accepted', myRole: 'mentor', agreementState: 'waiting_for_both', expiresAt: null, request: { id: mentee.requestId, status: 'matched' } });
    expect(res.json().respondedAt).not.toBeNull();
    expect((await requestOf(ctx, mentee.requestId)).status).toBe('matched');
    expect(await told(ctx, mentee.id, id)).toEqual([`mentoring.accepted by ${mentor.id}`]);
    expect(await kindsFor(ctx, mentor.id, id)).toEqual(['mentoring.requested']);
  });

  test('decline with a kind message: the request goes back to waiting, counted afresh; the mentee is told', async () => {
    const { mentor, mentee, id } = await requestedPair(ctx);
    const before = await requestOf(ctx, mentee.requestId);
    const res = await post(mentor.client, id, 'decline', { message: 'My evenings are full this month. I hope you find someone soon.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', declineMessage: 'My evenings are full this month. I hope you find someone soon.', request: null });
    const after = await requestOf(ctx, mentee.requestId);
    expect(after.status).toBe('waiting');
    expect(after.waitingSince.getTime()).toBeGreaterThan(before.waitingSince.getTime());
    expect(await told(ctx, mentee.id, id)).toEqual([`mentoring.declined by ${mentor.id}`]);
    // The mentee reads the message on the relationship.
    expect((await mentee.client.get(`/api/v1/mentorships/${id}`)).json()).toMatchObject({ status: 'declined', myRole: 'mentee', declineMessage: expect.stringContaining('evenings') });
  });

  test('the mentee cancels an unanswered request: back to waiting; the mentor is told', async () => {
    const { mentor, mentee, id } = await requestedPair(ctx);
    const res = await post(mentee.client, id, 'cancel');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', myRole: 'mentee' });
    expect((await requestOf(ctx, mentee.requestId)).status).toBe('waiting');
    expect(await told(ctx, mentor.id, id)).toContain(`mentoring.cancelled by ${mentee.id}`);
    expect(await kindsFor(ctx, mentee.id, id)).toEqual([]);
  });

  test('only the mentor answers and only the mentee cancels: anyone else gets 404 and nothing changes', async () => {
    const { mentor, mentee, id } = await requestedPair(ctx);
    const { member, coordinator } = await outsiders(ctx);
    for (const client of [mentee.client, member.client, coordinator.client]) {
      expect((await post(client, id, 'accept')).statusCode).toBe(404);
      expect((await post(client, id, 'decline')).statusCode).toBe(404);
    }
    for (const client of [mentor.client, member.client, coordinator.client]) expect((await post(client, id, 'cancel')).statusCode).toBe(404);
    expect((await post(mentor.client, MISSING, 'accept')).statusCode).toBe(404);
    expect((await row(ctx, id)).status).toBe('requested');
  });
});

describe('bad transitions', () => {
  /** A 409 with a message a person can act on, in their language, and the relationship unchanged. */
  async function refused(p: Pair, client: Client, action: string, body: unknown, en: string, es: string) {
    const before = await row(ctx, p.id);
    const res = await post(client, p.id, action, body);
    expect(res.statusCode, `${action} from ${before.status}`).toBe(409);
    expect(res.json().error).toEqual({ code: 'conflict', message: en });
    expect((await post(client, p.id, action, body, { 'accept-language': 'es' })).json().error.message).toBe(es);
    expect(await row(ctx, p.id)).toEqual(before);
  }

  test('a request answered, cancelled or expired cannot be answered or cancelled again', async () => {
    const p = await requestedPair(ctx);
    expect((await post(p.mentor.client, p.id, 'decline')).statusCode).toBe(200);
    const en = 'This can’t be done now: the request has already been answered, cancelled or has expired.';
    const es = 'Ya no se puede hacer: la solicitud ya fue respondida, cancelada o venció.';
    await refused(p, p.mentor.client, 'accept', {}, en, es);
    await refused(p, p.mentor.client, 'decline', {}, en, es);
    await refused(p, p.mentee.client, 'cancel', {}, en, es);
  });

  test('pause, resume, end and the agreement each need the right state', async () => {
    const requested = await requestedPair(ctx);
    const notOpen = ['This can’t be done now: the relationship has ended or has not been accepted.', 'Ahora no se puede hacer: la relación terminó o todavía no fue aceptada.'] as const;
    const notActive = ['This can’t be done now: the relationship is not active.', 'Ahora no se puede hacer: la relación no está activa.'] as const;
    const notPaused = ['This can’t be done now: the relationship is not paused.', 'Ahora no se puede hacer: la relación no está en pausa.'] as const;
    await refused(requested, requested.mentee.client, 'end', { reason: 'mismatch' }, ...notOpen);
    await refused(requested, requested.mentor.client, 'pause', {}, ...notActive);
    await refused(requested, requested.mentee.client, 'agreement/sign', { version: 1 }, ...notOpen);

    const accepted = await acceptedPair(ctx);
    await refused(accepted, accepted.mentor.client, 'pause', {}, ...notActive);
    await refused(accepted, accepted.mentee.client, 'resume', {}, ...notPaused);
    await refused(accepted, accepted.mentee.client, 'cancel', {}, 'This can’t be done now: the request has already been answered, cancelled or has expired.', 'Ya no se puede hacer: la solicitud ya fue respondida, cancelada o venció.');

    const active = await activePair(ctx);
    await refused(active, active.mentee.client, 'resume', {}, ...notPaused);
    expect((await post(active.mentee.client, active.id, 'end', { reason: 'goals_met' })).statusCode).toBe(200);
    await refused(active, active.mentor.client, 'end', { reason: 'goals_met' }, ...notOpen);
    await refused(active, active.mentor.client, 'pause', {}, ...notActive);
    expect((await active.mentor.client.put(`/api/v1/mentorships/${active.id}/agreement`, (await active.mentor.client.get(`/api/v1/mentorships/${active.id}/agreement`)).json().current.terms)).statusCode).toBe(409);
  });

  test('bad input is 422 and changes nothing', async () => {
    const p = await activePair(ctx);
    const before = await row(ctx, p.id);
    expect((await post(p.mentee.client, p.id, 'end', { reason: 'bored' })).statusCode).toBe(422);
    expect((await post(p.mentee.client, p.id, 'end', {})).statusCode).toBe(422);
    expect((await post(p.mentor.client, p.id, 'decline', { message: 'x'.repeat(501) })).statusCode).toBe(422);
    expect((await post(p.mentee.client, p.id, 'pause', { note: 1 })).statusCode).toBe(422);
    expect((await p.mentee.client.post(`/api/v1/mentorships/not-an-id/pause`, {})).statusCode).toBe(422);
    // Only the mentee can go straight back to matching.
    const res = await post(p.mentor.client, p.id, 'end', { reason: 'moved_on', rematch: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({ rematch: 'Only the mentee can go back to matching.' });
    expect(await row(ctx, p.id)).toEqual(before);
  });
});

describe('active, paused, ended', () => {
  test('pause and resume from either side; the other side is told each time', async () => {
    const { mentor, mentee, id } = await activePair(ctx);
    const paused = await post(mentee.client, id, 'pause', { note: 'Travelling for two weeks' });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused' });
    expect(paused.json().pausedAt).not.toBeNull();
    // The note reaches the other person, and only the two of them.
    expect((await mentor.client.get(`/api/v1/mentorships/${id}`)).json().note).toEqual({ from: 'mentee', text: 'Travelling for two weeks' });
    expect((await mentee.client.get(`/api/v1/mentorships/${id}`)).json().note).toEqual({ from: 'mentee', text: 'Travelling for two weeks' });
    const { coordinator } = await outsiders(ctx);
    expect((await coordinator.client.get(`/api/v1/mentorships/${id}`)).json().note).toBeNull();
    const resumed = await post(mentor.client, id, 'resume', {});
    expect(resumed.json()).toMatchObject({ status: 'active', pausedAt: null, note: null });
    expect(await kindsFor(ctx, mentor.id, id)).toContain('mentoring.paused');
    expect(await kindsFor(ctx, mentor.id, id)).not.toContain('mentoring.resumed');
    expect(await told(ctx, mentee.id, id)).toContain(`mentoring.resumed by ${mentor.id}`);
    expect(await kindsFor(ctx, mentee.id, id)).not.toContain('mentoring.paused');
  });

  test('the mentor ends it: reason and side kept; the request stays matched (no rematch)', async () => {
    const { mentor, mentee, id } = await activePair(ctx);
    await post(mentor.client, id, 'pause', {});
    const res = await post(mentor.client, id, 'end', { reason: 'moved_on', note: 'Moving to another city' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ended', endReason: 'moved_on', endedBy: 'mentor', pausedAt: null });
    expect((await row(ctx, id)).note).toBe('Moving to another city');
    expect((await requestOf(ctx, mentee.requestId)).status).toBe('matched');
    expect(await told(ctx, mentee.id, id)).toContain(`mentoring.ended by ${mentor.id}`);
    // The former mentor no longer reads the mentee's request.
    expect(res.json().request).toBeNull();
  });

  test('the mentee ends it with a no-fault rematch: one tap and the same request is waiting again', async () => {
    const { mentor, mentee, id } = await activePair(ctx);
    const before = await requestOf(ctx, mentee.requestId);
    const res = await post(mentee.client, id, 'end', { reason: 'mismatch', rematch: true });
    expect(res.json()).toMatchObject({ status: 'ended', endReason: 'mismatch', endedBy: 'mentee' });
    const after = await requestOf(ctx, mentee.requestId);
    expect(after.status).toBe('waiting');
    expect(after.waitingSince.getTime()).toBeGreaterThan(before.waitingSince.getTime());
    expect((await mentee.client.get('/api/v1/mentoring/request')).json().request).toMatchObject({ id: mentee.requestId, status: 'waiting' });
    expect(await told(ctx, mentor.id, id)).toContain(`mentoring.ended by ${mentee.id}`);
  });

  test('an accepted relationship can end before it starts', async () => {
    const { mentee, id } = await acceptedPair(ctx);
    expect((await post(mentee.client, id, 'end', { reason: 'safety_concern', rematch: true })).json()).toMatchObject({ status: 'ended', endReason: 'safety_concern' });
    expect((await requestOf(ctx, mentee.requestId)).status).toBe('waiting');
  });

  test('my relationships: open first, then past; as mentor or mentee', async () => {
    const first = await activePair(ctx);
    await post(first.mentee.client, first.id, 'end', { reason: 'goals_met' });
    const { createMentor, askMentor } = await import('../../../../test/helpers/mentoring-factories.ts');
    const other = await createMentor(ctx);
    // The same mentee asks again with the same request (it is matched, the relationship over).
    const second = await askMentor(first.mentee, other.id);
    const list = (await first.mentee.client.get('/api/v1/mentorships')).json().mentorships;
    expect(list.map((m: { id: string; status: string }) => `${m.id}:${m.status}`)).toEqual([`${second}:requested`, `${first.id}:ended`]);
    expect(list.every((m: { myRole: string; request: unknown }) => m.myRole === 'mentee' && m.request === null)).toBe(true);
    expect((await first.mentor.client.get('/api/v1/mentorships')).json().mentorships.map((m: { id: string }) => m.id)).toEqual([first.id]);
    expect((await (await outsiders(ctx)).member.client.get('/api/v1/mentorships')).json()).toEqual({ mentorships: [] });
  });
});

describe('expiry after 72 hours', () => {
  const service = () => createMentorshipService(ctx.app.services.ctx);
  const pastDue = (id: string) => ctx.database.db.update(mentorship).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(mentorship.id, id));

  test('an unanswered request expires: the request waits again, both are told by the system, and it happens once', async () => {
    const { mentor, mentee, id } = await requestedPair(ctx);
    const asked = await row(ctx, id);
    expect(asked.expiresAt!.getTime() - asked.requestedAt.getTime()).toBe(72 * 3_600_000);
    const waitingBefore = (await requestOf(ctx, mentee.requestId)).waitingSince;
    const untouched = await requestedPair(ctx);

    // Not yet due: nothing happens.
    await service().expireDue();
    expect((await row(ctx, id)).status).toBe('requested');

    await pastDue(id);
    expect(await service().expireDue()).toBeGreaterThanOrEqual(1);
    expect((await row(ctx, id)).status).toBe('expired');
    const request = await requestOf(ctx, mentee.requestId);
    expect(request.status).toBe('waiting');
    expect(request.waitingSince.getTime()).toBeGreaterThan(waitingBefore.getTime());
    expect(await told(ctx, mentee.id, id)).toEqual(['mentoring.expired by system']);
    expect(await told(ctx, mentor.id, id)).toEqual(['mentoring.requested by ' + mentee.id, 'mentoring.expired by system']);
    expect((await row(ctx, untouched.id)).status).toBe('requested');

    // The delayed job and the sweep may both arrive: the second changes nothing.
    expect(await service().expire(id)).toBe(false);
    await service().expireDue();
    expect(await told(ctx, mentee.id, id)).toEqual(['mentoring.expired by system']);
    // And it can no longer be answered.
    expect((await post(mentor.client, id, 'accept')).statusCode).toBe(409);
  });

  test('a request past its time cannot be accepted even before the sweep runs', async () => {
    const { mentor, id } = await requestedPair(ctx);
    await pastDue(id);
    expect((await post(mentor.client, id, 'accept')).statusCode).toBe(409);
    expect((await row(ctx, id)).status).toBe('requested');
  });

  test('expiry never touches an answered relationship', async () => {
    const { id } = await acceptedPair(ctx);
    await pastDue(id);
    expect(await service().expire(id)).toBe(false);
    expect((await row(ctx, id)).status).toBe('accepted');
  });

  describe('the job', () => {
    let withJobs: TestContext;
    beforeAll(async () => {
      withJobs = await createTestApp({}, { withJobs: true });
      await startMentoringJobs(withJobs.jobs!, withJobs.app.services.ctx);
    });
    afterAll(() => withJobs.close());

    test('asking a mentor schedules the expiry job at the deadline; the worker expires the request when it runs', async () => {
      const { mentee, id } = await requestedPair(withJobs);
      const asked = await row(withJobs, id);
      const { rows } = await withJobs.database.pool.query<{ start_after: Date }>(`select start_after from pgboss.job where name = $1 and data->>'mentorshipId' = $2`, [EXPIRY_JOB, id]);
      expect(rows).toHaveLength(1);
      expect(Math.abs(rows[0]!.start_after.getTime() - asked.expiresAt!.getTime())).toBeLessThan(1000);

      // Bring the deadline forward and let the queue deliver a job now.
      await withJobs.database.db.update(mentorship).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(mentorship.id, id));
      await withJobs.jobs!.send(EXPIRY_JOB, { mentorshipId: id });
      expect(await until(async () => (await row(withJobs, id)).status === 'expired', 15_000)).toBe(true);
      expect((await requestOf(withJobs, mentee.requestId)).status).toBe('waiting');
    });

    test('the sweep is scheduled every minute', async () => {
      const { rows } = await withJobs.database.pool.query<{ cron: string }>(`select cron from pgboss.schedule where name = 'mentoring.request-expiry-sweep'`);
      expect(rows).toEqual([{ cron: '* * * * *' }]);
    });
  });
});

describe('the API document', () => {
  test('lists every route of the relationship with its errors', async () => {
    const doc = (await new Client(ctx.app).get('/api/openapi.json')).json();
    const mine = [
      'get /api/v1/mentorships',
      'get /api/v1/mentorships/{id}',
      'post /api/v1/mentorships/{id}/accept',
      'post /api/v1/mentorships/{id}/decline',
      'post /api/v1/mentorships/{id}/cancel',
      'post /api/v1/mentorships/{id}/pause',
      'post /api/v1/mentorships/{id}/resume',
      'post /api/v1/mentorships/{id}/end',
      'get /api/v1/mentorships/{id}/agreement',
      'put /api/v1/mentorships/{id}/agreement',
      'post /api/v1/mentorships/{id}/agreement/sign',
      'get /api/v1/mentorships/{id}/contacts',
      'post /api/v1/mentorships/{id}/contacts',
      'put /api/v1/mentorships/{id}/contacts/{contactId}/feedback',
      'get /api/v1/mentoring/caseload',
      'get /api/v1/mentoring/feedback',
      'post /api/v1/mentorships/{id}/concerns',
      'get /api/v1/mentoring/concerns',
      'post /api/v1/mentoring/concerns/{id}/acknowledge',
      'post /api/v1/mentoring/concerns/{id}/close',
    ];
    for (const route of mine) {
      const [method, path] = route.split(' ') as [string, string];
      expect(doc.paths[path]?.[method], route).toBeDefined();
      expect(Object.keys(doc.paths[path][method].responses), route).toContain('401');
    }
    expect(Object.keys(doc.paths['/api/v1/mentorships/{id}/accept'].post.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
  });
});
