import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

/** Bump when entries are added to the starter set; instances that had an older version receive only what is new. */
export const STARTER_DIRECTORY_VERSION = 0;

/** Placeholder until the directory helper writes the starter entries. */
export async function insertStarterDirectory(_tx: Pick<NodePgDatabase, 'execute' | 'insert'>, _fromVersion: number): Promise<void> {}
