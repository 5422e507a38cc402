import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { validateMeetingGuideFeed } from '../../../../test/helpers/meeting-guide-validator.ts';
import { auditLog } from '../audit/tables.ts';
import { feedsRepo } from './feeds-repo.ts';
import { parseMeetingGuideFeed, stripHtml, toSlug } from './meeting-guide-import.ts';
import { meeting, supportGroup } from './tables.ts';

const sample: Record<string, unknown>[] = JSON.parse(fs.readFileSync('test/fixtures/meeting-guide-sample.json', 'utf8'));
const GOOD = ['monday-night-big-book', '42', 'sunset-serenity', 'tuesday-step-study', 'lakeside-group', 'midnight-lifeline', 'daily-reflections-noon'];
const SKIPPED = [
  { row: 7, slug: null, reason: 'No slug' },
  { row: 8, slug: 'monday-night-big-book', reason: 'Duplicate slug (first in row 1)' },
  { row: 9, slug: 'by-appointment', reason: 'No day: meetings by appointment are not imported' },
  { row: 10, slug: 'night-owls', reason: 'time is not a 24-hour HH:MM time' },
  { row: 11, slug: 'app-link-only', reason: 'conference_url is not a web address starting with http:// or https://' },
];

describe('reading a Meeting Guide feed', () => {
  const parsed = parseMeetingGuideFeed(sample);
  const bySlug = (slug: string) => parsed.rows.find((r) => r.slug === slug)!.meeting;

  test('good rows are normalized, bad rows are skipped with their reason', () => {
    expect(parsed.rows.map((r) => r.slug)).toEqual(GOOD);
    expect(parsed.skipped).toEqual(SKIPPED);
  });

  test('fields are mapped to Kindred meetings', () => {
    expect(bySlug('monday-night-big-book')).toMatchObject({
      name: 'Monday Night Big Book',
      schedule: { kind: 'weekly', days: [1] },
      startTime: '19:00',
      endTime: '20:00',
      timeZone: 'America/Chicago',
      attendance: 'in_person',
      location: { name: 'First Presbyterian Church', formattedAddress: '123 Main St, Springfield, IL 62701, USA', latitude: 39.80106, longitude: -89.6436, notes: 'Enter by the side door on Elm Street.', region: 'Downtown' },
      types: ['O', 'B', 'X'],
      notes: 'We read from the Big Book and share.\nCoffee from 6:30 pm.',
    });
    // Integer slug, a one-digit hour, the default hour's length, phone cleaned, ONL dropped, derived hybrid.
    expect(bySlug('42')).toMatchObject({
      schedule: { days: [1, 3, 5] },
      startTime: '07:00',
      endTime: '08:00',
      attendance: 'hybrid',
      conference: { url: 'https://us02web.zoom.us/j/81234567890', urlNotes: 'Password: sober', phone: '+13126266799,,81234567890#' },
      types: ['D', 'BRK'],
    });
    expect(bySlug('sunset-serenity')).toMatchObject({ attendance: 'online', location: null, approximateAddress: 'Boston, MA, USA', notes: "Women's closed meeting & candlelight share." });
    expect(bySlug('tuesday-step-study')).toMatchObject({
      schedule: { days: [2] },
      location: { formattedAddress: '800 E Carpenter St, Springfield, IL 62769, US', latitude: 39.8092, longitude: -89.6412 },
      types: ['O', 'ST'],
      customTypes: ['XYZ'],
    });
    expect(bySlug('lakeside-group')).toMatchObject({ attendance: 'inactive', types: ['O', 'OUT'] });
    expect(bySlug('midnight-lifeline')).toMatchObject({ attendance: 'online', endTime: '00:30', conference: { url: null, phone: '+16465588656,,85512345#' } });
    expect(bySlug('daily-reflections-noon')).toMatchObject({ notes: 'Bring a friend.', readings: 'Daily Reflections' });
    expect(parsed.rows.map((r) => r.groupName)).toEqual([
      'Springfield Home Group',
      'Springfield Home Group',
      'Sunset Serenity',
      'Tuesday Step Study',
      'Lakeside Group',
      'Midnight Lifeline',
      'Daily Reflections at Noon',
    ]);
  });

  test.each([
    [{ timezone: undefined }, 'No timezone, and this instance has no default time zone'],
    [{ timezone: 'Mars/Olympus' }, 'Unknown time zone "Mars/Olympus"'],
    [{ latitude: undefined }, 'No latitude and longitude for the address'],
    [{ day: 7 }, 'Day 7 is not 0 (Sunday) to 6 (Saturday)'],
    [{ end_time: '19:00' }, 'endTime: End after the start'],
    [{ name: '<b></b>' }, 'No name'],
    [{ name: 'x'.repeat(121) }, 'name: Use at most 120 characters'],
    [{ formatted_address: undefined }, 'No place: neither an address nor a conference link or phone'],
    [{ conference_phone: 'call 555' }, 'conference_phone holds characters other than digits and + , * #'],
    [{ attendance_option: 'online' }, 'conference: Give a link or a phone number for people joining online'],
  ])('a row with %j is skipped: %s', (change, reason) => {
    const row = { ...sample[0], ...change };
    expect(parseMeetingGuideFeed([row]).skipped).toEqual([{ row: 0, slug: 'monday-night-big-book', reason }]);
  });

  test('the instance default zone fills a missing timezone; anything but an object row is skipped', () => {
    const { rows, skipped } = parseMeetingGuideFeed([{ ...sample[0], timezone: undefined }, 'text', null, [1]], { defaultTimeZone: 'America/Denver' });
    expect(rows[0]!.meeting.timeZone).toBe('America/Denver');
    expect(skipped.map((s) => s.reason)).toEqual(['Not a meeting object', 'Not a meeting object', 'Not a meeting object']);
    expect(() => parseMeetingGuideFeed({ meetings: [] })).toThrow(TypeError);
  });

  test('notes become plain text that the contracts accept, even when markup was escaped', () => {
    expect(stripHtml('<p>One&nbsp;&amp;&#32;two</p><br/><ul><li>three</li></ul>')).toBe('One & two\n\nthree');
    expect(stripHtml('&lt;script&gt;alert(1)&lt;/script&gt;')).not.toMatch(/<\/?[a-z]/i);
    const { rows } = parseMeetingGuideFeed([{ ...sample[0], notes: '&lt;b&gt;bold&lt;/b&gt; &#x1F600; &#99999999;' }]);
    expect(rows).toHaveLength(1);
    expect(toSlug("  St. Mary's — Tuesday_Night  ")).toBe('st-mary-s-tuesday-night');
    expect(toSlug('x'.repeat(63) + '-y')).toBe('x'.repeat(63));
  });
});

describe('importing through the API', () => {
  let ctx: TestContext;
  let coordinator: TestUser;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    coordinator = await createCoordinator(ctx);
    server = http.createServer((req, res) => {
      if (req.url === '/feed.json') return res.end(JSON.stringify(sample));
      if (req.url === '/object.json') return res.end('{"meetings":[]}');
      if (req.url === '/html') return res.end('<html></html>');
      if (req.url === '/huge.json') {
        // 21 MB without a content-length: the cap must hold while streaming.
        res.write('[');
        const chunk = `${JSON.stringify('x'.repeat(1024 * 1024))},`;
        for (let i = 0; i < 21; i++) res.write(chunk);
        return res.end('0]');
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await ctx.close();
  });

  const meetingCount = async () => (await ctx.database.db.select({ id: meeting.id }).from(meeting)).length;

  test('only coordinators may import: 401 signed out, 404 for a member, and nothing is written', async () => {
    expect((await new Client(ctx.app).post('/api/v1/admin/meetings/import', { feed: sample })).statusCode).toBe(401);
    const member = await createUser(ctx);
    const res = await member.client.post('/api/v1/admin/meetings/import', { feed: sample });
    expect(res.statusCode).toBe(404);
    expect(await meetingCount()).toBe(0);
  });

  test('a feed imports with the right report, and a second run changes nothing', async () => {
    const first = await coordinator.client.post('/api/v1/admin/meetings/import', { feed: sample });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 7, updated: 0, unchanged: 0, skipped: SKIPPED });
    const groups = await ctx.database.db.select().from(supportGroup);
    expect(groups.map((g) => g.name).sort()).toEqual(['Daily Reflections at Noon', 'Lakeside Group', 'Midnight Lifeline', 'Springfield Home Group', 'Sunset Serenity', 'Tuesday Step Study']);
    expect(groups.find((g) => g.name === 'Springfield Home Group')).toMatchObject({ slug: 'springfield-home-group', description: 'A home group since 1987.', pathway: 'twelve_step', visibility: 'public', membership: 'open' });

    const before = (await feedsRepo.state(ctx.database.db)).version;
    const second = await coordinator.client.post('/api/v1/admin/meetings/import', { feed: sample });
    expect(second.json()).toEqual({ created: 0, updated: 0, unchanged: 7, skipped: SKIPPED });
    expect((await feedsRepo.state(ctx.database.db)).version).toBe(before);
    expect((await ctx.database.db.select().from(supportGroup)).length).toBe(6);

    // The audit log holds counts, never a meeting's or group's words.
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'meetings.imported')).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(entry).toMatchObject({ actorId: coordinator.id, details: { created: 0, updated: 0, unchanged: 7, skipped: 5, via: 'api' } });
  });

  test('a changed row is updated, the rest unchanged; the URL form reads the same feed', async () => {
    const changed = sample.map((r) => (r.slug === 'tuesday-step-study' ? { ...r, time: '12:15', end_time: '13:15' } : r));
    expect((await coordinator.client.post('/api/v1/admin/meetings/import', { feed: changed })).json()).toMatchObject({ created: 0, updated: 1, unchanged: 6 });
    const [row] = await ctx.database.db.select().from(meeting).where(eq(meeting.slug, 'tuesday-step-study'));
    expect(row).toMatchObject({ startTime: '12:15', endTime: '13:15' });
    const byUrl = await coordinator.client.post('/api/v1/admin/meetings/import', { url: `${base}/feed.json` });
    expect(byUrl.statusCode).toBe(200);
    expect(byUrl.json()).toEqual({ created: 0, updated: 1, unchanged: 6, skipped: SKIPPED });
  });

  test.each([
    ['/missing.json', 'The address answered with status 404'],
    ['/html', 'The address did not give JSON'],
    ['/object.json', 'The address gave JSON, but not an array of meetings'],
    ['/huge.json', 'The feed is larger than 20 MB'],
  ])('a feed address %s that cannot be used is a 422 saying why', async (path, message) => {
    const res = await coordinator.client.post('/api/v1/admin/meetings/import', { url: `${base}${path}` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { url: message } });
  });

  test('bad bodies are 422 and write nothing', async () => {
    const before = await meetingCount();
    for (const body of [{}, { url: 'ftp://example.org/feed.json' }, { feed: 'not an array' }, { feed: [], url: 'https://example.org' }, { url: 'http://127.0.0.1:1/feed.json' }]) {
      const res = await coordinator.client.post('/api/v1/admin/meetings/import', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await meetingCount()).toBe(before);
  });

  test('the exported feed is valid and re-imports into another instance as the same meetings', async () => {
    const exported = (await new Client(ctx.app).get('/feeds/meetings.json')).json();
    expect(validateMeetingGuideFeed(exported)).toEqual([]);
    expect(exported.map((e: { slug: string }) => e.slug).sort()).toEqual([...GOOD].sort());

    const other = await createTestApp({ publicUrl: 'http://127.0.0.1:3000' });
    try {
      const coord = await createCoordinator(other);
      const report = (await coord.client.post('/api/v1/admin/meetings/import', { feed: exported })).json();
      expect(report).toEqual({ created: 7, updated: 0, unchanged: 0, skipped: [] });
      const again = (await new Client(other.app).get('/feeds/meetings.json')).json();
      const comparable = (feed: Record<string, unknown>[]) => feed.map(({ url: _u, updated: _d, entity_url: _e, ...rest }) => rest);
      expect(comparable(again)).toEqual(comparable(exported));
      expect((await coord.client.post('/api/v1/admin/meetings/import', { feed: again })).json()).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    } finally {
      await other.close();
    }
  });
});
