import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { STARTER_DIRECTORY_VERSION, insertStarterDirectory } from './starter-directory.ts';
import { STARTER_STRATEGIES_VERSION, insertStarterStrategies } from './starter-strategies.ts';

/** The instance setting that records which starter content a database has received (never given twice). */
export const STARTER_SETTING_KEY = 'resources_starter';

interface StarterMark {
  directory: number;
  strategies: number;
}

/**
 * Gives a fresh instance the starter directory and coping strategies, once: the versions received are recorded, so
 * an entry a coordinator removed or replaced never comes back on the next start. Runs under the migration lock.
 */
export async function seedStarterContent(db: NodePgDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.execute<{ value: StarterMark }>(sql`select value from instance_setting where key = ${STARTER_SETTING_KEY} for update`);
    const mark: StarterMark = rows.rows[0]?.value ?? { directory: 0, strategies: 0 };
    const next = { ...mark };
    if (mark.directory < STARTER_DIRECTORY_VERSION) {
      await insertStarterDirectory(tx, mark.directory);
      next.directory = STARTER_DIRECTORY_VERSION;
    }
    if (mark.strategies < STARTER_STRATEGIES_VERSION) {
      await insertStarterStrategies(tx, mark.strategies);
      next.strategies = STARTER_STRATEGIES_VERSION;
    }
    if (next.directory === mark.directory && next.strategies === mark.strategies) return;
    await tx.execute(
      sql`insert into instance_setting (key, value) values (${STARTER_SETTING_KEY}, ${JSON.stringify(next)}::jsonb)
          on conflict (key) do update set value = excluded.value, updated_at = now()`,
    );
  });
}
