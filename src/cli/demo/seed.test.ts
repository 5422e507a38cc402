import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLES } from '../../contracts/common.ts';
import { checkInBody, copingStrategyBody, goalBody, PATHWAYS, safetyPlanBody, TRIGGERS } from '../../contracts/journey.ts';
import { invite, user, userRole } from '../../server/modules/accounts/tables.ts';
import { auditLog } from '../../server/modules/audit/tables.ts';
import { settingsRepo } from '../../server/modules/instance/repo.ts';
import { todayIn } from '../../server/modules/journey/dates.ts';
import { agreementTerms, contactBody, menteeRequestBody, mentorProfileBody } from '../../contracts/mentoring.ts';
import { effectiveCapacity, OPEN_STATUSES } from '../../server/modules/mentoring/policy.ts';
import {
  contactFeedback,
  menteeRequest,
  mentoringConcern,
  mentoringContact,
  mentorProfile,
  mentorship,
  mentorshipAgreement,
} from '../../server/modules/mentoring/tables.ts';
import {
  checkIn,
  copingStrategy,
  goal,
  goalEntry,
  journeyConsent,
  milestoneReached,
  recoveryProfile,
  safetyPlan,
  sobrietyPeriod,
  sobrietyTrack,
  stageAssessment,
} from '../../server/modules/journey/tables.ts';
import { IN_PERSON_ONLY_TYPES, MEETING_TYPE_CODES } from '../../contracts/meetings.ts';
import { timesOf } from '../../server/modules/meetings/presenters.ts';
import { occurrenceOn } from '../../server/modules/meetings/recurrence.ts';
import { groupMember, meeting, meetingAttendance, meetingOccurrence, meetingRsvp, supportGroup } from '../../server/modules/meetings/tables.ts';
import { copingLibraryHelped, copingLibraryStrategy, resource, resourceHours, resourceTip } from '../../server/modules/resources/tables.ts';
import { createTestApp, type TestContext } from '../../../test/helpers/app.ts';
import { Client, sessionCookie } from '../../../test/helpers/client.ts';
import { createCoordinator, createUser } from '../../../test/helpers/factories.ts';
import { validateMeetingGuideFeed } from '../../../test/helpers/meeting-guide-validator.ts';
import { conversation, conversationParticipant, groupChat, message } from '../../server/modules/messaging/tables.ts';
import { GRATITUDE, planJourneys } from './journey.ts';
import { planMeetings } from './meetings.ts';
import { DEMO_EMAIL_DOMAIN, planPeople } from './people.ts';
import { SeededRandom } from './random.ts';
import { DEMO_SEEDED, DEMO_STEPS, DemoAlreadySeededError, type DemoSummary, seedDemo } from './seed.ts';

let ctx: TestContext;
let summary: DemoSummary;
let realCoordinatorEmail: string;

beforeAll(async () => {
  ctx = await createTestApp();
  // An instance that already has a real person: the demo only adds.
  realCoordinatorEmail = (await createCoordinator(ctx, { displayName: 'Real Coordinator' })).email;
  summary = await seedDemo(ctx.app, { people: 72 });
});
afterAll(() => ctx.close());

const demoPeople = async () => {
  const rows = await ctx.database.db.select({ id: user.id, name: user.name, email: user.email, locale: user.locale }).from(user);
  return rows.filter((r) => r.email !== realCoordinatorEmail);
};

const MENTORING_TABLES = { mentorProfile, menteeRequest, mentorshipAgreement, mentoringContact, contactFeedback, mentoringConcern };

const RESOURCES_TABLES = { resource, resourceHours, resourceTip, copingLibraryStrategy, copingLibraryHelped };
const MESSAGING_TABLES = { conversation, conversationParticipant, message, groupChat };

const MEETINGS_TABLES = { supportGroup, groupMember, meeting, meetingOccurrence, meetingRsvp, meetingAttendance };

const JOURNEY_TABLES = {
  sobrietyTrack,
  sobrietyPeriod,
  milestoneReached,
  checkIn,
  recoveryProfile,
  stageAssessment,
  goal,
  goalEntry,
  copingStrategy,
  safetyPlan,
  mentorship,
  journeyConsent,
};

/** Row counts of every table the demo writes. */
const tally = async (db = ctx.database.db) => {
  const tables = { user, userRole, invite, auditLog, ...JOURNEY_TABLES, ...MEETINGS_TABLES, ...MENTORING_TABLES, ...RESOURCES_TABLES, ...MESSAGING_TABLES };
  const counts = await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n] as const));
  return Object.fromEntries(counts);
};

describe('kindred demo', () => {
  test('adds at least 60 people, next to the people already there', async () => {
    expect(summary.people).toBe(72);
    expect(await demoPeople()).toHaveLength(72);
    expect((await tally()).user).toBe(73);
    // Sign-up dates spread over the past two years.
    const joined = (await ctx.database.db.select({ at: user.createdAt }).from(user)).map((r) => r.at.getTime());
    expect(Date.now() - Math.min(...joined)).toBeGreaterThan(365 * 24 * 60 * 60 * 1000);
  });

  test('every role is held, in the proportions of a recovery community', async () => {
    const rows = await ctx.database.db.select({ role: userRole.role, n: count() }).from(userRole).groupBy(userRole.role);
    const byRole = Object.fromEntries(rows.map((r) => [r.role, r.n]));
    for (const role of ROLES) expect(byRole[role], role).toBeGreaterThan(0);
    expect(summary.roles.member).toBeGreaterThan(summary.people * 0.8);
    expect(summary.roles.peer_supporter / summary.people).toBeGreaterThanOrEqual(0.1);
    expect(summary.roles.peer_supporter / summary.people).toBeLessThanOrEqual(0.15);
    expect(summary.roles.coordinator).toBe(2);
  });

  test('people speak English and Spanish', async () => {
    const locales = new Set((await demoPeople()).map((p) => p.locale));
    expect(locales).toEqual(new Set(['en', 'es']));
  });

  test('display names are a first name or nickname, at most with an initial', async () => {
    for (const p of await demoPeople()) expect(p.name).toMatch(/^[^\s]+( \p{Lu}\.)?$/u);
  });

  test('every demo address is on the reserved domain', async () => {
    for (const p of await demoPeople()) expect(p.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`), p.email).toBe(true);
    for (const s of summary.samples) expect(s.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
  });

  test('role grants are audited as the first demo coordinator', async () => {
    const coordinator = summary.samples.find((s) => s.role === 'coordinator')!;
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'roles.changed'));
    expect(entries.length).toBeGreaterThan(0);
    const [actor] = await ctx.database.db.select({ id: user.id }).from(user).where(eq(user.email, coordinator.email));
    for (const e of entries) {
      expect(e.actorId).toBe(actor!.id);
      expect(e.details).toMatchObject({ removed: [], via: 'demo' });
    }
  });

  test('leaves pending invitations without an address', async () => {
    const rows = await ctx.database.db.select().from(invite);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.email).toBeNull();
    expect(summary.created['pending invitations']).toBe(rows.length);
  });

  test('a second run refuses and changes nothing', async () => {
    const before = await tally();
    await expect(seedDemo(ctx.app, { people: 72 })).rejects.toBeInstanceOf(DemoAlreadySeededError);
    expect(await tally()).toEqual(before);
  });

  test('a demo account signs in with the printed password', async () => {
    const sample = summary.samples.find((s) => s.role === 'peer_supporter')!;
    const res = await new Client(ctx.app).post('/api/v1/auth/sign-in', { email: sample.email, password: summary.password });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toBeDefined();
    expect(res.json()).toMatchObject({ displayName: sample.displayName, roles: expect.arrayContaining(['peer_supporter']) });
  });

  test('a run that fails after the journeys were written takes them back too', async () => {
    const other = await createTestApp();
    try {
      const before = await tally(other.database.db);
      const failing = async ({ db }: { db: typeof other.database.db }) => {
        // The journeys are written by now: this proves they are taken back, not that they never were.
        expect((await db.select({ n: count() }).from(checkIn))[0]!.n).toBeGreaterThan(0);
        expect((await db.select({ n: count() }).from(mentorship))[0]!.n).toBeGreaterThan(0);
        throw new Error('a later step failed');
      };
      await expect(seedDemo(other.app, { people: 20, seed: 5, steps: [...DEMO_STEPS, failing] })).rejects.toThrow('a later step failed');
      expect(await tally(other.database.db)).toEqual(before);
      expect(await settingsRepo.get(other.database.db, DEMO_SEEDED)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  test('a run that fails half-way takes back what it made', async () => {
    const other = await createTestApp();
    try {
      // The eleventh planned address is taken, so creating that account fails after ten others exist.
      const taken = planPeople(20, new SeededRandom(5))[10]!;
      await createUser(other, { displayName: 'Earlier', email: taken.email });
      const db = other.database.db;
      const before = await Promise.all([db.select({ n: count() }).from(user), db.select({ n: count() }).from(auditLog), db.select({ n: count() }).from(invite)]);
      await expect(seedDemo(other.app, { people: 20, seed: 5 })).rejects.toMatchObject({ code: 'conflict' });
      const after = await Promise.all([db.select({ n: count() }).from(user), db.select({ n: count() }).from(auditLog), db.select({ n: count() }).from(invite)]);
      expect(after).toEqual(before);
      expect(await settingsRepo.get(db, DEMO_SEEDED)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  test('the same seed plans the same people', () => {
    expect(planPeople(72, new SeededRandom(7))).toEqual(planPeople(72, new SeededRandom(7)));
    expect(planPeople(72, new SeededRandom(7))).not.toEqual(planPeople(72, new SeededRandom(8)));
  });
});

describe('kindred demo: recovery journeys', () => {
  const db = () => ctx.database.db;
  const members = async () => {
    const rows = await db()
      .select({ id: user.id, locale: user.locale, timeZone: user.timeZone })
      .from(user)
      .innerJoin(userRole, and(eq(userRole.userId, user.id), eq(userRole.role, 'member')));
    return rows;
  };
  const checkInsByUser = async () => {
    const rows = await db().select().from(checkIn).orderBy(asc(checkIn.userId), asc(checkIn.localDate));
    const byUser = new Map<string, typeof rows>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    return byUser;
  };
  const DAY_MS = 24 * 60 * 60 * 1000;
  const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

  test('members have months of check-ins, with gaps', async () => {
    const all = await members();
    const byUser = await checkInsByUser();
    expect(byUser.size).toBeGreaterThan(all.length * 0.75);
    const spans = [...byUser.values()].map((rows) => daysBetween(rows[0]!.localDate, rows.at(-1)!.localDate));
    expect(spans.filter((d) => d >= 60).length).toBeGreaterThan(byUser.size / 2);
    expect(Math.max(...spans)).toBeGreaterThan(180);
    // Most days checked in, not every day.
    const fullness = [...byUser.values()].filter((r) => r.length > 30).map((r) => r.length / (daysBetween(r[0]!.localDate, r.at(-1)!.localDate) + 1));
    const mean = fullness.reduce((a, b) => a + b, 0) / fullness.length;
    expect(mean).toBeGreaterThan(0.55);
    expect(mean).toBeLessThan(0.97);
    expect(summary.created['check-ins']).toBe([...byUser.values()].reduce((n, r) => n + r.length, 0));
  });

  test("check-ins pass the rules of a member's own check-in, one a day, none after today", async () => {
    const zones = new Map((await members()).map((m) => [m.id, m.timeZone]));
    const rows = await db().select().from(checkIn);
    for (const row of rows) {
      expect(zones.has(row.userId)).toBe(true);
      checkInBody.parse({
        mood: row.mood,
        craving: row.craving,
        triggers: row.triggers,
        triggerNote: row.triggerNote ?? undefined,
        used: row.used,
        hoursSlept: row.hoursSlept ?? undefined,
        meetings: row.meetings,
        gratitude: row.gratitude ?? undefined,
        notes: row.notes ?? undefined,
      });
      for (const t of row.triggers) expect(TRIGGERS).toContain(t);
      expect(row.localDate <= todayIn(zones.get(row.userId)!)).toBe(true);
      expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
      expect(row.updatedAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    const [dupes] = await db().execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from check_in group by user_id, local_date having count(*) > 1) d`).then((r) => r.rows);
    expect(dupes!.n).toBe(0);
    // Every value the member can choose shows up somewhere.
    for (const used of ['yes', 'no', 'prefer_not_to_say']) expect(rows.some((r) => r.used === used), used).toBe(true);
    for (const t of TRIGGERS) expect(rows.some((r) => r.triggers.includes(t)), t).toBe(true);
    expect(rows.some((r) => r.meetings > 0)).toBe(true);
    expect(rows.some((r) => r.craving >= 8)).toBe(true);
  });

  test('mood and craving move together, and ease with time in recovery', async () => {
    const rows = await db().select({ mood: checkIn.mood, craving: checkIn.craving }).from(checkIn);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mm = mean(rows.map((r) => r.mood));
    const mc = mean(rows.map((r) => r.craving));
    const cov = mean(rows.map((r) => (r.mood - mm) * (r.craving - mc)));
    const sd = (k: 'mood' | 'craving', m: number) => Math.sqrt(mean(rows.map((r) => (r[k] - m) ** 2)));
    expect(cov / (sd('mood', mm) * sd('craving', mc))).toBeLessThan(-0.4);

    // Craving in each check-in's period: the first month against after six months.
    const { rows: phases } = await db().execute<{ phase: string; craving: number }>(sql`
      select case when c.local_date - p.started_on < 30 then 'early' when c.local_date - p.started_on >= 180 then 'late' end as phase,
             avg(c.craving)::float as craving
      from check_in c
      join sobriety_track t on t.user_id = c.user_id
      join sobriety_period p on p.track_id = t.id and c.local_date >= p.started_on and (p.ended_on is null or c.local_date < p.ended_on)
      where t.id = (select id from sobriety_track t2 where t2.user_id = c.user_id order by t2.created_at, t2.id limit 1)
      group by 1`);
    const early = phases.find((p) => p.phase === 'early')!.craving;
    const late = phases.find((p) => p.phase === 'late')!.craving;
    expect(early).toBeGreaterThan(late + 1.5);
  });

  test('setbacks are kept: a period ends with a private note and the next starts that day', async () => {
    const periods = await db().select().from(sobrietyPeriod).orderBy(asc(sobrietyPeriod.trackId), asc(sobrietyPeriod.startedOn));
    const tracks = await db().select().from(sobrietyTrack);
    expect(tracks.length).toBeGreaterThan((await members()).length * 0.6);
    const ended = periods.filter((p) => p.endedOn !== null);
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.some((p) => p.setbackNote)).toBe(true);
    for (const track of tracks) {
      const own = periods.filter((p) => p.trackId === track.id);
      expect(own.filter((p) => p.endedOn === null)).toHaveLength(1);
      expect(own.at(-1)!.endedOn).toBeNull();
      own.slice(0, -1).forEach((p, i) => expect(own[i + 1]!.startedOn).toBe(p.endedOn));
      for (const p of own) expect(p.userId).toBe(track.userId);
    }
    const zones = new Map((await members()).map((m) => [m.id, m.timeZone]));
    for (const p of periods) expect(p.startedOn <= todayIn(zones.get(p.userId)!), 'no date in the future').toBe(true);
    // A setback day in a check-in history reads as one: the member said they used, or preferred not to say.
    const { rows: setbackDays } = await db().execute<{ used: string }>(sql`
      select c.used from sobriety_period p join check_in c on c.user_id = p.user_id and c.local_date = p.ended_on`);
    expect(setbackDays.length).toBeGreaterThan(0);
    for (const d of setbackDays) expect(['yes', 'prefer_not_to_say']).toContain(d.used);
    // Milestones of the open periods are on record, so viewing the date announces nothing old.
    const [reached] = await db().select({ n: count() }).from(milestoneReached);
    expect(reached!.n).toBeGreaterThan(tracks.length);
  });

  test('dates are named in the member’s language', async () => {
    const rows = await db().select({ label: sobrietyTrack.label, locale: user.locale }).from(sobrietyTrack).innerJoin(user, eq(user.id, sobrietyTrack.userId));
    const es = new Set(rows.filter((r) => r.locale === 'es').map((r) => r.label));
    const en = new Set(rows.filter((r) => r.locale === 'en').map((r) => r.label));
    for (const label of es) expect(['alcohol', 'opioides', 'cannabis', 'juego']).toContain(label);
    for (const label of en) expect(['alcohol', 'opioids', 'cannabis', 'gambling']).toContain(label);
    expect(es.size).toBeGreaterThan(1);
  });

  test('gratitude lines are varied, in the member’s language, and never repeat soon', async () => {
    const locales = new Map((await members()).map((m) => [m.id, m.locale as 'en' | 'es']));
    const byUser = await checkInsByUser();
    const seen = { en: new Set<string>(), es: new Set<string>() };
    for (const [userId, rows] of byUser) {
      const lines = rows.flatMap((r) => (r.gratitude ? [r.gratitude] : []));
      const locale = locales.get(userId)!;
      for (const line of lines) {
        expect(GRATITUDE[locale]).toContain(line);
        seen[locale].add(line);
      }
      lines.forEach((line, i) => expect(lines.slice(Math.max(0, i - 10), i)).not.toContain(line));
    }
    expect(GRATITUDE.en.length).toBeGreaterThanOrEqual(30);
    expect(GRATITUDE.es.length).toBeGreaterThanOrEqual(30);
    expect(seen.en.size).toBeGreaterThanOrEqual(30);
    expect(seen.es.size).toBeGreaterThanOrEqual(30);
  });

  test('recovery profiles cover the pathways, with a stage-of-change history', async () => {
    const profiles = await db().select().from(recoveryProfile);
    expect(profiles.length).toBeGreaterThan(20);
    const pathways = new Set(profiles.flatMap((p) => p.pathways));
    for (const p of ['twelve_step', 'medication_assisted', 'harm_reduction'] as const) expect(pathways).toContain(p);
    for (const p of pathways) expect(PATHWAYS).toContain(p);
    const stages = await db().select().from(stageAssessment);
    const perUser = new Map<string, number>();
    for (const s of stages) perUser.set(s.userId, (perUser.get(s.userId) ?? 0) + 1);
    expect([...perUser.values()].some((n) => n >= 3)).toBe(true);
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['precontemplation', 'contemplation', 'preparation', 'action', 'maintenance']));
    for (const s of stages) expect(s.assessedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  test('some members have goals, a coping toolbox and a safety plan, all passing the same rules', async () => {
    const goals = await db().select().from(goal);
    expect(goals.length).toBeGreaterThan(10);
    for (const g of goals) goalBody.parse({ title: g.title, measure: g.measure, target: g.target, period: g.period });
    const [entries] = await db().select({ n: count() }).from(goalEntry);
    expect(entries!.n).toBeGreaterThan(0);
    const coping = await db().select().from(copingStrategy);
    expect(coping.length).toBeGreaterThan(10);
    for (const c of coping) copingStrategyBody.parse({ title: c.title, steps: c.steps });
    const plans = await db().select().from(safetyPlan);
    expect(plans.length).toBeGreaterThan(5);
    expect(plans.length).toBeLessThan((await members()).length);
    for (const p of plans) safetyPlanBody.parse(p.sections);
  });

  test('peer supporters mentor members, and some mentees share a category with their mentor', async () => {
    // The journey step's relationships (the mentoring step pauses one of them and adds others in other states).
    const rows = (await db().select().from(mentorship)).filter((r) => r.status === 'active' || r.status === 'paused');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const roles = await db().select().from(userRole);
    const has = (id: string, role: string) => roles.some((r) => r.userId === id && r.role === role);
    expect(new Set(rows.map((r) => r.mentorId)).size).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(r.mentorId).not.toBe(r.menteeId);
      expect(has(r.mentorId, 'peer_supporter')).toBe(true);
      expect(has(r.menteeId, 'member')).toBe(true);
      expect(r.startedAt!.getTime()).toBeLessThan(Date.now());
    }
    const shared = await db()
      .select({ category: journeyConsent.category })
      .from(journeyConsent)
      .innerJoin(mentorship, and(eq(mentorship.menteeId, journeyConsent.userId), eq(mentorship.status, 'active')))
      .where(and(eq(journeyConsent.grantee, 'mentor'), isNull(journeyConsent.revokedAt)));
    expect(shared.length).toBeGreaterThan(0);
    expect(summary.created['active mentorships']).toBe(rows.length);
    // Consent is only ever the mentee's own, and a revoked grant stays in the history.
    const all = await db().select().from(journeyConsent);
    for (const c of all) expect(rows.some((r) => r.menteeId === c.userId)).toBe(true);
    const revoked = await db().select().from(journeyConsent).where(isNotNull(journeyConsent.revokedAt));
    for (const c of revoked) expect(c.revokedAt!.getTime()).toBeGreaterThan(c.grantedAt.getTime());
  });

  test('a demo member sees their history through the API, and no old milestone is announced again', async () => {
    const { rows } = await db().execute<{ email: string; user_id: string }>(sql`
      select u.email, u.id as user_id from "user" u
        join sobriety_period p on p.user_id = u.id and p.ended_on is not null
       where exists (select 1 from check_in c where c.user_id = u.id and c.local_date > current_date - 60)
       order by u.email limit 1`);
    const person = rows[0]!;
    const signIn = await new Client(ctx.app).post('/api/v1/auth/sign-in', { email: person.email, password: summary.password });
    const client = new Client(ctx.app, sessionCookie(signIn));
    const milestones = async () => (await db().select({ n: count() }).from(milestoneReached).where(eq(milestoneReached.userId, person.user_id)))[0]!.n;
    const before = await milestones();
    const events = async () => (await db().execute<{ n: number }>(sql`select count(*)::int as n from domain_event where type = 'journey.milestone_reached'`)).rows[0]!.n;
    const eventsBefore = await events();

    const sobriety = await client.get('/api/v1/me/sobriety');
    expect(sobriety.statusCode).toBe(200);
    const tracks = sobriety.json().tracks as Array<{ periods: Array<{ endedOn: string | null; setbackNote: string | null }>; reached: unknown[]; longestStreakDays: number; totalDays: number }>;
    expect(tracks.some((t) => t.periods.length > 1 && t.periods.some((p) => p.endedOn !== null))).toBe(true);
    expect(await milestones()).toBe(before);
    expect(await events()).toBe(eventsBefore);

    const list = await client.get('/api/v1/me/check-ins');
    expect(list.statusCode).toBe(200);
    expect(list.json().checkIns.length).toBeGreaterThan(0);
    expect(list.json().streak.longest).toBeGreaterThan(1);
  });

  test('the same seed plans the same journeys', () => {
    const people = planPeople(40, new SeededRandom(3)).map((p, i) => ({ ...p, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const now = new Date('2026-03-08T12:00:00Z'); // a DST change in the United States
    // Row ids are fresh UUIDs each time; everything else is the seed's.
    const withoutIds = (rows: ReturnType<typeof planJourneys>) =>
      JSON.stringify(rows, (key, value) => (['id', 'trackId', 'periodId', 'goalId'].includes(key) ? undefined : value));
    expect(withoutIds(planJourneys(people, new SeededRandom(11), now))).toEqual(withoutIds(planJourneys(people, new SeededRandom(11), now)));
    expect(withoutIds(planJourneys(people, new SeededRandom(11), now))).not.toEqual(withoutIds(planJourneys(people, new SeededRandom(12), now)));
  });
});

describe('kindred demo: groups and meetings', () => {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const db = () => ctx.database.db;
  const meetingsWithGroups = () => db().select({ meeting, group: supportGroup }).from(meeting).innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId));
  const overridesOf = async (meetingId: string) =>
    (await db().select().from(meetingOccurrence).where(eq(meetingOccurrence.meetingId, meetingId))).map((o) => ({ ...o, status: o.status as 'scheduled' | 'cancelled' | 'moved' }));
  const signIn = async (email: string) => new Client(ctx.app, sessionCookie(await new Client(ctx.app).post('/api/v1/auth/sign-in', { email, password: summary.password })));

  test('8 to 10 groups and 40+ meetings: every attendance option, several zones, English and Spanish', async () => {
    const groups = await db().select().from(supportGroup);
    expect(groups.length).toBeGreaterThanOrEqual(8);
    expect(groups.length).toBeLessThanOrEqual(10);
    const rows = await meetingsWithGroups();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(summary.created.meetings).toBe(rows.length);
    expect(new Set(rows.map((r) => r.meeting.attendance))).toEqual(new Set(['in_person', 'online', 'hybrid', 'inactive']));
    expect(rows.filter((r) => r.meeting.attendance === 'inactive')).toHaveLength(1);
    expect(new Set(rows.map((r) => r.meeting.timeZone)).size).toBeGreaterThanOrEqual(3);
    const languages = new Set(rows.flatMap((r) => (r.meeting.languages.length > 0 ? r.meeting.languages : r.group.languages)));
    expect(languages).toEqual(new Set(['en', 'es']));
    // One members-only group keeps its links for its members.
    expect(groups.filter((g) => g.visibility === 'members' && g.membership === 'approval' && g.conferenceVisibility === 'group_members')).toHaveLength(1);
  });

  test('meetings read like a Meeting Guide feed: places with coordinates in their zone, links on known providers, valid types', async () => {
    const ZONE_BY_LONGITUDE: [number, number, string][] = [
      [-88.5, -87, 'America/Chicago'],
      [-107.5, -106, 'America/Denver'],
      [-113, -111, 'America/Phoenix'],
    ];
    for (const { meeting: m } of await meetingsWithGroups()) {
      expect(m.types.every((t) => (MEETING_TYPE_CODES as string[]).includes(t)), m.name).toBe(true);
      if (m.attendance === 'in_person' || m.attendance === 'hybrid') {
        expect(m.formattedAddress!.split(',').length, m.name).toBeGreaterThanOrEqual(4);
        const zone = ZONE_BY_LONGITUDE.find(([west, east]) => m.longitude! >= west && m.longitude! <= east);
        expect(zone?.[2], m.name).toBe(m.timeZone);
      }
      if (m.attendance === 'online' || m.attendance === 'hybrid') {
        expect(new URL(m.conferenceUrl!).hostname, m.name).toMatch(/^(zoom\.us|meet\.jit\.si)$/);
      }
      if (m.attendance === 'online') {
        expect(m.latitude, m.name).toBeNull();
        expect(m.approximateAddress, m.name).not.toBe('');
        expect(m.types.filter((t) => IN_PERSON_ONLY_TYPES.has(t)), m.name).toEqual([]);
      }
    }
  });

  test("the demo's public meetings make a Meeting Guide feed that passes every rule, and members-only ones stay out", async () => {
    const res = await new Client(ctx.app).get('/feeds/meetings.json');
    expect(res.statusCode).toBe(200);
    const feed = res.json() as { slug: string }[];
    expect(validateMeetingGuideFeed(feed)).toEqual([]);
    const membersOnly = (await meetingsWithGroups()).filter((r) => r.group.visibility === 'members').map((r) => r.meeting.slug);
    expect(membersOnly.length).toBeGreaterThan(0);
    for (const slug of membersOnly) expect(feed.some((m) => String(m.slug).startsWith(slug))).toBe(false);
    expect(feed.length).toBeGreaterThanOrEqual(30);
  });

  test('one-off events, cancelled and moved occurrences, and themed topics', async () => {
    const rows = await db().select().from(meeting);
    const oneOffs = rows.filter((m) => m.onceOn !== null);
    expect(oneOffs.length).toBeGreaterThanOrEqual(3);
    expect(oneOffs.some((m) => m.onceOn! < todayIn(m.timeZone))).toBe(true);
    const overrides = await db().select().from(meetingOccurrence);
    expect(new Set(overrides.map((o) => o.status))).toEqual(new Set(['scheduled', 'cancelled', 'moved']));
    expect(overrides.filter((o) => o.topic !== null).length).toBeGreaterThanOrEqual(5);
    // Each exception is on a date the meeting regularly meets.
    for (const o of overrides) expect(occurrenceOn(timesOf(rows.find((m) => m.id === o.meetingId)!), o.localDate)).not.toBeNull();
  });

  test('every group has a facilitator holding the facilitator role; a few members belong, one asks to join', async () => {
    const members = await db().select({ groupId: groupMember.groupId, role: groupMember.role, status: groupMember.status, userId: groupMember.userId }).from(groupMember);
    const facilitatorIds = new Set((await db().select({ id: userRole.userId }).from(userRole).where(eq(userRole.role, 'facilitator'))).map((r) => r.id));
    for (const g of await db().select().from(supportGroup)) {
      const facilitators = members.filter((m) => m.groupId === g.id && m.role === 'facilitator' && m.status === 'active');
      expect(facilitators.length, g.name).toBeGreaterThan(0);
      for (const f of facilitators) expect(facilitatorIds.has(f.userId)).toBe(true);
    }
    expect(members.filter((m) => m.role === 'member' && m.status === 'active').length).toBeGreaterThanOrEqual(5);
  });

  test('attendance is at the instant the recurrence engine gives, never at a cancelled or future occurrence; RSVPs are for real occurrences', async () => {
    const rows = await db().select().from(meeting);
    const attendance = await db().select().from(meetingAttendance);
    expect(attendance.length).toBeGreaterThanOrEqual(20);
    expect(new Set(attendance.map((a) => a.method))).toEqual(new Set(['self', 'roster']));
    for (const a of attendance) {
      const m = rows.find((x) => x.id === a.meetingId)!;
      const occ = occurrenceOn(timesOf(m), a.localDate, await overridesOf(m.id));
      expect(occ?.status).not.toBe('cancelled');
      expect(a.startsAt.toISOString()).toBe(occ!.start.toISOString());
      expect(occ!.end.getTime()).toBeLessThanOrEqual(Date.now());
    }
    const rsvps = await db().select().from(meetingRsvp);
    expect(rsvps.length).toBeGreaterThan(0);
    for (const r of rsvps) {
      const m = rows.find((x) => x.id === r.meetingId)!;
      const occ = occurrenceOn(timesOf(m), r.localDate, await overridesOf(m.id));
      expect(occ?.status).not.toBe('cancelled');
      expect(occ!.end.getTime()).toBeGreaterThan(Date.now());
    }
  });

  test('the sample member finds their coming meetings, their attendance and their members-only links through the API', async () => {
    const sample = summary.samples.find((s) => s.role === 'member')!;
    const client = await signIn(sample.email);
    const mine = await client.get('/api/v1/me/meetings');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(0);

    const [me] = await db().select({ id: user.id, createdAt: user.createdAt }).from(user).where(eq(user.email, sample.email));
    const history = await client.get('/api/v1/me/attendance');
    expect(history.statusCode).toBe(200);
    // Attendance starts when they signed up (a member of a week or two may not have been to one yet).
    if (Date.now() - me!.createdAt.getTime() > 21 * DAY_MS) expect(history.json().records.length).toBeGreaterThan(0);
    expect(history.json().records.length).toBe((await db().select({ n: count() }).from(meetingAttendance).where(eq(meetingAttendance.userId, me!.id)))[0]!.n);

    const [studyGroup] = await db().select().from(supportGroup).where(eq(supportGroup.visibility, 'members'));
    const [study] = await db().select().from(meeting).where(and(eq(meeting.groupId, studyGroup!.id), isNotNull(meeting.conferenceUrl)));
    expect((await client.get(`/api/v1/meetings/${study!.id}`)).json().conference.url).toBe(study!.conferenceUrl);
    // Signed out, the members-only group is not there at all.
    expect((await new Client(ctx.app).get(`/api/v1/meetings/${study!.id}`)).statusCode).toBe(404);
  });

  test('the same seed plans the same meetings', () => {
    const people = planPeople(40, new SeededRandom(3)).map((p, i) => ({ ...p, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const now = new Date('2026-03-08T12:00:00Z'); // a DST change in the United States
    // Group and meeting ids are fresh UUIDs each time: each is replaced by the order it first appears in.
    const withoutIds = (plan: ReturnType<typeof planMeetings>) => {
      const seen = new Map<string, number>();
      const order = (id: string) => seen.get(id) ?? (seen.set(id, seen.size), seen.size - 1);
      return JSON.stringify(plan, (key, value) => (['id', 'groupId', 'meetingId'].includes(key) ? order(value) : value));
    };
    const first = withoutIds(planMeetings(people, new SeededRandom(11), now));
    expect(withoutIds(planMeetings(people, new SeededRandom(11), now))).toEqual(first);
    expect(withoutIds(planMeetings(people, new SeededRandom(12), now))).not.toEqual(first);
  });
});

describe('kindred demo: mentoring', () => {
  const db = () => ctx.database.db;

  test('every peer supporter has a mentor profile that passes the profile rules', async () => {
    const profiles = await db().select().from(mentorProfile);
    const supporters = await db().select().from(userRole).where(eq(userRole.role, 'peer_supporter'));
    expect(profiles.length).toBe(supporters.length);
    for (const p of profiles) {
      mentorProfileBody.parse({
        summary: p.summary,
        pathways: p.pathways,
        languages: p.languages,
        gender: p.gender,
        ageBand: p.ageBand,
        timeZone: p.timeZone,
        availability: p.availability,
        contactModes: p.contactModes,
        capacity: p.capacity,
        accepting: p.accepting,
      });
    }
    expect(summary.created['mentor profiles']).toBe(profiles.length);
  });

  test('relationships in every state, and no mentor over their places', async () => {
    const rows = await db().select().from(mentorship);
    const states = new Set(rows.map((r) => r.status));
    for (const s of ['requested', 'accepted', 'declined', 'expired', 'active', 'paused', 'ended']) expect(states, s).toContain(s);
    expect(new Set(rows.filter((r) => r.status === 'ended').map((r) => r.endReason)).size).toBeGreaterThanOrEqual(3);
    const profiles = new Map((await db().select().from(mentorProfile)).map((p) => [p.userId, p]));
    const open = new Map<string, number>();
    for (const r of rows) if ((OPEN_STATUSES as readonly string[]).includes(r.status)) open.set(r.mentorId, (open.get(r.mentorId) ?? 0) + 1);
    for (const [mentorId, n] of open) expect(n).toBeLessThanOrEqual(effectiveCapacity(profiles.get(mentorId)!));
    // One open relationship per mentee (the unique index would have refused the insert otherwise, but say it).
    const openMentees = rows.filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status)).map((r) => r.menteeId);
    expect(new Set(openMentees).size).toBe(openMentees.length);
  });

  test('active relationships have a signed agreement, contacts that pass the log rules, and ratings', async () => {
    const active = await db().select().from(mentorship).where(eq(mentorship.status, 'active'));
    const agreements = await db().select().from(mentorshipAgreement);
    for (const m of active) {
      const a = agreements.find((x) => x.mentorshipId === m.id);
      expect(a?.mentorSignedAt).not.toBeNull();
      expect(a?.menteeSignedAt).not.toBeNull();
      agreementTerms.parse(a!.terms);
    }
    const contacts = await db().select().from(mentoringContact);
    expect(contacts.length).toBeGreaterThan(10);
    for (const c of contacts) {
      contactBody.parse({ date: c.date, durationMinutes: c.durationMinutes, mode: c.mode, topics: c.topics, notes: c.notes ?? undefined, nextStep: c.nextStep ?? undefined });
      expect(Date.parse(c.date)).toBeLessThanOrEqual(Date.now());
    }
    const ratings = await db().select().from(contactFeedback);
    expect(ratings.length).toBeGreaterThan(5);
    for (const r of ratings) expect(r.rating).toBeGreaterThanOrEqual(1);
  });

  test('people wait for a mentor, and the coordinators\' proposal matches them', async () => {
    const waiting = await db().select().from(menteeRequest).where(eq(menteeRequest.status, 'waiting'));
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    for (const r of waiting) {
      menteeRequestBody.parse({
        pathways: r.pathways,
        languages: r.languages,
        genderPreference: r.genderPreference,
        timeZone: r.timeZone,
        availability: r.availability,
        contactModes: r.contactModes,
        stage: r.stage,
        note: r.note,
      });
    }
    const coordinator = summary.samples.find((s) => s.role === 'coordinator')!;
    const client = new Client(ctx.app, sessionCookie(await new Client(ctx.app).post('/api/v1/auth/sign-in', { email: coordinator.email, password: summary.password })));
    const proposal = (await client.post('/api/v1/mentoring/proposal', {})).json();
    expect(proposal.waiting).toBe(waiting.length);
    expect(proposal.pairs.length).toBeGreaterThan(0);
    const concerns = await db().select().from(mentoringConcern);
    expect(concerns.length).toBeGreaterThanOrEqual(1);
  });
});

describe('kindred demo: the community forum', () => {
  const db = () => ctx.database.db;
  const signIn = async (email: string) => new Client(ctx.app, sessionCookie(await new Client(ctx.app).post('/api/v1/auth/sign-in', { email, password: summary.password })));
  const signedIn = async (role: 'member' | 'moderator') => {
    const sample = summary.samples.find((s) => s.role === role)!;
    const [person] = await db().select({ id: user.id, name: user.name }).from(user).where(eq(user.email, sample.email));
    return { ...person!, client: await signIn(sample.email) };
  };

  test('eight categories, topics in English and Spanish with replies and reactions, some anonymous', async () => {
    expect(summary.created['forum categories']).toBe(8);
    expect(summary.created['forum topics']).toBeGreaterThanOrEqual(14);
    expect(summary.created['anonymous posts']).toBeGreaterThan(0);
    expect(summary.created.reactions).toBeGreaterThan(20);
    const locales = await db().execute<{ locale: string }>(sql`select distinct locale from forum_post`);
    expect(locales.rows.map((r) => r.locale).sort()).toEqual(['en', 'es']);
    // Nobody reacts to their own post.
    const own = await db().execute(sql`select 1 from forum_reaction r join forum_post p on p.id = r.post_id where p.author_id = r.user_id`);
    expect(own.rows).toHaveLength(0);
  });

  test('a member reads the forum without learning who posted anonymously; the group category stays with its group', async () => {
    const me = await signedIn('member');
    const categories = (await me.client.get('/api/v1/community/categories')).json().categories as { slug: string; readAccess: string }[];
    const inGroup = (await db().execute(sql`select 1 from forum_category c join group_member m on m.group_id = c.group_id and m.user_id = ${me.id} and m.status = 'active'`)).rows.length > 0;
    expect(categories.some((c) => c.readAccess === 'group')).toBe(inGroup);
    const anonymous = await db().execute<{ topicId: string; authorId: string; name: string }>(sql`
      select p.topic_id as "topicId", p.author_id as "authorId", u.name from forum_post p join "user" u on u.id = p.author_id
      join forum_topic t on t.id = p.topic_id join forum_category c on c.id = t.category_id
      where p.anonymous and p.status = 'visible' and c.read_access = 'members' and p.author_id <> ${me.id} limit 3`);
    expect(anonymous.rows.length).toBeGreaterThan(0);
    for (const row of anonymous.rows) {
      const page = await me.client.get(`/api/v1/community/topics/${row.topicId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(row.authorId);
    }
    // Signed out, only the public category is there.
    const outside = (await new Client(ctx.app).get('/api/v1/community/categories')).json().categories as { readAccess: string }[];
    expect(outside.map((c) => c.readAccess)).toEqual(['public']);
  });

  test('the moderation queue has something in each lane, needs care first', async () => {
    const moderator = await signedIn('moderator');
    const queue = (await moderator.client.get('/api/v1/community/moderation/queue')).json() as { items: { kinds: string[]; escalationId: string | null }[] };
    expect(queue.items.length).toBe(4);
    expect(queue.items[0]!.kinds).toContain('needs_care');
    expect(queue.items[0]!.escalationId).not.toBeNull();
    const kinds = queue.items.flatMap((i) => i.kinds);
    expect(kinds).toEqual(expect.arrayContaining(['needs_care', 'held', 'reported']));
    // The member cannot see it at all.
    expect((await (await signedIn('member')).client.get('/api/v1/community/moderation/queue')).statusCode).toBe(404);
  });
});

describe('kindred demo: resources and coping strategies', () => {
  const db = () => ctx.database.db;
  const signIn = async (email: string) => new Client(ctx.app, sessionCookie(await new Client(ctx.app).post('/api/v1/auth/sign-in', { email, password: summary.password })));
  const sampleOf = (role: 'member' | 'moderator') => summary.samples.find((s) => s.role === role)!;
  type Summary = { id: string; name: string; audience: string; distanceKm: number | null; openNow: boolean | null };

  test('local entries near the demo city, beside the starter set; members-only ones need a session', async () => {
    expect(summary.created['local directory entries']).toBeGreaterThanOrEqual(5);
    const nearChicago = '/api/v1/resources?near=41.88,-87.63&radiusKm=40&pageSize=50';
    const outside = (await new Client(ctx.app).get(nearChicago)).json() as { resources: Summary[] };
    const located = outside.resources.filter((r) => r.distanceKm !== null);
    expect(located.length).toBeGreaterThanOrEqual(4);
    for (const r of located) expect(r.distanceKm!, r.name).toBeLessThanOrEqual(40);
    // Nearest first, then the national lines without an address.
    expect(located.map((r) => r.distanceKm)).toEqual([...located.map((r) => r.distanceKm)].sort((a, b) => a! - b!));
    expect(outside.resources.map((r) => r.name)).toContain('988 Suicide & Crisis Lifeline');
    expect(outside.resources.every((r) => r.audience === 'public')).toBe(true);
    // Hours are known for every local entry.
    const local = await db().select({ id: resource.id }).from(resource).where(sql`${resource.externalId} like 'kindred-demo:%' and ${resource.status} = 'published'`);
    const withHours = await db().execute(sql`select distinct resource_id from resource_hours`);
    expect(withHours.rows.length).toBe(local.length);

    const member = await signIn(sampleOf('member').email);
    const inside = (await member.get(nearChicago)).json() as { resources: Summary[] };
    expect(inside.resources.some((r) => r.audience === 'members')).toBe(true);
  });

  test('a suggestion waits unseen; reviewers find it, pending tips and a pending strategy in their work list', async () => {
    const member = await signIn(sampleOf('member').email);
    const fridge = (await member.get('/api/v1/resources?q=fridge')).json() as { resources: Summary[] };
    expect(fridge.resources).toHaveLength(0);
    const moderator = await signIn(sampleOf('moderator').email);
    const work = await moderator.get('/api/v1/resources/review');
    expect(work.statusCode, work.body).toBe(200);
    const list = work.json() as { suggestions: { name: string }[]; tips: unknown[]; strategies: { title: string }[] };
    expect(list.suggestions.map((s) => s.name)).toContain('Bridgeport Community Fridge');
    expect(list.tips.length).toBeGreaterThanOrEqual(2);
    expect(list.strategies.map((s) => s.title)).toContain('Shower and a clean shirt');
    // Who suggested or wrote them is not in it.
    const authors = await db().execute<{ id: string; name: string }>(sql`
      select u.id, u.name from "user" u where u.id in (select author_id from resource_tip union select suggested_by from resource where suggested_by is not null)`);
    for (const a of authors.rows) {
      expect(work.body).not.toContain(a.id);
      expect(work.body).not.toContain(`"${a.name}"`);
    }
    expect((await member.get('/api/v1/resources/review')).statusCode).toBe(404);
  });

  test('an entry shows its approved tips without names', async () => {
    const [entry] = await db().select({ id: resource.id }).from(resource).where(eq(resource.externalId, 'kindred-demo:lakeview-harm-reduction'));
    const res = await new Client(ctx.app).get(`/api/v1/resources/${entry!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { tips: { status: string }[]; rating: { count: number } | null };
    expect(body.tips.length).toBeGreaterThanOrEqual(2);
    expect(body.tips.every((t) => t.status === 'approved')).toBe(true);
    expect(body.rating?.count).toBeGreaterThanOrEqual(1);
    const authors = await db().select({ id: resourceTip.authorId }).from(resourceTip).where(eq(resourceTip.resourceId, entry!.id));
    for (const a of authors) expect(res.body).not.toContain(a.id);
  });

  test('peer-written strategies with "helped" marks, one pending; some members saved one to their toolbox', async () => {
    expect(summary.created['peer-written strategies']).toBeGreaterThanOrEqual(4);
    expect(summary.created['"this helped me" marks']).toBeGreaterThan(10);
    const member = await signIn(sampleOf('member').email);
    const en = (await member.get('/api/v1/coping-strategies?locale=en')).json() as { strategies: { title: string; source: string; helpedCount: number; mine: boolean }[] };
    expect(en.strategies.some((s) => s.source === 'peer' && s.title === 'The grocery store lap')).toBe(true);
    expect(en.strategies.some((s) => s.helpedCount > 0)).toBe(true);
    // The pending one shows only to its author.
    for (const s of en.strategies.filter((x) => x.title === 'Shower and a clean shirt')) expect(s.mine).toBe(true);

    const saved = await db().execute<{ email: string; locale: string; title: string }>(sql`
      select u.email, u.locale, c.title from coping_strategy c join "user" u on u.id = c.user_id where c.library_strategy_id is not null`);
    expect(saved.rows.length).toBe(summary.created['strategies saved to toolboxes']);
    const saver = saved.rows[0]!;
    const theirs = (await (await signIn(saver.email)).get(`/api/v1/coping-strategies?locale=${saver.locale}`)).json() as { strategies: { title: string; saved: boolean }[] };
    expect(theirs.strategies.find((s) => s.title === saver.title)?.saved).toBe(true);
  });
});

describe('kindred demo: messages', () => {
  const db = () => ctx.database.db;
  const signIn = async (email: string) => new Client(ctx.app, sessionCookie(await new Client(ctx.app).post('/api/v1/auth/sign-in', { email, password: summary.password })));
  const sampleEmail = async (id: string) => (await db().select({ email: user.email }).from(user).where(eq(user.id, id)))[0]!.email;

  test('mentors and mentees talk; the mentee has the last reply waiting, and the mentor has read everything', async () => {
    expect(summary.created['mentor and mentee conversations']).toBeGreaterThanOrEqual(1);
    const [pair] = (await db().execute<{ mentor_id: string; mentee_id: string }>(sql`
      select mentor_id, mentee_id from mentorship where status = 'active' order by started_at, id limit 1`)).rows;
    const mentee = await signIn(await sampleEmail(pair!.mentee_id));
    const list = (await mentee.get('/api/v1/conversations')).json() as { conversations: { id: string; basis: string; unread: number; other: { id: string } | null }[] };
    const talk = list.conversations.find((c) => c.other?.id === pair!.mentor_id)!;
    expect(talk).toMatchObject({ basis: 'mentorship', unread: 1 });
    const page = (await mentee.get(`/api/v1/conversations/${talk.id}/messages`)).json() as { messages: { seq: number }[] };
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    const mentor = await signIn(await sampleEmail(pair!.mentor_id));
    expect((await mentor.get('/api/v1/conversations/unread')).json()).toMatchObject({ unread: 0 });
  });

  test("one group's chat is on with a few messages; a message request asks to move to another app, and its recipient sees the note", async () => {
    expect(summary.created['group chats']).toBe(1);
    const [chat] = await db().select().from(groupChat);
    expect(chat!.enabled).toBe(true);
    expect(summary.created['message requests']).toBe(1);
    const [request] = (await db().execute<{ id: string; recipient: string }>(sql`
      select c.id, p.user_id as recipient from conversation c join conversation_participant p on p.conversation_id = c.id and p.user_id <> c.requested_by
      where c.status = 'requested'`)).rows;
    const recipient = await signIn(await sampleEmail(request!.recipient));
    const list = (await recipient.get('/api/v1/conversations')).json() as { requests: { id: string; lastMessage: { offPlatformNote: boolean } | null }[] };
    expect(list.requests.map((r) => r.id)).toEqual([request!.id]);
    expect(list.requests[0]!.lastMessage?.offPlatformNote).toBe(true);
  });
});
