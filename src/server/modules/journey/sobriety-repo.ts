import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import { milestoneReached, sobrietyPeriod, sobrietyTrack } from './tables.ts';

export interface TrackRow {
  id: string;
  label: string;
  announceMilestones: string;
  periods: Array<{ id: string; startedOn: string; endedOn: string | null; setbackNote: string | null }>;
  milestones: string[];
}

export const sobrietyRepo = {
  /**
   * Every active track of a member with its periods (oldest first) and the milestones already recorded for the open
   * period: one round trip, a named statement (the journey's hot path).
   */
  async tracksOf(db: Db, userId: string): Promise<TrackRow[]> {
    const { rows } = await db.$client.query<TrackRow>({
      name: 'journey_tracks_of',
      text: `select t.id, t.label, t.announce_milestones as "announceMilestones",
                    json_agg(json_build_object('id', p.id, 'startedOn', p.started_on, 'endedOn', p.ended_on, 'setbackNote', p.setback_note)
                             order by p.started_on, p.created_at) as periods,
                    coalesce((select array_agg(m.milestone) from milestone_reached m
                               where m.period_id = (select o.id from sobriety_period o where o.track_id = t.id and o.ended_on is null)),
                             '{}') as milestones
               from sobriety_track t
               join sobriety_period p on p.track_id = t.id
              where t.user_id = $1 and t.archived_at is null
              group by t.id
              order by t.created_at, t.id`,
      values: [userId],
    });
    return rows;
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
