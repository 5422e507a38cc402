import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SIGNALS } from './indirect.ts';
import { needleScan, needlesOf } from './prefilter.ts';
import { pattern } from './rules.ts';
import { EN_RULES } from './rules-en.ts';
import { ES_RULES } from './rules-es.ts';

const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/** Whether a needle occurs in s where the scan looks: where a word starts. */
const holdsNeedle = (s: string, needles: string[]) =>
  needles.some((n) => {
    for (let p = s.indexOf(n); p !== -1; p = s.indexOf(n, p + 1)) if (p === 0 || !isWordChar(s[p - 1])) return true;
    return false;
  });

/**
 * The expression without its lookarounds, anchored at both ends: it matches every string a match of the original
 * can be, and more (fast-check cannot generate lookarounds). Needles held by all of these are held by every match.
 */
function widened(re: RegExp): RegExp {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(re.source, 0, re.source.length, { unicode: re.unicode });
  const cuts: Array<[number, number]> = [];
  visitRegExpAST(ast, { onAssertionEnter: (a) => void cuts.push([a.start, a.end]) });
  let source = re.source;
  const outermost = cuts.filter(([s, e]) => !cuts.some(([s2, e2]) => s2 <= s && e <= e2 && (s2 !== s || e2 !== e)));
  for (const [start, end] of outermost.sort((a, b) => b[0] - a[0])) source = source.slice(0, start) + source.slice(end);
  return new RegExp(`^(?:${source})$`);
}

describe('needlesOf', () => {
  test('reads words, alternations, optional words and gaps', () => {
    // A gap of whole words ends where a word starts: the one needle after it beats the two before.
    expect(needlesOf(pattern('(?:want|wanna) {G2}to die'))).toEqual(['to die']);
    expect(needlesOf(pattern('(?:want|wanna) [a-z]{1,3}to die'))?.sort()).toEqual(['wanna ', 'want ']);
    // Cut to eight characters: a needle's prefix occurs wherever it does.
    expect(needlesOf(pattern('no respira'))).toEqual(['no respi']);
    // The fewer of two sets as good: every "my gun" holds "gun".
    expect(needlesOf(pattern('(?:my )?(?:gun|rope)'))?.sort()).toEqual(['gun', 'rope']);
    // After a gap of whole words, a word starts; of two sets in a sequence, the one with longer needles.
    expect(needlesOf(pattern('kms|{W} die'))?.sort()).toEqual(['die', 'kms']);
    expect(needlesOf(pattern('kms|want {W} die'))?.sort()).toEqual(['kms', 'want ']);
    // An alternative with nothing worth looking for leaves the whole expression to run on every text.
    expect(needlesOf(pattern('kms|{W}'))).toEqual(null);
  });

  test('never offers a needle that starts inside a word after an open-ended part', () => {
    // "[a-z]{1,3}ing" can match "eating": "ing" starts inside the word, where the scan does not look.
    expect(needlesOf(pattern('[a-z]{1,3}ing'))).toEqual(null);
    // "\w{2,10}'?s pills" can match "dads pills": "s pills" would start inside a word. After a space, "pills" starts one.
    expect(needlesOf(pattern("\\w{2,10}'s pills"))).toEqual(null);
    expect(needlesOf(pattern('\\w{2,10} pills'))).toEqual(['pills']);
  });

  test('gives nothing for expressions that ignore case (needles are compared as written)', () => {
    expect(needlesOf(/suicide/gi)).toEqual(null);
  });
});

describe('needleScan', () => {
  test('says which lists can match; a null list always can; a longer needle stands for its prefixes', () => {
    const scan = needleScan([['wanna'], ['wanna die'], null, ['pills', 'od']]);
    expect([...scan('i wanna die')]).toEqual([1, 1, 1, 0]);
    expect([...scan('nothing here')]).toEqual([0, 0, 1, 0]);
    expect(() => needleScan([[' od']])).toThrow(/must be ASCII and start with a letter/);
    expect([...scan('he od tonight')]).toEqual([0, 0, 1, 1]);
    // Inside a word is not a word start: "iwanna" does not hold "wanna" where the scan looks.
    expect([...scan('iwanna')]).toEqual([0, 0, 1, 0]);
  });
});

// The property that makes the prefilter safe: every string an expression can match holds one of its needles where
// the scan looks, so skipping an expression whose needles are absent never loses a match.
const rules = [...EN_RULES, ...ES_RULES].map((r) => ({ id: r.id, re: r.re, needles: needlesOf(r.re) }));
const signals = SIGNALS.map((s) => ({ id: `signal ${s.id}`, re: pattern(s.source), needles: needlesOf(pattern(s.source)) }));

describe.each([...rules, ...signals])('$id', ({ re, needles }) => {
  test('every match holds one of its needles', () => {
    if (needles === null) return; // runs on every text
    fc.assert(
      fc.property(fc.stringMatching(widened(re)), (s) => holdsNeedle(s.toLowerCase(), needles)),
      { numRuns: 150 },
    );
  });
});

test('every rule and signal has needles: none runs on every text', () => {
  expect([...rules, ...signals].filter((r) => r.needles === null).map((r) => r.id)).toEqual([]);
});
