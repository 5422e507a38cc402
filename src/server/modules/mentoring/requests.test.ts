import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser } from '../../../../test/helpers/factories.ts';
import { askMentor, createMentee, createMentor, menteeRequestBody } from '../../../../test/helpers/mentoring-factories.ts';
import { notification } from '../notifications/tables.ts';
import { menteeRequest, mentorship } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const requestsOf = (menteeId: string) => ctx.database.db.select().from(menteeRequest).where(eq(menteeRequest.menteeId, menteeId));
const mentorshipRow = async (id: string) => (await ctx.database.db.select().from(mentorship).where(eq(mentorship.id, id)))[0]!;

describe('my request', () => {
  test('none, then created waiting, then changed in place', async () => {
    const me = await createUser(ctx, { displayName: 'Kai' });
    expect((await me.client.get('/api/v1/mentoring/request')).json()).toEqual({ request: null });

    const created = await me.client.put('/api/v1/mentoring/request', menteeRequestBody({ languages: ['es'], genderPreference: 'man', stage: 'preparation' }));
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ menteeId: me.id, displayName: 'Kai', status: 'waiting', languages: ['es'], genderPreference: 'man', stage: 'preparation' });
    expect((await me.client.get('/api/v1/mentoring/request')).json()).toEqual({ request: created.json() });

    const changed = await me.client.put('/api/v1/mentoring/request', menteeRequestBody({ note: 'Evenings are best', stage: null }));
    expect(changed.json()).toMatchObject({ id: created.json().id, status: 'waiting', note: 'Evenings are best', stage: null, genderPreference: null });
    expect(await requestsOf(me.id)).toHaveLength(1);
  });

  test.each([
    { languages: [] },
    { languages: ['es', 'es'] },
    { pathways: ['astrology'] },
    { genderPreference: 'any' },
    { stage: 'done' },
    { timeZone: 'Nowhere/Land' },
    { availability: [{ day: 2, start: '09:00', end: '09:00' }] },
    { contactModes: ['telepathy'] },
    { note: 'x'.repeat(501) },
    { status: 'matched' },
    { menteeId: '0190b6a0-0000-7000-8000-000000000000' },
  ])('bad request %j is 422 and changes nothing', async (patch) => {
    const mentee = await createMentee(ctx);
    const [before] = await requestsOf(mentee.id);
    const res = await mentee.client.put('/api/v1/mentoring/request', { ...menteeRequestBody(), ...patch });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('validation_failed');
    expect(await requestsOf(mentee.id)).toEqual([before]);

    const fresh = await createUser(ctx);
    expect((await fresh.client.put('/api/v1/mentoring/request', { ...menteeRequestBody(), ...patch })).statusCode).toBe(422);
    expect(await requestsOf(fresh.id)).toEqual([]);
  });

  test('while a mentor is asked, a change keeps it pending', async () => {
    const mentor = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    await askMentor(mentee, mentor.id);
    const res = await mentee.client.put('/api/v1/mentoring/request', menteeRequestBody({ note: 'Also weekends' }));
    expect(res.json()).toMatchObject({ id: mentee.requestId, status: 'pending', note: 'Also weekends' });
  });

  test('a matched request whose relationship is over goes back to waiting when changed', async () => {
    const mentor = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    const id = await askMentor(mentee, mentor.id);
    await ctx.database.db.update(mentorship).set({ status: 'active' }).where(eq(mentorship.id, id));
    await ctx.database.db.update(menteeRequest).set({ status: 'matched' }).where(eq(menteeRequest.id, mentee.requestId));
    // Active: the preferences change, the status does not.
    expect((await mentee.client.put('/api/v1/mentoring/request', menteeRequestBody())).json().status).toBe('matched');
    await ctx.database.db.update(mentorship).set({ status: 'ended', endReason: 'moved_on', endedAt: new Date() }).where(eq(mentorship.id, id));
    const before = Date.now();
    const res = (await mentee.client.put('/api/v1/mentoring/request', menteeRequestBody())).json();
    expect(res).toMatchObject({ id: mentee.requestId, status: 'waiting' });
    expect(new Date(res.waitingSince).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  test('withdrawing: out of matching, the asked mentor told; gone after, and 404 a second time', async () => {
    const mentor = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    const id = await askMentor(mentee, mentor.id);
    expect((await mentee.client.delete('/api/v1/mentoring/request')).statusCode).toBe(204);
    expect((await requestsOf(mentee.id))[0]!.status).toBe('withdrawn');
    expect((await mentorshipRow(id)).status).toBe('cancelled');
    const told = await ctx.database.db.select().from(notification).where(eq(notification.userId, mentor.id));
    expect(told.map((n) => [n.kind, n.subjectId, n.actorId])).toContainEqual(['mentoring.cancelled', id, mentee.id]);
    expect((await mentor.client.get('/api/v1/mentoring/profile')).json().activeMentees).toBe(0);

    expect((await mentee.client.get('/api/v1/mentoring/request')).json()).toEqual({ request: null });
    expect((await mentee.client.delete('/api/v1/mentoring/request')).statusCode).toBe(404);
    // A new request starts afresh.
    const again = (await mentee.client.put('/api/v1/mentoring/request', menteeRequestBody())).json();
    expect(again.id).not.toBe(mentee.requestId);
    expect(again.status).toBe('waiting');
  });

  test('an accepted relationship is not cancelled by withdrawing, and no new request starts while it is open', async () => {
    const mentor = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    const id = await askMentor(mentee, mentor.id);
    await ctx.database.db.update(mentorship).set({ status: 'accepted' }).where(eq(mentorship.id, id));
    expect((await mentee.client.delete('/api/v1/mentoring/request')).statusCode).toBe(204);
    expect((await mentorshipRow(id)).status).toBe('accepted');
    // Nor can a new search start while it is open.
    const res = await mentee.client.put('/api/v1/mentoring/request', menteeRequestBody());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect((await requestsOf(mentee.id)).map((r) => r.status)).toEqual(['withdrawn']);
  });

  test('without a session: 401', async () => {
    const anonymous = new Client(ctx.app);
    expect((await anonymous.get('/api/v1/mentoring/request')).statusCode).toBe(401);
    expect((await anonymous.put('/api/v1/mentoring/request', menteeRequestBody())).statusCode).toBe(401);
    expect((await anonymous.delete('/api/v1/mentoring/request')).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/mentoring/requests')).statusCode).toBe(401);
  });
});

describe("coordinators' list", () => {
  test('waiting and pending requests, longest wait first; never to members or mentors', async () => {
    const coordinator = await createCoordinator(ctx);
    const mentor = await createMentor(ctx);
    const waiting = await createMentee(ctx, { request: { note: 'private words' } });
    const pending = await createMentee(ctx);
    await askMentor(pending, mentor.id);
    const withdrawn = await createMentee(ctx);
    await withdrawn.client.delete('/api/v1/mentoring/request');

    const list = await coordinator.client.get('/api/v1/mentoring/requests');
    expect(list.statusCode).toBe(200);
    const mine = list.json().requests.filter((r: { menteeId: string }) => [waiting.id, pending.id, withdrawn.id].includes(r.menteeId));
    expect(mine.map((r: { menteeId: string; status: string }) => [r.menteeId, r.status])).toEqual([
      [waiting.id, 'waiting'],
      [pending.id, 'pending'],
    ]);
    expect(mine[0].note).toBe('private words');

    // Members and mentors (even the one asked) never get the list; each sees only their own request.
    for (const who of [waiting.user, mentor.user, await createUser(ctx)]) {
      const res = await who.client.get('/api/v1/mentoring/requests');
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('private words');
    }
    expect((await mentor.client.get('/api/v1/mentoring/request')).json()).toEqual({ request: null });
  });
});
