import type { z } from 'zod';
import type { createTrackBody, resetBody, sobrietySummary, updateTrackBody } from '../../../contracts/journey.ts';
import { type Actor, authorize } from '../../access.ts';
import { emit } from '../../events/emit.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { daysBetween, span } from './dates.ts';
import { memberClock } from './member-clock.ts';
import { milestonesThrough } from './milestones.ts';
import { sobrietyRepo, type TrackRow } from './sobriety-repo.ts';
import { celebrateMilestone } from '../community/celebrations.ts';

type Summary = z.infer<typeof sobrietySummary>;

/** The counts for one track on `today`: the current period, every earlier one, the longest and the total. */
export function describeTrack(track: TrackRow, today: string): Summary['tracks'][number] | undefined {
  const open = track.periods.find((p) => p.endedOn === null);
  if (!open) return undefined;
  const periods = track.periods.map((p) => ({ ...p, days: Math.max(0, daysBetween(p.startedOn, p.endedOn ?? today)) }));
  const { reached, next } = milestonesThrough(open.startedOn, today);
  return {
    id: track.id,
    label: track.label,
    startedOn: open.startedOn,
    days: Math.max(0, daysBetween(open.startedOn, today)),
    span: span(open.startedOn, today),
    reached,
    next: { ...next, inDays: daysBetween(today, next.on) },
    longestStreakDays: Math.max(...periods.map((p) => p.days)),
    totalDays: periods.reduce((sum, p) => sum + p.days, 0),
    periods: periods.map(({ id: _, ...p }) => p),
    announceMilestones: track.announceMilestones === 'yes',
  };
}

export function createSobrietyService(ctx: ServiceContext) {
  const { db } = ctx;

  /** A member's summary. Newly reached milestones are recorded once and announced as domain events. */
  async function summaryFor(userId: string, who: Actor | string = userId, opts: { recordMilestones?: boolean } = {}): Promise<Summary> {
    const { timeZone, today } = await memberClock(db, who);
    const tracks = await sobrietyRepo.tracksOf(db, userId);
    const described: Summary['tracks'] = [];
    for (const track of tracks) {
      const summary = describeTrack(track, today);
      if (!summary) continue;
      described.push(summary);
      const unseen = summary.reached.filter((m) => !track.milestones.includes(m.key));
      if (unseen.length && opts.recordMilestones !== false) await announceMilestones(userId, track, unseen);
    }
    return { today, timeZone, tracks: described };
  }

  async function announceMilestones(userId: string, track: TrackRow, unseen: Array<{ key: string; on: string }>) {
    const periodId = track.periods.find((p) => p.endedOn === null)!.id;
    await db.transaction(async (tx) => {
      const recorded = await sobrietyRepo.recordMilestones(tx, userId, periodId, unseen);
      for (const m of recorded) {
        await emit(tx, {
          type: 'journey.milestone_reached',
          userId,
          payload: { trackId: track.id, periodId, milestone: m.milestone, reachedOn: m.reachedOn, announce: track.announceMilestones === 'yes' },
        });
      }
      // The forum celebrates the newest one only: a date entered long ago must not post a topic per past milestone.
      const newest = recorded.at(-1);
      if (newest && track.announceMilestones === 'yes') await celebrateMilestone(tx, { userId, milestone: newest.milestone, reachedOn: newest.reachedOn });
    });
  }

  function notInFuture(date: string, today: string, field: string) {
    if (date > today) throw validationFailed({ [field]: 'dateInFuture' });
  }

  return {
    summaryFor,

    async summary(actor: Actor | null) {
      const a = authorize(actor);
      return summaryFor(a.userId, a);
    },

    async createTrack(actor: Actor | null, input: z.output<typeof createTrackBody>) {
      const a = authorize(actor);
      const { today } = await memberClock(db, a);
      notInFuture(input.startedOn, today, 'startedOn');
      await db.transaction((tx) =>
        sobrietyRepo.createTrack(tx, { userId: a.userId, label: input.label, startedOn: input.startedOn, announce: input.announceMilestones ?? false }),
      );
      return summaryFor(a.userId, a);
    },

    async updateTrack(actor: Actor | null, id: string, input: z.output<typeof updateTrackBody>) {
      const a = authorize(actor);
      if (!(await sobrietyRepo.updateTrack(db, a.userId, id, { label: input.label, announce: input.announceMilestones }))) throw notFound();
      return summaryFor(a.userId, a);
    },

    async archiveTrack(actor: Actor | null, id: string) {
      const a = authorize(actor);
      if (!(await sobrietyRepo.archiveTrack(db, a.userId, id))) throw notFound();
    },

    /** A setback is recorded, never erased: the period ends, its note stays private, a new period begins. */
    async reset(actor: Actor | null, input: z.output<typeof resetBody>) {
      const a = authorize(actor);
      const { today } = await memberClock(db, a);
      const open = await sobrietyRepo.openPeriod(db, a.userId, input.trackId);
      if (!open) throw notFound();
      const on = input.startedOn ?? today;
      notInFuture(on, today, 'startedOn');
      if (on < open.startedOn) throw validationFailed({ startedOn: 'dateBeforePeriod' });
      await db.transaction(async (tx) => {
        await sobrietyRepo.restart(tx, { userId: a.userId, trackId: input.trackId, periodId: open.id, on, note: input.note || null });
        await emit(tx, { type: 'journey.setback_recorded', userId: a.userId, payload: { trackId: input.trackId, periodId: open.id } });
      });
      return summaryFor(a.userId, a);
    },
  };
}

export type SobrietyService = ReturnType<typeof createSobrietyService>;
