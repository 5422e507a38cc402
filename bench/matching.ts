// The mentor-assignment solver's benchmark (src/server/modules/mentoring/solver.ts): the program-wide size,
// 20,000 mentees, 2,000 mentors, 50 candidate mentors per mentee (1,000,000 edges), once with scarce capacity
// (1-8 places per mentor, fewer places than mentees) and once with plentiful capacity. Generation is timed apart
// from solving; a greedy assignment (best edges first) is shown for comparison. Needs no server or database.
// Alone: `npx tsx bench/matching.ts`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SolverInput, type SolverResult, solveAssignment } from '../src/server/modules/mentoring/solver.ts';
import { seededNext } from '../src/cli/demo/random.ts';

export const MATCHING_TARGETS = { solveSeconds: 10 };
const RUNS = 3;

export interface MatchingCase {
  name: string;
  mentees: number;
  mentors: number;
  edges: number;
  places: number;
  generateMs: number;
  /** Median and slowest of the solve runs (the same instance solved `runs` times). */
  solveMs: number;
  worstSolveMs: number;
  matched: number;
  totalScore: number;
  greedy: { matched: number; totalScore: number };
  /** Resident memory with the instance built, just before solving. */
  rssBeforeMb: number;
  /** The process's peak resident memory so far (a high-water mark: it includes earlier cases). */
  peakRssMb: number;
}

export interface MatchingResults {
  cases: MatchingCase[];
}

/**
 * A program: mentors differ in how often they are a candidate (some fit many mentees) and in a general fit;
 * a score is half that fit and half how well this pair suits each other, to 4 decimals (so ties happen).
 */
export function generateProgram(settings: { mentees: number; mentors: number; perMentee: number; capacity: [number, number]; seed: number }): SolverInput {
  const next = seededNext(settings.seed);
  const [lo, hi] = settings.capacity;
  const mentors = Array.from({ length: settings.mentors }, (_, j) => ({ id: `mentor-${j}`, capacity: lo + Math.floor(next() * (hi - lo + 1)) }));
  const fit = Float64Array.from({ length: settings.mentors }, () => next());
  // Popularity: cumulative weights 1/(rank+10), drawn by binary search.
  const cumulative = new Float64Array(settings.mentors);
  let sum = 0;
  for (let j = 0; j < settings.mentors; j++) cumulative[j] = sum += 1 / (j + 10);
  const draw = () => {
    const x = next() * sum;
    let a = 0;
    let b = settings.mentors - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cumulative[mid]! < x) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  const mentees = Array.from({ length: settings.mentees }, (_, i) => ({ id: `mentee-${i}` }));
  const edges: SolverInput['edges'] = [];
  const taken = new Int32Array(settings.mentors).fill(-1);
  for (let i = 0; i < settings.mentees; i++) {
    for (let k = 0; k < settings.perMentee; ) {
      const j = draw();
      if (taken[j] === i) continue;
      taken[j] = i;
      k++;
      edges.push({ mentee: mentees[i]!.id, mentor: mentors[j]!.id, score: Math.round((0.5 * fit[j]! + 0.5 * next()) * 1e4) / 1e4 });
    }
  }
  return { mentors, mentees, edges };
}

/** Best edges first, each taken while its mentee is free and its mentor has room: what the solver improves on. */
function greedy(input: SolverInput) {
  const room = new Map(input.mentors.map((m) => [m.id, m.capacity]));
  const done = new Set<string>();
  let total = 0;
  for (const e of [...input.edges].sort((a, b) => b.score - a.score)) {
    if (done.has(e.mentee) || room.get(e.mentor)! === 0) continue;
    done.add(e.mentee);
    room.set(e.mentor, room.get(e.mentor)! - 1);
    total += e.score;
  }
  return { matched: done.size, totalScore: total };
}

function measureCase(name: string, capacity: [number, number], size: { mentees: number; mentors: number; perMentee: number }): MatchingCase {
  let started = performance.now();
  const input = generateProgram({ ...size, capacity, seed: 2026 });
  const generateMs = performance.now() - started;
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const times: number[] = [];
  let result: SolverResult | undefined;
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    result = solveAssignment(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  if (!result) throw new Error('no run');
  return {
    name,
    mentees: input.mentees.length,
    mentors: input.mentors.length,
    edges: input.edges.length,
    places: input.mentors.reduce((a, m) => a + m.capacity, 0),
    generateMs,
    solveMs: times[Math.floor(RUNS / 2)]!,
    worstSolveMs: times[RUNS - 1]!,
    matched: result.matched,
    totalScore: result.total_score,
    greedy: greedy(input),
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

export function measureAssignment(size = { mentees: 20_000, mentors: 2_000, perMentee: 50 }): MatchingResults {
  return {
    cases: [measureCase('scarce (1-8 places per mentor)', [1, 8], size), measureCase('plentiful (8-24 places per mentor)', [8, 24], size)],
  };
}

const verdict = (ok: boolean) => (ok ? '**PASS**' : '**FAIL**');
const count = (n: number) => n.toLocaleString('en-US');

export function matchingSection(r: MatchingResults): string[] {
  return [
    '',
    '## Mentor assignment',
    '',
    '`solveAssignment()` in the harness process (one core, synchronous): most mentees matched, then the best total ' +
      'score, optimal (Dinic maximum flow, then cost-scaling push-relabel; docs/matching-solver.md). Instances from ' +
      `a fixed seed, each solved ${RUNS} times; generation is not counted in the solve time. Greedy = best edges first, for comparison.`,
    '',
    '| Capacity | Mentees | Mentors | Edges | Places | Generate ms | Solve ms (median) | Solve ms (slowest) | Matched | Total score | Greedy matched | Greedy score | RSS before solve MB | Peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.cases.map(
      (c) =>
        `| ${c.name} | ${count(c.mentees)} | ${count(c.mentors)} | ${count(c.edges)} | ${count(c.places)} | ${c.generateMs.toFixed(0)} | ` +
        `${c.solveMs.toFixed(0)} | ${c.worstSolveMs.toFixed(0)} | ${count(c.matched)} | ${c.totalScore.toFixed(4)} | ${count(c.greedy.matched)} | ${c.greedy.totalScore.toFixed(4)} | ${c.rssBeforeMb.toFixed(0)} | ${c.peakRssMb.toFixed(0)} |`,
    ),
    '',
    ...r.cases.map(
      (c) =>
        `${c.name}: slowest of ${RUNS} solves **${(c.worstSolveMs / 1000).toFixed(2)} s**: ${verdict(c.worstSolveMs < MATCHING_TARGETS.solveSeconds * 1000)} ` +
        `(target < ${MATCHING_TARGETS.solveSeconds} s).`,
    ),
    '',
    'RSS before solve includes the generated instance (a million JavaScript objects, most of the memory); peak RSS is ' +
      'the process high-water mark after each case, so the second row includes the first.',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = {
    mentees: Number(process.env.BENCH_MATCH_MENTEES) || 20_000,
    mentors: Number(process.env.BENCH_MATCH_MENTORS) || 2_000,
    perMentee: Number(process.env.BENCH_MATCH_EDGES) || 50,
  };
  process.stdout.write(`${matchingSection(measureAssignment(size)).join('\n')}\n`);
}
