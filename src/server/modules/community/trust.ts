/**
 * Trust levels, in the spirit of Discourse's: a new account is limited until it has read and taken part for a while;
 * the limits lift by themselves. Level 3 is given by moderators only. Pure: the service reads the counts.
 */

export type TrustLevel = 0 | 1 | 2 | 3;

export interface Limits {
  postsPerDay: number;
  linksPerPost: number;
  imagesPerPost: number;
  mentionsPerPost: number;
}

export const TRUST_LIMITS: Record<TrustLevel, Limits> = {
  0: { postsPerDay: 10, linksPerPost: 1, imagesPerPost: 0, mentionsPerPost: 2 },
  1: { postsPerDay: 30, linksPerPost: 5, imagesPerPost: 2, mentionsPerPost: 5 },
  2: { postsPerDay: 100, linksPerPost: 10, imagesPerPost: 5, mentionsPerPost: 10 },
  3: { postsPerDay: 200, linksPerPost: 20, imagesPerPost: 10, mentionsPerPost: 20 },
};

/** What each automatic level asks for: days since the account was made, topics read, visible posts written. */
export const PROMOTION: Record<1 | 2, { days: number; topicsRead: number; posts: number }> = {
  1: { days: 1, topicsRead: 5, posts: 0 },
  2: { days: 14, topicsRead: 30, posts: 5 },
};

/** Moderation that weighs against a person: counted as prior actions, and for 30 days it holds automatic promotion. */
export const SANCTIONS = ['warn', 'hide', 'suspend', 'ban'] as const;

export interface Activity {
  accountCreatedAt: Date;
  topicsRead: number;
  /** Posts of theirs that are visible (held, hidden or deleted ones do not count). */
  visiblePosts: number;
  /** A warning, hide, suspension or ban in the last 30 days holds automatic promotion. */
  recentModeration: boolean;
}

/** The level the activity earns (0 to 2); a moderator-set level is the caller's to keep. */
export function earnedLevel(a: Activity, now: Date): 0 | 1 | 2 {
  const days = (now.getTime() - a.accountCreatedAt.getTime()) / 86_400_000;
  const meets = (p: { days: number; topicsRead: number; posts: number }) => days >= p.days && a.topicsRead >= p.topicsRead && a.visiblePosts >= p.posts;
  if (a.recentModeration) return meets(PROMOTION[1]) ? 1 : 0;
  if (meets(PROMOTION[2])) return 2;
  if (meets(PROMOTION[1])) return 1;
  return 0;
}

/**
 * The level to hold now: automatic levels only go up (a quiet month does not demote anyone), unless a moderator
 * locked the level.
 */
export function nextLevel(current: TrustLevel, locked: boolean, a: Activity, now: Date): TrustLevel {
  if (locked || current >= 3) return current;
  return Math.max(current, earnedLevel(a, now)) as TrustLevel;
}

/** Progress toward the next automatic level, to show plainly; null at level 2 or above. */
export function progress(current: TrustLevel, a: Activity, now: Date) {
  if (current >= 2) return null;
  const level = (current + 1) as 1 | 2;
  const need = PROMOTION[level];
  const days = Math.floor((now.getTime() - a.accountCreatedAt.getTime()) / 86_400_000);
  return {
    level,
    topicsRead: a.topicsRead,
    topicsReadNeeded: need.topicsRead,
    daysNeeded: Math.max(0, need.days - days),
    posts: a.visiblePosts,
    postsNeeded: need.posts,
  };
}
