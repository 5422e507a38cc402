// Program-wide mentor assignment: match as many mentees as possible, then maximise the total score, each mentee at
// most once, each mentor at most `capacity` times, only along listed candidate edges. Optimal, not greedy.
//
// Formulation (docs/matching-solver.md): a flow network source → mentee (cap 1) → mentor (cap 1 per candidate edge,
// cost = best score − score) → sink (cap = capacity). Stage 1 finds a maximum flow (Dinic): its value k is the most
// mentees that can be matched. Stage 2 turns that flow into a minimum-cost flow of the same value with Goldberg's
// cost-scaling push-relabel (a min-cost circulation on the residual network), which is the best total score among
// all matchings of k mentees. Pure: no I/O. Hot loops run on typed arrays in CSR layout.

export type SolverInput = {
  mentors: { id: string; capacity: number }[];
  mentees: { id: string }[];
  edges: { mentee: string; mentor: string; score: number }[];
};

export type SolverAssignment = { mentee: string; mentor: string; score: number };

export type SolverResult = { assignments: SolverAssignment[]; matched: number; total_score: number };

export type ParsedSolverInput = { ok: true; value: SolverInput } | { ok: false; problem: string };

/** Scores are compared on a grid of this step (finer than any score a person would tell apart). */
export const SCORE_STEP = 1e-6;

/** How much ε shrinks per cost-scaling phase (cs2 uses 12; 4-12 measure alike here with look-ahead). */
const ALPHA = 8;

/** The input with ids replaced by positions: what both the checks and the solver work on. */
type Indexed = {
  capacity: Int32Array;
  edgeMentee: Int32Array;
  edgeMentor: Int32Array;
  score: Float64Array;
};

/** Checks shapes and types, then the references between them; names the first problem found. */
export function parseSolverInput(json: unknown): ParsedSolverInput {
  if (!isObject(json)) return { ok: false, problem: 'the input must be a JSON object with "mentors", "mentees" and "edges"' };
  for (const key of ['mentors', 'mentees', 'edges'] as const) {
    if (!Array.isArray(json[key])) return { ok: false, problem: `"${key}" must be an array` };
  }
  const mentors = json.mentors as unknown[];
  const mentees = json.mentees as unknown[];
  const edges = json.edges as unknown[];
  const value: SolverInput = { mentors: [], mentees: [], edges: [] };
  for (let i = 0; i < mentors.length; i++) {
    const m = mentors[i];
    if (!isObject(m)) return { ok: false, problem: `mentors[${i}] must be an object` };
    if (!isId(m.id)) return { ok: false, problem: `mentors[${i}].id must be a non-empty string` };
    if (!isCount(m.capacity)) return { ok: false, problem: `mentors[${i}].capacity must be a whole number >= 0` };
    value.mentors.push({ id: m.id, capacity: m.capacity });
  }
  for (let i = 0; i < mentees.length; i++) {
    const m = mentees[i];
    if (!isObject(m)) return { ok: false, problem: `mentees[${i}] must be an object` };
    if (!isId(m.id)) return { ok: false, problem: `mentees[${i}].id must be a non-empty string` };
    value.mentees.push({ id: m.id });
  }
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!isObject(e)) return { ok: false, problem: `edges[${i}] must be an object` };
    if (!isId(e.mentee)) return { ok: false, problem: `edges[${i}].mentee must be a non-empty string` };
    if (!isId(e.mentor)) return { ok: false, problem: `edges[${i}].mentor must be a non-empty string` };
    if (typeof e.score !== 'number' || !Number.isFinite(e.score)) return { ok: false, problem: `edges[${i}].score must be a finite number` };
    value.edges.push({ mentee: e.mentee, mentor: e.mentor, score: e.score });
  }
  const indexed = indexInput(value);
  return typeof indexed === 'string' ? { ok: false, problem: indexed } : { ok: true, value };
}

/**
 * The optimal assignment. Assignments come in the order of `input.mentees`; the same input always gives the same
 * output. Throws a RangeError on input that parseSolverInput would reject (unknown ids, duplicates, bad numbers).
 */
export function solveAssignment(input: SolverInput): SolverResult {
  const indexed = indexInput(input);
  if (typeof indexed === 'string') throw new RangeError(indexed);
  const chosen = assign(indexed, input.mentees.length, input.mentors.length);
  const assignments: SolverAssignment[] = [];
  let total = 0;
  for (let i = 0; i < chosen.length; i++) {
    const e = chosen[i]!;
    if (e < 0) continue;
    const edge = input.edges[e]!;
    assignments.push({ mentee: edge.mentee, mentor: edge.mentor, score: edge.score });
    total += edge.score;
  }
  // 15 significant digits drop the floating-point noise of the sum (0.1 + 0.2 reads 0.3).
  return { assignments, matched: assignments.length, total_score: Number(total.toPrecision(15)) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Replaces ids by positions; a string names what is wrong (the same words parseSolverInput gives). */
function indexInput(input: SolverInput): Indexed | string {
  const mentorAt = new Map<string, number>();
  const capacity = new Int32Array(input.mentors.length);
  for (let j = 0; j < input.mentors.length; j++) {
    const { id, capacity: c } = input.mentors[j]!;
    if (!isId(id)) return `mentors[${j}].id must be a non-empty string`;
    if (!isCount(c)) return `mentors[${j}].capacity must be a whole number >= 0`;
    const seen = mentorAt.get(id);
    if (seen !== undefined) return `mentors[${j}].id ${JSON.stringify(id)} repeats mentors[${seen}]`;
    mentorAt.set(id, j);
    // More places than mentees is the same as exactly that many (and keeps capacities in 32 bits).
    capacity[j] = Math.min(c, input.mentees.length);
  }
  const menteeAt = new Map<string, number>();
  for (let i = 0; i < input.mentees.length; i++) {
    const { id } = input.mentees[i]!;
    if (!isId(id)) return `mentees[${i}].id must be a non-empty string`;
    const seen = menteeAt.get(id);
    if (seen !== undefined) return `mentees[${i}].id ${JSON.stringify(id)} repeats mentees[${seen}]`;
    menteeAt.set(id, i);
  }
  const m = input.edges.length;
  const edgeMentee = new Int32Array(m);
  const edgeMentor = new Int32Array(m);
  const score = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const edge = input.edges[e]!;
    const i = menteeAt.get(edge.mentee);
    if (i === undefined) return `edges[${e}].mentee ${JSON.stringify(edge.mentee)} is not a listed mentee`;
    const j = mentorAt.get(edge.mentor);
    if (j === undefined) return `edges[${e}].mentor ${JSON.stringify(edge.mentor)} is not a listed mentor`;
    if (typeof edge.score !== 'number' || !Number.isFinite(edge.score)) return `edges[${e}].score must be a finite number`;
    edgeMentee[e] = i;
    edgeMentor[e] = j;
    score[e] = edge.score;
  }
  const repeat = findRepeatedEdge(edgeMentee, edgeMentor, input.mentees.length, input.mentors.length);
  if (repeat) {
    const edge = input.edges[repeat[1]]!;
    return `edges[${repeat[1]}] repeats edges[${repeat[0]}] (mentee ${JSON.stringify(edge.mentee)}, mentor ${JSON.stringify(edge.mentor)})`;
  }
  return { capacity, edgeMentee, edgeMentor, score };
}

/** The first pair listed twice, as [first index, repeat index], found in linear time (edges grouped by mentor). */
function findRepeatedEdge(edgeMentee: Int32Array, edgeMentor: Int32Array, mentees: number, mentors: number): [number, number] | undefined {
  const start = new Int32Array(mentors + 1);
  for (let e = 0; e < edgeMentor.length; e++) start[edgeMentor[e]! + 1]!++;
  for (let j = 0; j < mentors; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, mentors);
  const byMentor = new Int32Array(edgeMentor.length);
  for (let e = 0; e < edgeMentor.length; e++) byMentor[fill[edgeMentor[e]!]!++] = e;
  const lastMentor = new Int32Array(mentees).fill(-1);
  const lastEdge = new Int32Array(mentees);
  let found: [number, number] | undefined;
  for (let j = 0; j < mentors; j++) {
    for (let k = start[j]!; k < start[j + 1]!; k++) {
      const e = byMentor[k]!;
      const i = edgeMentee[e]!;
      // Within a mentor's group edges keep input order, so the earlier index is the one seen first.
      if (lastMentor[i] === j) {
        if (!found || e < found[1]) found = [lastEdge[i]!, e];
      } else {
        lastMentor[i] = j;
        lastEdge[i] = e;
      }
    }
  }
  return found;
}

/**
 * The residual network in CSR form: node v's arcs are first[v] .. first[v+1]-1; every arc has its reverse at
 * rev[a]. Nodes: 0 = source, 1..n = mentees, n+1..n+m = mentors, n+m+1 = sink.
 */
type Network = {
  nodes: number;
  first: Int32Array;
  head: Int32Array;
  rev: Int32Array;
  residual: Int32Array;
  cost: Float64Array;
  /** The mentee → mentor arc of each input edge. */
  edgeArc: Int32Array;
};

/** For each mentee (input order) the index of its chosen edge, or -1. */
function assign(input: Indexed, mentees: number, mentors: number): Int32Array {
  const net = buildNetwork(input, mentees, mentors);
  maxFlow(net, 0, net.nodes - 1);
  minimiseCost(net);
  const chosen = new Int32Array(mentees).fill(-1);
  for (let e = 0; e < net.edgeArc.length; e++) {
    if (net.residual[net.edgeArc[e]!] === 0) chosen[input.edgeMentee[e]!] = e;
  }
  return chosen;
}

function buildNetwork(input: Indexed, n: number, m: number): Network {
  const nodes = n + m + 2;
  const sink = nodes - 1;
  const edges = input.edgeMentee.length;
  const arcs = 2 * (n + edges + m);
  const tail = new Int32Array(arcs / 2);
  const to = new Int32Array(arcs / 2);
  const cap = new Int32Array(arcs / 2);
  const forwardCost = new Float64Array(arcs / 2);
  // Forward arcs: the edges first, so edge e is forward arc e.
  const costs = scaledCosts(input.score, nodes);
  for (let e = 0; e < edges; e++) {
    tail[e] = 1 + input.edgeMentee[e]!;
    to[e] = 1 + n + input.edgeMentor[e]!;
    cap[e] = 1;
    forwardCost[e] = costs[e]!;
  }
  for (let i = 0; i < n; i++) {
    tail[edges + i] = 0;
    to[edges + i] = 1 + i;
    cap[edges + i] = 1;
  }
  for (let j = 0; j < m; j++) {
    tail[edges + n + j] = 1 + n + j;
    to[edges + n + j] = sink;
    cap[edges + n + j] = input.capacity[j]!;
  }
  const first = new Int32Array(nodes + 1);
  for (let f = 0; f < tail.length; f++) {
    first[tail[f]! + 1]!++;
    first[to[f]! + 1]!++;
  }
  for (let v = 0; v < nodes; v++) first[v + 1]! += first[v]!;
  const fill = first.slice(0, nodes);
  const head = new Int32Array(arcs);
  const rev = new Int32Array(arcs);
  const residual = new Int32Array(arcs);
  const cost = new Float64Array(arcs);
  const edgeArc = new Int32Array(edges);
  for (let f = 0; f < tail.length; f++) {
    const a = fill[tail[f]!]!++;
    const b = fill[to[f]!]!++;
    head[a] = to[f]!;
    head[b] = tail[f]!;
    rev[a] = b;
    rev[b] = a;
    residual[a] = cap[f]!;
    cost[a] = forwardCost[f]!;
    cost[b] = -forwardCost[f]!;
    if (f < edges) edgeArc[f] = a;
  }
  return { nodes, first, head, rev, residual, cost, edgeArc };
}

/**
 * Integer costs for cost scaling: (best score − score) on a grid, times (nodes + 1) so that ε = 1 at the end means
 * ε < 1/nodes in grid units, which makes the flow optimal. The grid is SCORE_STEP unless the scores spread so wide
 * that prices could leave the range where doubles hold integers exactly (2^53); then it is as fine as that allows.
 */
function scaledCosts(score: Float64Array, nodes: number): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of score) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  // Prices fall by at most 3·nodes·ε per phase, ε summing to at most the largest cost: bound every quantity by
  // (nodes + 1)(6·nodes + 1) grid steps of spread, and keep that below 2^53.
  const maxSteps = Math.floor(2 ** 53 / ((nodes + 1) * (6 * nodes + 1)));
  const half = hi / 2 - lo / 2; // halves, so that hi - lo cannot overflow
  const step = Math.max(SCORE_STEP, half / (maxSteps / 2));
  const costs = new Float64Array(score.length);
  const top = Math.round(half / (step / 2));
  for (let e = 0; e < score.length; e++) costs[e] = (top - Math.round((score[e]! / 2 - lo / 2) / (step / 2))) * (nodes + 1);
  return costs;
}

/** Dinic's maximum flow from s to t; on unit-capacity bipartite networks O(E·√V). */
function maxFlow(net: Network, s: number, t: number): number {
  const { nodes, first, head, rev, residual } = net;
  const level = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const current = new Int32Array(nodes);
  const path = new Int32Array(nodes);
  let flow = 0;
  for (;;) {
    // Breadth-first levels from s, no further than t's.
    level.fill(-1);
    level[s] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const v = queue[qh++]!;
      if (v === t) break;
      for (let a = first[v]!; a < first[v + 1]!; a++) {
        const w = head[a]!;
        if (residual[a]! > 0 && level[w]! < 0) {
          level[w] = level[v]! + 1;
          queue[qt++] = w;
        }
      }
    }
    if (level[t]! < 0) return flow;
    // Blocking flow by depth-first search along the levels, current-arc pointers skipping dead arcs.
    current.set(first.subarray(0, nodes));
    let depth = 0;
    let v = s;
    for (;;) {
      if (v === t) {
        let push = Infinity;
        for (let d = 0; d < depth; d++) push = Math.min(push, residual[path[d]!]!);
        for (let d = 0; d < depth; d++) {
          residual[path[d]!]! -= push;
          residual[rev[path[d]!]!]! += push;
        }
        flow += push;
        depth = 0;
        v = s;
        continue;
      }
      const end = first[v + 1]!;
      let a = current[v]!;
      while (a < end && !(residual[a]! > 0 && level[head[a]!] === level[v]! + 1)) a++;
      current[v] = a;
      if (a < end) {
        path[depth++] = a;
        v = head[a]!;
      } else {
        level[v] = -1; // a dead end for the rest of this phase
        if (depth === 0) break;
        const back = path[--depth]!;
        v = head[rev[back]!]!;
        current[v]!++;
      }
    }
  }
}

/**
 * Goldberg's cost-scaling push-relabel, turning the feasible flow in `net` into a minimum-cost one of the same value
 * (a min-cost circulation on the residual network: every node's balance is kept). FIFO order of active nodes,
 * current-arc pointers and push look-ahead. Prices start at 0, where the flow is ε-optimal for ε = the largest cost.
 * An arc is admissible when it has residual capacity and a negative reduced cost, cost + price(tail) − price(head).
 */
function minimiseCost(net: Network): void {
  const { nodes, first, head, rev, residual, cost } = net;
  let epsilon = 0;
  for (const c of cost) if (c > epsilon) epsilon = c;
  const price = new Float64Array(nodes);
  const excess = new Int32Array(nodes);
  const current = new Int32Array(nodes);
  const queue = new Int32Array(nodes);

  /** Lowers v's price just enough that its best residual arc costs −ε (v has no admissible arc: the price only falls). */
  const relabel = (v: number) => {
    let best = -Infinity;
    for (let b = first[v]!; b < first[v + 1]!; b++) {
      if (residual[b]! > 0) {
        const offer = price[head[b]!]! - cost[b]!;
        if (offer > best) best = offer;
      }
    }
    // Only a node that never received flow can lack residual arcs: then there is nothing to relabel for.
    if (best === -Infinity) return false;
    price[v] = best - epsilon;
    current[v] = first[v]!;
    return true;
  };

  /** Whether v has an admissible arc, moving its current arc to it (arcs before it stay inadmissible until v is relabelled). */
  const hasAdmissible = (v: number) => {
    const end = first[v + 1]!;
    const pv = price[v]!;
    let b = current[v]!;
    while (b < end && !(residual[b]! > 0 && cost[b]! + pv - price[head[b]!]! < 0)) b++;
    current[v] = b;
    return b < end;
  };

  while (epsilon > 1) {
    epsilon = Math.max(1, Math.floor(epsilon / ALPHA));
    // The previous flow was (α·ε)-optimal; saturating every arc of negative reduced cost makes it 0-optimal, at the
    // price of imbalances, which the pushes and relabels below remove while staying ε-optimal.
    for (let v = 0; v < nodes; v++) {
      const pv = price[v]!;
      for (let a = first[v]!; a < first[v + 1]!; a++) {
        const r = residual[a]!;
        if (r > 0 && cost[a]! + pv - price[head[a]!]! < 0) {
          residual[a] = 0;
          residual[rev[a]!]! += r;
          excess[v]! -= r;
          excess[head[a]!]! += r;
        }
      }
    }
    // A node is in the queue exactly while its excess is positive, so the queue never holds more than `nodes`.
    let qh = 0;
    let qt = 0;
    for (let v = 0; v < nodes; v++) if (excess[v]! > 0) queue[qt++ % nodes] = v;
    current.set(first.subarray(0, nodes));
    while (qh !== qt) {
      const v = queue[qh++ % nodes]!;
      let ex = excess[v]!;
      const end = first[v + 1]!;
      while (ex > 0) {
        const pv = price[v]!;
        let a = current[v]!;
        for (; a < end; a++) {
          const r = residual[a]!;
          if (r === 0) continue;
          const w = head[a]!;
          if (cost[a]! + pv - price[w]! >= 0) continue;
          // Look-ahead: a node that could not pass the flow on is relabelled instead of pushed to (and back from).
          if (excess[w]! >= 0 && !hasAdmissible(w)) {
            relabel(w);
            if (cost[a]! + pv - price[w]! >= 0) continue;
          }
          const d = r < ex ? r : ex;
          residual[a] = r - d;
          residual[rev[a]!]! += d;
          ex -= d;
          const before = excess[w]!;
          excess[w] = before + d;
          if (before <= 0 && before + d > 0) queue[qt++ % nodes] = w;
          if (ex === 0) break;
        }
        current[v] = a;
        if (ex > 0 && !relabel(v)) throw new Error('matching solver: a node with excess has no residual arc');
      }
      excess[v] = 0;
    }
  }
}
