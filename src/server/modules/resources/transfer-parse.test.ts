import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, formatCompactHours, ImportFileError, parseCompactHours, parseCsvImport, parseJsonImport } from './transfer-parse.ts';

const US = { phoneCountry: 'US' };

describe('compact opening hours', () => {
  test.each([
    ['Mo-Fr 09:00-17:00; Sa 10:00-14:00', [[1, '09:00', '17:00'], [2, '09:00', '17:00'], [3, '09:00', '17:00'], [4, '09:00', '17:00'], [5, '09:00', '17:00'], [6, '10:00', '14:00']]],
    ['mo,we 9:00-12:00,13:00-17:30', [[1, '09:00', '12:00'], [1, '13:00', '17:30'], [3, '09:00', '12:00'], [3, '13:00', '17:30']]],
    ['Fr 22:00-02:00', [[5, '22:00', '02:00']]],
    ['Sa-Mo 10:00-24:00', [[6, '10:00', '24:00'], [7, '10:00', '24:00'], [1, '10:00', '24:00']]],
    ['Mo–Fr 08:00–16:00; Su off', [1, 2, 3, 4, 5].map((d) => [d, '08:00', '16:00'])],
  ])('%s', (text, periods) => {
    const parsed = parseCompactHours(text);
    expect(parsed).toEqual({ ok: true, value: { alwaysOpen: false, periods: periods.map(([day, opens, closes]) => ({ day, opens, closes })) } });
  });

  test('24/7 is always open', () => {
    expect(parseCompactHours('24/7')).toEqual({ ok: true, value: { alwaysOpen: true, periods: [] } });
    expect(parseCompactHours(' 24 / 7 ')).toEqual({ ok: true, value: { alwaysOpen: true, periods: [] } });
  });

  test.each(['Monday 9-5', 'Mo-Fr 9-17', 'Xx 09:00-17:00', 'Mo 25:00-26:00', 'Mo 09:00-09:00', 'Mo 24:00-02:00', 'Mo 09:60-10:00', 'Mo-Fr', 'Su off', ''])('refuses %j', (text) => {
    const parsed = parseCompactHours(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });

  test('formats back into the same periods, days with the same times grouped', () => {
    for (const text of ['Mo-Fr 09:00-17:00; Sa 10:00-14:00', 'Mo,We 09:00-12:00,13:00-17:30', 'Mo-Th 09:00-17:00; Fr 09:00-17:00,22:00-02:00', 'Sa,Su 10:00-12:00']) {
      const parsed = parseCompactHours(text);
      if (!parsed.ok) throw new Error(parsed.message);
      const again = formatCompactHours(parsed.value);
      expect(again).toBe(text);
      expect(parseCompactHours(again)).toEqual(parsed);
    }
    expect(formatCompactHours({ alwaysOpen: true, periods: [] })).toBe('24/7');
    expect(formatCompactHours({ alwaysOpen: false, periods: [{ day: 1, opens: '09:00', closes: '17:00' }, { day: 2, opens: '09:00', closes: '17:00' }] }, ['lun', 'mar'], '–')).toBe('lun,mar 09:00–17:00');
  });
});

/** A CSV file with the columns given and rows of values for them. */
function csv(columns: string[], rows: string[][]) {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}

describe('CSV', () => {
  const columns = ['externalId', 'name', 'category', 'phone', 'website', 'hours', 'time_zone', 'languages', 'costs', 'lat', 'lng', 'in_person'];

  test('a good row becomes a normalised entry: phone in E.164, hours as rows, lists split', () => {
    const parsed = parseCsvImport(
      csv(columns, [['riverside-1', 'Riverside <b>Clinic</b>', 'treatment_detox', '(312) 555-0142', 'Riverside.example.org/intake', 'Mo-Fr 09:00-17:00; Sa 22:00-02:00', 'America/Chicago', 'en|es', 'free|sliding_scale', '41.88', '-87.63', 'yes']]),
      US,
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toBe(1);
    const [c] = parsed.candidates;
    expect(c).toMatchObject({ row: 1, externalId: 'riverside-1', status: null });
    expect(c!.value).toMatchObject({
      name: 'Riverside Clinic',
      category: 'treatment_detox',
      phone: '+13125550142',
      website: 'https://riverside.example.org/intake',
      timeZone: 'America/Chicago',
      alwaysOpen: false,
      languages: ['en', 'es'],
      costs: ['free', 'sliding_scale'],
      latitude: 41.88,
      longitude: -87.63,
      inPerson: true,
      online: false,
    });
    expect(c!.value.hours).toEqual([
      ...[1, 2, 3, 4, 5].map((day) => ({ day, opens: 540, closes: 1020 })),
      { day: 6, opens: 1320, closes: 1440 },
      { day: 7, opens: 0, closes: 120 },
    ]);
  });

  test('every bad row is reported with each bad cell, named by its column; good rows still come through', () => {
    const parsed = parseCsvImport(
      csv(columns, [
        ['a', 'Good Place', 'food', '', '', '', '', '', '', '', '', ''],
        ['b', 'Bad Phone', 'food', '12', '', '', '', '', '', '', '', ''],
        ['c', 'Bad Category', 'casino', '', '', '', '', '', '', '', '', ''],
        ['d', '', 'food', '', '', '', '', '', '', '', '', ''],
        ['e', 'Bad Hours', 'food', '', '', 'Mondays nine to five', 'America/Chicago', '', '', '', '', ''],
        ['f', 'Script Link', 'food', '', 'javascript:alert(1)', '', '', '', '', '', '', ''],
        ['g', 'Many Problems', 'nope', 'call me', 'ftp://example.org', '', '', 'english', 'cheap', '91', 'x', 'maybe'],
        ['a', 'Same Id', 'food', '', '', '', '', '', '', '', '', ''],
      ]),
      US,
    );
    expect(parsed.rows).toBe(8);
    expect(parsed.candidates.map((c) => c.externalId)).toEqual(['a']);
    const byRow = Object.fromEntries(parsed.rejected.map((r) => [r.row, r]));
    expect(Object.keys(byRow).map(Number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(byRow[2]).toEqual({ row: 2, name: 'Bad Phone', errors: [{ field: 'phone', message: 'Enter a phone number that can be dialled' }] });
    expect(byRow[3]!.errors.map((e) => e.field)).toEqual(['category']);
    expect(byRow[4]).toMatchObject({ name: null, errors: [{ field: 'name' }] });
    expect(byRow[5]!.errors).toEqual([{ field: 'hours', message: expect.stringContaining('Mondays nine to five') }]);
    expect(byRow[6]!.errors.map((e) => e.field)).toEqual(['website']);
    expect(byRow[7]!.errors.map((e) => e.field).sort()).toEqual(['category', 'costs', 'in_person', 'lat', 'lng', 'languages', 'phone', 'website'].sort());
    expect(byRow[8]!.errors).toEqual([{ field: 'externalId', message: 'Row 1 has the same external id' }]);
  });

  test('headers match whatever their case; unknown, repeated or missing columns refuse the file', () => {
    const ok = parseCsvImport('External ID,NAME,Category,Text Number,TEXT_KEYWORD,Locale\r\nx1,Crisis Text,Crisis_Lines,741741,HOME,ES\r\n', US);
    expect(ok.candidates[0]!.value).toMatchObject({ category: 'crisis_lines', locale: 'es', textNumber: '741741', textKeyword: 'HOME' });
    expect(() => parseCsvImport('name,category,colour\nA place,food,red', US)).toThrow(/Unknown columns: "colour"/);
    expect(() => parseCsvImport('name,category,Name\nA,food,B', US)).toThrow(/appears more than once/);
    expect(() => parseCsvImport('name,phone\nA place,988', US)).toThrow(/no category column/);
    expect(() => parseCsvImport('', US)).toThrow(ImportFileError);
  });

  test('broken quoting refuses the file with where it broke; a short row is only that row', () => {
    expect(() => parseCsvImport('name,category\n"Open quote,food\n', US)).toThrow(/quoted cell is never closed/);
    const parsed = parseCsvImport('name,category,phone\nA place,food\nB place,food,988\n', US);
    expect(parsed.rejected).toEqual([{ row: 1, name: null, errors: [{ field: '_', message: 'This row has 2 cells; the header has 3' }] }]);
    expect(parsed.candidates).toHaveLength(1);
  });

  test('24/7 needs no time zone; set hours do; always_open alone means 24/7', () => {
    const parsed = parseCsvImport(csv(['name', 'category', 'hours', 'always_open', 'time_zone'], [['Line A', 'crisis_lines', '24/7', '', ''], ['Line B', 'crisis_lines', '', 'true', ''], ['Clinic', 'food', 'Mo 09:00-10:00', '', '']]), US);
    expect(parsed.candidates.map((c) => [c.value.alwaysOpen, c.value.timeZone])).toEqual([
      [true, 'UTC'],
      [true, 'UTC'],
    ]);
    expect(parsed.rejected).toEqual([{ row: 3, name: 'Clinic', errors: [{ field: 'time_zone', message: expect.stringContaining('time zone') }] }]);
  });

  test('cells the export guarded against formulas read back as written', () => {
    const parsed = parseCsvImport(csv(['name', 'category', 'phone', 'lng', 'lat'], [['Clinic', 'food', "'+13125550142", "'-87.6", '41.9']]), US);
    expect(parsed.candidates[0]!.value).toMatchObject({ phone: '+13125550142', longitude: -87.6 });
  });

  test('more rows than the limit refuse the file', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => [`Place ${i}`, 'food']);
    expect(() => parseCsvImport(csv(['name', 'category'], rows), US)).toThrow(/more than 5000 rows/);
  });

  test('the export columns are the documented ones', () => {
    expect(CSV_COLUMNS).toContain('crisis_screen');
    expect(CSV_COLUMNS).toHaveLength(28);
  });
});

describe('JSON', () => {
  test('an array or {resources: [...]}; contract field names in errors; unknown fields reported', () => {
    const entries = [
      { externalId: 1001, name: 'Harbor House', category: 'housing', phone: '+1 617 555 0100', hours: { timeZone: 'America/New_York', periods: [{ day: 1, opens: '09:00', closes: '17:00' }] } },
      { externalId: 'j2', name: 'Bad', category: 'housing', website: 'javascript:alert(1)', textLine: { number: 'abc' }, colour: 'red' },
      'not an object',
      { name: 'Archived one', category: 'food', status: 'archived' },
      { name: 'Odd status', category: 'food', status: 'deleted' },
    ];
    for (const content of [JSON.stringify(entries), JSON.stringify({ resources: entries })]) {
      const parsed = parseJsonImport(content, US);
      expect(parsed.rows).toBe(5);
      expect(parsed.candidates.map((c) => [c.row, c.externalId, c.status])).toEqual([
        [1, '1001', null],
        [4, null, 'archived'],
      ]);
      expect(parsed.candidates[0]!.value).toMatchObject({ phone: '+16175550100', hours: [{ day: 1, opens: 540, closes: 1020 }] });
      expect(parsed.rejected).toEqual([
        { row: 2, name: 'Bad', errors: expect.arrayContaining([{ field: 'colour', message: 'Unknown field' }, { field: 'website', message: expect.any(String) }, { field: 'textLine.number', message: expect.any(String) }]) },
        { row: 3, name: null, errors: [{ field: '_', message: expect.any(String) }] },
        { row: 5, name: 'Odd status', errors: [{ field: 'status', message: 'Use published or archived' }] },
      ]);
    }
  });

  test('text that is not JSON, or JSON of the wrong shape, refuses the file', () => {
    expect(() => parseJsonImport('{"resources": [', US)).toThrow(/The JSON could not be read/);
    expect(() => parseJsonImport('{"entries": []}', US)).toThrow(/"resources" array/);
    expect(() => parseJsonImport('42', US)).toThrow(ImportFileError);
  });

  test('HTML is stripped from every text', () => {
    const parsed = parseJsonImport(
      JSON.stringify([{ name: '<script>alert(1)</script>Safe <i>Haven</i>', category: 'housing', description: '<p>Beds <b>tonight</b></p><img src=x onerror=alert(1)>', address: '<a href="x">1 Main St</a>' }]),
      US,
    );
    expect(parsed.candidates[0]!.value).toMatchObject({ name: 'Safe Haven', description: 'Beds tonight', address: '1 Main St' });
  });

  test('NUL characters (which PostgreSQL text cannot hold) are dropped, in JSON and CSV', () => {
    expect(parseJsonImport(JSON.stringify([{ name: 'Ha\u0000ven', category: 'housing' }]), US).candidates[0]!.value.name).toBe('Haven');
    expect(parseCsvImport('name,category\nHa\u0000ven,housing', US).candidates[0]!.value.name).toBe('Haven');
  });
});
