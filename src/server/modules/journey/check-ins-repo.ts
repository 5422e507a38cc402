import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { checkIn } from './tables.ts';

export type CheckInValues = Omit<typeof checkIn.$inferInsert, 'id' | 'userId' | 'localDate' | 'createdAt' | 'updatedAt'>;

export const checkInsRepo = {
  /** One check-in per member per local day: a second save that day edits it. */
  async upsert(db: Queryable, userId: string, localDate: string, values: CheckInValues) {
    const [row] = await db
      .insert(checkIn)
      .values({ userId, localDate, ...values })
      .onConflictDoUpdate({ target: [checkIn.userId, checkIn.localDate], set: { ...values, updatedAt: sql`now()` } })
      .returning();
    return row!;
  },

  async range(db: Queryable, userId: string, from: string, to: string) {
    return db
      .select()
      .from(checkIn)
      .where(and(eq(checkIn.userId, userId), between(checkIn.localDate, from, to)))
      .orderBy(asc(checkIn.localDate));
  },

  /**
   * Consecutive check-in days (gaps and islands): the longest run, and the run that ends today or yesterday (a
   * streak is not broken before the day is over).
   */
  async streak(db: Queryable, userId: string, today: string): Promise<{ current: number; longest: number }> {
    const { rows } = await db.execute<{ current: number | null; longest: number | null }>(sql`
      with days as (
        select local_date, local_date - (row_number() over (order by local_date))::int as island
          from check_in where user_id = ${userId}
      ), runs as (
        select max(local_date) as last_day, count(*)::int as length from days group by island
      )
      select max(length) as longest,
             max(length) filter (where last_day >= ${today}::date - 1) as current
        from runs`);
    return { current: rows[0]?.current ?? 0, longest: rows[0]?.longest ?? 0 };
  },
};
