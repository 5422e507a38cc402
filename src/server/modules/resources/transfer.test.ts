import { count, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { resourceInput } from '../../../contracts/resources.ts';
import { auditLog } from '../audit/tables.ts';
import { normalizeResourceInput } from './entries-input.ts';
import { CSV_COLUMNS } from './transfer-parse.ts';
import { entriesRepo, type EntryMeta } from './entries-repo.ts';
import { resource, resourceHours } from './tables.ts';

let ctx: TestContext;
let coordinator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await createUser(ctx, { roles: ['coordinator'] });
});
afterAll(() => ctx.close());

const IMPORT = '/api/v1/admin/resources/import';
const EXPORT = '/api/v1/admin/resources/export';

/** An entry written the way the directory's service writes one. */
async function addEntry(fields: Record<string, unknown>, meta: Partial<EntryMeta> = {}) {
  const checked = normalizeResourceInput(resourceInput.parse({ category: 'food', ...fields }), { phoneCountry: 'US' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return entriesRepo.insert(ctx.database.db, checked.value, { status: 'published', origin: 'coordinator', ...meta });
}

const entryCount = async () => (await ctx.database.db.select({ n: count() }).from(resource))[0]!.n;
const hoursCount = async () => (await ctx.database.db.select({ n: count() }).from(resourceHours))[0]!.n;
const byExternalId = async (externalId: string) => (await ctx.database.db.select().from(resource).where(eq(resource.externalId, externalId)))[0];

function csv(rows: string[][]) {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n');
}

const HEADER = ['externalId', 'name', 'category', 'description', 'phone', 'text_number', 'text_keyword', 'website', 'address', 'lat', 'lng', 'time_zone', 'hours', 'languages', 'costs', 'audience'];
const GOOD_ROWS = [
  ['t-harbor', 'Harbor Detox', 'treatment_detox', 'Medically supervised <b>detox</b>.', '312-555-0101', '', '', 'harbor.example.org', '10 Lake St, Chicago, IL', '41.88', '-87.63', 'America/Chicago', 'Mo-Fr 08:00-20:00; Sa 09:00-13:00', 'en|es', 'sliding_scale', 'public'],
  ['t-pantry', 'Eastside Pantry', 'food', 'Groceries on Saturdays.', '', '', '', '', '22 Oak Ave, Chicago, IL', '41.9', '-87.7', 'America/Chicago', 'Sa 10:00-14:00', 'en', 'free', 'members'],
];

describe('who may import and export', () => {
  test('signed out is 401, members and moderators get 404, and nothing is stored', async () => {
    const before = await entryCount();
    const content = csv([HEADER, ...GOOD_ROWS]);
    const signedOut = new Client(ctx.app, undefined, '10.70.0.1');
    expect((await signedOut.post(IMPORT, { format: 'csv', content })).statusCode).toBe(401);
    expect((await signedOut.get(`${EXPORT}?format=json`)).statusCode).toBe(401);
    for (const roles of [[], ['moderator'], ['peer_supporter', 'facilitator']] as const) {
      const person = await createUser(ctx, { roles: [...roles] });
      const imported = await person.client.post(IMPORT, { format: 'csv', content });
      expect(imported.statusCode).toBe(404);
      expect(imported.json().error.code).toBe('not_found');
      const exported = await person.client.get(`${EXPORT}?format=csv`);
      expect(exported.statusCode).toBe(404);
      expect(exported.body).not.toContain('988');
    }
    expect(await entryCount()).toBe(before);
  });
});

describe('import', () => {
  test('valid rows are created as imports, every rejected row is reported, the audit log gets counts only', async () => {
    const before = await entryCount();
    const content = csv([
      HEADER,
      ...GOOD_ROWS,
      ['t-bad-phone', 'Bad Phone Clinic', 'mental_health', '', '555', '', '', '', '', '', '', '', '', '', '', ''].map((v, i) => (i === 4 ? 'call us' : v)),
      ['t-bad-cat', 'Casino Night', 'gambling', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['t-no-name', '', 'food', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['t-bad-hours', 'Late Clinic', 'mental_health', '', '', '', '', '', '', '', '', 'America/Chicago', 'weekdays 9 to 5', '', '', ''],
      ['t-js', 'Script Kiddie Shelter', 'housing', '', '', '', '', 'javascript:alert(document.cookie)', '', '', '', '', '', '', '', ''],
      ['t-keyword', 'Keyword Only', 'crisis_lines', '', '', '', 'HOME', '', '', '', '', '', '', '', '', ''],
    ]);
    const res = await coordinator.client.post(IMPORT, { format: 'csv', content });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 8, created: 2, updated: 0, dryRun: false });
    expect(report.rejected).toEqual([
      { row: 3, name: 'Bad Phone Clinic', errors: [{ field: 'phone', message: 'Enter a phone number that can be dialled' }] },
      { row: 4, name: 'Casino Night', errors: [{ field: 'category', message: expect.any(String) }] },
      { row: 5, name: null, errors: [{ field: 'name', message: expect.any(String) }] },
      { row: 6, name: 'Late Clinic', errors: [{ field: 'hours', message: expect.stringContaining('weekdays 9 to 5') }] },
      { row: 7, name: 'Script Kiddie Shelter', errors: [{ field: 'website', message: expect.any(String) }] },
      { row: 8, name: 'Keyword Only', errors: [{ field: 'text_number', message: expect.any(String) }] },
    ]);
    expect(await entryCount()).toBe(before + 2);

    const harbor = (await byExternalId('t-harbor'))!;
    expect(harbor).toMatchObject({
      name: 'Harbor Detox',
      description: 'Medically supervised detox.',
      origin: 'import',
      status: 'published',
      phone: '+13125550101',
      website: 'https://harbor.example.org/',
      timeZone: 'America/Chicago',
      languages: ['en', 'es'],
      costs: ['sliding_scale'],
      verifiedAt: null,
    });
    expect(await ctx.database.db.select().from(resourceHours).where(eq(resourceHours.resourceId, harbor.id))).toHaveLength(6);
    expect((await byExternalId('t-pantry'))!.audience).toBe('members');
    for (const id of ['t-bad-phone', 't-bad-cat', 't-no-name', 't-bad-hours', 't-js', 't-keyword']) expect(await byExternalId(id)).toBeUndefined();

    const [audit] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'resources.imported'));
    expect(audit!.actorId).toBe(coordinator.id);
    expect(audit!.details).toEqual({ format: 'csv', rows: 8, created: 2, updated: 0, rejected: 6 });
    expect(JSON.stringify(audit)).not.toMatch(/Harbor|Pantry|Casino/);
  });

  test('a dry run reports the same and stores nothing', async () => {
    const before = { entries: await entryCount(), hours: await hoursCount(), audit: (await ctx.database.db.select({ n: count() }).from(auditLog))[0]!.n };
    const content = JSON.stringify({
      resources: [
        { externalId: 'dry-1', name: 'Dry Run Place', category: 'housing' },
        { externalId: 't-harbor', name: 'Harbor Detox Renamed', category: 'treatment_detox', hours: { timeZone: 'America/Chicago', periods: [{ day: 1, opens: '07:00', closes: '19:00' }] } },
        { externalId: 'dry-2', name: 'Broken', category: 'housing', phone: 'nope' },
      ],
    });
    const res = await coordinator.client.post(IMPORT, { format: 'json', content, dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, created: 1, updated: 1, dryRun: true, rejected: [{ row: 3, name: 'Broken', errors: [{ field: 'phone' }] }] });
    expect(await byExternalId('dry-1')).toBeUndefined();
    expect((await byExternalId('t-harbor'))!.name).toBe('Harbor Detox');
    expect(await entryCount()).toBe(before.entries);
    expect(await hoursCount()).toBe(before.hours);
    expect((await ctx.database.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(before.audit);
  });

  test('a known external id updates its entry (content and hours), keeping origin and verification; status moves only when the file says', async () => {
    const id = await addEntry({ name: 'Northside Housing Desk', category: 'housing', hours: { timeZone: 'America/Chicago', periods: [{ day: 2, opens: '09:00', closes: '12:00' }] } }, { externalId: 'north-1', verifiedAt: new Date('2026-06-01T00:00:00Z') });
    const res = await coordinator.client.post(IMPORT, {
      format: 'json',
      content: JSON.stringify([{ externalId: 'north-1', name: 'Northside Housing Office', category: 'housing', hours: { timeZone: 'America/Chicago', periods: [{ day: 3, opens: '10:00', closes: '16:00' }] } }]),
    });
    expect(res.json()).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const row = (await byExternalId('north-1'))!;
    expect(row).toMatchObject({ id, name: 'Northside Housing Office', origin: 'coordinator', status: 'published', verifiedAt: new Date('2026-06-01T00:00:00Z') });
    expect(await ctx.database.db.select({ day: resourceHours.day, opens: resourceHours.opens }).from(resourceHours).where(eq(resourceHours.resourceId, id))).toEqual([{ day: 3, opens: 600 }]);

    await coordinator.client.post(IMPORT, { format: 'json', content: JSON.stringify([{ externalId: 'north-1', name: 'Northside Housing Office', category: 'housing', status: 'archived' }]) });
    expect((await byExternalId('north-1'))!.status).toBe('archived');
    // Without a status the entry stays as it is: a partner's file does not bring back what was archived here.
    await coordinator.client.post(IMPORT, { format: 'json', content: JSON.stringify([{ externalId: 'north-1', name: 'Northside Housing Office', category: 'housing' }]) });
    expect((await byExternalId('north-1'))!.status).toBe('archived');
  });

  test("a suggestion's external id is not taken over by an import", async () => {
    await addEntry({ name: 'Suggested Clinic' }, { status: 'suggested', origin: 'suggestion', externalId: 'sugg-1' });
    const res = await coordinator.client.post(IMPORT, { format: 'json', content: JSON.stringify([{ externalId: 'sugg-1', name: 'Taken Over', category: 'food' }]) });
    expect(res.json()).toMatchObject({ created: 0, updated: 0, rejected: [{ row: 1, errors: [{ field: 'externalId' }] }] });
    expect((await byExternalId('sugg-1'))!).toMatchObject({ name: 'Suggested Clinic', status: 'suggested' });
  });

  test('a file that cannot be read is a 422 on content, and nothing is stored', async () => {
    const before = await entryCount();
    for (const [format, content, message] of [
      ['csv', 'name,category\n"Open quote,food\nOther,food\n', /quoted cell is never closed/],
      ['csv', 'name,category,favourite_colour\nA,food,red\n', /Unknown columns/],
      ['json', '[{"name": "A", "category": "food"},', /JSON could not be read/],
      ['json', '{"name": "A"}', /"resources" array/],
    ] as const) {
      const res = await coordinator.client.post(IMPORT, { format, content });
      expect(res.statusCode, content).toBe(422);
      expect(res.json().error.fields.content).toMatch(message);
    }
    expect((await coordinator.client.post(IMPORT, { format: 'xml', content: '<a/>' })).statusCode).toBe(422);
    expect(await entryCount()).toBe(before);
  });

  test('a body over 6 MB is 413 and content over 5 MB is 422; nothing is stored', async () => {
    const before = await entryCount();
    const row = `,Big Place,food,${'x'.repeat(1900)}\n`;
    const big = `externalId,name,category,description\n${row.repeat(Math.ceil((6.2 * 1024 * 1024) / row.length))}`;
    const huge = await coordinator.client.post(IMPORT, { format: 'csv', content: big });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const over = `externalId,name,category,description\n${row.repeat(Math.ceil(5_000_100 / row.length))}`;
    const tooLong = await coordinator.client.post(IMPORT, { format: 'csv', content: over });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.fields).toHaveProperty('content');
    expect(await entryCount()).toBe(before);
  });
});

test('random bodies and random files never cause a 500 and store nothing', async () => {
  const before = { entries: await entryCount(), hours: await hoursCount() };
  const cell = fc.oneof(fc.string(), fc.constantFrom('true', 'no', '24/7', 'Mo-Fr 09:00-17:00', '988', '+1 312 555 0100', 'javascript:x', 'food', '41.9', '-400', '"', '\n'));
  const csvFile = fc
    .tuple(fc.subarray([...CSV_COLUMNS], { minLength: 1 }), fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 6 }))
    .map(([header, rows]) => [header, ...rows].map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',')).join('\n'));
  const jsonFile = fc.jsonValue().map((v) => JSON.stringify(Array.isArray(v) ? v : { resources: [v] }));
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.jsonValue(),
        fc.record({ format: fc.constant('csv'), content: fc.oneof(fc.string(), csvFile), dryRun: fc.constant(true) }),
        fc.record({ format: fc.constant('json'), content: fc.oneof(fc.string(), jsonFile), dryRun: fc.constant(true) }),
      ),
      async (body) => {
        const res = await coordinator.client.post(IMPORT, body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code).toBeTypeOf('string');
      },
    ),
    { numRuns: 150 },
  );
  expect(await entryCount()).toBe(before.entries);
  expect(await hoursCount()).toBe(before.hours);
});

describe('export', () => {
  test('JSON and CSV downloads with every published and archived entry, and no suggestions', async () => {
    await addEntry({ name: 'Archived Pantry' }, { status: 'archived', externalId: 'arch-1' });
    await addEntry({ name: 'Rejected Idea' }, { status: 'rejected', origin: 'suggestion' });
    await addEntry({ name: 'Pending Idea' }, { status: 'suggested', origin: 'suggestion' });
    const noId = await addEntry({ name: 'Typed In By Hand', phone: '988', textLine: { number: '741741', keyword: 'HOME' }, hours: { timeZone: 'America/Chicago', periods: [{ day: 5, opens: '22:00', closes: '02:00' }] } });

    const json = await coordinator.client.get(`${EXPORT}?format=json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="kindred-resources-\d{4}-\d{2}-\d{2}\.json"$/);
    const { resources } = json.json();
    const names = resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Archived Pantry', 'Typed In By Hand', '988 Suicide & Crisis Lifeline']));
    expect(names).not.toContain('Rejected Idea');
    expect(names).not.toContain('Pending Idea');
    const typed = resources.find((r: { name: string }) => r.name === 'Typed In By Hand');
    expect(typed).toMatchObject({ externalId: `kindred:${noId}`, status: 'published', phone: '988', textLine: { number: '741741', keyword: 'HOME' }, hours: { timeZone: 'America/Chicago', alwaysOpen: false, periods: [{ day: 5, opens: '22:00', closes: '02:00' }] } });
    expect(resources.find((r: { name: string }) => r.name === 'Archived Pantry').status).toBe('archived');

    const file = await coordinator.client.get(`${EXPORT}?format=csv`);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/filename="kindred-resources-.*\.csv"/);
    expect(file.body.startsWith('\uFEFFexternalId,name,category,description,audience,locale,name_es')).toBe(true);
    expect(file.body).toContain(`kindred:${noId},Typed In By Hand,food`);
    expect(file.body).toContain('Fr 22:00-02:00');
    // Spreadsheets would run a cell starting with + or - as a formula.
    expect(file.body).toContain("'+18006624357");
    expect(file.body).not.toContain('Pending Idea');

    const audits = await ctx.database.db.select().from(auditLog).where(inArray(auditLog.action, ['resources.exported']));
    expect(audits.map((a) => (a.details as { format: string }).format).sort()).toEqual(['csv', 'json']);
  });

  test.each(['json', 'csv'] as const)('%s round trip: importing the export updates every entry and changes nothing', async (format) => {
    const exported = await coordinator.client.get(`${EXPORT}?format=${format}`);
    const before = await entryCount();
    const n = format === 'json' ? exported.json().resources.length : exported.body.trim().split('\r\n').length - 1;
    expect(n).toBeGreaterThan(10);
    const res = await coordinator.client.post(IMPORT, { format, content: exported.body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: n, created: 0, updated: n, rejected: [], dryRun: false });
    expect(await entryCount()).toBe(before);
    const again = await coordinator.client.get(`${EXPORT}?format=${format}`);
    expect(again.body).toBe(exported.body);
  });

  test('the JSON export imports into a fresh instance as the same directory, archived entries archived', async () => {
    const exported = (await coordinator.client.get(`${EXPORT}?format=json`)).body;
    const other = await createTestApp();
    try {
      const admin = await createUser(other, { roles: ['coordinator'] });
      const res = await admin.client.post(IMPORT, { format: 'json', content: exported });
      // The starter entries are there already (same external ids); everything else is new.
      const all = JSON.parse(exported).resources as { externalId: string }[];
      const starter = all.filter((r) => r.externalId.startsWith('kindred-starter:')).length;
      expect(starter).toBeGreaterThan(0);
      expect(res.json()).toEqual({ rows: all.length, created: all.length - starter, updated: starter, rejected: [], dryRun: false });
      const copy = JSON.parse((await admin.client.get(`${EXPORT}?format=json`)).body).resources;
      const strip = (list: Record<string, unknown>[]) => list.map(({ externalId: _id, ...rest }) => rest).sort((a, b) => String(a.name).localeCompare(String(b.name)));
      expect(strip(copy)).toEqual(strip(JSON.parse(exported).resources));
      expect(copy.find((r: { name: string }) => r.name === 'Archived Pantry').status).toBe('archived');
    } finally {
      await other.close();
    }
  });
});

test('the routes are in the OpenAPI document under resources, the export as a file', async () => {
  const doc = (await new Client(ctx.app).get('/api/openapi.json')).json();
  expect(doc.paths['/api/v1/admin/resources/import'].post.tags).toEqual(['resources']);
  expect(doc.paths['/api/v1/admin/resources/import'].post.responses).toHaveProperty('413');
  expect(Object.keys(doc.paths['/api/v1/admin/resources/export'].get.responses['200'].content)).toEqual(['application/json', 'text/csv']);
  expect(doc.paths['/api/v1/resources/sheet.pdf'].get.responses['200'].content).toHaveProperty('application/pdf');
});
