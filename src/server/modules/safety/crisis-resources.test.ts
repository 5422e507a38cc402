import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { clearRoster, createResponder, putOnCall } from '../../../../test/helpers/safety-factories.ts';
import { auditLog } from '../audit/tables.ts';
import { todayIn } from '../journey/dates.ts';
import { crisisResource } from './tables.ts';

let ctx: TestContext;
let anonymous: Client;
let coordinator: TestUser;

/** A Mexican instance's Spanish lines. */
const MEXICO = [
  {
    name: 'Línea de la Vida',
    description: 'Orientación gratuita y confidencial, las 24 horas, los 365 días.',
    phone: '800 911 2000',
    sms: { number: '5541696720', body: 'AYUDA' },
    url: 'https://www.gob.mx/salud/conadic',
  },
  { name: 'Emergencias: 911', description: 'Ante una sobredosis o un peligro inmediato.', phone: '911', emergency: true },
];

const publicList = (lang?: string) => anonymous.get('/api/v1/crisis-resources', lang ? { 'accept-language': lang } : {});
const names = (res: { json(): { resources: { name: string }[] } }) => res.json().resources.map((r) => r.name);
const configure = (locale: string, resources: unknown[], who = coordinator) => who.client.put(`/api/v1/admin/crisis-resources/${locale}`, { resources });

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  coordinator = await createCoordinator(ctx);
});
afterAll(() => ctx.close());

describe('crisis resources per instance and language', () => {
  test("a coordinator configures Spanish lines; the public list and a member's crisis screen use them; English keeps the defaults", async () => {
    expect((await coordinator.client.get('/api/v1/admin/crisis-resources?locale=es')).json()).toMatchObject({ locale: 'es', configured: false });

    const res = await configure('es', MEXICO);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      locale: 'es',
      configured: true,
      resources: [
        { name: 'Línea de la Vida', phone: '800 911 2000', sms: { number: '5541696720', body: 'AYUDA' }, url: 'https://www.gob.mx/salud/conadic', emergency: false },
        { name: 'Emergencias: 911', phone: '911', sms: null, url: null, emergency: true },
      ],
    });
    expect(names(await publicList('es-MX'))).toEqual(['Línea de la Vida', 'Emergencias: 911']);
    expect(names(await publicList('en'))[0]).toBe('988 Suicide & Crisis Lifeline');
    expect((await coordinator.client.get('/api/v1/admin/crisis-resources?locale=es')).json().resources).toEqual(res.json().resources);
    expect((await coordinator.client.get('/api/v1/admin/crisis-resources')).json()).toMatchObject({ locale: 'en', configured: false });

    // The crisis screen of a Spanish-speaking member: the instance's lines, emergency ones first in an emergency.
    await clearRoster(ctx);
    await putOnCall(ctx, await createResponder(ctx));
    const lucia = await createUser(ctx);
    await lucia.client.patch('/api/v1/me', { locale: 'es' });
    const day = todayIn('UTC');
    const base = { mood: 1, craving: 2, triggers: [], used: 'no' };
    const urgent = (await lucia.client.put(`/api/v1/me/check-ins/${day}`, { ...base, notes: 'quiero morirme' })).json().crisis;
    expect(urgent.resources.map((r: { name: string }) => r.name)).toEqual(['Línea de la Vida', 'Emergencias: 911']);
    const other = await createUser(ctx);
    await other.client.patch('/api/v1/me', { locale: 'es' });
    const emergency = (await other.client.put(`/api/v1/me/check-ins/${day}`, { ...base, notes: 'tengo las pastillas listas y me quiero morir esta noche' })).json().crisis;
    expect(emergency.level).toBe('emergency');
    expect(emergency.resources.map((r: { name: string }) => r.name)).toEqual(['Emergencias: 911', 'Línea de la Vida']);

    // Audited: who, which language, how many; never the lines themselves.
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'safety.crisis_resources_changed'));
    expect(audits.map((a) => [a.actorId, a.details])).toContainEqual([coordinator.id, { locale: 'es', count: 2 }]);
  });

  test('only coordinators see or change the configuration (404); without a session 401', async () => {
    for (const roles of [[], ['facilitator'], ['peer_supporter'], ['professional']] as const) {
      const person = await createUser(ctx, { roles: [...roles] });
      expect((await person.client.get('/api/v1/admin/crisis-resources?locale=es')).statusCode, roles.join()).toBe(404);
      expect((await configure('en', MEXICO, person)).statusCode, roles.join()).toBe(404);
    }
    expect((await anonymous.get('/api/v1/admin/crisis-resources')).statusCode).toBe(401);
    expect((await anonymous.put('/api/v1/admin/crisis-resources/en', { resources: MEXICO })).statusCode).toBe(401);
    expect(await ctx.database.db.select().from(crisisResource).where(eq(crisisResource.locale, 'en'))).toEqual([]);
  });

  test('bad input is a 422 naming the field, and changes nothing', async () => {
    const before = (await coordinator.client.get('/api/v1/admin/crisis-resources?locale=es')).json();
    const line = MEXICO[0]!;
    const bad: Array<[string, unknown[]]> = [
      ['resources.0.name', [{ ...line, name: '  ' }]],
      ['resources.0.phone', [{ ...line, phone: 'call 800-LIFE' }]],
      ['resources.0.phone', [{ ...line, phone: '+-()' }]],
      ['resources.0.sms.number', [{ ...line, sms: { number: '55-4169', body: null } }]],
      ['resources.0.url', [{ ...line, url: 'http://www.gob.mx/salud/conadic' }]],
      ['resources.0.url', [{ ...line, url: 'javascript:alert(1)' }]],
      ['resources.0.phone', [{ name: 'Nowhere', description: 'No way to reach it' }]],
      ['resources.1.id', [line, { ...line, id: 'custom' }]],
      ['resources', Array.from({ length: 21 }, () => line)],
    ];
    for (const [field, resources] of bad) {
      const res = await configure('es', resources);
      expect(res.statusCode, field).toBe(422);
      expect(Object.keys(res.json().error.fields ?? {}), field).toContain(field);
    }
    expect((await configure('fr', MEXICO)).statusCode).toBe(422);
    expect((await coordinator.client.get('/api/v1/admin/crisis-resources?locale=fr')).statusCode).toBe(422);
    expect((await coordinator.client.get('/api/v1/admin/crisis-resources?locale=es')).json()).toEqual(before);
    // Twenty is the most allowed.
    expect((await configure('en', Array.from({ length: 20 }, (_, i) => ({ ...line, name: `Line ${i}` })))).statusCode).toBe(200);
    expect(names(await publicList('en'))).toHaveLength(20);
  });

  test('an empty list returns a language to the defaults', async () => {
    expect((await configure('es', MEXICO)).statusCode).toBe(200);
    const res = await configure('es', []);
    expect(res.json()).toMatchObject({ locale: 'es', configured: false });
    expect(res.json().resources.map((r: { id: string }) => r.id)).toEqual(['988', 'samhsa', 'crisis-text-line', '911']);
    expect(names(await publicList('es'))[0]).toMatch(/^988 Línea/);
    expect(await ctx.database.db.select().from(crisisResource).where(eq(crisisResource.locale, 'es'))).toEqual([]);
  });
});
