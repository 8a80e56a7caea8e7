// Runs a plan: per item, re-read (compare-and-set), skip no-ops, journal durably, write, record the
// result. Bounded, throttling-adaptive concurrency; a first write that must succeed before others
// start; stop on a fatal error (AccessDenied on 10,000 items is one failure, not 10,000); cancel
// that lets writes in flight finish and be journaled. Service-agnostic: the service supplies an
// OperationTarget (read, desired, same, write) over its gateway.
import { AwsError, type AwsErrorCode } from '../aws/errors';
import { AdaptiveLimit, FirstWriteGate, backoffDelay, sleep, type ConcurrencyOptions, type RetryOptions } from './concurrency';
import { emptyCounts, type ItemError, type ItemStatus, type JournalStore, type JournalWriter, type RunMode, type RunOutcome, type RunRelation } from './journal';
import { createPlan, type OperationPlan, type PlanItem } from './plan';
import { createProgressMeter, type OperationProgress } from './progress';

/** The service side of an operation. */
export interface OperationTarget<State, Intent> {
  /** The item's state now (for CodeArtifact: `DescribePackage`; a missing package is a state too). */
  read(item: PlanItem<State, Intent>, signal: AbortSignal): Promise<State>;
  /** The state `intent` makes of `current`. Pure. */
  desired(current: State, intent: Intent): State;
  /** Whether two states are the same (compare-and-set and no-op detection). */
  same(a: State, b: State): boolean;
  /**
   * Writes `desired`. Deliberately given no cancel signal: once a write is sent it is let finish
   * and its result journaled, since an aborted request may or may not have been applied.
   */
  write(item: PlanItem<State, Intent>, desired: State): Promise<void>;
}

export interface RunOptions<State, Intent> {
  readonly plan: OperationPlan<State, Intent>;
  readonly target: OperationTarget<State, Intent>;
  /** `dry-run`: re-read and compute the exact changes, write nothing. Default `apply`. */
  readonly mode?: RunMode;
  /** Where to journal the run; a new journal every run. Omit only for a dry run nobody keeps. */
  readonly journal?: JournalStore;
  /** The journal this run continues (resume), retries or restores. */
  readonly parent?: { readonly runId: string; readonly relation: RunRelation };
  readonly concurrency?: ConcurrencyOptions;
  readonly retry?: RetryOptions;
  /** Cancels: no write starts after it fires. */
  readonly signal?: AbortSignal;
  /** Runs before any item (e.g. identity, permissions, packages exist); throwing stops the run. */
  readonly preflight?: (signal: AbortSignal) => Promise<void>;
  /** Default: `AwsError` with code `Throttling`. */
  readonly isThrottling?: (error: unknown) => boolean;
  /** Errors that will fail every item alike, so the run stops. Default: AccessDenied and credential codes. */
  readonly isFatal?: (error: unknown) => boolean;
  /** Default: an `AwsError`'s code and message; anything else `Unknown`. */
  readonly describeError?: (error: unknown) => ItemError;
  readonly onProgress?: (progress: OperationProgress) => void;
  /** Injected for tests. */
  readonly now?: () => number;
  readonly random?: () => number;
}

export interface ItemResult<State> {
  readonly key: string;
  readonly status: ItemStatus;
  readonly attempts: number;
  readonly current?: State;
  readonly desired?: State;
  readonly error?: ItemError;
}

export interface RunReport<State> {
  /** The journal's id, when journaled. */
  readonly runId?: string;
  readonly outcome: RunOutcome;
  readonly stopReason?: ItemError;
  readonly counts: Readonly<Record<ItemStatus, number>>;
  /** In plan order. */
  readonly results: readonly ItemResult<State>[];
  /**
   * The journal's last records (not-started items, `end`) could not be written. The run itself is
   * as reported; the journal will read as unfinished, and resuming it finds nothing left to write.
   */
  readonly journalIncomplete?: true;
}

// Errors that the next item would hit too: credentials, permissions, region, a quota, an endpoint
// that answers HTML. Conflict, NotFound, InvalidInput and Throttling are about one item (or a moment).
const FATAL_CODES: ReadonlySet<AwsErrorCode> = new Set(['AccessDenied', 'ExpiredToken', 'InvalidCredentials', 'NoCredentials', 'ClockSkew', 'Unavailable', 'QuotaExceeded', 'BadResponse']);

export function isThrottlingError(error: unknown): boolean {
  return error instanceof AwsError && error.code === 'Throttling';
}

export function isFatalError(error: unknown): boolean {
  return (error instanceof AwsError && FATAL_CODES.has(error.code)) || error instanceof OperationStop;
}

/** Thrown by a preflight (or a target) to stop with a message written for the user. */
export class OperationStop extends Error {
  override readonly name = 'OperationStop';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function describeItemError(error: unknown): ItemError {
  if (error instanceof AwsError || error instanceof OperationStop) return { code: error.code, message: error.message };
  // Not from a gateway: keep the class name only; a raw message could carry anything.
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'Unknown', message: `Unexpected ${name}; see the ArchLens log.` };
}

/** The journal could not be written: writing on without a backup is not allowed. */
class JournalFailure extends Error {
  override readonly name = 'JournalFailure';
}

const JOURNAL_UNAVAILABLE: ItemError = { code: 'JournalUnavailable', message: 'The operation journal could not be written (disk full or folder removed?), so the run stopped before writing more.' };

/**
 * Runs `options.plan`. Never throws for an item; throws a `PlanError` for an invalid plan and the
 * store's error when the journal cannot be created (both before anything is read or written).
 */
export async function runOperation<State, Intent>(options: RunOptions<State, Intent>): Promise<RunReport<State>> {
  const plan = createPlan(options.plan);
  const { target } = options;
  const mode = options.mode ?? 'apply';
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const isThrottling = options.isThrottling ?? isThrottlingError;
  const isFatal = options.isFatal ?? isFatalError;
  const describe = options.describeError ?? describeItemError;
  const stamp = (): string => new Date(now()).toISOString();
  const signal = options.signal ?? new AbortController().signal;

  const writer = options.journal ? await startJournal(options.journal, plan, options, mode, stamp()) : undefined;
  const limit = new AdaptiveLimit(options.concurrency);
  const gate = new FirstWriteGate();
  const results: (ItemResult<State> | undefined)[] = plan.items.map(() => undefined);
  const meter = createProgressMeter(plan.items.length, now);
  let stopReason: ItemError | undefined;
  let inFlight = 0;

  const stopping = (): boolean => signal.aborted || stopReason !== undefined;
  const stop = (reason: ItemError): void => {
    stopReason ??= reason;
    gate.release();
  };
  const journal = async (record: Parameters<JournalWriter['append']>[0][number]): Promise<void> => {
    if (!writer) return;
    try {
      await writer.append([record]);
    } catch (error) {
      throw new JournalFailure('journal append failed', { cause: error });
    }
  };
  const report = (): void => options.onProgress?.(meter.snapshot(inFlight, limit.limit));

  async function processItem(item: PlanItem<State, Intent>): Promise<ItemResult<State>> {
    let attempts = 0;
    for (;;) {
      if (stopping()) return { key: item.key, status: 'cancelled', attempts };
      attempts += 1;
      const generation = limit.generation;
      let probe = false;
      try {
        const current = await target.read(item, signal);
        limit.succeeded();
        const intended = target.desired(item.before, item.intent);
        // Already as intended (by an earlier, interrupted run of ours or by someone else): a no-op.
        if (target.same(current, intended)) return { key: item.key, status: 'unchanged', attempts, current };
        if (!target.same(current, item.before)) return { key: item.key, status: 'conflict', attempts, current };
        if (mode === 'dry-run') return { key: item.key, status: 'would-write', attempts, current, desired: intended };
        if ((await gate.enter()) === 'waited') {
          // Another item probed the permissions meanwhile; our read may be stale.
          attempts -= 1;
          continue;
        }
        probe = true;
        if (stopping()) {
          gate.leave(false);
          return { key: item.key, status: 'cancelled', attempts, current };
        }
        await journal({ t: 'begin', key: item.key, current, desired: intended, at: stamp() });
        // The fsync above takes time; a cancel that came meanwhile still prevents the write.
        if (stopping()) {
          gate.leave(false);
          return { key: item.key, status: 'cancelled', attempts, current };
        }
        await target.write(item, intended);
        gate.leave(true);
        limit.succeeded();
        return { key: item.key, status: 'ok', attempts, current, desired: intended };
      } catch (error) {
        if (probe) gate.leave(false);
        if (error instanceof JournalFailure) {
          stop(JOURNAL_UNAVAILABLE);
          return { key: item.key, status: 'failed', attempts, error: JOURNAL_UNAVAILABLE };
        }
        if (signal.aborted && (error instanceof AwsError ? error.code === 'Cancelled' : isAbort(error))) {
          return { key: item.key, status: 'cancelled', attempts };
        }
        if (isThrottling(error) && attempts < (options.retry?.maxAttempts ?? 6)) {
          limit.throttled(generation);
          report();
          if (!(await sleep(backoffDelay(attempts, options.retry ?? {}, random), signal))) return { key: item.key, status: 'cancelled', attempts };
          continue;
        }
        const described = describe(error);
        if (isFatal(error)) stop(described);
        return { key: item.key, status: 'failed', attempts, error: described };
      }
    }
  }

  async function finish(index: number, result: ItemResult<State>): Promise<void> {
    results[index] = result;
    meter.record(result.status);
    try {
      await journal({ t: 'result', key: result.key, status: result.status, attempts: result.attempts, at: stamp(), ...optional(result) });
    } catch {
      stop(JOURNAL_UNAVAILABLE);
    }
  }

  if (options.preflight && !stopping()) {
    try {
      await options.preflight(signal);
    } catch (error) {
      if (!signal.aborted) stop(describe(error));
    }
  }

  // The scheduler: start items while the limit allows; each finished item starts the next.
  let next = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (!stopping() && next < plan.items.length && inFlight < limit.limit) {
        const index = next++;
        inFlight += 1;
        void processItem(plan.items[index]!)
          .then((result) => finish(index, result))
          .finally(() => {
            inFlight -= 1;
            report();
            pump();
          });
      }
      if (inFlight === 0 && (stopping() || next >= plan.items.length)) resolve();
    };
    pump();
  });

  // Items never started: cancelled (resume picks them up).
  const notStarted: ItemResult<State>[] = [];
  results.forEach((result, index) => {
    if (result === undefined) {
      const cancelled: ItemResult<State> = { key: plan.items[index]!.key, status: 'cancelled', attempts: 0 };
      results[index] = cancelled;
      meter.record('cancelled');
      notStarted.push(cancelled);
    }
  });
  const finalResults = results as ItemResult<State>[];
  const counts = emptyCounts();
  for (const result of finalResults) counts[result.status] += 1;
  const outcome: RunOutcome = stopReason ? 'stopped' : signal.aborted ? 'cancelled' : 'completed';
  let journalIncomplete = false;
  if (writer) {
    try {
      const at = stamp();
      await writer.append([
        ...notStarted.map((result) => ({ t: 'result' as const, key: result.key, status: result.status, attempts: 0, at })),
        { t: 'end', outcome, at, counts, ...(stopReason ? { stopReason } : {}) },
      ]);
    } catch {
      journalIncomplete = true;
    }
    await writer.close().catch(() => undefined);
  }
  report();
  return {
    ...(writer ? { runId: writer.runId } : {}),
    outcome,
    ...(stopReason ? { stopReason } : {}),
    counts,
    results: finalResults,
    ...(journalIncomplete ? { journalIncomplete: true as const } : {}),
  };
}

async function startJournal<State, Intent>(store: JournalStore, plan: OperationPlan<State, Intent>, options: RunOptions<State, Intent>, mode: RunMode, startedAt: string): Promise<JournalWriter> {
  const writer = await store.create({ operation: plan.operation, mode, target: plan.target, startedAt, itemCount: plan.items.length, ...(options.parent ? { parent: options.parent } : {}) });
  // The whole plan, before any item is touched: the journal alone can resume or restore the run.
  await writer.append(plan.items.map((item) => ({ t: 'item' as const, key: item.key, before: item.before, intent: item.intent })));
  return writer;
}

function optional<State>(result: ItemResult<State>): { current?: State; desired?: State; error?: ItemError } {
  return {
    ...(result.current !== undefined ? { current: result.current } : {}),
    ...(result.desired !== undefined ? { desired: result.desired } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
