import type { z } from 'zod';
import { SHARE_CATEGORIES, type menteeJourney, type sharing } from '../../../contracts/journey.ts';
import { type Actor, authorize } from '../../access.ts';
import { auditRepo } from '../audit/repo.ts';
import { meetingsRepo } from '../meetings/repo.ts';
import type { ServiceContext } from '../context.ts';
import { loadAudience } from './audience.ts';
import { createCheckInsService } from './check-ins-service.ts';
import { addDays } from './dates.ts';
import { memberClock } from './member-clock.ts';
import { createPlansService } from './plans-service.ts';
import { journeyPolicy, type ShareCategory } from './policy.ts';
import { sharingRepo } from './sharing-repo.ts';
import { createSobrietyService } from './sobriety-service.ts';

type Sharing = z.infer<typeof sharing>;
type MenteeJourney = z.infer<typeof menteeJourney>;

/** Only the member's active mentor opens the mentor view; what it shows still depends on the member's consent. */
/** How many days of check-ins a mentor sees. */
const MENTOR_CHECK_IN_DAYS = 30;

export function createSharingService(ctx: ServiceContext) {
  const { db } = ctx;
  const plans = createPlansService(ctx);
  const sobriety = createSobrietyService(ctx);
  const checkIns = createCheckInsService(ctx);

  async function sharingOf(userId: string): Promise<Sharing> {
    const rows = await sharingRepo.consentsOf(db, userId);
    const active = new Set(rows.filter((r) => r.revokedAt === null).map((r) => r.category));
    return {
      mentor: Object.fromEntries(SHARE_CATEGORIES.map((c) => [c, active.has(c)])) as Sharing['mentor'],
      history: rows.map((r) => ({
        category: r.category as ShareCategory,
        grantee: 'mentor' as const,
        grantedAt: r.grantedAt.toISOString(),
        revokedAt: r.revokedAt?.toISOString() ?? null,
      })),
    };
  }

  return {
    async sharing(actor: Actor | null) {
      const a = authorize(actor);
      return sharingOf(a.userId);
    },

    /** Grants or revokes one category for the mentor. Each change is kept and audited; a repeat changes nothing. */
    async setSharing(actor: Actor | null, category: ShareCategory, mentor: boolean) {
      const a = authorize(actor);
      await db.transaction(async (tx) => {
        const changed = mentor ? await sharingRepo.grant(tx, a.userId, category) : await sharingRepo.revoke(tx, a.userId, category);
        if (changed) {
          await auditRepo.record(tx, { actorId: a.userId, action: 'journey.sharing_changed', subjectId: a.userId, details: { category, mentor } });
        }
      });
      return sharingOf(a.userId);
    },

    async mentees(actor: Actor | null) {
      const a = authorize(actor);
      return { mentees: await sharingRepo.activeMentees(db, a.userId) };
    },

    /**
     * A mentee's journey as their mentor sees it: the shared categories only, read fresh each time (a revocation
     * applies to the next request), without the mentee's private notes. Anyone else gets 404, whether or not the
     * person exists.
     */
    async menteeJourney(actor: Actor | null, menteeId: string): Promise<MenteeJourney> {
      authorize(actor);
      const audience = await loadAudience(db, menteeId);
      const a = authorize(actor, journeyPolicy.isActiveMentor, audience);
      const shares = (category: ShareCategory) => journeyPolicy.seeCategory(a, { ...audience, category });
      const view: MenteeJourney = {};
      if (shares('sobriety')) {
        // The member's milestones are recorded when the member looks, not when their mentor does.
        const summary = await sobriety.summaryFor(menteeId, menteeId, { recordMilestones: false });
        view.sobriety = { ...summary, tracks: summary.tracks.map((t) => ({ ...t, periods: t.periods.map((p) => ({ ...p, setbackNote: null })) })) };
      }
      if (shares('check_ins')) {
        const { today } = await memberClock(db, menteeId);
        const list = await checkIns.listFor(menteeId, addDays(today, -(MENTOR_CHECK_IN_DAYS - 1)), today);
        view.checkIns = list.map((c) => ({ ...c, notes: null }));
      }
      if (shares('goals')) view.goals = await plans.goalsFor(menteeId);
      if (shares('safety_plan')) view.safetyPlan = await plans.safetyPlanFor(menteeId);
      if (shares('meetings')) {
        const now = new Date();
        const rows = await meetingsRepo.attendance.historyOf(db, menteeId, new Date(now.getTime() - MENTOR_CHECK_IN_DAYS * 86_400_000), now);
        view.meetings = rows.map((r) => ({
          date: r.localDate,
          start: r.startsAt.toISOString(),
          timeZone: r.timeZone,
          meetingName: r.meetingName,
          groupName: r.groupName,
          method: r.method as 'self' | 'roster',
        }));
      }
      return view;
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
