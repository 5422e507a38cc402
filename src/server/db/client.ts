import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A database handle or an open transaction: repos accept either. */
export type Queryable = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export interface Database {
  db: Db;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

export function connect(url: string, opts: { max?: number } = {}): Database {
  // The server passes DATABASE_POOL_SIZE (10): batched writes (messages, rate limits) each hold a connection through
  // the commit's WAL flush, and reads need their own (bench/README.md, messaging). Each connection is a PostgreSQL
  // backend process, closed after 30 s idle.
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 5, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  return { db, pool, url, close: () => pool.end() };
}

export async function databaseAnswers(pool: pg.Pool): Promise<boolean> {
  try {
    await pool.query('select 1');
    return true;
  } catch {
    return false;
  }
}
