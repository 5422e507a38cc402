import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../audit/tables.ts';
import { moderationSettingsRepo } from './settings.ts';

let ctx: TestContext;
let coordinator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await createCoordinator(ctx);
});
afterAll(() => ctx.close());

const URL = '/api/v1/community/moderation/settings';
const stored = async () => (await ctx.database.db.execute<{ value: unknown }>(sql`select value from instance_setting where key = 'community_moderation'`)).rows[0]?.value;
const RULES = {
  patterns: [
    { key: 'pill_press', pattern: 'pill\\s*press(es)?', appliesTo: 'all' },
    { key: 'meet_irl', pattern: '\\bmeet (me )?(up|irl)\\b', appliesTo: 'new' },
  ],
  linkSpamThreshold: 4,
  holdNewMembers: true,
};

describe('the automatic rules', () => {
  test('coordinators read the defaults, replace the rules and read them back; the audit keeps no pattern', async () => {
    const first = await coordinator.client.get(URL);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ patterns: [], linkSpamThreshold: 2, holdNewMembers: false });

    const saved = await coordinator.client.put(URL, RULES);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(RULES);
    expect((await coordinator.client.get(URL)).json()).toEqual(RULES);
    // What the automatic rules read when a post is saved.
    expect(await moderationSettingsRepo.get(ctx.database.db)).toEqual(RULES);

    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'community.settings_updated'));
    expect(audit).toEqual([expect.objectContaining({ actorId: coordinator.id, details: { patterns: 2, linkSpamThreshold: 4, holdNewMembers: true } })]);
    expect(JSON.stringify(audit)).not.toContain('pill');
  });

  test('a pattern that is not a valid regular expression, a bad key or a bad threshold is 422 naming the field; nothing is saved', async () => {
    await coordinator.client.put(URL, RULES);
    const before = await stored();
    const bad = (change: Record<string, unknown>) => coordinator.client.put(URL, { ...RULES, ...change });
    const broken = await bad({ patterns: [{ key: 'broken', pattern: '(unclosed', appliesTo: 'all' }] });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.fields).toEqual({ 'patterns.0.pattern': 'Not a valid pattern' });
    for (const change of [
      { patterns: [{ key: 'Has Spaces', pattern: 'x', appliesTo: 'all' }] },
      { patterns: [{ key: 'ok_key', pattern: '', appliesTo: 'all' }] },
      { patterns: [{ key: 'ok_key', pattern: 'x'.repeat(201), appliesTo: 'all' }] },
      { patterns: [{ key: 'ok_key', pattern: 'x', appliesTo: 'everyone' }] },
      { patterns: [{ key: 'ok_key', pattern: 'x', appliesTo: 'all', flags: 'g' }] },
      { patterns: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, pattern: 'x', appliesTo: 'all' })) },
      { linkSpamThreshold: 0 },
      { linkSpamThreshold: 51 },
      { holdNewMembers: 'yes' },
      { extra: true },
    ]) {
      const res = await bad(change);
      expect(res.statusCode, JSON.stringify(change).slice(0, 80)).toBe(422);
      expect(Object.keys(res.json().error.fields ?? {})).not.toHaveLength(0);
    }
    expect((await coordinator.client.put(URL, { patterns: [] })).statusCode).toBe(422);
    expect(await stored()).toEqual(before);
  });

  test('coordinators only: a moderator, a member and a peer supporter get 404, signed out 401; nothing changes', async () => {
    await coordinator.client.put(URL, RULES);
    const before = await stored();
    const others = [await createUser(ctx, { roles: ['moderator'] }), await createUser(ctx), await createUser(ctx, { roles: ['peer_supporter', 'facilitator'] })];
    for (const who of others) {
      expect((await who.client.get(URL)).statusCode).toBe(404);
      expect((await who.client.put(URL, { patterns: [], linkSpamThreshold: 9, holdNewMembers: false })).statusCode).toBe(404);
    }
    expect((await new Client(ctx.app).get(URL)).statusCode).toBe(401);
    expect((await new Client(ctx.app).put(URL, { patterns: [], linkSpamThreshold: 9, holdNewMembers: false })).statusCode).toBe(401);
    expect(await stored()).toEqual(before);
  });
});
