import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createEntry } from '../../../../test/helpers/resources-factories.ts';

let ctx: TestContext;
let anonymous: Client;
let coordinator: TestUser;
let moderator: TestUser;
let member: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  [coordinator, moderator, member] = await Promise.all([
    createCoordinator(ctx, { displayName: 'Corinne' }),
    createUser(ctx, { roles: ['moderator'], displayName: 'Moana' }),
    createUser(ctx, { displayName: 'Mateo' }),
  ]);
});
afterAll(() => ctx.close());

const HARBOR = {
  name: 'Harbor Street Clinic',
  category: 'medication_treatment',
  description: 'Buprenorphine starts the same day. Walk-ins welcome.',
  phone: '(212) 555-0142',
  website: 'https://Harbor.example.org/mat',
  address: '12 Harbor Street, New York, NY',
  location: { lat: 40.7061, lng: -74.0087 },
  hours: { timeZone: 'America/New_York', periods: [{ day: 1, opens: '09:00', closes: '17:00' }] },
  languages: ['en', 'es'],
  costs: ['sliding_scale', 'medicaid'],
  inPerson: true,
};

/** A snapshot of everything a directory write could touch, to prove a refused request changed nothing. */
async function snapshot() {
  const { rows } = await ctx.database.db.execute<{ entries: string; hours: string; tips: string; audit: string; settings: string }>(sql`
    select (select coalesce(md5(string_agg(r::text, ',' order by r.id)), '') from resource r) as entries,
           (select coalesce(md5(string_agg(h::text, ',' order by h.resource_id, h.day, h.opens)), '') from resource_hours h) as hours,
           (select count(*)::text from resource_tip) as tips,
           (select count(*)::text from audit_log where action like 'resources.%') as audit,
           (select coalesce(value::text, '') from instance_setting where key = 'resources') as settings`);
  return rows[0];
}

const auditOf = async (resourceId: string) =>
  (await ctx.database.db.execute<{ action: string; actor_id: string; details: Record<string, unknown> }>(sql`
    select action, actor_id, details from audit_log where details->>'resourceId' = ${resourceId} order by created_at, id`)).rows;

describe('coordinators keep the directory', () => {
  test('an entry is created normalised, verified by its coordinator, and audited by id', async () => {
    const res = await coordinator.client.post('/api/v1/resources', { ...HARBOR, description: 'Same-day <script>alert(1)</script><b>starts</b>.' });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({
      name: 'Harbor Street Clinic',
      description: 'Same-day starts.',
      phone: { tel: '+12125550142', display: '(212) 555-0142' },
      website: 'https://harbor.example.org/mat',
      status: 'published',
      origin: 'coordinator',
      verifiedBy: 'Corinne',
      needsReverification: false,
      hours: { timeZone: 'America/New_York', alwaysOpen: false, periods: [{ day: 1, opens: '09:00', closes: '17:00' }] },
      can: { edit: true, addTip: true, sendToMentee: false },
      tips: [],
      rating: null,
    });
    expect(Date.now() - Date.parse(entry.verifiedAt)).toBeLessThan(60_000);
    const audit = await auditOf(entry.id);
    expect(audit).toEqual([{ action: 'resources.entry_created', actor_id: coordinator.id, details: { resourceId: entry.id } }]);

    // Readers: anyone for a public entry; who verified it is shown to signed-in people only; no edit rights.
    const publicView = await anonymous.get(`/api/v1/resources/${entry.id}`);
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json()).toMatchObject({ verifiedBy: null, can: { edit: false, addTip: false }, needsReverification: false });
    expect(publicView.body).not.toContain('Corinne');
    expect((await member.client.get(`/api/v1/resources/${entry.id}`)).json()).toMatchObject({ verifiedBy: 'Corinne', can: { edit: false, addTip: true } });
  });

  test('a change is merged with the entry, checked as a whole, and audited with field names only', async () => {
    const id = (await coordinator.client.post('/api/v1/resources', HARBOR)).json().id;
    const res = await coordinator.client.patch(`/api/v1/resources/${id}`, { phone: '1-800-662-4357', hours: { timeZone: 'America/New_York', periods: [{ day: 5, opens: '22:00', closes: '02:00' }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: HARBOR.name, phone: { tel: '+18006624357' }, website: 'https://harbor.example.org/mat', hours: { periods: [{ day: 5, opens: '22:00', closes: '02:00' }] } });
    const rows = (await ctx.database.db.execute(sql`select day, opens, closes from resource_hours where resource_id = ${id} order by day`)).rows;
    expect(rows).toEqual([
      { day: 5, opens: 1320, closes: 1440 },
      { day: 6, opens: 0, closes: 120 },
    ]);
    expect((await auditOf(id)).at(-1)).toEqual({ action: 'resources.entry_changed', actor_id: coordinator.id, details: { resourceId: id, fields: ['hours', 'phone'] } });

    // crisisScreen needs the crisis lines category, whichever of the two the change names.
    const wrong = await coordinator.client.patch(`/api/v1/resources/${id}`, { crisisScreen: true });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toEqual({ crisisScreen: 'Only crisis lines are shown on the crisis screen' });
  });

  test('verify sets the date and the coordinator; archive takes the entry out of the directory', async () => {
    const id = await createEntry(ctx, { name: 'Quayside Detox' }, { verifiedAt: new Date('2020-01-01T00:00:00Z') });
    expect((await coordinator.client.get(`/api/v1/resources/${id}`)).json()).toMatchObject({ needsReverification: true, verifiedAt: '2020-01-01T00:00:00.000Z', verifiedBy: null });
    expect((await member.client.get(`/api/v1/resources/${id}`)).json().needsReverification).toBe(false);
    const verified = await coordinator.client.post(`/api/v1/resources/${id}/verify`, {});
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ needsReverification: false, verifiedBy: 'Corinne' });

    expect((await coordinator.client.delete(`/api/v1/resources/${id}`)).statusCode).toBe(204);
    expect((await member.client.get(`/api/v1/resources/${id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/v1/resources/${id}`)).statusCode).toBe(404);
    expect((await moderator.client.get(`/api/v1/resources/${id}`)).json().status).toBe('archived');
    expect((await member.client.get('/api/v1/resources?q=Quayside')).json().resources.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await coordinator.client.post(`/api/v1/resources/${id}/verify`, {})).statusCode).toBe(404);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['resources.entry_verified', 'resources.entry_archived']);

    // Archived entries are listed for coordinators only (to find and bring one back).
    const archived = await coordinator.client.get('/api/v1/resources?status=archived&q=Quayside');
    expect(archived.json().resources.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await coordinator.client.get('/api/v1/resources?q=Quayside')).json().resources).toEqual([]);
    expect((await member.client.get('/api/v1/resources?status=archived')).statusCode).toBe(404);
    expect((await moderator.client.get('/api/v1/resources?status=archived')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/resources?status=archived')).statusCode).toBe(401);
  });

  test("a reader of the other language gets the translation, and the entry's own text stays under its language for editors", async () => {
    const res = await coordinator.client.post('/api/v1/resources', {
      ...HARBOR,
      name: 'Wharf Family Services',
      translations: { es: { name: 'Servicios Familiares Wharf', description: 'Apoyo para familias.' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const spanish = await anonymous.get(`/api/v1/resources/${res.json().id}`, { 'accept-language': 'es' });
    expect(spanish.json()).toMatchObject({
      name: 'Servicios Familiares Wharf',
      locale: 'en',
      translations: { en: { name: 'Wharf Family Services', description: HARBOR.description }, es: { name: 'Servicios Familiares Wharf' } },
    });
  });

  test("only coordinators: members and moderators get 404, signed out 401, and nothing changes", async () => {
    const id = await createEntry(ctx, { name: 'Pier Nine Shelter', category: 'housing' });
    const before = await snapshot();
    const calls: [string, string, unknown?][] = [
      ['POST', '/api/v1/resources', HARBOR],
      ['PATCH', `/api/v1/resources/${id}`, { name: 'Taken over' }],
      ['POST', `/api/v1/resources/${id}/verify`, {}],
      ['DELETE', `/api/v1/resources/${id}`],
      ['GET', '/api/v1/admin/resources/settings'],
      ['PATCH', '/api/v1/admin/resources/settings', { reverifyAfterDays: 30 }],
    ];
    for (const [method, url, body] of calls) {
      for (const who of [member, moderator]) {
        const res = await who.client.request(method as 'POST', url, body);
        expect(res.statusCode, `${who.displayName} ${method} ${url}`).toBe(404);
      }
      expect((await anonymous.request(method as 'POST', url, body)).statusCode, `signed out ${method} ${url}`).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad input is 422 and changes nothing', () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ['a huge name', { ...HARBOR, name: 'x'.repeat(5000) }, 'name'],
    ['a huge description', { ...HARBOR, description: 'y'.repeat(100_000) }, 'description'],
    ['a name that is only markup', { ...HARBOR, name: '<script>alert(1)</script><b></b>' }, 'name'],
    ['a phone number that cannot be dialled', { ...HARBOR, phone: 'call us maybe' }, 'phone'],
    ['a seven-digit local number', { ...HARBOR, phone: '555-0142' }, 'phone'],
    ['a text line that is not a number', { ...HARBOR, textLine: { number: 'HOME', keyword: null } }, 'textLine.number'],
    ['a javascript: website', { ...HARBOR, website: 'javascript:alert(document.cookie)' }, 'website'],
    ['a website with credentials', { ...HARBOR, website: 'https://admin:hunter2@example.org' }, 'website'],
    ['an unknown time zone', { ...HARBOR, hours: { timeZone: 'Mars/Olympus', periods: [] } }, 'hours.timeZone'],
    ['an hour that is not a time', { ...HARBOR, hours: { timeZone: 'UTC', periods: [{ day: 1, opens: '25:00', closes: '26:00' }] } }, 'hours.periods.0.opens'],
    ['a period that opens and closes at once', { ...HARBOR, hours: { timeZone: 'UTC', periods: [{ day: 1, opens: '09:00', closes: '09:00' }] } }, 'hours.periods.0.closes'],
    ['a weekday 8', { ...HARBOR, hours: { timeZone: 'UTC', periods: [{ day: 8, opens: '09:00', closes: '10:00' }] } }, 'hours.periods.0.day'],
    ['hours with no periods', { ...HARBOR, hours: { timeZone: 'UTC', periods: [] } }, 'hours.periods'],
    ['a latitude off the globe', { ...HARBOR, location: { lat: 91, lng: 0 } }, 'location.lat'],
    ['an unknown category', { ...HARBOR, category: 'casino' }, 'category'],
    ['a crisis-screen entry that is not a crisis line', { ...HARBOR, crisisScreen: true }, 'crisisScreen'],
    ['an unknown field', { ...HARBOR, status: 'published' }, 'status'],
  ];

  test.each(bad)('%s', async (_label, body, field) => {
    const before = await snapshot();
    const res = await coordinator.client.post('/api/v1/resources', body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('validation_failed');
    expect(Object.keys(res.json().error.fields)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  test('the same checks hold for a change, a suggestion and the settings; messages follow the language', async () => {
    const id = await createEntry(ctx, { name: 'Dockside Legal Aid', category: 'legal_aid' });
    const before = await snapshot();
    const patch = await coordinator.client.request('PATCH', `/api/v1/resources/${id}`, { website: 'javascript:alert(1)', phone: 'nope' }, { 'accept-language': 'es' });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().error.fields).toEqual({ website: 'Usa una dirección http o https', phone: 'Escribe un número de teléfono que se pueda marcar' });
    expect((await coordinator.client.patch(`/api/v1/resources/${id}`, { bogus: 1 })).json().error.fields).toEqual({ bogus: 'Unknown field' });
    expect((await coordinator.client.patch(`/api/v1/resources/${id}`, { name: 'z'.repeat(500) })).statusCode).toBe(422);
    expect((await member.client.post('/api/v1/resources/suggestions', { ...HARBOR, website: 'javascript:alert(1)' })).statusCode).toBe(422);
    expect((await member.client.post('/api/v1/resources/suggestions', { ...HARBOR, name: 'q'.repeat(10_000) })).statusCode).toBe(422);
    for (const body of [{ reverifyAfterDays: 1 }, { reverifyAfterDays: 5000 }, { phoneCountry: 'USA' }, { phoneCountry: 'ZZ' }, { other: true }]) {
      expect((await coordinator.client.patch('/api/v1/admin/resources/settings', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await snapshot()).toEqual(before);
  });

  test.each([['near=91,0'], ['near=abc'], ['near=40.7'], ['radiusKm=0'], ['radiusKm=9000'], ['category=casino'], ['openNow=yes'], ['pageSize=500'], ['page=0'], ['language=english'], [`q=${'w'.repeat(300)}`], ['cost=cheap'], ['extra=1']])(
    'search with %s is 422',
    async (qs) => {
      const res = await anonymous.get(`/api/v1/resources?${qs}`);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe('validation_failed');
    },
  );
});

describe('random input never causes a 500', () => {
  test('bodies and query strings of every directory route', async () => {
    const id = await createEntry(ctx, { name: 'Fuzzing Point', category: 'food' });
    const tipId = (await member.client.post(`/api/v1/resources/${id}/tips`, { kind: 'tip', body: 'Bring a bag.' })).json().id;
    const routes = [
      ['POST', '/api/v1/resources'],
      ['PATCH', `/api/v1/resources/${id}`],
      ['POST', '/api/v1/resources/suggestions'],
      ['POST', `/api/v1/resources/${id}/tips`],
      ['POST', `/api/v1/resources/tips/${tipId}/review`],
      ['POST', `/api/v1/resources/${id}/review`],
      ['PATCH', '/api/v1/admin/resources/settings'],
    ] as const;
    const keys = ['name', 'category', 'phone', 'website', 'hours', 'textLine', 'location', 'translations', 'languages', 'costs', 'kind', 'body', 'rating', 'decision', 'note', 'reverifyAfterDays', 'phoneCountry', 'timeZone', 'periods'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...keys), fc.jsonValue())), async ([method, url], body) => {
        const res = await coordinator.client.request(method, url, body);
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code).toBeTypeOf('string');
      }),
      { numRuns: 150 },
    );
    const params = ['q', 'near', 'radiusKm', 'category', 'language', 'cost', 'openNow', 'page', 'pageSize'];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...params), fc.oneof(fc.string(), fc.constantFrom('40.7,-74', 'true', '1', 'food', 'en', 'free', '-0', '1e308', '%', ' & | ! <-> :*'))), async (q) => {
        const res = await anonymous.get(`/api/v1/resources?${new URLSearchParams(q)}`);
        expect(res.statusCode, JSON.stringify(q)).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    await coordinator.client.patch('/api/v1/admin/resources/settings', { phoneCountry: 'US', reverifyAfterDays: 365 });
  });
});

describe('who sees what', () => {
  test('a members-only entry: 404 signed out and absent from their search; members read and find it', async () => {
    const id = await createEntry(ctx, { name: 'Lantern House Peer Drop-in', audience: 'members', description: 'lanternhouse drop-in' });
    expect((await anonymous.get(`/api/v1/resources/${id}`)).statusCode).toBe(404);
    expect((await member.client.get(`/api/v1/resources/${id}`)).statusCode).toBe(200);
    const ids = async (c: Client) => (await c.get('/api/v1/resources?q=lanternhouse')).json().resources.map((r: { id: string }) => r.id);
    expect(await ids(anonymous)).not.toContain(id);
    expect(await ids(member.client)).toContain(id);
    expect((await anonymous.get('/api/v1/resources?q=lanternhouse')).json().total).toBe(0);
  });

  test('a suggestion: 404 for members and signed out, never listed; reviewers open it without learning who suggested it', async () => {
    const suggester = await createUser(ctx, { displayName: 'Sunniva' });
    const res = await suggester.client.post('/api/v1/resources/suggestions', {
      ...HARBOR,
      name: 'Marigold Food Pantry',
      category: 'crisis_lines',
      description: 'marigoldpantry Fridays',
      audience: 'members',
      crisisScreen: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe('suggested');
    for (const c of [anonymous, member.client, suggester.client]) {
      expect((await c.get(`/api/v1/resources/${id}`)).statusCode).toBe(404);
      expect((await c.get('/api/v1/resources?q=marigoldpantry')).json().total).toBe(0);
    }
    // Reviewers list suggestions in their work list, not in search.
    expect((await moderator.client.get('/api/v1/resources?q=marigoldpantry')).json().total).toBe(0);
    const seen = await moderator.client.get(`/api/v1/resources/${id}`);
    expect(seen.statusCode).toBe(200);
    // A suggestion cannot put itself on the crisis screen or behind sign-in.
    expect(seen.json()).toMatchObject({ status: 'suggested', origin: 'suggestion', audience: 'public', crisisScreen: false, verifiedAt: null });
    for (const body of [seen.body, (await coordinator.client.get('/api/v1/resources/review')).body]) {
      expect(body).not.toContain(suggester.id);
      expect(body).not.toContain('Sunniva');
    }
    const mine = await suggester.client.get('/api/v1/resources/suggestions/mine');
    expect(mine.json().suggestions).toEqual([{ id, name: 'Marigold Food Pantry', category: 'crisis_lines', status: 'suggested', reviewNote: null, createdAt: expect.any(String) }]);
    expect((await member.client.get('/api/v1/resources/suggestions/mine')).json().suggestions).toEqual([]);
    expect((await anonymous.get('/api/v1/resources/suggestions/mine')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/resources/suggestions', HARBOR)).statusCode).toBe(401);
  });

  test('an unknown id is 404 for everyone, a malformed one 422', async () => {
    expect((await coordinator.client.get('/api/v1/resources/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/resources/not-an-id')).statusCode).toBe(422);
  });
});

describe('settings and re-verification', () => {
  test('the phone country reads local numbers; an entry past the period is flagged and listed for coordinators only', async () => {
    expect((await coordinator.client.get('/api/v1/admin/resources/settings')).json()).toEqual({ reverifyAfterDays: 365, phoneCountry: 'US' });
    const saved = await coordinator.client.patch('/api/v1/admin/resources/settings', { phoneCountry: 'mx', reverifyAfterDays: 30 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ reverifyAfterDays: 30, phoneCountry: 'MX' });
    try {
      const res = await coordinator.client.post('/api/v1/resources', { name: 'Línea de la Vida', category: 'crisis_lines', phone: '800 911 2000', locale: 'es' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().phone).toEqual({ tel: '+528009112000', display: '800 911 2000' });

      const stale = await createEntry(ctx, { name: 'Old Anchor Food Bank', category: 'food' }, { verifiedAt: new Date(Date.now() - 40 * 86_400_000) });
      const fresh = await createEntry(ctx, { name: 'New Anchor Food Bank', category: 'food' }, { verifiedAt: new Date(Date.now() - 20 * 86_400_000) });
      const never = await createEntry(ctx, { name: 'Never Anchor Food Bank', category: 'food' }, { verifiedAt: null });
      const due = (await coordinator.client.get('/api/v1/resources/review')).json().reverify.map((r: { id: string }) => r.id);
      expect(due).toEqual(expect.arrayContaining([stale, never]));
      expect(due).not.toContain(fresh);
      expect(due.indexOf(never)).toBeLessThan(due.indexOf(stale));
      expect((await coordinator.client.get(`/api/v1/resources/${stale}`)).json().needsReverification).toBe(true);
      expect((await coordinator.client.get(`/api/v1/resources/${fresh}`)).json().needsReverification).toBe(false);
      expect((await moderator.client.get('/api/v1/resources/review')).json().reverify).toEqual([]);
      expect((await moderator.client.get(`/api/v1/resources/${stale}`)).json().needsReverification).toBe(false);

      await coordinator.client.post(`/api/v1/resources/${stale}/verify`, {});
      expect((await coordinator.client.get('/api/v1/resources/review')).json().reverify.map((r: { id: string }) => r.id)).not.toContain(stale);
      const audit = (await ctx.database.db.execute(sql`select details from audit_log where action = 'resources.settings_changed' and actor_id = ${coordinator.id} order by created_at desc, id desc limit 1`)).rows;
      expect(audit).toEqual([{ details: { fields: ['phoneCountry', 'reverifyAfterDays'], reverifyAfterDays: 30, phoneCountry: 'MX' } }]);
    } finally {
      await coordinator.client.patch('/api/v1/admin/resources/settings', { phoneCountry: 'US', reverifyAfterDays: 365 });
    }
  });
});
