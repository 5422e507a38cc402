import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type MeetingTimes, type OccurrenceOverride, instantToZoned, nextOccurrence, occurrencesBetween, zonedToInstant } from './recurrence.ts';

// Real zones: both hemispheres, 30- and 45-minute offsets, a 30-minute DST (Lord Howe), changes at midnight
// (Havana, Santiago), zones that dropped DST (Mexico City in 2022, Tehran in 2022) and none at all (Phoenix, UTC).
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'Europe/Madrid',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'UTC',
];

const MINUTE = 60_000;
const DAY = 86_400_000;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const zoneArb = fc.constantFrom(...ZONES);
const timeArb = fc.integer({ min: 0, max: 24 * 60 - 1 }).map(hhmm);
const daysArb = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => d.sort());
const instantArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
/** Start and end differ: the contract refuses a meeting that ends when it starts. */
const meetingArb = fc
  .record({ timeZone: zoneArb, days: daysArb, startTime: timeArb, endTime: timeArb })
  .filter((m) => m.startTime !== m.endTime)
  .map((m): MeetingTimes => ({ ...m, onceOn: null }));

// ── The oracle: Intl only, no luxon and nothing from recurrence.ts ─────────────────────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: number, zone: string): { date: string; time: string } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The zone's UTC offset at an instant, in ms. */
function offsetAt(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  return Date.parse(`${w.date}T${w.time}:00Z`) - Math.floor(instant / MINUTE) * MINUTE;
}

/**
 * When a wall-clock time happens: the earliest instant whose reading it is; in a gap, the reading under the offset
 * in force before the gap (RFC 5545 §3.3.5), i.e. moved forward by the gap. No zone here changes twice in 3 days.
 */
function oracleInstant(date: string, time: string, zone: string): { instant: number; inGap: boolean } {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const before = offsetAt(naive - 1.5 * DAY, zone);
  const after = offsetAt(naive + 1.5 * DAY, zone);
  const candidates = [naive - before, naive - after].filter((i) => {
    const w = wallClock(i, zone);
    return w.date === date && w.time === time;
  });
  return candidates.length > 0 ? { instant: Math.min(...candidates), inGap: false } : { instant: naive - before, inGap: true };
}

/** A regular occurrence's start and end; one that would end before it starts (a gap) keeps its wall-clock length. */
function oracleOccurrence(m: MeetingTimes, date: string): { start: number; end: number } {
  const crosses = m.endTime < m.startTime;
  const start = oracleInstant(date, m.startTime, m.timeZone).instant;
  const end = oracleInstant(crosses ? addDaysUtc(date, 1) : date, m.endTime, m.timeZone).instant;
  const length = (((minutesOf(m.endTime) - minutesOf(m.startTime)) % 1440) + 1440) % 1440;
  return { start, end: end > start ? end : start + length * MINUTE };
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const addDaysUtc = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekdayUtc = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

// ── Properties ───────────────────────────────────────────────────────────────────────────────────────────────

describe('occurrences of a weekly meeting, against an Intl oracle', () => {
  test('each starts at the wall-clock start time in its zone (or just past a gap), on a meeting day, in the window; none is missed', () => {
    fc.assert(
      fc.property(meetingArb, instantArb, fc.integer({ min: 1, max: 15 * 24 * 60 }), (m, from, lengthMinutes) => {
        const to = new Date(from.getTime() + lengthMinutes * MINUTE);
        const found = occurrencesBetween(m, from, to);
        for (const o of found) {
          expect(m.days).toContain(weekdayUtc(o.date));
          const want = oracleInstant(o.date, m.startTime, m.timeZone);
          expect(o.start.getTime()).toBe(want.instant);
          if (!want.inGap) expect(wallClock(o.start.getTime(), m.timeZone)).toEqual({ date: o.date, time: m.startTime });
          expect(o.end > o.start).toBe(true);
          expect(o.end > from && o.start < to).toBe(true);
        }
        // Completeness: every meeting day whose occurrence overlaps the window is there, once.
        const expected: string[] = [];
        const first = addDaysUtc(wallClock(from.getTime(), m.timeZone).date, -2);
        const last = addDaysUtc(wallClock(to.getTime(), m.timeZone).date, 1);
        for (let d = first; d <= last; d = addDaysUtc(d, 1)) {
          if (!m.days.includes(weekdayUtc(d))) continue;
          const { start, end } = oracleOccurrence(m, d);
          if (end > from.getTime() && start < to.getTime()) expected.push(d);
        }
        expect(found.map((o) => o.date)).toEqual(expected);
      }),
      { numRuns: 250 },
    );
  });

  test('successive occurrences are in order and never overlap', () => {
    fc.assert(
      fc.property(meetingArb, instantArb, (m, from) => {
        const found = occurrencesBetween(m, from, new Date(from.getTime() + 35 * DAY));
        for (let i = 1; i < found.length; i++) {
          expect(found[i]!.start > found[i - 1]!.start).toBe(true);
          expect(found[i]!.start >= found[i - 1]!.end).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('nextOccurrence', () => {
  // Exceptions on the regular dates from yesterday to two weeks ahead: cancelled, or moved up to three days either way.
  const exceptionArb = fc.record({
    day: fc.integer({ min: -1, max: 14 }),
    moveBy: fc.option(fc.record({ days: fc.integer({ min: -3, max: 3 }), startTime: timeArb, length: fc.integer({ min: 15, max: 180 }) }), { nil: null }),
  });

  test('is the earliest occurrence not cancelled and not over (brute force over the next 15 days)', () => {
    fc.assert(
      fc.property(meetingArb, instantArb, fc.array(exceptionArb, { maxLength: 6 }), (m, now, exceptions) => {
        const today = wallClock(now.getTime(), m.timeZone).date;
        const overrides = new Map<string, OccurrenceOverride>();
        for (const e of exceptions) {
          const localDate = addDaysUtc(today, e.day);
          const moved = e.moveBy && {
            movedDate: addDaysUtc(localDate, e.moveBy.days),
            movedStart: e.moveBy.startTime,
            movedEnd: hhmm((minutesOf(e.moveBy.startTime) + e.moveBy.length) % 1440),
          };
          overrides.set(localDate, { localDate, status: moved ? 'moved' : 'cancelled', movedDate: null, movedStart: null, movedEnd: null, topic: null, ...moved });
        }
        const horizon = new Date(now.getTime() + 15 * DAY);
        const candidates = occurrencesBetween(m, now, horizon, overrides).filter((o) => o.status !== 'cancelled' && o.end > now);
        const want = candidates.sort((a, b) => a.start.getTime() - b.start.getTime())[0];
        const got = nextOccurrence(m, now, overrides);
        if (want) expect(got).toEqual(want);
        // Every occurrence in the 15 days is cancelled: the next one, if any, comes after them.
        else expect(got === null || got.start >= horizon).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('zoned time conversions', () => {
  const dateArb = instantArb.map((d) => d.toISOString().slice(0, 10));

  test('zonedToInstant then instantToZoned gives back the wall-clock time, outside gaps', () => {
    fc.assert(
      fc.property(zoneArb, dateArb, timeArb, (zone, date, time) => {
        fc.pre(!oracleInstant(date, time, zone).inGap);
        const back = instantToZoned(zonedToInstant(date, time, zone), zone);
        expect(back.date).toBe(date);
        expect(hhmm(back.minutes)).toBe(time);
        expect(back.weekday).toBe(weekdayUtc(date));
      }),
      { numRuns: 1000 },
    );
  });

  test('DST nights are covered: on the days around every change of 2021 and 2025, each half hour is where the oracle puts it', () => {
    // Random dates rarely land on the few transition nights; walk them all (2021: Mexico City and Tehran still changed).
    for (const zone of ZONES) {
      const year = (y: number) => Array.from({ length: 366 }, (_, i) => Date.parse(`${y}-01-01T00:00:00Z`) + i * DAY);
      for (const t of [...year(2021), ...year(2025)]) {
        if (offsetAt(t, zone) === offsetAt(t + DAY, zone)) continue;
        for (const day of [-1, 0, 1].map((n) => addDaysUtc(new Date(t).toISOString().slice(0, 10), n))) {
          for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
            const time = hhmm(minutes);
            const want = oracleInstant(day, time, zone);
            expect(zonedToInstant(day, time, zone).getTime(), `${zone} ${day} ${time}`).toBe(want.instant);
          }
        }
      }
    }
  });
});
