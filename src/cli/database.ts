import { loadConfig } from '../server/config.ts';
import { connect, type Database } from '../server/db/client.ts';
import { runMigrations } from '../server/db/migrate.ts';
import { provideDatabase } from '../server/db/provision.ts';

/**
 * Runs a command against the instance's database: DATABASE_URL, the embedded server a running Kindred holds, or
 * the embedded server started just for this command. Migrations are applied first.
 */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const provided = await provideDatabase(config, { joinRunning: true });
  try {
    await runMigrations(provided.url);
    const database = connect(provided.url, { max: 4 });
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    await provided.stop();
  }
}
