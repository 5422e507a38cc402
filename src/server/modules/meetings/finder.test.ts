import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createGroup, createMeeting } from '../../../../test/helpers/meetings-factories.ts';
import { TIME_OF_DAY_HOURS, TIMES_OF_DAY } from '../../../contracts/meetings.ts';
import { boundingBox, distanceKm, plausibleMatcher } from './finder.ts';
import { instantToZoned, occurrencesBetween } from './recurrence.ts';

let ctx: TestContext;
let anonymous: Client;
beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
});
afterAll(() => ctx.close());
afterEach(() => vi.useRealTimers());

function atInstant(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

const names = async (query: string) => {
  const res = await anonymous.get(`/api/v1/meetings?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().results as { name: string }[]).map((r) => r.name);
};

// Chicago's Loop, and a point 30 km north (Evanston is about 20 km).
const LOOP = { lat: 41.8819, lng: -87.6278 };

describe('the meeting finder', () => {
  test('"starting soon": in progress now or starting within two hours, soonest first', async () => {
    const group = await createGroup(ctx);
    // Saturday 21 November 2026, 18:00 in Chicago (00:00 UTC Sunday).
    atInstant('2026-11-22T00:00:00Z');
    await createMeeting(ctx, group.id, { name: 'Started at 17:30', days: [6], startTime: '17:30', endTime: '18:30' });
    await createMeeting(ctx, group.id, { name: 'Starts at 19:45', days: [6], startTime: '19:45', endTime: '20:45' });
    await createMeeting(ctx, group.id, { name: 'Starts at 18:30', days: [6], startTime: '18:30', endTime: '19:30' });
    await createMeeting(ctx, group.id, { name: 'Starts at 20:30', days: [6], startTime: '20:30', endTime: '21:30' });
    await createMeeting(ctx, group.id, { name: 'Ended at 17:55', days: [6], startTime: '17:00', endTime: '17:55' });
    await createMeeting(ctx, group.id, { name: 'Online in Madrid now', days: [0], startTime: '01:00', endTime: '02:00', timeZone: 'Europe/Madrid', attendance: 'online', latitude: null, longitude: null, formattedAddress: null, conferenceUrl: 'https://meet.jit.si/madrid' });
    expect(await names(`groupId=${group.id}&soon=true`)).toEqual(['Started at 17:30', 'Online in Madrid now', 'Starts at 18:30', 'Starts at 19:45']);
    const res = (await anonymous.get(`/api/v1/meetings?groupId=${group.id}&soon=true&tz=America/Chicago`)).json();
    expect(res.total).toBe(4);
    expect(res.results[0]).toMatchObject({ inProgress: true, match: { date: '2026-11-21', start: '2026-11-21T23:30:00.000Z' } });
    expect(res.results[1]).toMatchObject({ inProgress: true });
    expect(res.results[2]).toMatchObject({ inProgress: false });
  });

  test("days and times of day are the viewer's: a Monday 21:30 meeting in Los Angeles is a Tuesday for a viewer in New York", async () => {
    atInstant('2026-11-21T12:00:00Z');
    const group = await createGroup(ctx);
    await createMeeting(ctx, group.id, { name: 'LA Monday night', days: [1], startTime: '21:30', endTime: '22:30', timeZone: 'America/Los_Angeles' });
    await createMeeting(ctx, group.id, { name: 'NY Monday morning', days: [1], startTime: '07:00', endTime: '08:00', timeZone: 'America/New_York' });
    const q = `groupId=${group.id}`;
    expect(await names(`${q}&day=2&tz=America/New_York`)).toEqual(['LA Monday night']);
    expect(await names(`${q}&day=1&tz=America/New_York`)).toEqual(['NY Monday morning']);
    expect(await names(`${q}&day=1&tz=America/Los_Angeles`)).toEqual(['NY Monday morning', 'LA Monday night']);
    expect(await names(`${q}&timeOfDay=night&tz=America/New_York`)).toEqual(['LA Monday night']);
    expect(await names(`${q}&timeOfDay=morning&tz=America/New_York`)).toEqual(['NY Monday morning']);
    // 07:00 in New York is 04:00 in Los Angeles: night there.
    expect(await names(`${q}&timeOfDay=night&tz=America/Los_Angeles`)).toEqual(['NY Monday morning', 'LA Monday night']);
    expect(await names(`${q}&timeOfDay=morning,evening&day=3&tz=America/Los_Angeles`)).toEqual([]);
    // Shown in the viewer's zone; the meeting's own zone stays on the result.
    const res = (await anonymous.get(`/api/v1/meetings?${q}&day=2&tz=America/New_York`)).json();
    expect(res).toMatchObject({ timeZone: 'America/New_York', results: [{ timeZone: 'America/Los_Angeles', startTime: '21:30', match: { date: '2026-11-23', start: '2026-11-24T05:30:00.000Z' } }] });
  });

  test('near a point: within the radius, nearest first among meetings at the same time; online meetings have no distance', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const group = await createGroup(ctx);
    await createMeeting(ctx, group.id, { name: 'Loop', latitude: 41.8827, longitude: -87.6233 });
    await createMeeting(ctx, group.id, { name: 'Evanston', latitude: 42.0451, longitude: -87.6877 });
    await createMeeting(ctx, group.id, { name: 'Milwaukee', latitude: 43.0389, longitude: -87.9065 });
    await createMeeting(ctx, group.id, { name: 'Online', attendance: 'online', latitude: null, longitude: null, formattedAddress: null, conferenceUrl: 'https://zoom.us/j/1' });
    const q = `groupId=${group.id}&lat=${LOOP.lat}&lng=${LOOP.lng}`;
    expect(await names(`${q}&radiusKm=5`)).toEqual(['Loop']);
    expect(await names(`${q}&radiusKm=25`)).toEqual(['Loop', 'Evanston']);
    expect(await names(`${q}&radiusKm=200`)).toEqual(['Loop', 'Evanston', 'Milwaukee']);
    const res = (await anonymous.get(`/api/v1/meetings?${q}&radiusKm=25`)).json();
    expect(res.results[1].distanceKm).toBeCloseTo(18.4, 0);
    expect(await names(`groupId=${group.id}&attendance=online`)).toEqual(['Online']);
  });

  test('types, language, text; temporarily inactive meetings only when asked for', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const group = await createGroup(ctx, { languages: ['en'] });
    const spanish = await createGroup(ctx, { name: 'Grupo Esperanza', languages: ['es'] });
    await createMeeting(ctx, group.id, { name: 'Open discussion', types: ['O', 'D'] });
    await createMeeting(ctx, group.id, { name: 'Closed big book', types: ['C', 'B'] });
    await createMeeting(ctx, group.id, { name: 'Dormant', types: ['O'], attendance: 'inactive' });
    await createMeeting(ctx, spanish.id, { name: 'Reunión de la tarde', types: ['O', 'S'], locationName: 'Iglesia San José' });
    const both = (more: string) => names(more).then((n) => n.filter((x) => ['Open discussion', 'Closed big book', 'Dormant', 'Reunión de la tarde'].includes(x)));
    expect((await both('types=O')).sort()).toEqual(['Open discussion', 'Reunión de la tarde']);
    expect(await both('types=O,D')).toEqual(['Open discussion']);
    expect(await both('language=es')).toEqual(['Reunión de la tarde']);
    expect(await both('q=san%20jos')).toEqual(['Reunión de la tarde']);
    expect(await both('q=ESPERANZA')).toEqual(['Reunión de la tarde']);
    expect(await both('q=%25')).toEqual([]);
    expect(await both('attendance=inactive')).toEqual(['Dormant']);
  });

  test('one-off events are listed up to two months ahead, after the weekly meetings that come first', async () => {
    atInstant('2026-11-21T12:00:00Z');
    const group = await createGroup(ctx);
    await createMeeting(ctx, group.id, { name: 'Weekly', days: [1] });
    await createMeeting(ctx, group.id, { name: 'Recovery picnic', days: [], onceOn: '2026-12-12', startTime: '12:00', endTime: '15:00' });
    await createMeeting(ctx, group.id, { name: 'Last year', days: [], onceOn: '2025-12-12' });
    await createMeeting(ctx, group.id, { name: 'Far away', days: [], onceOn: '2027-06-01' });
    expect(await names(`groupId=${group.id}`)).toEqual(['Weekly', 'Recovery picnic']);
    expect(await names(`groupId=${group.id}&day=6&tz=America/Chicago`)).toEqual(['Recovery picnic']);
  });

  test('bad queries are 422, never 500', async () => {
    for (const q of ['lat=41.8', 'lat=91&lng=0', 'lng=181&lat=0', 'day=7', 'day=monday', 'types=ONL', 'tz=Mars/Base', 'radiusKm=-1', 'radiusKm=5000', 'limit=0', 'soon=maybe', 'attendance=teleport', `q=${'x'.repeat(200)}`, 'unknown=1']) {
      const res = await anonymous.get(`/api/v1/meetings?${q}`);
      expect(res.statusCode, q).toBe(422);
    }
  });
});

describe('geometry', () => {
  test('the bounding box holds every point within the radius (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (lat, lng, radius, bearing, fraction) => {
          // A point at `fraction` of the radius along `bearing` (destination formula on the sphere).
          const d = (radius * fraction) / 6371.0088;
          const φ1 = (lat * Math.PI) / 180;
          const λ1 = (lng * Math.PI) / 180;
          const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing));
          const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
          const pLat = (φ2 * 180) / Math.PI;
          const pLng = ((((λ2 * 180) / Math.PI + 540) % 360) - 180);
          expect(distanceKm(lat, lng, pLat, pLng)).toBeLessThanOrEqual(radius + 1e-6);
          const box = boundingBox(lat, lng, radius);
          expect(pLat).toBeGreaterThanOrEqual(box.minLat - 1e-9);
          expect(pLat).toBeLessThanOrEqual(box.maxLat + 1e-9);
          const inLng = box.minLng <= box.maxLng ? pLng >= box.minLng - 1e-9 && pLng <= box.maxLng + 1e-9 : pLng >= box.minLng - 1e-9 || pLng <= box.maxLng + 1e-9;
          expect(inLng).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the quick day and time test', () => {
  const ZONES = ['America/New_York', 'America/Los_Angeles', 'America/Phoenix', 'Europe/Madrid', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'UTC'];
  const inBucket = (minutes: number, wanted: readonly (typeof TIMES_OF_DAY)[number][]) =>
    wanted.some((w) => {
      const [from, to] = TIME_OF_DAY_HOURS[w];
      const h = Math.floor(minutes / 60);
      return from < to ? h >= from && h < to : h >= from || h < to;
    });

  test('never passes over a meeting that has a matching occurrence in the next eight days (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
        fc.subarray([...TIMES_OF_DAY], { maxLength: 2 }),
        (zone, viewerZone, days, startMinute, now, wantedDays, wantedTimes) => {
          const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const m = { days, onceOn: null, startTime: hm(startMinute), endTime: hm((startMinute + 60) % 1440), timeZone: zone };
          const q = { day: wantedDays.length ? wantedDays : undefined, timeOfDay: wantedTimes.length ? wantedTimes : undefined, limit: 50 };
          const exact = occurrencesBetween(m, now, new Date(now.getTime() + 8 * 86_400_000)).some((o) => {
            const local = instantToZoned(o.start, viewerZone);
            return (!q.day || q.day.includes(local.weekday)) && (!q.timeOfDay || inBucket(local.minutes, q.timeOfDay));
          });
          if (exact) expect(plausibleMatcher(now, viewerZone, q)(m)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

