import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { type Db, hotPoolOf, type Queryable } from './client.ts';

const dialect = new PgDialect();
const names = new Map<string, string>();

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
 * A hot statement as a named prepared statement on a database handle (its hot pool) or inside a transaction (its
 * connection), for the writes that run hundreds of times a second (sending a message): on the hot pool PostgreSQL
 * plans it once per connection (a generic plan); in a transaction, as any other statement there.
 * Answers rows as node-postgres parses them (timestamps as Date) and the affected row count.
 */
export async function executePrepared<T>(q: Queryable, label: string, query: SQL): Promise<{ rows: T[]; rowCount: number }> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (!name) {
    name = `${label}_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (names.size < 1000) names.set(text, name);
  }
  // A database handle's hot pool (generic plans: db/client.ts), or the transaction's own pooled connection, which
  // drizzle keeps as its session's client.
  const client = hotPoolOf(q) ?? (q as unknown as { session: { client: pg.Pool | pg.PoolClient } }).session.client;
  const res = await client.query({ name, text, values: params as unknown[] });
  return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
}
