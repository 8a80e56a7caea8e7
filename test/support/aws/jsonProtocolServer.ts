// CloudWatch Logs and STS on the local AWS-protocol server (core/localAwsServer.ts with
// services/logs.ts and services/sts.ts), in the shape the logs and identity tests know: a request
// list of `{ service, operation, body }`, switchable faults, held requests. New tests can use
// `server.core` (the request log, fault rules of every kind) directly. The client settings every
// SDK client under test uses (fake credentials, fast deterministic retries) are at the end.
import { LocalAwsServer, type HeldRequest } from './core/localAwsServer';
import type { ActiveFault } from './core/faults';
import type { FixtureGroup } from './logsFixtures';
import type { ServerQuery, TailSettings } from './logsServerOps';
import { logsService, LogsState } from './services/logs';
import { stsService, StsState, type CallerIdentity } from './services/sts';

export type { ServerQuery, TailSettings } from './logsServerOps';
export type { HeldRequest } from './core/localAwsServer';
export type { CallerIdentity } from './services/sts';

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly service: 'logs' | 'sts';
  readonly operation: string;
  readonly body: Record<string, unknown>;
}

/** Mutable fault injection; change it between or during tests. */
export interface ServerFaults {
  /** The next N Logs requests fail with ThrottlingException (counts down). */
  throttleNext: number;
  /** Log groups whose streams and events are denied with AccessDeniedException. */
  accessDeniedGroups: Set<string>;
  /** Every request fails as if the session token had expired. */
  expiredToken: boolean;
  /** DescribeLogGroups with exactly this logGroupNamePrefix is denied (IAM conditions on a name). */
  describeDeniedPrefixes: Set<string>;
  /** Live tail sessions fail with a SessionStreamingException frame after this many updates. */
  tailStreamingErrorAfter?: number;
}

export interface JsonProtocolServerOptions {
  /** Log groups to serve instead of the seeded fixture (e.g. demo data matching a stack). */
  readonly groups?: FixtureGroup[];
  readonly tail?: Partial<TailSettings>;
  /** GetQueryResults calls until a query is Complete (earlier ones say Scheduled/Running); default 2. */
  readonly queryPollsToComplete?: number;
}

export interface JsonProtocolServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** The server underneath: its request log and fault model. */
  readonly core: LocalAwsServer;
  readonly requests: RecordedRequest[];
  readonly faults: ServerFaults;
  /** The stored data; tests may append events (a "live" stream). */
  readonly groups: FixtureGroup[];
  identity: CallerIdentity;
  /** Scanned events per FilterLogEvents call (AWS scans a bounded amount per call). */
  filterScanBudget: number;
  readonly tail: TailSettings;
  /** Polls until a query completes; `Infinity` keeps queries running (cancel tests). */
  queryPollsToComplete: number;
  readonly queries: Map<string, ServerQuery>;
  /** Live tail sessions whose connection is still open. */
  readonly openTailSessions: number;
  /** Delivers `message` to open live tails of `group` with the next update. */
  pushTailEvent(group: string, message: string, stream?: string): void;
  /** Hold the `nth` (1-based, counted from now) request of `operation`. */
  hold(operation: string, nth?: number): HeldRequest;
  /** Requests of one operation. */
  count(operation: string): number;
  close(): Promise<void>;
}

/** Starts a server with a fresh copy of the seeded fixture. */
export async function startJsonProtocolServer(options: JsonProtocolServerOptions = {}): Promise<JsonProtocolServer> {
  const sts = new StsState();
  const tail: TailSettings = { intervalMs: 1000, eventsPerUpdate: 2, sessionLimitMs: 3 * 3600_000, ...options.tail };
  const logs = new LogsState(options.groups, tail, options.queryPollsToComplete ?? 2, () => sts.identity.account, () => sts.identity.arn);
  const core = await LocalAwsServer.start({ services: [logsService(logs), stsService(sts)] });
  const requests: RecordedRequest[] = [];
  core.log.onEntry((entry) => requests.push({ service: entry.service === 'sts' ? 'sts' : 'logs', operation: entry.operation, body: entry.input as Record<string, unknown> }));

  // The switches are fault rules underneath: an expired token fails every service first; throttling counts down on Logs.
  let throttle: ActiveFault | undefined;
  let expired: ActiveFault | undefined;
  const faults: ServerFaults = {
    get throttleNext() {
      return throttle?.remaining ?? 0;
    },
    set throttleNext(count: number) {
      throttle?.remove();
      throttle = count > 0 ? core.faults.inject({ service: 'logs', kind: 'throttle', times: count }) : undefined;
    },
    get expiredToken() {
      return expired !== undefined;
    },
    set expiredToken(on: boolean) {
      expired?.remove();
      expired = on ? core.faults.inject({ kind: 'expiredToken' }, { first: true }) : undefined;
    },
    accessDeniedGroups: logs.conditions.accessDeniedGroups,
    describeDeniedPrefixes: logs.conditions.describeDeniedPrefixes,
    get tailStreamingErrorAfter() {
      return logs.conditions.tailStreamingErrorAfter;
    },
    set tailStreamingErrorAfter(updates: number | undefined) {
      logs.conditions.tailStreamingErrorAfter = updates;
    },
  };

  return {
    endpoint: core.endpoint,
    core,
    requests,
    faults,
    groups: logs.groups,
    get identity() {
      return sts.identity;
    },
    set identity(value: CallerIdentity) {
      sts.identity = value;
    },
    tail,
    queries: logs.insights.queries,
    get queryPollsToComplete() {
      return logs.queryPollsToComplete;
    },
    set queryPollsToComplete(value: number) {
      logs.queryPollsToComplete = value;
    },
    get openTailSessions() {
      return logs.liveTails.sessions.size;
    },
    pushTailEvent(group: string, message: string, stream = 'live-stream'): void {
      logs.liveTails.push(group, message, stream);
    },
    get filterScanBudget() {
      return logs.filterScanBudget;
    },
    set filterScanBudget(value: number) {
      logs.filterScanBudget = value;
    },
    hold: (operation, nth) => core.hold(operation, nth),
    count: (operation) => requests.filter((r) => r.operation === operation).length,
    close: () => core.close(),
  };
}

/** Fake static credentials: never real, never looked up. */
export const FAKE_CREDENTIALS = { accessKeyId: 'AKIAFAKEFAKEFAKEFAKE', secretAccessKey: 'fake-secret-for-tests-only' };

interface TestRetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}

/**
 * A `RetryStrategyV2` that retries what the SDK classifies as retryable (never CLIENT_ERROR)
 * after 1 ms, up to `maxAttempts` attempts in total: fast and free of randomness.
 */
export class FastRetryStrategy {
  readonly mode = 'standard';
  constructor(private readonly maxAttempts: number) {}
  acquireInitialRetryToken(_scope: string): Promise<TestRetryToken> {
    return Promise.resolve({ getRetryCount: () => 0, getRetryDelay: () => 0 });
  }
  async refreshRetryTokenForRetry(token: TestRetryToken, errorInfo: { errorType: string }): Promise<TestRetryToken> {
    const count = token.getRetryCount() + 1;
    if (errorInfo.errorType === 'CLIENT_ERROR' || count >= this.maxAttempts) throw new Error('No retry token available');
    await new Promise((resolve) => setTimeout(resolve, 1));
    return { getRetryCount: () => count, getRetryDelay: () => 1 };
  }
  recordSuccess(_token: TestRetryToken): void {}
}

/** Client configuration pointing a real SDK v3 client at `server` (us-east-1, fake credentials). */
export function testClientConfig(server: { readonly endpoint: string }, maxAttempts = 4) {
  return { region: 'us-east-1', endpoint: server.endpoint, credentials: FAKE_CREDENTIALS, maxAttempts, retryStrategy: new FastRetryStrategy(maxAttempts) };
}
