import vm from 'node:vm';
import type { ModerationSettings } from '../../../contracts/community.ts';
import { hasPaymentHandle, hasPhoneNumber, hiddenTricks, mentionsSourcing, skeleton, view } from './automod-text.ts';
import { countContent, normalizeBody } from './render.ts';

/**
 * Automatic rules (docs/community.md): a matched post is held for a moderator before anyone sees it. Pure, no I/O:
 * the service passes the coordinators' settings. Holding a recovery post by mistake hurts (the person reached out
 * and heard nothing), so the built-in rules look for trades, not for drug words, and the ones that only stop spam
 * (phone numbers, payment handles, links) apply to new accounts only.
 */

export type AutomodTrust = 0 | 1 | 2 | 3;
export interface AutomodInput {
  title?: string | null;
  body: string;
  trustLevel: AutomodTrust;
  settings: ModerationSettings;
}
export interface AutomodResult {
  hold: boolean;
  /** Keys of the rules matched: built-in ones, then the coordinators' pattern keys, then new_member. */
  rules: string[];
}

/** Coordinators' patterns run over this much text at most, so a slow pattern cannot stall posting. */
export const PATTERN_TEXT_MAX = 20_000;
/** Leftover invisible characters, stacked marks or look-alike words from this many on. */
const HIDDEN_TRICKS_MIN = 3;

interface CompiledPattern {
  key: string;
  re: RegExp;
  newOnly: boolean;
}
const compiledBySettings = new WeakMap<ModerationSettings, CompiledPattern[]>();

/** Compiled once per settings object; a pattern that no longer compiles is skipped (the contract refuses new ones). */
function compiledPatterns(settings: ModerationSettings): CompiledPattern[] {
  let compiled = compiledBySettings.get(settings);
  if (!compiled) {
    compiled = [];
    for (const p of settings.patterns) {
      try {
        compiled.push({ key: p.key, re: new RegExp(p.pattern, 'iu'), newOnly: p.appliesTo === 'new' });
      } catch {
        // An invalid stored pattern must not stop everyone from posting.
      }
    }
    compiledBySettings.set(settings, compiled);
  }
  return compiled;
}

/**
 * A pattern with a quantified group that itself holds a quantifier, like (a+)+ or (\w*\s?)*, can take exponential
 * time on text that almost matches. The settings route can refuse these up front.
 */
export function riskyPattern(pattern: string): boolean {
  return /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(pattern);
}

/**
 * Capping the text is not enough on its own: (\w+\s?)*$ backtracks exponentially on 30 characters. So the patterns
 * run in a vm context whose timeout interrupts the regex engine: all of them at once (one call, about 0.1 ms), and
 * if that runs out of time, one by one, so the fast patterns still count and only the runaway one is skipped.
 */
const ALL_PATTERNS_MS = 200;
const ONE_PATTERN_MS = 25;
const sandbox = vm.createContext({});
const runAll = new vm.Script('patterns.filter((p) => texts.some((t) => p.re.test(t))).map((p) => p.key)');
const runOne = new vm.Script('texts.some((t) => re.test(t))');

function matchPatterns(patterns: CompiledPattern[], texts: string[]): string[] {
  if (patterns.length === 0) return [];
  try {
    Object.assign(sandbox, { patterns, texts });
    return Array.from(runAll.runInContext(sandbox, { timeout: ALL_PATTERNS_MS }) as string[]);
  } catch {
    return patterns
      .filter((p) => {
        try {
          Object.assign(sandbox, { re: p.re, texts });
          return runOne.runInContext(sandbox, { timeout: ONE_PATTERN_MS }) === true;
        } catch {
          return false;
        }
      })
      .map((p) => p.key);
  } finally {
    Object.assign(sandbox, { patterns: null, texts: null, re: null });
  }
}

export function checkPost(input: AutomodInput): AutomodResult {
  const { trustLevel, settings } = input;
  const isNew = trustLevel === 0;
  const raw = [input.title ?? '', input.body].filter(Boolean).join('\n\n');
  const normalized = normalizeBody(raw);
  const plain = view(normalized);
  const skel = skeleton(normalized);
  const rules: string[] = [];

  if (mentionsSourcing(skel)) rules.push('sourcing');
  if (isNew && hasPhoneNumber(plain)) rules.push('phone_number');
  if (isNew && hasPaymentHandle(plain)) rules.push('payment_handle');
  if (trustLevel <= 1) {
    const { links, images } = countContent(normalized);
    if (links + images + obfuscatedLinks(plain) > settings.linkSpamThreshold) rules.push('link_spam');
  }
  if (hiddenTricks(normalized) >= HIDDEN_TRICKS_MIN) rules.push('zero_width');

  // Coordinators write patterns against ordinary text; the skeleton also catches them written with tricks.
  const texts = [plain.slice(0, PATTERN_TEXT_MAX), skel.text.slice(0, PATTERN_TEXT_MAX)];
  const applicable = compiledPatterns(settings).filter((p) => isNew || !p.newOnly);
  for (const key of matchPatterns(applicable, texts)) if (!rules.includes(key)) rules.push(key);
  if (isNew && settings.holdNewMembers) rules.push('new_member');
  return { hold: rules.length > 0, rules };
}

/** Links written so linkify cannot see them: "example[.]com", "example dot com". */
function obfuscatedLinks(v: string): number {
  return (v.match(/\b[\p{L}\p{N}-]{1,63}\s?(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\sdot\s|\spunto\s)\s?(?:com|net|org|io|me|ly|co|info|xyz|app|link|shop|es|mx)\b/gu) ?? []).length;
}
