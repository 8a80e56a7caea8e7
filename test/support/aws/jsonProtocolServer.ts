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
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eventFrame, exceptionFrame } from './logsEventStream';
import { createLogsFixture, type FixtureEvent, type FixtureGroup } from './logsFixtures';
import { MalformedQueryError, compileQuery, type QueryRecord, type ResultRow } from './logsInsightsQuery';

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

/** Live tail pacing; tests make it fast, the demo keeps AWS's. */
export interface TailSettings {
  /** Between sessionUpdate frames; AWS: about 1,000 ms. */
  intervalMs: number;
  /** Synthetic events per update per group (in addition to `pushTailEvent`s). */
  eventsPerUpdate: number;
  /** After this the session ends with SessionTimeoutException; AWS: 3 hours. */
  sessionLimitMs: number;
}

export interface JsonProtocolServerOptions {
  /** Log groups to serve instead of the seeded fixture (e.g. demo data matching a stack). */
  readonly groups?: FixtureGroup[];
  readonly tail?: Partial<TailSettings>;
  /** GetQueryResults calls until a query is Complete (earlier ones say Scheduled/Running); default 2. */
  readonly queryPollsToComplete?: number;
}

/** One Logs Insights query as the server keeps it. */
export interface ServerQuery {
  readonly id: string;
  readonly groups: readonly string[];
  readonly queryString: string;
  status: 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout';
  polls: number;
  readonly rows: ResultRow[];
  readonly scanned: number;
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

class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const LOGS_PREFIX = 'Logs_20140328.';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Starts a server with a fresh copy of the seeded fixture. */
export async function startJsonProtocolServer(options: JsonProtocolServerOptions = {}): Promise<JsonProtocolServer> {
  const groups = options.groups ?? createLogsFixture();
  const tail: TailSettings = { intervalMs: 1000, eventsPerUpdate: 2, sessionLimitMs: 3 * 3600_000, ...options.tail };
  const queries = new Map<string, ServerQuery>();
  const tailSessions = new Set<{ groups: Set<string>; pending: { group: string; stream: string; message: string }[] }>();
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
      if (operation === 'StartLiveTail') return startLiveTail(body, requestId, res);
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
        `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
      return;
    }
    const id = state.identity;
    res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    res.end(
      `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><Arn>${xmlEscape(id.arn)}</Arn><UserId>${xmlEscape(id.userId)}</UserId><Account>${xmlEscape(id.account)}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
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

  function startLiveTail(body: Record<string, unknown>, requestId: string, res: ServerResponse): void {
    const ids = body.logGroupIdentifiers;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 10 || ids.some((id) => typeof id !== 'string')) {
      const n = Array.isArray(ids) ? ids.length : 0;
      throw new ServiceError('InvalidParameterException', `1 validation error detected: Value at 'logGroupIdentifiers' failed to satisfy constraint: Member must have length between 1 and 10 (got ${n})`);
    }
    const names = new Set<string>();
    for (const id of ids as string[]) {
      // AWS wants ARNs here, and rejects the `:*` form DescribeLogGroups' `arn` field has.
      if (!id.startsWith('arn:') || id.endsWith('*')) throw new ServiceError('InvalidParameterException', `Invalid log group identifier ${id}: specify a log group ARN without a trailing *`);
      names.add(findGroup({ logGroupIdentifier: id }).name);
    }
    const filter = compilePattern(optString(body, 'logEventFilterPattern') ?? '');
    const session = { groups: names, pending: [] as { group: string; stream: string; message: string }[] };
    tailSessions.add(session);
    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': requestId });
    res.write(
      eventFrame('sessionStart', {
        requestId,
        sessionId: `session-${requestId.slice(-6)}`,
        logGroupIdentifiers: ids,
        ...(body.logEventFilterPattern !== undefined ? { logEventFilterPattern: body.logEventFilterPattern } : {}),
      }),
    );
    const started = Date.now();
    let updates = 0;
    let counter = 0;
    const stop = (): void => {
      clearInterval(timer);
      tailSessions.delete(session);
    };
    const timer = setInterval(() => {
      if (res.destroyed) return stop();
      if (Date.now() - started >= tail.sessionLimitMs) {
        res.end(exceptionFrame('SessionTimeoutException', 'Session timed out after the maximum session duration.'));
        return stop();
      }
      if (faults.tailStreamingErrorAfter !== undefined && updates >= faults.tailStreamingErrorAfter) {
        res.end(exceptionFrame('SessionStreamingException', 'Internal streaming error; restart the session.'));
        return stop();
      }
      updates += 1;
      const now = Date.now();
      const raw = session.pending.splice(0);
      for (const group of names) for (let i = 0; i < tail.eventsPerUpdate; i++) raw.push({ group, stream: 'live-stream', message: `INFO live event ${++counter} from ${group}` });
      const results = raw
        .filter((e) => filter(e.message))
        .map((e) => ({ logGroupIdentifier: `${state.identity.account}:${e.group}`, logStreamName: e.stream, message: e.message, timestamp: now, ingestionTime: now }));
      // AWS sends at most 500 events per update and marks the update as sampled beyond that.
      res.write(eventFrame('sessionUpdate', { sessionMetadata: { sampled: results.length > 500 }, sessionResults: results.slice(0, 500) }));
    }, tail.intervalMs);
    res.on('close', stop);
  }

  function queryGroups(body: Record<string, unknown>): string[] {
    const single = optString(body, 'logGroupName');
    const list = (key: string): string[] | undefined => (Array.isArray(body[key]) ? (body[key] as unknown[]).map(String) : undefined);
    const given = [single !== undefined ? [single] : undefined, list('logGroupNames'), list('logGroupIdentifiers')].filter((x): x is string[] => x !== undefined);
    if (given.length !== 1) throw new ServiceError('InvalidParameterException', 'Specify exactly one of logGroupName, logGroupNames or logGroupIdentifiers');
    const names = given[0]!;
    if (names.length < 1 || names.length > 50) throw new ServiceError('InvalidParameterException', 'A query takes 1 to 50 log groups');
    return names.map((n) => findGroup({ logGroupIdentifier: n }).name);
  }

  function startQuery(body: Record<string, unknown>): unknown {
    const queryString = optString(body, 'queryString');
    const startTime = optInt(body, 'startTime', 0, Number.MAX_SAFE_INTEGER);
    const endTime = optInt(body, 'endTime', 0, Number.MAX_SAFE_INTEGER);
    if (queryString === undefined || startTime === undefined || endTime === undefined) throw new ServiceError('InvalidParameterException', 'queryString, startTime and endTime are required');
    if (endTime < startTime) throw new ServiceError('InvalidParameterException', 'endTime must be after startTime');
    const names = queryGroups(body);
    let compiled;
    try {
      compiled = compileQuery(queryString);
    } catch (error) {
      if (error instanceof MalformedQueryError) throw new ServiceError('MalformedQueryException', error.message);
      throw error;
    }
    // The API takes epoch seconds, both ends inclusive.
    const records: QueryRecord[] = [];
    for (const group of groups.filter((g) => names.includes(g.name)))
      for (const stream of group.streams)
        stream.events.forEach((event, index) => {
          if (event.timestamp >= startTime * 1000 && event.timestamp <= endTime * 1000 + 999) records.push({ group: group.name, stream: stream.name, index, event });
        });
    const id = `q-${String(queries.size + 1).padStart(4, '0')}-${randomUUID().slice(0, 8)}`;
    const rows = compiled.run(records, state.identity.account, optInt(body, 'limit', 1, 10_000));
    queries.set(id, { id, groups: names, queryString, status: 'Scheduled', polls: 0, rows, scanned: records.length });
    return { queryId: id };
  }

  function getQueryResults(body: Record<string, unknown>): unknown {
    const query = queries.get(optString(body, 'queryId') ?? '');
    if (query === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified query does not exist.');
    if (query.status === 'Scheduled' || query.status === 'Running') {
      query.polls += 1;
      query.status = query.polls >= state.queryPollsToComplete ? 'Complete' : query.polls === 1 && state.queryPollsToComplete > 2 ? 'Scheduled' : 'Running';
    }
    const done = query.status === 'Complete';
    // While running, half the rows are visible (Insights returns partial results).
    const rows = done ? query.rows : query.status === 'Running' ? query.rows.slice(0, Math.floor(query.rows.length / 2)) : [];
    return {
      status: query.status,
      results: rows,
      statistics: { recordsMatched: query.rows.length, recordsScanned: done ? query.scanned : Math.floor(query.scanned / 2), bytesScanned: done ? query.scanned * 100 : query.scanned * 50 },
    };
  }

  function stopQuery(body: Record<string, unknown>): unknown {
    const query = queries.get(optString(body, 'queryId') ?? '');
    if (query === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified query does not exist.');
    if (query.status !== 'Scheduled' && query.status !== 'Running') return { success: false };
    query.status = 'Cancelled';
    return { success: true };
  }

  function logsOperation(operation: string, body: Record<string, unknown>): unknown {
    switch (operation) {
      case 'StartQuery':
        return startQuery(body);
      case 'GetQueryResults':
        return getQueryResults(body);
      case 'StopQuery':
        return stopQuery(body);
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
    queries,
    get queryPollsToComplete() {
      return state.queryPollsToComplete;
    },
    set queryPollsToComplete(value: number) {
      state.queryPollsToComplete = value;
    },
    get openTailSessions() {
      return tailSessions.size;
    },
    pushTailEvent(group: string, message: string, stream = 'live-stream'): void {
      for (const session of tailSessions) if (session.groups.has(group)) session.pending.push({ group, stream, message });
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

function optString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ServiceError('SerializationException', `${key} must be a string`);
  return value;
}

function optInt(body: Record<string, unknown>, key: string, min: number, max: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ServiceError('SerializationException', `${key} must be an integer`);
  if (value < min || value > max) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${value}' at '${key}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
  return value;
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

/**
 * A subset of the CloudWatch Logs filter-pattern syntax: empty matches everything, a quoted
 * pattern is one exact (case-sensitive) substring, otherwise every space-separated term must occur.
 */
function compilePattern(pattern: string): (message: string) => boolean {
  const trimmed = pattern.trim();
  if (trimmed === '') return () => true;
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    const literal = trimmed.slice(1, -1);
    return (message) => message.includes(literal);
  }
  const terms = trimmed.split(/\s+/);
  return (message) => terms.every((term) => message.includes(term));
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
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
