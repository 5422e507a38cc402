/**
 * Which expressions can match a text, decided by one cheap pass over it: most texts a member writes hold none of
 * the words a crisis rule is made of, and running a hundred large expressions over each of them was half of the
 * detector's time.
 *
 * - `needlesOf(re)` reads an expression of the rule language (rules.ts) and returns strings ("needles") such that
 *   every match of it contains one of them where a word starts: for "(?:want|wanna) [a-z]{1,3}to die" it returns
 *   ["want ", "wanna "], for "(?:want|wanna) {G2}to die" ["to die"]; null when it finds no set worth looking for.
 *   It works on the parsed expression (@eslint-community/regexpp): the strings a part can match when they are few
 *   (an alternation of words, an optional word), their products along a sequence, and the best such set of a
 *   sequence; lookarounds and open-ended parts ({W}, \w{2,10}) match anything. It never gives a set that a match
 *   could avoid, so skipping an expression whose needles are absent changes no answer (prefilter.test.ts).
 * - `needleScan(lists)` builds one expression over every needle of every list and returns a function telling, for a
 *   text, which lists can match (a null list always can); `lazyNeedleScan` builds it on first use.
 */
import { type AST, RegExpParser } from '@eslint-community/regexpp';

/** At most this many strings in a set a part can match; beyond, the part is open-ended. */
const MAX_STRINGS = 128;
/** Shorter needles are found in nearly every text: a set holding one is not worth looking for ("wd" is: 2). */
const MIN_NEEDLE = 2;
/**
 * Needles are cut to this many characters: a prefix of a needle is a needle too (it occurs where the needle does),
 * and "took all my", "took all the", "took all his" become one "took all" instead of a hundred strings to try.
 */
const NEEDLE_CHARS = 8;

interface Info {
  /**
   * Every string the part can match, cut to its first NEEDLE_CHARS characters (all a needle keeps), when they are at
   * most MAX_STRINGS; null: too many or unbounded.
   */
  exact: string[] | null;
  /** The best needle set found inside the part, or null. */
  need: string[] | null;
  /** Whether what follows the part starts where a word starts, however the part matched. */
  after: boolean;
}

const isWordChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
/**
 * Needle sets are compared by their shortest needle (longer is rarer) up to five characters, then by how few they
 * hold (each is one more alternative for the scan to try). Measured on the evaluation set: bench/README.md.
 */
const score = (set: string[]) => Math.min(5, ...set.map((s) => s.length)) * 1000 - set.length;
const usable = (set: string[] | null): set is string[] => set !== null && set.length > 0 && set.every((s) => s.length >= MIN_NEEDLE);
const better = (a: string[] | null, b: string[] | null) => (!usable(b) ? (usable(a) ? a : null) : !usable(a) || score(b) > score(a) ? b : a);
/**
 * The needles a set of strings gives, if each starts at a word start (anchored) or with a space or sign: what
 * follows a space or sign starts a word, so those are dropped and every needle starts a word, the only places the
 * scan looks. Null when they could start inside a word.
 */
function needles(set: string[], anchored: boolean): string[] | null {
  if (!anchored && !set.every((s) => s.length > 0 && !isWordChar(s[0]!))) return null;
  return [...new Set(set.map((s) => s.replace(/^[^a-z0-9]+/, '').slice(0, NEEDLE_CHARS)))];
}

/** The strings of a then b, each cut to NEEDLE_CHARS (a string already that long stays as it is); null if too many. */
function product(a: string[], b: string[]): string[] | null {
  let size = 0;
  for (const x of a) size += x.length >= NEEDLE_CHARS ? 1 : b.length;
  if (size > MAX_STRINGS) return null;
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= NEEDLE_CHARS) out.add(x);
    else for (const y of b) out.add((x + y).slice(0, NEEDLE_CHARS));
  }
  return [...out];
}

function alternatives(list: AST.Alternative[], anchored: boolean): Info {
  const infos = list.map((a) => sequence(a.elements, anchored));
  const all = new Set<string>();
  let exact = true;
  for (const i of infos) {
    if (i.exact === null) exact = false;
    else for (const s of i.exact) all.add(s);
  }
  // Every alternative must hold one of the needles: the union of their sets, if each has one.
  const needs = infos.map((i) => i.need);
  const need = needs.every(usable) ? [...new Set(needs.flat())] : null;
  return { exact: exact && all.size <= MAX_STRINGS ? [...all] : null, need, after: infos.every((i) => i.after) };
}

function sequence(elements: AST.Element[], anchored: boolean): Info {
  let best: string[] | null = null;
  let run: string[] | null = [''];
  let runAnchored = anchored;
  let exact: string[] | null = [''];
  let here = anchored; // whether the current element starts where a word starts
  const close = () => {
    if (run) best = better(best, needles(run, runAnchored));
  };
  for (let k = 0; k < elements.length; k++) {
    const element = elements[k]!;
    let info: Info;
    if (element.type === 'Character') {
      // A run of letters is one literal: one product, not one per letter.
      let literal = '';
      for (; k < elements.length && elements[k]!.type === 'Character'; k++) literal += String.fromCodePoint((elements[k] as AST.Character).value);
      k--;
      info = { exact: [literal.slice(0, NEEDLE_CHARS)], need: null, after: !isWordChar(literal[literal.length - 1]!) };
    } else info = part(element, here);
    best = better(best, info.need); // a part's needles were checked against where they start
    exact = exact && info.exact ? product(exact, info.exact) : null;
    if (info.exact === null) {
      close();
      run = null;
    } else if (run === null) {
      run = info.exact;
      runAnchored = here;
    } else {
      const longer = product(run, info.exact);
      if (longer === null) {
        close();
        run = info.exact;
        runAnchored = here;
      } else run = longer;
    }
    here = info.after;
  }
  close();
  return { exact, need: best, after: here };
}

const OPEN: Info = { exact: null, need: null, after: false };

function part(node: AST.Element, anchored: boolean): Info {
  switch (node.type) {
    case 'Character': {
      const c = String.fromCodePoint(node.value);
      return { exact: [c], need: null, after: !isWordChar(c) };
    }
    case 'CharacterClass': {
      if (node.negate) return OPEN;
      const chars: string[] = [];
      for (const e of node.elements) {
        if (e.type === 'Character') chars.push(String.fromCodePoint(e.value));
        else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < 8) {
          for (let v = e.min.value; v <= e.max.value; v++) chars.push(String.fromCodePoint(v));
        } else return OPEN;
      }
      return { exact: chars.length <= 8 ? chars : null, need: null, after: chars.every((c) => !isWordChar(c)) };
    }
    case 'Group':
    case 'CapturingGroup':
      return alternatives(node.alternatives, anchored);
    case 'Quantifier': {
      const inner = part(node.element, anchored);
      // After repeats: where the last copy ends (a copy that ends at a word start leaves the next one there too),
      // or, with none, where the part began.
      const after = inner.after && (node.min > 0 || anchored);
      if (node.min === 0) {
        const exact = node.max === 1 && inner.exact ? [...new Set(['', ...inner.exact])] : null;
        return { exact, need: null, after };
      }
      let exact: string[] | null = inner.exact;
      if (node.min === node.max && node.max <= 3) for (let i = 1; i < node.max && exact; i++) exact = product(exact, inner.exact!);
      else exact = null;
      // At least one copy: the part's own needles, and, when it starts where a word does, its strings.
      return { exact, need: better(inner.need, inner.exact && needles(inner.exact, anchored)), after };
    }
    case 'Assertion':
      // Zero width: matches the empty string wherever it holds; what it looks at is not part of the match.
      return { exact: [''], need: null, after: anchored };
    default:
      return OPEN;
  }
}

/** Needles of an expression: every match contains one of them where a word starts; null when none are worth it. */
export function needlesOf(re: RegExp): string[] | null {
  if (re.flags.includes('i')) return null; // needles are compared as written: the normalised text is lower case
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(re.source, 0, re.source.length, { unicode: re.unicode });
  const info = alternatives(ast.alternatives, true);
  if (usable(info.need)) return info.need;
  const whole = info.exact && needles(info.exact, true);
  return usable(whole) ? whole : null;
}

const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The needles as a trie-shaped expression ("wa(?:nt|s)" rather than "want|was"): each position reads a character
 * once instead of trying every needle in turn. Longer continuations come before ending here, so the longest needle
 * at a position is the one captured.
 */
function trie(words: string[]): string {
  const next = new Map<string, string[]>();
  let ends = false;
  for (const w of words) {
    if (w === '') ends = true;
    else next.set(w[0]!, [...(next.get(w[0]!) ?? []), w.slice(1)]);
  }
  const branches = [...next].map(([c, rest]) => escape(c) + trie(rest));
  if (branches.length === 0) return '';
  if (branches.length === 1 && !ends) return branches[0]!;
  return `(?:${branches.join('|')}${ends ? '|' : ''})`;
}

/**
 * One pass over a text telling which of the lists can match: all needles in one trie-shaped expression, tried only
 * where a word starts (every needle starts a word; trying every position inside words cost more than the
 * expressions it saves). A needle found stands for itself and every needle that is a prefix of it (those match at
 * the same place).
 */
export function needleScan(lists: Array<string[] | null>): (t: string) => Uint8Array {
  const always = lists.map((l, i) => (l === null ? i : -1)).filter((i) => i >= 0);
  const all = [...new Set(lists.flatMap((l) => l ?? []))];
  for (const n of all) if (!/^[a-z0-9][\x20-\x7e]*$/.test(n)) throw new Error(`A needle must be ASCII and start with a letter or digit: "${n}"`);
  const re = new RegExp(`(?<![a-z0-9])(?=(${trie(all)}))`, 'g');
  const listsOf = new Map<string, number[]>();
  lists.forEach((l, i) => l?.forEach((n) => listsOf.set(n, [...(listsOf.get(n) ?? []), i])));
  const owners = new Map(
    all.map((n) => {
      const of = new Set<number>();
      for (let k = 1; k <= n.length; k++) for (const i of listsOf.get(n.slice(0, k)) ?? []) of.add(i);
      return [n, [...of]];
    }),
  );
  return (t: string) => {
    const possible = new Uint8Array(lists.length);
    for (const i of always) possible[i] = 1;
    if (all.length === 0) return possible;
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      for (const i of owners.get(m[1]!)!) possible[i] = 1;
      re.lastIndex = m.index + 1;
    }
    return possible;
  };
}

/**
 * needleScan over lists made on first use: reading the expressions takes about a tenth of a second, which a process
 * that never assesses a text (a CLI command, a migration) need not pay.
 */
export function lazyNeedleScan(lists: () => Array<string[] | null>): (t: string) => Uint8Array {
  let scan: ((t: string) => Uint8Array) | undefined;
  return (t) => (scan ??= needleScan(lists()))(t);
}
