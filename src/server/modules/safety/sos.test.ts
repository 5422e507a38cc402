import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { clearRoster, createResponder, escalationRow, notified, putOnCall } from '../../../../test/helpers/safety-factories.ts';
import { escalation } from './tables.ts';

let ctx: TestContext;
let anonymous: Client;
let mentor: TestUser;
let onCall: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  [mentor, onCall] = await Promise.all([createUser(ctx, { displayName: 'Marta' }), createResponder(ctx, { displayName: 'Omar' })]);
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await clearRoster(ctx);
  await putOnCall(ctx, onCall);
});

const escalationsOf = async (memberId: string) =>
  (await ctx.database.db.select({ n: count() }).from(escalation).where(eq(escalation.memberId, memberId)))[0]!.n;

describe('SOS', () => {
  test('tells the mentor and whoever is on call at once; the member sees where it stands, nothing more', async () => {
    const member = await createUser(ctx, { displayName: 'Nico' });
    await createMentorship(ctx, mentor.id, member.id);
    const before = Date.now();
    const res = await member.client.post('/api/v1/sos', { kind: 'not_safe', note: 'I do not feel safe tonight' });
    expect(res.statusCode, res.body).toBe(201);
    const sos = res.json();
    expect(sos).toEqual({
      id: expect.any(String),
      kind: 'not_safe',
      status: 'open',
      openedAt: expect.any(String),
      acknowledgedBy: null,
      acknowledgedAt: null,
      closedAt: null,
      outcome: null,
    });
    expect(await notified(ctx, sos.id)).toEqual([`${mentor.id}:mentor`, `${onCall.id}:on_call`]);
    const row = await escalationRow(ctx, sos.id);
    // "Not safe" is an emergency: five minutes to acknowledge by default.
    expect(row).toMatchObject({ level: 'emergency', source: 'sos', sosKind: 'not_safe', excerpt: 'I do not feel safe tonight', status: 'open' });
    expect(row.nextPageAt!.getTime() - before).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(row.nextPageAt!.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    expect((await member.client.get('/api/v1/me/sos')).json()).toEqual(sos);
  });

  test('one open SOS at a time: a second press answers with the open one', async () => {
    const member = await createUser(ctx);
    const first = await member.client.post('/api/v1/sos', { kind: 'craving' });
    expect(first.statusCode).toBe(201);
    const [again, raced] = await Promise.all([member.client.post('/api/v1/sos', { kind: 'not_safe' }), member.client.post('/api/v1/sos', { kind: 'talk' })]);
    expect(again.statusCode).toBe(200);
    expect(raced.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(raced.json().id).toBe(first.json().id);
    expect(await escalationsOf(member.id)).toBe(1);
  });

  test('"want to talk" and "craving" are urgent: thirty minutes to acknowledge by default', async () => {
    const member = await createUser(ctx);
    const before = Date.now();
    const sos = (await member.client.post('/api/v1/sos', { kind: 'talk' })).json();
    const row = await escalationRow(ctx, sos.id);
    expect(row.level).toBe('urgent');
    expect(row.excerpt).toBe('');
    expect(row.nextPageAt!.getTime() - before).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(row.nextPageAt!.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  test('without a mentor or anyone on call, coordinators are told at once', async () => {
    await clearRoster(ctx);
    const coordinator = await createUser(ctx, { roles: ['coordinator'] });
    const member = await createUser(ctx);
    const sos = (await member.client.post('/api/v1/sos', { kind: 'not_safe' })).json();
    expect(await notified(ctx, sos.id)).toContain(`${coordinator.id}:coordinator`);
  });

  test('the member calls it off: closed as cancelled by the member, and no longer open', async () => {
    const member = await createUser(ctx);
    const sos = (await member.client.post('/api/v1/sos', { kind: 'craving' })).json();
    expect((await member.client.delete('/api/v1/me/sos')).statusCode).toBe(204);
    expect((await member.client.get('/api/v1/me/sos')).json()).toBeNull();
    expect(await escalationRow(ctx, sos.id)).toMatchObject({ status: 'closed', outcome: 'cancelled_by_member', nextPageAt: null, acknowledgedAt: null });
    // Nothing left to cancel is fine; a new SOS opens a new escalation.
    expect((await member.client.delete('/api/v1/me/sos')).statusCode).toBe(204);
    const next = await member.client.post('/api/v1/sos', { kind: 'talk' });
    expect(next.statusCode).toBe(201);
    expect(next.json().id).not.toBe(sos.id);
  });

  test("another member sees nothing of someone else's SOS", async () => {
    const member = await createUser(ctx);
    const other = await createUser(ctx);
    await member.client.post('/api/v1/sos', { kind: 'talk' });
    expect((await other.client.get('/api/v1/me/sos')).json()).toBeNull();
    expect((await other.client.delete('/api/v1/me/sos')).statusCode).toBe(204);
    expect((await member.client.get('/api/v1/me/sos')).json().status).toBe('open');
  });

  test('bad input is 422 and opens nothing', async () => {
    const member = await createUser(ctx);
    for (const body of [{ kind: 'panic' }, {}, { kind: 'talk', note: 'x'.repeat(501) }, { kind: 'talk', extra: true }, { kind: 'talk', note: 42 }]) {
      const res = await member.client.post('/api/v1/sos', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await escalationsOf(member.id)).toBe(0);
  });

  test('every route needs a session', async () => {
    expect((await anonymous.post('/api/v1/sos', { kind: 'talk' })).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/me/sos')).statusCode).toBe(401);
    expect((await anonymous.delete('/api/v1/me/sos')).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/me/sharing/crisis')).statusCode).toBe(401);
    expect((await anonymous.put('/api/v1/me/sharing/crisis', { safetyPlan: true })).statusCode).toBe(401);
  });
});

describe('sharing the safety plan in a crisis', () => {
  test('off by default; the member turns it on and off; bad input changes nothing', async () => {
    const member = await createUser(ctx);
    expect((await member.client.get('/api/v1/me/sharing/crisis')).json()).toEqual({ safetyPlan: false });
    expect((await member.client.put('/api/v1/me/sharing/crisis', { safetyPlan: true })).json()).toEqual({ safetyPlan: true });
    expect((await member.client.get('/api/v1/me/sharing/crisis')).json()).toEqual({ safetyPlan: true });
    expect((await member.client.put('/api/v1/me/sharing/crisis', { safetyPlan: 'yes' })).statusCode).toBe(422);
    expect((await member.client.put('/api/v1/me/sharing/crisis', {})).statusCode).toBe(422);
    expect((await member.client.get('/api/v1/me/sharing/crisis')).json()).toEqual({ safetyPlan: true });
    await member.client.put('/api/v1/me/sharing/crisis', { safetyPlan: false });
    expect((await member.client.get('/api/v1/me/sharing/crisis')).json()).toEqual({ safetyPlan: false });
    // The mentor categories still answer as before: "crisis" is its own setting, not a category.
    expect((await member.client.put('/api/v1/me/sharing/safety_plan', { mentor: true })).statusCode).toBe(200);
  });
});
