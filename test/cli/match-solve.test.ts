import { describe, expect, test } from 'vitest';
import { NO_DATABASE, runKindred } from '../helpers/cli.ts';

/** Runs `kindred match solve` with the given standard input; the command must need no database. */
const run = (input: string) => runKindred(['match', 'solve'], { input, env: NO_DATABASE });

describe('kindred match solve', { timeout: 60_000 }, () => {
  test("solves the issue's example without a database", async () => {
    const res = await run('{"mentors":[{"id":"a","capacity":2}],"mentees":[{"id":"x"}],"edges":[{"mentee":"x","mentor":"a","score":0.73}]}');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('{"assignments":[{"mentee":"x","mentor":"a","score":0.73}],"matched":1,"total_score":0.73}\n');
  });

  test('matches the most mentees first, then the best score, where best-edge-first would not', async () => {
    // Best edge first takes x-a (0.95), then y has no mentor left: 1 match. The optimum matches all three.
    const input = {
      mentors: [
        { id: 'a', capacity: 1 },
        { id: 'b', capacity: 2 },
      ],
      mentees: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
      edges: [
        { mentee: 'x', mentor: 'a', score: 0.95 },
        { mentee: 'x', mentor: 'b', score: 0.2 },
        { mentee: 'y', mentor: 'a', score: 0.9 },
        { mentee: 'z', mentor: 'b', score: 0.5 },
      ],
    };
    const res = await run(JSON.stringify(input));
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      assignments: [
        { mentee: 'x', mentor: 'b', score: 0.2 },
        { mentee: 'y', mentor: 'a', score: 0.9 },
        { mentee: 'z', mentor: 'b', score: 0.5 },
      ],
      matched: 3,
      total_score: 1.6,
    });
  });

  const malformed: Array<[string, string, string]> = [
    ['not JSON', '{"mentors": [', 'match solve: the input is not JSON'],
    ['empty input', '', 'match solve: the input is not JSON'],
    ['an array', '[]', 'match solve: the input must be a JSON object with "mentors", "mentees" and "edges"'],
    ['edges missing', '{"mentors":[],"mentees":[]}', 'match solve: "edges" must be an array'],
    ['a bad capacity', '{"mentors":[{"id":"a","capacity":-2}],"mentees":[],"edges":[]}', 'match solve: mentors[0].capacity must be a whole number >= 0'],
    [
      'an unknown mentor',
      '{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"edges":[{"mentee":"x","mentor":"m9","score":1}]}',
      'match solve: edges[0].mentor "m9" is not a listed mentor',
    ],
    [
      'a repeated edge',
      '{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"edges":[{"mentee":"x","mentor":"a","score":1},{"mentee":"x","mentor":"a","score":2}]}',
      'match solve: edges[1] repeats edges[0] (mentee "x", mentor "a")',
    ],
    ['a repeated mentee', '{"mentors":[],"mentees":[{"id":"x"},{"id":"x"}],"edges":[]}', 'match solve: mentees[1].id "x" repeats mentees[0]'],
    ['a score as text', '{"mentors":[{"id":"a","capacity":1}],"mentees":[{"id":"x"}],"edges":[{"mentee":"x","mentor":"a","score":"high"}]}', 'match solve: edges[0].score must be a finite number'],
  ];
  test.each(malformed)('refuses %s with exit 2, naming the problem', async (_, input, problem) => {
    const res = await run(input);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(problem);
  });
});
