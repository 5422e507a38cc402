import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { seedStarterContent } from '../modules/resources/starter.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

// Any constant works; it only has to be the same for every Kindred process sharing a database.
const MIGRATION_LOCK = 7_318_001;

/**
 * Applies the committed drizzle-kit migrations. An advisory lock serialises instances that start together, so
 * two servers booting at once never run the same migration twice. Starter content follows, under the same lock.
 */
export async function runMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
    // Content every fresh instance starts with (the resource directory's national entries, coping strategies).
    await seedStarterContent(drizzle(client));
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
