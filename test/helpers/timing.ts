/**
 * The quickest of `runs` runs of `fn`, in milliseconds. For guards against catastrophic backtracking and other
 * blow-ups on hostile input, which are slow on every run: the quickest run is not tripped by a pause of the whole
 * process (a collection, a busy two-core machine running two test files and a browser). Speed targets are not tests:
 * they are benchmarks (bench/).
 */
export function quickestMs(fn: () => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
