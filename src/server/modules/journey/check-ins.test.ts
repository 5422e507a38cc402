import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { domainEvent } from '../../events/tables.ts';
import { addDays, todayIn } from './dates.ts';
import { checkIn } from './tables.ts';

let ctx: TestContext;
let member: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  member = await createUser(ctx, { displayName: 'Jo' });
  await member.client.patch('/api/v1/me', { timeZone: 'America/Los_Angeles' });
});
afterAll(() => ctx.close());

const today = () => todayIn('America/Los_Angeles');
const calm = { mood: 4, craving: 2, triggers: ['stress'], used: 'no', meetings: 1, gratitude: 'Coffee with my sister', notes: 'Slept badly but ok' };

describe('daily check-in', () => {
  test("one per local day: a second save edits it; the streak counts consecutive days", async () => {
    await ctx.database.db.insert(checkIn).values(
      [1, 2].map((n) => ({ userId: member.id, localDate: addDays(today(), -n), mood: 3, craving: 3, used: 'no' })),
    );
    const first = await member.client.put(`/api/v1/me/check-ins/${today()}`, calm);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ checkIn: { date: today(), mood: 4, triggers: ['stress'] }, streak: { current: 3, longest: 3 }, risk: null });
    const edit = await member.client.put(`/api/v1/me/check-ins/${today()}`, { ...calm, mood: 5 });
    expect(edit.json().checkIn.mood).toBe(5);
    const rows = await ctx.database.db.select().from(checkIn).where(eq(checkIn.userId, member.id));
    expect(rows).toHaveLength(3);
    const list = await member.client.get(`/api/v1/me/check-ins?from=${addDays(today(), -6)}&to=${today()}`);
    expect(list.json().checkIns.map((c: { date: string }) => c.date)).toEqual([addDays(today(), -2), addDays(today(), -1), today()]);
  });

  test('a high craving, the lowest mood or having used carries the risk signal, and emits ids, never text', async () => {
    const person = await createUser(ctx);
    const day = todayIn('UTC');
    const res = await person.client.put(`/api/v1/me/check-ins/${day}`, { ...calm, craving: 9, mood: 1, used: 'yes', notes: 'I do not want to be here' });
    // With coping strategies suggested from the library (resources/risk-suggestions.test.ts).
    expect(res.json().risk).toEqual({ reasons: ['craving', 'mood', 'used'], suggestions: expect.any(Array) });
    for (const [body, reasons] of [
      [{ ...calm, craving: 8 }, ['craving']],
      [{ ...calm, mood: 1 }, ['mood']],
      [{ ...calm, used: 'yes' }, ['used']],
      [{ ...calm, craving: 7, mood: 2, used: 'prefer_not_to_say' }, null],
    ] as const) {
      const r = await person.client.put(`/api/v1/me/check-ins/${day}`, body);
      expect(r.json().risk?.reasons ?? null).toEqual(reasons);
    }
    const events = await ctx.database.db.select().from(domainEvent).where(eq(domainEvent.userId, person.id));
    expect(events.filter((e) => e.type === 'journey.risk_signal')).toHaveLength(4);
    expect(events.filter((e) => e.type === 'text.saved').length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('want to be here');
    expect(JSON.stringify(events)).not.toContain('sister');
  });

  test('dates outside today (a day of slack either side) and out-of-range values are refused and store nothing', async () => {
    const person = await createUser(ctx);
    const day = todayIn('UTC');
    for (const date of [addDays(day, 2), addDays(day, -2), '2026-13-01', 'today']) {
      expect((await person.client.put(`/api/v1/me/check-ins/${date}`, calm)).statusCode, date).toBe(422);
    }
    for (const body of [
      { ...calm, mood: 0 },
      { ...calm, mood: 6 },
      { ...calm, craving: 11 },
      { ...calm, craving: -1 },
      { ...calm, used: 'maybe' },
      { ...calm, hoursSlept: 25 },
      { ...calm, hoursSlept: 7.3 },
      { ...calm, triggers: ['aliens'] },
      { ...calm, notes: 'x'.repeat(4001) },
      { ...calm, userId: member.id },
    ]) {
      expect((await person.client.put(`/api/v1/me/check-ins/${day}`, body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    expect(await ctx.database.db.select().from(checkIn).where(eq(checkIn.userId, person.id))).toEqual([]);
    expect((await person.client.get(`/api/v1/me/check-ins?from=${day}&to=${addDays(day, -1)}`)).statusCode).toBe(422);
    expect((await person.client.get(`/api/v1/me/check-ins?from=${addDays(day, -400)}&to=${day}`)).statusCode).toBe(422);
  });

  test("nobody else reads a member's check-ins; without a session it is 401", async () => {
    const stranger = await createUser(ctx, { roles: ['coordinator', 'facilitator', 'professional', 'peer_supporter'] });
    const theirs = await stranger.client.get(`/api/v1/me/check-ins?from=${addDays(today(), -30)}&to=${addDays(today(), 1)}`);
    expect(theirs.json().checkIns).toEqual([]);
    expect(theirs.body).not.toContain('Coffee with my sister');
    expect((await new Client(ctx.app).get('/api/v1/me/check-ins')).statusCode).toBe(401);
    expect((await new Client(ctx.app).put(`/api/v1/me/check-ins/${today()}`, calm)).statusCode).toBe(401);
    expect((await new Client(ctx.app).get('/api/v1/me/check-ins/chart.svg')).statusCode).toBe(401);
  });

  test('the chart is an accessible SVG in the member\'s language, private to them', async () => {
    const res = await member.client.get('/api/v1/me/check-ins/chart.svg?days=90');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.startsWith('<svg')).toBe(true);
    expect(res.body).toContain('<title id="t">Mood and craving</title>');
    expect(res.body).not.toContain('style=');
    expect((await member.client.get('/api/v1/me/check-ins/chart.svg?days=7')).statusCode).toBe(422);
  });
});

describe('crisis resources', () => {
  test('in the language asked for, without signing in', async () => {
    const en = await new Client(ctx.app).get('/api/v1/crisis-resources');
    expect(en.json().resources.map((r: { id: string }) => r.id)).toEqual(['988', 'samhsa', 'crisis-text-line', '911']);
    const es = await new Client(ctx.app).get('/api/v1/crisis-resources', { 'accept-language': 'es-US' });
    expect(es.json().resources[0].name).toMatch(/Línea/);
  });
});
