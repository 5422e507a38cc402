import type { Actor, Rule } from '../../access.ts';

/**
 * Who may do what in the community forum. Read with the gate in ../../access.ts (404, never 403). Moderation is a
 * capability coordinators grant (the `moderator` role); coordinators hold it too.
 */
export const isModerator = (actor: Actor | null): boolean => Boolean(actor && (actor.roles.has('moderator') || actor.roles.has('coordinator')));

/** A category as the rules need it. */
export interface CategoryAccess {
  readAccess: string;
  postAccess: string;
  groupId: string | null;
  archivedAt: Date | null;
}

export const communityPolicy = {
  moderate: ((actor) => isModerator(actor)) satisfies Rule,
  /** Categories are the coordinators' to set up. */
  manageCategories: ((actor) => actor.roles.has('coordinator')) satisfies Rule,
  /** Automatic rules are the coordinators' too. */
  manageRules: ((actor) => actor.roles.has('coordinator')) satisfies Rule,
};

/**
 * May this reader see the category? `inGroup`: the reader is an active member of the category's group (the caller
 * looked it up). Moderators read every category, archived ones included, to moderate them.
 */
export function canReadCategory(actor: Actor | null, c: CategoryAccess, inGroup: boolean): boolean {
  if (isModerator(actor)) return true;
  if (c.archivedAt) return false;
  if (c.readAccess === 'public') return true;
  if (!actor) return false;
  if (c.readAccess === 'members') return true;
  return inGroup;
}

/** May this reader start topics and reply here (standing, guidelines and locks are checked by the service)? */
export function canPostInCategory(actor: Actor | null, c: CategoryAccess, inGroup: boolean): boolean {
  if (!actor || c.archivedAt) return false;
  if (!canReadCategory(actor, c, inGroup)) return false;
  if (c.postAccess === 'moderators') return isModerator(actor);
  if (c.postAccess === 'group') return inGroup || isModerator(actor);
  return true;
}
