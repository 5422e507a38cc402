import readline from 'node:readline';
import { assess, type Locale } from '../../server/modules/safety/detector.ts';

/** What one output line says about one input line. */
type Answer = { id: string; level: string; categories: string[] } | { id?: string; line: number; error: string };

/** Reads one input line; never throws (a bad line is an answer too). */
function answer(raw: string, line: number): Answer {
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    // The id of a broken line, when it can still be read, so the answer can be matched to it.
    const id = /"id"\s*:\s*"([^"\\]{1,200})"/.exec(raw)?.[1];
    return { ...(id === undefined ? {} : { id }), line, error: 'not JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { line, error: 'not a JSON object' };
  const { id, text, locale } = input as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return { line, error: '"id" must be a string' };
  const key = String(id);
  if (typeof text !== 'string') return { id: key, line, error: '"text" must be a string' };
  if (locale !== undefined && locale !== 'en' && locale !== 'es') return { id: key, line, error: '"locale" must be "en" or "es"' };
  const result = assess(text, locale as Locale | undefined);
  return { id: key, level: result.level, categories: result.categories };
}

/**
 * `kindred safety assess`: JSON lines in on standard input ({"id","text","locale"}), one JSON line out per input
 * line ({"id","level","categories"}, or {"id"?, "line", "error"} for a line it cannot read). Needs no database.
 * Prints no text of the input back, so its output can be kept where the messages themselves may not be.
 */
export async function safetyAssess() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let number = 0;
  for await (const raw of lines) {
    number++;
    if (raw.trim() === '') continue;
    const ok = process.stdout.write(`${JSON.stringify(answer(raw, number))}\n`);
    if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
