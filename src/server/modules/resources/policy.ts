import type { Actor, Rule } from '../../access.ts';

/**
 * Who may do what in the resources directory (docs/resources.md). Read with the gate in ../../access.ts (404, never
 * 403). Coordinators keep the directory; a reviewer (coordinator or moderator) decides on members' tips, reviews,
 * suggestions and strategies; any signed-in person may contribute.
 */
export const isCoordinator = (actor: Actor | null): boolean => Boolean(actor?.roles.has('coordinator'));
export const isReviewer = (actor: Actor | null): boolean => Boolean(actor && (actor.roles.has('moderator') || actor.roles.has('coordinator')));

export const resourcesPolicy = {
  /** Entries, settings, import and export, re-verification. */
  manage: ((actor) => isCoordinator(actor)) satisfies Rule,
  /** Approving or rejecting what members wrote. */
  review: ((actor) => isReviewer(actor)) satisfies Rule,
  /** Tips, reviews, suggestions: any signed-in person. */
  contribute: ((actor) => Boolean(actor)) satisfies Rule,
};

/** An entry as the rules need it. */
export interface EntryAccess {
  status: string;
  audience: string;
}

/**
 * May this reader open the entry? Published public ones: anyone; published members-only ones: signed-in people;
 * suggestions, rejected and archived entries: reviewers only. The search's SQL condition says the same for the
 * published ones it lists (search-repo.ts; a test holds the two together).
 */
export function canReadEntry(actor: Actor | null, e: EntryAccess): boolean {
  if (e.status !== 'published') return isReviewer(actor);
  return e.audience === 'public' || actor !== null;
}

/** A tip or review is shown when approved; a pending or rejected one only to its author and reviewers. */
export function canSeeTip(actor: Actor | null, t: { status: string; authorId: string }): boolean {
  if (t.status === 'approved') return true;
  return isReviewer(actor) || (actor !== null && actor.userId === t.authorId);
}

/** The author takes their tip back; a reviewer removes any. */
export const canRemoveTip = (actor: Actor, t: { authorId: string }): boolean => isReviewer(actor) || actor.userId === t.authorId;
