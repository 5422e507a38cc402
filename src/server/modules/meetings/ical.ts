/**
 * Meetings as iCalendar (RFC 5545). Times are written in the meeting's own zone (DTSTART;TZID=…) with a VTIMEZONE
 * for each zone used, so a 19:00 meeting stays at 19:00 across daylight-saving changes in every calendar app.
 * A weekly meeting is one event with a weekly rule; cancelled dates are EXDATEs, and a moved or themed date is an
 * overriding event with the same UID and a RECURRENCE-ID. Pure: rows in, text out.
 */
import ical, { type ICalCalendar, type ICalEvent, ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { addDays } from '../journey/dates.ts';
import { type OccurrenceOverride, weekdayOf } from './recurrence.ts';

export interface IcsMeeting {
  id: string;
  name: string;
  days: number[];
  onceOn: string | null;
  startTime: string;
  endTime: string;
  timeZone: string;
  attendance: string;
  locationName: string;
  formattedAddress: string | null;
  approximateAddress: string;
  /** Null when the reader of this calendar may not see the conference details. */
  conference: { url: string | null; urlNotes: string; phone: string | null; phoneNotes: string } | null;
  notes: string;
  groupName: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface IcsSite {
  publicUrl: string;
  name: string;
}

const WEEKDAYS = [ICalWeekday.SU, ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA];

const vtimezones = new Map<string, string | null>();
/** The VTIMEZONE for a zone, under the zone's own name (the library answers aliases with the canonical one). */
function vtimezone(zone: string): string | null {
  let block = vtimezones.get(zone);
  if (block === undefined) {
    const found = tzlib_get_ical_block(zone);
    block = Array.isArray(found) && found[0] ? found[0].replace(/^TZID:.*$/m, `TZID:${zone}`) : null;
    vtimezones.set(zone, block);
  }
  return block;
}

/** A zone every calendar can resolve: the meeting's, or UTC written as a named zone when the library lacks it. */
const calendarZone = (zone: string) => (zone === 'UTC' || !vtimezone(zone) ? 'Etc/UTC' : zone);

const wallTime = (date: string, time: string, zone: string) =>
  DateTime.fromObject({ year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10), hour: +time.slice(0, 2), minute: +time.slice(3, 5) }, { zone });

/** Start and end in the zone; an end at or before the start is on the next day (a meeting across midnight). */
function span(date: string, startTime: string, endTime: string, zone: string) {
  return { start: wallTime(date, startTime, zone), end: wallTime(endTime > startTime ? date : addDays(date, 1), endTime, zone) };
}

export const meetingUrl = (site: IcsSite, id: string) => `${site.publicUrl}/meetings/${id}`;
const uid = (site: IcsSite, id: string) => `${id}@${new URL(site.publicUrl).host}`;

function where(m: IcsMeeting): string | null {
  if (m.formattedAddress && m.attendance !== 'online') return [m.locationName, m.formattedAddress].filter(Boolean).join(', ');
  return m.conference?.url ?? (m.approximateAddress || null);
}

function describe(m: IcsMeeting, site: IcsSite, topic: string | null): string {
  const c = m.conference;
  return [
    topic,
    m.groupName,
    m.notes,
    c?.url && `Join online: ${c.url}${c.urlNotes ? ` (${c.urlNotes})` : ''}`,
    c?.phone && `Join by phone: ${c.phone}${c.phoneNotes ? ` (${c.phoneNotes})` : ''}`,
    meetingUrl(site, m.id),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function newCalendar(site: IcsSite, name: string): ICalCalendar {
  const cal = ical({ name, prodId: { company: 'Kindred', product: 'meetings', language: 'EN' }, ttl: 3600 });
  // No calendar-wide zone: each event names its own, and the generator adds one VTIMEZONE per zone used.
  cal.timezone({ name: null, generator: vtimezone });
  return cal;
}

function addEvent(cal: ICalCalendar, m: IcsMeeting, site: IcsSite, id: string, when: { start: DateTime; end: DateTime }, topic: string | null): ICalEvent {
  return cal.createEvent({
    id: uid(site, id),
    start: when.start,
    end: when.end,
    timezone: when.start.zoneName,
    stamp: DateTime.fromJSDate(m.updatedAt, { zone: 'utc' }),
    summary: topic ? `${m.name}: ${topic}` : m.name,
    location: where(m),
    description: describe(m, site, topic),
    url: meetingUrl(site, m.id),
  });
}

/**
 * Every given meeting: weekly ones as recurring events from their first regular date on or after the day they were
 * created (a stable start, so the text depends only on the data), one-off ones as single events.
 */
export function meetingsCalendar(meetings: readonly IcsMeeting[], overrides: ReadonlyMap<string, readonly OccurrenceOverride[]>, site: IcsSite, name: string): string {
  const cal = newCalendar(site, name);
  for (const m of meetings) {
    const zone = calendarZone(m.timeZone);
    if (m.onceOn) {
      const o = overrides.get(m.id)?.find((x) => x.localDate === m.onceOn);
      if (o?.status === 'cancelled') continue;
      const moved = o?.status === 'moved' && o.movedDate && o.movedStart && o.movedEnd;
      addEvent(cal, m, site, m.id, moved ? span(o.movedDate!, o.movedStart!, o.movedEnd!, zone) : span(m.onceOn, m.startTime, m.endTime, zone), o?.topic ?? null);
      continue;
    }
    if (m.days.length === 0) continue;
    let first = DateTime.fromJSDate(m.createdAt, { zone }).toISODate()!;
    while (!m.days.includes(weekdayOf(first))) first = addDays(first, 1);
    const exceptions = (overrides.get(m.id) ?? []).filter((o) => o.localDate >= first && m.days.includes(weekdayOf(o.localDate)));
    const series = addEvent(cal, m, site, m.id, span(first, m.startTime, m.endTime, zone), null);
    series.repeating({
      freq: ICalEventRepeatingFreq.WEEKLY,
      byDay: [...m.days].sort((a, b) => a - b).map((d) => WEEKDAYS[d]!),
      ...(exceptions.some((o) => o.status === 'cancelled') ? { exclude: exceptions.filter((o) => o.status === 'cancelled').map((o) => wallTime(o.localDate, m.startTime, zone)) } : {}),
    });
    for (const o of exceptions) {
      if (o.status === 'cancelled' || (o.status === 'scheduled' && !o.topic)) continue;
      const moved = o.status === 'moved' && o.movedDate && o.movedStart && o.movedEnd;
      const event = addEvent(cal, m, site, m.id, moved ? span(o.movedDate!, o.movedStart!, o.movedEnd!, zone) : span(o.localDate, m.startTime, m.endTime, zone), o.topic);
      event.recurrenceId(wallTime(o.localDate, m.startTime, zone));
    }
  }
  return cal.toString();
}

/** One member's RSVPs: each occurrence a single event (cancelled ones marked so), whatever group it belongs to. */
export function rsvpCalendar(entries: readonly { meeting: IcsMeeting; date: string; override: OccurrenceOverride | null }[], site: IcsSite, name: string): string {
  const cal = newCalendar(site, name);
  for (const { meeting: m, date, override: o } of entries) {
    const zone = calendarZone(m.timeZone);
    const moved = o?.status === 'moved' && o.movedDate && o.movedStart && o.movedEnd;
    const event = addEvent(cal, m, site, `${m.id}-${date}`, moved ? span(o.movedDate!, o.movedStart!, o.movedEnd!, zone) : span(date, m.startTime, m.endTime, zone), o?.topic ?? null);
    if (o?.status === 'cancelled') event.status(ICalEventStatus.CANCELLED);
  }
  return cal.toString();
}
