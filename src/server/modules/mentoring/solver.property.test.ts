import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SCORE_STEP, type SolverInput, solveAssignment } from './solver.ts';

/**
 * Instances of up to 25 mentees and 8 mentors: capacities 0-4, each possible pair an edge or not, scores from a
 * few tied values or any double in ±1000 (negatives included).
 */
const instanceArb: fc.Arbitrary<SolverInput> = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 8 }),
    mentees: fc.integer({ min: 0, max: 25 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constantFrom(-1, 0, 0.5, 1), fc.double({ min: -1000, max: 1000, noNaN: true }))), { maxLength: 120 }),
  })
  .map(({ capacities, mentees, pairs }) => {
    const mentors = capacities.map((capacity, j) => ({ id: `m${j}`, capacity }));
    const people = Array.from({ length: mentees }, (_, i) => ({ id: `p${i}` }));
    const seen = new Set<string>();
    const edges: SolverInput['edges'] = [];
    if (mentors.length && people.length) {
      for (const [i, j, score] of pairs) {
        const mentee = people[i % people.length]!.id;
        const mentor = mentors[j % mentors.length]!.id;
        if (seen.has(`${mentee} ${mentor}`)) continue;
        seen.add(`${mentee} ${mentor}`);
        edges.push({ mentee, mentor, score: score === 0 ? 0 : score }); // -0 reads back as 0 in JSON
      }
    }
    return { mentors, mentees: people, edges };
  });

/**
 * The largest number of mentees that can be matched, by an independent routine: each mentor split into `capacity`
 * seats, then Kuhn's augmenting paths (one depth-first search per mentee).
 */
function maxCardinality(input: SolverInput): number {
  const seats = new Map<string, number[]>();
  let count = 0;
  for (const m of input.mentors) seats.set(m.id, Array.from({ length: m.capacity }, () => count++));
  const holder = new Array<string | undefined>(count).fill(undefined);
  const options = new Map<string, number[]>();
  for (const e of input.edges) options.set(e.mentee, [...(options.get(e.mentee) ?? []), ...seats.get(e.mentor)!]);
  const augment = (mentee: string, visited: Set<number>): boolean => {
    for (const seat of options.get(mentee) ?? []) {
      if (visited.has(seat)) continue;
      visited.add(seat);
      const other = holder[seat];
      if (other === undefined || augment(other, visited)) {
        holder[seat] = mentee;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (const p of input.mentees) if (augment(p.id, new Set())) matched++;
  return matched;
}

describe('solveAssignment properties', () => {
  test('the result is feasible and uses only listed edges with their scores', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = solveAssignment(input);
        const listed = new Map(input.edges.map((e) => [`${e.mentee} ${e.mentor}`, e.score]));
        const capacity = new Map(input.mentors.map((m) => [m.id, m.capacity]));
        const mentees = new Set<string>();
        const load = new Map<string, number>();
        for (const a of result.assignments) {
          expect(listed.get(`${a.mentee} ${a.mentor}`)).toBe(a.score);
          expect(mentees.has(a.mentee)).toBe(false);
          mentees.add(a.mentee);
          load.set(a.mentor, (load.get(a.mentor) ?? 0) + 1);
        }
        for (const [mentor, n] of load) expect(n).toBeLessThanOrEqual(capacity.get(mentor)!);
        expect(result.matched).toBe(result.assignments.length);
      }),
      { numRuns: 500 },
    );
  });

  test('matches as many mentees as the maximum flow allows', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        expect(solveAssignment(input).matched).toBe(maxCardinality(input));
      }),
      { numRuns: 500 },
    );
  });

  test('the order of the input does not change how many are matched or the total score', () => {
    fc.assert(
      fc.property(
        instanceArb.chain((input) =>
          fc.record({
            input: fc.constant(input),
            edges: fc.shuffledSubarray(input.edges, { minLength: input.edges.length, maxLength: input.edges.length }),
            mentors: fc.shuffledSubarray(input.mentors, { minLength: input.mentors.length, maxLength: input.mentors.length }),
            mentees: fc.shuffledSubarray(input.mentees, { minLength: input.mentees.length, maxLength: input.mentees.length }),
          }),
        ),
        ({ input, edges, mentors, mentees }) => {
          const a = solveAssignment(input);
          const b = solveAssignment({ mentors, mentees, edges });
          expect(b.matched).toBe(a.matched);
          // Each chosen score may sit half a grid step from the grid, so two optima can differ by one step each.
          expect(Math.abs(b.total_score - a.total_score)).toBeLessThanOrEqual(a.matched * SCORE_STEP + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('no single swap improves the result: moving one mentee to another listed mentor with room, or in place of an unmatched one', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = solveAssignment(input);
        const room = new Map(input.mentors.map((m) => [m.id, m.capacity]));
        const current = new Map<string, number>();
        for (const a of result.assignments) {
          room.set(a.mentor, room.get(a.mentor)! - 1);
          current.set(a.mentee, a.score);
        }
        const slack = (result.matched + 1) * SCORE_STEP + 1e-9;
        for (const e of input.edges) {
          const has = current.get(e.mentee);
          // An unmatched mentee with an edge to a mentor with room would be one more match.
          if (has === undefined) expect(room.get(e.mentor)).toBe(0);
          // A matched mentee moving to a mentor with room must not gain.
          else if (room.get(e.mentor)! > 0) expect(e.score).toBeLessThanOrEqual(has + slack);
        }
      }),
      { numRuns: 500 },
    );
  });
});
