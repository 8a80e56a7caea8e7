// Progress of a run as plain numbers, for a callback: the extension maps it onto a cancellable
// progress notification, a test reads it directly.
import { emptyCounts, type ItemStatus } from './journal';

export interface OperationProgress {
  readonly total: number;
  /** Items with a result (any status). */
  readonly done: number;
  readonly counts: Readonly<Record<ItemStatus, number>>;
  readonly inFlight: number;
  /** The concurrency limit now (drops under throttling, recovers after). */
  readonly concurrency: number;
  /** Items finished per second over the last few seconds. */
  readonly ratePerSecond: number;
}

const RATE_WINDOW_MS = 5_000;

export interface ProgressMeter {
  record(status: ItemStatus): void;
  snapshot(inFlight: number, concurrency: number): OperationProgress;
}

export function createProgressMeter(total: number, now: () => number): ProgressMeter {
  const counts = emptyCounts();
  const recent: number[] = [];
  const started = now();
  let done = 0;
  return {
    record(status) {
      counts[status] += 1;
      done += 1;
      recent.push(now());
    },
    snapshot(inFlight, concurrency) {
      const at = now();
      while (recent.length > 0 && recent[0]! < at - RATE_WINDOW_MS) recent.shift();
      const windowMs = Math.max(1, Math.min(RATE_WINDOW_MS, at - started));
      return { total, done, counts: { ...counts }, inFlight, concurrency, ratePerSecond: (recent.length * 1000) / windowMs };
    },
  };
}
