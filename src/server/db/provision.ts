import type { Config } from '../config.ts';
import { DataDirLockedError } from './lock.ts';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded.ts';

export interface ProvidedDatabase {
  url: string;
  /** Where the database came from, for the start-up message. */
  source: 'external' | 'embedded' | 'shared-embedded';
  stop(): Promise<void>;
}

/**
 * DATABASE_URL set: use it, never start the embedded server. Otherwise start the embedded PostgreSQL on the data
 * directory. A `kindred` command (not the server) may instead join the embedded server a running Kindred holds.
 */
export async function provideDatabase(
  config: Config,
  opts: { log?: (line: string) => void; joinRunning?: boolean } = {},
): Promise<ProvidedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, source: 'external', stop: async () => {} };
  if (opts.joinRunning) {
    const url = runningEmbeddedUrl(config.dataDir);
    if (url) return { url, source: 'shared-embedded', stop: async () => {} };
  }
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log: opts.log });
    return { url: embedded.url, source: 'embedded', stop: () => embedded.stop() };
  } catch (err) {
    if (err instanceof DataDirLockedError && opts.joinRunning) {
      const url = runningEmbeddedUrl(config.dataDir);
      if (url) return { url, source: 'shared-embedded', stop: async () => {} };
    }
    throw err;
  }
}
