import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/helpers/app.ts';
import { mentorPairConversation, sendMessage } from '../../../test/helpers/messaging-factories.ts';
import { executePrepared } from './prepared.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx?.close());

/** The named statements of every connection a pool has open now, with how often each was planned which way. */
async function plans(pool: import('pg').Pool) {
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
  try {
    const rows = [];
    for (const c of clients) {
      const res = await c.query<{ name: string; generic_plans: string; custom_plans: string }>('select name, generic_plans, custom_plans from pg_prepared_statements');
      rows.push(...res.rows.map((r) => ({ name: r.name, generic: Number(r.generic_plans), custom: Number(r.custom_plans) })));
    }
    return rows;
  } finally {
    for (const c of clients) c.release();
  }
}

describe('hot statements', () => {
  test('are planned once per connection, also those that take arrays (which PostgreSQL would otherwise plan every time)', async () => {
    const pairs = await Promise.all(Array.from({ length: 6 }, () => mentorPairConversation(ctx)));
    for (let round = 0; round < 8; round++) {
      await Promise.all(pairs.map((p, i) => sendMessage(i % 2 ? p.mentor : p.mentee, p.conversationId, `round ${round}`)));
    }
    const hot = await plans(ctx.database.hot);
    const append = hot.filter((p) => p.name.startsWith('message_append_'));
    expect(append.length).toBeGreaterThan(0);
    // Every execution of every hot statement used the one generic plan of its connection.
    expect(hot.filter((p) => p.custom > 0)).toEqual([]);
    expect(append.reduce((n, p) => n + p.generic, 0)).toBeGreaterThanOrEqual(8);
    // The sends ran none of them on the main pool.
    expect((await plans(ctx.database.pool)).filter((p) => p.name.startsWith('message_append_'))).toEqual([]);
  });

  test('inside a transaction run on its connection, as planned there', async () => {
    await ctx.database.db.transaction(async (tx) => {
      const inside = await executePrepared<{ pid: number }>(tx, 'test_backend_pid', sql`select pg_backend_pid() as pid, ${1}::int as one`);
      const txPid = (await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]!.pid;
      expect(inside.rows[0]!.pid).toBe(txPid);
      const mode = await tx.execute<{ plan_cache_mode: string }>(sql`show plan_cache_mode`);
      expect(mode.rows[0]!.plan_cache_mode).toBe('auto');
    });
    const outside = await executePrepared<{ mode: string }>(ctx.database.db, 'test_plan_mode', sql`select current_setting('plan_cache_mode') as mode, ${1}::int as one`);
    expect(outside.rows[0]!.mode).toBe('force_generic_plan');
  });
});
