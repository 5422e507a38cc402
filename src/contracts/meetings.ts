import { z } from 'zod';
import { timeZone, uuid } from './common.ts';
import { localDate, pathway } from './journey.ts';

/** Groups and meetings: recurring meetings, the finder, RSVPs, attendance, proof of attendance (domain.md §1). */

// ── Meeting Guide vocabulary ─────────────────────────────────────────────────────────────────────────────────

/** The Meeting Guide type codes (domain.md §1), with their English names. */
export const MEETING_TYPES = {
  '11': '11th Step Meditation',
  '12x12': '12 Steps & 12 Traditions',
  A: 'Secular',
  ABSI: 'As Bill Sees It',
  AF: 'Afrikaans',
  AL: 'Concurrent with Alateen',
  'AL-AN': 'Concurrent with Al-Anon',
  AM: 'Amharic',
  AR: 'Arabic',
  ASL: 'American Sign Language',
  B: 'Big Book',
  BA: 'Babysitting Available',
  BE: 'Newcomer',
  BG: 'Bulgarian',
  BI: 'Bisexual',
  BRK: 'Breakfast',
  C: 'Closed',
  CAN: 'Candlelight',
  CF: 'Child-Friendly',
  D: 'Discussion',
  DA: 'Danish',
  DB: 'Digital Basket',
  DD: 'Dual Diagnosis',
  DE: 'German',
  DR: 'Daily Reflections',
  EL: 'Greek',
  EN: 'English',
  FA: 'Persian',
  FI: 'Finnish',
  FF: 'Fragrance Free',
  FR: 'French',
  G: 'Gay',
  GR: 'Grapevine',
  H: 'Birthday',
  HE: 'Hebrew',
  HI: 'Hindi',
  HR: 'Croatian',
  HU: 'Hungarian',
  IS: 'Icelandic',
  ITA: 'Italian',
  JA: 'Japanese',
  KA: 'Georgian',
  KOR: 'Korean',
  L: 'Lesbian',
  LGBTQ: 'LGBTQ',
  LIT: 'Literature',
  LS: 'Living Sober',
  LT: 'Lithuanian',
  M: 'Men',
  MED: 'Meditation',
  ML: 'Malayalam',
  MT: 'Maltese',
  N: 'Native American',
  NB: 'Non-Binary',
  NDG: 'Indigenous',
  NE: 'Nepali',
  NL: 'Dutch',
  NO: 'Norwegian',
  O: 'Open',
  OUT: 'Outdoor',
  P: 'Professionals',
  POA: 'Proof of Attendance',
  POC: 'People of Color',
  POL: 'Polish',
  POR: 'Portuguese',
  PUN: 'Punjabi',
  RUS: 'Russian',
  S: 'Spanish',
  SEN: 'Seniors',
  SK: 'Slovak',
  SL: 'Slovenian',
  SM: 'Smoking Permitted',
  SP: 'Speaker',
  ST: 'Step Study',
  SV: 'Swedish',
  T: 'Transgender',
  TC: 'Location Temporarily Closed',
  TH: 'Thai',
  TL: 'Tagalog',
  TR: 'Tradition Study',
  TUR: 'Turkish',
  UK: 'Ukrainian',
  W: 'Women',
  X: 'Wheelchair Access',
  XB: 'Wheelchair-Accessible Bathroom',
  XT: 'Cross Talk Permitted',
  Y: 'Young People',
} as const;
export type MeetingTypeCode = keyof typeof MEETING_TYPES;
export const MEETING_TYPE_CODES = Object.keys(MEETING_TYPES) as MeetingTypeCode[];
export const meetingType = z.enum(MEETING_TYPE_CODES as [MeetingTypeCode, ...MeetingTypeCode[]], { message: 'Unknown meeting type' });

/** Types that only make sense in a room; readers drop them from meetings that are not in person (domain.md §1). */
export const IN_PERSON_ONLY_TYPES: ReadonlySet<string> = new Set(['BA', 'BRK', 'CAN', 'CF', 'AL-AN', 'AL', 'FF', 'OUT', 'SM', 'X', 'XB']);

/** How people attend; `inactive` is "temporarily inactive" (the meeting is kept but not held). */
export const ATTENDANCE_OPTIONS = ['in_person', 'online', 'hybrid', 'inactive'] as const;
export const attendanceOption = z.enum(ATTENDANCE_OPTIONS);
export type AttendanceOption = z.infer<typeof attendanceOption>;

export const GROUP_VISIBILITY = ['public', 'members'] as const;
export const GROUP_MEMBERSHIP = ['open', 'approval'] as const;
/** Who sees a meeting's conference link, phone and notes: anyone, or only the group's members. */
export const CONFERENCE_VISIBILITY = ['public', 'group_members'] as const;

export const meetingLimits = {
  nameMax: 120,
  descriptionMax: 2000,
  notesMax: 2000,
  customTypesMax: 10,
  customTypeMax: 40,
  languagesMax: 6,
  slugMax: 64,
  topicMax: 200,
  /** How long before the start a member may check in. */
  checkInOpensMinutes: 15,
  /** The finder's "starting soon" horizon. */
  soonMinutes: 120,
  finderMax: 100,
  radiusKmMax: 500,
  proofDaysMax: 366,
} as const;

// ── Field types ──────────────────────────────────────────────────────────────────────────────────────────────

const HTML_TAG = /<\/?[a-z!][^>]*>/i;
/** Plain text: people write notes, not markup. A tag is rejected with a message rather than silently mangled. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters` })
    .refine((v) => !HTML_TAG.test(v), { message: 'Write plain text, without HTML tags' });

export const slug = z
  .string()
  .trim()
  .min(1)
  .max(meetingLimits.slugMax)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lowercase letters, digits and single hyphens' });

/** 24-hour "HH:MM". */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a 24-hour time such as 19:30' });
export const weekday = z.number().int().min(0, { message: 'Days are 0 (Sunday) to 6 (Saturday)' }).max(6, { message: 'Days are 0 (Sunday) to 6 (Saturday)' });
export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { message: 'Use a language code such as en or es' });

export const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'Use a web address starting with https://' },
  );

/** Digits and + , * # (domain.md §1): a dial string with pauses and a meeting code. */
export const conferencePhone = z
  .string()
  .trim()
  .max(60)
  .regex(/^\+?[0-9][0-9,*#+ ]*$/, { message: 'Use digits and + , * # only' })
  .transform((v) => v.replace(/ /g, ''));

export const latitude = z.number().min(-90, { message: 'Latitude is between -90 and 90' }).max(90, { message: 'Latitude is between -90 and 90' });
export const longitude = z.number().min(-180, { message: 'Longitude is between -180 and 180' }).max(180, { message: 'Longitude is between -180 and 180' });

// ── Groups ───────────────────────────────────────────────────────────────────────────────────────────────────

export const groupBody = z.strictObject({
  name: plainText(meetingLimits.nameMax).min(1, { message: 'Name the group' }),
  description: plainText(meetingLimits.descriptionMax).default(''),
  pathway,
  /** The fellowship or program, in its own words ("Alcoholics Anonymous", "SMART Recovery", "Al-Anon"). */
  fellowship: plainText(80).default(''),
  languages: z.array(languageCode).min(1, { message: 'Choose at least one language' }).max(meetingLimits.languagesMax),
  visibility: z.enum(GROUP_VISIBILITY),
  membership: z.enum(GROUP_MEMBERSHIP),
  conferenceVisibility: z.enum(CONFERENCE_VISIBILITY).default('public'),
});
export const groupPatchBody = groupBody.partial().refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });

export const groupFacilitatorsBody = z.strictObject({ userIds: z.array(uuid).min(1, { message: 'A group needs a facilitator' }).max(20) });

export const MY_GROUP_STATUS = ['none', 'pending', 'member', 'facilitator'] as const;

export const group = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    pathway,
    fellowship: z.string(),
    languages: z.array(z.string()),
    visibility: z.enum(GROUP_VISIBILITY),
    membership: z.enum(GROUP_MEMBERSHIP),
    conferenceVisibility: z.enum(CONFERENCE_VISIBILITY),
    facilitators: z.array(z.object({ id: uuid, displayName: z.string() })),
    meetingCount: z.number().int(),
    /** The viewer's place in the group (always `none` when signed out). */
    myStatus: z.enum(MY_GROUP_STATUS),
    /** The viewer may edit the group and its meetings. */
    canManage: z.boolean(),
  })
  .meta({ id: 'Group' });
export const groupList = z.object({ groups: z.array(group) }).meta({ id: 'GroupList' });

export const groupMember = z
  .object({ userId: uuid, displayName: z.string(), role: z.enum(['member', 'facilitator']), status: z.enum(['pending', 'active']), joinedAt: z.string() })
  .meta({ id: 'GroupMember' });
export const groupMemberList = z.object({ members: z.array(groupMember) }).meta({ id: 'GroupMemberList' });
export const groupMemberParams = z.strictObject({ id: uuid, userId: uuid });

// ── Meetings ─────────────────────────────────────────────────────────────────────────────────────────────────

export const schedule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weekly'),
    days: z
      .array(weekday)
      .min(1, { message: 'Choose at least one day' })
      .max(7)
      .refine((d) => new Set(d).size === d.length, { message: 'Each day once' }),
  }),
  z.strictObject({ kind: z.literal('once'), date: localDate }),
]);
export type Schedule = z.infer<typeof schedule>;

export const meetingLocation = z.strictObject({
  /** The venue ("St. Mark's Church, basement"). */
  name: plainText(120).default(''),
  /** A full street address, comma separated: "123 Main St, Springfield, IL 62701, USA". */
  formattedAddress: plainText(300).min(1, { message: 'Enter the address' }),
  latitude,
  longitude,
  notes: plainText(500).default(''),
  region: plainText(80).default(''),
});

export const meetingConference = z
  .strictObject({
    url: httpUrl.nullable().default(null),
    urlNotes: plainText(300).default(''),
    phone: conferencePhone.nullable().default(null),
    phoneNotes: plainText(300).default(''),
  })
  .refine((c) => c.url !== null || c.phone !== null, { message: 'Give a link or a phone number', path: ['url'] });

const meetingFields = {
  name: plainText(meetingLimits.nameMax).min(1, { message: 'Name the meeting' }),
  slug: slug.optional(),
  schedule,
  startTime: clockTime,
  /** Ends the next day when earlier than the start (a midnight meeting). */
  endTime: clockTime,
  timeZone,
  attendance: attendanceOption,
  location: meetingLocation.nullable().default(null),
  /** For online meetings: a city-level address that implies the time zone ("Chicago, IL, USA"). */
  approximateAddress: plainText(120).default(''),
  conference: meetingConference.nullable().default(null),
  types: z
    .array(meetingType)
    .max(30)
    .refine((t) => new Set(t).size === t.length, { message: 'Each type once' })
    .default([]),
  customTypes: z.array(plainText(meetingLimits.customTypeMax).min(1)).max(meetingLimits.customTypesMax).default([]),
  /** Empty: the group's languages. */
  languages: z.array(languageCode).max(meetingLimits.languagesMax).default([]),
  notes: plainText(meetingLimits.notesMax).default(''),
  readings: plainText(500).default(''),
};

/** The rules that tie fields together: a room needs an address, online needs a link or phone. */
function meetingRules(m: { startTime?: string; endTime?: string; attendance?: AttendanceOption; location?: unknown; conference?: unknown }, ctx: z.RefinementCtx) {
  if (m.startTime !== undefined && m.startTime === m.endTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'End after the start' });
  if ((m.attendance === 'in_person' || m.attendance === 'hybrid') && !m.location)
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'Give the address for people coming in person' });
  if ((m.attendance === 'online' || m.attendance === 'hybrid') && !m.conference)
    ctx.addIssue({ code: 'custom', path: ['conference'], message: 'Give a link or a phone number for people joining online' });
}

export const meetingBody = z.strictObject({ groupId: uuid, ...meetingFields }).superRefine(meetingRules);
export type MeetingBody = z.output<typeof meetingBody>;
/** A change replaces the meeting's description wholesale (the form always sends all of it); the group stays. */
export const meetingUpdateBody = z.strictObject(meetingFields).superRefine(meetingRules);

export const OCCURRENCE_STATUS = ['scheduled', 'cancelled', 'moved'] as const;

/** One held (or cancelled, or moved) meeting on a date. Instants are ISO UTC; `localDate` is in the meeting's zone. */
export const occurrence = z
  .object({
    /** The date of the regular occurrence in the meeting's zone: the key for RSVPs, attendance and exceptions. */
    date: localDate,
    start: z.string(),
    end: z.string(),
    status: z.enum(OCCURRENCE_STATUS),
    topic: z.string().nullable(),
  })
  .meta({ id: 'Occurrence' });

export const meetingConferenceView = z.object({ url: z.string().nullable(), urlNotes: z.string(), phone: z.string().nullable(), phoneNotes: z.string() });

export const meetingSummary = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    group: z.object({ id: uuid, slug: z.string(), name: z.string() }),
    schedule,
    startTime: z.string(),
    endTime: z.string(),
    timeZone: z.string(),
    attendance: attendanceOption,
    location: z.object({ name: z.string(), formattedAddress: z.string(), latitude: z.number(), longitude: z.number(), notes: z.string(), region: z.string() }).nullable(),
    approximateAddress: z.string(),
    /** Null when the group keeps its conference details for members and the viewer is not one. */
    conference: meetingConferenceView.nullable(),
    conferenceHidden: z.boolean(),
    types: z.array(meetingType),
    customTypes: z.array(z.string()),
    languages: z.array(z.string()),
    notes: z.string(),
    readings: z.string(),
    updatedAt: z.string(),
    /** The next occurrence that is not over (it may be in progress), or null for a past one-off. */
    next: occurrence.nullable(),
  })
  .meta({ id: 'MeetingSummary' });

export const meetingDetail = meetingSummary
  .extend({
    /** The coming occurrences (about four weeks), with exceptions and topics applied. */
    upcoming: z.array(occurrence.extend({ rsvp: z.boolean(), attended: z.boolean(), rsvpCount: z.number().int().nullable() })),
    canManage: z.boolean(),
    /** The viewer may check in now (an occurrence is within its window and they have not yet). */
    checkInOpen: occurrence.nullable(),
  })
  .meta({ id: 'MeetingDetail' });

export const meetingList = z.object({ meetings: z.array(meetingSummary) }).meta({ id: 'MeetingList' });

export const occurrenceParams = z.strictObject({ id: uuid, date: localDate });
export const occurrenceBody = z
  .strictObject({
    status: z.enum(OCCURRENCE_STATUS),
    /** For `moved`: the new local date and times in the meeting's zone. */
    movedTo: z.strictObject({ date: localDate, startTime: clockTime, endTime: clockTime }).nullable().default(null),
    topic: plainText(meetingLimits.topicMax).nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'moved' && !b.movedTo) ctx.addIssue({ code: 'custom', path: ['movedTo'], message: 'Say when it moves to' });
    if (b.status !== 'moved' && b.movedTo) ctx.addIssue({ code: 'custom', path: ['movedTo'], message: 'Only a moved meeting has a new time' });
    if (b.movedTo && b.movedTo.startTime === b.movedTo.endTime) ctx.addIssue({ code: 'custom', path: ['movedTo', 'endTime'], message: 'End after the start' });
  });

// ── Finder ───────────────────────────────────────────────────────────────────────────────────────────────────

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
/** Local hours of each time of day in the viewer's zone: [from, to). Night wraps past midnight. */
export const TIME_OF_DAY_HOURS: Record<(typeof TIMES_OF_DAY)[number], [number, number]> = {
  morning: [5, 12],
  afternoon: [12, 17],
  evening: [17, 21],
  night: [21, 5],
};

/** Query strings carry lists as comma-separated values: `day=1,3&types=O,D`. */
const csv = <T extends z.ZodType<unknown, any>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(100));

export const finderQuery = z.strictObject({
  /** Days of the week in the viewer's zone, 0 = Sunday. */
  day: csv(z.coerce.number().pipe(weekday)).optional(),
  timeOfDay: csv(z.enum(TIMES_OF_DAY)).optional(),
  /** In progress now or starting within the next two hours. */
  soon: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  lat: z.coerce.number().pipe(latitude).optional(),
  lng: z.coerce.number().pipe(longitude).optional(),
  radiusKm: z.coerce.number().positive().max(meetingLimits.radiusKmMax).optional(),
  attendance: csv(attendanceOption).optional(),
  types: csv(meetingType).optional(),
  language: languageCode.optional(),
  q: z.string().trim().max(100).optional(),
  groupId: uuid.optional(),
  /** The viewer's IANA zone, for days, times of day and display. Defaults to the account's or the instance's. */
  tz: timeZone.optional(),
  limit: z.coerce.number().int().min(1).max(meetingLimits.finderMax).default(50),
});
export type FinderQuery = z.output<typeof finderQuery>;

export const finderResult = z
  .object({
    total: z.number().int(),
    /** The zone the days and times were read in. */
    timeZone: z.string(),
    now: z.string(),
    results: z.array(
      meetingSummary.extend({
        /** The next occurrence matching the day and time filters. */
        match: occurrence,
        inProgress: z.boolean(),
        distanceKm: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'FinderResult' });

// ── RSVP, attendance, proof ──────────────────────────────────────────────────────────────────────────────────

export const ATTENDANCE_METHODS = ['self', 'roster'] as const;

export const attendanceRecord = z
  .object({
    meetingId: uuid,
    meetingName: z.string(),
    groupName: z.string(),
    date: localDate,
    start: z.string(),
    timeZone: z.string(),
    attendance: attendanceOption,
    method: z.enum(ATTENDANCE_METHODS),
    recordedAt: z.string(),
  })
  .meta({ id: 'AttendanceRecord' });
export const attendanceHistory = z
  .object({ from: localDate, to: localDate, records: z.array(attendanceRecord), perMonth: z.array(z.object({ month: z.string(), count: z.number().int() })) })
  .meta({ id: 'AttendanceHistory' });
export const attendanceRangeQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });

export const rosterEntry = z.object({ userId: uuid, displayName: z.string(), rsvp: z.boolean(), attended: z.boolean(), method: z.enum(ATTENDANCE_METHODS).nullable() });
export const roster = z.object({ occurrence, entries: z.array(rosterEntry) }).meta({ id: 'Roster' });
export const rosterBody = z.strictObject({ userId: uuid, attended: z.boolean() });

export const proofBody = z
  .strictObject({
    from: localDate,
    to: localDate,
    /** The name to print, as the court or program knows the member; omitted: no name. */
    holderName: plainText(120).nullable().default(null),
    includeMeetingNames: z.boolean().default(true),
    includeLocations: z.boolean().default(false),
  })
  .refine((b) => b.from <= b.to, { message: 'The start comes before the end', path: ['to'] });

export const proofEntry = z.object({
  date: localDate,
  start: z.string(),
  timeZone: z.string(),
  meetingName: z.string().nullable(),
  groupName: z.string().nullable(),
  location: z.string().nullable(),
  attendance: attendanceOption,
  /** `roster`: confirmed by the facilitator; `self`: the member checked in during the meeting. */
  method: z.enum(ATTENDANCE_METHODS),
});

export const attendanceProof = z
  .object({
    id: uuid,
    code: z.string(),
    verifyUrl: z.string(),
    from: localDate,
    to: localDate,
    holderName: z.string().nullable(),
    includeMeetingNames: z.boolean(),
    includeLocations: z.boolean(),
    entries: z.array(proofEntry),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'AttendanceProof' });
export const attendanceProofList = z.object({ proofs: z.array(attendanceProof) }).meta({ id: 'AttendanceProofList' });

/** What anyone with the code sees: only what the member chose to include. */
export const proofVerification = z
  .object({
    valid: z.literal(true),
    code: z.string(),
    organization: z.string(),
    issuedAt: z.string(),
    from: localDate,
    to: localDate,
    holderName: z.string().nullable(),
    count: z.number().int(),
    entries: z.array(proofEntry),
  })
  .meta({ id: 'ProofVerification' });
export const proofCodeParams = z.strictObject({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{8,40}$/, { message: 'Check the code' }) });

export const calendarLink = z.object({ url: z.string().nullable() }).meta({ id: 'CalendarLink' });

// ── Import ───────────────────────────────────────────────────────────────────────────────────────────────────

export const importBody = z.union([z.strictObject({ url: httpUrl }), z.strictObject({ feed: z.array(z.unknown()).max(20000) })]);
export const importReport = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.array(z.object({ row: z.number().int(), slug: z.string().nullable(), reason: z.string() })),
  })
  .meta({ id: 'ImportReport' });

/** The member's coming RSVPs, soonest first. */
export const myMeetings = z
  .object({ items: z.array(z.object({ meeting: meetingSummary, occurrence })) })
  .meta({ id: 'MyMeetings' });
