/**
 * When meetings happen. A meeting is described in its own zone's wall-clock time (weekly on some days at 19:00 in
 * America/Chicago, or once on a date); instants are computed here, so the meeting stays at 19:00 local across
 * daylight-saving changes wherever the viewer is. Pure functions, no I/O; recurrence.property.test.ts checks them.
 *
 * Wall-clock times that do not exist (the hour skipped when clocks go forward) move forward by the gap, and times
 * that happen twice (the hour repeated when clocks go back) take the first, as RFC 5545 §3.3.5 prescribes for
 * calendar clients: what a group means by "02:30" on that night is the moment clocks first show it or just after.
 * Zone rules come from the platform's Intl (ICU's time-zone data), read through one cached formatter per zone.
 */
import { addDays, dayNumber, fromDayNumber } from '../journey/dates.ts';

export interface MeetingTimes {
  /** Weekly days, 0 = Sunday; empty for a one-off. */
  days: readonly number[];
  /** The date of a one-off meeting. */
  onceOn: string | null;
  startTime: string;
  endTime: string;
  timeZone: string;
}

export type OccurrenceStatus = 'scheduled' | 'cancelled' | 'moved';

/** What differs about one occurrence, keyed by its regular local date. */
export interface OccurrenceOverride {
  localDate: string;
  status: OccurrenceStatus;
  movedDate: string | null;
  movedStart: string | null;
  movedEnd: string | null;
  topic: string | null;
}

export interface Occurrence {
  /** The regular local date (the key for RSVPs, attendance and exceptions), even when moved. */
  date: string;
  start: Date;
  end: Date;
  status: OccurrenceStatus;
  topic: string | null;
}

export interface ZonedParts {
  date: string;
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes from start to end; an end at or before the start is on the next day (a meeting across midnight). */
export function durationMinutes(startTime: string, endTime: string): number {
  const d = toMinutes(endTime) - toMinutes(startTime);
  return d > 0 ? d : d + 24 * 60;
}

/** Day of week of a local date, 0 = Sunday (calendar arithmetic, no zone involved). */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

// Converting wall-clock time to an instant is the costly step; the same few (zone, date, time) triples recur across
// thousands of meetings, and time-zone rules do not change while the process runs, so results are memoised.
const instantCache = new Map<string, number>();
const INSTANT_CACHE_MAX = 100_000;

/** The instant a wall-clock time happens in a zone (gaps move forward, repeated times take the first). */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const key = `${timeZone}|${date}|${time}`;
  let ms = instantCache.get(key);
  if (ms === undefined) {
    ms = wallToInstant(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5))), timeZone);
    if (instantCache.size >= INSTANT_CACHE_MAX) instantCache.clear();
    instantCache.set(key, ms);
  }
  return new Date(ms);
}

/** Minutes the zone is ahead of UTC at an instant. */
export function offsetAt(ms: number, timeZone: string): number {
  const local = instantToZoned(new Date(ms), timeZone);
  return dayNumber(local.date) * 1440 + local.minutes - Math.floor(ms / MINUTE);
}

/**
 * A wall-clock reading (as milliseconds, read as if it were UTC) to the instant it happens. The offsets a day either
 * side bracket any change of offset; a reading valid under both is a repeated time (take the earlier instant), under
 * neither a skipped one (read it with the offset before the change, which moves it forward by the gap).
 */
function wallToInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const withBefore = wall - before * MINUTE;
  if (before === after) return withBefore;
  const withAfter = wall - after * MINUTE;
  const beforeHolds = offsetAt(withBefore, timeZone) === before;
  const afterHolds = offsetAt(withAfter, timeZone) === after;
  if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
  if (afterHolds) return withAfter;
  return withBefore;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
// Local readings only change once a minute; finder requests read the same few minutes for many meetings.
const zonedCache = new Map<string, ZonedParts>();
const ZONED_CACHE_MAX = 20_000;

/** The local date, weekday and minutes of an instant in a zone. */
export function instantToZoned(instant: Date, timeZone: string): ZonedParts {
  const key = `${timeZone}|${Math.floor(instant.getTime() / MINUTE)}`;
  let parts = zonedCache.get(key);
  if (!parts) {
    parts = readZoned(instant, timeZone);
    if (zonedCache.size >= ZONED_CACHE_MAX) zonedCache.clear();
    zonedCache.set(key, parts);
  }
  return parts;
}

function readZoned(instant: Date, timeZone: string): ZonedParts {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    partsFormatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(instant)) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, weekday: weekdayOf(date), minutes: Number(p.hour) * 60 + Number(p.minute) };
}

function regular(m: MeetingTimes, date: string): { start: Date; end: Date } {
  const start = zonedToInstant(date, m.startTime, m.timeZone);
  const endDate = toMinutes(m.endTime) > toMinutes(m.startTime) ? date : addDays(date, 1);
  const end = zonedToInstant(endDate, m.endTime, m.timeZone);
  // A meeting that spans a clock change keeps a positive length.
  return { start, end: end > start ? end : new Date(start.getTime() + durationMinutes(m.startTime, m.endTime) * MINUTE) };
}

function applyOverride(m: MeetingTimes, date: string, o: OccurrenceOverride | undefined): Occurrence {
  if (o?.status === 'moved' && o.movedDate && o.movedStart && o.movedEnd) {
    const { start, end } = regular({ ...m, startTime: o.movedStart, endTime: o.movedEnd }, o.movedDate);
    return { date, start, end, status: 'moved', topic: o.topic };
  }
  const { start, end } = regular(m, date);
  return { date, start, end, status: o?.status === 'cancelled' ? 'cancelled' : 'scheduled', topic: o?.topic ?? null };
}

type Overrides = ReadonlyMap<string, OccurrenceOverride> | readonly OccurrenceOverride[] | undefined;
const NONE: ReadonlyMap<string, OccurrenceOverride> = new Map();
const asMap = (o: Overrides): ReadonlyMap<string, OccurrenceOverride> =>
  o === undefined ? NONE : Array.isArray(o) ? new Map(o.map((x) => [x.localDate, x])) : (o as ReadonlyMap<string, OccurrenceOverride>);

/** How far a moved occurrence may be from its regular date and still be found (a week either way). */
const MOVE_REACH_DAYS = 7;

/**
 * Every occurrence (cancelled ones included, marked) whose time overlaps [from, to), by start. Regular dates are
 * enumerated in the meeting's zone from a day before `from` (a meeting across midnight) to a day after `to`, plus
 * the reach of a move.
 */
export function occurrencesBetween(m: MeetingTimes, from: Date, to: Date, overrides?: Overrides): Occurrence[] {
  const map = asMap(overrides);
  const out: Occurrence[] = [];
  const consider = (date: string) => {
    const occ = applyOverride(m, date, map.get(date));
    if (occ.end > from && occ.start < to) out.push(occ);
  };
  if (m.onceOn) {
    consider(m.onceOn);
    return out;
  }
  if (m.days.length === 0) return out;
  const reach = map.size > 0 ? MOVE_REACH_DAYS : 0;
  // Day numbers, not date strings, in the loop: the finder runs it for every candidate meeting.
  const first = dayNumber(instantToZoned(from, m.timeZone).date) - 1 - reach;
  const last = dayNumber(instantToZoned(to, m.timeZone).date) + 1 + reach;
  // 1970-01-01 was a Thursday (4).
  for (let n = first; n <= last; n++) if (m.days.includes((((n + 4) % 7) + 7) % 7)) consider(fromDayNumber(n));
  return out.length > 1 ? out.sort((a, b) => a.start.getTime() - b.start.getTime()) : out;
}

/** The first occurrence that is not over at `now` (it may be in progress) and not cancelled; null when none is left. */
export function nextOccurrence(m: MeetingTimes, now: Date, overrides?: Overrides): Occurrence | null {
  if (m.onceOn) {
    const once = applyOverride(m, m.onceOn, asMap(overrides).get(m.onceOn));
    return once.status !== 'cancelled' && once.end > now ? once : null;
  }
  // Two weeks always hold the next weekly occurrence unless several in a row are cancelled; then look further.
  for (let weeks = 2; weeks <= 16; weeks *= 2) {
    const found = occurrencesBetween(m, now, new Date(now.getTime() + weeks * 7 * DAY), overrides).find((o) => o.status !== 'cancelled');
    if (found) return found;
  }
  return null;
}

/** The occurrence on a regular local date, if the meeting has one that day. */
export function occurrenceOn(m: MeetingTimes, date: string, overrides?: Overrides): Occurrence | null {
  if (m.onceOn ? m.onceOn !== date : !m.days.includes(weekdayOf(date))) return null;
  return applyOverride(m, date, asMap(overrides).get(date));
}
