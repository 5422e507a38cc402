import { z } from 'zod';
import { isoDateTime, locale, role, uuid } from './common.ts';
import { crisisResource, safetyPlan } from './journey.ts';

/** Escalation: an urgent or emergency signal (or an SOS) reaching a person's mentor, the on-call roster, coordinators. */

export const ESCALATION_LEVELS = ['urgent', 'emergency'] as const;
export const escalationLevel = z.enum(ESCALATION_LEVELS);
export const ESCALATION_SOURCES = ['check_in', 'sos', 'post', 'reply', 'message'] as const;
export const escalationSource = z.enum(ESCALATION_SOURCES);
/** open: nobody has acknowledged yet (the roster is being paged); acknowledged: someone has it; closed: over. */
export const ESCALATION_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const escalationStatus = z.enum(ESCALATION_STATUSES);
export const NOTIFICATION_REASONS = ['mentor', 'on_call', 'roster_next', 'coordinator'] as const;
export const notificationReason = z.enum(NOTIFICATION_REASONS);
export const ESCALATION_ACTIONS = ['reached_out', 'called_emergency_services', 'connected_to_professional', 'no_action_needed'] as const;
export const escalationActionKind = z.enum(ESCALATION_ACTIONS);
export const ESCALATION_OUTCOMES = ['safe_and_supported', 'connected_to_care', 'emergency_services', 'no_contact', 'false_alarm', 'cancelled_by_member'] as const;
export const escalationOutcome = z.enum(ESCALATION_OUTCOMES);
export const SOS_KINDS = ['craving', 'talk', 'not_safe'] as const;
export const sosKind = z.enum(SOS_KINDS);

export const safetyLimits = {
  /** The text copied onto an escalation (the one place it is copied) is cut to this length. */
  excerptMax: 1000,
  sosNoteMax: 500,
  actionNoteMax: 280,
  shiftDaysMax: 30,
  ackMinutesMax: 240,
  statsDaysMax: 366,
} as const;

const person = z.object({ displayName: z.string() });

// ── SOS: the member's side ────────────────────────────────────────────────────────────────────────────────────

export const sosBody = z.strictObject({ kind: sosKind, note: z.string().trim().max(safetyLimits.sosNoteMax).optional() });

/** An SOS as the member who sent it sees it: where it stands and who has it, nothing about the roster. */
export const mySos = z
  .object({
    id: uuid,
    kind: sosKind,
    status: escalationStatus,
    openedAt: isoDateTime,
    acknowledgedBy: person.nullable(),
    acknowledgedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    outcome: escalationOutcome.nullable(),
  })
  .meta({ id: 'MySos' });

export const crisisSharing = z.object({ safetyPlan: z.boolean() }).meta({ id: 'CrisisSharing' });
export const crisisSharingBody = z.strictObject({ safetyPlan: z.boolean() });

// ── Responders ────────────────────────────────────────────────────────────────────────────────────────────────

export const escalationSummary = z
  .object({
    id: uuid,
    level: escalationLevel,
    source: escalationSource,
    status: escalationStatus,
    openedAt: isoDateTime,
    member: person,
    /** Why the caller was notified (null for a coordinator looking at one they were not paged for). */
    myReason: notificationReason.nullable(),
    acknowledgedBy: person.nullable(),
    acknowledgedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    outcome: escalationOutcome.nullable(),
  })
  .meta({ id: 'EscalationSummary' });

export const escalationDetail = escalationSummary
  .extend({
    categories: z.array(z.string()),
    /** The words that raised it (an SOS's note), copied here so responders need no access to the source. */
    excerpt: z.string(),
    sosKind: sosKind.nullable(),
    /** When the next person is paged if nobody acknowledges; null once acknowledged or the roster is exhausted. */
    nextPageAt: isoDateTime.nullable(),
    notified: z.array(person.extend({ reason: notificationReason, notifiedAt: isoDateTime })),
    actions: z.array(z.object({ kind: escalationActionKind, note: z.string().nullable(), by: person.nullable(), at: isoDateTime })),
    /** Only while open, and only if the member shares it (with their mentor, or in a crisis with any responder). */
    safetyPlan: safetyPlan.nullable(),
  })
  .meta({ id: 'EscalationDetail' });

export const escalationList = z.object({ escalations: z.array(escalationSummary) }).meta({ id: 'EscalationList' });
export const escalationActionBody = z.strictObject({
  kind: escalationActionKind,
  note: z.string().trim().max(safetyLimits.actionNoteMax).optional(),
});
export const escalationCloseBody = z.strictObject({ outcome: escalationOutcome });

// ── Coordinators ──────────────────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

export const onCallShiftBody = z
  .strictObject({
    userId: uuid,
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    /** Order of paging among overlapping shifts: lower first. */
    position: z.number().int().min(0).max(100).default(0),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'The end must be after the start', path: ['endsAt'] })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= safetyLimits.shiftDaysMax * DAY_MS, {
    message: `A shift lasts at most ${safetyLimits.shiftDaysMax} days`,
    path: ['endsAt'],
  });

export const onCallShift = z
  .object({ id: uuid, userId: uuid, displayName: z.string(), certified: z.boolean(), startsAt: isoDateTime, endsAt: isoDateTime, position: z.number().int() })
  .meta({ id: 'OnCallShift' });
export const onCallQuery = z.strictObject({ from: isoDateTime.optional(), to: isoDateTime.optional() });
export const onCallList = z.object({ shifts: z.array(onCallShift) }).meta({ id: 'OnCallList' });

export const userIdParams = z.strictObject({ userId: uuid });
export const responderBody = z.strictObject({ certified: z.boolean() });
export const responder = z.object({ userId: uuid, displayName: z.string(), roles: z.array(role), certified: z.boolean() }).meta({ id: 'Responder' });
export const responderList = z.object({ responders: z.array(responder) }).meta({ id: 'ResponderList' });

const ackMinutes = z.number().int().min(1).max(safetyLimits.ackMinutesMax);
export const safetySettings = z
  .object({
    ackMinutes: z.object({ emergency: z.number().int(), urgent: z.number().int() }),
    /** The detector level from which a member's words open an escalation (the crisis screen shows for both). */
    escalateFrom: escalationLevel,
  })
  .meta({ id: 'SafetySettings' });
export const safetySettingsBody = z.strictObject({
  ackMinutes: z.strictObject({ emergency: ackMinutes, urgent: ackMinutes }),
  /** Unchanged when omitted. */
  escalateFrom: escalationLevel.optional(),
});

export const escalationStatsQuery = z
  .strictObject({ from: isoDateTime.optional(), to: isoDateTime.optional() })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'The start must not be after the end', path: ['from'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= safetyLimits.statsDaysMax * DAY_MS, {
    message: `Ask for at most ${safetyLimits.statsDaysMax} days at a time`,
    path: ['to'],
  });

/** Counts and times only: no names, no texts, no member ids. */
export const escalationStats = z
  .object({
    from: isoDateTime,
    to: isoDateTime,
    total: z.number().int(),
    byStatus: z.object(Object.fromEntries(ESCALATION_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof ESCALATION_STATUSES)[number], z.ZodNumber>),
    byLevel: z.object(Object.fromEntries(ESCALATION_LEVELS.map((s) => [s, z.number().int()])) as Record<(typeof ESCALATION_LEVELS)[number], z.ZodNumber>),
    secondsToAcknowledge: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
    outcomes: z.object(Object.fromEntries(ESCALATION_OUTCOMES.map((s) => [s, z.number().int()])) as Record<(typeof ESCALATION_OUTCOMES)[number], z.ZodNumber>),
  })
  .meta({ id: 'EscalationStats' });

// ── The answer at once ───────────────────────────────────────────────────────────────────────────────────────

/** Carried by a save's response when the detector reads urgent or emergency; defined in journey.ts (see there why). */
export { crisisPayload, type CrisisPayload } from './journey.ts';

// ── Crisis resources per instance and language (coordinators) ─────────────────────────────────────────────────

export const crisisResourceLimits = { perLocale: 20, name: 120, description: 500, phone: 32, smsBody: 160, url: 500 } as const;

const orNull = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** One line as a coordinator enters it: a name, and at least one way to reach it (phone, text or https link). */
export const crisisResourceInput = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the line a name').max(crisisResourceLimits.name),
    description: z.string().trim().max(crisisResourceLimits.description).default(''),
    phone: orNull(
      z
        .string()
        .trim()
        .max(crisisResourceLimits.phone)
        .regex(/^[0-9+\-() ]*[0-9][0-9+\-() ]*$/, 'Digits, spaces and + - ( ) only'),
    ),
    sms: orNull(
      z.strictObject({
        number: z.string().trim().regex(/^[0-9]{2,15}$/, 'Digits only'),
        body: orNull(z.string().trim().max(crisisResourceLimits.smsBody)),
      }),
    ),
    url: orNull(
      z
        .url({ protocol: /^https$/, error: 'An https:// address' })
        .max(crisisResourceLimits.url),
    ),
    /** Emergency services and overdose steps: listed first when the detector reads an emergency. */
    emergency: z.boolean().default(false),
  })
  .refine((r) => Boolean(r.phone || r.sms || r.url), { message: 'Give a phone number, a text number or a link', path: ['phone'] });

/** The whole list for one language, in order; an empty list means "use Kindred's defaults". */
export const crisisResourcesBody = z.strictObject({ resources: z.array(crisisResourceInput).max(crisisResourceLimits.perLocale) });
export const crisisResourcesLocaleParams = z.strictObject({ locale });
export const crisisResourcesLocaleQuery = z.strictObject({ locale: locale.default('en') });
/** What members see for a language, and whether the instance configured it (false: Kindred's US defaults). */
export const adminCrisisResources = z
  .object({ locale, configured: z.boolean(), resources: z.array(crisisResource) })
  .meta({ id: 'AdminCrisisResources' });
