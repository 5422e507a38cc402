import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { validateMeetingGuideFeed } from '../../../../test/helpers/meeting-guide-validator.ts';
import { addGroupMember, createGroup, createMeeting, type GroupRow, type MeetingRow } from '../../../../test/helpers/meetings-factories.ts';
import { addDays } from '../journey/dates.ts';
import { createMeetingFeedsService } from './feeds-service.ts';
import { meeting, meetingOccurrence, meetingRsvp } from './tables.ts';
import { weekdayOf } from './recurrence.ts';

let ctx: TestContext;
let anonymous: Client;
let facilitator: TestUser;
const world = {} as Record<'publicGroup' | 'membersGroup' | 'privateConference' | 'archivedGroup', GroupRow> &
  Record<'inPerson' | 'hybrid' | 'online' | 'inactive' | 'oneOff' | 'archived' | 'membersOnly' | 'hiddenHybrid' | 'hiddenOnline' | 'ofArchivedGroup', MeetingRow>;

const zoom = (n: number) => ({ conferenceUrl: `https://us02web.zoom.us/j/${n}`, conferenceUrlNotes: 'Passcode 1234', conferencePhone: `+13126266799,,${n}#` });

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  facilitator = await createUser(ctx, { displayName: 'Zebulon Quartermaine' });
  world.publicGroup = await createGroup(ctx, { name: 'Downtown Serenity', description: 'A home group since 1990.' });
  world.membersGroup = await createGroup(ctx, { name: 'Quiet Circle', visibility: 'members', membership: 'approval' });
  world.privateConference = await createGroup(ctx, { name: 'Lakeview Home Group', conferenceVisibility: 'group_members' });
  world.archivedGroup = await createGroup(ctx, { name: 'Closed Group', archivedAt: new Date() });
  await addGroupMember(ctx, world.publicGroup.id, facilitator.id, 'facilitator');

  const g = world.publicGroup.id;
  world.inPerson = await createMeeting(ctx, g, { slug: 'a-in-person', name: 'Monday Big Book', latitude: 41.8818321, longitude: -87.6231774, notes: 'Use the side door.', readings: 'Big Book' });
  world.hybrid = await createMeeting(ctx, g, { slug: 'b-hybrid', name: 'Hybrid Noon', days: [2], attendance: 'hybrid', types: ['O', 'BRK'], ...zoom(111) });
  world.online = await createMeeting(ctx, g, {
    slug: 'c-online',
    name: 'Online Evening',
    days: [3],
    attendance: 'online',
    formattedAddress: null,
    latitude: null,
    longitude: null,
    locationName: '',
    approximateAddress: 'Chicago, IL, USA',
    types: ['C', 'BA', 'W'],
    customTypes: ['Literature circle'],
    ...zoom(222),
  });
  world.inactive = await createMeeting(ctx, g, { slug: 'd-inactive', name: 'Lakeside Outdoors', days: [6], attendance: 'inactive', types: ['O', 'OUT'] });
  world.oneOff = await createMeeting(ctx, g, { slug: 'e-one-off', name: 'Founders Day Picnic', days: [], onceOn: addDays(new Date().toISOString().slice(0, 10), 10) });
  world.archived = await createMeeting(ctx, g, { slug: 'f-archived', name: 'Old Friday', archivedAt: new Date() });
  world.membersOnly = await createMeeting(ctx, world.membersGroup.id, { slug: 'g-members-only', name: 'Quiet Circle Tuesday', ...zoom(333), attendance: 'hybrid' });
  world.hiddenHybrid = await createMeeting(ctx, world.privateConference.id, { slug: 'h-hidden-hybrid', name: 'Lakeview Hybrid', attendance: 'hybrid', ...zoom(444) });
  world.hiddenOnline = await createMeeting(ctx, world.privateConference.id, {
    slug: 'i-hidden-online',
    name: 'Lakeview Online',
    attendance: 'online',
    formattedAddress: null,
    latitude: null,
    longitude: null,
    approximateAddress: 'Chicago, IL, USA',
    ...zoom(555),
  });
  world.ofArchivedGroup = await createMeeting(ctx, world.archivedGroup.id, { slug: 'j-archived-group', name: 'Gone Thursday' });
});
afterAll(() => ctx.close());

type Entry = Record<string, unknown> & { slug: string };
/** An iCalendar body with its folded lines joined, so a long value can be searched for. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const getFeed = async (headers: Record<string, string> = {}) => anonymous.get('/feeds/meetings.json', headers);
const entries = async () => (await getFeed()).json() as Entry[];
const entry = async (slug: string) => (await entries()).find((e) => e.slug === slug)!;

describe('the Meeting Guide feed', () => {
  test('is valid, public, cacheable, readable from any origin, and holds exactly the public weekly meetings', async () => {
    const res = await getFeed();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"\d+-[\w-]+"$/);
    expect(new Date(String(res.headers['last-modified'])).getTime()).toBeGreaterThan(0);
    const feed = res.json() as Entry[];
    expect(validateMeetingGuideFeed(feed)).toEqual([]);
    expect(feed.map((e) => e.slug)).toEqual(['a-in-person', 'b-hybrid', 'c-online', 'd-inactive', 'h-hidden-hybrid']);
    // Names of people are not in it: facilitators are not listed at all.
    expect(res.body).not.toContain('Zebulon');
    expect(res.body).not.toContain('Quartermaine');
  });

  test('an in-person meeting: days, times, zone, place rounded to 5 decimals, notes with readings, group, links', async () => {
    expect(await entry('a-in-person')).toEqual({
      name: 'Monday Big Book',
      slug: 'a-in-person',
      day: [1, 4],
      time: '19:00',
      end_time: '20:00',
      timezone: 'America/Chicago',
      formatted_address: '123 Main St, Chicago, IL 60601, USA',
      approximate: 'no',
      latitude: 41.88183,
      longitude: -87.62318,
      location: "St. Mark's Church, basement",
      types: ['O', 'D'],
      notes: 'Use the side door.\n\nReadings: Big Book',
      attendance_option: 'in_person',
      group: 'Downtown Serenity',
      group_notes: 'A home group since 1990.',
      updated: world.inPerson.updatedAt.toISOString().slice(0, 19).replace('T', ' '),
      url: `${ctx.config.publicUrl}/meetings/${world.inPerson.id}`,
      entity: 'Kindred',
      entity_url: ctx.config.publicUrl,
    });
  });

  test('hybrid and online meetings carry their conference; online ones an approximate address and no in-person types', async () => {
    expect(await entry('b-hybrid')).toMatchObject({
      day: 2,
      attendance_option: 'hybrid',
      conference_url: 'https://us02web.zoom.us/j/111',
      conference_url_notes: 'Passcode 1234',
      conference_phone: '+13126266799,,111#',
      types: ['O', 'BRK'],
    });
    const online = await entry('c-online');
    expect(online).toMatchObject({ attendance_option: 'online', formatted_address: 'Chicago, IL, USA', approximate: 'yes', conference_url: 'https://us02web.zoom.us/j/222', types: ['C', 'W'] });
    expect(online).not.toHaveProperty('latitude');
    expect(online).not.toHaveProperty('location');
    expect(await entry('d-inactive')).toMatchObject({ attendance_option: 'inactive', types: ['O', 'TC'] });
  });

  test('a group that keeps conference details for members publishes none of them', async () => {
    const hidden = await entry('h-hidden-hybrid');
    expect(hidden.attendance_option).toBe('in_person');
    for (const key of ['conference_url', 'conference_url_notes', 'conference_phone', 'conference_phone_notes']) expect(hidden).not.toHaveProperty(key);
    const body = (await getFeed()).body;
    expect(body).not.toContain('/j/444');
    expect(body).not.toContain('/j/555');
    expect(body).not.toContain('/j/333');
  });

  test('revalidation: 304 for a matching ETag (weak too) or an unchanged Last-Modified; 200 otherwise', async () => {
    const first = await getFeed();
    const etag = String(first.headers.etag);
    const notModified = await getFeed({ 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect((await getFeed({ 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await getFeed({ 'if-modified-since': String(first.headers['last-modified']) })).statusCode).toBe(304);
    expect((await getFeed({ 'if-none-match': '"0-stale"' })).statusCode).toBe(200);
    expect((await getFeed({ 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).statusCode).toBe(200);
  });

  test('is built once per version; any change bumps the version and the next response differs', async () => {
    const feeds = createMeetingFeedsService(ctx.app.services.ctx);
    const a = await feeds.meetingGuide();
    expect(await feeds.meetingGuide()).toBe(a);

    const before = await getFeed();
    await ctx.database.db.update(meeting).set({ name: 'Monday Big Book Study', updatedAt: new Date() }).where(eq(meeting.id, world.inPerson.id));
    const after = await getFeed({ 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('Monday Big Book Study');
    const b = await feeds.meetingGuide();
    expect(b.version).toBeGreaterThan(a.version);
    expect(b.body.equals(a.body)).toBe(false);
  });

  test('is listed in the OpenAPI document under feeds, and advertised by the web app', async () => {
    const doc = (await anonymous.get('/api/openapi.json')).json();
    for (const path of ['/feeds/meetings.json', '/feeds/meetings.ics', '/feeds/meetings/{slug}.ics', '/feeds/calendar/{token}.ics']) expect(doc.paths[path]?.get?.tags, path).toEqual(['feeds']);
    expect(doc.paths['/api/v1/me/calendar-link']).toHaveProperty('post');
    expect(doc.paths['/api/v1/admin/meetings/import']).toHaveProperty('post');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync('index.html', 'utf8')).toContain('<link rel="alternate" type="application/json" title="Meetings Feed" href="/feeds/meetings.json"');
  });
});

describe('the public calendars', () => {
  test('all public meetings, weekly and one-off, with no hidden conference link', async () => {
    const res = await anonymous.get('/feeds/meetings.ics');
    expect(res.statusCode).toBe(200);
    const body = unfold(res.body);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const uids = [...body.matchAll(/^UID:([0-9a-f-]+)@/gm)].map((m) => m[1]);
    const shown = ['inPerson', 'hybrid', 'online', 'inactive', 'oneOff', 'hiddenHybrid', 'hiddenOnline'] as const;
    expect(new Set(uids)).toEqual(new Set(shown.map((k) => world[k].id)));
    expect(body).toContain('/j/111');
    expect(body).not.toContain('/j/444');
    expect(body).not.toContain('/j/555');
    const again = await anonymous.get('/feeds/meetings.ics', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  test('a cancelled date is excluded from the weekly rule', async () => {
    const date = nextWeekday(1);
    await ctx.database.db.insert(meetingOccurrence).values({ meetingId: world.inPerson.id, localDate: date, status: 'cancelled' });
    const body = unfold((await anonymous.get(`/feeds/meetings/${world.inPerson.slug}.ics`)).body);
    expect(body).toContain(`EXDATE;TZID=America/Chicago:${date.replaceAll('-', '')}T190000`);
  });

  test('one meeting by slug; members-only, archived and unknown ones are not found', async () => {
    const res = await anonymous.get(`/feeds/meetings/${world.hybrid.slug}.ics`);
    expect(res.statusCode).toBe(200);
    expect(unfold(res.body)).toContain(`UID:${world.hybrid.id}@localhost:3000`);
    expect(unfold(res.body)).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    for (const slug of [world.membersOnly.slug, world.archived.slug, world.ofArchivedGroup.slug, 'no-such-meeting', 'z'.repeat(90)]) {
      const missing = await anonymous.get(`/feeds/meetings/${slug}.ics`);
      expect(missing.statusCode, slug).toBe(404);
      expect(missing.json().error.code).toBe('not_found');
    }
  });
});

/** The next date (UTC calendar) falling on a weekday, at least a day ahead. */
function nextWeekday(day: number): string {
  let date = addDays(new Date().toISOString().slice(0, 10), 1);
  while (weekdayOf(date) !== day) date = addDays(date, 1);
  return date;
}

describe("a member's private calendar", () => {
  const rsvp = (userId: string, m: MeetingRow, localDate: string) => ctx.database.db.insert(meetingRsvp).values({ userId, meetingId: m.id, localDate });
  const tokenOf = (url: string) => new URL(url).pathname.replace('/feeds/calendar/', '').replace('.ics', '');

  test('needs a session to see, make or revoke the address', async () => {
    expect((await anonymous.get('/api/v1/me/calendar-link')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/me/calendar-link')).statusCode).toBe(401);
    expect((await anonymous.delete('/api/v1/me/calendar-link')).statusCode).toBe(401);
  });

  test("holds the member's RSVPs and nothing else; conference links only where the member may see them", async () => {
    const me = await createUser(ctx);
    const other = await createUser(ctx);
    expect((await me.client.get('/api/v1/me/calendar-link')).json()).toEqual({ url: null });
    const made = await me.client.post('/api/v1/me/calendar-link');
    expect(made.statusCode).toBe(200);
    const url = made.json().url as string;
    expect(url).toMatch(new RegExp(`^${ctx.config.publicUrl}/feeds/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect((await me.client.get('/api/v1/me/calendar-link')).json()).toEqual({ url });

    const monday = nextWeekday(1);
    const thursday = nextWeekday(4);
    await addGroupMember(ctx, world.membersGroup.id, me.id);
    await rsvp(me.id, world.inPerson, thursday);
    await rsvp(me.id, world.membersOnly, monday);
    await rsvp(me.id, world.hiddenHybrid, monday);
    await rsvp(other.id, world.hybrid, addDays(monday, 1));
    await ctx.database.db.insert(meetingOccurrence).values({ meetingId: world.membersOnly.id, localDate: monday, status: 'cancelled' });

    const res = await anonymous.get(new URL(url).pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const body = unfold(res.body);
    const uids = [...body.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]).sort();
    expect(uids).toEqual([`${world.hiddenHybrid.id}-${monday}@localhost:3000`, `${world.inPerson.id}-${thursday}@localhost:3000`, `${world.membersOnly.id}-${monday}@localhost:3000`].sort());
    expect(body).not.toContain('RRULE:FREQ=WEEKLY');
    expect(body).toContain('STATUS:CANCELLED');
    // The members-only group shows its link to all its members; the other group keeps its link for its members.
    expect(body).toContain('/j/333');
    expect(body).not.toContain('/j/444');
    expect(body).not.toContain('/j/111');

    // Joining that group shows its link too.
    await addGroupMember(ctx, world.privateConference.id, me.id);
    expect(unfold((await anonymous.get(new URL(url).pathname)).body)).toContain('/j/444');

    // Another member's address shows only theirs.
    const theirs = tokenOf((await other.client.post('/api/v1/me/calendar-link')).json().url);
    expect(theirs).not.toBe(tokenOf(url));
    const theirBody = unfold((await anonymous.get(`/feeds/calendar/${theirs}.ics`)).body);
    expect(theirBody).toContain(`UID:${world.hybrid.id}-`);
    expect(theirBody).not.toContain(world.membersOnly.id);
  });

  test('guessed, replaced and revoked addresses are not found', async () => {
    const me = await createUser(ctx);
    const first = tokenOf((await me.client.post('/api/v1/me/calendar-link')).json().url);
    const second = tokenOf((await me.client.post('/api/v1/me/calendar-link')).json().url);
    expect(second).not.toBe(first);
    expect((await anonymous.get(`/feeds/calendar/${first}.ics`)).statusCode).toBe(404);
    expect((await anonymous.get(`/feeds/calendar/${second}.ics`)).statusCode).toBe(200);
    const guessed = `${second.slice(0, -1)}${second.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [guessed, 'short', 'x'.repeat(43), 'y'.repeat(90), '../../etc/passwd']) {
      expect((await anonymous.get(`/feeds/calendar/${encodeURIComponent(token)}.ics`)).statusCode, token).toBe(404);
    }
    expect((await me.client.delete('/api/v1/me/calendar-link')).statusCode).toBe(204);
    expect((await anonymous.get(`/feeds/calendar/${second}.ics`)).statusCode).toBe(404);
    expect((await me.client.get('/api/v1/me/calendar-link')).json()).toEqual({ url: null });
  });
});

describe('the feed validator (test/helpers/meeting-guide-validator.ts)', () => {
  const good = {
    name: 'Monday Big Book',
    slug: 'monday-big-book',
    day: [1, 4],
    time: '19:00',
    end_time: '20:00',
    timezone: 'America/Chicago',
    formatted_address: '123 Main St, Chicago, IL 60601, USA',
    approximate: 'no',
    latitude: 41.88183,
    longitude: -87.62318,
    location: "St. Mark's",
    types: ['O', 'D', 'X'],
    notes: 'Side door.',
    attendance_option: 'hybrid',
    conference_url: 'https://us02web.zoom.us/j/123',
    conference_phone: '+13126266799,,123#',
    group: 'Downtown Serenity',
    updated: '2024-05-01 18:22:10',
    url: 'https://kindred.example.org/meetings/1',
    venmo: '@downtown',
    square: '$downtown',
    regions: ['Illinois', 'Chicago'],
    feedback_emails: ['feedback@example.org'],
    entity: 'Kindred',
    entity_url: 'https://kindred.example.org',
  };
  const online = { name: 'Online', slug: 'online', day: 3, time: '20:00', timezone: 'America/Chicago', formatted_address: 'Chicago, IL, USA', approximate: 'yes', conference_url: 'https://meet.google.com/abc', attendance_option: 'online', types: ['O'] };

  test('a good feed has no problems; anything but an array or an object is refused', () => {
    expect(validateMeetingGuideFeed([good, online, { ...good, slug: 7, day: 0 }])).toEqual([]);
    expect(validateMeetingGuideFeed({ meetings: [] })).toEqual(['[array] the feed is not a JSON array']);
    expect(validateMeetingGuideFeed(['x'])).toEqual(['#0: [object] not a meeting object']);
  });

  test.each([
    ['keys', { facilitator: 'Jane Smith' }],
    ['string', { location: 12 }],
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(256) }],
    ['slug', { slug: undefined }],
    ['slug', { slug: 'has space' }],
    ['slug', { slug: 'x'.repeat(65) }],
    ['day', { day: 7 }],
    ['day', { day: [] }],
    ['day', { day: [1, 1] }],
    ['time', { time: undefined }],
    ['time', { time: '7pm' }],
    ['time', { end_time: '24:00' }],
    ['timezone', { timezone: 'Central Time' }],
    ['timezone', { timezone: 'Mars/Olympus' }],
    ['coordinates', { latitude: '41.8' }],
    ['coordinates', { latitude: 41.881832 }],
    ['coordinates', { longitude: -187 }],
    ['coordinates', { longitude: undefined }],
    ['approximate', { approximate: 'maybe' }],
    ['approximate', { formatted_address: 'Chicago, IL, USA' }],
    ['regions', { regions: 'Chicago' }],
    ['conference_phone', { conference_phone: '(312) 626-6799' }],
    ['conference_url', { conference_url: 'zoommtg://zoom.us/join' }],
    ['conference_provider', { conference_url: 'https://meet.example.org/room' }],
    ['place', { formatted_address: undefined, conference_url: undefined, conference_phone: undefined, approximate: undefined, latitude: undefined, longitude: undefined }],
    ['attendance_option', { attendance_option: 'remote' }],
    ['types', { types: 'O' }],
    ['types', { types: ['O', 'ZZ'] }],
    ['types', { types: ['O', 'ONL'] }],
    ['types', { types: ['O', 'O'] }],
    ['plain-text', { notes: '<p>Side door.</p>' }],
    ['updated', { updated: '2024-05-01T18:22:10Z' }],
    ['venmo', { venmo: 'downtown' }],
    ['square', { square: 'downtown' }],
    ['links', { url: 'javascript:alert(1)' }],
    ['feedback_emails', { feedback_emails: 'a@example.org' }],
  ])('rule [%s] catches %j', (rule, change) => {
    const problems = validateMeetingGuideFeed([{ ...good, ...change }]);
    expect(problems.some((p) => p.includes(`[${rule}]`)), problems.join('\n')).toBe(true);
  });

  test.each([
    ['online', { conference_url: undefined }],
    ['online', { approximate: 'no', formatted_address: '1 Main St, Chicago, IL 60601, USA' }],
    ['types-in-person', { types: ['O', 'BA'] }],
  ])('rule [%s] on online meetings catches %j', (rule, change) => {
    const problems = validateMeetingGuideFeed([{ ...online, ...change }]);
    expect(problems.some((p) => p.includes(`[${rule}]`)), problems.join('\n')).toBe(true);
  });

  test('rule [slug-unique] catches a repeated slug and one that a day array expands into', () => {
    expect(validateMeetingGuideFeed([good, good]).some((p) => p.includes('[slug-unique]'))).toBe(true);
    expect(validateMeetingGuideFeed([good, { ...online, slug: 'monday-big-book-4' }]).some((p) => p.includes('[slug-unique]'))).toBe(true);
  });
});
