import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { milestoneReached, sobrietyPeriod, sobrietyTrack } from './tables.ts';

export interface TrackRow {
  id: string;
  label: string;
  announceMilestones: string;
  periods: Array<{ id: string; startedOn: string; endedOn: string | null; setbackNote: string | null }>;
  milestones: string[];
}

export const sobrietyRepo = {
  /** Every active track of a member with its periods (oldest first) and the milestones already recorded. */
  async tracksOf(db: Queryable, userId: string): Promise<TrackRow[]> {
    const tracks = await db
      .select({ id: sobrietyTrack.id, label: sobrietyTrack.label, announceMilestones: sobrietyTrack.announceMilestones })
      .from(sobrietyTrack)
      .where(and(eq(sobrietyTrack.userId, userId), isNull(sobrietyTrack.archivedAt)))
      .orderBy(asc(sobrietyTrack.createdAt), asc(sobrietyTrack.id));
    if (tracks.length === 0) return [];
    const ids = tracks.map((t) => t.id);
    const periods = await db
      .select({
        id: sobrietyPeriod.id,
        trackId: sobrietyPeriod.trackId,
        startedOn: sobrietyPeriod.startedOn,
        endedOn: sobrietyPeriod.endedOn,
        setbackNote: sobrietyPeriod.setbackNote,
      })
      .from(sobrietyPeriod)
      .where(inArray(sobrietyPeriod.trackId, ids))
      .orderBy(asc(sobrietyPeriod.startedOn), asc(sobrietyPeriod.createdAt));
    // Only the open periods' milestones matter, looked up through (period_id, milestone), the unique index.
    const openIds = periods.filter((p) => p.endedOn === null).map((p) => p.id);
    const reached = openIds.length
      ? await db
          .select({ periodId: milestoneReached.periodId, milestone: milestoneReached.milestone })
          .from(milestoneReached)
          .where(inArray(milestoneReached.periodId, openIds))
      : [];
    return tracks.map((t) => {
      const own = periods.filter((p) => p.trackId === t.id);
      const open = own.find((p) => p.endedOn === null);
      return {
        ...t,
        periods: own.map(({ trackId: _, ...p }) => p),
        milestones: reached.filter((r) => r.periodId === open?.id).map((r) => r.milestone),
      };
    });
  },

  async createTrack(db: Queryable, v: { userId: string; label: string; startedOn: string; announce: boolean }) {
    const [track] = await db
      .insert(sobrietyTrack)
      .values({ userId: v.userId, label: v.label, announceMilestones: v.announce ? 'yes' : 'no' })
      .returning({ id: sobrietyTrack.id });
    await db.insert(sobrietyPeriod).values({ trackId: track!.id, userId: v.userId, startedOn: v.startedOn });
    return track!.id;
  },

  async updateTrack(db: Queryable, userId: string, id: string, patch: { label?: string; announce?: boolean }) {
    const rows = await db
      .update(sobrietyTrack)
      .set({
        ...(patch.label !== undefined ? { label: patch.label } : {}),
        ...(patch.announce !== undefined ? { announceMilestones: patch.announce ? 'yes' : 'no' } : {}),
      })
      .where(and(eq(sobrietyTrack.id, id), eq(sobrietyTrack.userId, userId), isNull(sobrietyTrack.archivedAt)))
      .returning({ id: sobrietyTrack.id });
    return rows.length === 1;
  },

  async archiveTrack(db: Queryable, userId: string, id: string) {
    const rows = await db
      .update(sobrietyTrack)
      .set({ archivedAt: sql`now()` })
      .where(and(eq(sobrietyTrack.id, id), eq(sobrietyTrack.userId, userId), isNull(sobrietyTrack.archivedAt)))
      .returning({ id: sobrietyTrack.id });
    return rows.length === 1;
  },

  async openPeriod(db: Queryable, userId: string, trackId: string) {
    const [row] = await db
      .select({ id: sobrietyPeriod.id, startedOn: sobrietyPeriod.startedOn })
      .from(sobrietyPeriod)
      .innerJoin(sobrietyTrack, eq(sobrietyTrack.id, sobrietyPeriod.trackId))
      .where(and(eq(sobrietyPeriod.trackId, trackId), eq(sobrietyPeriod.userId, userId), isNull(sobrietyPeriod.endedOn), isNull(sobrietyTrack.archivedAt)));
    return row;
  },

  /** A setback: the open period ends on `on` (with the member's private note) and a new one starts that day. */
  async restart(db: Queryable, v: { userId: string; trackId: string; periodId: string; on: string; note: string | null }) {
    await db.update(sobrietyPeriod).set({ endedOn: v.on, setbackNote: v.note }).where(eq(sobrietyPeriod.id, v.periodId));
    const [period] = await db
      .insert(sobrietyPeriod)
      .values({ trackId: v.trackId, userId: v.userId, startedOn: v.on })
      .returning({ id: sobrietyPeriod.id });
    return period!.id;
  },

  /** Records milestones once; returns the ones that were new. */
  async recordMilestones(db: Queryable, userId: string, periodId: string, reached: Array<{ key: string; on: string }>) {
    if (reached.length === 0) return [];
    const rows = await db
      .insert(milestoneReached)
      .values(reached.map((m) => ({ periodId, userId, milestone: m.key, reachedOn: m.on })))
      .onConflictDoNothing()
      .returning({ milestone: milestoneReached.milestone, reachedOn: milestoneReached.reachedOn });
    return rows;
  },
};
