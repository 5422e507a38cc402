import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

/** Bump when strategies are added to the starter set; instances that had an older version receive only what is new. */
export const STARTER_STRATEGIES_VERSION = 0;

/** Placeholder until the library helper writes the starter strategies. */
export async function insertStarterStrategies(_tx: Pick<NodePgDatabase, 'execute' | 'insert'>, _fromVersion: number): Promise<void> {}
