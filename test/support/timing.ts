/**
 * Wall-clock helpers for the hostile-input tests. The machine is shared and loaded, so tests
 * compare a run at n with one at 4n (growth, not speed) and take the best of a few runs: the
 * minimum is the run least disturbed by other processes.
 */
export function bestTime(run: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
