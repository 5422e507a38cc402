import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { isoOf } from './entries-repo.ts';
import { resourceTip } from './tables.ts';

/** A tip or review as the presenter reads it. `authorId` never leaves the server: it only decides `mine`. */
export type TipRow = {
  id: string;
  resourceId: string;
  authorId: string;
  kind: 'tip' | 'review';
  body: string;
  rating: number | null;
  status: 'pending' | 'approved' | 'rejected';
  reviewNote: string | null;
  createdAt: string;
};

const tipColumns = sql`t.id, t.resource_id as "resourceId", t.author_id as "authorId", t.kind, t.body, t.rating, t.status,
  t.review_note as "reviewNote", ${isoOf(sql`t.created_at`)} as "createdAt"`;

export const tipsRepo = {
  async insert(
    db: Queryable,
    t: { resourceId: string; authorId: string; kind: 'tip' | 'review'; body: string; rating: number | null; status: 'pending' | 'approved'; reviewedBy: string | null },
  ): Promise<string> {
    const [row] = await db
      .insert(resourceTip)
      .values({ ...t, reviewedAt: t.reviewedBy ? sql`now()` : null })
      .returning({ id: resourceTip.id });
    return row!.id;
  },

  async find(db: Queryable, id: string): Promise<TipRow | null> {
    const { rows } = await db.execute<TipRow>(sql`select ${tipColumns} from resource_tip t where t.id = ${id}`);
    return rows[0] ?? null;
  },

  /** Locks the tip for a decision, so two reviewers never both decide it. */
  async lock(db: Queryable, id: string): Promise<TipRow | null> {
    const { rows } = await db.execute<TipRow>(sql`select ${tipColumns} from resource_tip t where t.id = ${id} for update`);
    return rows[0] ?? null;
  },

  /** An entry's approved tips and the reader's own (any status), newest first. */
  async forEntry(db: Queryable, resourceId: string, readerId: string | null): Promise<TipRow[]> {
    const own = readerId ? sql`or t.author_id = ${readerId}` : sql``;
    const { rows } = await db.execute<TipRow>(sql`
      select ${tipColumns} from resource_tip t
      where t.resource_id = ${resourceId} and (t.status = 'approved' ${own})
      order by t.created_at desc, t.id desc limit 200`);
    return rows;
  },

  /** The average of approved reviews, null without any. */
  async rating(db: Queryable, resourceId: string): Promise<{ average: number; count: number } | null> {
    const { rows } = await db.execute<{ average: number | null; count: number }>(sql`
      select avg(rating)::float8 as average, count(*)::int as count from resource_tip
      where resource_id = ${resourceId} and status = 'approved' and kind = 'review'`);
    const r = rows[0];
    return r && r.count > 0 && r.average !== null ? { average: Math.round(r.average * 10) / 10, count: r.count } : null;
  },

  async decide(db: Queryable, id: string, d: { status: 'approved' | 'rejected'; by: string; note: string | null }) {
    await db
      .update(resourceTip)
      .set({ status: d.status, reviewedBy: d.by, reviewedAt: sql`now()`, reviewNote: d.note })
      .where(and(eq(resourceTip.id, id), eq(resourceTip.status, 'pending')));
  },

  async remove(db: Queryable, id: string) {
    await db.delete(resourceTip).where(eq(resourceTip.id, id));
  },
};
