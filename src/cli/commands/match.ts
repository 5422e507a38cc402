import { parseSolverInput, solveAssignment } from '../../server/modules/mentoring/solver.ts';
import { UsageError } from '../errors.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `kindred match solve`: one JSON document on standard input ({"mentors","mentees","edges"}), the optimal
 * assignment on standard output ({"assignments","matched","total_score"}; docs/matching-solver.md). Needs no
 * database. Input it cannot use is a usage error (exit 2) naming the problem, and nothing is written to stdout.
 */
export async function matchSolve() {
  const raw = await readStdin();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`match solve: the input is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = parseSolverInput(json);
  if (!parsed.ok) throw new UsageError(`match solve: ${parsed.problem}`);
  const out = `${JSON.stringify(solveAssignment(parsed.value))}\n`;
  // Resolve only once the whole answer is flushed, so a large result is not cut short by the process exiting.
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (err) => (err ? reject(err) : resolve())));
}
