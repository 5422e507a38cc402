import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { currentPeriods } from './plans-service.ts';
import { checkIn, copingStrategy, goal, goalEntry, safetyPlan } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
afterEach(() => {
  vi.useRealTimers();
});

const MISSING = '0190b6a0-0000-7000-8000-000000000000';

async function member(timeZone?: string): Promise<TestUser> {
  const person = await createUser(ctx);
  if (timeZone) expect((await person.client.patch('/api/v1/me', { timeZone })).statusCode).toBe(200);
  return person;
}

const rowsOf = async (table: typeof goal | typeof goalEntry | typeof copingStrategy | typeof safetyPlan, userId: string) =>
  (await ctx.database.db.select({ n: count() }).from(table).where(eq(table.userId, userId)))[0]!.n;

/** The server's clock at a given instant (sessions are created before: they must not be born expired). */
function atInstant(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function addCheckIn(userId: string, localDate: string, meetings = 0) {
  await ctx.database.db.insert(checkIn).values({ userId, localDate, mood: 3, craving: 2, used: 'no', meetings });
}

describe('goals', () => {
  test('create, list, change, archive', async () => {
    const me = await member();
    const created = await me.client.post('/api/v1/me/goals', { title: 'Check in most days', measure: 'check_ins', target: 5, period: 'week' });
    expect(created.statusCode).toBe(201);
    const g = created.json();
    expect(g).toMatchObject({ title: 'Check in most days', measure: 'check_ins', target: 5, period: 'week', progress: { count: 0, met: false } });

    const patched = await me.client.patch(`/api/v1/me/goals/${g.id}`, { target: 4, period: 'month' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: g.id, title: 'Check in most days', measure: 'check_ins', target: 4, period: 'month' });

    expect((await me.client.get('/api/v1/me/goals')).json().goals.map((x: { id: string }) => x.id)).toEqual([g.id]);
    expect((await me.client.delete(`/api/v1/me/goals/${g.id}`)).statusCode).toBe(204);
    expect((await me.client.get('/api/v1/me/goals')).json()).toEqual({ goals: [] });
    // Archived, not erased; and an archived goal cannot be changed.
    const [row] = await ctx.database.db.select().from(goal).where(eq(goal.id, g.id));
    expect(row!.archivedAt).not.toBeNull();
    expect((await me.client.patch(`/api/v1/me/goals/${g.id}`, { target: 2 })).statusCode).toBe(404);
    expect((await me.client.delete(`/api/v1/me/goals/${g.id}`)).statusCode).toBe(404);
  });

  test.each([
    { title: '', measure: 'check_ins', target: 3, period: 'week' },
    { title: 'x', measure: 'steps', target: 3, period: 'week' },
    { title: 'x', measure: 'check_ins', target: 0, period: 'week' },
    { title: 'x', measure: 'check_ins', target: 1.5, period: 'week' },
    { title: 'x', measure: 'check_ins', target: 3, period: 'year' },
    { title: 'x'.repeat(101), measure: 'check_ins', target: 3, period: 'week' },
    { title: 'x', measure: 'check_ins', target: 3, period: 'week', userId: MISSING },
  ])('bad goal %j is 422 and stores nothing', async (body) => {
    const me = await member();
    const res = await me.client.post('/api/v1/me/goals', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('validation_failed');
    expect(await rowsOf(goal, me.id)).toBe(0);
  });

  test('bad changes are 422 and change nothing', async () => {
    const me = await member();
    const g = (await me.client.post('/api/v1/me/goals', { title: 'Walk', measure: 'self_reported', target: 3, period: 'week' })).json();
    for (const body of [{}, { target: -1 }, { measure: 'check_ins' }, { title: '' }]) {
      expect((await me.client.patch(`/api/v1/me/goals/${g.id}`, body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await me.client.patch('/api/v1/me/goals/not-a-uuid', { target: 2 })).statusCode).toBe(422);
    const [row] = await ctx.database.db.select().from(goal).where(eq(goal.id, g.id));
    expect(row).toMatchObject({ title: 'Walk', measure: 'self_reported', target: 3, period: 'week' });
  });

  test("another member's goal is 404 through every route and stays as it was", async () => {
    const owner = await member();
    const other = await member();
    const g = (await owner.client.post('/api/v1/me/goals', { title: 'Call my sponsor', measure: 'self_reported', target: 2, period: 'week' })).json();
    for (const res of [
      await other.client.patch(`/api/v1/me/goals/${g.id}`, { title: 'Hacked' }),
      await other.client.delete(`/api/v1/me/goals/${g.id}`),
      await other.client.post(`/api/v1/me/goals/${g.id}/entries`, { date: '2025-01-01', amount: 1 }),
      await other.client.patch(`/api/v1/me/goals/${MISSING}`, { title: 'Hacked' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await other.client.get('/api/v1/me/goals')).json()).toEqual({ goals: [] });
    const [row] = await ctx.database.db.select().from(goal).where(eq(goal.id, g.id));
    expect(row).toMatchObject({ title: 'Call my sponsor', archivedAt: null });
    expect(await rowsOf(goalEntry, owner.id)).toBe(0);
    expect(await rowsOf(goalEntry, other.id)).toBe(0);
  });

  test('self-reported entries count in the current period; Kindred-measured goals refuse them', async () => {
    const me = await member('Europe/Madrid');
    atInstant('2025-06-18T12:00:00Z'); // a Wednesday
    const contacts = (await me.client.post('/api/v1/me/goals', { title: 'Talk to my mentor', measure: 'mentor_contacts', target: 3, period: 'week' })).json();
    const counted = (await me.client.post('/api/v1/me/goals', { title: 'Check in', measure: 'check_ins', target: 3, period: 'week' })).json();

    expect((await me.client.post(`/api/v1/me/goals/${contacts.id}/entries`, { date: '2025-06-16', amount: 1 })).json().progress).toEqual({
      periodStart: '2025-06-16',
      periodEnd: '2025-06-22',
      count: 1,
      met: false,
    });
    // Last week's entry is kept but does not count now.
    expect((await me.client.post(`/api/v1/me/goals/${contacts.id}/entries`, { date: '2025-06-15', amount: 5 })).json().progress.count).toBe(1);
    const met = await me.client.post(`/api/v1/me/goals/${contacts.id}/entries`, { date: '2025-06-18', amount: 2 });
    expect(met.statusCode).toBe(201);
    expect(met.json().progress).toMatchObject({ count: 3, met: true });

    const refused = await me.client.post(`/api/v1/me/goals/${counted.id}/entries`, { date: '2025-06-18', amount: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/counts this goal from your activity/);
    for (const body of [{ date: '2025-06-20', amount: 1 }, { date: '2025-02-30', amount: 1 }, { date: '2025-06-18', amount: 0 }, { date: '2025-06-18' }]) {
      expect((await me.client.post(`/api/v1/me/goals/${contacts.id}/entries`, body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    // A day of slack for a device ahead of the profile's zone.
    expect((await me.client.post(`/api/v1/me/goals/${contacts.id}/entries`, { date: '2025-06-19', amount: 1 })).statusCode).toBe(201);
    expect(await rowsOf(goalEntry, me.id)).toBe(4);
  });

  test('progress counts check-ins and meetings in the member\'s own week, across the week boundary (Los Angeles, after the DST change)', async () => {
    const me = await member('America/Los_Angeles');
    const other = await member('America/Los_Angeles');
    // Monday 2025-03-10 06:30 UTC is still Sunday 2025-03-09 23:30 in Los Angeles (clocks went forward that morning).
    atInstant('2025-03-10T06:30:00Z');
    for (const [date, meetings] of [['2025-03-02', 1], ['2025-03-03', 1], ['2025-03-08', 2], ['2025-03-09', 0], ['2025-03-10', 1], ['2025-02-28', 4]] as const) {
      await addCheckIn(me.id, date, meetings);
    }
    await addCheckIn(other.id, '2025-03-09', 9);
    const weekly = (await me.client.post('/api/v1/me/goals', { title: 'Check in', measure: 'check_ins', target: 3, period: 'week' })).json();
    const monthly = (await me.client.post('/api/v1/me/goals', { title: 'Meetings', measure: 'meetings', target: 4, period: 'month' })).json();

    const sunday = (await me.client.get('/api/v1/me/goals')).json().goals;
    expect(sunday.find((g: { id: string }) => g.id === weekly.id).progress).toEqual({ periodStart: '2025-03-03', periodEnd: '2025-03-09', count: 3, met: true });
    // March so far: 1 + 1 + 2 + 0 + 1 (the 10th is already written, as a row); February's 4 do not count.
    expect(sunday.find((g: { id: string }) => g.id === monthly.id).progress).toEqual({ periodStart: '2025-03-01', periodEnd: '2025-03-31', count: 5, met: true });

    // An hour later it is Monday in Los Angeles: a new week, with one check-in so far.
    atInstant('2025-03-10T07:30:00Z');
    const monday = (await me.client.get('/api/v1/me/goals')).json().goals;
    expect(monday.find((g: { id: string }) => g.id === weekly.id).progress).toEqual({ periodStart: '2025-03-10', periodEnd: '2025-03-16', count: 1, met: false });
  });

  test('periods: ISO weeks start on Monday; months are calendar months', () => {
    expect(currentPeriods('2025-03-09')).toEqual({ week: { from: '2025-03-03', to: '2025-03-09' }, month: { from: '2025-03-01', to: '2025-03-31' } });
    expect(currentPeriods('2024-12-31')).toEqual({ week: { from: '2024-12-30', to: '2025-01-05' }, month: { from: '2024-12-01', to: '2024-12-31' } });
    expect(currentPeriods('2024-02-29').month).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('coping toolbox', () => {
  const strategy = (title: string) => ({ title, steps: ['Breathe in for four', 'Out for six'] });

  test('add, change, reorder, remove', async () => {
    const me = await member();
    const ids: string[] = [];
    for (const title of ['Walk', 'Call Ana', 'Cold water']) {
      const res = await me.client.post('/api/v1/me/coping-strategies', strategy(title));
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const list = (await me.client.get('/api/v1/me/coping-strategies')).json().strategies;
    expect(list.map((s: { title: string }) => s.title)).toEqual(['Walk', 'Call Ana', 'Cold water']);

    const changed = await me.client.put(`/api/v1/me/coping-strategies/${ids[1]}`, { title: 'Call Ana or Luis', steps: ['Ana first'] });
    expect(changed.json()).toMatchObject({ id: ids[1], title: 'Call Ana or Luis', steps: ['Ana first'] });

    const reordered = await me.client.put('/api/v1/me/coping-strategies/order', { ids: [ids[2], ids[0], ids[1]] });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().strategies.map((s: { title: string }) => s.title)).toEqual(['Cold water', 'Walk', 'Call Ana or Luis']);

    expect((await me.client.delete(`/api/v1/me/coping-strategies/${ids[0]}`)).statusCode).toBe(204);
    const after = (await me.client.get('/api/v1/me/coping-strategies')).json().strategies;
    expect(after.map((s: { title: string }) => s.title)).toEqual(['Cold water', 'Call Ana or Luis']);
    // A new one goes at the end.
    await me.client.post('/api/v1/me/coping-strategies', strategy('Music'));
    expect((await me.client.get('/api/v1/me/coping-strategies')).json().strategies.at(-1).title).toBe('Music');
  });

  test('the order must be exactly the member\'s strategies', async () => {
    const me = await member();
    const other = await member();
    const a = (await me.client.post('/api/v1/me/coping-strategies', strategy('A'))).json().id;
    const b = (await me.client.post('/api/v1/me/coping-strategies', strategy('B'))).json().id;
    const theirs = (await other.client.post('/api/v1/me/coping-strategies', strategy('Theirs'))).json().id;
    for (const ids of [[a], [a, b, theirs], [b, theirs], [a, a], [b, a, MISSING], []]) {
      const res = await me.client.put('/api/v1/me/coping-strategies/order', { ids });
      expect(res.statusCode, JSON.stringify(ids)).toBe(422);
    }
    expect((await me.client.get('/api/v1/me/coping-strategies')).json().strategies.map((s: { id: string }) => s.id)).toEqual([a, b]);
    expect((await other.client.get('/api/v1/me/coping-strategies')).json().strategies.map((s: { title: string; position: number }) => [s.title, s.position])).toEqual([['Theirs', 0]]);
  });

  test('at most 50 strategies', async () => {
    const me = await member();
    await Promise.all(Array.from({ length: 49 }, (_, i) => me.client.post('/api/v1/me/coping-strategies', strategy(`S${i}`))));
    // The last places are taken concurrently: exactly one more fits.
    const racing = await Promise.all([1, 2, 3].map((i) => me.client.post('/api/v1/me/coping-strategies', strategy(`Late ${i}`))));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 422, 422]);
    expect(racing.find((r) => r.statusCode === 422)!.json().error.message).toMatch(/up to 50/);
    expect(await rowsOf(copingStrategy, me.id)).toBe(50);
    const positions = (await me.client.get('/api/v1/me/coping-strategies')).json().strategies.map((s: { position: number }) => s.position);
    expect(new Set(positions).size).toBe(50);
  });

  test('bad input is 422 and stores nothing; another member\'s strategy is 404 and unchanged', async () => {
    const me = await member();
    const other = await member();
    for (const body of [{ title: '', steps: [] }, { title: 'x', steps: [''] }, { title: 'x', steps: Array(21).fill('s') }, { title: 'x' }, { title: 'x', steps: [], position: 3 }]) {
      expect((await me.client.post('/api/v1/me/coping-strategies', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await rowsOf(copingStrategy, me.id)).toBe(0);
    const id = (await other.client.post('/api/v1/me/coping-strategies', strategy('Private walk'))).json().id;
    expect((await me.client.put(`/api/v1/me/coping-strategies/${id}`, strategy('Hacked'))).statusCode).toBe(404);
    expect((await me.client.delete(`/api/v1/me/coping-strategies/${id}`)).statusCode).toBe(404);
    expect((await me.client.get('/api/v1/me/coping-strategies')).json()).toEqual({ strategies: [] });
    const [row] = await ctx.database.db.select().from(copingStrategy).where(eq(copingStrategy.id, id));
    expect(row).toMatchObject({ title: 'Private walk' });
  });
});

describe('safety plan', () => {
  const plan = {
    warningSigns: ['Skipping meals', 'Not answering the phone'],
    copingAlone: ['Shower', 'Walk the dog'],
    distractions: ['The library'],
    helpers: [{ name: 'Ana', phone: '+34 600 000 000' }, { name: 'Luis' }],
    professionals: [{ name: 'Dr. Ruiz', phone: '(555) 010-0200' }],
    saferEnvironment: ['Nothing at home'],
    reasons: ['My daughter'],
  };

  test('empty before the first save; saved whole; replaced whole', async () => {
    const me = await member();
    const empty = await me.client.get('/api/v1/me/safety-plan');
    expect(empty.json()).toEqual({
      warningSigns: [],
      copingAlone: [],
      distractions: [],
      helpers: [],
      professionals: [],
      saferEnvironment: [],
      reasons: [],
      updatedAt: null,
    });
    const saved = await me.client.put('/api/v1/me/safety-plan', plan);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ ...plan, updatedAt: expect.any(String) });
    await me.client.put('/api/v1/me/safety-plan', { ...plan, reasons: ['My daughter', 'Me'], helpers: [] });
    expect((await me.client.get('/api/v1/me/safety-plan')).json()).toMatchObject({ reasons: ['My daughter', 'Me'], helpers: [], warningSigns: plan.warningSigns });
  });

  test('bad input is 422 and stores nothing', async () => {
    const me = await member();
    const { reasons: _, ...missingSection } = plan;
    for (const body of [
      missingSection,
      { ...plan, helpers: [{ name: 'Ana', phone: 'call me' }] },
      { ...plan, helpers: [{ name: '' }] },
      { ...plan, warningSigns: [''] },
      { ...plan, extra: [] },
      { ...plan, reasons: Array(21).fill('r') },
    ]) {
      expect((await me.client.put('/api/v1/me/safety-plan', body)).statusCode).toBe(422);
    }
    expect(await rowsOf(safetyPlan, me.id)).toBe(0);
  });
});

test('every route needs a session', async () => {
  const anon = new Client(ctx.app);
  for (const [method, url, body] of [
    ['GET', '/api/v1/me/goals', undefined],
    ['POST', '/api/v1/me/goals', { title: 'x', measure: 'check_ins', target: 1, period: 'week' }],
    ['POST', `/api/v1/me/goals/${MISSING}/entries`, { date: '2025-01-01', amount: 1 }],
    ['GET', '/api/v1/me/coping-strategies', undefined],
    ['PUT', '/api/v1/me/coping-strategies/order', { ids: [] }],
    ['GET', '/api/v1/me/safety-plan', undefined],
  ] as const) {
    expect((await anon.request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
  }
});
