import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { checkIn } from '../journey/tables.ts';

let ctx: TestContext;
let facilitator: TestUser;
let member: TestUser;
let other: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  [facilitator, member, other] = await Promise.all([
    createUser(ctx, { roles: ['facilitator'], displayName: 'Rosa' }),
    createUser(ctx, { displayName: 'Sam' }),
    createUser(ctx, { displayName: 'Alex' }),
  ]);
  // Sam lives in Chicago, like the meetings.
  expect((await member.client.patch('/api/v1/me', { timeZone: 'America/Chicago' })).statusCode).toBe(200);
});
afterAll(() => ctx.close());
afterEach(() => vi.useRealTimers());

function atInstant(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

/** A public group with a weekly Tuesday 19:00-20:00 Chicago meeting (01:00-02:00 UTC on Wednesday in winter). */
async function tuesdayMeeting(groupOver: Record<string, unknown> = {}) {
  const group = (
    await facilitator.client.post('/api/v1/groups', { name: 'Night Owls', pathway: 'twelve_step', languages: ['en'], visibility: 'public', membership: 'open', ...groupOver })
  ).json();
  const res = await facilitator.client.post('/api/v1/meetings', {
    groupId: group.id,
    name: 'Tuesday Night Hybrid',
    schedule: { kind: 'weekly', days: [2] },
    startTime: '19:00',
    endTime: '20:00',
    timeZone: 'America/Chicago',
    attendance: 'hybrid',
    location: { formattedAddress: '200 W Madison St, Chicago, IL 60606, USA', latitude: 41.88207, longitude: -87.63455 },
    conference: { url: 'https://meet.jit.si/night-owls' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { group, meeting: res.json() as { id: string } };
}

describe('RSVP', () => {
  test('a member RSVPs to an occurrence and sees it in their meetings; withdrawing removes it', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const { meeting } = await tuesdayMeeting();
    const url = `/api/v1/meetings/${meeting.id}/occurrences/2026-11-24/rsvp`;
    expect((await new Client(ctx.app).put(url)).statusCode).toBe(401);
    expect((await member.client.put(url)).statusCode).toBe(204);
    expect((await member.client.put(url)).statusCode).toBe(204); // twice is still one RSVP
    const mine = (await member.client.get('/api/v1/me/meetings')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ meeting: { id: meeting.id }, occurrence: { date: '2026-11-24', start: '2026-11-25T01:00:00.000Z' } });
    expect((await other.client.get('/api/v1/me/meetings')).json().items).toHaveLength(0);
    // The facilitator sees how many are coming, not who (that is the roster's job).
    expect((await facilitator.client.get(`/api/v1/meetings/${meeting.id}`)).json().upcoming[0]).toMatchObject({ rsvpCount: 1 });
    expect((await member.client.get(`/api/v1/meetings/${meeting.id}`)).json().upcoming[0]).toMatchObject({ rsvp: true, rsvpCount: null });
    expect((await member.client.delete(url)).statusCode).toBe(204);
    expect((await member.client.get('/api/v1/me/meetings')).json().items).toHaveLength(0);
  });

  test('not on a date the meeting does not meet, not to a cancelled or past occurrence', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const { meeting } = await tuesdayMeeting();
    const base = `/api/v1/meetings/${meeting.id}/occurrences`;
    expect((await member.client.put(`${base}/2026-11-25/rsvp`)).statusCode).toBe(422);
    expect((await member.client.put(`${base}/2026-11-17/rsvp`)).statusCode).toBe(409);
    await facilitator.client.put(`${base}/2026-12-01`, { status: 'cancelled' });
    expect((await member.client.put(`${base}/2026-12-01/rsvp`)).statusCode).toBe(409);
    expect((await member.client.put(`/api/v1/meetings/0190b6a0-0000-7000-8000-000000000000/occurrences/2026-12-01/rsvp`)).statusCode).toBe(404);
  });
});

describe('check-in and roster', () => {
  test('self check-in opens 15 minutes before the start and closes at the end', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const { meeting } = await tuesdayMeeting();
    const url = `/api/v1/meetings/${meeting.id}/occurrences/2026-11-24/check-in`;
    expect((await member.client.post(url)).statusCode).toBe(409);
    atInstant('2026-11-25T00:44:00Z'); // 18:44 in Chicago
    expect((await member.client.post(url)).statusCode).toBe(409);
    expect((await member.client.get(`/api/v1/meetings/${meeting.id}`)).json().checkInOpen).toBeNull();
    atInstant('2026-11-25T00:46:00Z');
    expect((await member.client.get(`/api/v1/meetings/${meeting.id}`)).json().checkInOpen).toMatchObject({ date: '2026-11-24' });
    const res = await member.client.post(url);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ meetingId: meeting.id, date: '2026-11-24', method: 'self', attendance: 'hybrid' });
    const after = (await member.client.get(`/api/v1/meetings/${meeting.id}`)).json();
    expect(after.checkInOpen).toBeNull();
    expect(after.upcoming[0]).toMatchObject({ date: '2026-11-24', attended: true });
    atInstant('2026-11-25T02:00:00Z'); // 20:00, the end
    expect((await other.client.post(url)).statusCode).toBe(409);
  });

  test('the facilitator marks people on the roster; others cannot see or change it', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const { group, meeting } = await tuesdayMeeting();
    await member.client.put(`/api/v1/meetings/${meeting.id}/occurrences/2026-11-24/rsvp`);
    await other.client.post(`/api/v1/groups/${group.id}/membership`);
    const url = `/api/v1/meetings/${meeting.id}/occurrences/2026-11-24/roster`;
    expect((await member.client.get(url)).statusCode).toBe(404);
    expect((await facilitator.client.put(url, { userId: member.id, attended: true })).statusCode).toBe(409); // not started
    atInstant('2026-11-25T01:10:00Z');
    const before = (await facilitator.client.get(url)).json();
    expect(before.entries.map((e: { displayName: string; rsvp: boolean }) => [e.displayName, e.rsvp])).toEqual([
      ['Alex', false],
      ['Rosa', false],
      ['Sam', true],
    ]);
    expect((await member.client.put(url, { userId: member.id, attended: true })).statusCode).toBe(404);
    const after = (await facilitator.client.put(url, { userId: member.id, attended: true })).json();
    expect(after.entries.find((e: { userId: string }) => e.userId === member.id)).toMatchObject({ attended: true, method: 'roster' });
    // Self check-in afterwards keeps the facilitator's confirmation.
    expect((await member.client.post(`/api/v1/meetings/${meeting.id}/occurrences/2026-11-24/check-in`)).json().method).toBe('roster');
    const unmarked = (await facilitator.client.put(url, { userId: member.id, attended: false })).json();
    expect(unmarked.entries.find((e: { userId: string }) => e.userId === member.id)).toMatchObject({ attended: false, method: null });
  });
});

describe('attendance history', () => {
  test('a meeting just after midnight, checked in to before midnight, is in the history at once', async () => {
    const member = await createUser(ctx);
    expect((await member.client.patch('/api/v1/me', { timeZone: 'America/Chicago' })).statusCode).toBe(200);
    atInstant('2026-11-21T12:00:00Z');
    const group = (await facilitator.client.post('/api/v1/groups', { name: 'After Midnight', pathway: 'twelve_step', languages: ['en'], visibility: 'public', membership: 'open' })).json();
    const res = await facilitator.client.post('/api/v1/meetings', {
      groupId: group.id, name: 'Midnight Serenity', schedule: { kind: 'weekly', days: [3] }, startTime: '00:05', endTime: '01:00',
      timeZone: 'America/Chicago', attendance: 'online', conference: { url: 'https://meet.jit.si/midnight-serenity' },
    });
    expect(res.statusCode, res.body).toBe(201);
    atInstant('2026-11-25T05:55:00Z'); // Tuesday 23:55 in Chicago; the meeting is Wednesday's, at 00:05
    expect((await member.client.post(`/api/v1/meetings/${res.json().id}/occurrences/2026-11-25/check-in`)).statusCode).toBe(201);
    const history = (await member.client.get('/api/v1/me/attendance')).json();
    expect(history.to).toBe('2026-11-25');
    expect(history.records).toEqual([expect.objectContaining({ meetingName: 'Midnight Serenity', date: '2026-11-25' })]);
    atInstant('2026-11-24T18:00:00Z'); // an afternoon: the history still ends today
    expect((await member.client.get('/api/v1/me/attendance')).json().to).toBe('2026-11-24');
  });

  test("is the member's own; it feeds the meetings goal without counting a reported meeting twice", async () => {
    const member = await createUser(ctx);
    expect((await member.client.patch('/api/v1/me', { timeZone: 'America/Chicago' })).statusCode).toBe(200);
    atInstant('2026-11-21T12:00:00Z');
    const { meeting } = await tuesdayMeeting();
    atInstant('2026-11-25T01:05:00Z');
    await member.client.post(`/api/v1/meetings/${meeting.id}/occurrences/2026-11-24/check-in`);
    atInstant('2026-11-26T15:00:00Z');
    const history = (await member.client.get('/api/v1/me/attendance')).json();
    expect(history.records).toEqual([expect.objectContaining({ meetingId: meeting.id, meetingName: 'Tuesday Night Hybrid', date: '2026-11-24', method: 'self' })]);
    expect(history.perMonth).toEqual([{ month: '2026-11', count: 1 }]);
    expect((await other.client.get('/api/v1/me/attendance')).json().records).toHaveLength(0);
    expect((await new Client(ctx.app).get('/api/v1/me/attendance')).statusCode).toBe(401);
    expect((await member.client.get('/api/v1/me/attendance?from=2026-12-01&to=2026-11-01')).statusCode).toBe(422);

    // The same Tuesday reported in a check-in (1 meeting) and a Wednesday reported only there (2 meetings).
    await ctx.database.db.insert(checkIn).values([
      { userId: member.id, localDate: '2026-11-24', mood: 4, craving: 1, used: 'no', meetings: 1 },
      { userId: member.id, localDate: '2026-11-25', mood: 4, craving: 1, used: 'no', meetings: 2 },
    ]);
    const goal = (await member.client.post('/api/v1/me/goals', { title: 'Meetings', measure: 'meetings', target: 8, period: 'month' })).json();
    expect(goal.progress).toMatchObject({ count: 3 });
  });
});
