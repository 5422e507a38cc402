import type { CONVERSATION_BASES } from '../../../contracts/messaging.ts';
import { hasRole, type Rule } from '../../access.ts';
import type { RateRule } from '../../http/rate-limit.ts';

export type ConversationBasis = (typeof CONVERSATION_BASES)[number];

/**
 * Messaging's limits, counted in PostgreSQL so they hold across instances. A sender's messages are counted from the
 * messages they wrote in the window (no record of their own: a refused send counts for nothing); message requests
 * through the rate limiter (http/rate-limit.ts).
 */
export const messagingRateRules = {
  messagesPerAccount: { max: 30, windowSeconds: 60 } satisfies Pick<RateRule, 'max' | 'windowSeconds'>,
  requestsPerAccount: { bucket: 'messaging_request_account', max: 10, windowSeconds: 24 * 60 * 60 } satisfies RateRule,
} as const;

/**
 * Who may write to whom (docs/messaging.md), as pure rules over facts the relations repo reads from the database.
 * They are worked out again on every send: relationships end, roles change, people block each other.
 */

/** What is true now between me and one other person. */
export interface PairFacts {
  /** We are mentor and mentee in an active mentorship (paused or ended: no longer). */
  mentorship: boolean;
  /** Either of us is staff for the other: a coordinator, a facilitator of a group the other belongs to, on call now. */
  staff: boolean;
  blockedByMe: boolean;
  blockedMe: boolean;
}

export const NO_FACTS: PairFacts = { mentorship: false, staff: false, blockedByMe: false, blockedMe: false };

/** The relationship that lets two people write without a request, strongest first; null: a request is needed. */
export function currentBasis(f: PairFacts): Extract<ConversationBasis, 'mentorship' | 'staff'> | null {
  if (f.mentorship) return 'mentorship';
  if (f.staff) return 'staff';
  return null;
}

export const blockedEitherWay = (f: PairFacts) => f.blockedByMe || f.blockedMe;

export interface DirectState {
  status: 'active' | 'requested' | 'ignored';
  basis: ConversationBasis;
  requestedBy: string | null;
}

/**
 * Whether I may send in a direct conversation now, and what the conversation becomes if I do. A block either way,
 * or a relationship that has ended, is the one answer `unavailable`, so neither is announced. A request's sender
 * waits (`pending`) until it is accepted; an ignored request still looks like waiting to its sender. The recipient
 * of a request who replies accepts it.
 */
export type SendDecision =
  | { ok: true; becomes?: { status: 'active'; basis: ConversationBasis } }
  | { ok: false; reason: 'unavailable' | 'pending' };

export function directSend(conv: DirectState, me: string, f: PairFacts): SendDecision {
  if (blockedEitherWay(f)) return { ok: false, reason: 'unavailable' };
  const basis = currentBasis(f);
  if (conv.status !== 'active') {
    // A relationship that began since the request makes it an ordinary conversation.
    if (basis) return { ok: true, becomes: { status: 'active', basis } };
    if (conv.requestedBy === me) return { ok: false, reason: 'pending' };
    return { ok: true, becomes: { status: 'active', basis: 'request' } };
  }
  // An accepted request stays open between the two; any other conversation rests on a relationship that holds now.
  if (basis || conv.basis === 'request') return { ok: true };
  return { ok: false, reason: 'unavailable' };
}

/** The basis shown for a direct conversation: the relationship that holds now, else the one it was started under. */
export const shownBasis = (conv: DirectState, f: PairFacts): ConversationBasis => currentBasis(f) ?? conv.basis;

/** A group's chat: its active members (facilitators included) read it while they belong; they write while it is on. */
export interface GroupFacts {
  member: boolean;
  chatEnabled: boolean;
}
export const canReadGroupChat = (g: GroupFacts) => g.member;
export const canWriteGroupChat = (g: GroupFacts) => g.member && g.chatEnabled;

export const isModerator: Rule = (a) => hasRole(a, 'moderator') || hasRole(a, 'coordinator');
export const isCoordinator: Rule = (a) => hasRole(a, 'coordinator');
/** A group's chat is turned on and off by its facilitators and by coordinators. */
export const canToggleGroupChat: Rule<{ facilitator: boolean }> = (a, g) => g.facilitator || hasRole(a, 'coordinator');
