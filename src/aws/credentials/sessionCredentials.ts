// One credentials cache per connection, shared by every client (STS, CloudFormation, Logs). The
// SDK would otherwise memoize per client, so a credential_process or an MFA prompt would run once
// per service. Each resolution is time-boxed and cancellable, reports when it is slow (the UI
// shows a progress notification with Cancel after 1 s), and temporary credentials are resolved
// again shortly before they expire (a credential_process that expires mid-session is re-run).
//
// Limit: the SDK's `fromProcess` runs the command with `child_process.exec` and keeps no handle,
// so a hung credential_process cannot be killed from here. On time-out or cancel we stop waiting
// (the connection fails or is cancelled at once) and ignore its eventual result; the process
// itself ends when it ends. Its output never reaches an error message (see credentialErrors.ts).
import type { fromIni } from '@aws-sdk/credential-providers';
import { abortError, CredentialTimeoutError } from './credentialErrors';

/** The provider type every `@aws-sdk/credential-providers` factory returns. */
export type CredentialProvider = ReturnType<typeof fromIni>;
/** Resolved credentials (`AwsCredentialIdentity`). */
export type Credentials = Awaited<ReturnType<CredentialProvider>>;

/** A resolution in progress that has taken longer than `slowAfterMs`. */
export interface SlowResolution {
  /** Stops waiting; the resolution rejects as cancelled. */
  cancel(): void;
  /** Settles when the resolution ends, whichever way. */
  readonly done: Promise<void>;
}

export interface SessionCredentialsOptions {
  /** Give up after this long (credentialProcessTimeoutSeconds). */
  readonly timeoutMs: number;
  /** When to call `onSlow`; default 1000 ms. */
  readonly slowAfterMs?: number;
  readonly onSlow?: (run: SlowResolution) => void;
  /** Resolve again when the credentials expire within this window; default 5 min (as the SDK). */
  readonly refreshWindowMs?: number;
  /** Maps a failure to the error callers see (e.g. `describeFailure(...).error`). */
  readonly mapError?: (error: unknown) => unknown;
  readonly now?: () => number;
}

/** A memoizing, time-boxed, cancellable wrapper around one credential provider. */
export class SessionCredentials {
  private cached: Credentials | undefined;
  private pending: Promise<Credentials> | undefined;
  private runs = 0;

  /** Pass this as a client's `credentials`; marked memoized so the SDK does not cache it again per client. */
  readonly provider: CredentialProvider;

  constructor(
    private readonly inner: CredentialProvider,
    private readonly options: SessionCredentialsOptions,
  ) {
    const provider = ((_ctx?: unknown) => this.resolve()) as CredentialProvider & { memoized?: boolean };
    provider.memoized = true;
    this.provider = provider;
  }

  /** How many times the inner provider has been run (for the UI's log and for tests). */
  get resolutions(): number {
    return this.runs;
  }

  /** The cached credentials, or a fresh resolution when there are none or they (nearly) expired. */
  resolve(options: { readonly signal?: AbortSignal; readonly forceRefresh?: boolean } = {}): Promise<Credentials> {
    if (options.signal?.aborted) return Promise.reject(this.map(abortError()) as Error);
    if (!options.forceRefresh && this.cached && !this.isStale(this.cached)) return Promise.resolve(this.cached);
    if (!this.pending) {
      this.pending = this.run(options.signal).finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  /** Forgets the cached credentials (e.g. after files changed or the user reconnects). */
  clear(): void {
    this.cached = undefined;
  }

  private isStale(credentials: Credentials): boolean {
    if (!credentials.expiration) return false;
    const now = this.options.now?.() ?? Date.now();
    return credentials.expiration.getTime() - now <= (this.options.refreshWindowMs ?? 300_000);
  }

  private map(error: unknown): unknown {
    return this.options.mapError ? this.options.mapError(error) : error;
  }

  private async run(signal: AbortSignal | undefined): Promise<Credentials> {
    this.runs++;
    const controller = new AbortController();
    const forward = (): void => controller.abort();
    signal?.addEventListener('abort', forward, { once: true });
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const timers: NodeJS.Timeout[] = [];
    // The provider keeps running after a time-out or cancel (see the header): swallow its late
    // rejection so it is not reported as unhandled.
    const work = Promise.resolve().then(() => this.inner());
    work.catch(() => undefined);
    const stopped = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(abortError()), { once: true });
      timers.push(setTimeout(() => reject(new CredentialTimeoutError(this.options.timeoutMs)), this.options.timeoutMs));
    });
    if (this.options.onSlow) {
      const onSlow = this.options.onSlow;
      timers.push(setTimeout(() => onSlow({ cancel: () => controller.abort(), done }), this.options.slowAfterMs ?? 1_000));
    }
    try {
      const credentials = await Promise.race([work, stopped]);
      this.cached = credentials;
      return credentials;
    } catch (error) {
      throw this.map(error);
    } finally {
      for (const timer of timers) clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
      finish();
    }
  }
}
