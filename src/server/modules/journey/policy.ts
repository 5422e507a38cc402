import type { z } from 'zod';
import type { shareCategory } from '../../../contracts/journey.ts';
import type { Rule } from '../../access.ts';

export type ShareCategory = z.infer<typeof shareCategory>;

/** Facts about a member's journey that decide who may see it (loaded by journeyRepo.audience). */
export interface JourneyAudience {
  ownerId: string;
  /** The member's active mentor, if any. */
  mentorId: string | null;
  /** The categories the member shares with their mentor now. */
  sharedWithMentor: ReadonlySet<ShareCategory>;
}

/**
 * Who may see what of a member's journey. Everything is private by default: the member always; their active mentor
 * only for categories the member shares; nobody else, coordinators included.
 */
export const journeyPolicy = {
  /** Only the member's active mentor opens the mentor view (and then sees only what is shared). */
  isActiveMentor: ((actor, r: JourneyAudience) => r.mentorId !== null && actor.userId === r.mentorId) satisfies Rule<JourneyAudience>,
  ownJourney: ((actor, owner: { ownerId: string }) => actor.userId === owner.ownerId) satisfies Rule<{ ownerId: string }>,
  seeCategory: ((actor, r: JourneyAudience & { category: ShareCategory }) =>
    actor.userId === r.ownerId || (r.mentorId !== null && actor.userId === r.mentorId && r.sharedWithMentor.has(r.category))) satisfies Rule<
    JourneyAudience & { category: ShareCategory }
  >,
};
