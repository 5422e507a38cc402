import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { crisisResource } from '../../../contracts/journey.ts';
import type { Queryable } from '../../db/client.ts';
import { displayPhone, normalizePhone } from './entries-input.ts';
import { resourceSettingsFor } from './settings.ts';

type CrisisResource = z.infer<typeof crisisResource>;
/** A directory line in the crisis screen's shape, with where it came from and its numbers as stored (E.164 or short). */
export type CrisisLine = CrisisResource & { origin: string; numbers: string[] };

/**
 * The directory's crisis lines for the crisis screen and SOS: published `crisis_lines` entries a coordinator put on
 * the crisis screen, offered in the reader's language (or with no language listed), in the crisis screen's shape.
 * Public entries only: the crisis lines are also listed to people who are not signed in.
 */
export async function crisisLinesFromDirectory(db: Queryable, locale: Locale, phoneCountry?: string): Promise<CrisisLine[]> {
  const country = phoneCountry ?? (await resourceSettingsFor(db)).phoneCountry;
  const { rows } = await db.execute<{
    id: string;
    name: string;
    description: string;
    locale: Locale;
    translations: Partial<Record<Locale, { name: string; description: string }>>;
    phone: string | null;
    textNumber: string | null;
    textKeyword: string | null;
    website: string | null;
    origin: string;
  }>(sql`
    select id, name, description, locale, translations, phone, text_number as "textNumber", text_keyword as "textKeyword", website, origin
    from resource
    where status = 'published' and audience = 'public' and category = 'crisis_lines' and crisis_screen
      and (cardinality(languages) = 0 or ${locale}::text = any(languages))
    order by name, id`);
  return rows.map((r) => {
    const t = r.locale !== locale ? r.translations[locale] : undefined;
    return {
      id: `resource:${r.id}`,
      name: t?.name ?? r.name,
      description: t?.description || r.description,
      phone: r.phone ? displayPhone(r.phone, country) : null,
      sms: r.textNumber ? { number: displayPhone(r.textNumber, country), body: r.textKeyword } : null,
      url: r.website,
      emergency: false,
      origin: r.origin,
      numbers: [r.phone, r.textNumber].filter((n): n is string => n !== null),
    };
  });
}

/** A number as the directory stores it (E.164 or a short code), digits only, to compare lines written differently. */
function dialled(n: string | null | undefined, country: string): string {
  if (!n) return '';
  const p = normalizePhone(n, country);
  return (p.ok ? p.value : n).replace(/\D/g, '');
}

/**
 * The crisis screen's lines followed by the directory's, leaving out any whose phone or text number is already
 * listed ("1-800-662-4357" is +18006624357). Where an instance configured its own lines for the language it chose
 * them over Kindred's defaults, so the starter set's lines (the defaults again) are not added back.
 */
export function appendDirectoryLines(listed: CrisisResource[], lines: CrisisLine[], o: { configured: boolean; phoneCountry: string }): CrisisResource[] {
  const known = new Set(listed.flatMap((r) => [dialled(r.phone, o.phoneCountry), dialled(r.sms?.number, o.phoneCountry)]).filter(Boolean));
  const added: CrisisResource[] = [];
  for (const { origin, numbers, ...line } of lines) {
    if (o.configured && origin === 'starter') continue;
    const mine = numbers.map((n) => n.replace(/\D/g, ''));
    if (mine.some((n) => known.has(n))) continue;
    mine.forEach((n) => known.add(n));
    added.push(line);
  }
  return [...listed, ...added];
}

/** The crisis screen's lines with the directory's appended (the safety module's one call into the directory). */
export async function withDirectoryLines(db: Queryable, locale: Locale, listed: CrisisResource[], configured: boolean): Promise<CrisisResource[]> {
  const { phoneCountry } = await resourceSettingsFor(db);
  return appendDirectoryLines(listed, await crisisLinesFromDirectory(db, locale, phoneCountry), { configured, phoneCountry });
}
