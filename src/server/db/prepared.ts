import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

const dialect = new PgDialect();
const names = new Map<string, string>();

/**
 * Runs a hot read as a named prepared statement, so each pooled connection plans it once instead of on every request
 * (for a page read hundreds of times a second, planning cost more than running). The name is the label plus a hash of
 * the statement's text: each shape of the query gets its own, and the same text always the same. Rows come back as
 * node-postgres parses them (timestamps as Date): hot queries format what they return in SQL.
 */
export async function queryPrepared<T>(db: Db, label: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (!name) {
    name = `${label}_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (names.size < 1000) names.set(text, name);
  }
  const res = await db.$client.query({ name, text, values: params as unknown[] });
  return res.rows as T[];
}
