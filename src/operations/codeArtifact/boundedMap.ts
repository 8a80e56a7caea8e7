// Read-only fan-out over many packages (the dependency-confusion check, auto-mode planning): at
// most `concurrency` calls in flight, results in input order, stops starting new work when the
// signal fires. Writes do not use this: they go through the executor (journal, compare-and-set,
// throttling-adaptive limit). Reads rely on the SDK's own retries for throttling.

export async function boundedMap<T, R>(items: readonly T[], concurrency: number, each: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      results[index] = await each(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  signal?.throwIfAborted();
  return results;
}
