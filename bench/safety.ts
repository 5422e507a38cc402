// The crisis detector's benchmark (src/server/modules/safety/detector.ts): texts per second over typical texts on
// one core (the harness process; the detector is synchronous), and the worst time over adversarial 1 MB inputs.
// Needs no server or database. Alone: `npx tsx bench/safety.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assess, type Locale } from '../src/server/modules/safety/detector.ts';
import { seededNext } from '../src/cli/demo/random.ts';

export const SAFETY_TARGETS = { textsPerSecond: 20_000, worstMs: 50 };

export interface SafetyResults {
  corpus: { texts: number; distinct: number; meanChars: number };
  textsPerSecond: number;
  adversarial: Array<{ name: string; ms: number }>;
  worstMs: number;
}

const evalSet = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/safety/eval.jsonl');
const MEGABYTE = 1_000_000;

function corpus(copies: number): Array<{ text: string; locale: Locale }> {
  const rows = fs
    .readFileSync(evalSet, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; locale: Locale });
  const all = Array.from({ length: copies }, () => rows).flat();
  const next = seededNext(2026);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

function adversarialInputs(): Array<[string, string]> {
  const next = seededNext(7);
  return [
    ['one letter ("a" × 1,000,000)', 'a'.repeat(MEGABYTE)],
    ['"kill " repeated', 'kill '.repeat(MEGABYTE / 5)],
    ['"i want to " repeated', 'i want to '.repeat(MEGABYTE / 10)],
    ['"quiero morirme " repeated', 'quiero morirme '.repeat(MEGABYTE / 15)],
    ['"not " repeated', 'not '.repeat(MEGABYTE / 4)],
    ['spaces', ' '.repeat(MEGABYTE)],
    ['punctuation', '!?.,;:'.repeat(MEGABYTE / 6)],
    ['random UTF-16 (binary-looking)', Array.from({ length: MEGABYTE }, () => String.fromCharCode(Math.floor(next() * 0xd800))).join('')],
    ['random letters and spaces', Array.from({ length: MEGABYTE }, () => 'abcdefghijklmnopqrstuvwxyz     '[Math.floor(next() * 31)]).join('')],
    ['an emergency after 1 MB of check-ins', `${'Checking in after a long day. '.repeat(MEGABYTE / 30)}my roommate is not breathing`],
  ];
}

export function measureDetector(settings = { copies: 40, seconds: 3 }): SafetyResults {
  const texts = corpus(settings.copies);
  for (const t of texts.slice(0, 2000)) assess(t.text, t.locale); // warm-up: compile the regular expressions, JIT
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < settings.seconds * 1000) {
    for (const t of texts) assess(t.text, t.locale);
    done += texts.length;
  }
  const textsPerSecond = done / ((performance.now() - started) / 1000);

  const adversarial = adversarialInputs().map(([name, text]) => {
    assess(text);
    let worst = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      assess(text);
      worst = Math.max(worst, performance.now() - t);
    }
    return { name, ms: worst };
  });
  const distinct = texts.length / settings.copies;
  return {
    corpus: { texts: texts.length, distinct, meanChars: texts.reduce((a, t) => a + t.text.length, 0) / texts.length },
    textsPerSecond,
    adversarial,
    worstMs: Math.max(...adversarial.map((a) => a.ms)),
  };
}

const verdict = (ok: boolean) => (ok ? '**PASS**' : '**FAIL**');

export function safetySection(s: SafetyResults): string[] {
  return [
    '',
    '## Crisis detector',
    '',
    `\`assess()\` in the harness process before Kindred starts (one core, synchronous): the ${s.corpus.distinct} lines of the evaluation set ` +
      `(test/fixtures/safety/eval.jsonl, mean ${s.corpus.meanChars.toFixed(0)} characters) repeated to ${s.corpus.texts.toLocaleString('en-US')} texts, ` +
      'shuffled with a fixed seed, each with its locale.',
    '',
    `Throughput **${Math.round(s.textsPerSecond).toLocaleString('en-US')} texts/s**: ${verdict(s.textsPerSecond >= SAFETY_TARGETS.textsPerSecond)} ` +
      `(target >= ${SAFETY_TARGETS.textsPerSecond.toLocaleString('en-US')}).`,
    '',
    'Adversarial inputs of about 1 MB, slowest of five runs after one warm-up:',
    '',
    '| Input | ms |',
    '|---|---:|',
    ...s.adversarial.map((a) => `| ${a.name} | ${a.ms.toFixed(1)} |`),
    '',
    `Worst case **${s.worstMs.toFixed(1)} ms**: ${verdict(s.worstMs < SAFETY_TARGETS.worstMs)} (target < ${SAFETY_TARGETS.worstMs} ms).`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${safetySection(measureDetector()).join('\n')}\n`);
}
