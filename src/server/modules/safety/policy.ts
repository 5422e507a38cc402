import { type Actor, hasRole, type Rule } from '../../access.ts';

/** How long responders keep access to an escalation after it closes (coordinators keep it). */
export const RESPONDER_ACCESS_AFTER_CLOSE_MS = 7 * 86_400_000;

/** Facts about one escalation that decide who may see and act on it. */
export interface EscalationAudience {
  memberId: string;
  /** Why the viewer was notified; null if they were not. */
  viewerReason: string | null;
  /** Closed long enough ago that responders no longer need it. */
  expiredForResponders: boolean;
}

/** What decides whether a responder sees the member's safety plan (and the crisis contacts in it). */
export interface SafetyPlanAudience {
  closed: boolean;
  /** The viewer is the member's active mentor and the member shares the safety plan with them. */
  sharedWithViewerAsMentor: boolean;
  /** The member chose to show their safety plan to anyone responding to their crisis. */
  sharedInCrisis: boolean;
}

const isCoordinator = (actor: Actor) => hasRole(actor, 'coordinator');

/**
 * Who may do what in escalations. Responders are the people notified about one (mentor, on call, next on the
 * roster, coordinators paged); coordinators oversee all. The member uses their own SOS view, never the responder
 * view; everyone else gets 404.
 */
export const safetyPolicy = {
  coordinate: ((actor) => isCoordinator(actor)) satisfies Rule,
  respond: ((actor, e: EscalationAudience) =>
    actor.userId !== e.memberId && (isCoordinator(actor) || (e.viewerReason !== null && !e.expiredForResponders))) satisfies Rule<EscalationAudience>,
  /** Only while it is open, and only by the member's consent: mentor sharing, or the separate crisis setting. */
  seeSafetyPlan: ((_actor, p: SafetyPlanAudience) => !p.closed && (p.sharedWithViewerAsMentor || p.sharedInCrisis)) satisfies Rule<SafetyPlanAudience>,
};
