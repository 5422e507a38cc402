import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { type ResourceInput, resourceInput, resourceLimits } from '../../../contracts/resources.ts';
import { type NormalizedResource, normalizeResourceInput, stripHtml } from './entries-input.ts';

/**
 * Reading an import file (docs/resources.md, "Import and export"): CSV with a header row, or JSON (an array of
 * entries, or `{ "resources": [...] }` as the export writes). Every row goes through the same checks as an entry a
 * coordinator types in (`resourceInput`, then `normalizeResourceInput`); a row that fails is reported with every
 * problem found and its 1-based number (the CSV header is row 0). Nothing here touches the database.
 */

/** A file that cannot be read as a whole (broken quoting, not JSON, too many rows): a 422 on `content`. */
export class ImportFileError extends Error {}

export const EXTERNAL_ID_MAX = 200;
export const ENTRY_STATUSES_IN_FILES = ['published', 'archived'] as const;
export type FileStatus = (typeof ENTRY_STATUSES_IN_FILES)[number];

export interface ImportCandidate {
  row: number;
  externalId: string | null;
  /** From the file's `status`; null: published for a new entry, unchanged for an existing one. */
  status: FileStatus | null;
  value: NormalizedResource;
}

/** A problem with one field of a row (the report is in English, like the CSV's column names). */
export interface InputError {
  field: string;
  message: string;
}

export interface RejectedRow {
  row: number;
  name: string | null;
  errors: InputError[];
}

export interface ParsedImport {
  rows: number;
  candidates: ImportCandidate[];
  rejected: RejectedRow[];
}

// ── Opening hours in one line ───────────────────────────────────────────────────────────────────────────────

const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export const DAY_NAMES_EN = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

type Period = { day: number; opens: string; closes: string };
export type CompactHours = { alwaysOpen: boolean; periods: Period[] };

const dayOf = (code: string) => DAY_CODES.indexOf(code.toLowerCase() as (typeof DAY_CODES)[number]) + 1;

/** "9:00" → "09:00"; null when it is not a time of day (24:00 only as a close). */
function clockText(text: string, isClose: boolean): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && (min !== 0 || !isClose))) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** "Mo-Fr", "Sa", "Mo,We,Fr", "Sa-Mo" (wrapping past Sunday) → ISO weekdays. */
function daysOf(text: string): number[] | null {
  const days: number[] = [];
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-').map((s) => dayOf(s.trim()));
    if (extra !== undefined || !from) return null;
    if (to === undefined) days.push(from);
    else if (!to) return null;
    else for (let d = from, i = 0; i < 7; d = (d % 7) + 1, i++) {
      days.push(d);
      if (d === to) break;
    }
  }
  return days;
}

/**
 * The compact form people write in a spreadsheet: `Mo-Fr 09:00-17:00; Sa 10:00-14:00`, several periods a day with
 * commas (`Mo-Fr 09:00-12:00,13:00-17:00`), `off` for a day closed, a close before the open for a period past
 * midnight (`Fr 22:00-02:00`), or `24/7`. Day codes are English, any case; an en dash counts as a hyphen.
 */
export function parseCompactHours(input: string): { ok: true; value: CompactHours } | { ok: false; message: string } {
  const text = input.replace(/[\u2013\u2014]/g, '-').trim();
  if (/^24\s*\/\s*7$/.test(text)) return { ok: true, value: { alwaysOpen: true, periods: [] } };
  const periods: Period[] = [];
  for (const rule of text.split(';').map((r) => r.trim()).filter(Boolean)) {
    const m = /^([A-Za-z,\s-]+?)\s+(off|closed|[\d:,\s-]+)$/i.exec(rule);
    const days = m ? daysOf(m[1]!.replace(/\s+/g, '')) : null;
    if (!m || !days) return { ok: false, message: `Could not read "${rule}": write days then times, as Mo-Fr 09:00-17:00; Sa 10:00-14:00, or 24/7` };
    if (/^(off|closed)$/i.test(m[2]!)) continue;
    const spans: { opens: string; closes: string }[] = [];
    for (const span of m[2]!.split(',').map((s) => s.trim())) {
      const [opensText = '', closesText = '', extra] = span.split('-').map((s) => s.trim());
      const opens = clockText(opensText, false);
      const closes = clockText(closesText, true);
      if (extra !== undefined || !opens || !closes) return { ok: false, message: `Could not read the times "${span}" in "${rule}": use 24-hour HH:MM-HH:MM` };
      if (opens === closes) return { ok: false, message: `"${span}" opens and closes at the same time` };
      spans.push({ opens, closes });
    }
    for (const day of days) for (const span of spans) periods.push({ day, ...span });
  }
  if (periods.length === 0) return { ok: false, message: 'No opening times: write them as Mo-Fr 09:00-17:00, or 24/7' };
  return { ok: true, value: { alwaysOpen: false, periods } };
}

/** "Mo-Fr" for a run of three or more days, "Sa,Su" for two: the form parseCompactHours reads. */
function dayRuns(days: number[], names: readonly string[], sep = '-'): string {
  const runs: number[][] = [];
  for (const d of [...days].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last.at(-1) === d - 1) last.push(d);
    else runs.push([d]);
  }
  return runs.flatMap((r) => (r.length >= 3 ? [`${names[r[0]! - 1]}${sep}${names[r.at(-1)! - 1]}`] : r.map((d) => names[d - 1]!))).join(',');
}

/**
 * Periods back into the compact form, days with the same times grouped: `Mo-Fr 09:00-17:00; Sa 10:00-14:00`.
 * `names` and `sep` let the printed sheet use the reader's language (what it prints is not meant to be re-read).
 */
export function formatCompactHours(hours: CompactHours, names: readonly string[] = DAY_NAMES_EN, sep = '-', always = '24/7'): string {
  if (hours.alwaysOpen) return always;
  const byDay = new Map<number, string>();
  for (const p of [...hours.periods].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))) {
    const span = `${p.opens}${sep}${p.closes}`;
    byDay.set(p.day, byDay.has(p.day) ? `${byDay.get(p.day)},${span}` : span);
  }
  const groups = new Map<string, number[]>();
  for (const [day, spans] of byDay) groups.set(spans, [...(groups.get(spans) ?? []), day]);
  return [...groups].map(([spans, days]) => `${dayRuns(days, names, sep)} ${spans}`).join('; ');
}

// ── Rows ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The CSV columns, in the order the export writes them (docs/resources.md lists what each holds). */
export const CSV_COLUMNS = [
  'externalId', 'name', 'category', 'description', 'audience', 'locale', 'name_es', 'description_es', 'name_en', 'description_en',
  'phone', 'text_number', 'text_keyword', 'website', 'address', 'lat', 'lng', 'time_zone', 'always_open', 'hours', 'languages', 'costs',
  'cost_note', 'eligibility', 'in_person', 'online', 'crisis_screen', 'status',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Headers match whatever their case and separators: "External ID", "external_id" and "externalId" are one column. */
const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');
const COLUMN_BY_KEY = new Map<string, CsvColumn>(CSV_COLUMNS.map((c) => [headerKey(c), c]));

/** Where a problem with an entry's field shows in the CSV, so a coordinator finds the cell. */
function csvColumnOf(field: string): string {
  const rules: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
    [/^translations\.(en|es)\.(name|description)/, (m) => `${m[2]}_${m[1]}`],
    [/^translations/, 'name_es'],
    [/^textLine\.keyword/, 'text_keyword'],
    [/^textLine/, 'text_number'],
    [/^location\.(lat|lng)/, (m) => m[1]!],
    [/^location/, 'lat'],
    [/^hours\.timeZone/, 'time_zone'],
    [/^hours\.alwaysOpen/, 'always_open'],
    [/^hours/, 'hours'],
    [/^costNote/, 'cost_note'],
    [/^inPerson/, 'in_person'],
    [/^crisisScreen/, 'crisis_screen'],
  ];
  for (const [re, to] of rules) {
    const m = re.exec(field);
    if (m) return typeof to === 'string' ? to : to(m);
  }
  return field.split('.')[0]!;
}

const zodErrors = (error: z.ZodError): InputError[] =>
  error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ field: [...i.path, k].join('.'), message: 'Unknown field' })) : [{ field: i.path.join('.') || '_', message: i.message }],
  );

/**
 * One row through the entry checks. When the schema refuses some fields, the row is checked again without them so
 * the normalisation's findings (a phone that cannot be dialled, a javascript: link) are reported in the same go.
 */
function checkEntry(raw: Record<string, unknown>, phoneCountry: string): { ok: true; value: NormalizedResource } | { ok: false; errors: InputError[] } {
  const first = resourceInput.safeParse(raw);
  if (first.success) {
    const checked = normalizeResourceInput(first.data, { phoneCountry });
    return checked.ok ? checked : { ok: false, errors: checked.errors.map(({ field, message }) => ({ field, message })) };
  }
  const errors = zodErrors(first.error);
  const failed = new Set(errors.map((e) => e.field.split('.')[0]!));
  const rest: Record<string, unknown> = Object.fromEntries(Object.entries(raw).filter(([k]) => !failed.has(k)));
  rest.name = failed.has('name') ? 'Placeholder' : rest.name;
  // Any category passes with crisis_lines (the crisis screen rule); the value is only there to check the rest.
  if (failed.has('category')) rest.category = 'crisis_lines';
  const second = resourceInput.safeParse(rest);
  if (second.success) {
    const more = normalizeResourceInput(second.data as ResourceInput, { phoneCountry });
    if (!more.ok) errors.push(...more.errors.filter((e) => !failed.has(e.field.split('.')[0]!)).map(({ field, message }) => ({ field, message })));
  }
  return { ok: false, errors };
}

/** The entry's name as the report shows it (no markup, bounded). */
const reportName = (v: unknown) => (typeof v === 'string' && stripHtml(v) ? stripHtml(v).slice(0, resourceLimits.name) : null);

function readExternalId(v: unknown, errors: InputError[], field = 'externalId'): string | null {
  if (v === undefined || v === null || v === '') return null;
  // Other systems often number their records.
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v !== 'string' || !v.trim()) errors.push({ field, message: 'Use text for the external id' });
  else if (v.trim().length > EXTERNAL_ID_MAX) errors.push({ field, message: `Use at most ${EXTERNAL_ID_MAX} characters` });
  else if (/[\p{Cc}]/u.test(v)) errors.push({ field, message: 'Leave control characters out of the external id' });
  else return v.trim();
  return null;
}

function readStatus(v: unknown, errors: InputError[]): FileStatus | null {
  if (v === undefined || v === null || v === '') return null;
  const s = typeof v === 'string' ? v.trim().toLowerCase() : v;
  if ((ENTRY_STATUSES_IN_FILES as readonly unknown[]).includes(s)) return s as FileStatus;
  errors.push({ field: 'status', message: 'Use published or archived' });
  return null;
}

/** Turns one row's fields into a candidate or a rejection, sharing the duplicate check across the file. */
function finishRow(
  row: number,
  input: { raw: Record<string, unknown>; externalId: unknown; status: unknown; errors: InputError[] },
  ctx: { phoneCountry: string; seen: Map<string, number>; fieldName: (f: string) => string },
): ImportCandidate | RejectedRow {
  const errors = [...input.errors];
  const externalId = readExternalId(input.externalId, errors);
  const status = readStatus(input.status, errors);
  if (externalId !== null) {
    const earlier = ctx.seen.get(externalId);
    if (earlier !== undefined) errors.push({ field: 'externalId', message: `Row ${earlier} has the same external id` });
    else ctx.seen.set(externalId, row);
  }
  const checked = checkEntry(input.raw, ctx.phoneCountry);
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length || !checked.ok) {
    // One message per cell: the first problem found there says what to fix.
    const byField = new Map<string, string>();
    for (const e of errors) if (!byField.has(ctx.fieldName(e.field))) byField.set(ctx.fieldName(e.field), e.message);
    return { row, name: reportName(input.raw.name), errors: [...byField].map(([field, message]) => ({ field, message })) };
  }
  return { row, externalId, status, value: checked.value };
}

/** PostgreSQL text cannot hold a NUL character; files exported by some tools carry them. */
const withoutNul = (s: string) => s.replace(/\u0000/g, '');

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Export escapes a cell starting with = + - @ with a quote (formula injection); reading undoes it. */
const unquoteFormula = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'sí', 'si']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

function csvRowInput(cells: Partial<Record<CsvColumn, string>>): { raw: Record<string, unknown>; errors: InputError[] } {
  const errors: InputError[] = [];
  const get = (c: CsvColumn) => cells[c] ?? '';
  const opt = (c: CsvColumn) => (get(c) === '' ? undefined : get(c));
  const bool = (c: CsvColumn) => {
    const v = get(c).toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    errors.push({ field: c, message: 'Use true or false' });
    return undefined;
  };
  const list = (c: CsvColumn) => get(c).split(/[|,;]/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  const degrees = (c: 'lat' | 'lng', max: number) => {
    const n = Number(get(c));
    if (get(c) !== '' && Number.isFinite(n) && Math.abs(n) <= max) return n;
    errors.push({ field: c, message: `Use decimal degrees between -${max} and ${max}` });
    return undefined;
  };

  const translations: Record<string, { name: string; description: string }> = {};
  for (const loc of ['es', 'en'] as const) {
    const name = get(`name_${loc}`);
    const description = get(`description_${loc}`);
    if (name || description) translations[loc] = { name, description };
  }

  let textLine: unknown = null;
  if (get('text_number')) textLine = { number: get('text_number'), keyword: get('text_keyword') || null };
  else if (get('text_keyword')) errors.push({ field: 'text_number', message: 'Give the number to send the keyword to' });

  let location: unknown = null;
  if (get('lat') || get('lng')) {
    const [lat, lng] = [degrees('lat', 90), degrees('lng', 180)];
    location = lat !== undefined && lng !== undefined ? { lat, lng } : undefined;
  }

  let hours: unknown = null;
  const alwaysOpen = bool('always_open');
  if (get('hours') || alwaysOpen) {
    const parsed = get('hours') ? parseCompactHours(get('hours')) : { ok: true as const, value: { alwaysOpen: true, periods: [] } };
    if (!parsed.ok) errors.push({ field: 'hours', message: parsed.message });
    const always = alwaysOpen || (parsed.ok && parsed.value.alwaysOpen);
    // A line open around the clock is open in every zone; the zone matters only for set hours.
    const timeZone = get('time_zone') || (always ? 'UTC' : '');
    if (!timeZone) errors.push({ field: 'time_zone', message: 'Give the time zone the hours are in, such as America/Chicago' });
    hours = parsed.ok && timeZone ? { timeZone, alwaysOpen: always, periods: always ? [] : parsed.value.periods } : undefined;
  }

  const raw: Record<string, unknown> = {
    name: get('name'),
    // Codes, whatever their case in a spreadsheet ("Food", "ES").
    category: get('category').toLowerCase(),
    description: opt('description'),
    audience: opt('audience')?.toLowerCase(),
    locale: opt('locale')?.toLowerCase(),
    translations,
    phone: get('phone') || null,
    textLine,
    website: get('website') || null,
    address: get('address') || null,
    location,
    hours,
    languages: list('languages'),
    costs: list('costs'),
    costNote: get('cost_note') || null,
    eligibility: get('eligibility') || null,
    inPerson: bool('in_person'),
    online: bool('online'),
    crisisScreen: bool('crisis_screen'),
  };
  // A cell that could not be read is reported above; leaving it out lets the schema check the rest.
  for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
  return { raw, errors };
}

function readCsv(content: string): string[][] {
  try {
    return parseCsv(withoutNul(content), { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, to: resourceLimits.importRows + 2 }) as string[][];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    const where = line ? ` (line ${line})` : '';
    const why = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : err.code.startsWith('CSV_INVALID_CLOSING_QUOTE') ? 'a quote is followed by other text' : 'it is not valid CSV';
    throw new ImportFileError(`The CSV file could not be read: ${why}${where}`);
  }
}

export function parseCsvImport(content: string, opts: { phoneCountry: string }): ParsedImport {
  const records = readCsv(content);
  const [header, ...rows] = records;
  if (!header) throw new ImportFileError('The file is empty: the first row names the columns (name, category, ...)');
  if (rows.length > resourceLimits.importRows) throw new ImportFileError(`The file has more than ${resourceLimits.importRows} rows: split it into smaller files`);
  const columns = header.map((h) => COLUMN_BY_KEY.get(headerKey(h)));
  const unknown = header.filter((_, i) => !columns[i]);
  if (unknown.length) throw new ImportFileError(`Unknown columns: ${unknown.map((u) => `"${u.slice(0, 40)}"`).join(', ')}. The columns are listed in docs/resources.md`);
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length) throw new ImportFileError(`The column ${repeated[0]} appears more than once`);
  for (const needed of ['name', 'category'] as const) if (!columns.includes(needed)) throw new ImportFileError(`The file has no ${needed} column`);

  const ctx = { phoneCountry: opts.phoneCountry, seen: new Map<string, number>(), fieldName: csvColumnOf };
  const result: ParsedImport = { rows: rows.length, candidates: [], rejected: [] };
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (cells.length !== header.length) {
      result.rejected.push({ row, name: null, errors: [{ field: '_', message: `This row has ${cells.length} cells; the header has ${header.length}` }] });
      return;
    }
    const byColumn: Partial<Record<CsvColumn, string>> = {};
    columns.forEach((c, j) => (byColumn[c!] = unquoteFormula(cells[j]!)));
    const { raw, errors } = csvRowInput(byColumn);
    const out = finishRow(row, { raw, externalId: byColumn.externalId, status: byColumn.status, errors }, ctx);
    if ('value' in out) result.candidates.push(out);
    else result.rejected.push(out);
  });
  return result;
}

// ── JSON ────────────────────────────────────────────────────────────────────────────────────────────────────

export function parseJsonImport(content: string, opts: { phoneCountry: string }): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''), (_key, v: unknown) => (typeof v === 'string' ? withoutNul(v) : v));
  } catch (err) {
    throw new ImportFileError(`The JSON could not be read: ${(err as Error).message.slice(0, 200)}`);
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { resources?: unknown }).resources) ? (data as { resources: unknown[] }).resources : null;
  if (!list) throw new ImportFileError('Give a JSON array of entries, or an object with a "resources" array (as the export writes)');
  if (list.length > resourceLimits.importRows) throw new ImportFileError(`The file has more than ${resourceLimits.importRows} entries: split it into smaller files`);

  const ctx = { phoneCountry: opts.phoneCountry, seen: new Map<string, number>(), fieldName: (f: string) => f };
  const result: ParsedImport = { rows: list.length, candidates: [], rejected: [] };
  list.forEach((item, i) => {
    const row = i + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      result.rejected.push({ row, name: null, errors: [{ field: '_', message: 'Each entry is an object with name, category, ...' }] });
      return;
    }
    const { externalId, status, ...raw } = item as Record<string, unknown>;
    const out = finishRow(row, { raw, externalId, status, errors: [] }, ctx);
    if ('value' in out) result.candidates.push(out);
    else result.rejected.push(out);
  });
  return result;
}

export function parseImport(format: 'csv' | 'json', content: string, opts: { phoneCountry: string }): ParsedImport {
  return format === 'csv' ? parseCsvImport(content, opts) : parseJsonImport(content, opts);
}
