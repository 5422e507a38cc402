import { z } from 'zod';
import { cleanText, isoDateTime, locale, timeZone, uuid } from './common.ts';

/**
 * Recovery resources (docs/resources.md): a directory of services people have used (crisis lines, treatment,
 * harm reduction, housing...) with tips and reviews from peers, and a library of coping strategies members write
 * and save to their own toolbox. Public entries are readable without an account.
 */

export const resourceLimits = {
  name: 120,
  description: 2000,
  address: 300,
  eligibility: 500,
  costNote: 200,
  phoneInput: 40,
  textKeyword: 40,
  url: 500,
  languages: 20,
  hoursPeriods: 21,
  tip: 1000,
  reviewNote: 500,
  searchQuery: 200,
  pageSize: 20,
  pageSizeMax: 50,
  radiusKmDefault: 50,
  radiusKmMax: 500,
  strategyTitle: 100,
  strategySummary: 300,
  strategySteps: 12,
  strategyStep: 500,
  programme: 100,
  importBytes: 5_000_000,
  importRows: 5000,
  reverifyDaysMin: 30,
  reverifyDaysMax: 1095,
} as const;

const text = cleanText;
/** Text shown to people: tags are stripped on the server before it is stored, so this only bounds the size. */
const plain = (max: number) => text(max);

// ── Directory entries ───────────────────────────────────────────────────────────────────────────────────────

export const RESOURCE_CATEGORIES = [
  'crisis_lines',
  'treatment_detox',
  'medication_treatment',
  'mental_health',
  'harm_reduction',
  'housing',
  'employment',
  'legal_aid',
  'food',
  'transport',
  'family_support',
  'mutual_aid',
] as const;
export const resourceCategory = z.enum(RESOURCE_CATEGORIES);
export type ResourceCategory = z.infer<typeof resourceCategory>;

/** `public`: anyone, without an account; `members`: signed-in people. */
export const RESOURCE_AUDIENCES = ['public', 'members'] as const;
export const RESOURCE_COSTS = ['free', 'sliding_scale', 'insurance', 'medicaid', 'paid'] as const;
/** `suggested`: a member's suggestion waiting for review (never listed); `archived`: removed from the directory. */
export const RESOURCE_STATUSES = ['published', 'suggested', 'rejected', 'archived'] as const;
/** Where an entry came from: the starter set, a coordinator, a member's suggestion, or an import. */
export const RESOURCE_ORIGINS = ['starter', 'coordinator', 'suggestion', 'import'] as const;

/** ISO 639 language codes the service is offered in ("en", "es", "zh"...). */
export const serviceLanguage = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, { message: 'Use a two- or three-letter language code, such as en or es' });

/** "HH:MM", 00:00 to 24:00. */
const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'Use HH:MM, 24-hour' });

/** Opening hours in the entry's own time zone. A period whose close is before its open runs past midnight. */
export const openingHours = z.strictObject({
  timeZone,
  alwaysOpen: z.boolean().default(false),
  /** ISO weekday: 1 Monday ... 7 Sunday. */
  periods: z
    .array(z.strictObject({ day: z.number().int().min(1).max(7), opens: clock, closes: clock }))
    .max(resourceLimits.hoursPeriods)
    .default([]),
});
export type OpeningHours = z.infer<typeof openingHours>;

export const coordinates = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

const nullableText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/**
 * What a coordinator (or a member suggesting an entry) sends. The server normalises the phone number (to E.164 with
 * the instance's country, or a short code such as 988), the text line and the website (http or https only), strips
 * HTML from every text, and answers 422 with the field when one cannot be read.
 */
export const resourceInput = z
  .strictObject({
    name: plain(resourceLimits.name).min(2, 'Give the resource a name'),
    category: resourceCategory,
    description: plain(resourceLimits.description).default(''),
    audience: z.enum(RESOURCE_AUDIENCES).default('public'),
    /** The language the name and description are written in. */
    locale: locale.default('en'),
    /** The same name and description in the other language, shown to readers who use it. */
    translations: z
      .partialRecord(locale, z.strictObject({ name: plain(resourceLimits.name).min(2), description: plain(resourceLimits.description).default('') }))
      .default({}),
    phone: nullableText(resourceLimits.phoneInput),
    /** A text line: the number (or short code) and the keyword to send, as "text HOME to 741741". */
    textLine: z
      .strictObject({ number: text(resourceLimits.phoneInput).min(3), keyword: nullableText(resourceLimits.textKeyword) })
      .nullable()
      .default(null),
    website: nullableText(resourceLimits.url),
    address: nullableText(resourceLimits.address),
    location: coordinates.nullable().default(null),
    /** Null: hours not known. */
    hours: openingHours.nullable().default(null),
    languages: z.array(serviceLanguage).max(resourceLimits.languages).default([]),
    costs: z.array(z.enum(RESOURCE_COSTS)).max(RESOURCE_COSTS.length).default([]),
    costNote: nullableText(resourceLimits.costNote),
    eligibility: nullableText(resourceLimits.eligibility),
    inPerson: z.boolean().default(false),
    online: z.boolean().default(false),
    /** Crisis lines only: also shown on the crisis screen and the SOS page for readers of one of its languages. */
    crisisScreen: z.boolean().default(false),
  })
  .refine((r) => r.crisisScreen === false || r.category === 'crisis_lines', {
    message: 'Only crisis lines are shown on the crisis screen',
    path: ['crisisScreen'],
  });
export type ResourceInput = z.infer<typeof resourceInput>;

/** A coordinator's change: any fields of the input (validated as a whole after merging with the entry). */
export const resourcePatch = z.record(z.string(), z.unknown()).meta({ id: 'ResourcePatch' });
export const resourceVerifyBody = z.strictObject({});

/** A tappable phone number: `tel` for the link, `display` as people write it in the instance's country. */
export const phoneNumber = z.object({ tel: z.string(), display: z.string() });

export const resourceSummary = z
  .object({
    id: uuid,
    name: z.string(),
    category: resourceCategory,
    /** In the reader's language when a translation exists. */
    description: z.string(),
    audience: z.enum(RESOURCE_AUDIENCES),
    phone: phoneNumber.nullable(),
    textLine: z.object({ number: z.string(), keyword: z.string().nullable() }).nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    languages: z.array(z.string()),
    costs: z.array(z.enum(RESOURCE_COSTS)),
    inPerson: z.boolean(),
    online: z.boolean(),
    /** Null when hours are not known. */
    openNow: z.boolean().nullable(),
    /** Kilometres from `near`, when searched near a point and the entry has a location. */
    distanceKm: z.number().nullable(),
    verifiedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ResourceSummary' });
export type ResourceSummary = z.infer<typeof resourceSummary>;

export const resourceTip = z
  .object({
    id: uuid,
    kind: z.enum(['tip', 'review']),
    body: z.string(),
    /** 1-5, reviews only. */
    rating: z.number().int().nullable(),
    status: z.enum(['pending', 'approved', 'rejected']),
    /** Tips are shown without a name; the author's own are marked so they can see theirs waiting for review. */
    mine: z.boolean(),
    /** The reviewer's note on the author's own rejected tip (never who reviewed it); null for everyone else. */
    reviewNote: z.string().nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'ResourceTip' });

export const resource = resourceSummary
  .extend({
    locale,
    translations: z.partialRecord(locale, z.object({ name: z.string(), description: z.string() })),
    hours: openingHours.nullable(),
    costNote: z.string().nullable(),
    eligibility: z.string().nullable(),
    crisisScreen: z.boolean(),
    status: z.enum(RESOURCE_STATUSES),
    origin: z.enum(RESOURCE_ORIGINS),
    /** Who last verified it ("Kindred starter set" for the starter entries); null for readers without the right. */
    verifiedBy: z.string().nullable(),
    /** For coordinators: not verified within the instance's re-verification period. */
    needsReverification: z.boolean(),
    /** Approved tips and reviews, and the reader's own pending ones. */
    tips: z.array(resourceTip),
    /** Average of approved reviews, null without any. */
    rating: z.object({ average: z.number(), count: z.number().int() }).nullable(),
    /** What the reader may do here. */
    can: z.object({ edit: z.boolean(), addTip: z.boolean(), sendToMentee: z.boolean() }),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Resource' });
export type Resource = z.infer<typeof resource>;

/** `near` is "lat,lng" in decimal degrees. */
const latLng = z
  .string()
  .trim()
  .max(60)
  .transform((v, ctx) => {
    const m = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(v);
    const lat = m ? Number(m[1]) : NaN;
    const lng = m ? Number(m[2]) : NaN;
    if (!m || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      ctx.addIssue({ code: 'custom', message: 'Use "latitude,longitude" in decimal degrees' });
      return z.NEVER;
    }
    return { lat, lng };
  });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const resourceSearchQuery = z.strictObject({
  q: text(resourceLimits.searchQuery).optional(),
  category: resourceCategory.optional(),
  /** Offered in this language. */
  language: serviceLanguage.optional(),
  near: latLng.optional(),
  /** With `near`: only entries within this distance (entries with no address, such as national lines, are kept). */
  radiusKm: z.coerce.number().min(1).max(resourceLimits.radiusKmMax).default(resourceLimits.radiusKmDefault),
  openNow: flag.optional(),
  cost: z.enum(RESOURCE_COSTS).optional(),
  /** Coordinators only (anyone else: 404): list archived entries instead of published ones. */
  status: z.enum(['published', 'archived']).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(resourceLimits.pageSizeMax).default(resourceLimits.pageSize),
});
export type ResourceSearchQuery = z.infer<typeof resourceSearchQuery>;

export const resourceSearchResult = z
  .object({ resources: z.array(resourceSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'ResourceSearchResult' });

export const tipBody = z
  .strictObject({
    kind: z.enum(['tip', 'review']),
    body: plain(resourceLimits.tip).min(3, 'Write a few words'),
    rating: z.number().int().min(1).max(5).nullable().default(null),
  })
  .refine((t) => (t.kind === 'review') === (t.rating !== null), { message: 'A review has a rating from 1 to 5; a tip has none', path: ['rating'] });

/** A member's own suggestions and what became of them. */
export const mySuggestions = z
  .object({
    suggestions: z.array(
      z.object({ id: uuid, name: z.string(), category: resourceCategory, status: z.enum(RESOURCE_STATUSES), reviewNote: z.string().nullable(), createdAt: isoDateTime }),
    ),
  })
  .meta({ id: 'MySuggestions' });

// ── Review: suggestions, tips, strategies, re-verification ──────────────────────────────────────────────────

export const reviewDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  /** Shown to the person who wrote it when rejected (never who decided). */
  note: nullableText(resourceLimits.reviewNote),
});

/** The coordinators' and moderators' work list. Authors of tips and suggestions are not named here. */
export const resourceWorkList = z
  .object({
    suggestions: z.array(resourceSummary.extend({ createdAt: isoDateTime })),
    tips: z.array(resourceTip.extend({ resource: z.object({ id: uuid, name: z.string() }) })),
    strategies: z.array(z.lazy(() => copingLibraryStrategy)),
    /** Coordinators only (empty for moderators): published entries past their re-verification date. */
    reverify: z.array(resourceSummary),
  })
  .meta({ id: 'ResourceWorkList' });

export const resourceSettings = z
  .object({
    /** Entries not verified for this many days are flagged for re-verification. */
    reverifyAfterDays: z.number().int(),
    /** ISO 3166 country used to read phone numbers written without a country code. */
    phoneCountry: z.string(),
  })
  .meta({ id: 'ResourceSettings' });
export const resourceSettingsBody = z.strictObject({
  reverifyAfterDays: z.number().int().min(resourceLimits.reverifyDaysMin).max(resourceLimits.reverifyDaysMax).optional(),
  phoneCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: 'Use a two-letter country code, such as US or MX' })
    .optional(),
});

// ── Import and export ───────────────────────────────────────────────────────────────────────────────────────

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export const resourceImportBody = z.strictObject({
  format: z.enum(IMPORT_FORMATS),
  /** The file's text. CSV columns and JSON fields are listed in docs/resources.md. */
  content: z.string().max(resourceLimits.importBytes),
  /** Check every row and report, store nothing. */
  dryRun: z.boolean().default(false),
});
export const resourceImportReport = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    /** Every row that was not imported, with why (1-based row numbers; the CSV header is row 0). */
    rejected: z.array(z.object({ row: z.number().int(), name: z.string().nullable(), errors: z.array(z.object({ field: z.string(), message: z.string() })) })),
    dryRun: z.boolean(),
  })
  .meta({ id: 'ResourceImportReport' });
export const resourceExportQuery = z.strictObject({ format: z.enum(IMPORT_FORMATS).default('json') });
export const resourceSheetQuery = z.strictObject({
  category: resourceCategory.optional(),
  q: text(resourceLimits.searchQuery).optional(),
  locale: locale.default('en'),
});

// ── Coping strategies library ───────────────────────────────────────────────────────────────────────────────

/** When a strategy helps. `halt`: hungry, angry, lonely, tired. */
export const COPING_WHEN = ['cravings', 'triggers', 'stress', 'sleep', 'loneliness', 'anger', 'boredom', 'halt'] as const;
export const copingWhen = z.enum(COPING_WHEN);
/** `kindred`: written for Kindred's starter set; `peer`: by a member; `programme`: from a named public programme. */
export const STRATEGY_SOURCES = ['kindred', 'peer', 'programme'] as const;
export const STRATEGY_STATUSES = ['pending', 'approved', 'rejected', 'hidden'] as const;

export const copingLibraryInput = z
  .strictObject({
    title: plain(resourceLimits.strategyTitle).min(3, 'Give it a title'),
    summary: plain(resourceLimits.strategySummary).default(''),
    whenHelps: z.array(copingWhen).min(1, 'Choose when it helps').max(COPING_WHEN.length),
    steps: z.array(plain(resourceLimits.strategyStep).min(1)).min(1, 'Add at least one step').max(resourceLimits.strategySteps),
    locale: locale.default('en'),
    /** Members write `peer`; `programme` names a public programme the strategy comes from. */
    source: z.enum(['peer', 'programme']).default('peer'),
    programme: nullableText(resourceLimits.programme),
  })
  .refine((s) => s.source !== 'programme' || (s.programme ?? '') !== '', { message: 'Name the programme', path: ['programme'] });
export type CopingLibraryInput = z.infer<typeof copingLibraryInput>;

export const copingLibraryStrategy = z
  .object({
    id: uuid,
    title: z.string(),
    summary: z.string(),
    whenHelps: z.array(copingWhen),
    steps: z.array(z.string()),
    locale,
    source: z.enum(STRATEGY_SOURCES),
    programme: z.string().nullable(),
    status: z.enum(STRATEGY_STATUSES),
    /** How many members marked "this helped me" (never who). */
    helpedCount: z.number().int(),
    helpedByMe: z.boolean(),
    /** In the reader's toolbox (saved from here). */
    saved: z.boolean(),
    mine: z.boolean(),
    /** The reviewer's note, for the author and reviewers only. */
    reviewNote: z.string().nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'CopingLibraryStrategy' });
export type CopingLibraryStrategy = z.infer<typeof copingLibraryStrategy>;

export const copingLibraryQuery = z.strictObject({
  when: copingWhen.optional(),
  /** Default: the reader's language. */
  locale: locale.optional(),
  q: text(resourceLimits.searchQuery).optional(),
  mine: flag.optional(),
});
export const copingLibraryList = z.object({ strategies: z.array(copingLibraryStrategy) }).meta({ id: 'CopingLibraryList' });
export const helpedBody = z.strictObject({ helped: z.boolean() });

// ── Sending to a mentee ─────────────────────────────────────────────────────────────────────────────────────

/** A mentor sends a directory entry or a strategy to a mentee in an active relationship: an in-app notification. */
export const sendToMenteeBody = z.strictObject({ menteeId: uuid });
