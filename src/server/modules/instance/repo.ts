import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { instanceSetting } from './tables.ts';

export const settingsRepo = {
  async get<T>(db: Queryable, key: string): Promise<T | undefined> {
    const [row] = await db.select({ value: instanceSetting.value }).from(instanceSetting).where(eq(instanceSetting.key, key));
    return row?.value as T | undefined;
  },

  async set(db: Queryable, key: string, value: unknown) {
    await db
      .insert(instanceSetting)
      .values({ key, value })
      .onConflictDoUpdate({ target: instanceSetting.key, set: { value, updatedAt: sql`now()` } });
  },

  /** Inserts only if absent and returns whichever value won, so concurrent first starts agree. */
  async getOrCreate<T>(db: Queryable, key: string, create: () => T): Promise<T> {
    await db.insert(instanceSetting).values({ key, value: create() }).onConflictDoNothing();
    return (await this.get<T>(db, key)) as T;
  },

  /** True only for the one caller that inserted the key. */
  async claim(db: Queryable, key: string): Promise<boolean> {
    const rows = await db.insert(instanceSetting).values({ key, value: new Date().toISOString() }).onConflictDoNothing().returning();
    return rows.length === 1;
  },

  async remove(db: Queryable, key: string) {
    await db.delete(instanceSetting).where(eq(instanceSetting.key, key));
  },
};
