import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { clearRoster, createResponder, escalationRow, notified, putOnCall } from '../../../../test/helpers/safety-factories.ts';
import { domainEvent } from '../../events/tables.ts';
import { todayIn } from '../journey/dates.ts';
import { checkIn } from '../journey/tables.ts';
import { CSSRS } from './cssrs.ts';
import { DEADLINE_JOB } from './service.ts';
import { escalation } from './tables.ts';

let ctx: TestContext;
let coordinator: TestUser;
let mentor: TestUser;
let onCall: TestUser;
let stranger: TestUser;

const EN_DEFAULTS = ['988', 'samhsa', 'crisis-text-line', '911'];
const calm = { mood: 2, craving: 3, triggers: [], used: 'no', meetings: 0 };

beforeAll(async () => {
  ctx = await createTestApp();
  [coordinator, mentor, onCall, stranger] = await Promise.all([
    createCoordinator(ctx, { displayName: 'Cora' }),
    createUser(ctx, { displayName: 'Marta' }),
    createResponder(ctx, { displayName: 'Omar' }),
    createUser(ctx, { displayName: 'Sam' }),
  ]);
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await clearRoster(ctx);
  await putOnCall(ctx, onCall);
});

/** A member with a mentor, in their language (the account's, not the browser's). */
async function member(opts: { locale?: 'en' | 'es'; displayName?: string } = {}) {
  const person = await createUser(ctx, { displayName: opts.displayName ?? 'Nico' });
  await createMentorship(ctx, mentor.id, person.id);
  if (opts.locale) expect((await person.client.patch('/api/v1/me', { locale: opts.locale })).statusCode).toBe(200);
  return person;
}

const today = () => todayIn('UTC');
const saveCheckIn = (person: TestUser, fields: { notes?: string; gratitude?: string; triggerNote?: string }) =>
  person.client.put(`/api/v1/me/check-ins/${today()}`, { ...calm, ...fields });
const escalationsOf = (person: TestUser) => ctx.database.db.select().from(escalation).where(eq(escalation.memberId, person.id));

describe('a check-in the detector reads as a crisis', () => {
  test('urgent: saved all the same, crisis lines and the next screener question at once; mentor and on call told', async () => {
    const nico = await member();
    const res = await saveCheckIn(nico, { notes: "I don't want to be alive anymore", gratitude: 'My dog' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.checkIn.notes).toBe("I don't want to be alive anymore");
    expect(body.crisis).toMatchObject({ level: 'urgent', followUp: { key: 'suicidalThoughts', question: CSSRS.suicidalThoughts.en } });
    expect(body.crisis.categories).toContain('suicide');
    expect(body.crisis.resources.map((r: { id: string }) => r.id)).toEqual(EN_DEFAULTS);

    const [saved] = await ctx.database.db.select().from(checkIn).where(and(eq(checkIn.userId, nico.id), eq(checkIn.localDate, today())));
    expect(saved!.notes).toBe("I don't want to be alive anymore");
    const row = await escalationRow(ctx, body.crisis.escalationId);
    expect(row).toMatchObject({ memberId: nico.id, source: 'check_in', sourceId: saved!.id, level: 'urgent', status: 'open' });
    expect(row.excerpt).toBe("I don't want to be alive anymore");
    expect(row.nextPageAt).not.toBeNull();
    expect(await notified(ctx, row.id)).toEqual([`${mentor.id}:mentor`, `${onCall.id}:on_call`]);

    // The mentor and the person on call see it; the text reaches them only as the escalation's excerpt.
    const seen = await mentor.client.get(`/api/v1/escalations/${row.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ source: 'check_in', level: 'urgent', excerpt: "I don't want to be alive anymore", member: { displayName: 'Nico' } });
    expect((await onCall.client.get(`/api/v1/escalations/${row.id}`)).statusCode).toBe(200);
    // Nobody else, the member included on the responder route.
    for (const person of [stranger, nico]) expect((await person.client.get(`/api/v1/escalations/${row.id}`)).statusCode, person.displayName).toBe(404);
    expect((await stranger.client.get('/api/v1/escalations')).json().escalations).toEqual([]);

    // Events carry ids only.
    const events = await ctx.database.db.select().from(domainEvent).where(eq(domainEvent.userId, nico.id));
    expect(JSON.stringify(events)).not.toContain('alive');
  });

  test('emergency: emergency lines first, no screener question', async () => {
    const nico = await member();
    const res = await saveCheckIn(nico, { notes: 'I have the pills ready. I want to die tonight' });
    expect(res.statusCode, res.body).toBe(200);
    const { crisis } = res.json();
    expect(crisis).toMatchObject({ level: 'emergency', followUp: null });
    expect(crisis.resources[0]).toMatchObject({ id: '911', emergency: true });
    expect(crisis.resources.map((r: { id: string }) => r.id).sort()).toEqual([...EN_DEFAULTS].sort());
    expect((await escalationRow(ctx, crisis.escalationId)).level).toBe('emergency');
  });

  test('words that are not a crisis: no crisis screen, no escalation', async () => {
    const nico = await member();
    for (const notes of ['this craving is killing me', 'the suicide prevention walk was beautiful']) {
      const res = await saveCheckIn(nico, { notes });
      expect(res.statusCode).toBe(200);
      expect(res.json().crisis, notes).toBeNull();
    }
    expect(await escalationsOf(nico)).toEqual([]);
  });

  test('editing the same day answers with the open escalation; once it is closed, new words open a new one', async () => {
    const nico = await member();
    const first = (await saveCheckIn(nico, { notes: "I don't want to be alive anymore" })).json().crisis;
    const same = (await saveCheckIn(nico, { notes: "I don't want to be alive anymore" })).json().crisis;
    const other = (await saveCheckIn(nico, { notes: 'Still here. I wish I could go to sleep and not wake up', gratitude: 'I want to die' })).json().crisis;
    expect(same.escalationId).toBe(first.escalationId);
    expect(other).toMatchObject({ level: 'urgent', escalationId: first.escalationId });
    expect(await escalationsOf(nico)).toHaveLength(1);
    // Nothing about the open one changed (its excerpt is what first raised it).
    expect((await escalationRow(ctx, first.escalationId)).excerpt).toBe("I don't want to be alive anymore");
    // A calm edit answers with no crisis and leaves the escalation alone.
    expect((await saveCheckIn(nico, { notes: 'Feeling better after a call' })).json().crisis).toBeNull();
    expect((await escalationRow(ctx, first.escalationId)).status).toBe('open');

    expect((await mentor.client.post(`/api/v1/escalations/${first.escalationId}/close`, { outcome: 'safe_and_supported' })).statusCode).toBe(200);
    const again = (await saveCheckIn(nico, { notes: "I don't want to be alive anymore" })).json().crisis;
    expect(again.escalationId).not.toBe(first.escalationId);
    expect(await escalationsOf(nico)).toHaveLength(2);
  });

  test("a Spanish-speaking member gets Spanish lines and the question in Spanish", async () => {
    const lucia = await member({ locale: 'es', displayName: 'Lucía' });
    const res = await saveCheckIn(lucia, { notes: 'quiero morirme' });
    const { crisis } = res.json();
    expect(crisis).toMatchObject({ level: 'urgent', followUp: { key: 'suicidalThoughts', question: CSSRS.suicidalThoughts.es } });
    expect(crisis.resources[0].name).toMatch(/Línea de Prevención/);
    expect(crisis.resources.map((r: { id: string }) => r.id)).toEqual(EN_DEFAULTS);
    expect((await stranger.client.get(`/api/v1/escalations/${crisis.escalationId}`)).statusCode).toBe(404);
  });

  test('an instance that escalates emergencies only still shows the crisis screen for urgent words', async () => {
    const set = (escalateFrom?: string) => coordinator.client.put('/api/v1/admin/safety-settings', { ackMinutes: { emergency: 5, urgent: 30 }, escalateFrom });
    expect((await set('elevated')).statusCode).toBe(422);
    expect((await stranger.client.put('/api/v1/admin/safety-settings', { ackMinutes: { emergency: 5, urgent: 30 }, escalateFrom: 'emergency' })).statusCode).toBe(404);
    expect((await set('emergency')).json()).toEqual({ ackMinutes: { emergency: 5, urgent: 30 }, escalateFrom: 'emergency' });
    // Omitted: unchanged.
    expect((await set()).json().escalateFrom).toBe('emergency');
    try {
      const nico = await member();
      const urgent = (await saveCheckIn(nico, { notes: "I don't want to be alive anymore" })).json().crisis;
      expect(urgent).toMatchObject({ level: 'urgent', escalationId: null });
      expect(urgent.resources.length).toBeGreaterThan(0);
      expect(await escalationsOf(nico)).toEqual([]);
      const emergency = (await saveCheckIn(nico, { notes: 'I have the pills ready. I want to die tonight' })).json().crisis;
      expect(emergency.level).toBe('emergency');
      expect(await escalationsOf(nico)).toHaveLength(1);
    } finally {
      expect((await set('urgent')).json().escalateFrom).toBe('urgent');
    }
  });
});

describe('the paging deadline', () => {
  let withJobs: TestContext;
  beforeAll(async () => {
    withJobs = await createTestApp({}, { withJobs: true });
  });
  afterAll(() => withJobs.close());

  test('a check-in that opens an escalation schedules its deadline job after commit', async () => {
    await putOnCall(withJobs, await createResponder(withJobs));
    const nico = await createUser(withJobs);
    const res = await nico.client.put(`/api/v1/me/check-ins/${today()}`, { ...calm, notes: "I don't want to be alive anymore" });
    const id = res.json().crisis.escalationId as string;
    const row = await escalationRow(withJobs, id);
    const { rows } = await withJobs.database.pool.query<{ start_after: Date }>(`select start_after from pgboss.job where name = $1 and data->>'escalationId' = $2`, [DEADLINE_JOB, id]);
    expect(rows).toHaveLength(1);
    expect(Math.abs(rows[0]!.start_after.getTime() - row.nextPageAt!.getTime())).toBeLessThan(1000);
  });
});
