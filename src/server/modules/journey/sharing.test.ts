import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createGroup, createMeeting } from '../../../../test/helpers/meetings-factories.ts';
import { meetingAttendance } from '../meetings/tables.ts';
import { auditLog } from '../audit/tables.ts';
import { mentorship } from '../mentoring/tables.ts';
import { addDays, todayIn } from './dates.ts';
import { checkIn, journeyConsent, sobrietyPeriod, sobrietyTrack } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const MISSING = '0190b6a0-0000-7000-8000-000000000000';

/** Words that appear only in the member's journey: none may reach anyone who was not given them. */
const SECRETS = { goal: 'Marigold goal', tool: 'Juniper breathing', plan: 'Saffron reason', checkIn: 'Cobalt diary', setback: 'Vermilion relapse', gratitude: 'Heliotrope thanks' };
const PRIVATE_NOTES = [SECRETS.checkIn, SECRETS.setback];

interface Journey {
  member: TestUser;
  goalId: string;
  strategyId: string;
}

/** A member with something in every part of the journey. */
async function memberWithJourney(): Promise<Journey> {
  const member = await createUser(ctx, { displayName: 'Rosa' });
  const { db } = ctx.database;
  const today = todayIn('UTC');
  const goalId = (await member.client.post('/api/v1/me/goals', { title: SECRETS.goal, measure: 'check_ins', target: 2, period: 'week' })).json().id;
  const strategyId = (await member.client.post('/api/v1/me/coping-strategies', { title: SECRETS.tool, steps: ['In for four'] })).json().id;
  const plan = { warningSigns: ['Tired'], copingAlone: [], distractions: [], helpers: [{ name: 'Ana', phone: '555 0100' }], professionals: [], saferEnvironment: [], reasons: [SECRETS.plan] };
  expect((await member.client.put('/api/v1/me/safety-plan', plan)).statusCode).toBe(200);
  await db.insert(checkIn).values([
    { userId: member.id, localDate: today, mood: 4, craving: 3, used: 'no', notes: SECRETS.checkIn, gratitude: SECRETS.gratitude },
    { userId: member.id, localDate: addDays(today, -1), mood: 2, craving: 6, used: 'no', notes: SECRETS.checkIn },
    // Outside the mentor's 30 days.
    { userId: member.id, localDate: addDays(today, -40), mood: 3, craving: 1, used: 'no' },
  ]);
  const [track] = await db.insert(sobrietyTrack).values({ userId: member.id, label: 'alcohol' }).returning();
  await db.insert(sobrietyPeriod).values([
    { trackId: track!.id, userId: member.id, startedOn: addDays(today, -100), endedOn: addDays(today, -20), setbackNote: SECRETS.setback },
    { trackId: track!.id, userId: member.id, startedOn: addDays(today, -20) },
  ]);
  return { member, goalId, strategyId };
}

const share = (who: TestUser, category: string, mentor: boolean) => who.client.put(`/api/v1/me/sharing/${category}`, { mentor });

/** Every route of this part of the journey that could show someone's goals, toolbox, safety plan or journey. */
async function everyRouteAs(viewer: TestUser, j: Journey): Promise<Array<[string, LightMyRequestResponse]>> {
  const c = viewer.client;
  return [
    ['mentee journey', await c.get(`/api/v1/mentees/${j.member.id}/journey`)],
    ['mentees', await c.get('/api/v1/mentees')],
    ['goals', await c.get('/api/v1/me/goals')],
    ['change goal', await c.patch(`/api/v1/me/goals/${j.goalId}`, { target: 9 })],
    ['goal entry', await c.post(`/api/v1/me/goals/${j.goalId}/entries`, { date: '2025-01-01', amount: 1 })],
    ['archive goal', await c.delete(`/api/v1/me/goals/${j.goalId}`)],
    ['toolbox', await c.get('/api/v1/me/coping-strategies')],
    ['change strategy', await c.put(`/api/v1/me/coping-strategies/${j.strategyId}`, { title: 'Hacked', steps: [] })],
    ['remove strategy', await c.delete(`/api/v1/me/coping-strategies/${j.strategyId}`)],
    ['safety plan', await c.get('/api/v1/me/safety-plan')],
    ['sharing', await c.get('/api/v1/me/sharing')],
    ['export json', await c.get('/api/v1/me/journey/export?format=json')],
    ...(await Promise.all(
      ['check_ins', 'sobriety', 'goals', 'coping_strategies', 'meetings'].map(async (s) => [`export ${s}`, await c.get(`/api/v1/me/journey/export?format=csv&section=${s}`)] as [string, LightMyRequestResponse]),
    )),
  ];
}

async function expectUntouched(j: Journey) {
  const goals = (await j.member.client.get('/api/v1/me/goals')).json().goals;
  expect(goals).toEqual([expect.objectContaining({ id: j.goalId, title: SECRETS.goal, target: 2 })]);
  const tools = (await j.member.client.get('/api/v1/me/coping-strategies')).json().strategies;
  expect(tools).toEqual([expect.objectContaining({ id: j.strategyId, title: SECRETS.tool })]);
}

describe('sharing by consent', () => {
  test('private by default; each grant and revocation is kept and audited; a repeat changes nothing', async () => {
    const me = await createUser(ctx);
    expect((await me.client.get('/api/v1/me/sharing')).json()).toEqual({
      mentor: { check_ins: false, sobriety: false, goals: false, safety_plan: false, meetings: false },
      history: [],
    });
    expect((await share(me, 'goals', true)).json().mentor).toEqual({ check_ins: false, sobriety: false, goals: true, safety_plan: false, meetings: false });
    await share(me, 'goals', true);
    await share(me, 'sobriety', true);
    const revoked = await share(me, 'goals', false);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().mentor).toEqual({ check_ins: false, sobriety: true, goals: false, safety_plan: false, meetings: false });
    await share(me, 'check_ins', false);
    await share(me, 'goals', true);

    const { history } = (await me.client.get('/api/v1/me/sharing')).json();
    expect(history).toHaveLength(3);
    const goalsRows = history.filter((h: { category: string }) => h.category === 'goals');
    expect(goalsRows.map((h: { revokedAt: string | null }) => h.revokedAt === null).sort()).toEqual([false, true]);
    expect(history.every((h: { grantee: string; grantedAt: string }) => h.grantee === 'mentor' && !Number.isNaN(Date.parse(h.grantedAt)))).toBe(true);

    const audits = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, me.id), eq(auditLog.action, 'journey.sharing_changed')));
    expect(audits.map((a) => [a.actorId, a.details])).toEqual(
      expect.arrayContaining([
        [me.id, { category: 'goals', mentor: true }],
        [me.id, { category: 'sobriety', mentor: true }],
        [me.id, { category: 'goals', mentor: false }],
      ]),
    );
    expect(audits).toHaveLength(4);
    const active = await ctx.database.db
      .select()
      .from(journeyConsent)
      .where(and(eq(journeyConsent.userId, me.id), eq(journeyConsent.category, 'goals')));
    expect(active.filter((r) => r.revokedAt === null)).toHaveLength(1);
  });

  test('bad input is 422 and stores nothing', async () => {
    const me = await createUser(ctx);
    for (const [url, body] of [
      ['/api/v1/me/sharing/diary', { mentor: true }],
      ['/api/v1/me/sharing/goals', { mentor: 'yes' }],
      ['/api/v1/me/sharing/goals', {}],
      ['/api/v1/me/sharing/goals', { mentor: true, coordinator: true }],
    ] as const) {
      expect((await me.client.put(url, body)).statusCode, `${url} ${JSON.stringify(body)}`).toBe(422);
    }
    expect(await ctx.database.db.select().from(journeyConsent).where(eq(journeyConsent.userId, me.id))).toEqual([]);
  });
});

describe('privacy', () => {
  test('another member, a facilitator, a professional, a coordinator and a mentor without consent see nothing', async () => {
    const j = await memberWithJourney();
    const viewers = {
      member: await createUser(ctx),
      facilitator: await createUser(ctx, { roles: ['facilitator'] }),
      professional: await createUser(ctx, { roles: ['professional'] }),
      coordinator: await createUser(ctx, { roles: ['coordinator'] }),
      mentorWithoutConsent: await createUser(ctx, { roles: ['peer_supporter'] }),
      formerMentor: await createUser(ctx, { roles: ['peer_supporter'] }),
    };
    await createMentorship(ctx, viewers.formerMentor.id, j.member.id, 'ended');
    await createMentorship(ctx, viewers.mentorWithoutConsent.id, j.member.id);
    // Consents given to "my mentor" do not reach a former one.
    await share(j.member, 'safety_plan', true);
    await share(j.member, 'safety_plan', false);

    for (const [role, viewer] of Object.entries(viewers)) {
      for (const [route, res] of await everyRouteAs(viewer, j)) {
        const where = `${role}: ${route}`;
        expect(res.statusCode, where).toBeLessThan(500);
        for (const secret of Object.values(SECRETS)) expect(res.body, where).not.toContain(secret);
        if (['change goal', 'goal entry', 'archive goal', 'change strategy', 'remove strategy'].includes(route)) expect(res.statusCode, where).toBe(404);
        if (route === 'mentee journey') {
          if (role === 'mentorWithoutConsent') expect(res.json(), where).toEqual({});
          else expect(res.statusCode, where).toBe(404);
        }
      }
    }
    // The coordinator's own pages say nothing of the journey either.
    for (const url of ['/api/v1/admin/audit-log', `/api/v1/admin/users/${j.member.id}`]) {
      const res = await viewers.coordinator.client.get(url);
      expect(res.statusCode).toBe(200);
      for (const secret of Object.values(SECRETS)) expect(res.body).not.toContain(secret);
    }
    await expectUntouched(j);
  });

  test('the mentor view is the same 404 for a member who exists, one who does not, and the member themselves', async () => {
    const j = await memberWithJourney();
    const stranger = await createUser(ctx);
    const a = await stranger.client.get(`/api/v1/mentees/${j.member.id}/journey`);
    const b = await stranger.client.get(`/api/v1/mentees/${MISSING}/journey`);
    const self = await j.member.client.get(`/api/v1/mentees/${j.member.id}/journey`);
    expect([a.statusCode, b.statusCode, self.statusCode]).toEqual([404, 404, 404]);
    expect(a.body).toBe(b.body);
    expect((await new Client(ctx.app).get(`/api/v1/mentees/${j.member.id}/journey`)).statusCode).toBe(401);
  });

  test('with consent the mentor sees exactly the shared categories, never the private notes; revocation applies to the next request', async () => {
    const j = await memberWithJourney();
    const mentor = await createUser(ctx, { roles: ['peer_supporter'], displayName: 'Olga' });
    await createMentorship(ctx, mentor.id, j.member.id);
    const view = async () => {
      const res = await mentor.client.get(`/api/v1/mentees/${j.member.id}/journey`);
      expect(res.statusCode).toBe(200);
      return res;
    };

    expect((await mentor.client.get('/api/v1/mentees')).json()).toEqual({ mentees: [{ id: j.member.id, displayName: 'Rosa' }] });
    expect((await view()).json()).toEqual({});

    await share(j.member, 'goals', true);
    await share(j.member, 'safety_plan', true);
    const some = (await view()).json();
    expect(Object.keys(some).sort()).toEqual(['goals', 'safetyPlan']);
    expect(some.goals).toEqual([expect.objectContaining({ id: j.goalId, title: SECRETS.goal, progress: expect.objectContaining({ met: expect.any(Boolean) }) })]);
    expect(some.safetyPlan.reasons).toEqual([SECRETS.plan]);

    await share(j.member, 'check_ins', true);
    await share(j.member, 'sobriety', true);
    const all = await view();
    const body = all.json();
    expect(Object.keys(body).sort()).toEqual(['checkIns', 'goals', 'safetyPlan', 'sobriety']);
    expect(body.checkIns).toHaveLength(2); // the last 30 days only
    expect(body.checkIns.every((c: { notes: string | null }) => c.notes === null)).toBe(true);
    expect(body.checkIns.map((c: { mood: number }) => c.mood).sort()).toEqual([2, 4]);
    const periods = body.sobriety.tracks[0].periods;
    expect(periods).toHaveLength(2);
    expect(periods.every((p: { setbackNote: string | null }) => p.setbackNote === null)).toBe(true);
    for (const note of PRIVATE_NOTES) expect(all.body).not.toContain(note);
    // Nothing of the toolbox is shared, ever.
    expect(all.body).not.toContain(SECRETS.tool);

    await share(j.member, 'safety_plan', false);
    const after = (await view()).json();
    expect(Object.keys(after).sort()).toEqual(['checkIns', 'goals', 'sobriety']);

    // Meeting attendance: the last 30 days, only once shared.
    const group = await createGroup(ctx, { name: 'Night Owls' });
    const held = await createMeeting(ctx, group.id, { name: 'Thursday Step Study' });
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    await ctx.database.db.insert(meetingAttendance).values([
      { meetingId: held.id, userId: j.member.id, localDate: day(3).toISOString().slice(0, 10), startsAt: day(3), method: 'roster' },
      { meetingId: held.id, userId: j.member.id, localDate: day(40).toISOString().slice(0, 10), startsAt: day(40), method: 'self' },
    ]);
    expect((await view()).json()).not.toHaveProperty('meetings');
    await share(j.member, 'meetings', true);
    expect((await view()).json().meetings).toEqual([expect.objectContaining({ meetingName: 'Thursday Step Study', groupName: 'Night Owls', method: 'roster' })]);
    await share(j.member, 'meetings', false);
    for (const c of ['goals', 'check_ins', 'sobriety']) await share(j.member, c, false);
    expect((await view()).json()).toEqual({});
  });

  test('consent follows the relationship: an ended mentorship closes the view at once', async () => {
    const j = await memberWithJourney();
    const mentor = await createUser(ctx, { roles: ['peer_supporter'] });
    const rel = await createMentorship(ctx, mentor.id, j.member.id);
    await share(j.member, 'goals', true);
    expect((await mentor.client.get(`/api/v1/mentees/${j.member.id}/journey`)).json()).toHaveProperty('goals');
    await ctx.database.db.update(mentorship).set({ status: 'ended', endedAt: new Date() }).where(eq(mentorship.id, rel.id));
    expect((await mentor.client.get(`/api/v1/mentees/${j.member.id}/journey`)).statusCode).toBe(404);
    expect((await mentor.client.get('/api/v1/mentees')).json()).toEqual({ mentees: [] });
  });
});
