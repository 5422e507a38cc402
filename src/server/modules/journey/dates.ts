import { DateTime } from 'luxon';

/**
 * Calendar arithmetic on local dates (YYYY-MM-DD). Recovery is counted in the member's calendar days: "today" comes
 * from their time zone, and spans between two dates never go through instants, so DST changes cannot add or lose a
 * day.
 */
const parse = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate() ?? DateTime.fromJSDate(now).toUTC().toISODate()!;
}

export function addDays(date: string, days: number): string {
  return parse(date).plus({ days }).toISODate()!;
}

export function addMonths(date: string, months: number): string {
  // Luxon clamps to the month's last day (Jan 31 + 1 month = Feb 28/29), as people count months.
  return parse(date).plus({ months }).toISODate()!;
}

/** Whole days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

/** The span from `from` to `to` as years, months and days (calendar-aware). */
export function span(from: string, to: string): { years: number; months: number; days: number } {
  const d = parse(to).diff(parse(from), ['years', 'months', 'days']);
  return { years: Math.trunc(d.years), months: Math.trunc(d.months), days: Math.round(d.days) };
}

export function startOfWeek(date: string): string {
  return parse(date).startOf('week').toISODate()!; // ISO weeks start on Monday
}

export function startOfMonth(date: string): string {
  return parse(date).startOf('month').toISODate()!;
}

export function endOfMonth(date: string): string {
  return parse(date).endOf('month').toISODate()!;
}
