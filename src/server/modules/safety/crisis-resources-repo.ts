import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { crisisResource } from './tables.ts';

export type CrisisResourceRow = typeof crisisResource.$inferSelect;
export type NewCrisisResource = Omit<typeof crisisResource.$inferInsert, 'id' | 'locale' | 'position'>;

export const crisisResourcesRepo = {
  /** The configured lines for a language, in order (empty: none configured). */
  async forLocale(db: Queryable, locale: string): Promise<CrisisResourceRow[]> {
    return db.select().from(crisisResource).where(eq(crisisResource.locale, locale)).orderBy(asc(crisisResource.position));
  },

  /**
   * Replaces a language's whole list. A transaction-scoped advisory lock per language makes two coordinators saving
   * at once take turns (the second list wins) instead of colliding on the (locale, position) index.
   */
  async replace(tx: Queryable, locale: string, rows: NewCrisisResource[]) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`crisis_resource:${locale}`}))`);
    await tx.delete(crisisResource).where(eq(crisisResource.locale, locale));
    if (rows.length === 0) return [];
    return tx
      .insert(crisisResource)
      .values(rows.map((r, position) => ({ ...r, locale, position })))
      .returning();
  },
};
