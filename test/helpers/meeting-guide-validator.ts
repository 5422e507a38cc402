/**
 * Checks a feed against the Meeting Guide format as domain.md §1 states it, independently of the code that writes
 * Kindred's feed. Returns one line per violated rule, each starting with the rule's name in brackets
 * (`#3 men-s-stag: [time] …`), so tests can say which rule failed. An empty list means a valid feed.
 */
import { IN_PERSON_ONLY_TYPES, MEETING_TYPES } from '../../src/contracts/meetings.ts';

/** Every key the format defines (domain.md §1), plus `attendance_option` as the 12 Step Meeting List plugin writes it. */
const KNOWN_KEYS = new Set([
  'name', 'slug',
  'day', 'time', 'end_time', 'timezone',
  'formatted_address', 'address', 'city', 'state', 'postal_code', 'country', 'latitude', 'longitude', 'approximate',
  'region', 'sub_region', 'regions',
  'conference_url', 'conference_url_notes', 'conference_phone', 'conference_phone_notes',
  'types', 'notes', 'location', 'location_notes',
  'updated', 'group', 'group_notes', 'venmo', 'square', 'paypal', 'url', 'edit_url', 'feedback_emails', 'feedback_url',
  'entity', 'entity_email', 'entity_location', 'entity_logo', 'entity_phone', 'entity_url',
  'attendance_option',
]);

const STRING_KEYS = [
  'name', 'time', 'end_time', 'timezone', 'formatted_address', 'address', 'city', 'state', 'postal_code', 'country', 'approximate',
  'region', 'sub_region', 'conference_url', 'conference_url_notes', 'conference_phone', 'conference_phone_notes', 'notes', 'location',
  'location_notes', 'updated', 'group', 'group_notes', 'venmo', 'square', 'paypal', 'url', 'edit_url', 'feedback_url', 'entity',
  'entity_email', 'entity_location', 'entity_logo', 'entity_phone', 'entity_url', 'attendance_option',
];

/** Free text that readers show as plain text. */
const TEXT_KEYS = ['name', 'notes', 'location', 'location_notes', 'group', 'group_notes', 'conference_url_notes', 'conference_phone_notes', 'region'];

/** Conference providers the readers accept links from (domain.md §1, after the 12 Step Meeting List plugin's list). */
export const KNOWN_CONFERENCE_HOSTS = [
  'zoom.us', 'zoom.com', 'meet.google.com', 'teams.microsoft.com', 'teams.live.com', 'webex.com', 'meet.jit.si', 'discord.gg', 'discord.com',
  'signal.group', 'gotomeeting.com', 'meet.goto.com', 'skype.com', 'join.skype.com', 'freeconferencecall.com', 'whatsapp.com', 'chat.whatsapp.com',
  'bluejeans.com', 'ringcentral.com', 'meetings.ringcentral.com', 'telegram.me', 't.me',
];

const ATTENDANCE = new Set(['in_person', 'hybrid', 'online', 'inactive']);
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HTML_TAG = /<\/?[a-z!][^>]*>/i;
const URL_SAFE_SLUG = /^[A-Za-z0-9_-]+$/;

const isWeekday = (d: unknown) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6;
const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

function isTimeZone(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(v)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

function httpUrl(v: string): URL | null {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

const knownProvider = (host: string) => KNOWN_CONFERENCE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));

export function validateMeetingGuideFeed(feed: unknown): string[] {
  if (!Array.isArray(feed)) return ['[array] the feed is not a JSON array'];
  const problems: string[] = [];
  const slugs = new Map<string, number>();
  const expanded = new Map<string, number>();

  feed.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`#${i}: [object] not a meeting object`);
      return;
    }
    const e = raw as Record<string, unknown>;
    const say = (rule: string, message: string) => problems.push(`#${i} ${String(e.slug ?? '')}: [${rule}] ${message}`);

    for (const key of Object.keys(e)) if (!KNOWN_KEYS.has(key)) say('keys', `unknown key ${key}`);
    for (const key of STRING_KEYS) if (e[key] !== undefined && typeof e[key] !== 'string') say('string', `${key} is not a string`);

    // Required.
    if (typeof e.name !== 'string' || e.name.trim() === '') say('name', 'name is required');
    else if (e.name.length > 255) say('name', 'name is longer than 255 characters');
    if (typeof e.slug !== 'string' && !Number.isInteger(e.slug)) say('slug', 'slug is required (a string or an integer)');
    else {
      const slug = String(e.slug);
      if (!URL_SAFE_SLUG.test(slug)) say('slug', `slug ${JSON.stringify(slug)} is not URL-safe`);
      if (slug.length > 64) say('slug', 'slug is longer than 64 characters');
      if (slugs.has(slug)) say('slug-unique', `slug also used by #${slugs.get(slug)}`);
      if (expanded.has(slug)) say('slug-unique', `slug is what #${expanded.get(slug)} expands to for one of its days`);
      slugs.set(slug, i);
    }

    // Time.
    const days = Array.isArray(e.day) ? e.day : e.day === undefined ? [] : [e.day];
    if (e.day !== undefined) {
      if (days.length === 0 || !days.every(isWeekday)) say('day', 'day is not 0-6 or an array of them');
      else if (new Set(days).size !== days.length) say('day', 'day repeats a day');
      if (e.time === undefined) say('time', 'a meeting with a day needs a time');
    }
    if (Array.isArray(e.day) && e.slug !== undefined) {
      for (const d of days) {
        const slug = `${String(e.slug)}-${String(d)}`;
        if (slugs.has(slug) || (expanded.has(slug) && expanded.get(slug) !== i)) say('slug-unique', `expanded slug ${slug} collides with another meeting`);
        expanded.set(slug, i);
      }
    }
    for (const key of ['time', 'end_time'] as const) if (typeof e[key] === 'string' && !HHMM.test(e[key])) say('time', `${key} is not HH:MM (24-hour)`);
    if (typeof e.timezone === 'string' && !isTimeZone(e.timezone)) say('timezone', `timezone ${e.timezone} is not an IANA time zone`);

    // Place.
    const hasLat = e.latitude !== undefined;
    const hasLng = e.longitude !== undefined;
    if (hasLat !== hasLng) say('coordinates', 'latitude and longitude come together');
    for (const [key, max] of [['latitude', 90], ['longitude', 180]] as const) {
      const v = e[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) say('coordinates', `${key} is not a number`);
      else if (Math.abs(v) > max) say('coordinates', `${key} is out of range`);
      else if (decimals(v) > 5) say('coordinates', `${key} has more than 5 decimals`);
    }
    if (e.approximate !== undefined && e.approximate !== 'yes' && e.approximate !== 'no') say('approximate', 'approximate is not "yes" or "no"');
    if (typeof e.formatted_address === 'string' && e.formatted_address.split(',').filter((p) => p.trim()).length < 4 && e.approximate !== 'yes')
      say('approximate', 'an address of fewer than 4 parts must be marked approximate');
    if (e.regions !== undefined && (!Array.isArray(e.regions) || !e.regions.every((r) => typeof r === 'string'))) say('regions', 'regions is not an array of strings');

    // Online.
    if (typeof e.conference_phone === 'string' && !/^[0-9+,*#]+$/.test(e.conference_phone)) say('conference_phone', 'conference_phone holds characters other than digits and + , * #');
    if (typeof e.conference_url === 'string') {
      const u = httpUrl(e.conference_url);
      if (!u) say('conference_url', 'conference_url is not an http(s) address');
      else if (!knownProvider(u.hostname)) say('conference_provider', `conference_url host ${u.hostname} is not a known provider`);
    }
    const hasAddress = typeof e.formatted_address === 'string' || typeof e.address === 'string' || typeof e.city === 'string';
    const hasConference = typeof e.conference_url === 'string' || typeof e.conference_phone === 'string';
    if (!hasAddress && !hasConference) say('place', 'no address and no conference link or phone');
    if (e.attendance_option !== undefined && !ATTENDANCE.has(e.attendance_option as string)) say('attendance_option', 'attendance_option is not in_person, hybrid, online or inactive');
    if (e.attendance_option === 'online') {
      if (!hasConference) say('online', 'an online meeting needs a conference_url or conference_phone');
      if (typeof e.formatted_address !== 'string' || e.approximate !== 'yes') say('online', 'an online meeting needs an approximate address');
    }

    // Types.
    if (e.types !== undefined) {
      if (!Array.isArray(e.types)) say('types', 'types is not an array');
      else {
        const inPerson = e.attendance_option === undefined || e.attendance_option === 'in_person' || e.attendance_option === 'hybrid';
        for (const t of e.types) {
          if (t === 'ONL') say('types', 'ONL is no longer a type: online status comes from the conference fields');
          else if (typeof t !== 'string' || !Object.hasOwn(MEETING_TYPES, t)) say('types', `unknown type ${JSON.stringify(t)}`);
          else if (!inPerson && IN_PERSON_ONLY_TYPES.has(t)) say('types-in-person', `type ${t} only applies to meetings in person`);
        }
        if (new Set(e.types).size !== e.types.length) say('types', 'types repeats a code');
      }
    }

    // Text and optional fields.
    for (const key of TEXT_KEYS) if (typeof e[key] === 'string' && HTML_TAG.test(e[key])) say('plain-text', `${key} holds HTML`);
    if (e.updated !== undefined && (typeof e.updated !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(e.updated) || Number.isNaN(Date.parse(`${e.updated.replace(' ', 'T')}Z`))))
      say('updated', 'updated is not "YYYY-MM-DD HH:MM:SS"');
    if (typeof e.venmo === 'string' && !e.venmo.startsWith('@')) say('venmo', 'venmo does not start with @');
    if (typeof e.square === 'string' && !e.square.startsWith('$')) say('square', 'square does not start with $');
    for (const key of ['url', 'edit_url', 'feedback_url', 'entity_url'] as const) if (typeof e[key] === 'string' && !httpUrl(e[key])) say('links', `${key} is not an http(s) address`);
    if (e.feedback_emails !== undefined && (!Array.isArray(e.feedback_emails) || !e.feedback_emails.every((m) => typeof m === 'string' && m.includes('@'))))
      say('feedback_emails', 'feedback_emails is not an array of addresses');
  });
  return problems;
}
