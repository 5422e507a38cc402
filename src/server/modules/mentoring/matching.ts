/**
 * Who may be matched with whom, and how well: the hard constraints, the score and its explanation. Suggestions,
 * requests, the program-wide proposal and introductions all use these same functions, so no path can propose a
 * pair another path would refuse. Pure: no I/O (zone offsets come from the platform's time-zone data).
 */
import type { Locale } from '../../../contracts/common.ts';
import { type AvailabilityWindow, type Reason, SCORE_PARTS, VIOLATIONS, type Weights } from '../../../contracts/mentoring.ts';

export { VIOLATIONS };
import { offsetAt } from '../meetings/recurrence.ts';
import { effectiveCapacity } from './policy.ts';

export interface MentorFacts {
  userId: string;
  /** Holds the peer_supporter role now. */
  isPeerSupporter: boolean;
  pathways: readonly string[];
  languages: readonly string[];
  gender: string | null;
  timeZone: string;
  availability: readonly AvailabilityWindow[];
  contactModes: readonly string[];
  capacity: number;
  capacityCap: number | null;
  accepting: boolean;
  certified: boolean;
  /** Mentorships in OPEN_STATUSES, each holding one place. */
  open: number;
}

export interface RequestFacts {
  menteeId: string;
  pathways: readonly string[];
  /** In the mentee's order of preference: the first is the one they are most at ease in. */
  languages: readonly string[];
  genderPreference: string | null;
  timeZone: string;
  availability: readonly AvailabilityWindow[];
  contactModes: readonly string[];
}

/** What the program and this mentee's history add to the profiles. */
export interface MatchContext {
  requireCertification: boolean;
  /** Mentors with whom this mentee has a mentorship ended for a safety concern (by either side). */
  endedForSafety: ReadonlySet<string>;
  /** Mentors who declined this request or let it expire: they said no, so they are not asked again. */
  refused: ReadonlySet<string>;
}

export type Violation = (typeof VIOLATIONS)[number];

export const freePlaces = (m: Pick<MentorFacts, 'capacity' | 'capacityCap' | 'open'>) => Math.max(0, effectiveCapacity(m) - m.open);

/** Whether a profile can receive requests at all, whoever asks (the profile's `available`). */
export const mentorAvailable = (m: Pick<MentorFacts, 'capacity' | 'capacityCap' | 'open' | 'accepting' | 'certified'>, requireCertification: boolean) =>
  m.accepting && freePlaces(m) > 0 && (m.certified || !requireCertification);

/** Every hard constraint the pair breaks, in a fixed order; empty when the mentor may be proposed to this mentee. */
export function violations(mentor: MentorFacts, request: RequestFacts, context: MatchContext): Violation[] {
  const out: Violation[] = [];
  if (mentor.userId === request.menteeId) out.push('self');
  if (!mentor.isPeerSupporter) out.push('not_mentor');
  if (!mentor.accepting) out.push('not_accepting');
  if (context.requireCertification && !mentor.certified) out.push('not_certified');
  if (freePlaces(mentor) <= 0) out.push('no_free_place');
  if (!request.languages.some((l) => mentor.languages.includes(l))) out.push('no_common_language');
  // A mentor who stated no gender never matches a stated preference.
  if (request.genderPreference !== null && mentor.gender !== request.genderPreference) out.push('gender_preference');
  if (context.endedForSafety.has(mentor.userId)) out.push('ended_for_safety');
  if (context.refused.has(mentor.userId)) out.push('refused');
  return out;
}

export const isCandidate = (mentor: MentorFacts, request: RequestFacts, context: MatchContext) => violations(mentor, request, context).length === 0;

// ── Availability ──────────────────────────────────────────────────────────────────────────────────────────────

export const WEEK_MINUTES = 7 * 1440;
/** [start, end) in minutes from Sunday 00:00 UTC. */
export type Interval = readonly [number, number];

const minutesOf = (hhmm: string) => (hhmm.charCodeAt(0) - 48) * 600 + (hhmm.charCodeAt(1) - 48) * 60 + (hhmm.charCodeAt(3) - 48) * 10 + (hhmm.charCodeAt(4) - 48);

// Offsets change at most at a zone's transitions: one reading per zone per minute serves every mentor in it.
const offsets = new Map<string, { minute: number; offset: number }>();
function zoneOffset(timeZone: string, at: Date): number {
  const minute = Math.floor(at.getTime() / 60_000);
  const hit = offsets.get(timeZone);
  if (hit?.minute === minute) return hit.offset;
  const offset = offsetAt(at.getTime(), timeZone);
  if (offsets.size > 1000) offsets.clear();
  offsets.set(timeZone, { minute, offset });
  return offset;
}

/**
 * A person's weekly windows as sorted, disjoint UTC-week intervals, read with the zone's offset at `at` (this
 * week's offset: across a daylight-saving change the overlap follows the clocks people live by now). A window
 * pushed past either end of the week wraps around.
 */
export function utcWeekIntervals(windows: readonly AvailabilityWindow[], timeZone: string, at: Date): Interval[] {
  if (windows.length === 0) return [];
  const offset = zoneOffset(timeZone, at);
  const pieces: [number, number][] = [];
  for (const w of windows) {
    const start = (((w.day * 1440 + minutesOf(w.start) - offset) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    const end = start + minutesOf(w.end) - minutesOf(w.start);
    if (end <= WEEK_MINUTES) pieces.push([start, end]);
    else pieces.push([start, WEEK_MINUTES], [0, end - WEEK_MINUTES]);
  }
  pieces.sort((a, b) => a[0] - b[0]);
  // Overlapping windows of one person count once.
  const merged: [number, number][] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else merged.push([p[0], p[1]]);
  }
  return merged;
}

/** Minutes two sets of sorted, disjoint intervals have in common. */
export function overlapMinutes(a: readonly Interval[], b: readonly Interval[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) total += hi - lo;
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return total;
}

/** Minutes a week two people are both available, each in their own zone. */
export const weeklyOverlapMinutes = (
  a: { availability: readonly AvailabilityWindow[]; timeZone: string },
  b: { availability: readonly AvailabilityWindow[]; timeZone: string },
  at: Date,
) => overlapMinutes(utcWeekIntervals(a.availability, a.timeZone, at), utcWeekIntervals(b.availability, b.timeZone, at));

// One person's intervals serve every pair they are scored in (a request against each mentor, a mentor against each
// request in a proposal): kept beside their windows for as long as those are alive.
const intervalMemo = new WeakMap<object, { time: number; timeZone: string; intervals: Interval[] }>();
function intervalsOf(p: { availability: readonly AvailabilityWindow[]; timeZone: string }, at: Date): Interval[] {
  const time = at.getTime();
  const hit = intervalMemo.get(p.availability);
  if (hit && hit.time === time && hit.timeZone === p.timeZone) return hit.intervals;
  const intervals = utcWeekIntervals(p.availability, p.timeZone, at);
  intervalMemo.set(p.availability, { time, timeZone: p.timeZone, intervals });
  return intervals;
}

// ── Score ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Three hours a week together is plenty for a weekly call and a message or two; more does not score higher. */
export const AVAILABILITY_FULL_HOURS = 3;

function shareOf(wanted: readonly string[], offered: readonly string[]): number {
  if (wanted.length === 0) return 1;
  let n = 0;
  for (const x of wanted) if (offered.includes(x)) n++;
  return n / wanted.length;
}
const common = <T extends string>(wanted: readonly T[], offered: readonly string[]) => wanted.filter((x) => offered.includes(x));

/** Hours a week both are available, or null when either gave no windows. */
function overlapHours(mentor: MentorFacts, request: RequestFacts, at: Date): number | null {
  if (mentor.availability.length === 0 || request.availability.length === 0) return null;
  return overlapMinutes(intervalsOf(mentor, at), intervalsOf(request, at)) / 60;
}

/** Each part's value, 0..1 before weighting; the one definition both the score and the reasons read. */
const value = {
  pathway: (m: MentorFacts, r: RequestFacts) => shareOf(r.pathways, m.pathways),
  language: (m: MentorFacts, r: RequestFacts) => (m.languages.includes(r.languages[0]!) ? 1 : r.languages.some((l) => m.languages.includes(l)) ? 0.5 : 0),
  availability: (hours: number | null) => (hours === null ? 0.5 : Math.min(hours / AVAILABILITY_FULL_HOURS, 1)),
  contact: (m: MentorFacts, r: RequestFacts) => shareOf(r.contactModes, m.contactModes),
  capacity: (m: MentorFacts) => {
    const capacity = effectiveCapacity(m);
    return capacity > 0 ? freePlaces(m) / capacity : 0;
  },
};

/** Each part's value with the facts a person reads, in SCORE_PARTS order. */
export function scoreParts(mentor: MentorFacts, request: RequestFacts, at: Date): Reason[] {
  const hours = overlapHours(mentor, request, at);
  return [
    { part: 'pathway', value: value.pathway(mentor, request), pathways: common(request.pathways, mentor.pathways) as Reason['pathways'] },
    { part: 'language', value: value.language(mentor, request), languages: common(request.languages, mentor.languages) },
    hours === null ? { part: 'availability', value: value.availability(null) } : { part: 'availability', value: value.availability(hours), hoursPerWeek: Math.round(hours * 2) / 2 },
    { part: 'contact', value: value.contact(mentor, request), contactModes: common(request.contactModes, mentor.contactModes) as Reason['contactModes'] },
    { part: 'capacity', value: value.capacity(mentor), free: freePlaces(mentor), capacity: effectiveCapacity(mentor) },
  ];
}

const weightSum = (w: Weights) => w.pathway + w.language + w.availability + w.contact + w.capacity;

/**
 * The score alone, Σ weight·part / Σ weights (0..1), without building reasons: the program-wide proposal scores
 * every possible pair. Equal to scoreMatch's score (matching.property.test.ts).
 */
export function scoreValue(mentor: MentorFacts, request: RequestFacts, weights: Weights, at: Date): number {
  const sum = weightSum(weights);
  if (sum <= 0) return 0;
  return (
    (weights.pathway * value.pathway(mentor, request) +
      weights.language * value.language(mentor, request) +
      weights.availability * value.availability(overlapHours(mentor, request, at)) +
      weights.contact * value.contact(mentor, request) +
      weights.capacity * value.capacity(mentor)) /
    sum
  );
}

/** The score and the reasons worth telling: parts above zero, heaviest weight first. */
export function scoreMatch(mentor: MentorFacts, request: RequestFacts, weights: Weights, at: Date): { score: number; reasons: Reason[] } {
  const order = (r: Reason) => SCORE_PARTS.indexOf(r.part);
  const reasons = scoreParts(mentor, request, at)
    .filter((p) => p.value > 0)
    .sort((a, b) => weights[b.part] - weights[a.part] || order(a) - order(b));
  return { score: scoreValue(mentor, request, weights, at), reasons };
}

// ── The best candidates ───────────────────────────────────────────────────────────────────────────────────

/**
 * The k best candidates, best first (ties by id, so a proposal is the same every time), without sorting them all:
 * a mentee may have thousands. Anything below the k-th best seen so far is dropped on arrival.
 */
export class BestCandidates {
  private items: { mentor: string; score: number }[] = [];
  private floor = -Infinity;
  constructor(private readonly k: number) {}
  private static order = (x: { mentor: string; score: number }, y: { mentor: string; score: number }) =>
    y.score - x.score || (x.mentor < y.mentor ? -1 : x.mentor > y.mentor ? 1 : 0);

  add(mentor: string, score: number) {
    if (score < this.floor) return;
    this.items.push({ mentor, score });
    if (this.items.length >= 4 * this.k) this.prune();
  }

  private prune() {
    this.items.sort(BestCandidates.order);
    this.items.length = Math.min(this.items.length, this.k);
    if (this.items.length === this.k) this.floor = this.items[this.k - 1]!.score;
  }

  list() {
    this.prune();
    return this.items;
  }
}

// ── Explanation ───────────────────────────────────────────────────────────────────────────────────────────────

const PATHWAY_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    twelve_step: '12-step',
    smart_recovery: 'SMART Recovery',
    medication_assisted: 'medication-assisted recovery',
    faith_based: 'faith-based recovery',
    secular: 'secular recovery',
    harm_reduction: 'harm reduction',
    other: 'another path',
  },
  es: {
    twelve_step: '12 pasos',
    smart_recovery: 'SMART Recovery',
    medication_assisted: 'recuperación asistida con medicamentos',
    faith_based: 'recuperación basada en la fe',
    secular: 'recuperación laica',
    harm_reduction: 'reducción de daños',
    other: 'otro camino',
  },
};

const MODE_PHRASES: Record<Locale, Record<string, string>> = {
  en: { in_person: 'in person', phone: 'by phone', video: 'by video', messages: 'by messages' },
  es: { in_person: 'en persona', phone: 'por teléfono', video: 'por videollamada', messages: 'por mensajes' },
};

const formatters = new Map<string, Intl.DisplayNames | Intl.ListFormat>();
function languageName(code: string, locale: Locale): string {
  const key = `lang|${locale}`;
  let names = formatters.get(key) as Intl.DisplayNames | undefined;
  if (!names) formatters.set(key, (names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })));
  return names.of(code) ?? code;
}
function list(items: string[], locale: Locale, type: 'conjunction' | 'disjunction'): string {
  const key = `list|${locale}|${type}`;
  let fmt = formatters.get(key) as Intl.ListFormat | undefined;
  if (!fmt) formatters.set(key, (fmt = new Intl.ListFormat(locale, { type })));
  return fmt.format(items);
}
const hoursText = (h: number, locale: Locale) => (locale === 'es' ? String(h).replace('.', ',') : String(h));

/** One reason as a phrase, or null when it has nothing concrete to say (no pathway named, no windows given). */
export function reasonPhrase(r: Reason, locale: Locale): string | null {
  const es = locale === 'es';
  switch (r.part) {
    case 'pathway':
      if (!r.pathways?.length) return null;
      return `${es ? 'ambos' : 'both'} ${list(r.pathways.map((p) => PATHWAY_NAMES[locale][p] ?? p), locale, 'conjunction')}`;
    case 'language':
      if (!r.languages?.length) return null;
      return `${es ? 'ambos hablan' : 'both speak'} ${list(r.languages.map((l) => languageName(l, locale)), locale, 'conjunction')}`;
    case 'availability':
      if (r.hoursPerWeek === undefined) return null;
      return es
        ? `${hoursText(r.hoursPerWeek, locale)} h de disponibilidad en común por semana`
        : `${hoursText(r.hoursPerWeek, locale)} h of overlapping availability a week`;
    case 'contact':
      if (!r.contactModes?.length) return null;
      return `${es ? 'pueden verse' : 'can meet'} ${list(r.contactModes.map((m) => MODE_PHRASES[locale][m] ?? m), locale, 'disjunction')}`;
    case 'capacity':
      return es ? `${r.free} de ${r.capacity} plazas libres` : `${r.free} of ${r.capacity} free places`;
  }
}

/** The reasons in one sentence, in the reader's language: "both SMART Recovery; both speak Spanish; …". */
export function explain(reasons: readonly Reason[], locale: Locale): string {
  return reasons
    .map((r) => reasonPhrase(r, locale))
    .filter((p): p is string => p !== null)
    .join('; ');
}
