import crypto from 'node:crypto';
import { Placeholder, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { type Db, genericPoolOf, type Queryable } from './client.ts';

const dialect = new PgDialect();
/** Each statement's name and whether it takes an array, by its text. */
const statements = new Map<string, { name: string; batch: boolean }>();
/** A parameter cast to an array type (`$1::uuid[]`): how every batched statement takes its items. */
const TAKES_ARRAY = /\$\d+::[a-z_ ]+\[\]/;

/**
 * Runs a hot read as a named prepared statement, so each pooled connection plans it once instead of on every request
 * (for a page read hundreds of times a second, planning cost more than running). The name is the label plus a hash of
 * the statement's text: each shape of the query gets its own, and the same text always the same. Rows come back as
 * node-postgres parses them (timestamps as Date): hot queries format what they return in SQL.
 */
export async function queryPrepared<T>(db: Db, label: string, query: SQL): Promise<T[]> {
  return (await executePrepared<T>(db, label, query)).rows;
}

/**
 * A hot statement as a named prepared statement on a database handle or inside a transaction (its connection), for
 * the writes that run hundreds of times a second (sending a message): PostgreSQL then plans it once per connection.
 * One that takes arrays (a batch) runs on the database handle's generic-plan pool (`db/client.ts`): elsewhere
 * PostgreSQL would plan it again on every execution. In a transaction it runs on the transaction's connection.
 * Answers rows as node-postgres parses them (timestamps as Date) and the affected row count.
 */
export async function executePrepared<T>(q: Queryable, label: string, query: SQL): Promise<{ rows: T[]; rowCount: number }> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return run<T>(q, label, text, params);
}

/** A hot statement whose text is built once (`statement`): each call gives only its values, by name. */
export interface Statement<V extends Record<string, unknown>> {
  label: string;
  build: (value: (name: keyof V & string) => SQL) => SQL;
  /** Built on first use: the text, the constants it was built with, and the slots each call fills. */
  compiled?: { text: string; params: unknown[]; slots: Array<{ at: number; name: keyof V }> };
}

/**
 * A hot statement for `executeStatement`, built on its first call (so a module may define one at load time without
 * minding the order its imports load in). `value(name)` stands for one value each call gives (an array for a batch:
 * bound as one parameter, as `sql.param` does); everything else in the text is fixed. Sending a message ran drizzle's
 * template building and `sqlToQuery` on the same large statements hundreds of times a second (5% of an instance's
 * CPU under load, bench/README.md); built once, a call only lays its values out.
 */
export function statement<V extends Record<string, unknown>>(label: string, build: Statement<V>['build']): Statement<V> {
  return { label, build };
}

/** Runs a statement defined by `statement` with this call's values, as `executePrepared` does. */
export async function executeStatement<T, V extends Record<string, unknown>>(q: Queryable, st: Statement<V>, values: V): Promise<{ rows: T[]; rowCount: number }> {
  st.compiled ??= compile(st);
  const { text, params, slots } = st.compiled;
  const bound = params.slice();
  for (const { at, name } of slots) bound[at] = values[name];
  return run<T>(q, st.label, text, bound);
}

function compile<V extends Record<string, unknown>>(st: Statement<V>): NonNullable<Statement<V>['compiled']> {
  const { sql: text, params } = dialect.sqlToQuery(st.build((name) => sql`${sql.placeholder(name)}`));
  const slots: Array<{ at: number; name: keyof V }> = [];
  params.forEach((p, at) => {
    if (p instanceof Placeholder) slots.push({ at, name: p.name as keyof V });
  });
  return { text, params, slots };
}

async function run<T>(q: Queryable, label: string, text: string, params: unknown[]): Promise<{ rows: T[]; rowCount: number }> {
  let statement = statements.get(text);
  if (!statement) {
    statement = { name: `${label}_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`, batch: TAKES_ARRAY.test(text) };
    if (statements.size < 1000) statements.set(text, statement);
  }
  // A batch on a database handle goes to its generic-plan pool; anything else to the pool, or to the transaction's
  // own pooled connection, which drizzle keeps as its session's client.
  const client =
    (statement.batch && genericPoolOf(q)) || (q as unknown as { session: { client: pg.Pool | pg.PoolClient } }).session.client;
  const res = await client.query({ name: statement.name, text, values: params });
  return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
}
