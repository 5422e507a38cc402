import type { TFunction } from 'i18next';
import { MEETING_TYPES, type MeetingTypeCode, type Schedule } from '../../../contracts/meetings.ts';
import type { Locale } from '../../../contracts/common.ts';

/**
 * How meetings read in the viewer's language. Instants (an occurrence's start and end) are shown in the viewer's own
 * zone; a meeting's weekly pattern is its wall-clock time in its own zone, always labelled with that zone.
 */

/** The types most people filter by; the rest sit behind "more types". */
export const COMMON_TYPES: MeetingTypeCode[] = ['O', 'C', 'BE', 'D', 'SP', 'ST', 'B', 'MED', 'W', 'M', 'LGBTQ', 'Y', 'X', 'A'];

export const typeName = (code: string, t: TFunction) => t(`meetings.types.${code}`, { defaultValue: MEETING_TYPES[code as MeetingTypeCode] ?? code });

/** The week as the reader's calendar shows it: Sunday first in English (US), Monday first in Spanish. */
export const weekOrder = (locale: Locale): number[] => (locale === 'es' ? [1, 2, 3, 4, 5, 6, 0] : [0, 1, 2, 3, 4, 5, 6]);

/** "Monday" / "Lunes", capitalised for use as a label on its own. 2023-01-01 was a Sunday. */
export function weekdayName(day: number, locale: Locale): string {
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day, 12)));
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export const zoneLabel = (zone: string) => zone.replaceAll('_', ' ');

function safeFormat(options: Intl.DateTimeFormatOptions, locale: Locale, fallback: () => string, fn: (f: Intl.DateTimeFormat) => string): string {
  try {
    return fn(new Intl.DateTimeFormat(locale, options));
  } catch {
    return fallback();
  }
}

/** "Monday, June 2, 7:00 – 8:00 PM" in `zone`; across midnight "Saturday, June 7 at 11:30 PM – 12:30 AM". */
export function occurrenceWhen(o: { start: string; end: string }, locale: Locale, zone: string): string {
  const [start, end] = [new Date(o.start), new Date(o.end)];
  return safeFormat({ weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone }, locale, () => start.toLocaleString(locale), (f) =>
    dayIn(o.start, zone) === dayIn(o.end, zone) ? f.formatRange(start, end) : `${f.format(start)} – ${timeIn(o.end, locale, zone)}`,
  );
}

/** "7:00 PM" in `zone`. */
export const timeIn = (iso: string, locale: Locale, zone: string) =>
  safeFormat({ hour: 'numeric', minute: '2-digit', timeZone: zone }, locale, () => iso.slice(11, 16), (f) => f.format(new Date(iso)));

/** A wall-clock "19:00" in the reader's style ("7:00 PM" or "19:00"), with no zone arithmetic. */
export function wallTime(hhmm: string, locale: Locale): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return safeFormat({ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }, locale, () => hhmm, (f) => f.format(new Date(Date.UTC(2000, 0, 1, h, m))));
}

/** "Mondays and Thursdays, 7:00 PM – 8:00 PM (America/Chicago)", or "Once, on Saturday, June 14, 2025, …". */
export function schedulePattern(m: { schedule: Schedule; startTime: string; endTime: string; timeZone: string }, locale: Locale, t: TFunction): string {
  const times = t('meetings.time.range', { start: wallTime(m.startTime, locale), end: wallTime(m.endTime, locale) });
  const zone = zoneLabel(m.timeZone);
  if (m.schedule.kind === 'once') {
    const day = m.schedule.date;
    const date = safeFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }, locale, () => day, (f) => f.format(new Date(`${day}T12:00:00Z`)));
    return t('meetings.time.once', { date, times, zone });
  }
  const order = weekOrder(locale);
  const days = [...m.schedule.days].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((d) => t(`meetings.days.plural.${d}`));
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(days);
  const capitalised = list.charAt(0).toLocaleUpperCase(locale) + list.slice(1);
  return t('meetings.time.weekly', { days: capitalised, times, zone });
}

/** Whole minutes from `now` until `iso` (negative once it has passed). */
export const minutesUntil = (iso: string, now: string | number = Date.now()) => Math.round((new Date(iso).getTime() - new Date(now).getTime()) / 60_000);

/** "Starts in 35 min" / "Starts in 1 h 20 min". */
export function startsIn(minutes: number, t: TFunction): string {
  if (minutes < 60) return t('meetings.badges.startsInMinutes', { count: Math.max(1, minutes) });
  return t('meetings.badges.startsInHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

export const formatKm = (km: number, locale: Locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);

/** Language codes named in the reader's language ("Spanish", "español"). */
export function languageName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return code;
  }
}

const dayIn = (iso: string, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** The start as the meeting's own zone tells it: "8:00 PM", or "Tue 8:00 PM" when that is another day than the viewer's. */
export function meetingLocalStart(iso: string, locale: Locale, zone: string, viewerZone: string): string {
  try {
    const otherDay = dayIn(iso, zone) !== dayIn(iso, viewerZone);
    return new Intl.DateTimeFormat(locale, { ...(otherDay ? { weekday: 'short' } : {}), hour: 'numeric', minute: '2-digit', timeZone: zone }).format(new Date(iso));
  } catch {
    return timeIn(iso, locale, zone);
  }
}
