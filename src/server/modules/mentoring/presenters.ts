import type { z } from 'zod';
import type { concern, contact, Mentorship, MenteeRequest } from '../../../contracts/mentoring.ts';
import type { Actor } from '../../access.ts';
import type { AgreementState } from './agreement.ts';
import { OPEN_STATUSES } from './policy.ts';
import type { ConcernRow, ContactRow, MentorshipRow, RequestRow } from './repo.ts';

type Contact = z.infer<typeof contact>;
type Concern = z.infer<typeof concern>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const isCoordinator = (viewer: Actor) => viewer.roles.has('coordinator');
const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

export function presentRequest(r: RequestRow): MenteeRequest {
  return {
    id: r.id,
    menteeId: r.menteeId,
    displayName: r.displayName,
    status: r.status as MenteeRequest['status'],
    pathways: r.pathways as MenteeRequest['pathways'],
    languages: r.languages,
    genderPreference: r.genderPreference as MenteeRequest['genderPreference'],
    timeZone: r.timeZone,
    availability: r.availability,
    contactModes: r.contactModes as MenteeRequest['contactModes'],
    stage: r.stage as MenteeRequest['stage'],
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    waitingSince: r.waitingSince.toISOString(),
  };
}

/**
 * Whether the viewer may read the mentee's request through this relationship: coordinators, and the mentor while
 * the relationship is open (a mentor who was asked; not one who said no or whose relationship ended).
 */
export const seesRequest = (viewer: Actor, m: { mentorId: string; status: string }) => isCoordinator(viewer) || (viewer.userId === m.mentorId && isOpen(m.status));

export function presentMentorship(m: MentorshipRow, viewer: Actor, extra: { request?: RequestRow; agreementState: AgreementState }): Mentorship {
  return {
    id: m.id,
    status: m.status as Mentorship['status'],
    myRole: viewer.userId === m.mentorId ? 'mentor' : viewer.userId === m.menteeId ? 'mentee' : null,
    mentor: { id: m.mentorId, displayName: m.mentorName },
    mentee: { id: m.menteeId, displayName: m.menteeName },
    origin: m.origin as Mentorship['origin'],
    requestedAt: m.requestedAt.toISOString(),
    expiresAt: m.status === 'requested' ? iso(m.expiresAt) : null,
    respondedAt: iso(m.respondedAt),
    declineMessage: m.declineMessage,
    startedAt: iso(m.startedAt),
    pausedAt: iso(m.pausedAt),
    endedAt: iso(m.endedAt),
    endReason: m.endReason as Mentorship['endReason'],
    endedBy: m.endedBy as Mentorship['endedBy'],
    agreementState: extra.agreementState,
    // Written to the other person: coordinators overseeing the relationship do not read it.
    note:
      m.note && (m.noteBy === 'mentor' || m.noteBy === 'mentee' || m.noteBy === 'coordinator') && (viewer.userId === m.mentorId || viewer.userId === m.menteeId)
        ? { from: m.noteBy, text: m.note }
        : null,
    request: extra.request && seesRequest(viewer, m) ? presentRequest(extra.request) : null,
  };
}

/**
 * A contact as the viewer may see it. Notes: the mentor, and coordinators when the program says so. The rating:
 * only the mentee who gave it; the mentor learns only that one was given (they would know who wrote it).
 */
export function presentContact(c: ContactRow, viewer: Actor, m: { mentorId: string; menteeId: string }, opts: { coordinatorsSeeNotes: boolean }): Contact {
  const seesNotes = viewer.userId === m.mentorId || (isCoordinator(viewer) && opts.coordinatorsSeeNotes);
  return {
    id: c.id,
    mentorshipId: c.mentorshipId,
    date: c.date,
    durationMinutes: c.durationMinutes,
    mode: c.mode as Contact['mode'],
    topics: c.topics as Contact['topics'],
    topicsOther: c.topicsOther,
    notes: seesNotes ? c.notes : null,
    nextStep: c.nextStep,
    createdAt: c.createdAt.toISOString(),
    feedback: c.feedback && viewer.userId === m.menteeId ? c.feedback : null,
    rated: c.feedback !== null,
  };
}

/** Concerns are only ever shown to coordinators and the mentor who raised them (callers check): nothing to strip. */
export function presentConcern(c: ConcernRow): Concern {
  return {
    id: c.id,
    mentorshipId: c.mentorshipId,
    mentor: { id: c.mentorId, displayName: c.mentorName },
    mentee: c.menteeId && c.menteeName !== null ? { id: c.menteeId, displayName: c.menteeName } : null,
    kind: c.kind as Concern['kind'],
    note: c.note,
    status: c.status as Concern['status'],
    openedAt: c.openedAt.toISOString(),
    acknowledgedBy: c.acknowledgedByName,
    acknowledgedAt: iso(c.acknowledgedAt),
    closedAt: iso(c.closedAt),
    outcome: c.outcome,
  };
}
