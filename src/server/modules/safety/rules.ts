/**
 * The shape of a crisis rule and the little pattern language the rule tables are written in (rules-en.ts,
 * rules-es.ts, cues.ts). Patterns match the normalised text (normalize.ts: lower case, no accents, one space
 * between words), so they are written in lower case without accents. Shorthands, expanded once at load:
 *   '        an optional apostrophe ("don't" also matches "dont")
 *   {W}      one word (at most 24 letters, digits or apostrophes)
 *   {G1}..{G4} a gap of up to that many words ("want {G2}to die": "want to die", "want so badly to die")
 *   {IM}     "i'm", "im", "i am"
 * Every quantifier is bounded and no group repeats another repetition, so a pattern's cost is linear in the text
 * (no catastrophic backtracking, whatever the input).
 */
export const LEVELS = ['none', 'elevated', 'urgent', 'emergency'] as const;
export type Level = (typeof LEVELS)[number];
export const CATEGORIES = ['suicide', 'self_harm', 'overdose', 'medical', 'violence', 'abuse', 'relapse', 'distress'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What a suicide rule says, in the order of the C-SSRS screener (cssrs.ts): a wish to be dead (1), thoughts of
 * killing oneself (2), thinking about how (3), intent (4), a plan (5), preparing or acting (6). `means` is having the
 * means at hand (pills saved, a rope, a gun, standing on a bridge), which is preparing (6) too.
 */
export type Stage = 1 | 2 | 3 | 4 | 5 | 6;

export interface Rule {
  id: string;
  category: Category;
  level: Exclude<Level, 'none'>;
  re: RegExp;
  /** Suicide rules: the C-SSRS question the statement answers yes to. */
  stage?: Stage;
  /** Plan or means of suicide: together with any other suicide statement, an emergency. */
  means?: boolean;
  /** A threat or intent to harm someone: with a weapon or "right now" in the text, an emergency. */
  threat?: boolean;
  /** The match counts only if this also appears in the same sentence. */
  requires?: RegExp;
  /** Raised to emergency when this also appears in the same sentence (and is not itself negated). */
  escalate?: RegExp;
  /** Ignores the past-time cues: goodbye notes and "took all my pills" matter however they are phrased. */
  anyTense?: boolean;
  /** Set aside when this appears in the same sentence: "I wrote letters to everyone I harmed (ninth step)", a move. */
  unless?: RegExp;
  /**
   * Counts only when the text also holds a suicide or distress statement of another rule: words that are a farewell
   * or a means only in that company ("tell my kids I love them", "a bottle of seroquel").
   */
  withContext?: boolean;
}

const WORD = "[a-z0-9']{1,24}";
const MACROS: Record<string, string> = {
  W: WORD,
  G1: `(?:${WORD} )?`,
  G2: `(?:${WORD} ){0,2}`,
  G3: `(?:${WORD} ){0,3}`,
  G4: `(?:${WORD} ){0,4}`,
  IM: "(?:i'?m|i am)",
};

/** Compiles a pattern of the rule language into a global regular expression with word boundaries at both ends. */
export function pattern(source: string, flags = 'g'): RegExp {
  const expanded = source.replace(/'/g, "'?").replace(/\{(\w+)\}/g, (whole, name: string) => {
    const macro = MACROS[name];
    if (macro === undefined) throw new Error(`Unknown macro ${whole} in ${source}`);
    return macro;
  });
  return new RegExp(`(?<![a-z0-9])(?:${expanded})(?![a-z0-9])`, flags);
}

type Options = Omit<Rule, 'id' | 'category' | 'level' | 're'>;
export type RuleSpec = [id: string, category: Category, level: Rule['level'], source: string, options?: Options];

export const compileRules = (specs: RuleSpec[]): Rule[] =>
  specs.map(([id, category, level, source, options]) => ({ id, category, level, re: pattern(source), ...options }));
