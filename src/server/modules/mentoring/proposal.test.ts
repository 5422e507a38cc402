import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import { askMentor, createCoordinator, createMentee, createMentor } from '../../../../test/helpers/mentoring-factories.ts';
import { auditLog } from '../audit/tables.ts';
import { notification } from '../notifications/tables.ts';
import { menteeRequest, mentorProfile, mentorship } from './tables.ts';
import { DEFAULT_MENTORING_SETTINGS } from './settings.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
// A proposal covers the whole program: each test starts with nobody waiting and no mentors.
beforeEach(async () => {
  await ctx.database.db.delete(mentorship);
  await ctx.database.db.delete(menteeRequest);
  await ctx.database.db.delete(mentorProfile);
});

const MISSING = '0190b6a0-0000-7000-8000-000000000000';
type Pair = { requestId: string; menteeId: string; mentorId: string; score: number; reasons: { part: string }[] };
const pairsOf = (p: { pairs: Pair[] }) => new Map(p.pairs.map((x) => [x.menteeId, x.mentorId]));
const requestRow = async (id: string) => (await ctx.database.db.select().from(menteeRequest).where(eq(menteeRequest.id, id)))[0]!;

describe('the program-wide proposal', () => {
  test('matches as many as possible first, then the best total (not greedy); unmatched are listed', async () => {
    const coordinator = await createCoordinator(ctx);
    // Ana fits Xavi best, but Yara can only be matched with Ana: the optimum gives Xavi to Ben.
    const ana = await createMentor(ctx, { displayName: 'Ana', profile: { capacity: 1, languages: ['en', 'es'] } });
    const ben = await createMentor(ctx, { displayName: 'Ben', profile: { capacity: 1, pathways: ['twelve_step'], availability: [] } });
    const xavi = await createMentee(ctx, { displayName: 'Xavi' });
    // Yara shares no pathway with Ana, so a greedy pass (best pair first) would give Ana to Xavi and leave Yara out.
    const yara = await createMentee(ctx, { displayName: 'Yara', request: { languages: ['es'], pathways: ['secular'] } });
    const zoe = await createMentee(ctx, { displayName: 'Zoe', request: { languages: ['fr'] } });

    const res = await coordinator.client.post('/api/v1/mentoring/proposal');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(pairsOf(p)).toEqual(new Map([[xavi.id, ben.id], [yara.id, ana.id]]));
    const suggestedToXavi = (await xavi.client.get('/api/v1/mentoring/suggestions')).json().suggestions;
    const yaraWithAna = p.pairs.find((x: Pair) => x.menteeId === yara.id).score;
    expect(suggestedToXavi[0]).toMatchObject({ mentor: { userId: ana.id } });
    expect(suggestedToXavi[0].score).toBeGreaterThan(yaraWithAna);
    expect(p.pairs.find((x: Pair) => x.menteeId === yara.id)).toMatchObject({ menteeName: 'Yara', mentorName: 'Ana', requestId: yara.requestId });
    expect(p.pairs.every((x: Pair) => x.score > 0 && x.reasons.length > 0)).toBe(true);
    expect(p.unmatched).toEqual([{ requestId: zoe.requestId, menteeId: zoe.id, menteeName: 'Zoe', candidates: 0 }]);
    expect(p).toMatchObject({ waiting: 3, mentorsWithRoom: 2 });
    expect(p.totalScore).toBeCloseTo(p.pairs.reduce((s: number, x: Pair) => s + x.score, 0), 5);
    expect(p.solveMs).toBeGreaterThanOrEqual(0);
    // Proposing changes nothing.
    expect((await requestRow(xavi.requestId)).status).toBe('waiting');
  });

  test('respects free places and leaves out pending requests and full mentors', async () => {
    const coordinator = await createCoordinator(ctx);
    const two = await createMentor(ctx, { profile: { capacity: 3 } });
    const full = await createMentor(ctx, { profile: { capacity: 1 } });
    const asker = await createMentee(ctx);
    await askMentor(asker, full.id);
    await askMentor(await createMentee(ctx), two.id);
    const waiting = await Promise.all([1, 2, 3].map(() => createMentee(ctx)));
    const p = (await coordinator.client.post('/api/v1/mentoring/proposal')).json();
    expect(p.waiting).toBe(3);
    expect(p.mentorsWithRoom).toBe(1);
    expect(p.pairs).toHaveLength(2);
    expect(p.pairs.every((x: Pair) => x.mentorId === two.id)).toBe(true);
    expect(p.unmatched.map((u: { menteeId: string }) => u.menteeId)).toHaveLength(1);
    expect(waiting.map((w) => w.id)).toEqual(expect.arrayContaining([...p.pairs.map((x: Pair) => x.menteeId), p.unmatched[0].menteeId]));
  });

  test('coordinators only: 404 for members and mentors, 401 without a session', async () => {
    const mentor = await createMentor(ctx);
    const mentee = await createMentee(ctx, { request: { note: 'private words' } });
    for (const who of [mentor.user, mentee.user]) {
      const res = await who.client.post('/api/v1/mentoring/proposal');
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(mentee.id);
      expect((await who.client.post('/api/v1/mentoring/introductions', { pairs: [{ requestId: mentee.requestId, mentorId: mentor.id }] })).statusCode).toBe(404);
    }
    expect((await new Client(ctx.app).post('/api/v1/mentoring/proposal')).statusCode).toBe(401);
    expect((await requestRow(mentee.requestId)).status).toBe('waiting');
    expect(await ctx.database.db.select().from(mentorship)).toEqual([]);
  });
});

describe('introductions', () => {
  test('sent in one step: requested relationships, both told, audited; stale pairs skipped with the reason', async () => {
    const coordinator = await createCoordinator(ctx);
    const mentor = await createMentor(ctx, { profile: { capacity: 2 } });
    const spanishOnly = await createMentor(ctx, { profile: { languages: ['es'] } });
    const a = await createMentee(ctx);
    const b = await createMentee(ctx);
    const c = await createMentee(ctx);
    const gone = await createMentee(ctx);
    await gone.client.delete('/api/v1/mentoring/request');
    const wrongLanguage = await createMentee(ctx);

    const res = await coordinator.client.post('/api/v1/mentoring/introductions', {
      pairs: [
        { requestId: a.requestId, mentorId: mentor.id },
        { requestId: b.requestId, mentorId: mentor.id },
        { requestId: c.requestId, mentorId: mentor.id },
        { requestId: gone.requestId, mentorId: mentor.id },
        { requestId: wrongLanguage.requestId, mentorId: spanishOnly.id },
        { requestId: MISSING, mentorId: mentor.id },
      ],
    });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.sent.map((s: { requestId: string }) => s.requestId)).toEqual([a.requestId, b.requestId]);
    expect(result.skipped).toEqual([
      { requestId: c.requestId, mentorId: mentor.id, reason: 'no_free_place' },
      { requestId: gone.requestId, mentorId: mentor.id, reason: 'request_not_waiting' },
      { requestId: wrongLanguage.requestId, mentorId: spanishOnly.id, reason: 'no_common_language' },
      { requestId: MISSING, mentorId: mentor.id, reason: 'request_not_found' },
    ]);

    const [sent] = await ctx.database.db.select().from(mentorship).where(eq(mentorship.id, result.sent[0].mentorshipId));
    expect(sent).toMatchObject({ status: 'requested', origin: 'coordinator', introducedBy: coordinator.id, mentorId: mentor.id, menteeId: a.id, requestId: a.requestId });
    expect(sent!.expiresAt!.getTime() - sent!.requestedAt.getTime()).toBe(72 * 3_600_000);
    expect((await requestRow(a.requestId)).status).toBe('pending');
    expect((await requestRow(c.requestId)).status).toBe('waiting');

    for (const userId of [a.id, mentor.id]) {
      const told = await ctx.database.db.select().from(notification).where(and(eq(notification.userId, userId), eq(notification.subjectId, sent!.id)));
      expect(told.map((n) => [n.kind, n.actorId])).toEqual([['mentoring.introduced', coordinator.id]]);
    }
    expect(await ctx.database.db.select().from(notification).where(eq(notification.userId, coordinator.id))).toEqual([]);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'mentoring.introduced'), eq(auditLog.subjectId, a.id)));
    expect(audit.map((e) => [e.actorId, e.details])).toEqual([[coordinator.id, { mentorshipId: sent!.id, mentorId: mentor.id, requestId: a.requestId }]]);

    // The mentor can now be asked by nobody else: both places are held.
    expect((await mentor.client.get('/api/v1/mentoring/profile')).json()).toMatchObject({ activeMentees: 2, available: false });
  });

  test('a proposal reviewed and sent: every pair goes through', async () => {
    const coordinator = await createCoordinator(ctx);
    await createMentor(ctx, { profile: { capacity: 2 } });
    await createMentor(ctx, { profile: { capacity: 1, languages: ['en', 'es'] } });
    await Promise.all([1, 2, 3].map(() => createMentee(ctx)));
    const p = (await coordinator.client.post('/api/v1/mentoring/proposal')).json();
    expect(p.pairs).toHaveLength(3);
    const res = (await coordinator.client.post('/api/v1/mentoring/introductions', { pairs: p.pairs.map((x: Pair) => ({ requestId: x.requestId, mentorId: x.mentorId })) })).json();
    expect(res.sent).toHaveLength(3);
    expect(res.skipped).toEqual([]);
    expect((await coordinator.client.post('/api/v1/mentoring/proposal')).json()).toMatchObject({ pairs: [], waiting: 0, mentorsWithRoom: 0 });
  });

  test('bad input is 422 and sends nothing', async () => {
    const coordinator = await createCoordinator(ctx);
    const mentor = await createMentor(ctx);
    const mentee = await createMentee(ctx);
    const pair = { requestId: mentee.requestId, mentorId: mentor.id };
    for (const body of [{}, { pairs: [] }, { pairs: [pair, pair] }, { pairs: [{ requestId: 'x', mentorId: mentor.id }] }, { pairs: [{ ...pair, score: 1 }] }, { pairs: [pair], dryRun: true }]) {
      expect((await coordinator.client.post('/api/v1/mentoring/introductions', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await ctx.database.db.select().from(mentorship)).toEqual([]);
    expect((await requestRow(mentee.requestId)).status).toBe('waiting');
  });
});

describe('settings', () => {
  test('coordinators read and change them; each change audited without the supervision text', async () => {
    const coordinator = await createCoordinator(ctx);
    expect((await coordinator.client.get('/api/v1/mentoring/settings')).json()).toEqual(DEFAULT_MENTORING_SETTINGS);
    const weights = { pathway: 1, language: 4, availability: 2, contact: 0, capacity: 0.5 };
    const res = await coordinator.client.patch('/api/v1/mentoring/settings', { weights, overdueDays: 10, supervisionContact: 'Call Dana on 555-0100' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...DEFAULT_MENTORING_SETTINGS, weights, overdueDays: 10, supervisionContact: 'Call Dana on 555-0100' });
    expect((await coordinator.client.get('/api/v1/mentoring/settings')).json()).toEqual(res.json());

    const [entry] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'mentoring.settings_changed'), eq(auditLog.actorId, coordinator.id)));
    expect(entry!.details).toEqual({ weights: { from: DEFAULT_MENTORING_SETTINGS.weights, to: weights }, overdueDays: { from: 14, to: 10 }, supervisionContact: { changed: true } });
    expect(JSON.stringify(entry!.details)).not.toContain('Dana');
    await coordinator.client.patch('/api/v1/mentoring/settings', DEFAULT_MENTORING_SETTINGS);
  });

  test('the weights change the ranking', async () => {
    const coordinator = await createCoordinator(ctx);
    const samePath = await createMentor(ctx, { profile: { availability: [] } });
    const sameTime = await createMentor(ctx, { profile: { pathways: ['secular'] } });
    const mentee = await createMentee(ctx);
    const order = async () => (await mentee.client.get('/api/v1/mentoring/suggestions')).json().suggestions.map((s: { mentor: { userId: string } }) => s.mentor.userId);
    await coordinator.client.patch('/api/v1/mentoring/settings', { weights: { pathway: 10, language: 0, availability: 0, contact: 0, capacity: 0 } });
    expect(await order()).toEqual([samePath.id, sameTime.id]);
    await coordinator.client.patch('/api/v1/mentoring/settings', { weights: { pathway: 0, language: 0, availability: 10, contact: 0, capacity: 0 } });
    expect(await order()).toEqual([sameTime.id, samePath.id]);
    await coordinator.client.patch('/api/v1/mentoring/settings', DEFAULT_MENTORING_SETTINGS);
  });

  test('bad settings are 422 and change nothing; others get 404', async () => {
    const coordinator = await createCoordinator(ctx);
    for (const body of [
      { overdueDays: 0 },
      { overdueDays: 91 },
      { weights: { pathway: 11, language: 1, availability: 1, contact: 1, capacity: 1 } },
      { weights: { pathway: 1 } },
      { weights: { pathway: -1, language: 1, availability: 1, contact: 1, capacity: 1 } },
      { requireCertification: 'yes' },
      { supervisionContact: 'x'.repeat(281) },
      { registrationMode: 'open' },
    ]) {
      expect((await coordinator.client.patch('/api/v1/mentoring/settings', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await coordinator.client.get('/api/v1/mentoring/settings')).json()).toEqual(DEFAULT_MENTORING_SETTINGS);

    const mentor = await createMentor(ctx);
    for (const who of [mentor.user, await createUser(ctx)]) {
      expect((await who.client.get('/api/v1/mentoring/settings')).statusCode).toBe(404);
      expect((await who.client.patch('/api/v1/mentoring/settings', { requireCertification: true })).statusCode).toBe(404);
    }
    expect((await coordinator.client.get('/api/v1/mentoring/settings')).json().requireCertification).toBe(false);
    expect((await new Client(ctx.app).get('/api/v1/mentoring/settings')).statusCode).toBe(401);
  });
});
