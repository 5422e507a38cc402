import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import sanitizeHtml from 'sanitize-html';
import { CONTROL_CHARS, type Locale } from '../../../contracts/common.ts';
import type { ResourceInput } from '../../../contracts/resources.ts';
import { type MessageKey, messages } from '../../http/messages.ts';
import { type HoursRow, splitHours } from './hours.ts';

/**
 * Turning what a coordinator, a member or an import file sends into what the directory stores: text without HTML,
 * phone numbers in E.164 (or a short code such as 988), http(s) websites only, and opening hours as minutes with a
 * period past midnight split in two. The service, the import and the starter set all go through here.
 */

/** The only entities the sanitizer writes in text; decoded in one pass so "&amp;lt;" stays "&lt;". */
const ENTITY_TEXT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function stripOnce(s: string): string {
  return sanitizeHtml(s, { allowedTags: [], allowedAttributes: {} }).replace(/&(amp|lt|gt|quot|#39);/g, (_, n: string) => ENTITY_TEXT[n] ?? '');
}

/**
 * Text without any HTML (script and style contents go too), whitespace collapsed: runs of spaces become one, and
 * at most one blank line is kept between paragraphs. Repeated until stable so an escaped tag ("&lt;b&gt;") cannot
 * come back as markup once decoded.
 */
export function stripHtml(s: string): string {
  // Control characters first (NUL cannot be stored in PostgreSQL text); tabs and newlines stay for the rules below.
  let text = s.replace(CONTROL_CHARS, '');
  for (let i = 0; i < 3; i++) {
    const next = stripOnce(text);
    if (next === text) break;
    text = next;
  }
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A number people can dial: E.164 when it reads as a valid number in `country` (or carries its own +code), else a
 * short code of 3 to 6 digits (988, 211, 741741) kept as it is.
 */
export function normalizePhone(input: string, country: string): { ok: true; value: string } | { ok: false; message: string } {
  const trimmed = input.trim();
  const parsed = parsePhoneNumberFromString(trimmed, country.toUpperCase() as CountryCode);
  if (parsed?.isValid()) return { ok: true, value: parsed.number };
  const digits = trimmed.replace(/[\s.()-]/g, '');
  if (/^\d{3,6}$/.test(digits)) return { ok: true, value: digits };
  return { ok: false, message: messages.resourcePhoneInvalid.en };
}

/** How a stored number is written for people: national format at home, international abroad, short codes as they are. */
export function displayPhone(tel: string, country: string): string {
  if (!tel.startsWith('+')) return tel;
  const parsed = parsePhoneNumberFromString(tel);
  if (!parsed) return tel;
  return parsed.country === country.toUpperCase() ? parsed.formatNational() : parsed.formatInternational();
}

/** An http or https address without credentials, as `url.href` (host lowercased). A bare "example.org" gets https. */
export function normalizeWebsite(input: string): { ok: true; value: string } | { ok: false; key: MessageKey } {
  const raw = /^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, key: 'resourceWebsiteInvalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, key: 'resourceWebsiteScheme' };
  if (url.username || url.password) return { ok: false, key: 'resourceWebsiteCredentials' };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return { ok: false, key: 'resourceWebsiteInvalid' };
  return { ok: true, value: url.href };
}

/** The `resource` columns this input decides (not status, origin or verification), plus the opening rows. */
export type NormalizedResource = {
  name: string;
  category: string;
  description: string;
  audience: string;
  locale: Locale;
  translations: Partial<Record<Locale, { name: string; description: string }>>;
  phone: string | null;
  textNumber: string | null;
  textKeyword: string | null;
  website: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string | null;
  alwaysOpen: boolean;
  languages: string[];
  costs: string[];
  costNote: string | null;
  eligibility: string | null;
  inPerson: boolean;
  online: boolean;
  crisisScreen: boolean;
  hours: HoursRow[];
};

/** `message` in English (import reports); `key`, when there is one, says it in the request's language. */
export interface InputError {
  field: string;
  message: string;
  key?: MessageKey;
}

const problem = (field: string, key: MessageKey): InputError => ({ field, message: messages[key].en, key });

/**
 * Coordinates to a millionth of a degree (about 10 cm): more is noise, and a difference far below it (1e-300) would
 * underflow the distance's arithmetic in PostgreSQL.
 */
export const microDegrees = (d: number) => Math.round(d * 1e6) / 1e6;

const orNull = (s: string | null) => (s === null ? null : stripHtml(s) || null);

/** Checks and normalises an entry (already parsed by the `resourceInput` schema). Every problem is reported. */
export function normalizeResourceInput(
  input: ResourceInput,
  opts: { phoneCountry: string },
): { ok: true; value: NormalizedResource } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];

  const name = stripHtml(input.name);
  if (name.length < 2) errors.push(problem('name', 'resourceNameRequired'));

  const translations: NormalizedResource['translations'] = {};
  for (const [loc, t] of Object.entries(input.translations) as [Locale, { name: string; description: string }][]) {
    if (loc === input.locale) continue; // the entry's own language is in name and description
    const tName = stripHtml(t.name);
    if (tName.length < 2) errors.push(problem(`translations.${loc}.name`, 'resourceNameRequired'));
    translations[loc] = { name: tName, description: stripHtml(t.description) };
  }

  let phone: string | null = null;
  if (input.phone !== null) {
    const p = normalizePhone(input.phone, opts.phoneCountry);
    if (p.ok) phone = p.value;
    else errors.push(problem('phone', 'resourcePhoneInvalid'));
  }

  let textNumber: string | null = null;
  let textKeyword: string | null = null;
  if (input.textLine) {
    const p = normalizePhone(input.textLine.number, opts.phoneCountry);
    if (p.ok) textNumber = p.value;
    else errors.push(problem('textLine.number', 'resourcePhoneInvalid'));
    textKeyword = orNull(input.textLine.keyword);
  }

  let website: string | null = null;
  if (input.website !== null) {
    const w = normalizeWebsite(input.website);
    if (w.ok) website = w.value;
    else errors.push(problem('website', w.key));
  }

  let hours: HoursRow[] = [];
  if (input.hours) {
    input.hours.periods.forEach((p, i) => {
      if (p.opens === '24:00') errors.push(problem(`hours.periods.${i}.opens`, 'resourceHoursOpensAtMidnight'));
      else if (p.opens === p.closes) errors.push(problem(`hours.periods.${i}.closes`, 'resourceHoursSameTime'));
    });
    if (!input.hours.alwaysOpen && input.hours.periods.length === 0) {
      errors.push(problem('hours.periods', 'resourceHoursEmpty'));
    }
    if (errors.length === 0 && !input.hours.alwaysOpen) hours = splitHours(input.hours.periods);
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      category: input.category,
      description: stripHtml(input.description),
      audience: input.audience,
      locale: input.locale,
      translations,
      phone,
      textNumber,
      textKeyword,
      website,
      address: orNull(input.address),
      latitude: input.location ? microDegrees(input.location.lat) : null,
      longitude: input.location ? microDegrees(input.location.lng) : null,
      timeZone: input.hours?.timeZone ?? null,
      alwaysOpen: input.hours?.alwaysOpen ?? false,
      languages: [...new Set(input.languages)],
      costs: [...new Set(input.costs)],
      costNote: orNull(input.costNote),
      eligibility: orNull(input.eligibility),
      inPerson: input.inPerson,
      online: input.online,
      crisisScreen: input.crisisScreen,
      hours,
    },
  };
}
