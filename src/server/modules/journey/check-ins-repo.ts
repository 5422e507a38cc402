import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { checkIn as checkInSchema } from '../../../contracts/journey.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { daysBetween } from './dates.ts';
import { checkIn, checkInStreak } from './tables.ts';

export type PresentedCheckIn = z.infer<typeof checkInSchema>;

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

  /**
   * A member's check-ins in a date range, already in the API's shape (PostgreSQL formats the dates): a named
   * statement with no mapping layer, because this is the journey's hot path (bench/README.md).
   */
  async range(db: Db, userId: string, from: string, to: string): Promise<PresentedCheckIn[]> {
    const { rows } = await db.$client.query<PresentedCheckIn>({
      name: 'journey_check_in_range',
      text: `select to_char(local_date, 'YYYY-MM-DD') as date, mood, craving, triggers, trigger_note as "triggerNote", used,
                    hours_slept::float8 as "hoursSlept", meetings, gratitude, notes,
                    to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
               from check_in
              where user_id = $1 and local_date between $2 and $3
              order by local_date`,
      values: [userId, from, to],
    });
    return rows;
  },

  /**
   * Consecutive check-in days (gaps and islands): the longest run, and the run that ends today or yesterday (a
   * streak is not broken before the day is over).
   */
  /** The range and the streak in one round trip (the list page's request). */
  async rangeWithStreak(db: Db, userId: string, from: string, to: string, today: string) {
    const { rows } = await db.$client.query<Partial<PresentedCheckIn> & StoredStreak>({
      name: 'journey_check_in_range_with_streak',
      text: `select to_char(st.last_run_end, 'YYYY-MM-DD') as "lastRunEnd", st.last_run_length as "lastRunLength", st.longest, c.*
               from (select 1) one
               left join check_in_streak st on st.user_id = $1
               left join lateral (
                 select to_char(local_date, 'YYYY-MM-DD') as date, mood, craving, triggers, trigger_note as "triggerNote", used,
                        hours_slept::float8 as "hoursSlept", meetings, gratitude, notes,
                        to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
                   from check_in
                  where user_id = $1 and local_date between $2 and $3
               ) c on true
              order by c.date`,
      values: [userId, from, to],
    });
    const first = rows[0];
    const stored = first?.lastRunEnd ? first : await checkInsRepo.recomputeStreak(db, userId);
    const checkIns = rows.filter((r) => r.date != null).map(({ lastRunEnd: _e, lastRunLength: _l, longest: _g, ...c }) => c as PresentedCheckIn);
    return { checkIns, streak: streakOn(stored, today) };
  },

  /**
   * Recomputes a member's runs of consecutive check-in days (gaps and islands) and stores the most recent run and
   * the longest. Called when a check-in is written, in the same transaction.
   */
  async recomputeStreak(db: Queryable, userId: string): Promise<StoredStreak | undefined> {
    const { rows } = await db.execute<StoredStreak>(sql`
      with days as (
        select local_date, local_date - (row_number() over (order by local_date))::int as island
          from check_in where user_id = ${userId}
      ), runs as (
        select max(local_date) as last_day, count(*)::int as length from days group by island
      ), latest as (
        select last_day, length from runs order by last_day desc limit 1
      )
      insert into check_in_streak (user_id, last_run_end, last_run_length, longest)
      select ${userId}, latest.last_day, latest.length, (select max(length) from runs) from latest
      on conflict (user_id) do update
        set last_run_end = excluded.last_run_end, last_run_length = excluded.last_run_length,
            longest = excluded.longest, updated_at = now()
      returning to_char(last_run_end, 'YYYY-MM-DD') as "lastRunEnd", last_run_length as "lastRunLength", longest`);
    // No check-ins at all: no runs to keep.
    if (!rows[0]) await db.delete(checkInStreak).where(eq(checkInStreak.userId, userId));
    return rows[0];
  },
};

type StoredStreak = {
  lastRunEnd: string | null;
  lastRunLength: number | null;
  longest: number | null;
};

/** The last run still counts while it ended today or yesterday (a streak is not broken before the day is over). */
export function streakOn(stored: StoredStreak | undefined, today: string): { current: number; longest: number } {
  if (!stored?.lastRunEnd) return { current: 0, longest: 0 };
  const current = daysBetween(stored.lastRunEnd, today) <= 1 ? (stored.lastRunLength ?? 0) : 0;
  return { current, longest: stored.longest ?? 0 };
}
