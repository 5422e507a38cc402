import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { clearRoster, createResponder, escalationRow, putOnCall } from '../../../../test/helpers/safety-factories.ts';
import { onCallShift } from './tables.ts';

let ctx: TestContext;
let anonymous: Client;
let coordinator: TestUser;
let peer: TestUser;
let professional: TestUser;
let member: TestUser;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MISSING = '0190b6a0-0000-7000-8000-000000000000';
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  [coordinator, peer, professional, member] = await Promise.all([
    createCoordinator(ctx, { displayName: 'Cora' }),
    createUser(ctx, { roles: ['peer_supporter'], displayName: 'Pau' }),
    createUser(ctx, { roles: ['professional'], displayName: 'Dra Vega' }),
    createUser(ctx, { displayName: 'Mia' }),
  ]);
});
afterAll(() => ctx.close());
beforeEach(() => clearRoster(ctx));

const shifts = async () => (await ctx.database.db.select({ n: count() }).from(onCallShift))[0]!.n;

describe('certification', () => {
  test('coordinators certify peer supporters and professionals; others hold no responder role', async () => {
    const res = await coordinator.client.put(`/api/v1/admin/responders/${peer.id}`, { certified: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ userId: peer.id, displayName: 'Pau', roles: ['member', 'peer_supporter'], certified: true });
    const list = (await coordinator.client.get('/api/v1/admin/responders')).json().responders;
    expect(list).toContainEqual(expect.objectContaining({ userId: peer.id, certified: true }));
    expect(list).toContainEqual(expect.objectContaining({ userId: professional.id, certified: false }));
    expect(list.map((r: { userId: string }) => r.userId)).not.toContain(member.id);

    const plain = await coordinator.client.put(`/api/v1/admin/responders/${member.id}`, { certified: true });
    expect(plain.statusCode).toBe(422);
    expect(plain.json().error.fields).toEqual({ userId: 'Choose a peer supporter or a professional.' });
    expect((await coordinator.client.put(`/api/v1/admin/responders/${MISSING}`, { certified: true })).statusCode).toBe(404);
    expect((await coordinator.client.put(`/api/v1/admin/responders/${peer.id}`, { certified: 'yes' })).statusCode).toBe(422);
    expect((await coordinator.client.get('/api/v1/admin/responders')).json().responders).toContainEqual(expect.objectContaining({ userId: peer.id, certified: true }));
  });
});

describe('on-call shifts', () => {
  test('a coordinator adds, lists and removes a shift for a certified responder', async () => {
    const responder = await createResponder(ctx, { displayName: 'Omar' });
    const res = await coordinator.client.post('/api/v1/admin/on-call', { userId: responder.id, startsAt: at(-HOUR), endsAt: at(8 * HOUR), position: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const shift = res.json();
    expect(shift).toMatchObject({ userId: responder.id, displayName: 'Omar', certified: true, position: 2 });
    expect((await coordinator.client.get('/api/v1/admin/on-call')).json().shifts).toContainEqual(shift);
    // Outside the asked range: not listed.
    expect((await coordinator.client.get(`/api/v1/admin/on-call?from=${encodeURIComponent(at(2 * DAY))}`)).json().shifts).toEqual([]);
    expect((await coordinator.client.delete(`/api/v1/admin/on-call/${shift.id}`)).statusCode).toBe(204);
    expect((await coordinator.client.delete(`/api/v1/admin/on-call/${shift.id}`)).statusCode).toBe(404);
    expect(await shifts()).toBe(0);
  });

  test('bad shifts are 422 and add nothing', async () => {
    const responder = await createResponder(ctx);
    const uncertified = await createResponder(ctx, { certified: false });
    const cases: [Record<string, unknown>, string][] = [
      [{ userId: responder.id, startsAt: at(2 * HOUR), endsAt: at(HOUR) }, 'endsAt'],
      [{ userId: responder.id, startsAt: at(HOUR), endsAt: at(HOUR) }, 'endsAt'],
      [{ userId: responder.id, startsAt: at(0), endsAt: at(31 * DAY) }, 'endsAt'],
      [{ userId: responder.id, startsAt: 'tomorrow', endsAt: at(HOUR) }, 'startsAt'],
      [{ userId: responder.id, startsAt: at(0), endsAt: at(HOUR), position: -1 }, 'position'],
      [{ userId: member.id, startsAt: at(0), endsAt: at(HOUR) }, 'userId'],
      [{ userId: uncertified.id, startsAt: at(0), endsAt: at(HOUR) }, 'userId'],
      [{ userId: MISSING, startsAt: at(0), endsAt: at(HOUR) }, 'userId'],
    ];
    for (const [body, field] of cases) {
      const res = await coordinator.client.post('/api/v1/admin/on-call', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.json().error.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await coordinator.client.get('/api/v1/admin/on-call?from=soon')).statusCode).toBe(422);
    expect(await shifts()).toBe(0);
  });

  test('only coordinators manage the roster (404 for everyone else, 401 without a session)', async () => {
    const responder = await createResponder(ctx);
    const shift = await putOnCall(ctx, responder);
    const body = { userId: responder.id, startsAt: at(0), endsAt: at(HOUR) };
    for (const person of [member, peer, responder]) {
      expect((await person.client.get('/api/v1/admin/on-call')).statusCode).toBe(404);
      expect((await person.client.post('/api/v1/admin/on-call', body)).statusCode).toBe(404);
      expect((await person.client.delete(`/api/v1/admin/on-call/${shift.id}`)).statusCode).toBe(404);
      expect((await person.client.get('/api/v1/admin/responders')).statusCode).toBe(404);
      expect((await person.client.put(`/api/v1/admin/responders/${person.id}`, { certified: true })).statusCode).toBe(404);
      expect((await person.client.get('/api/v1/admin/safety-settings')).statusCode).toBe(404);
      expect((await person.client.put('/api/v1/admin/safety-settings', { ackMinutes: { emergency: 1, urgent: 1 } })).statusCode).toBe(404);
      expect((await person.client.get('/api/v1/admin/escalations/stats')).statusCode).toBe(404);
    }
    expect((await anonymous.get('/api/v1/admin/on-call')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/admin/on-call', body)).statusCode).toBe(401);
    expect((await anonymous.delete(`/api/v1/admin/on-call/${shift.id}`)).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/admin/responders')).statusCode).toBe(401);
    expect((await anonymous.put(`/api/v1/admin/responders/${peer.id}`, { certified: true })).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/admin/safety-settings')).statusCode).toBe(401);
    expect((await anonymous.put('/api/v1/admin/safety-settings', { ackMinutes: { emergency: 1, urgent: 1 } })).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/admin/escalations/stats')).statusCode).toBe(401);
    expect(await shifts()).toBe(1);
    expect((await coordinator.client.get('/api/v1/admin/safety-settings')).json()).toEqual({ ackMinutes: { emergency: 5, urgent: 30 }, escalateFrom: 'urgent' });
  });
});

describe('safety settings', () => {
  test('coordinators set the minutes to acknowledge; new escalations use them; bad input changes nothing', async () => {
    for (const body of [{ ackMinutes: { emergency: 0, urgent: 10 } }, { ackMinutes: { emergency: 2, urgent: 241 } }, { ackMinutes: { emergency: 2 } }, { ackMinutes: { emergency: 1.5, urgent: 3 } }, {}]) {
      expect((await coordinator.client.put('/api/v1/admin/safety-settings', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await coordinator.client.get('/api/v1/admin/safety-settings')).json()).toEqual({ ackMinutes: { emergency: 5, urgent: 30 }, escalateFrom: 'urgent' });
    const res = await coordinator.client.put('/api/v1/admin/safety-settings', { ackMinutes: { emergency: 2, urgent: 10 } });
    expect(res.json()).toEqual({ ackMinutes: { emergency: 2, urgent: 10 }, escalateFrom: 'urgent' });

    await putOnCall(ctx, await createResponder(ctx));
    const asker = await createUser(ctx);
    const before = Date.now();
    const id = (await asker.client.post('/api/v1/sos', { kind: 'craving' })).json().id;
    const due = (await escalationRow(ctx, id)).nextPageAt!.getTime();
    expect(due - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(due - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    await coordinator.client.put('/api/v1/admin/safety-settings', { ackMinutes: { emergency: 5, urgent: 30 } });
  });
});

describe('statistics', () => {
  test('counts, time to acknowledge and outcomes, with no names, ids or texts', async () => {
    const responder = await createResponder(ctx, { displayName: 'Xavi' });
    await putOnCall(ctx, responder);
    const from = at(0);
    const people = await Promise.all([1, 2, 3].map((n) => createUser(ctx, { displayName: `Zelda${n}` })));
    const ids: string[] = [];
    for (const [i, person] of people.entries()) {
      ids.push((await person.client.post('/api/v1/sos', { kind: i === 0 ? 'not_safe' : 'talk', note: `secret words ${i}` })).json().id);
    }
    await responder.client.post(`/api/v1/escalations/${ids[0]}/acknowledge`);
    await responder.client.post(`/api/v1/escalations/${ids[1]}/close`, { outcome: 'false_alarm' });
    await people[2]!.client.delete('/api/v1/me/sos');

    const res = await coordinator.client.get(`/api/v1/admin/escalations/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(at(HOUR))}`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats).toMatchObject({
      total: 3,
      byStatus: { open: 0, acknowledged: 1, closed: 2 },
      byLevel: { emergency: 1, urgent: 2 },
      outcomes: { false_alarm: 1, cancelled_by_member: 1, safe_and_supported: 0 },
    });
    expect(stats.secondsToAcknowledge.median).toBeGreaterThanOrEqual(0);
    expect(stats.secondsToAcknowledge.p90).toBeGreaterThanOrEqual(stats.secondsToAcknowledge.median);
    for (const secret of ['Zelda', 'Xavi', 'secret words', responder.id, ...people.map((p) => p.id), ...people.map((p) => p.email), ...ids]) {
      expect(res.body).not.toContain(secret);
    }

    // Before any of them: nothing.
    const empty = (await coordinator.client.get(`/api/v1/admin/escalations/stats?from=${encodeURIComponent(at(-2 * DAY))}&to=${encodeURIComponent(at(-DAY))}`)).json();
    expect(empty).toMatchObject({ total: 0, secondsToAcknowledge: { median: null, p90: null } });
  });

  test('a reversed or too long range is 422', async () => {
    const reversed = await coordinator.client.get(`/api/v1/admin/escalations/stats?from=${encodeURIComponent(at(DAY))}&to=${encodeURIComponent(at(0))}`);
    expect(reversed.statusCode).toBe(422);
    const long = await coordinator.client.get(`/api/v1/admin/escalations/stats?from=${encodeURIComponent(at(-400 * DAY))}&to=${encodeURIComponent(at(0))}`);
    expect(long.statusCode).toBe(422);
    expect((await coordinator.client.get('/api/v1/admin/escalations/stats?from=yesterday')).statusCode).toBe(422);
  });
});
