// CloudWatch Logs (awsJson1_1, `X-Amz-Target: Logs_20140328.<Operation>`) for the local
// AWS-protocol server: log groups, streams, events, filter search, Logs Insights and live tail
// (an AWS event stream: a sessionStart frame at once, then a sessionUpdate every
// `tail.intervalMs`, and SessionTimeoutException after `tail.sessionLimitMs`; see logsServerOps.ts).
// Quirks reproduced on purpose: GetLogEvents returns the request's token again when there is
// nothing new; FilterLogEvents scans a bounded slice per call, so a page can be empty and still
// carry a nextToken.
// To add an operation: an entry in `operations` with its input model (from
// node_modules/@aws-sdk/client-cloudwatch-logs/dist-types/models/models_0.d.ts) and a handler
// returning the output object; throw `new ServiceError('ResourceNotFoundException', ...)` for errors.
import { decodePageToken, encodePageToken } from '../core/paging';
import { STREAMED, type OperationInput, type ServiceDefinition } from '../core/service';
import { ServiceError } from '../core/serviceError';
import { createLogsFixture, type FixtureEvent, type FixtureGroup } from '../logsFixtures';
import { InsightsEngine, LiveTailHub, compilePattern, optInt, optString, type TailSettings } from '../logsServerOps';

/** Logs-specific conditions tests switch on and off (the generic ones are fault rules). */
export interface LogsConditions {
  /** Log groups whose streams and events are denied with AccessDeniedException. */
  readonly accessDeniedGroups: Set<string>;
  /** DescribeLogGroups with exactly this logGroupNamePrefix is denied (IAM conditions on a name). */
  readonly describeDeniedPrefixes: Set<string>;
  /** Live tail sessions fail with a SessionStreamingException frame after this many updates. */
  tailStreamingErrorAfter?: number;
}

export class LogsState {
  readonly conditions: LogsConditions = { accessDeniedGroups: new Set(), describeDeniedPrefixes: new Set() };
  /** Scanned events per FilterLogEvents call (AWS scans a bounded amount per call). */
  filterScanBudget = 100;
  readonly liveTails: LiveTailHub;
  readonly insights: InsightsEngine;

  constructor(
    /** The stored data; tests may append events (a "live" stream). */
    readonly groups: FixtureGroup[] = createLogsFixture(),
    readonly tail: TailSettings = { intervalMs: 1000, eventsPerUpdate: 2, sessionLimitMs: 3 * 3600_000 },
    /** GetQueryResults calls until a query is Complete; `Infinity` keeps queries running. */
    public queryPollsToComplete = 2,
    /** The account in ARNs (the STS identity's, when both run on one server). */
    readonly account: () => string = () => '123456789012',
    /** The caller's ARN in AccessDenied messages. */
    readonly callerArn: () => string = () => 'arn:aws:iam::123456789012:user/archlens-test',
  ) {
    const ops = { groups, tail, faults: this.conditions, findGroup: (body: Record<string, unknown>) => this.findGroup(body), account, pollsToComplete: () => this.queryPollsToComplete };
    this.liveTails = new LiveTailHub(ops);
    this.insights = new InsightsEngine(ops);
  }

  findGroup(body: Readonly<Record<string, unknown>>): FixtureGroup {
    const name = optString(body, 'logGroupName') ?? groupNameFromIdentifier(optString(body, 'logGroupIdentifier'));
    if (name === undefined) throw new ServiceError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier must be specified');
    const group = this.groups.find((g) => g.name === name);
    if (group === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
    if (this.conditions.accessDeniedGroups.has(group.name)) throw new ServiceError('AccessDeniedException', `User: ${this.callerArn()} is not authorized to perform this action on resource ${group.name}`);
    return group;
  }
}

function groupNameFromIdentifier(identifier: string | undefined): string | undefined {
  if (identifier === undefined) return undefined;
  const match = /^arn:aws[^:]*:logs:[^:]*:\d{12}:log-group:(.+?)(:\*)?$/.exec(identifier);
  return match ? match[1] : identifier;
}

// Tokens are opaque to clients; the kind letter makes a token from one operation invalid in another.
function offsetOf(token: string | undefined, kind: string, max: number): number {
  const offset = decodePageToken(kind, token, max);
  if (offset === undefined) throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
  return offset;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const LIMIT_50 = { type: 'integer', range: [1, 50] } as const;
const LIMIT_10K = { type: 'integer', range: [1, 10_000] } as const;
const TIME = { type: 'integer', range: [0, Number.MAX_SAFE_INTEGER] } as const;

export function logsService(state: LogsState): ServiceDefinition {
  const arnOf = (group: string): string => `arn:aws:logs:us-east-1:${state.account()}:log-group:${group}`;

  function getLogEvents(body: OperationInput): unknown {
    const group = state.findGroup(body);
    const stream = group.streams.find((s) => s.name === body.logStreamName);
    if (stream === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const limit = optInt(body, 'limit', 1, 10_000) ?? 10_000;
    const startTime = optInt(body, 'startTime', 0, Number.MAX_SAFE_INTEGER);
    const endTime = optInt(body, 'endTime', 0, Number.MAX_SAFE_INTEGER);
    const events = stream.events.filter((e) => (startTime === undefined || e.timestamp >= startTime) && (endTime === undefined || e.timestamp < endTime));
    const token = optString(body, 'nextToken');
    let start: number;
    let end: number;
    if (token !== undefined && token.startsWith('b/')) {
      end = offsetOf(token.slice(2), 'e', events.length);
      start = Math.max(0, end - limit);
    } else if (token !== undefined) {
      if (!token.startsWith('f/')) throw new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.');
      start = offsetOf(token.slice(2), 'e', events.length);
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
      nextForwardToken: `f/${encodePageToken('e', end)}`,
      nextBackwardToken: `b/${encodePageToken('e', start)}`,
    };
  }

  function filterLogEvents(body: OperationInput): unknown {
    const group = state.findGroup(body);
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
    let position = offsetOf(optString(body, 'nextToken'), 'f', candidates.length);
    const scanEnd = Math.min(candidates.length, position + state.filterScanBudget);
    const found: unknown[] = [];
    while (position < scanEnd && found.length < limit) {
      const c = candidates[position]!;
      position += 1;
      if (matches(c.event.message)) found.push({ logStreamName: c.stream, timestamp: c.event.timestamp, message: c.event.message, ingestionTime: c.event.ingestionTime, eventId: `${c.stream}/${c.index}` });
    }
    return { events: found, ...(position < candidates.length ? { nextToken: encodePageToken('f', position) } : {}) };
  }

  return {
    name: 'logs',
    protocol: 'awsJson1_1',
    targetPrefix: 'Logs_20140328',
    errorNamespace: 'com.amazonaws.logs',
    tokenMember: 'nextToken',
    errors: {
      validation: { code: 'InvalidParameterException', status: 400, message: 'Invalid parameter' },
      serialization: { code: 'SerializationException', status: 400, message: 'Malformed input' },
      throttle: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
      expiredToken: { code: 'ExpiredTokenException', status: 400, message: 'The security token included in the request is expired' },
      accessDenied: { code: 'AccessDeniedException', status: 400, message: 'User is not authorized to perform this action' },
      serverError: { code: 'ServiceUnavailableException', status: 500, message: 'The service is unavailable' },
      unknownOperation: { code: 'UnknownOperationException', status: 400, message: 'Unknown operation' },
      invalidToken: () => new ServiceError('InvalidParameterException', 'The specified nextToken is invalid.'),
    },
    operations: {
      DescribeLogGroups: {
        input: { logGroupNamePrefix: { length: [1, 512] }, limit: LIMIT_50, nextToken: {} },
        handle(body) {
          const prefix = optString(body, 'logGroupNamePrefix');
          if (prefix !== undefined && state.conditions.describeDeniedPrefixes.has(prefix)) throw new ServiceError('AccessDeniedException', `User: ${state.callerArn()} is not authorized to perform: logs:DescribeLogGroups`);
          const limit = optInt(body, 'limit', 1, 50) ?? 50;
          const matching = state.groups.filter((g) => prefix === undefined || g.name.startsWith(prefix)).sort(byName);
          const start = offsetOf(optString(body, 'nextToken'), 'g', matching.length);
          const page = matching.slice(start, start + limit);
          const end = start + page.length;
          return {
            logGroups: page.map((g) => ({
              logGroupName: g.name,
              logGroupArn: arnOf(g.name),
              arn: `${arnOf(g.name)}:*`,
              creationTime: g.creationTime,
              storedBytes: g.streams.reduce((sum, s) => sum + s.events.reduce((n, e) => n + e.message.length, 0), 0),
              ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
            })),
            ...(end < matching.length ? { nextToken: encodePageToken('g', end) } : {}),
          };
        },
      },
      DescribeLogStreams: {
        input: { orderBy: { enum: ['LogStreamName', 'LastEventTime'] }, descending: { type: 'boolean' }, limit: LIMIT_50 },
        handle(body) {
          const group = state.findGroup(body);
          const orderBy = optString(body, 'orderBy') ?? 'LogStreamName';
          const prefix = optString(body, 'logStreamNamePrefix');
          if (prefix !== undefined && orderBy === 'LastEventTime') throw new ServiceError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
          const limit = optInt(body, 'limit', 1, 50) ?? 50;
          const lastTime = (events: FixtureEvent[]): number => (events.length > 0 ? events[events.length - 1]!.timestamp : 0);
          const streams = group.streams.filter((s) => prefix === undefined || s.name.startsWith(prefix)).sort((a, b) => (orderBy === 'LastEventTime' ? lastTime(a.events) - lastTime(b.events) : byName(a, b)));
          if (body.descending === true) streams.reverse();
          const start = offsetOf(optString(body, 'nextToken'), 's', streams.length);
          const page = streams.slice(start, start + limit);
          const end = start + page.length;
          return {
            logStreams: page.map((s) => {
              const first = s.events[0];
              const last = s.events[s.events.length - 1];
              return {
                logStreamName: s.name,
                creationTime: s.creationTime,
                arn: `${arnOf(group.name)}:log-stream:${s.name}`,
                ...(first !== undefined && last !== undefined ? { firstEventTimestamp: first.timestamp, lastEventTimestamp: last.timestamp, lastIngestionTime: last.ingestionTime } : {}),
              };
            }),
            ...(end < streams.length ? { nextToken: encodePageToken('s', end) } : {}),
          };
        },
      },
      GetLogEvents: {
        input: { logStreamName: { required: true }, limit: LIMIT_10K, startTime: TIME, endTime: TIME, startFromHead: { type: 'boolean' } },
        handle: getLogEvents,
      },
      FilterLogEvents: {
        input: { logStreamNames: { type: 'list', length: [1, 100] }, limit: LIMIT_10K, startTime: TIME, endTime: TIME },
        handle: filterLogEvents,
      },
      StartLiveTail: {
        input: { logGroupIdentifiers: { type: 'list', required: true, length: [1, 10] }, logEventFilterPattern: { length: [0, 1024] } },
        handle(body, context) {
          state.liveTails.start(body as Record<string, unknown>, context.requestId, context.response);
          return STREAMED;
        },
      },
      StartQuery: {
        input: { queryString: { required: true, length: [0, 10_000] }, startTime: { ...TIME, required: true }, endTime: { ...TIME, required: true }, limit: LIMIT_10K },
        handle: (body) => state.insights.startQuery(body as Record<string, unknown>),
      },
      GetQueryResults: {
        input: { queryId: { required: true, length: [0, 256] } },
        handle: (body) => state.insights.getQueryResults(body as Record<string, unknown>),
      },
      StopQuery: {
        input: { queryId: { required: true, length: [0, 256] } },
        handle: (body) => state.insights.stopQuery(body as Record<string, unknown>),
      },
    },
  };
}
