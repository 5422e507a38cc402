import type { Rule } from '../../access.ts';

/**
 * Statuses that hold one of a mentor's places. A request waiting for an answer holds a place too, so a mentor is
 * never asked by more people than they have room for and capacity can never be exceeded by accepting.
 */
export const OPEN_STATUSES = ['requested', 'accepted', 'active', 'paused'] as const;

/** The smaller of what the mentor chose and the coordinator's cap. */
export const effectiveCapacity = (p: { capacity: number; capacityCap: number | null }) =>
  p.capacityCap === null ? p.capacity : Math.min(p.capacity, p.capacityCap);

/** Who may do what in mentoring. Read with the gate in ../../access.ts (404, never 403). */
export const mentoringPolicy = {
  /** Peer supporters keep a mentor profile. */
  mentor: ((actor) => actor.roles.has('peer_supporter')) satisfies Rule,
  /** Members ask for a mentor. */
  mentee: ((actor) => actor.roles.has('member')) satisfies Rule,
  /** Coordinators run the program: requests, assignment, certification, settings, concerns, feedback. */
  coordinate: ((actor) => actor.roles.has('coordinator')) satisfies Rule,
  /** A relationship is visible to its two people and to coordinators. */
  seeMentorship: ((actor, m: { mentorId: string; menteeId: string }) =>
    actor.userId === m.mentorId || actor.userId === m.menteeId || actor.roles.has('coordinator')) satisfies Rule<{ mentorId: string; menteeId: string }>,
  /** Either of the two people ends it, or a coordinator (who runs the program and keeps it safe). */
  endMentorship: ((actor, m: { mentorId: string; menteeId: string }) =>
    actor.userId === m.mentorId || actor.userId === m.menteeId || actor.roles.has('coordinator')) satisfies Rule<{ mentorId: string; menteeId: string }>,
  /** The relationship's own two people act on it. */
  takePart: ((actor, m: { mentorId: string; menteeId: string }) => actor.userId === m.mentorId || actor.userId === m.menteeId) satisfies Rule<{
    mentorId: string;
    menteeId: string;
  }>,
};
