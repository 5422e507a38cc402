import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import { resourceInput } from '../../../contracts/resources.ts';
import { normalizeResourceInput } from './entries-input.ts';
import { entriesRepo, type EntryMeta } from './entries-repo.ts';
import { renderResourceSheet, type SheetEntry, shortDescription } from './sheet-pdf.ts';

let ctx: TestContext;
let anyone: Client;
beforeAll(async () => {
  ctx = await createTestApp();
  anyone = new Client(ctx.app, undefined, '10.71.0.1');
  const add = async (fields: Record<string, unknown>, meta: Partial<EntryMeta> = {}) => {
    const checked = normalizeResourceInput(resourceInput.parse(fields), { phoneCountry: 'US' });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    await entriesRepo.insert(ctx.database.db, checked.value, { status: 'published', origin: 'coordinator', ...meta });
  };
  await add({
    name: 'Lakeview Naloxone Program',
    category: 'harm_reduction',
    description: 'Free naloxone kits and training.',
    translations: { es: { name: 'Programa de Naloxona Lakeview', description: 'Kits de naloxona gratis.' } },
    phone: '(312) 555-0188',
    textLine: { number: '(312) 555-0199', keyword: 'KIT' },
    website: 'https://lakeview.example.org/naloxone',
    address: '400 Lake Shore Dr, Chicago, IL',
    hours: { timeZone: 'America/Chicago', periods: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '17:00' })) },
  });
  await add({ name: 'Quiet Harbor Members Circle', category: 'mutual_aid', audience: 'members', description: 'A circle listed for members only.' });
  await add({ name: 'Closed Down Shelter', category: 'housing' }, { status: 'archived' });
  await add({ name: 'Someone Suggested This', category: 'housing' }, { status: 'suggested', origin: 'suggestion' });
});
afterAll(() => ctx.close());

const SHEET = '/api/v1/resources/sheet.pdf';

/** The standard fonts' WinAnsi bytes: Latin-1, except 0x80-0x9f holds typographic marks such as the en dash. */
const WIN_ANSI_HIGH: Record<number, string> = { 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };
const winAnsiText = (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');

/** The text a PDF draws: page streams inflated when compressed, then pdfkit's hex runs in TJ arrays decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1]!, 'latin1');
    try {
      return zlib.inflateSync(bytes).toString('latin1');
    } catch {
      return m[1]!;
    }
  });
  const runs = streams.join('\n').match(/\[(?:<[0-9a-f]*>\s*-?[\d.]*\s*)+\]\s*TJ/g) ?? [];
  const lines = runs.map((run) => [...run.matchAll(/<([0-9a-f]*)>/g)].map((m) => winAnsiText(Buffer.from(m[1]!, 'hex'))).join(''));
  // Lines wrap: compare words, not lines.
  return lines.join(' ').replace(/\s+/g, ' ');
}

describe('the sheet over HTTP', () => {
  test('signed out: a PDF of public published entries only, with phone, text line, website, address and hours', async () => {
    const res = await anyone.get(SHEET);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="kindred-resources-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'Kindred',
      'Recovery resources',
      'Harm reduction and naloxone',
      'Lakeview Naloxone Program',
      'Call: (312) 555-0188',
      'Text: KIT to (312) 555-0199',
      'Web: lakeview.example.org/naloxone',
      'Address: 400 Lake Shore Dr, Chicago, IL',
      'Hours: Mon–Fri 09:00–17:00',
      '988 Suicide & Crisis Lifeline',
      'Crisis lines',
      'Page 1 of',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Printed [A-Z][a-z]+ \d{1,2}, \d{4}/);
    for (const absent of ['Quiet Harbor Members Circle', 'Closed Down Shelter', 'Someone Suggested This']) expect(text).not.toContain(absent);
  });

  test('signed in, members-only entries are printed too (never archived or suggested ones)', async () => {
    const member = await createUser(ctx);
    const text = pdfText((await member.client.get(SHEET)).rawPayload);
    expect(text).toContain('Quiet Harbor Members Circle');
    expect(text).toContain('Lakeview Naloxone Program');
    expect(text).not.toContain('Closed Down Shelter');
    expect(text).not.toContain('Someone Suggested This');
  });

  test('in Spanish, with translated names where an entry has one', async () => {
    const text = pdfText((await anyone.get(`${SHEET}?locale=es`)).rawPayload);
    for (const expected of ['Recursos para la recuperación', 'Programa de Naloxona Lakeview', 'Reducción de daños y naloxona', 'Llamar: (312) 555-0188', 'Horario: lun–vie 09:00–17:00', 'Impreso el', 'Página 1 de'])
      expect(text).toContain(expected);
    expect(text).not.toContain('Lakeview Naloxone Program');
  });

  test('filtered by category and by words, the filter named under the title', async () => {
    const byCategory = pdfText((await anyone.get(`${SHEET}?category=harm_reduction`)).rawPayload);
    expect(byCategory).toContain('Lakeview Naloxone Program');
    expect(byCategory).not.toContain('988 Suicide');
    const byWords = pdfText((await anyone.get(`${SHEET}?q=naloxone%20kits`)).rawPayload);
    expect(byWords).toContain('Search: "naloxone kits"');
    expect(byWords).toContain('Lakeview Naloxone Program');
    expect(byWords).not.toContain('Alcoholics Anonymous');
    const none = pdfText((await anyone.get(`${SHEET}?q=zzzyqx`)).rawPayload);
    expect(none).toContain('No entries match.');
  });

  test('bad query values are 422', async () => {
    for (const query of ['?locale=fr', '?category=casinos', '?format=docx']) expect((await anyone.get(`${SHEET}${query}`)).statusCode, query).toBe(422);
  });
});

describe('the layout', () => {
  const entry = (i: number, category: SheetEntry['category']): SheetEntry => ({
    name: `Entry number ${i}`,
    category,
    description: 'A service people in recovery have found useful, described in a sentence or two so the column has something to wrap.',
    phone: '(555) 010-0000',
    textLine: null,
    website: `https://entry${i}.example.org/`,
    address: `${i} Main St, Springfield`,
    hours: { alwaysOpen: i % 2 === 0, periods: [{ day: 6, opens: '10:00', closes: '14:00' }] },
  });

  test('a long sheet runs over pages in two columns, every entry printed once, each page numbered', async () => {
    const entries = [...Array.from({ length: 40 }, (_, i) => entry(i, 'housing')), ...Array.from({ length: 40 }, (_, i) => entry(40 + i, 'food'))];
    const text = pdfText(await renderResourceSheet({ entries, total: 500, organization: 'Springfield Recovery', locale: 'en', printedAt: new Date('2026-11-22T12:00:00Z'), compress: false }));
    for (let i = 0; i < 80; i++) expect(text.split(`Entry number ${i} `).length - 1, `entry ${i}`).toBe(1);
    const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const total = pages[0]![1]!;
    expect(total).toBeGreaterThan(1);
    expect(pages).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
    expect(text.split('Springfield Recovery · Recovery resources · November 22, 2026').length - 1).toBe(total);
    expect(text).toContain('Open 24 hours, every day');
    expect(text).toContain('Hours: Sat 10:00–14:00');
    expect(text).toContain('This sheet shows the first 80 of 500 entries.');
    // Both columns are used: entries are drawn at two x positions.
    const raw = (await renderResourceSheet({ entries, total: 80, organization: 'K', locale: 'en', printedAt: new Date(), compress: false })).toString('latin1');
    const xs = new Set([...raw.matchAll(/1 0 0 -?1 ([\d.]+) [\d.]+ Tm/g)].map((m) => Math.round(Number(m[1]))));
    expect([...xs].filter((x) => x > 300).length).toBeGreaterThan(0);
  });

  test('long descriptions are cut at a sentence or a word', () => {
    expect(shortDescription('Short one.')).toBe('Short one.');
    const long = `${'Word '.repeat(30)}ends here. ${'More words follow '.repeat(20)}`;
    expect(shortDescription(long, 200)).toBe(`${'Word '.repeat(30)}ends here.`);
    expect(shortDescription('x'.repeat(50) + ' ' + 'y'.repeat(300), 100)).toBe(`${'x'.repeat(50)}…`);
  });
});
