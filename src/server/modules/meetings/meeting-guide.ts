/**
 * The public meeting list in the Meeting Guide format (domain.md §1), the flat JSON array that the Meeting Guide
 * app, TSML UI and the 12 Step Meeting List plugin read. Pure: rows in, entries out.
 *
 * Only weekly meetings are in the format; one-off meetings are left out. A group that keeps its conference details
 * for members publishes none: its online meetings are left out (nobody outside could join) and its hybrid
 * meetings are listed as in person.
 */
import { type AttendanceOption, IN_PERSON_ONLY_TYPES, MEETING_TYPES } from '../../../contracts/meetings.ts';

/** A meeting with the group facts the feed needs (feeds-repo.ts reads these in one query). */
export interface FeedMeetingRow {
  id: string;
  slug: string;
  name: string;
  days: number[];
  onceOn: string | null;
  startTime: string;
  endTime: string;
  timeZone: string;
  attendance: string;
  locationName: string;
  formattedAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  locationNotes: string;
  region: string;
  approximateAddress: string;
  conferenceUrl: string | null;
  conferenceUrlNotes: string;
  conferencePhone: string | null;
  conferencePhoneNotes: string;
  types: string[];
  notes: string;
  readings: string;
  updatedAt: Date;
  groupName: string;
  groupDescription: string;
  conferenceVisibility: string;
}

export interface FeedSite {
  publicUrl: string;
  /** The instance's name, as `entity`. */
  entity: string;
}

export interface MeetingGuideEntry {
  name: string;
  slug: string;
  day: number | number[];
  time: string;
  end_time: string;
  timezone: string;
  formatted_address?: string;
  approximate?: 'yes' | 'no';
  latitude?: number;
  longitude?: number;
  location?: string;
  location_notes?: string;
  region?: string;
  conference_url?: string;
  conference_url_notes?: string;
  conference_phone?: string;
  conference_phone_notes?: string;
  types: string[];
  notes?: string;
  attendance_option: AttendanceOption;
  group: string;
  group_notes?: string;
  updated: string;
  url: string;
  entity: string;
  entity_url: string;
}

/** The paragraph `readings` become at the end of `notes`; the importer reads it back (meeting-guide-import.ts). */
export const READINGS_PREFIX = 'Readings: ';

const IN_PERSON: ReadonlySet<string> = new Set(['in_person', 'hybrid']);

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** "YYYY-MM-DD HH:MM:SS" in UTC. */
export const formatUpdated = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** Readers treat an address with fewer than four comma-separated parts as approximate (domain.md §1). */
export const isApproximateAddress = (address: string) => address.split(',').filter((p) => p.trim()).length < 4;

/** A city-level place implied by the zone ("America/Chicago" → "Chicago"), for an online meeting that gave none. */
export function zoneCity(timeZone: string): string {
  const parts = timeZone.split('/');
  if (parts.length < 2 || parts[0] === 'Etc') return '';
  return parts[parts.length - 1]!.replaceAll('_', ' ');
}

/** An optional field: absent (undefined, which JSON leaves out) when empty. */
const opt = (v: string | null) => (v ? v : undefined);

/** One meeting as a feed entry; null for what the feed does not carry (one-off meetings, unjoinable online ones). */
export function toMeetingGuideEntry(m: FeedMeetingRow, site: FeedSite): MeetingGuideEntry | null {
  if (m.onceOn !== null || m.days.length === 0) return null;
  const conferenceShown = m.conferenceVisibility === 'public' && (m.conferenceUrl !== null || m.conferencePhone !== null);
  let attendance = m.attendance as AttendanceOption;
  if (!conferenceShown) {
    if (attendance === 'online') return null;
    if (attendance === 'hybrid') attendance = 'in_person';
  }
  const inPerson = IN_PERSON.has(attendance);
  const types = m.types.filter((t) => Object.hasOwn(MEETING_TYPES, t) && t !== 'TC' && (inPerson || !IN_PERSON_ONLY_TYPES.has(t)));
  if (attendance === 'inactive') types.push('TC');
  const days = m.days.length === 1 ? m.days[0]! : [...m.days].sort((a, b) => a - b);
  // Online meetings carry a city-level address that implies their zone, never a street.
  const room = m.formattedAddress !== null && m.formattedAddress !== '' && attendance !== 'online';
  const address = room ? m.formattedAddress! : m.approximateAddress || zoneCity(m.timeZone);
  const located = room && m.latitude !== null && m.longitude !== null;
  const conference = conferenceShown && attendance !== 'inactive';

  // Every entry has the same keys in the same order (absent ones undefined): one object shape keeps
  // JSON.stringify on its fast path for a feed of thousands.
  return {
    name: m.name,
    slug: m.slug,
    day: days,
    time: m.startTime,
    end_time: m.endTime,
    timezone: m.timeZone,
    formatted_address: opt(address),
    approximate: address ? (room && !isApproximateAddress(address) ? 'no' : 'yes') : undefined,
    latitude: located ? round5(m.latitude!) : undefined,
    longitude: located ? round5(m.longitude!) : undefined,
    location: room ? opt(m.locationName) : undefined,
    location_notes: room ? opt(m.locationNotes) : undefined,
    region: room ? opt(m.region) : undefined,
    conference_url: conference ? opt(m.conferenceUrl) : undefined,
    conference_url_notes: conference ? opt(m.conferenceUrlNotes) : undefined,
    conference_phone: conference ? opt(m.conferencePhone) : undefined,
    conference_phone_notes: conference ? opt(m.conferencePhoneNotes) : undefined,
    types,
    notes: opt(m.readings ? (m.notes ? `${m.notes}\n\n${READINGS_PREFIX}${m.readings}` : `${READINGS_PREFIX}${m.readings}`) : m.notes),
    attendance_option: attendance,
    group: m.groupName,
    group_notes: opt(m.groupDescription),
    updated: formatUpdated(m.updatedAt),
    url: `${site.publicUrl}/meetings/${m.id}`,
    entity: site.entity,
    entity_url: site.publicUrl,
  };
}

/** The whole feed as JSON text, in the rows' order. */
export function buildMeetingGuideFeed(rows: readonly FeedMeetingRow[], site: FeedSite): string {
  const entries: MeetingGuideEntry[] = [];
  for (const row of rows) {
    const entry = toMeetingGuideEntry(row, site);
    if (entry) entries.push(entry);
  }
  return JSON.stringify(entries);
}
