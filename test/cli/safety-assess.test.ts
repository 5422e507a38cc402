import { describe, expect, test } from 'vitest';
import { NO_DATABASE, runKindred } from '../helpers/cli.ts';

/** Runs `kindred safety assess` with the given standard input; the command must need no database. */
const run = (input: string) => runKindred(['safety', 'assess'], { input, env: NO_DATABASE });

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('kindred safety assess', { timeout: 60_000 }, () => {
  test('answers one JSON line per input line, in order, without a database', async () => {
    const input = [
      { id: 'a', text: "I don't want to be alive anymore", locale: 'en' },
      { id: 'b', text: 'mi hermano no despierta', locale: 'es' },
      { id: 'c', text: '90 days today! Thank you all' },
      { id: 'd', text: 'this craving is killing me', locale: 'en' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const res = await run(`${input}\n`);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(lines(res.stdout)).toEqual([
      { id: 'a', level: 'urgent', categories: ['suicide'] },
      { id: 'b', level: 'emergency', categories: ['overdose'] },
      { id: 'c', level: 'none', categories: [] },
      { id: 'd', level: 'elevated', categories: ['relapse'] },
    ]);
    // The answers say nothing of what was written.
    expect(res.stdout).not.toContain('alive');
  });

  test('a malformed line gets an error line with its id when readable and its line number, and the run goes on', async () => {
    const input = [
      'this is not json',
      '{"id":"broken","text":"unterminated',
      '{"id":"n","text":42}',
      '{"id":"fr","text":"bonjour","locale":"fr"}',
      '[1,2]',
      '',
      '{"id":"last","text":"i wanna die"}',
    ].join('\n');
    const res = await run(input); // no final newline: the last line still counts
    expect(res.status).toBe(0);
    expect(lines(res.stdout)).toEqual([
      { line: 1, error: 'not JSON' },
      { id: 'broken', line: 2, error: 'not JSON' },
      { id: 'n', line: 3, error: '"text" must be a string' },
      { id: 'fr', line: 4, error: '"locale" must be "en" or "es"' },
      { line: 5, error: 'not a JSON object' },
      { id: 'last', level: 'urgent', categories: ['suicide'] },
    ]);
  });

  test('empty input: no output, exit 0', async () => {
    const res = await run('');
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
  });
});
