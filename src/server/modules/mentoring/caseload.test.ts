import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { askMentor, createMentee, createMentor } from '../../../../test/helpers/mentoring-factories.ts';
import { activePair, expectOk, logContact, outsiders, type Pair, signBoth } from '../../../../test/helpers/mentorship-factories.ts';
import { addDays, addMonths, startOfWeek } from '../journey/dates.ts';
import { loadPrompt } from './caseload-service.ts';
import { mentoringSettingsRepo } from './settings.ts';
import { mentoringContact, mentorProfile, mentorship } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
afterEach(() => mentoringSettingsRepo.update(ctx.database.db, { overdueDays: 14, supervisionContact: '' }));

// Everyone in these tests keeps the default time zone, UTC.
const today = () => new Date().toISOString().slice(0, 10);

type Entry = { mentorship: { id: string; status: string; mentee: { id: string } }; lastContact: string | null; nextStep: string | null; overdue: boolean; shared: Record<string, unknown> };
async function caseloadOf(p: { mentor: Pair['mentor'] }) {
  const res = await p.mentor.client.get('/api/v1/mentoring/caseload');
  expect(res.statusCode).toBe(200);
  return res.json() as { capacity: number; active: number; entries: Entry[]; load: Record<string, unknown> };
}
const entryOf = async (p: Pair) => (await caseloadOf(p)).entries.find((e) => e.mentorship.id === p.id)!;
const startedDaysAgo = (id: string, days: number) =>
  ctx.database.db.update(mentorship).set({ startedAt: sql`now() - make_interval(days => ${days})` }).where(eq(mentorship.id, id));
const contactOn = (p: Pair, date: string, durationMinutes = 30) =>
  ctx.database.db.insert(mentoringContact).values({ mentorshipId: p.id, mentorId: p.mentor.id, date, durationMinutes, mode: 'phone', topics: [] });

describe('the caseload', () => {
  test('requested first (they need an answer), then accepted, active and paused; places against capacity', async () => {
    const mentor = await createMentor(ctx, { profile: { capacity: 5 } });
    const [a, b, c, d] = await Promise.all([createMentee(ctx), createMentee(ctx), createMentee(ctx), createMentee(ctx)]);
    const active = await askMentor(a!, mentor.id);
    await expectOk(await mentor.client.post(`/api/v1/mentorships/${active}/accept`));
    await signBoth({ mentor, mentee: a!, id: active }, 1);
    const paused = await askMentor(d!, mentor.id);
    await expectOk(await mentor.client.post(`/api/v1/mentorships/${paused}/accept`));
    await signBoth({ mentor, mentee: d!, id: paused }, 1);
    await expectOk(await d!.client.post(`/api/v1/mentorships/${paused}/pause`, {}));
    const accepted = await askMentor(c!, mentor.id);
    await expectOk(await mentor.client.post(`/api/v1/mentorships/${accepted}/accept`));
    const requested = await askMentor(b!, mentor.id);
    await ctx.database.db.update(mentorProfile).set({ capacityCap: 4 }).where(eq(mentorProfile.userId, mentor.id));

    const load = await caseloadOf({ mentor });
    expect(load.entries.map((e) => `${e.mentorship.id}:${e.mentorship.status}`)).toEqual([`${requested}:requested`, `${accepted}:accepted`, `${active}:active`, `${paused}:paused`]);
    expect(load).toMatchObject({ capacity: 4, active: 4 });
    // The mentor reads the request of someone asking them (what they are looking for).
    expect(load.entries[0]!.mentorship).toMatchObject({ myRole: 'mentor', request: { id: b!.requestId, note: 'Looking for someone to talk to once a week.' } });
  });

  test('last contact and the latest next step', async () => {
    const p = await activePair(ctx);
    expect(await entryOf(p)).toMatchObject({ lastContact: null, nextStep: null });
    await logContact(p.mentor.client, p.id, { date: addDays(today(), -3), nextStep: 'Call on Friday' });
    await logContact(p.mentor.client, p.id, { date: addDays(today(), -6), nextStep: 'An older step' });
    expect(await entryOf(p)).toMatchObject({ lastContact: addDays(today(), -3), nextStep: 'Call on Friday' });
  });

  test('only peer supporters have a caseload', async () => {
    const { member, coordinator, peer } = await outsiders(ctx);
    expect((await member.client.get('/api/v1/mentoring/caseload')).statusCode).toBe(404);
    expect((await coordinator.client.get('/api/v1/mentoring/caseload')).statusCode).toBe(404);
    // A peer supporter with no profile yet: an empty caseload, no places.
    expect((await peer.client.get('/api/v1/mentoring/caseload')).json()).toMatchObject({ capacity: 0, active: 0, entries: [] });
  });
});

describe('overdue contacts', () => {
  test('no contact for the program’s overdue period, counted from the start when there is none yet', async () => {
    const p = await activePair(ctx);
    expect((await entryOf(p)).overdue).toBe(false);
    await startedDaysAgo(p.id, 14);
    expect((await entryOf(p)).overdue).toBe(true);
    await logContact(p.mentor.client, p.id, { date: addDays(today(), -13) });
    expect((await entryOf(p)).overdue).toBe(false);
  });

  test('the period is the program’s setting', async () => {
    const p = await activePair(ctx);
    await startedDaysAgo(p.id, 60);
    await contactOn(p, addDays(today(), -20));
    expect((await entryOf(p)).overdue).toBe(true);
    await mentoringSettingsRepo.update(ctx.database.db, { overdueDays: 30 });
    expect((await entryOf(p)).overdue).toBe(false);
  });

  test('a paused relationship is never overdue', async () => {
    const p = await activePair(ctx);
    await startedDaysAgo(p.id, 40);
    await expectOk(await p.mentee.client.post(`/api/v1/mentorships/${p.id}/pause`, {}));
    expect((await entryOf(p)).overdue).toBe(false);
  });
});

describe('what the mentee shares', () => {
  const share = (p: Pair, category: string, mentor: boolean) => p.mentee.client.put(`/api/v1/me/sharing/${category}`, { mentor });
  const checkIn = (p: Pair, craving: number) => p.mentee.client.put(`/api/v1/me/check-ins/${today()}`, { mood: 3, craving, used: 'no' });

  test('nothing without consent, though there is something to share', async () => {
    const p = await activePair(ctx);
    await expectOk(await p.mentee.client.post('/api/v1/me/sobriety/tracks', { label: 'Alcohol', startedOn: addDays(today(), -30) }), 201);
    await expectOk(await checkIn(p, 9));
    await share(p, 'goals', true);
    expect((await entryOf(p)).shared).toEqual({});
  });

  test('the milestone with sobriety shared: one just reached, else the next; the risk with check-ins shared', async () => {
    const p = await activePair(ctx);
    await expectOk(await share(p, 'sobriety', true));
    await expectOk(await share(p, 'check_ins', true));
    expect((await entryOf(p)).shared).toEqual({ milestone: null, risk: null });

    await expectOk(await p.mentee.client.post('/api/v1/me/sobriety/tracks', { label: 'Alcohol', startedOn: addDays(today(), -30) }), 201);
    expect((await entryOf(p)).shared.milestone).toEqual({ key: '30d', on: today() });

    await expectOk(await checkIn(p, 3));
    expect((await entryOf(p)).shared.risk).toBeNull();
    await expectOk(await checkIn(p, 9));
    expect((await entryOf(p)).shared.risk).toEqual({ date: today(), reasons: ['craving'] });

    // Revoked: gone at the next look.
    await expectOk(await share(p, 'check_ins', false));
    expect((await entryOf(p)).shared).toEqual({ milestone: { key: '30d', on: today() } });
  });

  test('the next milestone when none was reached lately', async () => {
    const p = await activePair(ctx);
    await share(p, 'sobriety', true);
    const start = addDays(today(), -100);
    await expectOk(await p.mentee.client.post('/api/v1/me/sobriety/tracks', { label: 'Alcohol', startedOn: start }), 201);
    expect((await entryOf(p)).shared.milestone).toEqual({ key: '6m', on: addMonths(start, 6) });
  });

  test('only with the active mentor: a paused relationship shares nothing', async () => {
    const p = await activePair(ctx);
    await share(p, 'check_ins', true);
    await checkIn(p, 9);
    await expectOk(await p.mentor.client.post(`/api/v1/mentorships/${p.id}/pause`, {}));
    expect((await entryOf(p)).shared).toEqual({});
  });
});

describe('the weekly load', () => {
  test('the prompt rule', () => {
    expect(loadPrompt({ minutes: 240, contacts: 4 }, 100)).toBe(true);
    expect(loadPrompt({ minutes: 199, contacts: 4 }, 100)).toBe(false);
    expect(loadPrompt({ minutes: 170, contacts: 9 }, 60)).toBe(false);
    expect(loadPrompt({ minutes: 180, contacts: 2 }, 90)).toBe(true);
    expect(loadPrompt({ minutes: 300, contacts: 5 }, 0)).toBe(false);
    expect(loadPrompt({ minutes: 60, contacts: 6 }, 0)).toBe(true);
  });

  test('this week against the mean of the previous weeks with contacts, with where to find supervision', async () => {
    const p = await activePair(ctx);
    await mentoringSettingsRepo.update(ctx.database.db, { supervisionContact: 'Call Sam, program lead, 555-0100' });
    const monday = startOfWeek(today());
    // Three earlier weeks (one of them two contacts): 60, 90 and 60 minutes; a quiet week in between counts for nothing.
    await contactOn(p, addDays(monday, -7), 60);
    await contactOn(p, addDays(monday, -14), 45);
    await contactOn(p, addDays(monday, -13), 45);
    await contactOn(p, addDays(monday, -35), 60);
    await contactOn(p, addDays(monday, -70), 500); // Before the eight weeks: not part of the norm.
    await contactOn(p, monday, 100);
    expect((await caseloadOf(p)).load).toEqual({ thisWeekMinutes: 100, thisWeekContacts: 1, normMinutes: 70, prompt: false, supervisionContact: 'Call Sam, program lead, 555-0100' });
    await contactOn(p, monday, 90);
    expect((await caseloadOf(p)).load).toMatchObject({ thisWeekMinutes: 190, thisWeekContacts: 2, prompt: true });
  });

  test('with no norm yet, many contacts in a week prompt', async () => {
    const p = await activePair(ctx);
    const monday = startOfWeek(today());
    for (let i = 0; i < 5; i++) await contactOn(p, monday, 20);
    expect((await caseloadOf(p)).load).toMatchObject({ thisWeekContacts: 5, normMinutes: 0, prompt: false, supervisionContact: '' });
    await contactOn(p, monday, 20);
    expect((await caseloadOf(p)).load).toMatchObject({ thisWeekContacts: 6, prompt: true });
  });
});
