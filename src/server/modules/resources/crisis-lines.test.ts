import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createEntry } from '../../../../test/helpers/resources-factories.ts';
import { clearRoster, createResponder, putOnCall } from '../../../../test/helpers/safety-factories.ts';
import { todayIn } from '../journey/dates.ts';
import { crisisResourcesFor } from '../safety/crisis-resources-service.ts';
import { appendDirectoryLines, crisisLinesFromDirectory } from './crisis-lines.ts';

let ctx: TestContext;
let coordinator: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await createCoordinator(ctx);
  await clearRoster(ctx);
  await putOnCall(ctx, await createResponder(ctx));
});
afterAll(() => ctx.close());

type Line = { id: string; name: string; phone: string | null; sms: { number: string; body: string | null } | null; emergency: boolean };

/** A Spanish-speaking member's check-in that the detector reads as a crisis: the crisis lines it answers with. */
async function spanishCrisisLines(): Promise<Line[]> {
  const lucia = await createUser(ctx, { displayName: 'Lucía' });
  await createMentorship(ctx, (await createUser(ctx)).id, lucia.id);
  expect((await lucia.client.patch('/api/v1/me', { locale: 'es' })).statusCode).toBe(200);
  const res = await lucia.client.put(`/api/v1/me/check-ins/${todayIn('UTC')}`, { mood: 1, craving: 3, triggers: [], used: 'no', meetings: 0, notes: 'quiero morirme' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().crisis.resources;
}

describe("the directory's crisis lines on the crisis screen", () => {
  test('a coordinator adds Línea de la Vida for the crisis screen: a Spanish check-in in crisis lists it after the usual lines', async () => {
    await coordinator.client.patch('/api/v1/admin/resources/settings', { phoneCountry: 'MX' });
    const created = await coordinator.client.post('/api/v1/resources', {
      name: 'Línea de la Vida',
      category: 'crisis_lines',
      locale: 'es',
      description: 'Orientación gratuita y confidencial, las 24 horas.',
      phone: '800 911 2000',
      textLine: { number: '55 4169 6720', keyword: 'AYUDA' },
      website: 'https://www.gob.mx/salud/conadic',
      languages: ['es'],
      crisisScreen: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    // The directory carries 988 too (the starter set does): it must not be listed a second time.
    await createEntry(ctx, { name: 'Lifeline 988', category: 'crisis_lines', phone: '988', textLine: { number: '988', keyword: null }, crisisScreen: true });

    const lines = await spanishCrisisLines();
    const mine = lines.filter((r) => r.id === `resource:${id}`);
    expect(mine).toEqual([
      {
        id: `resource:${id}`,
        name: 'Línea de la Vida',
        description: 'Orientación gratuita y confidencial, las 24 horas.',
        phone: '800 911 2000',
        sms: { number: '55 4169 6720', body: 'AYUDA' },
        url: 'https://www.gob.mx/salud/conadic',
        emergency: false,
      },
    ]);
    // After the instance's usual lines (the defaults here), and 988 only once however many entries carry it.
    expect(lines.findIndex((r) => r.id === `resource:${id}`)).toBeGreaterThan(lines.findIndex((r) => r.id === '988'));
    expect(lines.filter((r) => (r.phone ?? '').replace(/\D/g, '') === '988')).toHaveLength(1);
    // English readers do not get a line offered in Spanish only; anyone may read the public list.
    expect((await crisisResourcesFor(ctx.database.db, 'en')).resources.map((r) => r.id)).not.toContain(`resource:${id}`);
    const publicEs = await new Client(ctx.app).get('/api/v1/crisis-resources', { 'accept-language': 'es' });
    expect(publicEs.json().resources.map((r: Line) => r.id)).toContain(`resource:${id}`);
    // The coordinators' editor of configured lines is not where directory entries are edited.
    expect((await coordinator.client.get('/api/v1/admin/crisis-resources?locale=es')).json().resources.map((r: Line) => r.id)).not.toContain(`resource:${id}`);
    await coordinator.client.patch('/api/v1/admin/resources/settings', { phoneCountry: 'US' });
  });

  test('only published, public crisis-line entries put on the crisis screen, in the reader’s language or with none listed', async () => {
    const on = await createEntry(ctx, { name: 'Albatross Warmline', category: 'crisis_lines', phone: '1-866-555-0101', crisisScreen: true });
    const english = await createEntry(ctx, { name: 'Albatross English Line', category: 'crisis_lines', phone: '1-866-555-0102', crisisScreen: true, languages: ['en'] });
    const notOnScreen = await createEntry(ctx, { name: 'Albatross Listening Line', category: 'crisis_lines', phone: '1-866-555-0103' });
    const members = await createEntry(ctx, { name: 'Albatross Members Line', category: 'crisis_lines', phone: '1-866-555-0104', crisisScreen: true, audience: 'members' });
    const archived = await createEntry(ctx, { name: 'Albatross Old Line', category: 'crisis_lines', phone: '1-866-555-0105', crisisScreen: true }, { status: 'archived' });
    const suggested = await createEntry(ctx, { name: 'Albatross Suggested', category: 'crisis_lines', phone: '1-866-555-0106', crisisScreen: true }, { status: 'suggested', origin: 'suggestion' });
    const ids = async (locale: 'en' | 'es') => (await crisisLinesFromDirectory(ctx.database.db, locale)).map((l) => l.id);
    const en = await ids('en');
    const es = await ids('es');
    expect(en).toEqual(expect.arrayContaining([`resource:${on}`, `resource:${english}`]));
    expect(es).toContain(`resource:${on}`);
    expect(es).not.toContain(`resource:${english}`);
    for (const hidden of [notOnScreen, members, archived, suggested]) {
      expect(en).not.toContain(`resource:${hidden}`);
      expect(es).not.toContain(`resource:${hidden}`);
    }
    await ctx.database.db.execute(sql`update resource set status = 'archived' where name like 'Albatross%'`);
  });

  test('a line already listed (digits compared) is not added again; an instance with its own lines does not get the starter set back', () => {
    const listed = [
      { id: 'samhsa', name: 'SAMHSA', description: '', phone: '1-800-662-4357', sms: null, url: null, emergency: false },
      { id: 'ctl', name: 'Crisis Text Line', description: '', phone: null, sms: { number: '741741', body: 'HOME' }, url: null, emergency: false },
    ];
    const line = (id: string, phone: string | null, sms: string | null, origin = 'coordinator') => ({
      id,
      name: id,
      description: '',
      phone,
      sms: sms ? { number: sms, body: null } : null,
      url: null,
      emergency: false,
      origin,
      numbers: [phone, sms].filter((n): n is string => n !== null),
    });
    const merged = appendDirectoryLines(
      listed,
      [line('a', '+18006624357', null), line('b', null, '741741'), line('c', '+18665550101', null), line('d', '+18665550101', null), line('e', '988', '988', 'starter')],
      { configured: false, phoneCountry: 'US' },
    );
    expect(merged.map((r) => r.id)).toEqual(['samhsa', 'ctl', 'c', 'e']);
    expect(merged.every((r) => !('origin' in r) && !('numbers' in r))).toBe(true);
    const own = appendDirectoryLines(listed, [line('e', '988', '988', 'starter'), line('f', '211', null)], { configured: true, phoneCountry: 'US' });
    expect(own.map((r) => r.id)).toEqual(['samhsa', 'ctl', 'f']);
    // A Mexican instance's configured "800 911 2000" is the directory's +528009112000.
    const mx = [{ ...listed[0]!, id: 'vida', phone: '800 911 2000' }];
    expect(appendDirectoryLines(mx, [line('g', '+528009112000', null)], { configured: true, phoneCountry: 'MX' }).map((r) => r.id)).toEqual(['vida']);
  });
});
