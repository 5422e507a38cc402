import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { type EntryRow, entryColumns, isoOf } from './entries-repo.ts';
import type { TipRow } from './tips-repo.ts';

/** A work list stays short; beyond this, the oldest come first and the rest wait for the next look. */
const SHOWN = 200;

export const reviewRepo = {
  /** Members' suggestions waiting for a decision, oldest first (never who made them). */
  async suggestions(db: Queryable): Promise<EntryRow[]> {
    const { rows } = await db.execute<EntryRow>(sql`
      select ${entryColumns('r')} from resource r where r.status = 'suggested' order by r.created_at, r.id limit ${SHOWN}`);
    return rows;
  },

  /** Tips and reviews waiting for a decision, oldest first, with their entry's name. */
  async pendingTips(db: Queryable): Promise<(TipRow & { resourceName: string })[]> {
    const { rows } = await db.execute<TipRow & { resourceName: string }>(sql`
      select t.id, t.resource_id as "resourceId", t.author_id as "authorId", t.kind, t.body, t.rating, t.status,
             t.review_note as "reviewNote", ${isoOf(sql`t.created_at`)} as "createdAt", r.name as "resourceName"
      from resource_tip t join resource r on r.id = t.resource_id
      where t.status = 'pending' order by t.created_at, t.id limit ${SHOWN}`);
    return rows;
  },

  /** Published entries never verified, or verified longer ago than the period: never verified first, then oldest. */
  async dueForReverification(db: Queryable, days: number, now: Date): Promise<EntryRow[]> {
    const { rows } = await db.execute<EntryRow>(sql`
      select ${entryColumns('r')} from resource r
      where r.status = 'published' and (r.verified_at is null or r.verified_at < ${now.toISOString()}::timestamptz - make_interval(days => ${days}::int))
      order by r.verified_at nulls first, r.name, r.id limit ${SHOWN}`);
    return rows;
  },
};
