import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext, until } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { auditFor, clearRoster, createResponder, escalationRow, notified, putOnCall } from '../../../../test/helpers/safety-factories.ts';
import { createEscalationService, DEADLINE_JOB } from './service.ts';
import { startSafetyJobs } from './jobs.ts';
import { escalation, escalationAction } from './tables.ts';

let ctx: TestContext;
let anonymous: Client;
let coordinator: TestUser;
let mentor: TestUser;
let first: TestUser;
let second: TestUser;
let later: TestUser;
let offShift: TestUser;
let stranger: TestUser;
let otherMember: TestUser;

const HOUR = 3_600_000;
const MINUTE = 60_000;
const MISSING = '0190b6a0-0000-7000-8000-000000000000';
const PLAN = {
  warningSigns: ['Skipping meals'],
  copingAlone: ['Walk by the river'],
  distractions: [],
  helpers: [{ name: 'Aunt Lupe', phone: '555-0101' }],
  professionals: [{ name: 'Dr. Reyes', phone: '555-0199' }],
  saferEnvironment: [],
  reasons: ['My daughter'],
};

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  [coordinator, mentor, first, second, later, offShift, stranger, otherMember] = await Promise.all([
    createCoordinator(ctx, { displayName: 'Cora' }),
    createUser(ctx, { displayName: 'Marta' }),
    createResponder(ctx, { displayName: 'Omar' }),
    createResponder(ctx, { displayName: 'Pilar', role: 'professional' }),
    createResponder(ctx, { displayName: 'Quim' }),
    createResponder(ctx, { displayName: 'Rafa' }),
    createUser(ctx, { roles: ['facilitator'] }),
    createUser(ctx),
  ]);
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await clearRoster(ctx);
  // Omar first, then Pilar, both on shift now; Quim's shift starts in two hours; Rafa is certified but not on call.
  await putOnCall(ctx, second, { position: 1 });
  await putOnCall(ctx, first, { position: 0 });
  await putOnCall(ctx, later, { startsAt: new Date(Date.now() + 2 * HOUR), endsAt: new Date(Date.now() + 10 * HOUR) });
});

async function memberInCrisis(opts: { mentor?: boolean; note?: string; displayName?: string } = {}) {
  const member = await createUser(ctx, { displayName: opts.displayName ?? 'Nico' });
  if (opts.mentor !== false) await createMentorship(ctx, mentor.id, member.id);
  const res = await member.client.post('/api/v1/sos', { kind: 'not_safe', note: opts.note ?? 'I have the pills in front of me' });
  expect(res.statusCode, res.body).toBe(201);
  return { member, id: res.json().id as string };
}

const service = () => createEscalationService(ctx.app.services.ctx);

describe('the full path', () => {
  test('notified, seen only by those told, acknowledged, acted on, closed', async () => {
    const { member, id } = await memberInCrisis();
    expect(await notified(ctx, id)).toEqual([`${mentor.id}:mentor`, `${first.id}:on_call`]);

    // Nobody else sees it: not a stranger, another member, a responder who was not paged, nor the member here.
    for (const person of [stranger, otherMember, offShift, member, second]) {
      const who = person.displayName;
      expect((await person.client.get(`/api/v1/escalations/${id}`)).statusCode, who).toBe(404);
      expect((await person.client.post(`/api/v1/escalations/${id}/acknowledge`)).statusCode, who).toBe(404);
      expect((await person.client.post(`/api/v1/escalations/${id}/actions`, { kind: 'reached_out' })).statusCode, who).toBe(404);
      expect((await person.client.post(`/api/v1/escalations/${id}/close`, { outcome: 'false_alarm' })).statusCode, who).toBe(404);
      expect((await person.client.get('/api/v1/escalations')).json().escalations.map((e: { id: string }) => e.id), who).not.toContain(id);
    }
    expect((await first.client.get(`/api/v1/escalations/${MISSING}`)).statusCode).toBe(404);
    expect(await escalationRow(ctx, id)).toMatchObject({ status: 'open', acknowledgedBy: null });

    // The on-call responder sees what they need: the words, the member's display name; never the member's id.
    const seen = await first.client.get(`/api/v1/escalations/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      id,
      level: 'emergency',
      source: 'sos',
      sosKind: 'not_safe',
      status: 'open',
      excerpt: 'I have the pills in front of me',
      member: { displayName: 'Nico' },
      myReason: 'on_call',
      notified: [
        { displayName: 'Marta', reason: 'mentor' },
        { displayName: 'Omar', reason: 'on_call' },
      ],
      actions: [],
      safetyPlan: null,
    });
    expect(seen.body).not.toContain(member.id);
    expect(seen.body).not.toContain(member.email);
    const inbox = (await first.client.get('/api/v1/escalations')).json().escalations;
    expect(inbox).toContainEqual(expect.objectContaining({ id, myReason: 'on_call', member: { displayName: 'Nico' }, status: 'open' }));
    expect(JSON.stringify(inbox)).not.toContain('pills');
    expect((await mentor.client.get(`/api/v1/escalations/${id}`)).json().myReason).toBe('mentor');
    // Coordinators oversee all.
    expect((await coordinator.client.get('/api/v1/escalations')).json().escalations.map((e: { id: string }) => e.id)).toContain(id);
    expect((await coordinator.client.get(`/api/v1/escalations/${id}`)).json().myReason).toBeNull();

    const acked = await first.client.post(`/api/v1/escalations/${id}/acknowledge`);
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { displayName: 'Omar' }, nextPageAt: null });
    expect((await member.client.get('/api/v1/me/sos')).json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { displayName: 'Omar' } });
    // A second acknowledgement (the mentor's) changes nothing.
    expect((await mentor.client.post(`/api/v1/escalations/${id}/acknowledge`)).json().acknowledgedBy).toEqual({ displayName: 'Omar' });

    const acted = await first.client.post(`/api/v1/escalations/${id}/actions`, { kind: 'reached_out', note: 'Called, talking now' });
    expect(acted.statusCode).toBe(200);
    expect(acted.json().actions).toEqual([{ kind: 'reached_out', note: 'Called, talking now', by: { displayName: 'Omar' }, at: expect.any(String) }]);

    const closed = await first.client.post(`/api/v1/escalations/${id}/close`, { outcome: 'safe_and_supported' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'safe_and_supported', closedAt: expect.any(String) });
    expect((await member.client.get('/api/v1/me/sos')).json()).toBeNull();
    const again = await first.client.post(`/api/v1/escalations/${id}/close`, { outcome: 'false_alarm' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect((await first.client.post(`/api/v1/escalations/${id}/actions`, { kind: 'no_action_needed' })).statusCode).toBe(409);
    expect(await escalationRow(ctx, id)).toMatchObject({ outcome: 'safe_and_supported', acknowledgedBy: first.id, closedBy: first.id });
    // Recently closed ones stay in the responder's list.
    expect((await first.client.get('/api/v1/escalations')).json().escalations).toContainEqual(expect.objectContaining({ id, status: 'closed' }));
  });

  test('closing an unacknowledged escalation acknowledges it too', async () => {
    const { id } = await memberInCrisis({ mentor: false });
    const res = await first.client.post(`/api/v1/escalations/${id}/close`, { outcome: 'no_contact' });
    expect(res.json()).toMatchObject({ status: 'closed', acknowledgedBy: { displayName: 'Omar' }, outcome: 'no_contact' });
  });

  test('every view is audited: who looked, at whose crisis, never the text', async () => {
    const { member, id } = await memberInCrisis({ note: 'words that must stay out of the log' });
    await first.client.get(`/api/v1/escalations/${id}`);
    await mentor.client.get(`/api/v1/escalations/${id}`);
    await coordinator.client.get('/api/v1/escalations');
    await stranger.client.get(`/api/v1/escalations/${id}`);
    const entries = await auditFor(ctx, member.id);
    const views = entries.filter((e) => e.action === 'safety.escalation_viewed').map((e) => e.actorId);
    expect(views.sort()).toEqual([first.id, mentor.id].sort());
    expect(entries.filter((e) => e.action === 'safety.escalation_listed').map((e) => e.actorId)).toContain(coordinator.id);
    expect(entries.every((e) => e.actorId !== stranger.id)).toBe(true);
    expect(entries.every((e) => (e.details as { escalationId?: string }).escalationId === id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('must stay out');
  });
});

describe('the safety plan', () => {
  test('the mentor sees it by the mentor consent; strangers on call only by the crisis setting; nobody once closed', async () => {
    const member = await createUser(ctx, { displayName: 'Sol' });
    await createMentorship(ctx, mentor.id, member.id);
    expect((await member.client.put('/api/v1/me/safety-plan', PLAN)).statusCode).toBe(200);
    expect((await member.client.put('/api/v1/me/sharing/safety_plan', { mentor: true })).statusCode).toBe(200);
    const id = (await member.client.post('/api/v1/sos', { kind: 'talk' })).json().id;

    expect((await mentor.client.get(`/api/v1/escalations/${id}`)).json().safetyPlan).toMatchObject({ helpers: PLAN.helpers, reasons: PLAN.reasons });
    expect((await first.client.get(`/api/v1/escalations/${id}`)).json().safetyPlan).toBeNull();
    expect((await coordinator.client.get(`/api/v1/escalations/${id}`)).json().safetyPlan).toBeNull();

    await member.client.put('/api/v1/me/sharing/crisis', { safetyPlan: true });
    expect((await first.client.get(`/api/v1/escalations/${id}`)).json().safetyPlan).toMatchObject({ professionals: PLAN.professionals });

    await first.client.post(`/api/v1/escalations/${id}/close`, { outcome: 'connected_to_care' });
    expect((await first.client.get(`/api/v1/escalations/${id}`)).json().safetyPlan).toBeNull();
    expect((await mentor.client.get(`/api/v1/escalations/${id}`)).json().safetyPlan).toBeNull();
  });
});

describe('paging when nobody acknowledges', () => {
  test('the next on call by position, then the next shift, then coordinators; then nobody', async () => {
    const { id } = await memberInCrisis({ mentor: false });
    const opened = await escalationRow(ctx, id);
    const deadline = opened.nextPageAt!;
    const after = (d: Date) => new Date(d.getTime() + 1000);

    // Before the deadline: nothing.
    expect((await service().pageNext(id, new Date(deadline.getTime() - 1000))).paged).toEqual([]);
    expect(await notified(ctx, id)).toEqual([`${first.id}:on_call`]);

    await service().pageNext(id, after(deadline));
    expect(await notified(ctx, id)).toEqual([`${first.id}:on_call`, `${second.id}:roster_next`]);
    // Pilar is now paged, and can see it; Rafa (not on call) still cannot.
    expect((await second.client.get(`/api/v1/escalations/${id}`)).json().myReason).toBe('roster_next');
    expect((await offShift.client.get(`/api/v1/escalations/${id}`)).statusCode).toBe(404);

    // The same deadline handled twice (a retry, another instance): nothing more.
    expect((await service().pageNext(id, after(deadline))).paged).toEqual([]);
    expect(await notified(ctx, id)).toHaveLength(2);

    const secondDeadline = (await escalationRow(ctx, id)).nextPageAt!;
    expect(secondDeadline.getTime() - after(deadline).getTime()).toBe(5 * MINUTE);
    await service().pageNext(id, after(secondDeadline));
    expect((await notified(ctx, id)).at(-1)).toBe(`${later.id}:roster_next`);

    const third = (await escalationRow(ctx, id)).nextPageAt!;
    await service().pageNext(id, after(third));
    const all = await notified(ctx, id);
    expect(all.slice(3)).toContain(`${coordinator.id}:coordinator`);
    expect(all.slice(3).every((n) => n.endsWith(':coordinator'))).toBe(true);

    // Nobody left: the deadline is cleared and further runs change nothing.
    const fourth = (await escalationRow(ctx, id)).nextPageAt!;
    expect((await service().pageNext(id, after(fourth))).paged).toEqual([]);
    expect(await escalationRow(ctx, id)).toMatchObject({ status: 'open', nextPageAt: null });
    expect(await notified(ctx, id)).toEqual(all);
  });

  test('two instances on the same deadline page once (row lock)', async () => {
    const { id } = await memberInCrisis({ mentor: false });
    const due = new Date((await escalationRow(ctx, id)).nextPageAt!.getTime() + 1000);
    const results = await Promise.all([service().pageNext(id, due), service().pageNext(id, due), service().pageNext(id, due)]);
    expect(results.filter((r) => r.paged.length > 0)).toHaveLength(1);
    expect(await notified(ctx, id)).toEqual([`${first.id}:on_call`, `${second.id}:roster_next`]);
  });

  test('after acknowledgement, or once closed, a deadline changes nothing', async () => {
    const { id } = await memberInCrisis({ mentor: false });
    const due = new Date((await escalationRow(ctx, id)).nextPageAt!.getTime() + 1000);
    await first.client.post(`/api/v1/escalations/${id}/acknowledge`);
    expect((await service().pageNext(id, due)).paged).toEqual([]);
    expect(await notified(ctx, id)).toEqual([`${first.id}:on_call`]);

    const other = await memberInCrisis({ mentor: false, displayName: 'Tomas' });
    const otherDue = new Date((await escalationRow(ctx, other.id)).nextPageAt!.getTime() + 1000);
    await other.member.client.delete('/api/v1/me/sos');
    expect((await service().pageNext(other.id, otherDue)).paged).toEqual([]);
    expect(await notified(ctx, other.id)).toHaveLength(1);
    expect((await service().pageNext(MISSING, otherDue)).paged).toEqual([]);
  });

  test('an uncertified responder on shift is not paged', async () => {
    await clearRoster(ctx);
    const uncertified = await createResponder(ctx, { certified: false });
    await putOnCall(ctx, uncertified, { position: 0 });
    await putOnCall(ctx, first, { position: 1 });
    const { id } = await memberInCrisis({ mentor: false });
    expect(await notified(ctx, id)).toEqual([`${first.id}:on_call`]);
  });

  test('the minute sweep pages whatever is overdue', async () => {
    const { id } = await memberInCrisis({ mentor: false });
    const due = new Date((await escalationRow(ctx, id)).nextPageAt!.getTime() + 1000);
    await service().pageOverdue(due);
    expect(await notified(ctx, id)).toContain(`${second.id}:roster_next`);
  });
});

describe('bad input and sessions', () => {
  test('bad input is 422 and changes nothing', async () => {
    const { id } = await memberInCrisis();
    for (const body of [{ kind: 'prayed' }, { kind: 'reached_out', note: 'x'.repeat(281) }, { kind: 'reached_out', extra: 1 }, {}]) {
      expect((await first.client.post(`/api/v1/escalations/${id}/actions`, body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    for (const body of [{ outcome: 'fine' }, {}, { outcome: 'false_alarm', note: 'x' }]) {
      expect((await first.client.post(`/api/v1/escalations/${id}/close`, body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await first.client.get('/api/v1/escalations/not-an-id')).statusCode).toBe(422);
    const actions = await ctx.database.db.select().from(escalationAction).where(eq(escalationAction.escalationId, id));
    expect(actions).toEqual([]);
    expect(await escalationRow(ctx, id)).toMatchObject({ status: 'open', acknowledgedBy: null, outcome: null });
  });

  test('every responder route needs a session', async () => {
    const { id } = await memberInCrisis();
    expect((await anonymous.get('/api/v1/escalations')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/escalations/${id}`)).statusCode).toBe(401);
    expect((await anonymous.post(`/api/v1/escalations/${id}/acknowledge`)).statusCode).toBe(401);
    expect((await anonymous.post(`/api/v1/escalations/${id}/actions`, { kind: 'reached_out' })).statusCode).toBe(401);
    expect((await anonymous.post(`/api/v1/escalations/${id}/close`, { outcome: 'false_alarm' })).statusCode).toBe(401);
    expect(await escalationRow(ctx, id)).toMatchObject({ status: 'open' });
  });
});

describe('the deadline job', () => {
  let withJobs: TestContext;
  beforeAll(async () => {
    withJobs = await createTestApp({}, { withJobs: true });
    await startSafetyJobs(withJobs.jobs!, withJobs.app.services.ctx);
  });
  afterAll(() => withJobs.close());

  test('an SOS schedules a delayed job at its deadline; the worker pages the next person when it runs', async () => {
    const responders = await Promise.all([createResponder(withJobs), createResponder(withJobs)]);
    await putOnCall(withJobs, responders[0]!, { position: 0 });
    await putOnCall(withJobs, responders[1]!, { position: 1 });
    const member = await createUser(withJobs);
    const id = (await member.client.post('/api/v1/sos', { kind: 'not_safe' })).json().id;
    const row = await escalationRow(withJobs, id);

    const { rows } = await withJobs.database.pool.query<{ start_after: Date }>(`select start_after from pgboss.job where name = $1 and data->>'escalationId' = $2`, [
      DEADLINE_JOB,
      id,
    ]);
    expect(rows).toHaveLength(1);
    expect(Math.abs(rows[0]!.start_after.getTime() - row.nextPageAt!.getTime())).toBeLessThan(1000);

    // Bring the deadline forward (as if five minutes had passed) and let the queue deliver a job now.
    await withJobs.database.db.update(escalation).set({ nextPageAt: sql`now() - interval '1 second'` }).where(eq(escalation.id, id));
    await withJobs.jobs!.send(DEADLINE_JOB, { escalationId: id });
    const paged = await until(async () => (await notified(withJobs, id)).includes(`${responders[1]!.id}:roster_next`), 15_000);
    expect(paged).toBe(true);
    // The worker scheduled the following deadline too (it sends it after the paging commits, so wait for it).
    const jobsFor = async () => (await withJobs.database.pool.query(`select 1 from pgboss.job where name = $1 and data->>'escalationId' = $2`, [DEADLINE_JOB, id])).rowCount ?? 0;
    await until(async () => (await jobsFor()) >= 3, 15_000);
    expect(await jobsFor()).toBeGreaterThanOrEqual(3);
    const [after] = await withJobs.database.db.select().from(escalation).where(and(eq(escalation.id, id)));
    expect(after!.nextPageAt!.getTime()).toBeGreaterThan(Date.now());
  });
});
