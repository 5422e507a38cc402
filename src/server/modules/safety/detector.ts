/**
 * The crisis detector: reads what a member wrote (a check-in, a post, a message) and says how urgently a person
 * should look at it. Pure and deterministic: no I/O, no model, no state; English and Spanish. How it works, what it
 * cannot catch and how to add a rule: docs/safety-detector.md.
 *
 * 1. Normalise the text (normalize.ts) keeping a map back to the original offsets.
 * 2. Match the phrase rules of both languages (rules-en.ts, rules-es.ts; the other language's emergency rules only
 *    when a locale is given, since people switch languages mid-sentence).
 * 3. Set aside matches that are negated ("I'm not suicidal"), in the past ("two years ago"), about an event or a
 *    book ("the suicide prevention walk"), a screening question, a what-if or a dream (cues.ts).
 * 4. Raise what remains: a suicide statement with a plan or means, or with a time in the same sentence; a threat with
 *    a weapon or "right now"; a sign that is an emergency only around substances.
 * 5. The indirect layer (indirect.ts): signals of scenes rather than statements (arrangements, a high place, a loaded
 *    gun, symptoms, acts), set aside by the same cues plus quotes, news and anniversaries told with present safety,
 *    then combined into raises with rule ids `<lang>.combo.<what>`. Read in the head only.
 * Only the first HEAD_CHARS characters are read in full; the rest is searched for emergency phrases in at most
 * TAIL_WINDOWS windows around anchor words, so a megabyte of anything is assessed in milliseconds.
 */
import { type CssrsKey, nextQuestion } from './cssrs.ts';
import * as cue from './cues.ts';
import { combine, findSignals, type Kind } from './indirect.ts';
import { normalize } from './normalize.ts';
import { lazyNeedleScan, needlesOf } from './prefilter.ts';
import { CATEGORIES, type Category, type Level, LEVELS, type Rule, type Stage } from './rules.ts';
import { EN_RULES } from './rules-en.ts';
import { ES_RULES } from './rules-es.ts';

export type { Category, Level } from './rules.ts';
export type Locale = 'en' | 'es';

export interface Match {
  category: Category;
  level: Exclude<Level, 'none'>;
  /** Offsets into the original text, end exclusive: text.slice(start, end) is what triggered the rule. */
  start: number;
  end: number;
  rule: string;
  /** Reported about someone else ("my friend says she wants to die"). */
  other?: true;
}

export interface Assessment {
  level: Level;
  categories: Category[];
  matches: Match[];
  /** Suicide-related urgent results: the C-SSRS screener question to ask next (cssrs.ts). */
  followUp?: CssrsKey;
}

export const HEAD_CHARS = 32 * 1024;
const TAIL_WINDOWS = 32;
const WINDOW_RADIUS = 240;
/** Per rule and per text, so a text repeating one phrase thousands of times costs no more than a few. */
const MAX_MATCHES_PER_RULE = 8;

const BOTH = [...EN_RULES, ...ES_RULES];
const emergencyOnly = (rules: Rule[]) => rules.filter((r) => r.level === 'emergency' || r.escalate || r.means || r.threat);
const RULES: Record<Locale | 'any', Rule[]> = {
  en: [...EN_RULES, ...emergencyOnly(ES_RULES)],
  es: [...ES_RULES, ...emergencyOnly(EN_RULES)],
  any: BOTH,
};
const TAIL_RULES = emergencyOnly(BOTH);
/** Which rules can match a text (prefilter.ts): a rule whose needles are all absent is not run. */
const possibleRules = lazyNeedleScan(() => BOTH.map((r) => needlesOf(r.re)));
const ORDER = new Map(BOTH.map((r, i) => [r, i]));
/** Words around which the tail of a long text is searched. */
const ANCHOR = /breath|wake|despiert|respir|seiz|convuls|pill|pastilla|goodbye|desped|last (?:post|message)|ultimo mensaje|[uú]ltimo mensaje|kill|matar|suicid|overdos|sobredosis|bleed|sangr|chest|pecho|blue|morad|garage|jump|avient|od'?d|knife|gun|cuchillo|pistola|respond|reacciona|letters|cartas|gurgl|snor|ronca|neck|cuello|ahorc|numb|heart|corazon/gi;

const rank = (level: Level) => LEVELS.indexOf(level);

export function assess(text: string, locale?: Locale): Assessment {
  if (typeof text !== 'string' || text.length === 0) return { level: 'none', categories: [], matches: [] };
  const rules = RULES[locale ?? 'any'];
  const head = Math.min(text.length, HEAD_CHARS);
  const found = assessSpan(text, 0, head, rules, true);
  if (text.length > head) found.push(...scanTail(text, head));
  return summarise(found);
}

interface Found extends Match {
  stage?: Stage;
}

function scanTail(text: string, from: number): Found[] {
  const found: Found[] = [];
  const anchor = new RegExp(ANCHOR.source, ANCHOR.flags);
  anchor.lastIndex = from;
  for (let windows = 0; windows < TAIL_WINDOWS; windows++) {
    const hit = anchor.exec(text);
    if (!hit) break;
    const start = Math.max(from, hit.index - WINDOW_RADIUS);
    const end = Math.min(text.length, hit.index + WINDOW_RADIUS);
    found.push(...assessSpan(text, start, end, TAIL_RULES).filter((m) => m.level === 'emergency'));
    anchor.lastIndex = end;
  }
  return found;
}

interface Span {
  start: number;
  end: number;
}

/** Every match of a global regex in t, at most `cap` of them. */
function spans(re: RegExp, t: string, cap = 4096): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(t); m && out.length < cap; m = re.exec(t)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const SENTENCE_END = /[.!?;\n]/;
const CLAUSE_END = /[.!?;\n,:()"]/;
const CLAUSE_WORD = /(?<![a-z])(?:but|pero|though|aunque)(?![a-z])/g;

/** Boundary positions (sorted) and the span of text between the two around an offset. */
function boundaries(t: string, punctuation: RegExp, words?: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) if (punctuation.test(t[i]!)) out.push(i);
  if (words) for (const s of spans(words, t)) out.push(s.start);
  return out.sort((a, b) => a - b);
}

function around(cuts: number[], at: number, length: number): Span {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return { start: lo > 0 ? cuts[lo - 1]! + 1 : 0, end: lo < cuts.length ? cuts[lo]! : length };
}

const within = (s: Span, scope: Span) => s.start >= scope.start && s.end <= scope.end;
const before = (s: Span, m: Span) => s.end <= m.start;
const spaces = (t: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === 32) n++;
  return n;
};

function assessSpan(text: string, from: number, to: number, rules: Rule[], indirect = false): Found[] {
  const norm = normalize(text, from, to);
  const t = norm.text;
  const raw: Array<Span & { rule: Rule }> = [];
  const possible = possibleRules(t);
  for (const rule of rules) if (possible[ORDER.get(rule)!]) for (const s of spans(rule.re, t, MAX_MATCHES_PER_RULE)) raw.push({ ...s, rule });
  // Context signals (an opportunity: "the house to myself") are read beside a suicide statement of the rules too.
  const signals = indirect ? findSignals(t, 8, raw.some((r) => r.rule.category === 'suicide' && !r.rule.withContext) ? ['suicidal'] : []) : [];
  if (raw.length === 0 && signals.length === 0) return [];

  const sentences = boundaries(t, SENTENCE_END);
  const clauses = boundaries(t, CLAUSE_END, CLAUSE_WORD);
  const notNegation = spans(cue.NOT_NEGATION, t);
  const negations = spans(cue.NEGATION, t).filter((n) => !notNegation.some((x) => n.start >= x.start && n.end <= x.end));
  const present = spans(cue.PRESENT, t);
  const cues = {
    past: spans(cue.PAST, t),
    event: spans(cue.EVENT, t),
    screening: spans(cue.SCREENING, t),
    hypothetical: spans(cue.HYPOTHETICAL, t),
    dream: spans(cue.DREAM, t),
    dreamAfter: spans(cue.DREAM_AFTER, t),
    reported: spans(cue.REPORTED, t),
  };
  let news: Span[] | undefined; // only when something is found: most texts never need it
  // The anniversary of a past attempt told with present safety ("yesterday was the anniversary... I'm safe"): its
  // suicide, self-harm, overdose and medical words are the memory, for the rules as for the indirect layer.
  // Cheap tests first: most texts hold no quote and no anniversary, and never pay for these expressions.
  const remembered = (t.includes('anniv') || t.includes('aniv') || t.includes('since') || t.includes('ago') || t.includes('cumple') || t.includes('hace')) && spans(cue.ANNIVERSARY, t, 1).length > 0 && spans(cue.SAFE_NOW, t, 1).length > 0;
  // Quoted words in a text about a song, a poem or a film are the lyric, not the writer ('i hurt myself today').
  const lyrics = (t.includes("'") || t.includes('"')) && spans(cue.MEDIA, t, 1).length > 0 ? quotedSpans(t, true) : [];
  const inNews = (m: Span) => inSentence((news ??= spans(cue.NEWS, t)), m, false);
  const negated = (m: Span) => {
    const clause = around(clauses, m.start, t.length);
    return negations.some((n) => within(n, clause) && before(n, m) && spaces(t, n.end, m.start) <= 4);
  };
  const clauseNegated = (m: Span) => {
    const clause = around(clauses, m.start, t.length);
    return negations.some((n) => within(n, clause) && (n.end <= m.start || n.start >= m.end));
  };
  // A cue counts unless "now" stands between it and the match: "I used to be fine, now I want to die".
  const unbroken = (c: Span, m: Span) => !present.some((p) => (before(c, p) && before(p, m)) || (before(m, p) && before(p, c)));
  const inSentence = (list: Span[], m: Span, onlyBefore: boolean) => {
    const sentence = around(sentences, m.start, t.length);
    return list.some((c) => within(c, sentence) && (!onlyBefore || before(c, m)) && unbroken(c, m));
  };
  const sentenceHas = (re: RegExp, m: Span, { unlessNegated = false } = {}) => {
    const sentence = around(sentences, m.start, t.length);
    const slice = t.slice(sentence.start, sentence.end);
    return spans(re, slice, 16).some((s) => !unlessNegated || !clauseNegated({ start: s.start + sentence.start, end: s.end + sentence.start }));
  };

  const active: Array<Span & { rule: Rule; level: Match['level']; other: boolean }> = [];
  for (const m of raw) {
    const { rule } = m;
    const serious = rule.level !== 'elevated';
    if (negated(m)) continue;
    if (!rule.anyTense && inSentence(cues.past, m, false)) continue;
    if (inSentence(cues.event, m, true) || inSentence(cues.screening, m, true) || inSentence(cues.hypothetical, m, true)) continue;
    if (inNews(m)) continue;
    if (serious && (inSentence(cues.dream, m, true) || inSentence(cues.dreamAfter, m, false))) continue;
    if (remembered && REMEMBERED.has(rule.category)) continue;
    if (lyrics.some((q) => within(m, q))) continue;
    if (rule.requires && !sentenceHas(rule.requires, m)) continue;
    if (rule.unless && sentenceHas(rule.unless, m)) continue;
    let level = rule.level;
    if (rule.escalate && sentenceHas(rule.escalate, m, { unlessNegated: true })) level = 'emergency';
    if (rule.threat && (spans(cue.WEAPON, t, 1).length > 0 || spans(cue.IMMINENT, t, 8).some((s) => !clauseNegated(s)))) level = 'emergency';
    const other = rule.id.endsWith('third_intent') || rule.id.endsWith('tercero') || inSentence(cues.reported, m, true);
    active.push({ start: m.start, end: m.end, rule, level, other });
  }

  // Farewell words and means that matter only beside a suicide (not itself a means) or distress statement.
  const company = active.some((a) => !a.rule.withContext && !a.rule.means && (a.rule.category === 'suicide' || a.rule.category === 'distress'));
  if (!company) for (let i = active.length - 1; i >= 0; i--) if (active[i]!.rule.withContext) active.splice(i, 1);

  // Suicide with a plan or the means at hand, or means with despair: an emergency however it is phrased.
  const suicide = active.filter((a) => a.rule.category === 'suicide');
  const hasMeans = suicide.some((a) => a.rule.means);
  const more = suicide.filter((a) => !a.rule.means).length > 0 || active.some((a) => a.rule.category === 'distress') || suicide.filter((a) => a.rule.means).length > 1;
  if (hasMeans && more) for (const a of suicide) a.level = 'emergency';

  const out: Found[] = active.map((a) => ({
    category: a.rule.category,
    level: a.level,
    start: norm.from[a.start]!,
    end: norm.to[a.end - 1]!,
    rule: a.rule.id,
    ...(a.other ? { other: true as const } : {}),
    ...(a.rule.stage ? { stage: a.rule.stage } : {}),
  }));
  if (signals.length === 0) return out;

  // The indirect layer: the same guards as the rules, plus quoted text (song lyrics), news about strangers, and the
  // anniversary of a past attempt told with present safety.
  const quotes = lyrics.length > 0 ? lyrics : quotedSpans(t);
  const kept = signals.filter((h) => {
    if ((!h.signal.ownNegation && negated(h)) || quotes.some((q) => within(h, q))) return false;
    if (!h.signal.anyTense && inSentence(cues.past, h, false)) return false;
    if (inSentence(cues.event, h, true) || inSentence(cues.screening, h, true) || inSentence(cues.hypothetical, h, true)) return false;
    if (inSentence(cues.dream, h, true) || inSentence(cues.dreamAfter, h, false) || inNews(h)) return false;
    if (remembered && !NOT_MEMORIES.has(h.signal.kind)) return false;
    return !(h.signal.unless && sentenceHas(h.signal.unless, h));
  });
  const despair = active.some((a) => !a.rule.means && !a.rule.withContext && (a.rule.category === 'suicide' || a.rule.category === 'distress'));
  const suicidal = active.some((a) => !a.rule.means && !a.rule.withContext && a.rule.category === 'suicide' && !a.other);
  const means = active.some((a) => a.rule.means && a.rule.category === 'suicide' && !a.other);
  for (const r of combine(kept, { despair, means, suicidal })) {
    out.push({ category: r.category, level: r.level, start: norm.from[r.start]!, end: norm.to[r.end - 1]!, rule: r.rule, ...(r.stage ? { stage: r.stage } : {}) });
  }
  // A suicide match of the rules beside a raise of the layer's means or arrangements is preparing: an emergency.
  if (out.some((f) => f.category === 'suicide' && f.level === 'emergency' && f.rule.includes('.combo.'))) {
    for (const f of out) if (f.category === 'suicide' && !f.other) f.level = 'emergency';
  }
  return out;
}

const REMEMBERED = new Set<Category>(['suicide', 'self_harm', 'overdose', 'medical']);
/** Signals an anniversary told with present safety does not set aside: violence and abuse happening to the writer now. */
const NOT_MEMORIES = new Set<Kind>(['violence_act', 'weapon_kept', 'abuse_act', 'intruder', 'hiding', 'kill_threat', 'armed', 'stalk', 'revenge', 'near', 'impaired', 'child_taken']);
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * The spans between pairs of double quotes (normalised: “ ” « » are "), at most 2,000 characters each; with
 * `single`, also between single quotes that open before a word and close after one (not the apostrophes inside
 * "don't" or "dads'"), at most 400 characters: 'i hurt myself today'.
 */
function quotedSpans(t: string, single = false): Span[] {
  const out: Span[] = [];
  if (single) {
    let open = -1;
    for (let i = t.indexOf("'"); i !== -1 && out.length < 256; i = t.indexOf("'", i + 1)) {
      const before = i > 0 ? t.charCodeAt(i - 1) : 32;
      const after = i + 1 < t.length ? t.charCodeAt(i + 1) : 32;
      if (open === -1) {
        if (!isWordChar(before) && isWordChar(after)) open = i;
      } else if (isWordChar(before) && !isWordChar(after)) {
        if (i - open <= 400) out.push({ start: open, end: i + 1 });
        open = -1;
      } else if (i - open > 400) open = !isWordChar(before) && isWordChar(after) ? i : -1;
    }
  }
  let open = -1;
  for (let i = t.indexOf('"'); i !== -1 && out.length < 256; i = t.indexOf('"', i + 1)) {
    if (open === -1) open = i;
    else {
      if (i - open <= 2000) out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return out;
}

function summarise(found: Found[]): Assessment {
  // One match per rule and place, in text order, most severe first where they overlap.
  const seen = new Set<string>();
  const matches: Match[] = [];
  const sorted = [...found].sort((a, b) => a.start - b.start || rank(b.level) - rank(a.level) || a.rule.localeCompare(b.rule));
  for (const { stage: _stage, ...m } of sorted) {
    const key = `${m.rule}:${m.start}:${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    matches.push(m);
  }
  const level = found.reduce<Level>((max, m) => (rank(m.level) > rank(max) ? m.level : max), 'none');
  const categories = CATEGORIES.filter((c) => found.some((m) => m.category === c)).sort(
    (a, b) => Math.max(...found.filter((m) => m.category === b).map((m) => rank(m.level))) - Math.max(...found.filter((m) => m.category === a).map((m) => rank(m.level))),
  );
  const result: Assessment = { level, categories, matches };
  if (level === 'urgent') {
    const stages = found.filter((m) => m.category === 'suicide' && !m.other && m.stage).map((m) => m.stage!);
    if (stages.length > 0) result.followUp = nextQuestion(Math.max(...stages) as Stage);
  }
  return result;
}
