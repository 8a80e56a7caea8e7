// A local AWS-protocol server for tests, bound to 127.0.0.1 on a random port. It speaks the wire
// protocols the real SDK v3 clients use, so gateways are tested through the real clients:
//  - CloudWatch Logs, awsJson1_1: POST / with `X-Amz-Target: Logs_20140328.<Operation>` and a JSON
//    body; errors are status 400 with `{"__type": "<namespace>#<Code>", "message": ...}`. The SDK
//    (@smithy/core loadJsonRpcErrorCode) reads `__type`, then `code`, then the x-amzn-errortype
//    header, and keeps the part after `#`.
//  - STS, awsQuery: form-encoded POST `Action=GetCallerIdentity&Version=2011-06-15`, XML replies
//    and `<ErrorResponse><Error><Code>` errors.
//  - StartLiveTail answers with an AWS event stream (see logsEventStream.ts): a sessionStart frame
//    at once, then a sessionUpdate every `tail.intervalMs` (AWS: about once per second), and a
//    SessionTimeoutException frame after `tail.sessionLimitMs` (AWS: 3 hours).
//  - Logs Insights (StartQuery / GetQueryResults / StopQuery) over the subset documented in
//    logsInsightsQuery.ts; a query is Scheduled/Running for `queryPollsToComplete - 1` polls.
// Quirks reproduced on purpose: GetLogEvents returns the request's token again when there is
// nothing new; FilterLogEvents scans a bounded slice per call, so a page can be empty and still
// carry a nextToken.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { esc } from './awsQueryWire';
import { createLogsFixture, type FixtureEvent, type FixtureGroup } from './logsFixtures';
import { InsightsEngine, LiveTailHub, ServiceError, compilePattern, optInt, optString, type ServerQuery, type TailSettings } from './logsServerOps';

export type { ServerQuery, TailSettings } from './logsServerOps';

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

/** Hold the next request for an operation until released; lets tests cancel mid-request deterministically. */
export interface HeldRequest {
  /** Resolves when the held request has arrived at the server. */
  readonly arrived: Promise<void>;
  /** Lets the held request proceed (its reply is dropped if the client has gone). */
  release(): void;
}

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export interface JsonProtocolServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
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

const LOGS_PREFIX = 'Logs_20140328.';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Starts a server with a fresh copy of the seeded fixture. */
export async function startJsonProtocolServer(options: JsonProtocolServerOptions = {}): Promise<JsonProtocolServer> {
  const groups = options.groups ?? createLogsFixture();
  const tail: TailSettings = { intervalMs: 1000, eventsPerUpdate: 2, sessionLimitMs: 3 * 3600_000, ...options.tail };
  const requests: RecordedRequest[] = [];
  const faults: ServerFaults = { throttleNext: 0, accessDeniedGroups: new Set(), expiredToken: false, describeDeniedPrefixes: new Set() };
  const holds: { operation: string; remaining: number; arrive: () => void; gate: Promise<void> }[] = [];
  let requestCounter = 0;

  const state = {
    identity: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/archlens-test', userId: 'AIDAEXAMPLEUSERID0001' } as CallerIdentity,
    filterScanBudget: 100,
    queryPollsToComplete: options.queryPollsToComplete ?? 2,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined);
    const raw = await readBody(req);
    const requestId = `00000000-0000-4000-8000-${String(++requestCounter).padStart(12, '0')}`;
    const target = header(req, 'x-amz-target');
    if (target !== undefined) {
      await handleLogs(target, raw, requestId, res);
    } else {
      await handleSts(raw, requestId, res);
    }
  }

  async function awaitHold(operation: string): Promise<void> {
    for (let i = 0; i < holds.length; i++) {
      const h = holds[i]!;
      if (h.operation !== operation) continue;
      h.remaining -= 1;
      if (h.remaining === 0) {
        holds.splice(i, 1);
        h.arrive();
        await h.gate;
      }
      return;
    }
  }

  async function handleLogs(target: string, raw: string, requestId: string, res: ServerResponse): Promise<void> {
    const operation = target.startsWith(LOGS_PREFIX) ? target.slice(LOGS_PREFIX.length) : target;
    let body: Record<string, unknown> = {};
    try {
      body = raw.length > 0 ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      requests.push({ service: 'logs', operation, body });
      return sendJsonError(res, requestId, new ServiceError('SerializationException', 'Request body is not valid JSON'));
    }
    requests.push({ service: 'logs', operation, body });
    await awaitHold(operation);
    if (res.destroyed) return;
    try {
      if (!target.startsWith(LOGS_PREFIX)) throw new ServiceError('UnknownOperationException', `Unknown target ${target}`);
      if (faults.expiredToken) throw new ServiceError('ExpiredTokenException', 'The security token included in the request is expired');
      if (faults.throttleNext > 0) {
        faults.throttleNext -= 1;
        throw new ServiceError('ThrottlingException', 'Rate exceeded');
      }
      if (operation === 'StartLiveTail') return liveTails.start(body, requestId, res);
      const result = logsOperation(operation, body);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId });
      res.end(JSON.stringify(result));
    } catch (error) {
      if (error instanceof ServiceError) sendJsonError(res, requestId, error);
      else sendJsonError(res, requestId, new ServiceError('ServiceUnavailableException', String(error), 500));
    }
  }

  async function handleSts(raw: string, requestId: string, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(raw);
    const operation = form.get('Action') ?? '';
    requests.push({ service: 'sts', operation, body: Object.fromEntries(form) });
    await awaitHold(operation);
    if (res.destroyed) return;
    let error: ServiceError | undefined;
    if (form.get('Version') !== '2011-06-15') error = new ServiceError('InvalidAction', 'Could not find operation for this version');
    else if (operation !== 'GetCallerIdentity') error = new ServiceError('InvalidAction', `Could not find operation ${operation}`);
    else if (faults.expiredToken) error = new ServiceError('ExpiredToken', 'The security token included in the request is expired', 403);
    if (error !== undefined) {
      res.writeHead(error.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      res.end(
        `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${esc(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
      return;
    }
    const id = state.identity;
    res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    res.end(
      `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><Arn>${esc(id.arn)}</Arn><UserId>${esc(id.userId)}</UserId><Account>${esc(id.account)}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  }

  function findGroup(body: Record<string, unknown>): FixtureGroup {
    const name = optString(body, 'logGroupName') ?? groupNameFromIdentifier(optString(body, 'logGroupIdentifier'));
    if (name === undefined) throw new ServiceError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier must be specified');
    const group = groups.find((g) => g.name === name);
    if (group === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
    if (faults.accessDeniedGroups.has(group.name)) {
      throw new ServiceError('AccessDeniedException', `User: ${state.identity.arn} is not authorized to perform this action on resource ${group.name}`);
    }
    return group;
  }

  const ops = { groups, tail, faults, findGroup, account: () => state.identity.account, pollsToComplete: () => state.queryPollsToComplete };
  const liveTails = new LiveTailHub(ops);
  const insights = new InsightsEngine(ops);

  function logsOperation(operation: string, body: Record<string, unknown>): unknown {
    switch (operation) {
      case 'StartQuery':
        return insights.startQuery(body);
      case 'GetQueryResults':
        return insights.getQueryResults(body);
      case 'StopQuery':
        return insights.stopQuery(body);
      case 'DescribeLogGroups': {
        const prefix = optString(body, 'logGroupNamePrefix');
        if (prefix !== undefined && faults.describeDeniedPrefixes.has(prefix)) throw new ServiceError('AccessDeniedException', `User: ${state.identity.arn} is not authorized to perform: logs:DescribeLogGroups`);
        const limit = optInt(body, 'limit', 1, 50) ?? 50;
        const matching = groups.filter((g) => prefix === undefined || g.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const start = decodeToken(optString(body, 'nextToken'), 'g', matching.length);
        const page = matching.slice(start, start + limit);
        const end = start + page.length;
        return {
          logGroups: page.map((g) => ({
            logGroupName: g.name,
            logGroupArn: `arn:aws:logs:us-east-1:${state.identity.account}:log-group:${g.name}`,
            arn: `arn:aws:logs:us-east-1:${state.identity.account}:log-group:${g.name}:*`,
            creationTime: g.creationTime,
            storedBytes: g.streams.reduce((sum, s) => sum + s.events.reduce((n, e) => n + e.message.length, 0), 0),
            ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
          })),
          ...(end < matching.length ? { nextToken: encodeToken('g', end) } : {}),
        };
      }
      case 'DescribeLogStreams': {
        const group = findGroup(body);
        const orderBy = optString(body, 'orderBy') ?? 'LogStreamName';
        if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${orderBy}' at 'orderBy' failed to satisfy constraint`);
        const prefix = optString(body, 'logStreamNamePrefix');
        if (prefix !== undefined && orderBy === 'LastEventTime') throw new ServiceError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
        const descending = body.descending === true;
        const limit = optInt(body, 'limit', 1, 50) ?? 50;
        const lastTime = (events: FixtureEvent[]): number => (events.length > 0 ? events[events.length - 1]!.timestamp : 0);
        const streams = group.streams
          .filter((s) => prefix === undefined || s.name.startsWith(prefix))
          .sort((a, b) => (orderBy === 'LastEventTime' ? lastTime(a.events) - lastTime(b.events) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (descending) streams.reverse();
        const start = decodeToken(optString(body, 'nextToken'), 's', streams.length);
        const page = streams.slice(start, start + limit);
        const end = start + page.length;
        return {
          logStreams: page.map((s) => {
            const first = s.events[0];
            const last = s.events[s.events.length - 1];
            return {
              logStreamName: s.name,
              creationTime: s.creationTime,
              arn: `arn:aws:logs:us-east-1:${state.identity.account}:log-group:${group.name}:log-stream:${s.name}`,
              ...(first !== undefined && last !== undefined ? { firstEventTimestamp: first.timestamp, lastEventTimestamp: last.timestamp, lastIngestionTime: last.ingestionTime } : {}),
            };
          }),
          ...(end < streams.length ? { nextToken: encodeToken('s', end) } : {}),
        };
      }
      case 'GetLogEvents': {
        const group = findGroup(body);
        const streamName = optString(body, 'logStreamName');
        if (streamName === undefined) throw new ServiceError('InvalidParameterException', "1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null");
        const stream = group.streams.find((s) => s.name === streamName);
        if (stream === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
        const limit = optInt(body, 'limit', 1, 10_000) ?? 10_000;
        const startTime = optInt(body, 'startTime', 0, Number.MAX_SAFE_INTEGER);
        const endTime = optInt(body, 'endTime', 0, Number.MAX_SAFE_INTEGER);
        const events = stream.events.filter((e) => (startTime === undefined || e.timestamp >= startTime) && (endTime === undefined || e.timestamp < endTime));
        const token = optString(body, 'nextToken');
        let start: number;
        let end: number;
        if (token !== undefined && token.startsWith('b/')) {
          end = decodeToken(token.slice(2), 'e', events.length);
          start = Math.max(0, end - limit);
        } else if (token !== undefined) {
          if (!token.startsWith('f/')) throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
          start = decodeToken(token.slice(2), 'e', events.length);
          end = Math.min(events.length, start + limit);
        } else if (body.startFromHead === true) {
          start = 0;
          end = Math.min(events.length, limit);
        } else {
          end = events.length;
          start = Math.max(0, end - limit);
        }
        return {
          events: events.slice(start, end).map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
          // At the end of the stream the forward token stays where it is: the same token comes back.
          nextForwardToken: `f/${encodeToken('e', end)}`,
          nextBackwardToken: `b/${encodeToken('e', start)}`,
        };
      }
      case 'FilterLogEvents': {
        const group = findGroup(body);
        if (body.logStreamNames !== undefined && body.logStreamNamePrefix !== undefined) throw new ServiceError('InvalidParameterException', 'Cannot specify both logStreamNames and logStreamNamePrefix.');
        const names = Array.isArray(body.logStreamNames) ? new Set(body.logStreamNames as unknown[]) : undefined;
        const streamPrefix = optString(body, 'logStreamNamePrefix');
        const startTime = optInt(body, 'startTime', 0, Number.MAX_SAFE_INTEGER);
        const endTime = optInt(body, 'endTime', 0, Number.MAX_SAFE_INTEGER);
        const limit = optInt(body, 'limit', 1, 10_000) ?? 10_000;
        const matches = compilePattern(optString(body, 'filterPattern') ?? '');
        const candidates = group.streams
          .filter((s) => (names === undefined || names.has(s.name)) && (streamPrefix === undefined || s.name.startsWith(streamPrefix)))
          .flatMap((s) => s.events.map((e, i) => ({ stream: s.name, index: i, event: e })))
          .filter(({ event }) => (startTime === undefined || event.timestamp >= startTime) && (endTime === undefined || event.timestamp <= endTime))
          .sort((a, b) => a.event.timestamp - b.event.timestamp || (a.stream < b.stream ? -1 : 1));
        let position = decodeToken(optString(body, 'nextToken'), 'f', candidates.length);
        const scanEnd = Math.min(candidates.length, position + state.filterScanBudget);
        const found: unknown[] = [];
        while (position < scanEnd && found.length < limit) {
          const c = candidates[position]!;
          position += 1;
          if (matches(c.event.message)) {
            found.push({ logStreamName: c.stream, timestamp: c.event.timestamp, message: c.event.message, ingestionTime: c.event.ingestionTime, eventId: `${c.stream}/${c.index}` });
          }
        }
        return { events: found, ...(position < candidates.length ? { nextToken: encodeToken('f', position) } : {}) };
      }
      default:
        throw new ServiceError('UnknownOperationException', `Operation ${operation} is not supported by the test server`);
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    faults,
    groups,
    get identity() {
      return state.identity;
    },
    set identity(value: CallerIdentity) {
      state.identity = value;
    },
    tail,
    queries: insights.queries,
    get queryPollsToComplete() {
      return state.queryPollsToComplete;
    },
    set queryPollsToComplete(value: number) {
      state.queryPollsToComplete = value;
    },
    get openTailSessions() {
      return liveTails.sessions.size;
    },
    pushTailEvent(group: string, message: string, stream = 'live-stream'): void {
      liveTails.push(group, message, stream);
    },
    get filterScanBudget() {
      return state.filterScanBudget;
    },
    set filterScanBudget(value: number) {
      state.filterScanBudget = value;
    },
    hold(operation: string, nth = 1): HeldRequest {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      holds.push({ operation, remaining: nth, arrive, gate });
      return { arrived, release };
    },
    count(operation: string): number {
      return requests.filter((r) => r.operation === operation).length;
    },
    close(): Promise<void> {
      for (const h of holds.splice(0)) h.arrive();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function sendJsonError(res: ServerResponse, requestId: string, error: ServiceError): void {
  if (res.destroyed) return;
  res.writeHead(error.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId });
  res.end(JSON.stringify({ __type: `com.amazonaws.logs#${error.code}`, message: error.message }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function groupNameFromIdentifier(identifier: string | undefined): string | undefined {
  if (identifier === undefined) return undefined;
  const match = /^arn:aws[^:]*:logs:[^:]*:\d{12}:log-group:(.+?)(:\*)?$/.exec(identifier);
  return match ? match[1] : identifier;
}

// Tokens are opaque to clients; the kind letter makes a token from one operation invalid in another.
function encodeToken(kind: string, offset: number): string {
  return Buffer.from(`${kind}:${offset}`, 'utf8').toString('base64url');
}

function decodeToken(token: string | undefined, kind: string, max: number): number {
  if (token === undefined) return 0;
  const match = /^([a-z]):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  const offset = match && match[1] === kind ? Number(match[2]) : NaN;
  if (!Number.isInteger(offset) || offset > max) throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
  return offset;
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
export function testClientConfig(server: JsonProtocolServer, maxAttempts = 4) {
  return { region: 'us-east-1', endpoint: server.endpoint, credentials: FAKE_CREDENTIALS, maxAttempts, retryStrategy: new FastRetryStrategy(maxAttempts) };
}
