import { z } from 'zod';

export const LOCALES = ['en', 'es'] as const;
export const locale = z.enum(LOCALES);
export type Locale = z.infer<typeof locale>;

export const ROLES = ['member', 'peer_supporter', 'facilitator', 'professional', 'moderator', 'coordinator'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

export const limits = {
  passwordMin: 10,
  passwordMax: 128,
  displayNameMax: 40,
  emailMax: 254,
  inviteDaysMax: 90,
} as const;

// Building a formatter to test a zone costs more than the rest of a request's validation; zones that passed are kept.
const knownZones = new Set<string>();

export function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    if (value.length > 64) return false;
    if (knownZones.size < 1000) knownZones.add(value);
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().max(64).refine(isTimeZone, { message: 'Unknown time zone' });

export const email = z
  .string()
  .trim()
  .max(limits.emailMax)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .transform((v) => v.toLowerCase());

export const password = z
  .string()
  .min(limits.passwordMin, { message: `Use at least ${limits.passwordMin} characters` })
  .max(limits.passwordMax, { message: `Use at most ${limits.passwordMax} characters` });

/** A first name or nickname: letters, digits, spaces and . _ ' - (no last names are asked for or shown). */
export const displayName = z
  .string()
  .trim()
  .min(1, { message: 'Choose a display name' })
  .max(limits.displayNameMax, { message: `Use at most ${limits.displayNameMax} characters` })
  .regex(/^[\p{L}\p{M}\p{N} ._'-]+$/u, { message: 'Use letters, numbers, spaces and . _ \' - only' });

/** Control characters (NUL among them, which PostgreSQL text cannot hold); tabs and newlines are not among them. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Free text from a person: control characters dropped, trimmed, at most `max` characters. */
export const cleanText = (max: number) =>
  z
    .string()
    .overwrite((v) => v.replace(CONTROL_CHARS, ''))
    .trim()
    .max(max);

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });
export const isoDateTime = z.iso.datetime({ offset: true });
