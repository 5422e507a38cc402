import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import { createEntry } from '../../../../test/helpers/resources-factories.ts';
import { rateRules } from '../../http/rate-limit.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const counts = async () =>
  (
    await ctx.database.db.execute<{ tips: number; suggestions: number; strategies: number }>(sql`
      select (select count(*)::int from resource_tip) as tips,
             (select count(*)::int from resource where status = 'suggested') as suggestions,
             (select count(*)::int from coping_library_strategy where status = 'pending') as strategies`)
  ).rows[0];

test("a member's tips, suggestions and strategies share a day's limit: the next one is 429 and stores nothing; bad input is not counted; reviewers are not limited", async () => {
  const max = rateRules.resourceContributionsPerAccount.max;
  const entry = await createEntry(ctx, { name: 'Dockside Outreach' });
  const member = await createUser(ctx);
  const moderator = await createUser(ctx, { roles: ['moderator'] });
  const tip = (client = member.client) => client.post(`/api/v1/resources/${entry}/tips`, { kind: 'tip', body: 'Ask for the evening nurse.' });

  // Refused input does not use up the allowance.
  expect((await member.client.post(`/api/v1/resources/${entry}/tips`, { kind: 'tip', body: '<b></b>' })).statusCode).toBe(422);
  expect((await member.client.post('/api/v1/resources/suggestions', { name: 'x', category: 'food' })).statusCode).toBe(422);

  expect((await member.client.post('/api/v1/resources/suggestions', { name: 'Harbor Pantry', category: 'food' })).statusCode).toBe(201);
  const strategy = { title: 'Walk the block', whenHelps: ['cravings'], steps: ['Put on shoes', 'Walk until the urge passes'] };
  expect((await member.client.post('/api/v1/coping-strategies', strategy)).statusCode).toBe(201);
  for (let i = 2; i < max; i++) expect((await tip()).statusCode).toBe(201);

  const before = await counts();
  const refused = [await tip(), await member.client.post('/api/v1/resources/suggestions', { name: 'Pier Pantry', category: 'food' }), await member.client.post('/api/v1/coping-strategies', strategy)];
  expect(refused.map((r) => r.statusCode)).toEqual([429, 429, 429]);
  expect(refused[0]!.headers['retry-after']).toBeDefined();
  expect(await counts()).toEqual(before);

  for (let i = 0; i < max + 1; i++) expect((await tip(moderator.client)).statusCode).toBe(201);
});

test('control characters (NUL among them) never reach the database: dropped from text and queries, never a 500', async () => {
  const member = await createUser(ctx, { roles: ['moderator'] });
  const entry = await createEntry(ctx, { name: 'Nul Harbor Outreach' });
  const tip = await member.client.post(`/api/v1/resources/${entry}/tips`, { kind: 'tip', body: 'Ask\u0000 for\u0007 Dana' });
  expect(tip.statusCode, tip.body).toBe(201);
  expect(tip.json().body).toBe('Ask for Dana');
  const suggestion = await member.client.post('/api/v1/resources/suggestions', { name: 'Pier\u0000 Pantry', category: 'food', eligibility: 'All\u0000' });
  expect(suggestion.statusCode, suggestion.body).toBe(201);
  const strategy = await member.client.post('/api/v1/coping-strategies', { title: 'Walk\u0000 it off', whenHelps: ['anger'], steps: ['Go\u0000 out'] });
  expect(strategy.statusCode, strategy.body).toBe(201);
  expect(strategy.json()).toMatchObject({ title: 'Walk it off', steps: ['Go out'] });
  for (const url of ['/api/v1/resources?q=%00', '/api/v1/resources?q=na%00loxone', '/api/v1/coping-strategies?q=%00walk', '/api/v1/resources/sheet.pdf?q=%00']) {
    expect((await member.client.get(url)).statusCode, url).toBeLessThan(500);
  }
});
