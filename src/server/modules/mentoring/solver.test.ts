import { describe, expect, test } from 'vitest';
import { parseSolverInput, SCORE_STEP, type SolverInput, type SolverResult, solveAssignment } from './solver.ts';
import { seededNext } from '../../../cli/demo/random.ts';

/** A random sparse instance; `score` draws each edge's score. */
function instance(seed: number, size: { mentees: number; mentors: number; density: number; maxCapacity: number }, score: (next: () => number) => number): SolverInput {
  const next = seededNext(seed);
  const mentors = Array.from({ length: size.mentors }, (_, j) => ({ id: `m${j}`, capacity: Math.floor(next() * (size.maxCapacity + 1)) }));
  const mentees = Array.from({ length: size.mentees }, (_, i) => ({ id: `p${i}` }));
  const edges: SolverInput['edges'] = [];
  for (const p of mentees) for (const m of mentors) if (next() < size.density) edges.push({ mentee: p.id, mentor: m.id, score: score(next) });
  // Input order of edges is not grouped by mentee.
  for (let k = edges.length - 1; k > 0; k--) {
    const r = Math.floor(next() * (k + 1));
    [edges[k], edges[r]] = [edges[r]!, edges[k]!];
  }
  return { mentors, mentees, edges };
}

/** Scores with ties and negatives: a handful of values, some equal, some below zero. */
const tiedScore = (next: () => number) => [-2, -0.5, 0, 0, 0.25, 0.5, 0.5, 1, 3][Math.floor(next() * 9)]!;

/** Only listed edges, each mentee at most once, each mentor within capacity, and the totals add up. */
function expectFeasible(input: SolverInput, result: SolverResult) {
  const listed = new Map(input.edges.map((e) => [`${e.mentee}\u0000${e.mentor}`, e.score]));
  const capacity = new Map(input.mentors.map((m) => [m.id, m.capacity]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  let total = 0;
  for (const a of result.assignments) {
    expect(listed.get(`${a.mentee}\u0000${a.mentor}`)).toBe(a.score);
    expect(seen.has(a.mentee)).toBe(false);
    seen.add(a.mentee);
    load.set(a.mentor, (load.get(a.mentor) ?? 0) + 1);
    total += a.score;
  }
  for (const [mentor, n] of load) expect(n).toBeLessThanOrEqual(capacity.get(mentor)!);
  expect(result.matched).toBe(result.assignments.length);
  expect(result.total_score).toBeCloseTo(total, 9);
  // In the order of the mentees as given.
  const order = new Map(input.mentees.map((m, i) => [m.id, i]));
  const positions = result.assignments.map((a) => order.get(a.mentee)!);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

/** Every assignment enumerated: the best (matched, total) pair, cardinality first. */
function bruteForce(input: SolverInput): { matched: number; total: number } {
  const room = new Map(input.mentors.map((m) => [m.id, m.capacity]));
  const options = input.mentees.map((p) => input.edges.filter((e) => e.mentee === p.id));
  let best = { matched: 0, total: 0 };
  const visit = (i: number, matched: number, total: number) => {
    if (i === options.length) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, total);
    for (const e of options[i]!) {
      const left = room.get(e.mentor)!;
      if (left === 0) continue;
      room.set(e.mentor, left - 1);
      visit(i + 1, matched + 1, total + e.score);
      room.set(e.mentor, left);
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Best edges first, each taken while its mentee is free and its mentor has room. */
function greedy(input: SolverInput) {
  const room = new Map(input.mentors.map((m) => [m.id, m.capacity]));
  const done = new Set<string>();
  let total = 0;
  for (const e of [...input.edges].sort((a, b) => b.score - a.score)) {
    if (done.has(e.mentee) || room.get(e.mentor) === 0) continue;
    done.add(e.mentee);
    room.set(e.mentor, room.get(e.mentor)! - 1);
    total += e.score;
  }
  return { matched: done.size, total };
}

/** Scores are compared on a SCORE_STEP grid: each chosen edge may be off by half a step from its true score. */
const tolerance = (matched: number) => matched * SCORE_STEP + 1e-9;

describe('solveAssignment is optimal', () => {
  test('equals exhaustive search on 300 small instances (ties, negative scores, capacities 0-3)', () => {
    let greedyWrong = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = seededNext(seed * 7919);
      const size = { mentees: 2 + Math.floor(next() * 6), mentors: 1 + Math.floor(next() * 4), density: 0.2 + next() * 0.6, maxCapacity: 3 };
      const input = instance(seed, size, seed % 3 === 0 ? (n) => n() * 4 - 2 : tiedScore);
      const result = solveAssignment(input);
      const best = bruteForce(input);
      expectFeasible(input, result);
      expect({ seed, matched: result.matched }).toEqual({ seed, matched: best.matched });
      expect(Math.abs(result.total_score - best.total)).toBeLessThanOrEqual(tolerance(best.matched));
      const naive = greedy(input);
      if (naive.matched < best.matched || naive.total < best.total - 1e-9) greedyWrong++;
    }
    // The instances must exercise real choices: on a good share of them, best-edge-first is not optimal.
    expect(greedyWrong).toBeGreaterThan(30);
  });

  test('agrees with the linear program (HiGHS) on 20 instances of 150 mentees and 30 mentors', async () => {
    const highs = await (await import('highs')).default();
    for (let seed = 1; seed <= 20; seed++) {
      const input = instance(1000 + seed, { mentees: 150, mentors: 30, density: 8 / 30, maxCapacity: seed % 2 ? 3 : 8 }, (n) => Math.round((n() * 2 - 0.5) * 1e4) / 1e4);
      const result = solveAssignment(input);
      expectFeasible(input, result);
      // The bipartite b-matching polytope is integral, and so is its face of largest matchings: the LP optimum is
      // the best assignment. First the most matches, then the best score among those.
      const x = input.edges.map((_, e) => `x${e}`);
      const rows = [
        ...input.mentees.map((p) => input.edges.flatMap((e, k) => (e.mentee === p.id ? [x[k]] : []))).filter((r) => r.length).map((r) => `${r.join(' + ')} <= 1`),
        ...input.mentors.map((m) => [input.edges.flatMap((e, k) => (e.mentor === m.id ? [x[k]] : [])), m.capacity] as const).filter(([r]) => r.length).map(([r, c]) => `${r.join(' + ')} <= ${c}`),
      ];
      const lp = (objective: string, extra: string[]) =>
        `Maximize\n obj: ${objective}\nSubject To\n${[...rows, ...extra].map((r, i) => ` c${i}: ${r}`).join('\n')}\nBounds\n${x.map((v) => ` 0 <= ${v} <= 1`).join('\n')}\nEnd`;
      const most = highs.solve(lp(x.join(' + '), []), { output_flag: false });
      expect(most.Status).toBe('Optimal');
      const k = Math.round(most.ObjectiveValue);
      expect(result.matched).toBe(k);
      const weighted = input.edges.map((e, i) => `${e.score >= 0 ? '+' : '-'} ${Math.abs(e.score)} ${x[i]}`).join(' ');
      const best = highs.solve(lp(weighted.replace(/^\+ /, ''), [`${x.join(' + ')} = ${k}`]), { output_flag: false });
      expect(best.Status).toBe('Optimal');
      expect(Math.abs(result.total_score - best.ObjectiveValue)).toBeLessThanOrEqual(1e-6);
    }
  });

  test('takes the matching greedy gets wrong, both for cardinality and for score', () => {
    // Greedy takes x-a (0.9) and leaves y unmatched; the optimum matches both.
    const cardinality = solveAssignment({
      mentors: [{ id: 'a', capacity: 1 }, { id: 'b', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      edges: [
        { mentee: 'x', mentor: 'a', score: 0.9 },
        { mentee: 'x', mentor: 'b', score: 0.1 },
        { mentee: 'y', mentor: 'a', score: 0.8 },
      ],
    });
    expect(cardinality).toEqual({
      assignments: [
        { mentee: 'x', mentor: 'b', score: 0.1 },
        { mentee: 'y', mentor: 'a', score: 0.8 },
      ],
      matched: 2,
      total_score: 0.9,
    });
    // Greedy takes x-a (0.9) then y-b (0.1) = 1.0; the optimum x-b + y-a = 0.8 + 0.85 = 1.65.
    const score = solveAssignment({
      mentors: [{ id: 'a', capacity: 1 }, { id: 'b', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      edges: [
        { mentee: 'x', mentor: 'a', score: 0.9 },
        { mentee: 'x', mentor: 'b', score: 0.8 },
        { mentee: 'y', mentor: 'a', score: 0.85 },
        { mentee: 'y', mentor: 'b', score: 0.1 },
      ],
    });
    expect(score.total_score).toBe(1.65);
    expect(score.assignments.map((a) => a.mentor)).toEqual(['b', 'a']);
  });

  test('uses a negative edge when it matches one more mentee, and never when it does not', () => {
    const input = (extra: number) => ({
      mentors: [{ id: 'a', capacity: 1 }, { id: 'b', capacity: extra }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      edges: [
        { mentee: 'x', mentor: 'a', score: 5 },
        { mentee: 'y', mentor: 'a', score: 5 },
        { mentee: 'y', mentor: 'b', score: -3 },
      ],
    });
    expect(solveAssignment(input(1))).toMatchObject({ matched: 2, total_score: 2 });
    // With b closed (capacity 0) only one of x, y can have a, and the negative edge is of no use.
    expect(solveAssignment(input(0))).toMatchObject({ matched: 1, total_score: 5 });
  });

  test('handles empty inputs, mentees without edges, capacity 0, and capacities beyond the number of mentees', () => {
    expect(solveAssignment({ mentors: [], mentees: [], edges: [] })).toEqual({ assignments: [], matched: 0, total_score: 0 });
    expect(solveAssignment({ mentors: [{ id: 'a', capacity: 0 }], mentees: [{ id: 'x' }], edges: [{ mentee: 'x', mentor: 'a', score: 1 }] })).toEqual({
      assignments: [],
      matched: 0,
      total_score: 0,
    });
    const big = solveAssignment({
      mentors: [{ id: 'a', capacity: 1e12 }],
      mentees: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
      edges: [
        { mentee: 'z', mentor: 'a', score: 1 },
        { mentee: 'x', mentor: 'a', score: 2 },
      ],
    });
    expect(big).toEqual({
      assignments: [
        { mentee: 'x', mentor: 'a', score: 2 },
        { mentee: 'z', mentor: 'a', score: 1 },
      ],
      matched: 2,
      total_score: 3,
    });
  });

  test('is deterministic: the same input gives the same output', () => {
    const input = instance(42, { mentees: 60, mentors: 10, density: 0.3, maxCapacity: 3 }, tiedScore);
    const first = JSON.stringify(solveAssignment(input));
    for (let k = 0; k < 3; k++) expect(JSON.stringify(solveAssignment(structuredClone(input)))).toBe(first);
  });

  test('stays optimal when scores spread so wide that the grid must be coarser, and with huge magnitudes', () => {
    // A spread of 1e12: the grid coarsens, but a difference of 1e9 is still seen.
    const wide = solveAssignment({
      mentors: [{ id: 'a', capacity: 1 }, { id: 'b', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      edges: [
        { mentee: 'x', mentor: 'a', score: 1e12 },
        { mentee: 'x', mentor: 'b', score: 0 },
        { mentee: 'y', mentor: 'a', score: 1e12 + 1e9 },
        { mentee: 'y', mentor: 'b', score: 0 },
      ],
    });
    expect(wide.assignments.map((a) => a.mentor)).toEqual(['b', 'a']);
    const huge = solveAssignment({
      mentors: [{ id: 'a', capacity: 1 }, { id: 'b', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      edges: [
        { mentee: 'x', mentor: 'a', score: 1.7e308 },
        { mentee: 'x', mentor: 'b', score: -1.7e308 },
        { mentee: 'y', mentor: 'a', score: 1e308 },
      ],
    });
    expect(huge.matched).toBe(2);
    expect(huge.assignments.map((a) => a.mentor)).toEqual(['b', 'a']);
  });

  test('refuses input that parseSolverInput would reject', () => {
    expect(() => solveAssignment({ mentors: [], mentees: [{ id: 'x' }], edges: [{ mentee: 'x', mentor: 'a', score: 1 }] })).toThrow(
      'edges[0].mentor "a" is not a listed mentor',
    );
  });
});

describe('parseSolverInput', () => {
  const good = () => ({
    mentors: [{ id: 'a', capacity: 2 }, { id: 'b', capacity: 0 }] as Record<string, unknown>[],
    mentees: [{ id: 'x' }, { id: 'y' }] as Record<string, unknown>[],
    edges: [
      { mentee: 'x', mentor: 'a', score: 0.73 },
      { mentee: 'y', mentor: 'b', score: -1 },
    ] as Record<string, unknown>[],
  });

  test('accepts a well-formed input and returns just its fields', () => {
    const input = { ...good(), note: 'ignored' };
    input.mentors[0]!.extra = true;
    expect(parseSolverInput(input)).toEqual({ ok: true, value: good() });
  });

  const cases: Array<[string, (i: ReturnType<typeof good>) => unknown, string]> = [
    ['not an object', () => [1, 2], 'the input must be a JSON object with "mentors", "mentees" and "edges"'],
    ['null', () => null, 'the input must be a JSON object with "mentors", "mentees" and "edges"'],
    ['mentors missing', (i) => ({ mentees: i.mentees, edges: i.edges }), '"mentors" must be an array'],
    ['mentees not an array', (i) => ({ ...i, mentees: {} }), '"mentees" must be an array'],
    ['edges missing', (i) => ({ mentors: i.mentors, mentees: i.mentees }), '"edges" must be an array'],
    ['a mentor not an object', (i) => ({ ...i, mentors: [i.mentors[0], 'b'] }), 'mentors[1] must be an object'],
    ['a mentor without id', (i) => ({ ...i, mentors: [{ capacity: 1 }] }), 'mentors[0].id must be a non-empty string'],
    ['an empty mentor id', (i) => ({ ...i, mentors: [{ id: '', capacity: 1 }] }), 'mentors[0].id must be a non-empty string'],
    ['a numeric mentor id', (i) => ({ ...i, mentors: [{ id: 7, capacity: 1 }] }), 'mentors[0].id must be a non-empty string'],
    ['a negative capacity', (i) => ({ ...i, mentors: [{ id: 'a', capacity: -1 }] }), 'mentors[0].capacity must be a whole number >= 0'],
    ['a fractional capacity', (i) => ({ ...i, mentors: [i.mentors[0], { id: 'b', capacity: 1.5 }] }), 'mentors[1].capacity must be a whole number >= 0'],
    ['a capacity given as text', (i) => ({ ...i, mentors: [{ id: 'a', capacity: '2' }] }), 'mentors[0].capacity must be a whole number >= 0'],
    ['a missing capacity', (i) => ({ ...i, mentors: [{ id: 'a' }] }), 'mentors[0].capacity must be a whole number >= 0'],
    ['a mentee not an object', (i) => ({ ...i, mentees: [null] }), 'mentees[0] must be an object'],
    ['a mentee without id', (i) => ({ ...i, mentees: [i.mentees[0], {}] }), 'mentees[1].id must be a non-empty string'],
    ['an edge not an object', (i) => ({ ...i, edges: [[]] }), 'edges[0] must be an object'],
    ['an edge without mentee', (i) => ({ ...i, edges: [{ mentor: 'a', score: 1 }] }), 'edges[0].mentee must be a non-empty string'],
    ['an edge without mentor', (i) => ({ ...i, edges: [i.edges[0], { mentee: 'x', score: 1 }] }), 'edges[1].mentor must be a non-empty string'],
    ['a score given as text', (i) => ({ ...i, edges: [{ mentee: 'x', mentor: 'a', score: '0.5' }] }), 'edges[0].score must be a finite number'],
    ['a missing score', (i) => ({ ...i, edges: [{ mentee: 'x', mentor: 'a' }] }), 'edges[0].score must be a finite number'],
    ['an infinite score', (i) => ({ ...i, edges: [{ mentee: 'x', mentor: 'a', score: Infinity }] }), 'edges[0].score must be a finite number'],
    ['a NaN score', (i) => ({ ...i, edges: [{ mentee: 'x', mentor: 'a', score: Number.NaN }] }), 'edges[0].score must be a finite number'],
    ['a repeated mentor id', (i) => ({ ...i, mentors: [...i.mentors, { id: 'a', capacity: 1 }] }), 'mentors[2].id "a" repeats mentors[0]'],
    ['a repeated mentee id', (i) => ({ ...i, mentees: [...i.mentees, { id: 'y' }] }), 'mentees[2].id "y" repeats mentees[1]'],
    ['an unknown mentee', (i) => ({ ...i, edges: [...i.edges, { mentee: 'z', mentor: 'a', score: 1 }] }), 'edges[2].mentee "z" is not a listed mentee'],
    ['an unknown mentor', (i) => ({ ...i, edges: [...i.edges, { mentee: 'x', mentor: 'm9', score: 1 }] }), 'edges[2].mentor "m9" is not a listed mentor'],
    [
      'a repeated edge',
      (i) => ({ ...i, edges: [...i.edges, { mentee: 'y', mentor: 'a', score: 1 }, { mentee: 'x', mentor: 'a', score: 0.1 }, { mentee: 'y', mentor: 'a', score: 2 }] }),
      'edges[3] repeats edges[0] (mentee "x", mentor "a")',
    ],
  ];
  test.each(cases)('names the problem: %s', (_, make, problem) => {
    expect(parseSolverInput(make(good()))).toEqual({ ok: false, problem });
  });
});
