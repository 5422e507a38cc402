/**
 * Reading a Meeting Guide feed (domain.md §1) into Kindred meetings. Pure: an unknown JSON value in, meetings that
 * pass the same rules as typed ones (the contracts' meetingBody) out, and every row left out with its reason.
 *
 * Decisions: a row without slug, name, day, time, time zone or a place is skipped, as the Meeting Guide importer
 * does; so is a duplicate slug (the first wins). A conference URL that is not http(s) skips the row rather than
 * being dropped silently: the report has no place for warnings, and an online meeting without its link is useless.
 * Unknown type codes become custom types; HTML in notes is stripped to plain text.
 */
import { ATTENDANCE_OPTIONS, type AttendanceOption, MEETING_TYPES, type MeetingBody, meetingBody, meetingLimits } from '../../../contracts/meetings.ts';
import { isApproximateAddress, READINGS_PREFIX } from './meeting-guide.ts';

/** A normalized feed row, ready to write. `meeting` has passed meetingBody (with a placeholder group). */
export interface ImportRow {
  row: number;
  slug: string;
  groupName: string;
  groupNotes: string;
  meeting: Omit<MeetingBody, 'groupId'> & { slug: string };
}

export interface SkippedRow {
  row: number;
  slug: string | null;
  reason: string;
}

export interface ParsedFeed {
  rows: ImportRow[];
  skipped: SkippedRow[];
}

// meetingBody needs a group id; the real one is found or created when the rows are written.
const PLACEHOLDER_GROUP = '00000000-0000-4000-8000-000000000000';

class Skip extends Error {}
function skip(reason: string): never {
  throw new Skip(reason);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML to plain text: block ends become line breaks, tags go, entities are decoded, blank runs collapse. */
export function stripHtml(value: string): string {
  return value
    .replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-z!][^>]*>/gi, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (!lower.startsWith('#')) return ENTITIES[lower] ?? whole;
      const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    // Markup that was escaped in the source is still markup.
    .replace(/<\/?(?=[a-z!])/gi, (tag) => tag.replace('<', '‹'))
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Lowercase letters, digits and single hyphens, at most 64 characters (the contracts' slug). */
export function toSlug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, meetingLimits.slugMax)
    .replace(/-+$/, '');
}

const text = (v: unknown): string => (typeof v === 'string' ? stripHtml(v) : typeof v === 'number' ? String(v) : '');

function number(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function days(v: unknown): number[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
  if (list.length === 0) skip('No day: meetings by appointment are not imported');
  const out = list.map((d) => {
    const n = number(d);
    if (n === null || !Number.isInteger(n) || n < 0 || n > 6) skip(`Day ${JSON.stringify(d)} is not 0 (Sunday) to 6 (Saturday)`);
    return n!;
  });
  return [...new Set(out)].sort((a, b) => a - b);
}

/** "7:30", "19:30" or "19:30:00" → "19:30"; null when not a time. */
function clock(v: unknown): string | null {
  const m = typeof v === 'string' ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v.trim()) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

function plusHour(time: string): string {
  const minutes = (Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + 60) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function isTimeZone(v: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(v);
  } catch {
    return false;
  }
}

function address(r: Record<string, unknown>): string {
  const formatted = text(r.formatted_address);
  if (formatted) return formatted.replace(/\s*\n\s*/g, ', ');
  const stateZip = [text(r.state), text(r.postal_code)].filter(Boolean).join(' ');
  return [text(r.address), text(r.city), stateZip, text(r.country)].filter(Boolean).join(', ');
}

function conferenceUrl(v: unknown): string | null {
  const raw = typeof v === 'string' ? v.trim() : '';
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.hostname) return raw;
  } catch {
    // falls through to the skip below
  }
  return skip('conference_url is not a web address starting with http:// or https://');
}

function conferencePhone(v: unknown): string | null {
  const raw = text(v).replace(/[\s().-]/g, '');
  if (!raw) return null;
  if (!/^\+?[0-9][0-9,*#+]*$/.test(raw)) skip('conference_phone holds characters other than digits and + , * #');
  return raw;
}

/** The trailing "Readings: …" paragraph Kindred's own feed writes, read back into its field. */
function splitReadings(notes: string): { notes: string; readings: string } {
  const at = notes.lastIndexOf(READINGS_PREFIX);
  const readings = at >= 0 ? notes.slice(at + READINGS_PREFIX.length).trim() : '';
  if (at < 0 || (at > 0 && notes.slice(at - 2, at) !== '\n\n') || readings.includes('\n') || readings.length > 500) return { notes, readings: '' };
  return { notes: notes.slice(0, at).trim(), readings };
}

function deriveAttendance(given: unknown, conference: boolean, place: string, approximate: boolean, closed: boolean): AttendanceOption {
  if (typeof given === 'string' && (ATTENDANCE_OPTIONS as readonly string[]).includes(given)) return given as AttendanceOption;
  if (closed && !conference) return 'inactive';
  if (conference) return place && !approximate ? 'hybrid' : 'online';
  return 'in_person';
}

function normalize(r: Record<string, unknown>, defaultTimeZone: string | undefined): Omit<ImportRow, 'row'> {
  const name = text(r.name);
  if (!name) skip('No name');
  const weekdays = days(r.day);
  const startTime = clock(r.time) ?? skip(r.time === undefined ? 'No time: meetings by appointment are not imported' : 'time is not a 24-hour HH:MM time');
  const endTime = r.end_time === undefined || r.end_time === '' || r.end_time === null ? plusHour(startTime) : (clock(r.end_time) ?? skip('end_time is not a 24-hour HH:MM time'));
  const zone = typeof r.timezone === 'string' && r.timezone.trim() ? r.timezone.trim() : defaultTimeZone;
  if (!zone) skip('No timezone, and this instance has no default time zone');
  if (!isTimeZone(zone!)) skip(`Unknown time zone ${JSON.stringify(zone)}`);

  const url = conferenceUrl(r.conference_url);
  const phone = conferencePhone(r.conference_phone);
  const place = address(r);
  if (!place && !url && !phone) skip('No place: neither an address nor a conference link or phone');
  const approximate = r.approximate === 'yes' || (r.approximate !== 'no' && place !== '' && isApproximateAddress(place));

  const codes = Array.isArray(r.types) ? r.types : typeof r.types === 'string' ? r.types.split(',') : [];
  const known: string[] = [];
  const custom: string[] = [];
  for (const raw of codes) {
    const code = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
    if (!code || code === 'ONL') continue; // online status comes from the conference fields
    if (Object.hasOwn(MEETING_TYPES, code)) known.push(code);
    else if (code.length <= meetingLimits.customTypeMax) custom.push(stripHtml(code));
  }
  const attendance = deriveAttendance(r.attendance_option, url !== null || phone !== null, place, approximate, known.includes('TC'));
  // An inactive meeting says so by its attendance; TC is added back on export.
  const types = [...new Set(attendance === 'inactive' ? known.filter((t) => t !== 'TC') : known)];

  const lat = number(r.latitude);
  const lng = number(r.longitude);
  const hasCoordinates = lat !== null && lng !== null;
  const needsRoom = attendance === 'in_person' || attendance === 'hybrid';
  if (needsRoom && !place) skip('No address for a meeting people attend in person');
  if (needsRoom && !hasCoordinates) skip('No latitude and longitude for the address');
  const room = place && hasCoordinates && attendance !== 'online';
  const { notes, readings } = splitReadings(text(r.notes));
  const region = text(r.region) || (Array.isArray(r.regions) ? r.regions.map(text).filter(Boolean).join(' / ') : '') || text(r.sub_region);

  const body = {
    groupId: PLACEHOLDER_GROUP,
    name,
    slug: '',
    schedule: { kind: 'weekly' as const, days: weekdays },
    startTime,
    endTime,
    timeZone: zone!,
    attendance,
    location: room
      ? { name: text(r.location), formattedAddress: place, latitude: Math.round(lat! * 1e5) / 1e5, longitude: Math.round(lng! * 1e5) / 1e5, notes: text(r.location_notes), region }
      : null,
    approximateAddress: room ? '' : place,
    conference: url !== null || phone !== null ? { url, urlNotes: text(r.conference_url_notes), phone, phoneNotes: text(r.conference_phone_notes) } : null,
    types,
    customTypes: [...new Set(custom)].slice(0, meetingLimits.customTypesMax),
    languages: [],
    notes,
    readings,
  };
  // Group names and descriptions are cut to the contracts' limits here, so a second import finds the same group.
  const groupName = (text(r.group) || name).slice(0, meetingLimits.nameMax).trim();
  return { slug: '', groupName, groupNotes: text(r.group_notes).slice(0, meetingLimits.descriptionMax).trim(), meeting: validate(body) };
}

function validate(body: Record<string, unknown>): ImportRow['meeting'] {
  const { slug: _omit, ...rest } = body;
  const parsed = meetingBody.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    skip(`${issue.path.join('.') || 'meeting'}: ${issue.message}`);
  }
  const { groupId: _group, ...meeting } = parsed.data!;
  return { ...meeting, slug: '' };
}

/** Every row of a feed, normalized and checked, or skipped with a reason a coordinator can act on. */
export function parseMeetingGuideFeed(feed: unknown, opts: { defaultTimeZone?: string } = {}): ParsedFeed {
  if (!Array.isArray(feed)) throw new TypeError('A Meeting Guide feed is a JSON array of meetings');
  const rows: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  feed.forEach((raw, row) => {
    const r = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
    const given = r && (typeof r.slug === 'string' || typeof r.slug === 'number') ? toSlug(String(r.slug)) : '';
    const slug = given || null;
    try {
      if (!r) skip('Not a meeting object');
      if (!slug) skip('No slug');
      const first = seen.get(slug!);
      // People count rows from 1; `row` in the report is the 0-based index for programs.
      if (first !== undefined) skip(`Duplicate slug (first in row ${first + 1})`);
      seen.set(slug!, row);
      const normalized = normalize(r!, opts.defaultTimeZone);
      rows.push({ ...normalized, row, slug: slug!, meeting: { ...normalized.meeting, slug: slug! } });
    } catch (err) {
      if (!(err instanceof Skip)) throw err;
      skipped.push({ row, slug, reason: err.message });
    }
  });
  return { rows, skipped };
}
