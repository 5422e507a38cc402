import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, addMonths, daysBetween, span, todayIn } from './dates.ts';
import { milestonesThrough } from './milestones.ts';

// Zones with DST in both hemispheres, half-hour and 45-minute offsets, and both sides of the date line.
const ZONES = ['America/New_York', 'America/Los_Angeles', 'America/Puerto_Rico', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map(iso);
const instantArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true });

/** An independent oracle for "today in a zone": Intl's own calendar date. */
const intlToday = (zone: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
/** And for a day count: UTC midnights, which no DST change can stretch. */
const utcDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

describe('local dates across time zones and DST', () => {
  test("today in a zone is that zone's calendar date", () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), instantArb, (zone, at) => todayIn(zone, at) === intlToday(zone, at)), { numRuns: 2000 });
  });

  test('day counts agree with UTC-midnight arithmetic, whatever the zone and instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantArb, fc.integer({ min: 0, max: 20_000 }), (zone, at, back) => {
        const today = todayIn(zone, at);
        const start = addDays(today, -back);
        return daysBetween(start, today) === back && utcDays(start, today) === back;
      }),
      { numRuns: 2000 },
    );
  });

  test('one local day later, the count is exactly one more, DST or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), dateArb, fc.integer({ min: 0, max: 3000 }), (zone, start, n) => {
        const day = addDays(start, n);
        expect(daysBetween(start, addDays(day, 1)) - daysBetween(start, day)).toBe(1);
        // Around every hour of that day in the zone, "today" is that day or its neighbours, never two days off.
        const noonUtc = new Date(`${day}T12:00:00Z`);
        const local = todayIn(zone, noonUtc);
        return Math.abs(daysBetween(day, local)) <= 1;
      }),
      { numRuns: 1000 },
    );
  });

  test('a span in years, months and days added back to the start gives the end', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 20_000 }), (start, n) => {
        const end = addDays(start, n);
        const s = span(start, end);
        expect(s.years).toBeGreaterThanOrEqual(0);
        expect(s.months).toBeLessThan(12);
        expect(s.days).toBeGreaterThanOrEqual(0);
        expect(s.days).toBeLessThan(31);
        return addDays(addMonths(start, s.years * 12 + s.months), s.days) === end;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('milestones', () => {
  test('reached ones are in order and on or before today; the next is after today', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 15_000 }), (start, n) => {
        const today = addDays(start, n);
        const { reached, next } = milestonesThrough(start, today);
        const dates = reached.map((m) => m.on);
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(reached.map((m) => m.key)).size).toBe(reached.length);
        expect(dates.every((d) => d <= today && d > start)).toBe(true);
        return next.on > today;
      }),
      { numRuns: 2000 },
    );
  });

  test('the fixed milestones fall where people count them', () => {
    const { reached } = milestonesThrough('2024-02-29', '2027-03-01');
    const on = Object.fromEntries(reached.map((m) => [m.key, m.on]));
    expect(on).toMatchObject({ '1d': '2024-03-01', '7d': '2024-03-07', '30d': '2024-03-30', '90d': '2024-05-29', '6m': '2024-08-29', '9m': '2024-11-29', '1y': '2025-02-28', '18m': '2025-08-29', '2y': '2026-02-28' });
    expect(milestonesThrough('2025-03-14', '2025-03-14')).toEqual({ reached: [], next: { key: '1d', on: '2025-03-15' } });
  });
});
