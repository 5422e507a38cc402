import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/helpers/app.ts';
import { mentorPairConversation, sendMessage } from '../../../test/helpers/messaging-factories.ts';
import { executePrepared, executeStatement, statement } from './prepared.ts';

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

/** The labels of the batched statements a send runs. */
const BATCHED = ['message_append_', 'conversation_views_send_', 'rate_used_'];

describe('hot statements', () => {
  test('that take arrays (batches) are planned once per connection, which PostgreSQL would otherwise do on every execution', async () => {
    const pairs = await Promise.all(Array.from({ length: 6 }, () => mentorPairConversation(ctx)));
    for (let round = 0; round < 8; round++) {
      await Promise.all(pairs.map((p, i) => sendMessage(i % 2 ? p.mentor : p.mentee, p.conversationId, `round ${round}`)));
    }
    const generic = await plans(ctx.database.generic);
    const append = generic.filter((p) => p.name.startsWith('message_append_'));
    // The append, the gate with the sender's rate window, the HTTP rate limit: each a batch, all on this pool.
    for (const label of BATCHED) expect(generic.map((p) => p.name)).toContainEqual(expect.stringMatching(new RegExp(`^${label}`)));
    // Every execution of every batched statement used the one generic plan of its connection.
    expect(generic.filter((p) => p.custom > 0)).toEqual([]);
    expect(append.reduce((n, p) => n + p.generic, 0)).toBeGreaterThanOrEqual(8);
    // The sends ran none of them on the main pool.
    expect((await plans(ctx.database.pool)).filter((p) => BATCHED.some((label) => p.name.startsWith(label)))).toEqual([]);
  });

  test('with plain parameters run on the main pool, and inside a transaction on its connection', async () => {
    await ctx.database.db.transaction(async (tx) => {
      const inside = await executePrepared<{ pid: number }>(tx, 'test_backend_pid', sql`select pg_backend_pid() as pid, ${1}::int as one`);
      const txPid = (await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]!.pid;
      expect(inside.rows[0]!.pid).toBe(txPid);
      const mode = await tx.execute<{ plan_cache_mode: string }>(sql`show plan_cache_mode`);
      expect(mode.rows[0]!.plan_cache_mode).toBe('auto');
    });
    const mode = (q: SQL) => executePrepared<{ mode: string }>(ctx.database.db, 'test_plan_mode', sql`select current_setting('plan_cache_mode') as mode, ${q}`);
    expect((await mode(sql`${1}::int as one`)).rows[0]!.mode).toBe('auto');
    expect((await mode(sql`${sql.param([1, 2])}::int[] as batch`)).rows[0]!.mode).toBe('force_generic_plan');
  });

  test('built once take their values by name, around the constants they were built with, each call its own', async () => {
    const st = statement<{ ids: number[]; label: string }>('test_statement', (value) => sql`
      select i.id * ${10}::int as scaled, ${value('label')}::text as label, ${'fixed'}::text as fixed
      from unnest(${value('ids')}::int[]) with ordinality as i(id, n) order by i.n`);
    const first = await executeStatement<{ scaled: number; label: string; fixed: string }, { ids: number[]; label: string }>(ctx.database.db, st, { ids: [3, 1, 2], label: 'a' });
    expect(first.rows).toEqual([
      { scaled: 30, label: 'a', fixed: 'fixed' },
      { scaled: 10, label: 'a', fixed: 'fixed' },
      { scaled: 20, label: 'a', fixed: 'fixed' },
    ]);
    const compiled = st.compiled;
    const second = await executeStatement<{ scaled: number; label: string }, { ids: number[]; label: string }>(ctx.database.db, st, { ids: [7], label: 'b' });
    expect(second.rows).toEqual([{ scaled: 70, label: 'b', fixed: 'fixed' }]);
    // Built on the first call only; a batch (it takes an array) on the generic-plan pool like any other.
    expect(st.compiled).toBe(compiled);
    expect(compiled!.slots.map((s) => s.name)).toEqual(['label', 'ids']);
    expect((await plans(ctx.database.generic)).map((p) => p.name)).toContainEqual(expect.stringMatching(/^test_statement_/));
  });
});
