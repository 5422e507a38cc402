import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ResourceSearchQuery, resourceSearchQuery } from '../../../contracts/resources.ts';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createEntry } from '../../../../test/helpers/resources-factories.ts';
import type { Actor } from '../../access.ts';
import { canReadEntry } from './policy.ts';
import { cellsAround, searchResources, searchStatements } from './search-repo.ts';

/**
 * The directory's search against real PostgreSQL. The starter set is in every test database (and other tests add
 * entries), so each test searches for words or a service language only its own entries carry.
 */

let ctx: TestContext;
let member: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  member = await createUser(ctx);
});
afterAll(() => ctx.close());

const query = (q: Record<string, string | undefined>): ResourceSearchQuery => resourceSearchQuery.parse(Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)));
const search = (q: Record<string, string | undefined>, opts: { signedIn?: boolean; locale?: 'en' | 'es'; now?: Date } = {}) =>
  searchResources(ctx.database.db, query(q), { signedIn: opts.signedIn ?? false, locale: opts.locale ?? 'en', now: opts.now, phoneCountry: 'US' });
const ids = async (q: Record<string, string | undefined>, opts: Parameters<typeof search>[1] = {}) => (await search(q, opts)).rows.map((r) => r.id);

describe('who finds what', () => {
  test('the search lists exactly the published entries the reader may open (canReadEntry)', async () => {
    const made: { id: string; status: 'published' | 'suggested' | 'rejected' | 'archived'; audience: 'public' | 'members' }[] = [];
    for (const status of ['published', 'suggested', 'rejected', 'archived'] as const) {
      for (const audience of ['public', 'members'] as const) {
        made.push({ id: await createEntry(ctx, { name: `Gannet ${status} ${audience}`, audience }, { status }), status, audience });
      }
    }
    const reader: Actor = { userId: member.id, sessionId: 'test', roles: new Set(['member']) };
    for (const [actor, signedIn] of [[null, false], [reader, true]] as const) {
      const found = new Set(await ids({ q: 'gannet' }, { signedIn }));
      for (const e of made) expect(found.has(e.id), `${signedIn ? 'member' : 'signed out'} / ${e.status} / ${e.audience}`).toBe(e.status === 'published' && canReadEntry(actor, e));
    }
    // Both listed to members, one to everyone: a rule held in two places still says one thing.
    expect(made.filter((e) => e.status === 'published')).toHaveLength(2);
  });
});

describe('words, in English and Spanish', () => {
  test('stems: "treatments" finds "treatment"; "tratamientos" finds a Spanish description; the name matches as written', async () => {
    const english = await createEntry(ctx, { name: 'Puffin Recovery Center', description: 'Outpatient treatment for opioid use.' });
    const spanish = await createEntry(ctx, {
      name: 'Puffin Family Services',
      category: 'family_support',
      description: 'Support for families.',
      translations: { es: { name: 'Servicios Familiares Puffin', description: 'Ofrecemos tratamiento y acompañamiento para familias.' } },
    });
    const neither = await createEntry(ctx, { name: 'Puffin Food Shelf', category: 'food', description: 'Groceries every Tuesday.' });

    expect(await ids({ q: 'puffin treatments' })).toEqual([english]);
    expect(await ids({ q: 'puffin tratamientos' })).toEqual([spanish]);
    expect(await ids({ q: 'acompañamientos puffin' }, { locale: 'es' })).toEqual([spanish]);
    expect(new Set(await ids({ q: 'puffin' }))).toEqual(new Set([english, spanish, neither]));
    // The name in the reader's language when a translation exists.
    const [es] = (await search({ q: 'puffin tratamientos' }, { locale: 'es' })).rows;
    expect(es).toMatchObject({ name: 'Servicios Familiares Puffin', description: 'Ofrecemos tratamiento y acompañamiento para familias.' });
    const [en] = (await search({ q: 'puffin tratamientos' }, { locale: 'en' })).rows;
    expect(en).toMatchObject({ name: 'Puffin Family Services', description: 'Support for families.' });
  });

  test('a match in the name ranks above a match in the description', async () => {
    const inDescription = await createEntry(ctx, { name: 'Harbor Peer Line', description: 'We talk about kittiwake birds sometimes.' });
    const inName = await createEntry(ctx, { name: 'Kittiwake Harm Reduction', description: 'Supplies and naloxone.' });
    expect(await ids({ q: 'kittiwake' })).toEqual([inName, inDescription]);
  });

  test('category, service language and cost filter', async () => {
    const a = await createEntry(ctx, { name: 'Cormorant Clinic', category: 'medication_treatment', languages: ['en', 'es'], costs: ['free'] });
    const b = await createEntry(ctx, { name: 'Cormorant Counseling', category: 'mental_health', languages: ['en'], costs: ['sliding_scale', 'medicaid'] });
    const c = await createEntry(ctx, { name: 'Cormorant Shelter', category: 'housing', languages: ['es', 'zh'], costs: ['free'] });
    expect(await ids({ q: 'cormorant', category: 'mental_health' })).toEqual([b]);
    expect(new Set(await ids({ q: 'cormorant', language: 'es' }))).toEqual(new Set([a, c]));
    expect(await ids({ q: 'cormorant', language: 'zh' })).toEqual([c]);
    expect(new Set(await ids({ q: 'cormorant', cost: 'free' }))).toEqual(new Set([a, c]));
    expect(await ids({ q: 'cormorant', cost: 'medicaid', language: 'en' })).toEqual([b]);
    expect(await ids({ q: 'cormorant', category: 'housing', cost: 'paid' })).toEqual([]);
  });

  test('without words: category order, then name', async () => {
    // A service language only these carry isolates them from every other entry.
    const food = await createEntry(ctx, { name: 'Alpha Pantry', category: 'food', languages: ['qqa'] });
    const crisis = await createEntry(ctx, { name: 'Zulu Warmline', category: 'crisis_lines', languages: ['qqa'] });
    const crisis2 = await createEntry(ctx, { name: 'Bravo Lifeline', category: 'crisis_lines', languages: ['qqa'] });
    const housing = await createEntry(ctx, { name: 'Charlie Housing', category: 'housing', languages: ['qqa'] });
    expect(await ids({ language: 'qqa' })).toEqual([crisis2, crisis, housing, food]);
  });
});

describe('near a point', () => {
  // Downtown New Haven, and places around it.
  const here = { lat: 41.3083, lng: -72.9279 };
  test('entries within the radius by distance, then national lines and online services; nothing else', async () => {
    const close = await createEntry(ctx, { name: 'Ptarmigan Outreach Van', location: { lat: 41.31, lng: -72.93 } });
    const town = await createEntry(ctx, { name: 'Ptarmigan Clinic Hartford', location: { lat: 41.7658, lng: -72.6734 } }); // ~55 km
    const far = await createEntry(ctx, { name: 'Ptarmigan Boston', location: { lat: 42.3601, lng: -71.0589 } }); // ~190 km
    const national = await createEntry(ctx, { name: 'Ptarmigan National Helpline', phone: '1-800-662-4357' });
    const texting = await createEntry(ctx, { name: 'Ptarmigan Text Line', textLine: { number: '741741', keyword: 'HOME' } });
    const online = await createEntry(ctx, { name: 'Ptarmigan Online Meetings', online: true });
    const nowhere = await createEntry(ctx, { name: 'Ptarmigan Leaflet' });

    const near = `${here.lat},${here.lng}`;
    const result = await search({ q: 'ptarmigan', near, radiusKm: '60' });
    const found = result.rows.map((r) => r.id);
    expect(found.slice(0, 2)).toEqual([close, town]);
    expect(new Set(found.slice(2))).toEqual(new Set([national, texting, online]));
    expect(found).not.toContain(far);
    expect(found).not.toContain(nowhere);
    expect(result.total).toBe(5);
    expect(result.rows[0]!.distanceKm).toBe(0.3);
    expect(result.rows[1]!.distanceKm).toBeGreaterThan(54);
    expect(result.rows[1]!.distanceKm).toBeLessThan(60);
    expect(result.rows[2]!.distanceKm).toBeNull();

    expect((await ids({ q: 'ptarmigan', near, radiusKm: '10' })).slice(0, 1)).toEqual([close]);
    expect((await ids({ q: 'ptarmigan', near, radiusKm: '300' })).slice(0, 3)).toEqual([close, town, far]);
    // The default radius is 50 km.
    expect(await ids({ q: 'ptarmigan', near })).not.toContain(town);
  });

  test('across the antimeridian and near a pole the box still holds every entry within the radius', async () => {
    const fiji = await createEntry(ctx, { name: 'Skua Island Clinic', location: { lat: -16.5, lng: 179.95 } });
    const north = await createEntry(ctx, { name: 'Skua Polar Station', location: { lat: 89.9, lng: 10 } });
    expect(await ids({ q: 'skua', near: '-16.5,-179.95', radiusKm: '20' })).toContain(fiji);
    expect(await ids({ q: 'skua', near: '89.9,-170', radiusKm: '30' })).toContain(north);
    expect(await ids({ q: 'skua', near: '-16.5,-179.5', radiusKm: '20' })).not.toContain(fiji);
  });

  test('the box and the haversine agree with the exact distance for random points', async () => {
    const ptIds: { id: string; lat: number; lng: number }[] = [];
    const points = fc.sample(fc.record({ lat: fc.double({ min: -85, max: 85, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) }), 40);
    for (const p of points) ptIds.push({ id: await createEntry(ctx, { name: 'Petrel Point', location: p }), ...p });
    const { distanceKm } = await import('./presenters.ts');
    for (const center of fc.sample(fc.record({ lat: fc.double({ min: -85, max: 85, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) }), 15)) {
      for (const radius of [20, 100, 500]) {
        const found = new Set(await ids({ q: 'petrel', near: `${center.lat.toFixed(5)},${center.lng.toFixed(5)}`, radiusKm: String(radius), pageSize: '50' }));
        for (const p of ptIds) {
          const d = distanceKm({ lat: Number(center.lat.toFixed(5)), lng: Number(center.lng.toFixed(5)) }, p);
          if (Math.abs(d - radius) > 0.01) expect(found.has(p.id), `${JSON.stringify(center)} → ${JSON.stringify(p)} ${d} km, radius ${radius}`).toBe(d <= radius);
        }
      }
    }
  });
});

describe('the one-degree cells a search near a point looks up', () => {
  // The cell of a point, as the generated column computes it.
  const cellOf = (lat: number, lng: number) => (Math.floor(lat) + 90) * 360 + Math.floor(lng) + 180;
  // The point `km` away from `p` on `bearing` (great circle).
  const destination = (p: { lat: number; lng: number }, km: number, bearing: number) => {
    const r = Math.PI / 180;
    const d = km / 6371;
    const lat = Math.asin(Math.sin(p.lat * r) * Math.cos(d) + Math.cos(p.lat * r) * Math.sin(d) * Math.cos(bearing * r));
    const lng = p.lng * r + Math.atan2(Math.sin(bearing * r) * Math.sin(d) * Math.cos(p.lat * r), Math.cos(d) - Math.sin(p.lat * r) * Math.sin(lat));
    return { lat: lat / r, lng: ((((lng / r + 180) % 360) + 360) % 360) - 180 };
  };

  test('hold the cell of every point within the radius (a superset), across the antimeridian too, or give up on wide boxes', () => {
    fc.assert(
      fc.property(
        fc.record({ lat: fc.double({ min: -80, max: 80, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) }),
        fc.double({ min: 1, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (center, radius, fraction, bearing) => {
          const cells = cellsAround(center, radius);
          if (cells === null) return;
          const p = destination(center, radius * fraction * 0.999, bearing);
          expect(cells).toContain(cellOf(p.lat, p.lng));
        },
      ),
      { numRuns: 2000 },
    );
    expect(cellsAround({ lat: 41.88, lng: -87.63 }, 50)!.length).toBeLessThanOrEqual(6);
    expect(cellsAround({ lat: 41.88, lng: -87.63 }, 500)).toBeNull();
    expect(cellsAround({ lat: -16.5, lng: 179.9 }, 20)).toEqual(expect.arrayContaining([cellOf(-16.5, 179.9), cellOf(-16.5, -179.9)]));
  });
});

describe('open now', () => {
  // Friday 22:00 to 02:00 in Los Angeles; a Monday-only office in New York; always open; hours unknown.
  async function entries() {
    return {
      night: await createEntry(ctx, { name: 'Nightjar Night Clinic', hours: { timeZone: 'America/Los_Angeles', periods: [{ day: 5, opens: '22:00', closes: '02:00' }] } }),
      office: await createEntry(ctx, { name: 'Nightjar Office', hours: { timeZone: 'America/New_York', periods: [{ day: 1, opens: '09:00', closes: '17:00' }] } }),
      always: await createEntry(ctx, { name: 'Nightjar Lifeline', hours: { timeZone: 'UTC', alwaysOpen: true } }),
      unknown: await createEntry(ctx, { name: 'Nightjar Unknown Hours' }),
    };
  }

  test('a period past midnight is open after midnight in its own zone, and the summary says so too', async () => {
    const e = await entries();
    // Saturday 1 May 2027, 01:30 in Los Angeles (08:30 UTC): the Friday night period.
    const saturdayNight = new Date('2027-05-01T08:30:00Z');
    expect(new Set(await ids({ q: 'nightjar', openNow: 'true' }, { now: saturdayNight }))).toEqual(new Set([e.night, e.always]));
    // 02:30 there: closed.
    expect(await ids({ q: 'nightjar', openNow: 'true' }, { now: new Date('2027-05-01T09:30:00Z') })).toEqual([e.always]);
    // Friday 23:59 there (Saturday 06:59 UTC): open; Friday 21:59: closed.
    expect(await ids({ q: 'nightjar', openNow: 'true' }, { now: new Date('2027-05-01T06:59:00Z') })).toContain(e.night);
    expect(await ids({ q: 'nightjar', openNow: 'true' }, { now: new Date('2027-05-01T04:59:00Z') })).not.toContain(e.night);
    // Monday 10:00 in New York.
    expect(new Set(await ids({ q: 'nightjar', openNow: 'true' }, { now: new Date('2027-05-03T14:00:00Z') }))).toEqual(new Set([e.office, e.always]));

    const all = (await search({ q: 'nightjar' }, { now: saturdayNight })).rows;
    const openNow = Object.fromEntries(all.map((r) => [r.id, r.openNow]));
    expect(openNow).toMatchObject({ [e.night]: true, [e.office]: false, [e.always]: true, [e.unknown]: null });
  });

  test('the SQL filter and the presenter agree at any moment', async () => {
    await entries();
    const all = async (now: Date) => (await search({ q: 'nightjar', pageSize: '50' }, { now })).rows;
    for (const now of fc.sample(fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true }), 40)) {
      const open = new Set(await ids({ q: 'nightjar', openNow: 'true', pageSize: '50' }, { now }));
      for (const r of await all(now)) expect(open.has(r.id), `${r.name} at ${now.toISOString()}`).toBe(r.openNow === true);
    }
  });

  test('over HTTP: openNow=true lists an always-open entry, not one open only on another day', async () => {
    const today = new Date().getUTCDay() || 7;
    const otherDay = ((today + 2) % 7) + 1; // neither yesterday, today nor tomorrow
    const always = await createEntry(ctx, { name: 'Waxwing Warmline', hours: { timeZone: 'UTC', alwaysOpen: true } });
    const closed = await createEntry(ctx, { name: 'Waxwing Office', hours: { timeZone: 'UTC', periods: [{ day: otherDay, opens: '09:00', closes: '17:00' }] } });
    const res = await new Client(ctx.app).get('/api/v1/resources?q=waxwing&openNow=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, resources: [{ id: always, openNow: true }] });
    const every = (await new Client(ctx.app).get('/api/v1/resources?q=waxwing')).json();
    expect(every.resources.find((r: { id: string }) => r.id === closed)).toMatchObject({ openNow: false });
  });
});

describe('pages', () => {
  test('pages of the size asked, the total on every page, and past the end an empty page that still counts', async () => {
    const made = new Set<string>();
    for (let i = 0; i < 7; i++) made.add(await createEntry(ctx, { name: `Shearwater Pantry ${i}`, category: 'food' }));
    const seen: string[] = [];
    for (const page of ['1', '2', '3']) {
      const r = await search({ q: 'shearwater', pageSize: '3', page });
      expect(r.total).toBe(7);
      seen.push(...r.rows.map((x) => x.id));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(made);
    expect(await search({ q: 'shearwater', pageSize: '3', page: '4' })).toEqual({ rows: [], total: 7 });
    expect(await search({ q: 'nothingmatchesthisword' })).toEqual({ rows: [], total: 0 });

    const res = await member.client.get('/api/v1/resources?q=shearwater&pageSize=5&page=2');
    expect(res.json()).toMatchObject({ total: 7, page: 2, pageSize: 5 });
    expect(res.json().resources).toHaveLength(2);
  });
});

describe('indexes', () => {
  test('on a few thousand entries the text, category and location indexes are used', async () => {
    // Spread over the continental United States, a category and a word each, as an import would leave them.
    await ctx.database.db.execute(sql`
      insert into resource (id, name, category, description, origin, latitude, longitude, languages, costs, phone)
      select gen_random_uuid(), 'Generated ' || (array['clinic', 'pantry', 'shelter', 'naloxone', 'counseling'])[1 + i % 5] || ' ' || i,
             (array['harm_reduction', 'food', 'housing', 'treatment_detox', 'mental_health', 'legal_aid'])[1 + i % 6],
             'Entry number ' || i || ' offers ' || (array['treatment', 'meals', 'beds', 'naloxone kits', 'therapy'])[1 + i % 5],
             'import', 25 + (i * 7919 % 2400) / 100.0, -124 + (i * 104729 % 5700) / 100.0,
             array['en'], array['free'], case when i % 50 = 0 then '+18005550100' end
      from generate_series(1, 4000) i`);
    await ctx.database.db.execute(sql`insert into resource (id, name, category, origin, phone) select gen_random_uuid(), 'National line ' || i, 'crisis_lines', 'import', '+1800555' || lpad(i::text, 4, '0') from generate_series(1, 30) i`);
    await createEntry(ctx, { name: 'Oystercatcher Detox', category: 'treatment_detox', location: { lat: 40.71, lng: -74.01 } });
    await ctx.database.db.execute(sql`analyze resource`);

    const plan = async (q: Record<string, string>) => {
      const { page } = searchStatements(query(q), { signedIn: true, now: new Date() });
      const { rows } = await ctx.database.db.execute<{ 'QUERY PLAN': unknown }>(sql`explain (format json) ${page}`);
      return JSON.stringify(rows[0]!['QUERY PLAN']);
    };
    const noSeqScan = /"Node Type":"Seq Scan"[^{}]*"Relation Name":"resource"/;
    // A rare word: the text index finds its few entries.
    expect(await plan({ q: 'oystercatcher' })).toContain('resource_search_idx');
    // A point: the box on the lat/lng index, and the same index for the entries without a location (national lines).
    const box = await plan({ near: '40.7,-74.0', radiusKm: '25' });
    expect(box).toContain('resource_near_idx');
    expect(box).not.toMatch(noSeqScan);
    expect(await plan({ category: 'legal_aid' })).toContain('resource_category_idx');
    // Words, category and distance together (the benchmarked search): indexes only, whichever the planner combines.
    for (const q of ['naloxone', 'oystercatcher']) {
      const all = await plan({ q, category: 'harm_reduction', near: '40.7,-74.0' });
      expect(all).toMatch(/resource_(search|near|category)_idx/);
      expect(all).not.toMatch(noSeqScan);
    }
  });
});
