import { z } from 'zod';
import { uuid } from './common.ts';
import { copingLibraryStrategy } from './resources.ts';

/** The member's own space: recovery profile, sobriety dates, check-ins, goals, toolbox, safety plan, sharing. */

export const PATHWAYS = ['twelve_step', 'smart_recovery', 'medication_assisted', 'faith_based', 'secular', 'harm_reduction', 'other'] as const;
export const pathway = z.enum(PATHWAYS);

/** The five stages of the transtheoretical model (domain.md §3). */
export const STAGES = ['precontemplation', 'contemplation', 'preparation', 'action', 'maintenance'] as const;
export const stage = z.enum(STAGES);

export const TRIGGERS = ['stress', 'loneliness', 'conflict', 'boredom', 'people_places', 'pain', 'celebration', 'tiredness', 'money', 'cravings_cues'] as const;
export const trigger = z.enum(TRIGGERS);

export const USED = ['yes', 'no', 'prefer_not_to_say'] as const;

/** A local calendar date, YYYY-MM-DD, that exists. */
export const localDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

const shortText = (max: number) => z.string().trim().max(max);
const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

// ── Recovery profile ──────────────────────────────────────────────────────────────────────────────────────────

export const recoveryProfileBody = z.strictObject({
  pathways: listOf(pathway, PATHWAYS.length).refine((p) => new Set(p).size === p.length, { message: 'Each pathway once' }),
  recoveringFrom: listOf(shortText(60).min(1), 20),
  languages: listOf(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { message: 'Use a language code such as en or es' }), 10),
});

export const stageBody = z.strictObject({ stage });

export const recoveryProfile = z
  .object({
    pathways: z.array(pathway),
    recoveringFrom: z.array(z.string()),
    languages: z.array(z.string()),
    stage: stage.nullable(),
    stageHistory: z.array(z.object({ stage, assessedAt: z.string() })),
  })
  .meta({ id: 'RecoveryProfile' });

// ── Sobriety dates and milestones ─────────────────────────────────────────────────────────────────────────────

/** Milestones: 24 hours, 7/30/60/90 days, 6 and 9 months, 1 year, 18 months, then every year. */
export const milestone = z.object({ key: z.string(), on: localDate });

export const sobrietyTrack = z
  .object({
    id: uuid,
    label: z.string(),
    startedOn: localDate,
    days: z.number().int(),
    /** The same span as years, months and days. */
    span: z.object({ years: z.number().int(), months: z.number().int(), days: z.number().int() }),
    reached: z.array(milestone),
    next: milestone.extend({ inDays: z.number().int() }),
    longestStreakDays: z.number().int(),
    totalDays: z.number().int(),
    periods: z.array(z.object({ startedOn: localDate, endedOn: localDate.nullable(), days: z.number().int(), setbackNote: z.string().nullable() })),
    announceMilestones: z.boolean(),
  })
  .meta({ id: 'SobrietyTrack' });

export const sobrietySummary = z
  .object({ today: localDate, timeZone: z.string(), tracks: z.array(sobrietyTrack) })
  .meta({ id: 'SobrietySummary' });

export const createTrackBody = z.strictObject({
  label: shortText(60).min(1, { message: 'Name what this date is for' }),
  startedOn: localDate,
  announceMilestones: z.boolean().optional(),
});

export const updateTrackBody = z
  .strictObject({ label: shortText(60).min(1).optional(), announceMilestones: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });

export const resetBody = z.strictObject({
  trackId: uuid,
  /** The first day of the new period; today when omitted. */
  startedOn: localDate.optional(),
  note: shortText(2000).optional(),
});

// ── Crisis resources and the crisis answer (the instance's lines, configurable per language) ────────────────

export const crisisResource = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  phone: z.string().nullable(),
  sms: z.object({ number: z.string(), body: z.string().nullable() }).nullable(),
  url: z.string().nullable(),
  emergency: z.boolean(),
});
export const crisisResources = z.object({ resources: z.array(crisisResource) }).meta({ id: 'CrisisResources' });

/**
 * Carried by the response that saved a member's own text (a check-in note now; posts, replies and messages as they
 * land) when the crisis detector reads it as urgent or emergency. The text is saved all the same; the screen shows
 * this before anything else. Defined here, not in safety.ts (which re-exports it), because safety.ts imports this
 * file: importing it back would be a cycle whose evaluation order breaks one side. The levels are the escalation
 * levels (safety.ts `ESCALATION_LEVELS`).
 */
export const crisisPayload = z
  .object({
    level: z.enum(['urgent', 'emergency']),
    categories: z.array(z.string()),
    /** The instance's crisis lines in the member's language; emergency ones (911, overdose steps) first when it is an emergency. */
    resources: z.array(crisisResource),
    /** The C-SSRS screener question to ask next, when the text speaks of suicide (domain.md §4). */
    followUp: z.object({ key: z.string(), question: z.string() }).nullable(),
    /**
     * The escalation opened for it: people on call and the member's mentor have been told. Null when the instance
     * escalates emergencies only (safety settings `escalateFrom`) and this one is urgent.
     */
    escalationId: uuid.nullable(),
  })
  .meta({ id: 'CrisisPayload' });
export type CrisisPayload = z.infer<typeof crisisPayload>;

// ── Daily check-in ────────────────────────────────────────────────────────────────────────────────────────────

export const checkInBody = z.strictObject({
  mood: z.number().int().min(1).max(5),
  craving: z.number().int().min(0).max(10),
  triggers: listOf(trigger, TRIGGERS.length).default([]),
  triggerNote: shortText(500).optional(),
  used: z.enum(USED),
  hoursSlept: z.number().min(0).max(24).multipleOf(0.5).optional(),
  meetings: z.number().int().min(0).max(20).default(0),
  gratitude: shortText(2000).optional(),
  notes: shortText(4000).optional(),
});
export type CheckInBody = z.input<typeof checkInBody>;

export const checkIn = z
  .object({
    date: localDate,
    mood: z.number().int(),
    craving: z.number().int(),
    triggers: z.array(trigger),
    triggerNote: z.string().nullable(),
    used: z.enum(USED),
    hoursSlept: z.number().nullable(),
    meetings: z.number().int(),
    gratitude: z.string().nullable(),
    notes: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CheckIn' });

export const RISK_REASONS = ['craving', 'mood', 'used'] as const;

export const savedCheckIn = z
  .object({
    checkIn,
    streak: z.object({ current: z.number().int(), longest: z.number().int() }),
    /** Present when the check-in shows risk: the screen shows the toolbox, safety plan and reach-out actions at once. */
    risk: z
      .object({
        reasons: z.array(z.enum(RISK_REASONS)),
        /** Popular library strategies for these reasons, in the member's language, not yet in their toolbox (docs/resources.md). */
        suggestions: z.array(copingLibraryStrategy),
      })
      .nullable(),
    /** Present when the detector reads the member's words as urgent or emergency: crisis lines, the next question. */
    crisis: crisisPayload.nullable(),
  })
  .meta({ id: 'SavedCheckIn' });

export const checkInDateParams = z.strictObject({ date: localDate });
export const checkInRangeQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });
export const checkInList = z
  .object({ from: localDate, to: localDate, checkIns: z.array(checkIn), streak: z.object({ current: z.number().int(), longest: z.number().int() }) })
  .meta({ id: 'CheckInList' });

// ── Goals ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * What a goal counts: Kindred measures check-ins and meetings (recorded attendance, or as reported in check-ins);
 * mentor contacts count what the member's mentor logged or what the member reports, the larger each day; the rest
 * is self-reported.
 */
export const GOAL_MEASURES = ['check_ins', 'meetings', 'mentor_contacts', 'self_reported'] as const;
export const GOAL_PERIODS = ['week', 'month'] as const;

export const goalBody = z.strictObject({
  title: shortText(100).min(1),
  measure: z.enum(GOAL_MEASURES),
  target: z.number().int().min(1).max(1000),
  period: z.enum(GOAL_PERIODS),
});
export const goalEntryBody = z.strictObject({ date: localDate, amount: z.number().int().min(1).max(1000) });
export const goal = z
  .object({
    id: uuid,
    title: z.string(),
    measure: z.enum(GOAL_MEASURES),
    target: z.number().int(),
    period: z.enum(GOAL_PERIODS),
    progress: z.object({ periodStart: localDate, periodEnd: localDate, count: z.number().int(), met: z.boolean() }),
  })
  .meta({ id: 'Goal' });

// ── Coping toolbox and safety plan ────────────────────────────────────────────────────────────────────────────

export const copingStrategyBody = z.strictObject({
  title: shortText(100).min(1),
  steps: listOf(shortText(500).min(1), 20),
});
export const copingStrategy = z
  .object({ id: uuid, title: z.string(), steps: z.array(z.string()), position: z.number().int() })
  .meta({ id: 'CopingStrategy' });

const contact = z.strictObject({
  name: shortText(80).min(1),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+()\-.\s*#]*$/, { message: 'Use digits and + ( ) - . * # only' })
    .optional(),
});

/** The standard safety-plan sections (Stanley-Brown), in order. */
export const SAFETY_PLAN_SECTIONS = [
  'warningSigns',
  'copingAlone',
  'distractions',
  'helpers',
  'professionals',
  'saferEnvironment',
  'reasons',
] as const;

export const safetyPlanBody = z.strictObject({
  warningSigns: listOf(shortText(300).min(1), 20),
  copingAlone: listOf(shortText(300).min(1), 20),
  /** People and places that take my mind off things. */
  distractions: listOf(shortText(300).min(1), 20),
  /** People I can ask for help. */
  helpers: listOf(contact, 10),
  /** Professionals and crisis lines. */
  professionals: listOf(contact, 10),
  saferEnvironment: listOf(shortText(300).min(1), 20),
  /** My reasons for living and staying in recovery. */
  reasons: listOf(shortText(300).min(1), 20),
});
export const safetyPlan = safetyPlanBody.extend({ updatedAt: z.string().nullable() }).meta({ id: 'SafetyPlan' });

// ── Sharing by consent ────────────────────────────────────────────────────────────────────────────────────────

export const SHARE_CATEGORIES = ['check_ins', 'sobriety', 'goals', 'safety_plan', 'meetings'] as const;
export const shareCategory = z.enum(SHARE_CATEGORIES);
export const sharingBody = z.strictObject({ mentor: z.boolean() });
export const sharing = z
  .object({
    mentor: z.object(Object.fromEntries(SHARE_CATEGORIES.map((c) => [c, z.boolean()])) as Record<(typeof SHARE_CATEGORIES)[number], z.ZodBoolean>),
    history: z.array(z.object({ category: shareCategory, grantee: z.literal('mentor'), grantedAt: z.string(), revokedAt: z.string().nullable() })),
  })
  .meta({ id: 'Sharing' });

// ── Goals, toolbox, mentor view and export: the requests and answers the sections above do not cover ──────────

export const goalPatchBody = goalBody
  .pick({ title: true, target: true, period: true })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });
export const goalList = z.object({ goals: z.array(goal) }).meta({ id: 'GoalList' });

export const COPING_STRATEGIES_MAX = 50;
export const copingStrategyList = z.object({ strategies: z.array(copingStrategy) }).meta({ id: 'CopingStrategyList' });
/** The member's strategies in their new order: every one of their ids, each once. */
export const copingOrderBody = z.strictObject({
  ids: z
    .array(uuid)
    .max(COPING_STRATEGIES_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'List each strategy once' }),
});

export const sharingParams = z.strictObject({ category: shareCategory });

export const mentee = z.object({ id: uuid, displayName: z.string() });
export const menteeList = z.object({ mentees: z.array(mentee) }).meta({ id: 'MenteeList' });
/**
 * What a mentee shares with their active mentor: only the categories they chose (the others are absent). Private
 * notes (check-in notes, setback notes) are always null here.
 */
export const menteeJourney = z
  .object({
    sobriety: sobrietySummary.optional(),
    /** The last 30 days, in the mentee's time zone. */
    checkIns: z.array(checkIn).optional(),
    goals: z.array(goal).optional(),
    safetyPlan: safetyPlan.optional(),
    /** Meetings attended in the last 30 days (recorded by check-in at the meeting or the facilitator's roster). */
    meetings: z
      .array(z.object({ date: localDate, start: z.string(), timeZone: z.string(), meetingName: z.string(), groupName: z.string(), method: z.enum(['self', 'roster']) }))
      .optional(),
  })
  .meta({ id: 'MenteeJourney' });

export const EXPORT_SECTIONS = ['check_ins', 'sobriety', 'goals', 'coping_strategies', 'meetings'] as const;
export const exportQuery = z
  .strictObject({
    format: z.enum(['json', 'csv']).default('json'),
    /** Which table a CSV holds (one CSV per section). */
    section: z.enum(EXPORT_SECTIONS).optional(),
  })
  .refine((q) => q.format === 'json' || q.section !== undefined, { message: 'Choose a section for CSV', path: ['section'] });

/**
 * The member's meetings in the export: attendance, RSVPs, and the proofs of attendance they issued (without the
 * entries copied into each proof; those are the attendance rows). The enums repeat meetings.ts's: that file imports
 * this one, so importing back would be circular.
 */
const meetingsExport = z.object({
  attendance: z.array(
    z.object({
      date: localDate,
      startsAt: z.string(),
      meeting: z.string(),
      group: z.string(),
      timeZone: z.string(),
      attendance: z.enum(['in_person', 'online', 'hybrid', 'inactive']),
      method: z.enum(['self', 'roster']),
      recordedAt: z.string(),
    }),
  ),
  rsvps: z.array(z.object({ date: localDate, meeting: z.string(), group: z.string(), createdAt: z.string() })),
  proofs: z.array(
    z.object({
      code: z.string(),
      from: localDate,
      to: localDate,
      holderName: z.string().nullable(),
      includeMeetingNames: z.boolean(),
      includeLocations: z.boolean(),
      createdAt: z.string(),
      revokedAt: z.string().nullable(),
    }),
  ),
});

/** Everything a member has in the journey, for download. Raw facts (no computed counts), archived items included. */
export const journeyExport = z
  .object({
    exportedAt: z.string(),
    timeZone: z.string(),
    profile: z
      .object({ pathways: z.array(z.string()), recoveringFrom: z.array(z.string()), languages: z.array(z.string()), updatedAt: z.string() })
      .nullable(),
    stageHistory: z.array(z.object({ stage: z.string(), assessedAt: z.string() })),
    tracks: z.array(
      z.object({
        id: uuid,
        label: z.string(),
        announceMilestones: z.boolean(),
        createdAt: z.string(),
        archivedAt: z.string().nullable(),
        periods: z.array(z.object({ startedOn: localDate, endedOn: localDate.nullable(), setbackNote: z.string().nullable() })),
        milestones: z.array(z.object({ milestone: z.string(), reachedOn: localDate })),
      }),
    ),
    checkIns: z.array(checkIn),
    goals: z.array(
      z.object({
        id: uuid,
        title: z.string(),
        measure: z.string(),
        target: z.number().int(),
        period: z.string(),
        createdAt: z.string(),
        archivedAt: z.string().nullable(),
        entries: z.array(z.object({ date: localDate, amount: z.number().int(), createdAt: z.string() })),
      }),
    ),
    copingStrategies: z.array(copingStrategy),
    safetyPlan,
    consents: sharing.shape.history,
    meetings: meetingsExport,
  })
  .meta({ id: 'JourneyExport' });
