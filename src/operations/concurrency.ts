// How many items run at once, adapted to throttling (AIMD, as TCP does for congestion): `initial`
// workers; halve on a throttled answer; add one worker back per `limit` successes, up to `max`.
// AWS's 2022 origin-control toolkit used a fixed 4 workers x 10 retries, which keeps hammering an
// account that is already throttled. And one probe write before any other (FirstWriteGate), so a
// read-only role or an expired session costs one doomed call, not one per worker.

export interface ConcurrencyOptions {
  /** Workers at the start. Default 4. */
  readonly initial?: number;
  /** Never fewer. Default 1. */
  readonly min?: number;
  /** Never more. Default `initial`. */
  readonly max?: number;
}

export class AdaptiveLimit {
  private readonly min: number;
  private readonly max: number;
  private readonly initial: number;
  private current: number;
  /** Successes since the last increase, towards `current` (additive increase of 1 per window). */
  private successesInWindow = 0;
  /** Throttles of writes started before the last decrease do not decrease again (one cut per window). */
  private epoch = 0;

  constructor(options: ConcurrencyOptions = {}) {
    this.initial = Math.max(1, Math.floor(options.initial ?? 4));
    this.min = Math.max(1, Math.min(this.initial, Math.floor(options.min ?? 1)));
    this.max = Math.max(this.initial, Math.floor(options.max ?? this.initial));
    this.current = this.initial;
  }

  /** The number of writes allowed in flight now. */
  get limit(): number {
    return this.current;
  }

  /** Tag for a write about to start; pass it back to {@link throttled}. */
  get generation(): number {
    return this.epoch;
  }

  succeeded(): void {
    if (this.current >= this.max) return;
    this.successesInWindow += 1;
    if (this.successesInWindow >= this.current) {
      this.successesInWindow = 0;
      this.current += 1;
    }
  }

  /** A write started at `generation` was throttled. */
  throttled(generation: number): void {
    if (generation !== this.epoch) return;
    this.epoch += 1;
    this.successesInWindow = 0;
    this.current = Math.max(this.min, Math.floor(this.current / 2));
  }
}

/**
 * Lets one write through until a write succeeds; then everyone. A caller that had to wait is not
 * let through: it re-reads its item (the state may have changed meanwhile) and enters again, and
 * the first to find the gate free becomes the next probe. (Handing the probe to a woken waiter
 * that then steps aside to re-read made every caller step aside forever.)
 */
export class FirstWriteGate {
  private opened = false;
  private probeInFlight = false;
  private waiters: (() => void)[] = [];

  /** `write`: go ahead, then call {@link leave}. `waited`: re-read and enter again. */
  async enter(): Promise<'write' | 'waited'> {
    if (this.opened) return 'write';
    if (!this.probeInFlight) {
      this.probeInFlight = true;
      return 'write';
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
    return 'waited';
  }

  leave(wrote: boolean): void {
    if (this.opened || !this.probeInFlight) return;
    this.probeInFlight = false;
    if (wrote) this.opened = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Wakes every waiter (the run stops); they find the run stopping and give up. */
  release(): void {
    this.opened = true;
    for (const wake of this.waiters.splice(0)) wake();
  }
}

export interface RetryOptions {
  /** Attempts per item for throttled calls, the first included. Default 6. */
  readonly maxAttempts?: number;
  /** Default 200 ms. */
  readonly baseDelayMs?: number;
  /** Default 10 s. */
  readonly maxDelayMs?: number;
}

/** "Full jitter" backoff: a random delay up to base x 2^(attempt-1), capped; spreads retries apart. */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
  const base = options.baseDelayMs ?? 200;
  const cap = options.maxDelayMs ?? 10_000;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or at once (false) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
