import { z } from 'zod';
import { isoDateTime, timeZone, uuid } from './common.ts';
import { localDate, pathway, PATHWAYS, stage } from './journey.ts';

/**
 * One-on-one peer mentoring: mentor profiles, mentee requests, explained suggestions, program-wide assignment, the
 * relationship's lifecycle, its agreement, the mentor's contact log, the mentee's feedback, and escalations from a
 * mentor to coordinators (docs/mentoring.md).
 */

export const mentoringLimits = {
  summaryMax: 1000,
  noteMax: 500,
  messageMax: 500,
  windowsMax: 21,
  languagesMax: 10,
  capacityMax: 20,
  genderMax: 40,
  termsFieldMax: 1000,
  contactNotesMax: 4000,
  nextStepMax: 280,
  topicsOtherMax: 200,
  durationMaxMinutes: 600,
  feedbackCommentMax: 1000,
  escalationNoteMax: 2000,
  suggestionsMax: 10,
  /** A program-wide proposal keeps each mentee's best candidates, at most this many (docs/mentoring.md). */
  candidatesPerMentee: 50,
  /** Introductions sent in one step. */
  introductionsMax: 5000,
} as const;

const shortText = (max: number) => z.string().trim().max(max);
const unique = <T>(list: T[]) => new Set(list).size === list.length;
const setOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).refine(unique, { message: 'Each value once' });

export const CONTACT_MODES = ['in_person', 'phone', 'video', 'messages'] as const;
export const contactMode = z.enum(CONTACT_MODES);
/** Self-described gender is free text; matching on a stated preference uses these values (docs/mentoring.md). */
export const GENDERS = ['woman', 'man', 'non_binary'] as const;
export const gender = z.enum(GENDERS);
export const AGE_BANDS = ['18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const;
export const ageBand = z.enum(AGE_BANDS);
/** Two or three letters (ISO 639), compared as they are: regional variants would split people who understand each other. */
const languageCode = z.string().regex(/^[a-z]{2,3}$/, { message: 'Use a language code such as en or es' });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'Use a time as HH:MM' });
/** A weekly window in the person's own time zone; day 0 is Sunday. `end` may be 24:00; a window never crosses midnight. */
export const availabilityWindow = z
  .strictObject({ day: z.number().int().min(0).max(6), start: hhmm, end: hhmm })
  .refine((w) => w.start < w.end, { message: 'End after the start', path: ['end'] });
export type AvailabilityWindow = z.infer<typeof availabilityWindow>;
const windows = z.array(availabilityWindow).max(mentoringLimits.windowsMax);

// ── Mentor profile ────────────────────────────────────────────────────────────────────────────────────────────

export const mentorProfileBody = z.strictObject({
  summary: shortText(mentoringLimits.summaryMax),
  pathways: setOf(pathway, PATHWAYS.length).min(1, { message: 'Choose at least one pathway' }),
  languages: setOf(languageCode, mentoringLimits.languagesMax).min(1, { message: 'Choose at least one language' }),
  /** The value matched against a mentee's preference; null: not stated (then never matched to a stated preference). */
  gender: gender.nullable(),
  /** How the mentor describes their gender, in their words, shown on the profile; optional. */
  genderDescription: shortText(mentoringLimits.genderMax).nullable().optional(),
  ageBand: ageBand.nullable(),
  timeZone,
  availability: windows,
  contactModes: setOf(contactMode, CONTACT_MODES.length).min(1, { message: 'Choose at least one way to meet' }),
  capacity: z.number().int().min(1).max(mentoringLimits.capacityMax),
  accepting: z.boolean(),
});
export type MentorProfileBody = z.input<typeof mentorProfileBody>;

export const mentorProfile = z
  .object({
    userId: uuid,
    displayName: z.string(),
    summary: z.string(),
    pathways: z.array(pathway),
    languages: z.array(z.string()),
    gender: gender.nullable(),
    genderDescription: z.string().nullable(),
    ageBand: ageBand.nullable(),
    timeZone: z.string(),
    availability: z.array(availabilityWindow),
    contactModes: z.array(contactMode),
    /** What the mentor chose. */
    capacity: z.number().int(),
    /** The coordinator's cap, if any; the effective capacity is the smaller. */
    capacityCap: z.number().int().nullable(),
    activeMentees: z.number().int(),
    accepting: z.boolean(),
    certified: z.boolean(),
    /** Whether this profile can receive requests now (accepting, room left, certified when required). */
    available: z.boolean(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'MentorProfile' });
export type MentorProfile = z.infer<typeof mentorProfile>;

/** A coordinator's part of a mentor's profile. */
export const mentorAdminBody = z
  .strictObject({
    certified: z.boolean().optional(),
    capacityCap: z.number().int().min(0).max(mentoringLimits.capacityMax).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });

export const mentorList = z.object({ mentors: z.array(mentorProfile) }).meta({ id: 'MentorList' });

// ── Mentee request ────────────────────────────────────────────────────────────────────────────────────────────

/** waiting: in the matching pool; pending: a mentor has been asked; matched: a relationship started; withdrawn. */
export const REQUEST_STATUSES = ['waiting', 'pending', 'matched', 'withdrawn'] as const;
export const requestStatus = z.enum(REQUEST_STATUSES);

export const menteeRequestBody = z.strictObject({
  pathways: setOf(pathway, PATHWAYS.length),
  languages: setOf(languageCode, mentoringLimits.languagesMax).min(1, { message: 'Choose at least one language' }),
  genderPreference: gender.nullable(),
  timeZone,
  availability: windows,
  contactModes: setOf(contactMode, CONTACT_MODES.length),
  stage: stage.nullable(),
  note: shortText(mentoringLimits.noteMax),
});
export type MenteeRequestBody = z.input<typeof menteeRequestBody>;

export const menteeRequest = z
  .object({
    id: uuid,
    menteeId: uuid,
    displayName: z.string(),
    status: requestStatus,
    pathways: z.array(pathway),
    languages: z.array(z.string()),
    genderPreference: gender.nullable(),
    timeZone: z.string(),
    availability: z.array(availabilityWindow),
    contactModes: z.array(contactMode),
    stage: stage.nullable(),
    note: z.string(),
    createdAt: isoDateTime,
    /** When it last went (back) into the matching pool: the wait is counted from here. */
    waitingSince: isoDateTime,
  })
  .meta({ id: 'MenteeRequest' });
export type MenteeRequest = z.infer<typeof menteeRequest>;

export const myRequest = z.object({ request: menteeRequest.nullable() }).meta({ id: 'MyMentorRequest' });
export const requestList = z.object({ requests: z.array(menteeRequest) }).meta({ id: 'MenteeRequestList' });

// ── Matching ──────────────────────────────────────────────────────────────────────────────────────────────────

/** What the score is made of; each part is worth 0..1 and weighted (coordinators set the weights). */
export const SCORE_PARTS = ['pathway', 'language', 'availability', 'contact', 'capacity'] as const;
export const scorePart = z.enum(SCORE_PARTS);
export const weights = z.strictObject(Object.fromEntries(SCORE_PARTS.map((p) => [p, z.number().min(0).max(10)])) as Record<(typeof SCORE_PARTS)[number], z.ZodNumber>);
export type Weights = z.infer<typeof weights>;

/** One reason in an explanation: what it is and the facts a person reads ("both speak Spanish"). */
export const reason = z
  .object({
    part: scorePart,
    /** 0..1, before weighting. */
    value: z.number(),
    pathways: z.array(pathway).optional(),
    languages: z.array(z.string()).optional(),
    contactModes: z.array(contactMode).optional(),
    hoursPerWeek: z.number().optional(),
    free: z.number().int().optional(),
    capacity: z.number().int().optional(),
  })
  .meta({ id: 'MatchReason' });
export type Reason = z.infer<typeof reason>;

export const suggestion = z
  .object({
    mentor: mentorProfile.omit({ capacityCap: true, certified: true, updatedAt: true }),
    /** 0..1. */
    score: z.number(),
    reasons: z.array(reason),
    /** The reasons in one sentence in the reader's language, for API users; the web app builds its own from `reasons`. */
    explanation: z.string(),
  })
  .meta({ id: 'MentorSuggestion' });
export type Suggestion = z.infer<typeof suggestion>;
export const suggestionList = z.object({ suggestions: z.array(suggestion) }).meta({ id: 'MentorSuggestionList' });

export const proposalPair = z.object({
  requestId: uuid,
  menteeId: uuid,
  menteeName: z.string(),
  mentorId: uuid,
  mentorName: z.string(),
  score: z.number(),
  reasons: z.array(reason),
});
export const proposal = z
  .object({
    pairs: z.array(proposalPair),
    /** Mentees waiting that no mentor can take under the hard constraints and capacity. */
    unmatched: z.array(z.object({ requestId: uuid, menteeId: uuid, menteeName: z.string(), candidates: z.number().int() })),
    waiting: z.number().int(),
    mentorsWithRoom: z.number().int(),
    totalScore: z.number(),
    solveMs: z.number(),
  })
  .meta({ id: 'AssignmentProposal' });
export type Proposal = z.infer<typeof proposal>;

/** Hard constraints a pair can break (matching.ts checks them; docs/mentoring.md explains each). */
export const VIOLATIONS = [
  'self',
  'not_mentor',
  'not_accepting',
  'not_certified',
  'no_free_place',
  'no_common_language',
  'gender_preference',
  'ended_for_safety',
  'refused',
] as const;
/** Why an introduction was not sent: the pair no longer holds, or one of the hard constraints. */
export const SKIP_REASONS = ['request_not_found', 'request_not_waiting', 'mentee_has_open_relationship', 'mentor_not_found', ...VIOLATIONS] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const introductionsBody = z.strictObject({
  pairs: z
    .array(z.strictObject({ requestId: uuid, mentorId: uuid }))
    .min(1)
    .max(mentoringLimits.introductionsMax)
    .refine((p) => unique(p.map((x) => x.requestId)), { message: 'Each mentee once' }),
});
export const introductionsResult = z
  .object({
    sent: z.array(z.object({ requestId: uuid, mentorshipId: uuid })),
    /** Pairs that no longer hold (someone withdrew, a mentor filled up): nothing was sent for them. */
    skipped: z.array(z.object({ requestId: uuid, mentorId: uuid, reason: z.enum(SKIP_REASONS) })),
  })
  .meta({ id: 'IntroductionsResult' });

// ── Settings ──────────────────────────────────────────────────────────────────────────────────────────────────

export const mentoringSettings = z
  .object({
    weights,
    /** Only certified peer supporters receive requests. */
    requireCertification: z.boolean(),
    /** Coordinators may read mentors' private contact notes (the program says so). */
    coordinatorsSeeNotes: z.boolean(),
    /** A mentee with no logged contact for this many days is flagged on the caseload. */
    overdueDays: z.number().int().min(1).max(90),
    /** Where a mentor finds supervision (shown with the weekly-load prompt); empty: "ask a coordinator". */
    supervisionContact: z.string().max(280),
  })
  .meta({ id: 'MentoringSettings' });
export type MentoringSettings = z.infer<typeof mentoringSettings>;
export const mentoringSettingsBody = mentoringSettings.partial().strict();

// ── Relationship ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * requested → accepted | declined | expired (72 h unanswered) | cancelled (the mentee withdrew);
 * accepted → active (both signed the agreement) → paused ⇄ active → ended.
 */
export const MENTORSHIP_STATUSES = ['requested', 'accepted', 'declined', 'expired', 'cancelled', 'active', 'paused', 'ended'] as const;
export const mentorshipStatus = z.enum(MENTORSHIP_STATUSES);
export const END_REASONS = ['goals_met', 'mismatch', 'moved_on', 'safety_concern'] as const;
export const endReason = z.enum(END_REASONS);

export const mentorshipRequestBody = z.strictObject({ mentorId: uuid });
export const declineBody = z.strictObject({ message: shortText(mentoringLimits.messageMax).optional() });
export const pauseBody = z.strictObject({ note: shortText(mentoringLimits.messageMax).optional() });
export const endBody = z.strictObject({
  reason: endReason,
  note: shortText(mentoringLimits.messageMax).optional(),
  /** The mentee only: go straight back to matching with the same request (a no-fault rematch). */
  rematch: z.boolean().default(false),
});

export const agreementTerms = z.strictObject({
  contactHours: shortText(mentoringLimits.termsFieldMax).min(1),
  channels: setOf(contactMode, CONTACT_MODES.length).min(1),
  responseTime: shortText(mentoringLimits.termsFieldMax).min(1),
  mentorDoes: shortText(mentoringLimits.termsFieldMax).min(1),
  mentorDoesNot: shortText(mentoringLimits.termsFieldMax).min(1),
  inCrisis: shortText(mentoringLimits.termsFieldMax).min(1),
});
export type AgreementTerms = z.infer<typeof agreementTerms>;
export const agreementVersion = z
  .object({
    version: z.number().int(),
    terms: agreementTerms,
    proposedBy: z.enum(['mentor', 'mentee']),
    createdAt: isoDateTime,
    mentorSignedAt: isoDateTime.nullable(),
    menteeSignedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'AgreementVersion' });
export const agreement = z
  .object({
    /** The version both signed last, in force; null before the first is signed by both. */
    current: agreementVersion.nullable(),
    /** A newer version waiting for one or both signatures. */
    pending: agreementVersion.nullable(),
    history: z.array(agreementVersion),
  })
  .meta({ id: 'Agreement' });
export const signBody = z.strictObject({ version: z.number().int().min(1) });

export const AGREEMENT_STATES = ['none', 'waiting_for_mentor', 'waiting_for_mentee', 'waiting_for_both', 'signed'] as const;

export const mentorship = z
  .object({
    id: uuid,
    status: mentorshipStatus,
    /** The viewer's side of it. */
    myRole: z.enum(['mentor', 'mentee']).nullable(),
    mentor: z.object({ id: uuid, displayName: z.string() }),
    mentee: z.object({ id: uuid, displayName: z.string() }),
    /** How it began: the mentee asked, or a coordinator introduced them. */
    origin: z.enum(['mentee', 'coordinator']),
    requestedAt: isoDateTime,
    /** When an unanswered request goes back to matching. */
    expiresAt: isoDateTime.nullable(),
    respondedAt: isoDateTime.nullable(),
    declineMessage: z.string().nullable(),
    startedAt: isoDateTime.nullable(),
    pausedAt: isoDateTime.nullable(),
    endedAt: isoDateTime.nullable(),
    endReason: endReason.nullable(),
    endedBy: z.enum(['mentor', 'mentee', 'coordinator']).nullable(),
    agreementState: z.enum(AGREEMENT_STATES),
    /** The note one side left the other with the latest pause, resume or end; for the two of them only. */
    note: z.object({ from: z.enum(['mentor', 'mentee', 'coordinator']), text: z.string() }).nullable(),
    /** The mentee's request, shown to the mentor asked and to coordinators; null for anyone else. */
    request: menteeRequest.nullable(),
  })
  .meta({ id: 'Mentorship' });
export type Mentorship = z.infer<typeof mentorship>;
export const mentorshipList = z.object({ mentorships: z.array(mentorship) }).meta({ id: 'MentorshipList' });

// ── Contact log and feedback ──────────────────────────────────────────────────────────────────────────────────

export const CONTACT_TOPICS = ['cravings', 'triggers', 'relationships', 'work_school', 'housing', 'health', 'meetings', 'step_work', 'goals', 'celebration', 'setback', 'crisis', 'other'] as const;
export const contactTopic = z.enum(CONTACT_TOPICS);

export const contactBody = z.strictObject({
  date: localDate,
  durationMinutes: z.number().int().min(1).max(mentoringLimits.durationMaxMinutes),
  mode: contactMode,
  topics: setOf(contactTopic, CONTACT_TOPICS.length),
  topicsOther: shortText(mentoringLimits.topicsOtherMax).optional(),
  notes: shortText(mentoringLimits.contactNotesMax).optional(),
  nextStep: shortText(mentoringLimits.nextStepMax).optional(),
});
export type ContactBody = z.input<typeof contactBody>;

export const contact = z
  .object({
    id: uuid,
    mentorshipId: uuid,
    date: localDate,
    durationMinutes: z.number().int(),
    mode: contactMode,
    topics: z.array(contactTopic),
    topicsOther: z.string().nullable(),
    /** The mentor's private notes: for the mentor (and coordinators when the program says so); null for anyone else. */
    notes: z.string().nullable(),
    nextStep: z.string().nullable(),
    createdAt: isoDateTime,
    /** The mentee's rating of this contact: the mentee sees their own; the mentor sees only whether one was given. */
    feedback: z.object({ rating: z.number().int(), comment: z.string().nullable(), signed: z.boolean() }).nullable(),
    rated: z.boolean(),
  })
  .meta({ id: 'MentoringContact' });
export const contactList = z
  .object({
    contacts: z.array(contact),
    /** Whether the program lets coordinators read the mentor's private notes, so the mentor is told plainly. */
    notesVisibleToCoordinators: z.boolean(),
  })
  .meta({ id: 'MentoringContactList' });

export const feedbackBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: shortText(mentoringLimits.feedbackCommentMax).optional(),
  /** Put my name to it (coordinators then see who wrote it); unsigned by default. */
  signed: z.boolean().default(false),
});

export const feedbackSummary = z
  .object({
    mentors: z.array(
      z.object({
        mentorId: uuid,
        displayName: z.string(),
        ratings: z.number().int(),
        average: z.number().nullable(),
        /** Count of each rating 1..5. */
        distribution: z.array(z.number().int()).length(5),
        /** Comments, newest first; the mentee's name only where they signed it. */
        comments: z.array(z.object({ rating: z.number().int(), comment: z.string(), date: localDate, signedBy: z.string().nullable() })),
      }),
    ),
  })
  .meta({ id: 'MentoringFeedbackSummary' });

// ── Caseload ──────────────────────────────────────────────────────────────────────────────────────────────────

export const caseloadEntry = z.object({
  mentorship,
  lastContact: localDate.nullable(),
  nextStep: z.string().nullable(),
  /** No contact for the program's overdue period (or never, once active for that long). */
  overdue: z.boolean(),
  /** What the mentee shares (journey consent): their next or latest milestone and their latest check-in's risk. */
  shared: z.object({
    milestone: z.object({ key: z.string(), on: localDate }).nullable().optional(),
    risk: z.object({ date: localDate, reasons: z.array(z.string()) }).nullable().optional(),
  }),
});
export const caseload = z
  .object({
    capacity: z.number().int(),
    active: z.number().int(),
    entries: z.array(caseloadEntry),
    /** Contacts this week against the mentor's own weekly norm; `prompt` when far above it. */
    load: z.object({ thisWeekMinutes: z.number().int(), thisWeekContacts: z.number().int(), normMinutes: z.number(), prompt: z.boolean(), supervisionContact: z.string() }),
  })
  .meta({ id: 'Caseload' });

// ── Escalation to a coordinator ───────────────────────────────────────────────────────────────────────────────

export const CONCERN_KINDS = ['safety', 'wellbeing', 'boundaries', 'needs_professional', 'supervision', 'other'] as const;
export const concernKind = z.enum(CONCERN_KINDS);
export const CONCERN_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const concernBody = z.strictObject({ kind: concernKind, note: shortText(mentoringLimits.escalationNoteMax).min(1) });
export const concernCloseBody = z.strictObject({ outcome: shortText(mentoringLimits.messageMax).min(1) });
export const concern = z
  .object({
    id: uuid,
    mentorshipId: uuid.nullable(),
    mentor: z.object({ id: uuid, displayName: z.string() }),
    mentee: z.object({ id: uuid, displayName: z.string() }).nullable(),
    kind: concernKind,
    note: z.string(),
    status: z.enum(CONCERN_STATUSES),
    openedAt: isoDateTime,
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'MentoringConcern' });
export const concernList = z.object({ concerns: z.array(concern) }).meta({ id: 'MentoringConcernList' });
export const concernQuery = z.strictObject({ status: z.enum(['open', 'all']).default('open') });
