import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import { askMentor, createCoordinator, createMentee, createMentor, mentorProfileBody, type TestMentee } from '../../../../test/helpers/mentoring-factories.ts';
import { userRole } from '../accounts/tables.ts';
import { notification } from '../notifications/tables.ts';
import { menteeRequest, mentorProfile, mentorship } from './tables.ts';
import { EXPIRY_JOB } from './jobs-names.ts';
import { OPEN_STATUSES } from './policy.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
// Suggestions range over every mentor in the program: each test starts with none.
beforeEach(async () => {
  await ctx.database.db.delete(mentorship);
  await ctx.database.db.delete(menteeRequest);
  await ctx.database.db.delete(mentorProfile);
});

const MISSING = '0190b6a0-0000-7000-8000-000000000000';
const ids = (res: { json(): { suggestions: { mentor: { userId: string } }[] } }) => res.json().suggestions.map((s) => s.mentor.userId);
const requestRow = async (id: string) => (await ctx.database.db.select().from(menteeRequest).where(eq(menteeRequest.id, id)))[0]!;
const mentorshipsOf = (menteeId: string) => ctx.database.db.select().from(mentorship).where(eq(mentorship.menteeId, menteeId));
const notificationsOf = (userId: string) => ctx.database.db.select().from(notification).where(eq(notification.userId, userId));
const openCount = async (mentorId: string) =>
  (await ctx.database.db.select().from(mentorship).where(and(eq(mentorship.mentorId, mentorId), inArray(mentorship.status, [...OPEN_STATUSES])))).length;

/** A past relationship, written directly. */
const pastMentorship = (mentorId: string, mentee: TestMentee, values: Partial<typeof mentorship.$inferInsert>) =>
  ctx.database.db.insert(mentorship).values({ mentorId, menteeId: mentee.id, status: 'ended', ...values });

describe('suggestions', () => {
  test('ranked, explained in the reader’s language, without the admin fields', async () => {
    const best = await createMentor(ctx, { displayName: 'Best', profile: { languages: ['es', 'en'], capacity: 5 } });
    const weaker = await createMentor(ctx, { displayName: 'Weaker', profile: { languages: ['es'], pathways: ['twelve_step'], availability: [] } });
    const mentee = await createMentee(ctx, { request: { languages: ['es'], availability: [{ day: 1, start: '17:00', end: '23:00' }] } });

    const res = await mentee.client.get('/api/v1/mentoring/suggestions', { 'accept-language': 'es' });
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([best.id, weaker.id]);
    const [first] = res.json().suggestions;
    expect(first.explanation).toBe('ambos SMART Recovery; 3 h de disponibilidad en común por semana; pueden verse por teléfono; ambos hablan español; 5 de 5 plazas libres');
    expect(first.score).toBeGreaterThan(res.json().suggestions[1].score);
    expect(first.mentor).toMatchObject({ displayName: 'Best', summary: expect.any(String), languages: ['es', 'en'], available: true, activeMentees: 0 });
    for (const s of res.json().suggestions) {
      expect(s.mentor).not.toHaveProperty('capacityCap');
      expect(s.mentor).not.toHaveProperty('certified');
      expect(s.mentor).not.toHaveProperty('updatedAt');
    }
    expect((await mentee.client.get('/api/v1/mentoring/suggestions')).json().suggestions[0].explanation).toMatch(/^both SMART Recovery; 3 h of overlapping availability a week/);
  });

  test('never a mentor who breaks a hard constraint', async () => {
    const coordinator = await createCoordinator(ctx);
    const fits = await createMentor(ctx, { profile: { gender: 'woman' }, certified: true });
    const notAccepting = await createMentor(ctx, { profile: { gender: 'woman', accepting: false }, certified: true });
    const full = await createMentor(ctx, { profile: { gender: 'woman', capacity: 1 }, certified: true });
    const capped = await createMentor(ctx, { profile: { gender: 'woman' }, certified: true });
    await coordinator.client.patch(`/api/v1/mentoring/mentors/${capped.id}`, { capacityCap: 0 });
    const uncertified = await createMentor(ctx, { profile: { gender: 'woman' } });
    const man = await createMentor(ctx, { profile: { gender: 'man' }, certified: true });
    const unstated = await createMentor(ctx, { profile: { gender: null }, certified: true });
    const otherLanguage = await createMentor(ctx, { profile: { gender: 'woman', languages: ['fr'] }, certified: true });
    const endedForSafety = await createMentor(ctx, { profile: { gender: 'woman' }, certified: true });
    const declined = await createMentor(ctx, { profile: { gender: 'woman' }, certified: true });
    const expired = await createMentor(ctx, { profile: { gender: 'woman' }, certified: true });
    const noLongerPeer = await createMentor(ctx, { profile: { gender: 'woman' }, certified: true });
    await ctx.database.db.delete(userRole).where(and(eq(userRole.userId, noLongerPeer.id), eq(userRole.role, 'peer_supporter')));

    // The mentee is a peer supporter with a profile too: never themselves.
    const mentee = await createMentee(ctx, { request: { genderPreference: 'woman' } });
    await ctx.database.db.insert(userRole).values({ userId: mentee.id, role: 'peer_supporter' });
    await mentee.client.put('/api/v1/mentoring/profile', mentorProfileBody({ gender: 'woman' }));
    await ctx.database.db.update(mentorProfile).set({ certified: true }).where(eq(mentorProfile.userId, mentee.id));

    const someoneElse = await createMentee(ctx);
    await askMentor(someoneElse, full.id);
    await pastMentorship(endedForSafety.id, mentee, { endReason: 'safety_concern', endedBy: 'mentor' });
    await pastMentorship(declined.id, mentee, { status: 'declined', requestId: mentee.requestId });
    await pastMentorship(expired.id, mentee, { status: 'expired', requestId: mentee.requestId });
    // Ended for another reason, or declined for an earlier request: still a candidate.
    const endedNoFault = await createMentor(ctx, { profile: { gender: 'woman' }, certified: true });
    await pastMentorship(endedNoFault.id, mentee, { endReason: 'mismatch' });

    await coordinator.client.patch('/api/v1/mentoring/settings', { requireCertification: true });
    try {
      const res = await mentee.client.get('/api/v1/mentoring/suggestions');
      expect(res.statusCode).toBe(200);
      expect(ids(res).sort()).toEqual([fits.id, endedNoFault.id].sort());
      // Asking any of the others is 404, as if they did not exist, and changes nothing.
      for (const m of [notAccepting, capped, uncertified, man, unstated, otherLanguage, endedForSafety, declined, expired, noLongerPeer]) {
        expect((await mentee.client.post('/api/v1/mentorships', { mentorId: m.id })).statusCode).toBe(404);
      }
      expect((await mentee.client.post('/api/v1/mentorships', { mentorId: mentee.id })).statusCode).toBe(404);
      expect((await mentee.client.post('/api/v1/mentorships', { mentorId: MISSING })).statusCode).toBe(404);
      // A full mentor has just filled up: 409, so the mentee knows to choose another.
      expect((await mentee.client.post('/api/v1/mentorships', { mentorId: full.id })).json().error.code).toBe('conflict');
      expect((await mentorshipsOf(mentee.id)).filter((m) => m.status === 'requested')).toEqual([]);
      expect((await requestRow(mentee.requestId)).status).toBe('waiting');
    } finally {
      await coordinator.client.patch('/api/v1/mentoring/settings', { requireCertification: false });
    }
  });

  test('at most ten, and none without a waiting request', async () => {
    for (let i = 0; i < 11; i++) await createMentor(ctx);
    const mentee = await createMentee(ctx);
    expect(ids(await mentee.client.get('/api/v1/mentoring/suggestions'))).toHaveLength(10);
    const nobody = await createUser(ctx);
    expect((await nobody.client.get('/api/v1/mentoring/suggestions')).json()).toEqual({ suggestions: [] });
    await askMentor(mentee, ids(await mentee.client.get('/api/v1/mentoring/suggestions'))[0]!);
    expect((await mentee.client.get('/api/v1/mentoring/suggestions')).json()).toEqual({ suggestions: [] });
    expect((await new Client(ctx.app).get('/api/v1/mentoring/suggestions')).statusCode).toBe(401);
  });
});

describe('asking a mentor', () => {
  test('creates a request for 72 hours, holds a place, and tells the mentor only', async () => {
    const mentor = await createMentor(ctx, { profile: { capacity: 2 } });
    const mentee = await createMentee(ctx, { displayName: 'Sam' });
    const before = Date.now();
    const res = await mentee.client.post('/api/v1/mentorships', { mentorId: mentor.id });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ status: 'requested', myRole: 'mentee', origin: 'mentee', mentor: { id: mentor.id }, mentee: { id: mentee.id, displayName: 'Sam' }, agreementState: 'none' });
    const expiresIn = new Date(m.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(72 * 3_600_000 - 60_000);
    expect(expiresIn).toBeLessThan(72 * 3_600_000 + 60_000);
    expect((await requestRow(mentee.requestId)).status).toBe('pending');
    expect((await mentee.client.get('/api/v1/mentoring/request')).json().request.status).toBe('pending');
    expect((await mentor.client.get('/api/v1/mentoring/profile')).json()).toMatchObject({ activeMentees: 1, available: true });

    expect((await notificationsOf(mentor.id)).map((n) => [n.kind, n.subjectId, n.actorId])).toEqual([['mentoring.requested', m.id, mentee.id]]);
    expect(await notificationsOf(mentee.id)).toEqual([]);
  });

  test('one open relationship at a time (409), and a request first (409)', async () => {
    const a = await createMentor(ctx);
    const b = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    await askMentor(mentee, a.id);
    const again = await mentee.client.post('/api/v1/mentorships', { mentorId: b.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect(await openCount(b.id)).toBe(0);

    // An active relationship, too.
    const other = await createMentee(ctx);
    await ctx.database.db.update(menteeRequest).set({ status: 'matched' }).where(eq(menteeRequest.id, other.requestId));
    await ctx.database.db.insert(mentorship).values({ mentorId: a.id, menteeId: other.id, status: 'active', requestId: other.requestId });
    expect((await other.client.post('/api/v1/mentorships', { mentorId: b.id })).statusCode).toBe(409);

    const noRequest = await createUser(ctx);
    expect((await noRequest.client.post('/api/v1/mentorships', { mentorId: b.id })).statusCode).toBe(409);
    expect(await openCount(b.id)).toBe(0);
  });

  test('bad input is 422 and changes nothing', async () => {
    const mentor = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    for (const body of [{}, { mentorId: 'someone' }, { mentorId: mentor.id, origin: 'coordinator' }, { mentorId: 42 }]) {
      expect((await mentee.client.post('/api/v1/mentorships', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await mentorshipsOf(mentee.id)).toEqual([]);
    expect((await requestRow(mentee.requestId)).status).toBe('waiting');
    expect((await new Client(ctx.app).post('/api/v1/mentorships', { mentorId: mentor.id })).statusCode).toBe(401);
  });

  test("two mentees asking for a mentor's last place at once: exactly one gets it", async () => {
    for (let round = 0; round < 3; round++) {
      const mentor = await createMentor(ctx, { profile: { capacity: 1 } });
      const [x, y, z] = await Promise.all([createMentee(ctx), createMentee(ctx), createMentee(ctx)]);
      const results = await Promise.all([x, y, z].map((m) => m.client.post('/api/v1/mentorships', { mentorId: mentor.id })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      expect(await openCount(mentor.id)).toBe(1);
      const losers = [x, y, z].filter((_, i) => results[i]!.statusCode === 409);
      for (const l of losers) expect((await requestRow(l.requestId)).status).toBe('waiting');
    }
  });

  test('one mentee asking two mentors at once: one relationship', async () => {
    const a = await createMentor(ctx);
    const b = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    const results = await Promise.all([a, b].map((m) => mentee.client.post('/api/v1/mentorships', { mentorId: m.id })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await mentorshipsOf(mentee.id)).length).toBe(1);
  });
});

describe('the expiry job', () => {
  let withJobs: TestContext;
  beforeAll(async () => {
    withJobs = await createTestApp({}, { withJobs: true });
  });
  afterAll(() => withJobs.close());

  test('asking a mentor sends a delayed job for the 72-hour deadline', async () => {
    const mentor = await createMentor(withJobs);
    const mentee = await createMentee(withJobs);
    const id = await askMentor(mentee, mentor.id);
    const [row] = await withJobs.database.db.select().from(mentorship).where(eq(mentorship.id, id));
    const { rows } = await withJobs.database.pool.query<{ start_after: Date }>(`select start_after from pgboss.job where name = $1 and data->>'mentorshipId' = $2`, [EXPIRY_JOB, id]);
    expect(rows).toHaveLength(1);
    expect(Math.abs(rows[0]!.start_after.getTime() - row!.expiresAt!.getTime())).toBeLessThan(1000);
  });
});
