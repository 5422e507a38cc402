import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { meeting } from './tables.ts';

let ctx: TestContext;
let anonymous: Client;
let facilitator: TestUser;
let coordinator: TestUser;
let member: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  [facilitator, coordinator, member, stranger] = await Promise.all([
    createUser(ctx, { roles: ['facilitator'], displayName: 'Rosa' }),
    createCoordinator(ctx),
    createUser(ctx, { displayName: 'Sam' }),
    createUser(ctx),
  ]);
});
afterAll(() => ctx.close());
afterEach(() => vi.useRealTimers());

const MISSING = '0190b6a0-0000-7000-8000-000000000000';

export const groupInput = (over: Record<string, unknown> = {}) => ({
  name: 'Downtown Serenity',
  description: 'A home group that meets twice a week.',
  pathway: 'twelve_step',
  fellowship: 'Alcoholics Anonymous',
  languages: ['en'],
  visibility: 'public',
  membership: 'open',
  ...over,
});

export const hybridMeeting = (groupId: string, over: Record<string, unknown> = {}) => ({
  groupId,
  name: 'Tuesday Night Hybrid',
  schedule: { kind: 'weekly', days: [2] },
  startTime: '19:00',
  endTime: '20:00',
  timeZone: 'America/Chicago',
  attendance: 'hybrid',
  location: { name: 'Community Center', formattedAddress: '200 W Madison St, Chicago, IL 60606, USA', latitude: 41.88207, longitude: -87.63455 },
  conference: { url: 'https://zoom.us/j/123456789', phone: '+13126266799,,123456789#' },
  types: ['O', 'D'],
  languages: ['en'],
  ...over,
});

async function newGroup(over: Record<string, unknown> = {}, by = facilitator) {
  const res = await by.client.post('/api/v1/groups', groupInput(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string };
}

async function newMeeting(groupId: string, over: Record<string, unknown> = {}, by = facilitator) {
  const res = await by.client.post('/api/v1/meetings', hybridMeeting(groupId, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string; next: { date: string; start: string } };
}

function atInstant(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

describe('groups', () => {
  test('a facilitator starts a group and facilitates it; a member cannot start one', async () => {
    const group = await newGroup({ name: 'Grupo Esperanza', languages: ['es'] });
    expect(group.slug).toBe('grupo-esperanza');
    const seen = (await member.client.get(`/api/v1/groups/${group.id}`)).json();
    expect(seen).toMatchObject({ name: 'Grupo Esperanza', facilitators: [{ displayName: 'Rosa' }], myStatus: 'none', canManage: false });
    expect((await facilitator.client.get(`/api/v1/groups/${group.id}`)).json()).toMatchObject({ myStatus: 'facilitator', canManage: true });
    expect((await member.client.post('/api/v1/groups', groupInput())).statusCode).toBe(404);
    expect((await anonymous.post('/api/v1/groups', groupInput())).statusCode).toBe(401);
  });

  test('members-only groups and their meetings do not exist for the public', async () => {
    const group = await newGroup({ visibility: 'members' });
    const m = await newMeeting(group.id);
    for (const url of [`/api/v1/groups/${group.id}`, `/api/v1/groups/${group.id}/meetings`, `/api/v1/meetings/${m.id}`]) {
      expect((await anonymous.get(url)).statusCode).toBe(404);
      expect((await member.client.get(url)).statusCode).toBe(200);
    }
    expect((await anonymous.get('/api/v1/groups')).json().groups.map((g: { id: string }) => g.id)).not.toContain(group.id);
    expect((await anonymous.get('/api/v1/meetings?limit=100')).json().results.map((r: { id: string }) => r.id)).not.toContain(m.id);
  });

  test('only its facilitators and coordinators change a group; others get 404', async () => {
    const group = await newGroup();
    expect((await stranger.client.patch(`/api/v1/groups/${group.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await anonymous.patch(`/api/v1/groups/${group.id}`, { name: 'Mine now' })).statusCode).toBe(401);
    expect((await coordinator.client.patch(`/api/v1/groups/${group.id}`, { description: 'Updated by the program' })).statusCode).toBe(200);
    expect((await facilitator.client.patch(`/api/v1/groups/${group.id}`, { name: '<b>Bold</b>' })).statusCode).toBe(422);
  });

  test('coordinators set facilitators; facilitators cannot', async () => {
    const group = await newGroup();
    expect((await facilitator.client.put(`/api/v1/groups/${group.id}/facilitators`, { userIds: [member.id] })).statusCode).toBe(404);
    const res = await coordinator.client.put(`/api/v1/groups/${group.id}/facilitators`, { userIds: [member.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().facilitators).toEqual([{ id: member.id, displayName: 'Sam' }]);
    expect((await member.client.get(`/api/v1/groups/${group.id}`)).json().canManage).toBe(true);
    expect((await facilitator.client.get(`/api/v1/groups/${group.id}`)).json()).toMatchObject({ myStatus: 'member', canManage: false });
    expect((await coordinator.client.put(`/api/v1/groups/${group.id}/facilitators`, { userIds: [MISSING] })).statusCode).toBe(422);
  });

  test('joining: open at once, by approval after a facilitator says yes; the list of members is for managers', async () => {
    const open = await newGroup();
    expect((await member.client.post(`/api/v1/groups/${open.id}/membership`)).json().myStatus).toBe('member');
    const closed = await newGroup({ membership: 'approval' });
    expect((await member.client.post(`/api/v1/groups/${closed.id}/membership`)).json().myStatus).toBe('pending');
    expect((await member.client.get(`/api/v1/groups/${closed.id}/members`)).statusCode).toBe(404);
    const members = (await facilitator.client.get(`/api/v1/groups/${closed.id}/members`)).json().members;
    expect(members).toContainEqual(expect.objectContaining({ userId: member.id, status: 'pending' }));
    expect((await facilitator.client.put(`/api/v1/groups/${closed.id}/members/${member.id}`)).statusCode).toBe(204);
    expect((await member.client.get(`/api/v1/groups/${closed.id}`)).json().myStatus).toBe('member');
    // The last facilitator cannot walk away and leave the group without one.
    expect((await facilitator.client.delete(`/api/v1/groups/${closed.id}/membership`)).statusCode).toBe(409);
    expect((await member.client.delete(`/api/v1/groups/${closed.id}/membership`)).statusCode).toBe(204);
  });

  test('an archived group disappears with its meetings', async () => {
    const group = await newGroup();
    const m = await newMeeting(group.id);
    expect((await stranger.client.delete(`/api/v1/groups/${group.id}`)).statusCode).toBe(404);
    expect((await facilitator.client.delete(`/api/v1/groups/${group.id}`)).statusCode).toBe(204);
    expect((await member.client.get(`/api/v1/groups/${group.id}`)).statusCode).toBe(404);
    expect((await member.client.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(404);
  });
});

describe('meetings', () => {
  test('a facilitator adds a hybrid weekly meeting; the public sees it with its next occurrence in its zone', async () => {
    atInstant('2026-11-21T12:00:00Z'); // a Saturday
    const group = await newGroup();
    const m = await newMeeting(group.id);
    const seen = (await anonymous.get(`/api/v1/meetings/${m.id}`)).json();
    expect(seen).toMatchObject({
      name: 'Tuesday Night Hybrid',
      schedule: { kind: 'weekly', days: [2] },
      attendance: 'hybrid',
      conference: { url: 'https://zoom.us/j/123456789', phone: '+13126266799,,123456789#' },
      canManage: false,
      checkInOpen: null,
      // Tuesday 24 November, 19:00 in Chicago (UTC-6).
      next: { date: '2026-11-24', start: '2026-11-25T01:00:00.000Z', end: '2026-11-25T02:00:00.000Z', status: 'scheduled' },
    });
    expect(seen.upcoming).toHaveLength(4);
    expect(seen.upcoming[0]).toMatchObject({ rsvp: false, attended: false, rsvpCount: null });
  });

  test('bad input is refused with field messages and changes nothing', async () => {
    const group = await newGroup();
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ startTime: '25:00' }, 'startTime'],
      [{ endTime: '19:00' }, 'endTime'],
      [{ schedule: { kind: 'weekly', days: [] } }, 'schedule.days'],
      [{ schedule: { kind: 'weekly', days: [7] } }, 'schedule.days.0'],
      [{ location: { formattedAddress: 'Somewhere', latitude: 91, longitude: 0 } }, 'location.latitude'],
      [{ conference: { url: 'javascript:alert(1)' } }, 'conference.url'],
      [{ conference: { url: 'ftp://files.example.org' } }, 'conference.url'],
      [{ conference: { phone: 'call me maybe' } }, 'conference.phone'],
      [{ notes: '<script>alert(1)</script>' }, 'notes'],
      [{ types: ['ONL'] }, 'types.0'],
      [{ attendance: 'in_person', location: null }, 'location'],
      [{ attendance: 'online', conference: null }, 'conference'],
      [{ name: 'x'.repeat(500) }, 'name'],
    ];
    for (const [over, field] of cases) {
      const res = await facilitator.client.post('/api/v1/meetings', hybridMeeting(group.id, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(422);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(over)).toContain(field);
    }
    expect(await ctx.database.db.select().from(meeting).where(eq(meeting.groupId, group.id))).toHaveLength(0);
  });

  test("a meeting's address (slug) is unique: a taken one is a field message, a made-up one gets a number", async () => {
    const group = await newGroup();
    expect((await newMeeting(group.id, { slug: 'tuesday-night-hybrid-x' })).slug).toBe('tuesday-night-hybrid-x');
    const taken = await facilitator.client.post('/api/v1/meetings', hybridMeeting(group.id, { slug: 'tuesday-night-hybrid-x' }));
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.fields).toHaveProperty('slug');
    const first = await newMeeting(group.id, { name: 'Same Name Twice' });
    const second = await newMeeting(group.id, { name: 'Same Name Twice' });
    expect([first.slug, second.slug]).toEqual(['same-name-twice', 'same-name-twice-2']);
  });

  test('only managers add, change or archive meetings', async () => {
    const group = await newGroup();
    expect((await member.client.post('/api/v1/meetings', hybridMeeting(group.id))).statusCode).toBe(404);
    expect((await member.client.post('/api/v1/meetings', hybridMeeting(MISSING))).statusCode).toBe(404);
    const m = await newMeeting(group.id);
    const { groupId: _, ...update } = hybridMeeting(group.id, { name: 'Renamed' });
    expect((await stranger.client.put(`/api/v1/meetings/${m.id}`, update)).statusCode).toBe(404);
    expect((await coordinator.client.put(`/api/v1/meetings/${m.id}`, update)).json().name).toBe('Renamed');
    expect((await stranger.client.delete(`/api/v1/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await facilitator.client.delete(`/api/v1/meetings/${m.id}`)).statusCode).toBe(204);
    expect((await facilitator.client.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(404);
  });

  test('an in-person meeting keeps no link and an online one no street address', async () => {
    const group = await newGroup();
    const inPerson = (await facilitator.client.post('/api/v1/meetings', hybridMeeting(group.id, { attendance: 'in_person' }))).json();
    expect(inPerson.conference).toBeNull();
    const online = (await facilitator.client.post('/api/v1/meetings', hybridMeeting(group.id, { attendance: 'online', approximateAddress: 'Chicago, IL, USA' }))).json();
    expect(online.location).toBeNull();
    expect(online.approximateAddress).toBe('Chicago, IL, USA');
  });

  test('conference details kept for group members are hidden from everyone else', async () => {
    const group = await newGroup({ conferenceVisibility: 'group_members' });
    const m = await newMeeting(group.id);
    for (const viewer of [anonymous, stranger.client]) {
      const seen = (await viewer.get(`/api/v1/meetings/${m.id}`)).json();
      expect(seen.conference).toBeNull();
      expect(seen.conferenceHidden).toBe(true);
      expect(JSON.stringify(seen)).not.toContain('zoom.us');
      expect(JSON.stringify((await viewer.get(`/api/v1/groups/${group.id}/meetings`)).json())).not.toContain('zoom.us');
      expect(JSON.stringify((await viewer.get(`/api/v1/meetings?groupId=${group.id}`)).json())).not.toContain('zoom.us');
    }
    await member.client.post(`/api/v1/groups/${group.id}/membership`);
    expect((await member.client.get(`/api/v1/meetings/${m.id}`)).json().conference.url).toBe('https://zoom.us/j/123456789');
  });

  test('one occurrence is cancelled, another moved, a third given a topic', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const group = await newGroup();
    const m = await newMeeting(group.id);
    const base = `/api/v1/meetings/${m.id}/occurrences`;
    expect((await facilitator.client.put(`${base}/2026-11-24`, { status: 'cancelled' })).json().status).toBe('cancelled');
    const moved = await facilitator.client.put(`${base}/2026-12-01`, { status: 'moved', movedTo: { date: '2026-12-02', startTime: '18:00', endTime: '19:30' } });
    expect(moved.json()).toMatchObject({ date: '2026-12-01', status: 'moved', start: '2026-12-03T00:00:00.000Z' });
    expect((await facilitator.client.put(`${base}/2026-12-08`, { status: 'scheduled', topic: 'Step 3 study' })).json().topic).toBe('Step 3 study');
    expect((await facilitator.client.put(`${base}/2026-12-09`, { status: 'cancelled' })).statusCode).toBe(422); // a Wednesday
    expect((await facilitator.client.put(`${base}/2026-12-15`, { status: 'moved' })).statusCode).toBe(422);
    expect((await stranger.client.put(`${base}/2026-12-15`, { status: 'cancelled' })).statusCode).toBe(404);
    const seen = (await anonymous.get(`/api/v1/meetings/${m.id}`)).json();
    expect(seen.next).toMatchObject({ date: '2026-12-01', status: 'moved' });
    expect(seen.upcoming.map((o: { date: string; status: string; topic: string | null }) => [o.date, o.status, o.topic])).toEqual([
      ['2026-11-24', 'cancelled', null],
      ['2026-12-01', 'moved', null],
      ['2026-12-08', 'scheduled', 'Step 3 study'],
      ['2026-12-15', 'scheduled', null],
    ]);
  });
});
