import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { checkIn as checkInSchema } from '../../../contracts/journey.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { checkIn } from './tables.ts';

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
    const { rows } = await db.$client.query<Partial<PresentedCheckIn> & { longest: number | null; current: number | null }>({
      name: 'journey_check_in_range_with_streak',
      text: `with days as (
               select local_date, local_date - (row_number() over (order by local_date))::int as island
                 from check_in where user_id = $1
             ), runs as (
               select max(local_date) as last_day, count(*)::int as length from days group by island
             ), streak as (
               select max(length) as longest, max(length) filter (where last_day >= $4::date - 1) as current from runs
             )
             select s.longest, s.current, c.*
               from streak s
               left join lateral (
                 select to_char(local_date, 'YYYY-MM-DD') as date, mood, craving, triggers, trigger_note as "triggerNote", used,
                        hours_slept::float8 as "hoursSlept", meetings, gratitude, notes,
                        to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
                   from check_in
                  where user_id = $1 and local_date between $2 and $3
               ) c on true
              order by c.date`,
      values: [userId, from, to, today],
    });
    const first = rows[0];
    const streak = { current: first?.current ?? 0, longest: first?.longest ?? 0 };
    const checkIns = rows.filter((r) => r.date !== null && r.date !== undefined).map(({ longest: _l, current: _c, ...c }) => c as PresentedCheckIn);
    return { checkIns, streak };
  },

  async streak(db: Db, userId: string, today: string): Promise<{ current: number; longest: number }> {
    const { rows } = await db.$client.query<{ current: number | null; longest: number | null }>({
      name: 'journey_check_in_streak',
      text: `with days as (
               select local_date, local_date - (row_number() over (order by local_date))::int as island
                 from check_in where user_id = $1
             ), runs as (
               select max(local_date) as last_day, count(*)::int as length from days group by island
             )
             select max(length) as longest, max(length) filter (where last_day >= $2::date - 1) as current from runs`,
      values: [userId, today],
    });
    return { current: rows[0]?.current ?? 0, longest: rows[0]?.longest ?? 0 };
  },
};

