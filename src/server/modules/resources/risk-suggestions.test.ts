import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { todayIn } from '../journey/dates.ts';
import { MOMENTS_FOR, momentsFor } from './suggestions.ts';

let ctx: TestContext;
let coordinator: TestUser;
let helpers: TestUser[];
beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await createCoordinator(ctx);
  helpers = [];
  for (let i = 0; i < 4; i++) helpers.push(await createUser(ctx, { displayName: `Helper ${i} Hermenegilda` }));
});
afterAll(() => ctx.close());

const base = '/api/v1/coping-strategies';
const calm = { mood: 4, craving: 2, used: 'no' };

/** An approved strategy that `helped` members marked as helpful (the starter set has no marks, so these rank first). */
async function strategy(title: string, whenHelps: string[], helped: number, locale = 'en'): Promise<string> {
  const res = await coordinator.client.post(base, { title, whenHelps, steps: ['One step'], locale });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id;
  for (const h of helpers.slice(0, helped)) expect((await h.client.put(`${base}/${id}/helped`, { helped: true })).statusCode).toBe(200);
  return id;
}

type Suggestion = { id: string; whenHelps: string[]; locale: string; status: string; saved: boolean };

async function suggestionsFor(member: TestUser, body: Record<string, unknown>): Promise<{ ids: string[]; all: Suggestion[]; raw: string }> {
  const res = await member.client.put(`/api/v1/me/check-ins/${todayIn('UTC')}`, body);
  expect(res.statusCode, res.body).toBe(200);
  const all: Suggestion[] = res.json().risk.suggestions;
  return { ids: all.map((s) => s.id), all, raw: res.body };
}

describe('coping strategies on the check-in risk screen', () => {
  test('each risk reason reads as the moments a strategy is written for', () => {
    expect(MOMENTS_FOR).toEqual({ craving: ['cravings', 'triggers', 'halt'], mood: ['stress', 'loneliness', 'anger'], used: ['cravings', 'triggers'] });
    expect(momentsFor(['craving', 'used'])).toEqual(['cravings', 'triggers', 'halt']);
    expect(momentsFor(['used', 'mood']).sort()).toEqual(['anger', 'cravings', 'loneliness', 'stress', 'triggers']);
  });

  test('up to three approved strategies for the moments, in my language, most helped first, leaving out what my toolbox holds', async () => {
    const cravings = await strategy('Ride the craving out', ['cravings'], 4);
    const triggers = await strategy('Leave the room that pulls', ['triggers'], 3);
    const halt = await strategy('Eat something first', ['halt'], 2);
    const anger = await strategy('Cool the kettle', ['anger'], 4);
    const sleep = await strategy('Dim the lights', ['sleep'], 4);
    const spanish = await strategy('Surfea las ganas', ['cravings'], 4, 'es');
    const pending = (await helpers[0]!.client.post(base, { title: 'Not yet reviewed', whenHelps: ['cravings'], steps: ['Wait'] })).json().id;
    const member = await createUser(ctx);

    const craving = await suggestionsFor(member, { ...calm, craving: 9 });
    expect(craving.ids).toEqual([cravings, triggers, halt]);
    for (const s of craving.all) expect(s).toMatchObject({ locale: 'en', status: 'approved', saved: false });
    for (const h of helpers) {
      expect(craving.raw).not.toContain(h.id);
      expect(craving.raw).not.toContain(h.displayName);
    }

    const mood = await suggestionsFor(member, { ...calm, mood: 1 });
    expect(mood.ids[0]).toBe(anger);
    expect(mood.ids.length).toBeLessThanOrEqual(3);
    for (const s of mood.all) expect(s.whenHelps.some((w) => ['stress', 'loneliness', 'anger'].includes(w))).toBe(true);
    for (const never of [cravings, sleep, spanish, pending]) expect(mood.ids).not.toContain(never);

    // Used today: cravings and triggers, not HALT.
    const used = await suggestionsFor(member, { ...calm, used: 'yes' });
    expect(used.ids.slice(0, 2)).toEqual([cravings, triggers]);
    expect(used.ids).not.toContain(halt);

    // Saved to the toolbox: the screen shows it there, so it is not suggested again.
    expect((await member.client.post(`${base}/${cravings}/save`)).statusCode).toBe(201);
    const after = await suggestionsFor(member, { ...calm, craving: 9 });
    expect(after.ids.slice(0, 2)).toEqual([triggers, halt]);
    expect(after.ids).not.toContain(cravings);
    // Someone else's toolbox changes nothing for me... and mine nothing for them.
    expect((await suggestionsFor(await createUser(ctx), { ...calm, craving: 9 })).ids).toEqual([cravings, triggers, halt]);

    // No risk, no suggestions (and no query for them).
    const quiet = await member.client.put(`/api/v1/me/check-ins/${todayIn('UTC')}`, calm);
    expect(quiet.json().risk).toBeNull();
  });

  test("a Spanish-speaking member is offered strategies in Spanish", async () => {
    const surf = await strategy('Observa la ola', ['triggers'], 2, 'es');
    const member = await createUser(ctx);
    expect((await member.client.patch('/api/v1/me', { locale: 'es' })).statusCode).toBe(200);
    const { ids, all } = await suggestionsFor(member, { ...calm, craving: 10, used: 'yes' });
    expect(ids).toContain(surf);
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) expect(s.locale).toBe('es');
  });
});
