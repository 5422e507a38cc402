import { type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';

/**
 * Opening hours (docs/resources.md): periods in the entry's own time zone, stored as rows of minutes from midnight
 * per ISO weekday. A period past midnight ("Fr 22:00-02:00") is two rows, so "open now" is one lookup of the
 * weekday and minute in the entry's zone, the same in SQL (search filter) and here (presenters).
 */

export interface HoursRow {
  /** ISO weekday, 1 Monday ... 7 Sunday. */
  day: number;
  /** Minutes from midnight, opens < closes <= 1440. */
  opens: number;
  closes: number;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const nextDay = (day: number) => (day % 7) + 1;

/**
 * Periods as rows: one whose close is before its open runs past midnight and becomes two (the rest of its day and
 * the start of the next; a close at 00:00 means midnight, so only the first). Overlapping rows of a day are merged,
 * since the table keys rows by day and opening minute.
 */
export function splitHours(periods: { day: number; opens: string; closes: string }[]): HoursRow[] {
  const rows: HoursRow[] = [];
  for (const p of periods) {
    const opens = minutesOf(p.opens);
    const closes = minutesOf(p.closes);
    if (closes > opens) rows.push({ day: p.day, opens, closes });
    else {
      rows.push({ day: p.day, opens, closes: 1440 });
      if (closes > 0) rows.push({ day: nextDay(p.day), opens: 0, closes });
    }
  }
  rows.sort((a, b) => a.day - b.day || a.opens - b.opens);
  const merged: HoursRow[] = [];
  for (const r of rows) {
    const last = merged.at(-1);
    if (last && last.day === r.day && r.opens <= last.closes) last.closes = Math.max(last.closes, r.closes);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Rows back into periods people read: a row ending at midnight followed by the next day's row from midnight that
 * closes before it opened is shown as the one period past midnight it came from.
 */
export function joinHours(rows: HoursRow[]): { day: number; opens: string; closes: string }[] {
  const sorted = [...rows].sort((a, b) => a.day - b.day || a.opens - b.opens);
  const carried = new Map<HoursRow, HoursRow>();
  for (const r of sorted) {
    if (r.closes !== 1440) continue;
    const next = sorted.find((n) => n.day === nextDay(r.day) && n.opens === 0 && n.closes < r.opens && n !== r);
    if (next && ![...carried.values()].includes(next)) carried.set(r, next);
  }
  const absorbed = new Set(carried.values());
  return sorted
    .filter((r) => !absorbed.has(r))
    .map((r) => ({ day: r.day, opens: clockOf(r.opens), closes: clockOf(carried.get(r)?.closes ?? r.closes) }));
}

/** Whether an entry is open at `now`: null when its hours are not known. */
export function isOpenAt(entry: { timeZone: string | null; alwaysOpen: boolean; hours: HoursRow[] }, now: Date): boolean | null {
  if (entry.alwaysOpen) return true;
  if (!entry.timeZone) return null;
  const local = DateTime.fromJSDate(now, { zone: entry.timeZone });
  if (!local.isValid) return null;
  const minute = local.hour * 60 + local.minute;
  return entry.hours.some((h) => h.day === local.weekday && h.opens <= minute && minute < h.closes);
}

/** The SQL twin of isOpenAt, for the search filter: `r` is the alias of resource, `now` a timestamptz. */
export function openAtSql(now: Date, r = 'r'): SQL {
  const e = sql.raw(r);
  const local = sql`(${now.toISOString()}::timestamptz at time zone ${e}.time_zone)`;
  return sql`(${e}.always_open or (${e}.time_zone is not null and exists (
    select 1 from resource_hours h
    where h.resource_id = ${e}.id and h.day = extract(isodow from ${local})::int
      and h.opens <= (extract(hour from ${local}) * 60 + extract(minute from ${local}))::int
      and (extract(hour from ${local}) * 60 + extract(minute from ${local}))::int < h.closes)))`;
}
