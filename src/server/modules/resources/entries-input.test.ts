import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { resourceInput } from '../../../contracts/resources.ts';
import { displayPhone, normalizePhone, normalizeResourceInput, normalizeWebsite, stripHtml } from './entries-input.ts';
import { type HoursRow, isOpenAt, joinHours, splitHours } from './hours.ts';

const input = (over: Record<string, unknown>) => resourceInput.parse({ name: 'Harbor Clinic', category: 'treatment_detox', ...over });
const normalize = (over: Record<string, unknown>, phoneCountry = 'US') => normalizeResourceInput(input(over), { phoneCountry });

describe('stripHtml', () => {
  test.each([
    ['<script>alert(1)</script>Open <b>daily</b>', 'Open daily'],
    ['<img src=x onerror=alert(1)>Walk-ins', 'Walk-ins'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;safe', 'safe'],
    ['a < b and c > d', 'a < b and c > d'],
    ['  lots   of\t\tspace  ', 'lots of space'],
    ['one\n\n\n\n\ntwo', 'one\n\ntwo'],
    ['<style>p{color:red}</style><p>Hi</p>', 'Hi'],
  ])('%j → %j', (raw, clean) => {
    expect(stripHtml(raw)).toBe(clean);
  });

  test('never leaves a tag, and stripping twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', 'b', 's', 'c', 'r', 'i', 'p', 't', ' ', '&', ';', 'l', 'g', '=', '"') }), (s) => {
        const once = stripHtml(s);
        expect(once).not.toMatch(/<\/?[a-z!]/i);
        expect(stripHtml(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('phone numbers', () => {
  test.each([
    ['1-800-662-4357', 'US', '+18006624357'],
    ['(800) 662 4357', 'US', '+18006624357'],
    ['+52 800 911 2000', 'US', '+528009112000'],
    ['800 911 2000', 'MX', '+528009112000'],
    ['988', 'US', '988'],
    ['741741', 'US', '741741'],
    ['2-1-1', 'US', '211'],
  ])('%s in %s → %s', (raw, country, tel) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, value: tel });
  });

  test.each(['12', '1234567', 'call us', '555-1234', '+1 555', 'javascript:alert(1)', '98 8x'])('%s is refused', (raw) => {
    expect(normalizePhone(raw, 'US')).toEqual({ ok: false, message: 'Enter a phone number that can be dialled' });
  });

  test('shown the national way at home, internationally abroad, short codes as they are', () => {
    expect(displayPhone('+18006624357', 'US')).toBe('(800) 662-4357');
    expect(displayPhone('+528009112000', 'US')).toBe('+52 800 911 2000');
    expect(displayPhone('+528009112000', 'MX')).toBe('800 911 2000');
    expect(displayPhone('988', 'US')).toBe('988');
  });
});

describe('websites', () => {
  test.each([
    ['https://988lifeline.org', 'https://988lifeline.org/'],
    ['HTTPS://FindTreatment.GOV/locator', 'https://findtreatment.gov/locator'],
    ['naranon.org', 'https://naranon.org/'],
    ['http://example.org/a?b=c', 'http://example.org/a?b=c'],
  ])('%s → %s', (raw, href) => {
    expect(normalizeWebsite(raw)).toEqual({ ok: true, value: href });
  });

  test.each([
    ['javascript:alert(1)', 'resourceWebsiteScheme'],
    ['JavaScript:alert(1)', 'resourceWebsiteScheme'],
    ['data:text/html,<b>x</b>', 'resourceWebsiteScheme'],
    ['ftp://example.org', 'resourceWebsiteScheme'],
    ['https://user:secret@example.org', 'resourceWebsiteCredentials'],
    ['https://', 'resourceWebsiteInvalid'],
    ['not a site', 'resourceWebsiteInvalid'],
  ])('%s is refused (%s)', (raw, key) => {
    expect(normalizeWebsite(raw)).toEqual({ ok: false, key });
  });
});

describe('normalizeResourceInput', () => {
  test('normalises every field it controls', () => {
    const result = normalize({
      name: '<b>Harbor</b> Clinic',
      description: 'Walk-in <script>x()</script>help',
      phone: '1-800-662-4357',
      textLine: { number: '741741', keyword: '<i>HOME</i>' },
      website: 'Harbor.example.org',
      address: ' 1 Main St ',
      location: { lat: 40.7, lng: -74 },
      languages: ['en', 'es', 'en'],
      costs: ['free', 'free'],
      translations: { es: { name: 'Clínica <u>Harbor</u>', description: 'Ayuda' }, en: { name: 'Ignored', description: '' } },
      hours: { timeZone: 'America/New_York', periods: [{ day: 5, opens: '22:00', closes: '02:00' }] },
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Harbor Clinic',
        description: 'Walk-in help',
        phone: '+18006624357',
        textNumber: '741741',
        textKeyword: 'HOME',
        website: 'https://harbor.example.org/',
        address: '1 Main St',
        latitude: 40.7,
        longitude: -74,
        languages: ['en', 'es'],
        costs: ['free'],
        translations: { es: { name: 'Clínica Harbor', description: 'Ayuda' } },
        timeZone: 'America/New_York',
        alwaysOpen: false,
        hours: [
          { day: 5, opens: 1320, closes: 1440 },
          { day: 6, opens: 0, closes: 120 },
        ],
      }),
    });
  });

  test('reports every problem by field at once', () => {
    const result = normalize({
      name: '<b></b>x',
      phone: 'call me',
      textLine: { number: 'abc', keyword: null },
      website: 'javascript:alert(1)',
      hours: { timeZone: 'UTC', periods: [{ day: 1, opens: '24:00', closes: '10:00' }, { day: 2, opens: '09:00', closes: '09:00' }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.errors.map((e) => [e.field, e.key]))).toEqual({
      name: 'resourceNameRequired',
      phone: 'resourcePhoneInvalid',
      'textLine.number': 'resourcePhoneInvalid',
      website: 'resourceWebsiteScheme',
      'hours.periods.0.opens': 'resourceHoursOpensAtMidnight',
      'hours.periods.1.closes': 'resourceHoursSameTime',
    });
    expect(result.errors.every((e) => e.message.length > 5)).toBe(true);
  });

  test('known hours must say when: periods, or always open', () => {
    expect(normalize({ hours: { timeZone: 'UTC', periods: [] } })).toMatchObject({ ok: false, errors: [{ field: 'hours.periods' }] });
    expect(normalize({ hours: { timeZone: 'UTC', alwaysOpen: true } })).toMatchObject({ ok: true, value: { alwaysOpen: true, hours: [] } });
    expect(normalize({ hours: null })).toMatchObject({ ok: true, value: { timeZone: null, hours: [] } });
  });
});

// ── Hours: splitting past midnight, and "open now" ──

const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const period = fc
  .record({ day: fc.integer({ min: 1, max: 7 }), opens: clock, closes: fc.oneof(clock, fc.constant('24:00')) })
  .filter((p) => p.opens !== p.closes);
const toMin = (c: string) => Number(c.slice(0, 2)) * 60 + Number(c.slice(3));

/** The week's minutes a list of periods covers, read the plain way: from its open, minute by minute, to its close. */
function naiveWeek(periods: { day: number; opens: string; closes: string }[]): Set<number> {
  const open = new Set<number>();
  for (const p of periods) {
    const start = (p.day - 1) * 1440 + toMin(p.opens);
    let length = toMin(p.closes) - toMin(p.opens);
    if (length <= 0) length += 1440;
    for (let m = 0; m < length; m++) open.add((start + m) % (7 * 1440));
  }
  return open;
}

function rowsWeek(rows: HoursRow[]): Set<number> {
  const open = new Set<number>();
  for (const r of rows) for (let m = r.opens; m < r.closes; m++) open.add((r.day - 1) * 1440 + m);
  return open;
}

describe('hours', () => {
  test('split rows cover exactly the minutes the periods do, and are valid, sorted and disjoint', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 8 }), (periods) => {
        const rows = splitHours(periods);
        expect(rowsWeek(rows)).toEqual(naiveWeek(periods));
        for (const [i, r] of rows.entries()) {
          expect(r.opens).toBeGreaterThanOrEqual(0);
          expect(r.opens).toBeLessThan(r.closes);
          expect(r.closes).toBeLessThanOrEqual(1440);
          const prev = rows[i - 1];
          if (prev && prev.day === r.day) expect(prev.closes).toBeLessThan(r.opens);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('joined back for reading, the periods mean the same minutes', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 8 }), (periods) => {
        const rows = splitHours(periods);
        const again = joinHours(rows);
        expect(rowsWeek(splitHours(again))).toEqual(rowsWeek(rows));
      }),
      { numRuns: 300 },
    );
    expect(joinHours(splitHours([{ day: 7, opens: '22:00', closes: '06:00' }]))).toEqual([{ day: 7, opens: '22:00', closes: '06:00' }]);
  });

  test('open now agrees with the minute-by-minute reading, in the entry’s own zone', () => {
    const zones = ['UTC', 'America/New_York', 'America/Mexico_City', 'Asia/Kolkata', 'Pacific/Auckland'];
    fc.assert(
      fc.property(
        fc.array(period, { maxLength: 6 }),
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        (periods, timeZone, now) => {
          const local = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
          const part = (t: string) => local.find((p) => p.type === t)!.value;
          const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
          const minuteOfWeek = (day - 1) * 1440 + Number(part('hour')) * 60 + Number(part('minute'));
          const open = isOpenAt({ timeZone, alwaysOpen: false, hours: splitHours(periods) }, now);
          expect(open).toBe(naiveWeek(periods).has(minuteOfWeek));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('unknown hours are neither open nor closed; always open is open', () => {
    expect(isOpenAt({ timeZone: null, alwaysOpen: false, hours: [] }, new Date())).toBeNull();
    expect(isOpenAt({ timeZone: 'UTC', alwaysOpen: true, hours: [] }, new Date())).toBe(true);
  });
});
