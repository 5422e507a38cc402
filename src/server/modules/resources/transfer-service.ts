import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { ResourceCategory, resourceImportBody, resourceImportReport, resourceSheetQuery } from '../../../contracts/resources.ts';
import { type Actor, authorize } from '../../access.ts';
import { validationFailed } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { toCsv } from '../journey/export.ts';
import { displayPhone } from './entries-input.ts';
import { type EntryRow, entriesRepo } from './entries-repo.ts';
import { joinHours } from './hours.ts';
import { resourcesPolicy } from './policy.ts';
import { resourceSettingsFor } from './settings.ts';
import { renderResourceSheet, type SheetEntry } from './sheet-pdf.ts';
import { CSV_COLUMNS, formatCompactHours, ImportFileError, parseImport, type RejectedRow } from './transfer-parse.ts';
import { OWN_ID_PREFIX, transferRepo } from './transfer-repo.ts';

export type ImportReport = z.infer<typeof resourceImportReport>;

/** A sheet prints at most this many entries (a few pages); the rest are named by count. */
export const SHEET_MAX_ENTRIES = 300;

/** Hours as a file writes them: null when not known (no zone, or no periods and not always open). */
function hoursOf(r: EntryRow) {
  if (!r.alwaysOpen && (!r.timeZone || r.hours.length === 0)) return null;
  return { timeZone: r.timeZone ?? 'UTC', alwaysOpen: r.alwaysOpen, periods: r.alwaysOpen ? [] : joinHours(r.hours) };
}

/** An entry as the JSON export writes it: what `resourceInput` reads, plus its external id and status. */
export function fileEntry(r: EntryRow) {
  return {
    externalId: r.externalId ?? `${OWN_ID_PREFIX}${r.id}`,
    status: r.status,
    name: r.name,
    category: r.category,
    description: r.description,
    audience: r.audience,
    locale: r.locale,
    translations: r.translations,
    phone: r.phone,
    textLine: r.textNumber ? { number: r.textNumber, keyword: r.textKeyword } : null,
    website: r.website,
    address: r.address,
    location: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lng: r.longitude } : null,
    hours: hoursOf(r),
    languages: r.languages,
    costs: r.costs,
    costNote: r.costNote,
    eligibility: r.eligibility,
    inPerson: r.inPerson,
    online: r.online,
    crisisScreen: r.crisisScreen,
  };
}

/** The same entry as a CSV row, in CSV_COLUMNS order. */
function csvRow(r: EntryRow): (string | null)[] {
  const e = fileEntry(r);
  const bool = (b: boolean) => (b ? 'true' : 'false');
  const cells: Record<(typeof CSV_COLUMNS)[number], string | null> = {
    externalId: e.externalId,
    name: e.name,
    category: e.category,
    description: e.description,
    audience: e.audience,
    locale: e.locale,
    name_es: e.translations.es?.name ?? null,
    description_es: e.translations.es?.description ?? null,
    name_en: e.translations.en?.name ?? null,
    description_en: e.translations.en?.description ?? null,
    phone: e.phone,
    text_number: e.textLine?.number ?? null,
    text_keyword: e.textLine?.keyword ?? null,
    website: e.website,
    address: e.address,
    lat: e.location ? String(e.location.lat) : null,
    lng: e.location ? String(e.location.lng) : null,
    time_zone: e.hours?.timeZone ?? null,
    always_open: bool(e.hours?.alwaysOpen ?? false),
    hours: e.hours ? formatCompactHours(e.hours) : null,
    languages: e.languages.join('|'),
    costs: e.costs.join('|'),
    cost_note: e.costNote,
    eligibility: e.eligibility,
    in_person: bool(e.inPerson),
    online: bool(e.online),
    crisis_screen: bool(e.crisisScreen),
    status: e.status,
  };
  return CSV_COLUMNS.map((c) => cells[c]);
}

/** An entry in the reader's language, its numbers as people dial them in the instance's country. */
function sheetEntry(r: EntryRow, locale: Locale, phoneCountry: string): SheetEntry {
  const translated = r.locale === locale ? null : r.translations[locale];
  return {
    name: translated?.name ?? r.name,
    category: r.category as ResourceCategory,
    description: translated?.description || r.description,
    phone: r.phone ? displayPhone(r.phone, phoneCountry) : null,
    textLine: r.textNumber ? { number: displayPhone(r.textNumber, phoneCountry), keyword: r.textKeyword } : null,
    website: r.website,
    address: r.address,
    hours: hoursOf(r),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

export function createTransferService(ctx: ServiceContext) {
  const { db } = ctx;
  return {
    /**
     * A coordinator's import: every row checked, the valid ones written in one transaction (a known external id
     * updates its entry, others are created as `import`), the rest reported. A dry run only reports.
     */
    async importFile(actor: Actor | null, body: z.output<typeof resourceImportBody>): Promise<ImportReport> {
      const a = authorize(actor, resourcesPolicy.manage, undefined);
      const { phoneCountry } = await resourceSettingsFor(db);
      let parsed;
      try {
        parsed = parseImport(body.format, body.content, { phoneCountry });
      } catch (err) {
        if (err instanceof ImportFileError) throw validationFailed({ content: err.message });
        throw err;
      }
      const rejected: RejectedRow[] = [...parsed.rejected];
      const counts = { created: 0, updated: 0 };
      await db.transaction(async (tx) => {
        // One import at a time: two at once could both create the same external id.
        if (!body.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kindred.resources.import'))`);
        const known = await transferRepo.matches(tx, parsed.candidates.flatMap((c) => (c.externalId ? [c.externalId] : [])));
        for (const c of parsed.candidates) {
          const hit = c.externalId ? known.get(c.externalId) : undefined;
          if (hit && hit.status !== 'published' && hit.status !== 'archived') {
            rejected.push({ row: c.row, name: c.value.name, errors: [{ field: 'externalId', message: 'A suggestion waiting for review has this external id' }] });
            continue;
          }
          if (hit) counts.updated++;
          else counts.created++;
          if (body.dryRun) continue;
          if (hit) {
            await entriesRepo.replace(tx, hit.id, c.value);
            if (c.status && c.status !== hit.status) await transferRepo.setStatus(tx, hit.id, c.status);
          } else {
            await entriesRepo.insert(tx, c.value, { status: c.status ?? 'published', origin: 'import', externalId: c.externalId });
          }
        }
        if (!body.dryRun) {
          await auditRepo.record(tx, { actorId: a.userId, action: 'resources.imported', details: { format: body.format, rows: parsed.rows, ...counts, rejected: rejected.length } });
        }
      });
      return { rows: parsed.rows, ...counts, rejected: rejected.sort((x, y) => x.row - y.row), dryRun: body.dryRun };
    },

    /** Every published and archived entry as a file that imports back into the same entries. */
    async exportFile(actor: Actor | null, format: 'csv' | 'json'): Promise<{ filename: string; type: string; body: string }> {
      const a = authorize(actor, resourcesPolicy.manage, undefined);
      const rows = await transferRepo.exportRows(db);
      await auditRepo.record(db, { actorId: a.userId, action: 'resources.exported', details: { format, entries: rows.length } });
      const filename = `kindred-resources-${today()}.${format}`;
      if (format === 'csv') return { filename, type: 'text/csv; charset=utf-8', body: toCsv([...CSV_COLUMNS], rows.map(csvRow)) };
      return { filename, type: 'application/json; charset=utf-8', body: `${JSON.stringify({ resources: rows.map(fileEntry) }, null, 2)}\n` };
    },

    /** The printable sheet: public entries for anyone, members-only ones too for a signed-in reader. */
    async sheet(actor: Actor | null, query: z.output<typeof resourceSheetQuery>): Promise<{ filename: string; body: Buffer }> {
      const { rows, total } = await transferRepo.sheetRows(db, { signedIn: actor !== null, category: query.category, q: query.q || undefined, limit: SHEET_MAX_ENTRIES });
      const { phoneCountry } = await resourceSettingsFor(db);
      const body = await renderResourceSheet({
        entries: rows.map((r) => sheetEntry(r, query.locale, phoneCountry)),
        total,
        organization: ctx.settings.name(),
        locale: query.locale,
        printedAt: new Date(),
        filter: { category: query.category, q: query.q || undefined },
      });
      const suffix = query.locale === 'es' ? 'recursos' : 'resources';
      return { filename: `kindred-${suffix}-${today()}.pdf`, body };
    },
  };
}
