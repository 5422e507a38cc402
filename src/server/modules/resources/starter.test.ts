import { count, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COPING_WHEN, copingLibraryInput, resourceInput } from '../../../contracts/resources.ts';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { settingsRepo } from '../instance/repo.ts';
import { normalizeResourceInput } from './entries-input.ts';
import { seedStarterContent, STARTER_SETTING_KEY } from './starter.ts';
import { insertStarterDirectory, STARTER_DIRECTORY, STARTER_DIRECTORY_VERSION } from './starter-directory.ts';
import { insertStarterStrategies, STARTER_STRATEGIES, STARTER_STRATEGIES_VERSION } from './starter-strategies.ts';
import { copingLibraryStrategy, resource } from './tables.ts';

let ctx: TestContext;
let member: TestUser;
let coordinator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  member = await createUser(ctx, { displayName: 'Member Maya' });
  coordinator = await createCoordinator(ctx, { displayName: 'Coordinator Cruz' });
});
afterAll(() => ctx.close());

type Summary = { id: string; name: string; phone: { tel: string } | null; textLine: { number: string; keyword: string | null } | null; website: string | null; verifiedAt: string | null };
const search = async (query = '', headers?: Record<string, string>) => {
  const res = await new Client(ctx.app).get(`/api/v1/resources?pageSize=50${query}`, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { resources: Summary[]; total: number };
};
const byName = (list: Summary[], name: string) => list.find((r) => r.name === name)!;
/** As migrations run it on every start: a plain drizzle handle over the same pool. */
const reseed = () => seedStarterContent(drizzle(ctx.database.db.$client));
const tally = async () => ({
  entries: (await ctx.database.db.select({ n: count() }).from(resource))[0]!.n,
  strategies: (await ctx.database.db.select({ n: count() }).from(copingLibraryStrategy))[0]!.n,
});

describe('the starter directory', () => {
  test('a fresh instance lists every starter entry to anyone, verified on the starter date', async () => {
    const { resources, total } = await search();
    expect(total).toBe(STARTER_DIRECTORY.length);
    expect(resources.map((r) => r.name).sort()).toEqual(STARTER_DIRECTORY.map((e) => e.name).sort());
    for (const r of resources) expect(r.verifiedAt, r.name).toBe('2026-11-01T00:00:00.000Z');
    expect(STARTER_DIRECTORY.length).toBeGreaterThanOrEqual(10);
  });

  test('the crisis lines carry the numbers of the reference (shared/reference/domain.md §5)', async () => {
    const { resources } = await search('&category=crisis_lines');
    const lifeline = byName(resources, '988 Suicide & Crisis Lifeline');
    expect(lifeline.phone?.tel).toBe('988');
    expect(lifeline.textLine).toEqual({ number: '988', keyword: null });
    expect(byName(resources, 'SAMHSA National Helpline').phone?.tel).toBe('+18006624357');
    expect(byName(resources, 'Crisis Text Line').textLine).toEqual({ number: '741741', keyword: 'HOME' });
    const rows = await ctx.database.db.select({ name: resource.name, crisisScreen: resource.crisisScreen, alwaysOpen: resource.alwaysOpen, languages: resource.languages }).from(resource).where(eq(resource.category, 'crisis_lines'));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row, row.name).toMatchObject({ crisisScreen: true, alwaysOpen: true, languages: ['en', 'es'] });
    // The TTY number is in the helpline's description, for people who need it.
    expect(STARTER_DIRECTORY.find((e) => e.externalId === 'samhsa-helpline')!.description).toContain('1-800-487-4889');
  });

  test('an entry reads as the starter set verified it, in Spanish too', async () => {
    const { resources } = await search('', { 'accept-language': 'es' });
    const lifeline = resources.find((r) => r.phone?.tel === '988')!;
    expect(lifeline.name).toBe('988 Línea de Prevención del Suicidio y Crisis');
    const res = await new Client(ctx.app).get(`/api/v1/resources/${lifeline.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ origin: 'starter', status: 'published', verifiedBy: 'Kindred starter set', crisisScreen: true, hours: { alwaysOpen: true } });
  });

  test('naloxone guidance is found in either language, near any point, with what to do', async () => {
    const near = '&near=41.88,-87.63';
    for (const q of ['naloxone', 'naloxona', 'overdose']) {
      const { resources } = await search(`&q=${q}${near}`);
      expect(resources.map((r) => r.name), q).toContain('Naloxone: how to respond to an overdose');
    }
    const guidance = STARTER_DIRECTORY.find((e) => e.category === 'harm_reduction')!;
    expect(guidance.description).toContain('Call 911');
    expect(guidance.translations.es!.description).toContain('Llama al 911');
  });

  test('every starter entry passes the contract and the normalisation unchanged', () => {
    for (const { externalId, since: _since, ...entry } of STARTER_DIRECTORY) {
      expect(resourceInput.parse(entry), externalId).toEqual(entry);
      const normalized = normalizeResourceInput(entry, { phoneCountry: 'US' });
      if (!normalized.ok) throw new Error(`${externalId}: ${JSON.stringify(normalized.errors)}`);
      const { value } = normalized;
      expect({ phone: value.phone, textNumber: value.textNumber, textKeyword: value.textKeyword, website: value.website }, externalId).toEqual({
        phone: entry.phone,
        textNumber: entry.textLine?.number ?? null,
        textKeyword: entry.textLine?.keyword ?? null,
        website: entry.website,
      });
      expect({ name: value.name, description: value.description, translations: value.translations, costNote: value.costNote, eligibility: value.eligibility }).toEqual({
        name: entry.name,
        description: entry.description,
        translations: entry.translations,
        costNote: entry.costNote,
        eligibility: entry.eligibility,
      });
      // Every entry says something in Spanish, and no two external ids collide.
      expect(entry.translations.es?.description.length, externalId).toBeGreaterThan(40);
    }
    expect(new Set(STARTER_DIRECTORY.map((e) => e.externalId)).size).toBe(STARTER_DIRECTORY.length);
  });
});

describe('the starter coping strategies', () => {
  test('25 or more in each language, every key in both, approved and from Kindred', async () => {
    const rows = await ctx.database.db.select().from(copingLibraryStrategy);
    const keys = (locale: string) => new Set(rows.filter((r) => r.locale === locale).map((r) => r.key));
    expect(keys('en').size).toBeGreaterThanOrEqual(25);
    expect(keys('es')).toEqual(keys('en'));
    for (const row of rows) expect(row, row.key!).toMatchObject({ source: 'kindred', status: 'approved', authorId: null });
    for (const key of ['urge-surfing', 'delay-distract-decide', 'halt-check', 'call-someone', 'grounding-5-4-3-2-1', 'play-the-tape-forward']) {
      expect(keys('en').has(key), key).toBe(true);
    }
    for (const locale of ['en', 'es']) {
      const res = await member.client.get(`/api/v1/coping-strategies?locale=${locale}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().strategies.length).toBeGreaterThanOrEqual(25);
    }
  });

  test('each passes the rules a member’s strategy does, with 3 to 7 steps, written anew in Spanish', () => {
    for (const s of STARTER_STRATEGIES) {
      for (const locale of ['en', 'es'] as const) {
        const w = s[locale];
        copingLibraryInput.parse({ title: w.title, summary: w.summary, whenHelps: s.whenHelps, steps: w.steps, locale });
        expect(w.steps.length, `${s.key} ${locale}`).toBeGreaterThanOrEqual(3);
        expect(w.steps.length, `${s.key} ${locale}`).toBeLessThanOrEqual(7);
      }
      expect(s.es.title, s.key).not.toBe(s.en.title);
      expect(s.es.steps, s.key).not.toEqual(s.en.steps);
      for (const w of s.whenHelps) expect(COPING_WHEN).toContain(w);
    }
    // Every moment a member can pick has at least two strategies for it.
    for (const w of COPING_WHEN) expect(STARTER_STRATEGIES.filter((s) => s.whenHelps.includes(w)).length, w).toBeGreaterThanOrEqual(2);
  });
});

describe('seeding again', () => {
  test('records the versions given, and a second run adds nothing', async () => {
    expect(await settingsRepo.get(ctx.database.db, STARTER_SETTING_KEY)).toEqual({ directory: STARTER_DIRECTORY_VERSION, strategies: STARTER_STRATEGIES_VERSION });
    const before = await tally();
    await reseed();
    expect(await tally()).toEqual(before);
    // Even the inserts themselves, run again from scratch, leave what is there alone.
    await ctx.database.db.transaction(async (tx) => {
      await insertStarterDirectory(tx, 0);
      await insertStarterStrategies(tx, 0);
    });
    expect(await tally()).toEqual(before);
  });

  test('an entry or strategy a coordinator removed does not come back', async () => {
    const { resources } = await search();
    const aa = byName(resources, 'Alcoholics Anonymous');
    expect((await coordinator.client.delete(`/api/v1/resources/${aa.id}`)).statusCode).toBe(204);
    const [urge] = await ctx.database.db.select({ id: copingLibraryStrategy.id }).from(copingLibraryStrategy).where(sql`${copingLibraryStrategy.key} = 'urge-surfing' and ${copingLibraryStrategy.locale} = 'en'`);
    expect((await coordinator.client.delete(`/api/v1/coping-strategies/${urge!.id}`)).statusCode).toBe(204);
    const before = await tally();

    await reseed();

    expect(await tally()).toEqual(before);
    expect((await search()).resources.map((r) => r.name)).not.toContain('Alcoholics Anonymous');
    const [row] = await ctx.database.db.select({ status: resource.status }).from(resource).where(eq(resource.id, aa.id));
    expect(row!.status).toBe('archived');
    // A reviewer's removal hides a strategy; seeding again neither duplicates nor re-approves it.
    const again = await ctx.database.db.select().from(copingLibraryStrategy).where(sql`${copingLibraryStrategy.key} = 'urge-surfing' and ${copingLibraryStrategy.locale} = 'en'`);
    expect(again.filter((r) => r.status === 'approved')).toHaveLength(0);
    expect(again.length).toBeLessThanOrEqual(1);
    const library = (await member.client.get('/api/v1/coping-strategies?locale=en')).json().strategies as { id: string }[];
    expect(library.map((s) => s.id)).not.toContain(urge!.id);
  });
});
