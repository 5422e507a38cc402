import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A database handle or an open transaction: repos accept either. */
export type Queryable = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** The connections that run the named statements taking arrays (`db/prepared.ts`), each planned once there. */
  generic: pg.Pool;
  url: string;
  close(): Promise<void>;
}

const genericPools = new WeakMap<object, pg.Pool>();
/** The generic-plan pool of a database handle (not of a transaction, which runs on its own connection). */
export const genericPoolOf = (q: object): pg.Pool | undefined => genericPools.get(q);

/**
 * PostgreSQL plans a named statement afresh on every execution as long as its generic plan looks costlier than the
 * custom plans so far, which is always the case for one that takes arrays (a batch of ids): the generic plan assumes
 * ten elements. So the batched statements were planned on every execution after all, a quarter of PostgreSQL's CPU
 * while sending messages (bench/README.md, messaging, eighth round). On these connections they are planned once.
 * Everything else keeps PostgreSQL's own choice on the main pool (a named statement with plain parameters gets its
 * generic plan after five executions when that is as good), and a server without the setting only loses the saving.
 */
const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan';

export function connect(url: string, opts: { max?: number } = {}): Database {
  // The server passes DATABASE_POOL_SIZE (10): batched writes (messages, rate limits) each hold a connection through
  // the commit's WAL flush, and reads need their own (bench/README.md, messaging). Each connection is a PostgreSQL
  // backend process, closed after 30 s idle. The named statements that take arrays have half as many again.
  const max = opts.max ?? 5;
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  const generic = new pg.Pool({ connectionString: url, max: Math.max(2, Math.ceil(max / 2)), idleTimeoutMillis: 30_000 });
  // Queued before anything else on the connection; a server that does not know the setting answers an error, ignored.
  generic.on('connect', (client) => void client.query(GENERIC_PLANS).catch(() => {}));
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  generic.on('error', () => {});
  const db = drizzle(pool, { schema });
  genericPools.set(db, generic);
  return { db, pool, generic, url, close: async () => void (await Promise.all([pool.end(), generic.end()])) };
}

export async function databaseAnswers(pool: pg.Pool): Promise<boolean> {
  try {
    await pool.query('select 1');
    return true;
  } catch {
    return false;
  }
}
