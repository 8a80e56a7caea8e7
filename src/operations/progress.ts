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

/** One line for a progress notification: `412 of 1,000 · 3 failed · 12 skipped · 25/s`. */
export function describeProgress(progress: OperationProgress): string {
  const { counts } = progress;
  const parts = [`${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`];
  if (counts.failed > 0) parts.push(`${counts.failed.toLocaleString('en-US')} failed`);
  const skipped = counts.unchanged + counts.conflict;
  if (skipped > 0) parts.push(`${skipped.toLocaleString('en-US')} skipped`);
  if (counts.conflict > 0) parts.push(`${counts.conflict.toLocaleString('en-US')} changed since the plan`);
  if (progress.ratePerSecond > 0) parts.push(`${progress.ratePerSecond < 10 ? progress.ratePerSecond.toFixed(1) : Math.round(progress.ratePerSecond)}/s`);
  return parts.join(' · ');
}

/**
 * Adapts cumulative progress to a reporter that wants increments in percent (VS Code's
 * `Progress<{ message, increment }>`): returns the `onProgress` callback for `runOperation`.
 * At most one update per `minIntervalMs` (10,000 items would otherwise be 10,000 redraws), and
 * always the last one.
 */
export function percentReporter(
  report: (update: { message: string; increment: number }) => void,
  { minIntervalMs = 200, now = Date.now }: { minIntervalMs?: number; now?: () => number } = {},
): (progress: OperationProgress) => void {
  let reportedPercent = 0;
  let reportedAt = -Infinity;
  return (progress) => {
    const finished = progress.done >= progress.total && progress.inFlight === 0;
    if (!finished && now() - reportedAt < minIntervalMs) return;
    reportedAt = now();
    const percent = progress.total === 0 ? 100 : (progress.done * 100) / progress.total;
    report({ message: describeProgress(progress), increment: Math.max(0, percent - reportedPercent) });
    reportedPercent = Math.max(reportedPercent, percent);
  };
}
