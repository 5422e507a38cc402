import type { Locale } from '../../../contracts/common.ts';
import type { Standing } from '../../../contracts/community.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError } from '../../http/errors.ts';
import type { Queryable } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { GUIDELINES_VERSION, guidelinesFor } from './guidelines.ts';
import { membersRepo } from './members-repo.ts';
import { isModerator } from './policy.ts';
import { progress, TRUST_LIMITS } from './trust.ts';

/**
 * A person's standing: the same facts they read about themselves and moderators read about them. Moderators post
 * without the new-account limits; a level a moderator set does not move by itself, so there is nothing to work toward.
 */
export async function standingOf(db: Queryable, userId: string, moderates: boolean): Promise<Standing> {
  const [s, activity] = await Promise.all([membersRepo.standing(db, userId), membersRepo.activity(db, userId)]);
  return {
    trustLevel: s.trustLevel,
    trustLocked: s.trustLocked,
    limits: TRUST_LIMITS[moderates ? 3 : s.trustLevel],
    postsToday: s.postsToday,
    guidelinesAccepted: s.guidelinesAccepted,
    suspendedUntil: s.suspendedUntil,
    banned: s.banned,
    isModerator: moderates,
    nextLevel: s.trustLocked ? null : progress(s.trustLevel, activity, new Date()),
  };
}

/** The community guidelines and the reader's own standing: trust level, limits, what the next level asks for. */
export function createStandingService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async guidelines(actor: Actor | null, locale: Locale) {
      const text = guidelinesFor(locale);
      return { ...text, acceptedVersion: actor ? await membersRepo.acceptedVersion(db, actor.userId) : null };
    },

    /** Recorded with the version read; an older version (the page was open while they changed) is a 409. */
    async accept(actor: Actor | null, version: number) {
      const a = authorize(actor);
      if (version !== GUIDELINES_VERSION) throw new AppError('conflict', 'communityGuidelinesVersion');
      await membersRepo.acceptGuidelines(db, a.userId, version);
    },

    async me(actor: Actor | null): Promise<Standing> {
      const a = authorize(actor);
      return standingOf(db, a.userId, isModerator(a));
    },
  };
}
