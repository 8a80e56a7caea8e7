// CloudWatch Logs gateway: listings as async iterables of pages, every `send` cancellable, every
// failure mapped to the one AWS error type. The client is passed in (region and endpoint are the
// caller's choice, so a LocalStack-style or test endpoint needs no special path here).
import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { getQueryResults, runQuery, startQuery, stopQuery, type QueryRequest, type QueryResults, type RunQueryOptions } from './logs/insights';
import { startLiveTail, type LiveTailOptions, type LiveTailUpdate } from './logs/liveTail';
import { awsCall, tokenPages, type Page, type ServiceTarget } from './awsCall';
import { LOGS_SERVICE } from './logs/logsService';
import type { CallOptions, LogGroupSummary, LogStreamSummary, LogEvent, ReadStreamOptions, PageOptions, LogGroupLookup, SearchOptions } from './logs/logsTypes';

export { LIVE_TAIL_MAX_GROUPS, isLiveTailStreamingError, validateLiveTailGroups, type LiveTailEvent, type LiveTailOptions, type LiveTailUpdate } from './logs/liveTail';
export type { CallOptions, LogGroupSummary, LogStreamSummary, LogEvent, ReadStreamOptions, PageOptions, Page, LogGroupLookup, SearchProgress, SearchOptions } from './logs/logsTypes';
export { INSIGHTS_MAX_GROUPS, type QueryRequest, type QueryResults, type QueryStatistics, type QueryStatus, type RunQueryOptions } from './logs/insights';

/** Thin gateway over one region-bound CloudWatchLogsClient. */
export class LogsGateway {
  constructor(
    private readonly client: CloudWatchLogsClient,
    /** Who the calls go to, for error messages (the session passes the resolved endpoint). */
    private readonly target: ServiceTarget = { service: LOGS_SERVICE },
  ) {}

  /** Log groups (optionally by name prefix), one page per iteration. */
  async *logGroups(prefix?: string, options: CallOptions = {}): AsyncIterable<LogGroupSummary[]> {
    for await (const page of this.logGroupPages(prefix, options)) yield page.items;
  }

  /** Log groups as resumable pages: each carries the token of the next, so a listing resumes. */
  logGroupPages(prefix?: string, options: PageOptions = {}): AsyncIterable<Page<LogGroupSummary>> {
    return this.pages('DescribeLogGroups', options, async (token) => {
      const out = await this.client.send(
        new DescribeLogGroupsCommand({ ...(prefix ? { logGroupNamePrefix: prefix } : {}), ...(options.limit ? { limit: options.limit } : {}), ...(token ? { nextToken: token } : {}) }),
        { abortSignal: options.signal },
      );
      return { items: (out.logGroups ?? []).map(toGroup), nextToken: out.nextToken };
    });
  }

  /** Resumable pages (see `tokenPages`): a repeated token ends the listing. */
  private pages<T>(operation: string, options: PageOptions, fetch: (token: string | undefined) => Promise<Page<T>>): AsyncIterable<Page<T>> {
    return tokenPages(this.target, operation, options, fetch);
  }

  /**
   * Looks up exact group names (e.g. derived from a stack's resources). DescribeLogGroups has no
   * exact-name filter, but it lists in name order, so a prefix listing of the exact name with
   * `limit: 1` returns that group first when it exists: one cheap call per name. A missing group is
   * not an error (a Lambda's group appears on its first invocation); a failed lookup is kept per
   * name so one denied group does not hide the others. At most 4 calls run at once.
   */
  async describeLogGroups(names: readonly string[], options: CallOptions = {}): Promise<LogGroupLookup[]> {
    const results: LogGroupLookup[] = new Array<LogGroupLookup>(names.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < names.length) {
        const index = next++;
        const name = names[index]!;
        try {
          const out = await awsCall(this.target, 'DescribeLogGroups', options.signal, () =>
            this.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 1 }), { abortSignal: options.signal }),
          );
          const found = (out.logGroups ?? []).find((g) => g.logGroupName === name);
          results[index] = found ? { name, group: toGroup(found) } : { name };
        } catch (error) {
          if (options.signal?.aborted) throw error;
          results[index] = { name, error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, names.length) }, worker));
    return results;
  }

  /** Streams of a group, most recently written first, one page per iteration. */
  async *logStreams(group: string, options: CallOptions = {}): AsyncIterable<LogStreamSummary[]> {
    for await (const page of this.logStreamPages(group, options)) yield page.items;
  }

  /** Streams of a group, most recently written first, as resumable pages. */
  logStreamPages(group: string, options: PageOptions = {}): AsyncIterable<Page<LogStreamSummary>> {
    return this.pages('DescribeLogStreams', options, async (token) => {
      const out = await this.client.send(
        new DescribeLogStreamsCommand({
          logGroupName: group,
          orderBy: 'LastEventTime',
          descending: true,
          ...(options.limit ? { limit: options.limit } : {}),
          ...(token ? { nextToken: token } : {}),
        }),
        { abortSignal: options.signal },
      );
      const items = (out.logStreams ?? []).map((s) => ({
        name: s.logStreamName ?? '',
        ...(s.creationTime !== undefined ? { creationTime: s.creationTime } : {}),
        ...(s.firstEventTimestamp !== undefined ? { firstEventTime: s.firstEventTimestamp } : {}),
        ...(s.lastEventTimestamp !== undefined ? { lastEventTime: s.lastEventTimestamp } : {}),
      }));
      return { items, nextToken: out.nextToken };
    });
  }

  /**
   * One page of a stream from its head (a document page). `nextToken` is absent when the service
   * returned the request's own token: nothing more has been written (yet).
   */
  async readStreamPage(group: string, stream: string, options: PageOptions = {}): Promise<Page<LogEvent>> {
    const token = options.startToken;
    const out = await awsCall(this.target, 'GetLogEvents', options.signal, () =>
      this.client.send(
        new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true, ...(token ? { nextToken: token } : {}), ...(options.limit ? { limit: options.limit } : {}) }),
        { abortSignal: options.signal },
      ),
    );
    const items = (out.events ?? []).map(toEvent);
    const next = out.nextForwardToken;
    return { items, ...(next !== undefined && next !== token && items.length > 0 ? { nextToken: next } : {}) };
  }

  /**
   * Reads a stream from its head, one non-empty page per iteration. GetLogEvents never signals
   * the end of a stream (a live stream has no end): it returns the same forward token when there
   * is nothing new, so the read stops when the token repeats.
   */
  async *readStream(group: string, stream: string, options: ReadStreamOptions = {}): AsyncIterable<LogEvent[]> {
    let token: string | undefined;
    let total = 0;
    for (;;) {
      const out = await awsCall(this.target, 'GetLogEvents', options.signal, () =>
        this.client.send(
          new GetLogEventsCommand({
            logGroupName: group,
            logStreamName: stream,
            startFromHead: true,
            ...(token ? { nextToken: token } : {}),
            ...(options.limit !== undefined ? { limit: options.limit } : {}),
            ...(options.startTime !== undefined ? { startTime: options.startTime } : {}),
            ...(options.endTime !== undefined ? { endTime: options.endTime } : {}),
          }),
          { abortSignal: options.signal },
        ),
      );
      let events: LogEvent[] = (out.events ?? []).map(toEvent);
      if (options.maxEvents !== undefined) events = events.slice(0, Math.max(0, options.maxEvents - total));
      total += events.length;
      if (events.length > 0) yield events;
      if (options.maxEvents !== undefined && total >= options.maxEvents) return;
      const next = out.nextForwardToken;
      if (next === undefined || next === token) return;
      token = next;
    }
  }

  /**
   * Searches a group with FilterLogEvents, one non-empty page per iteration. The service scans a
   * bounded amount per call, so a page can be empty and still carry a nextToken: keep paging
   * until the token is gone (or `maxEvents` have been yielded).
   */
  async *search(group: string, options: SearchOptions = {}): AsyncIterable<LogEvent[]> {
    let nextToken: string | undefined;
    let total = 0;
    let pages = 0;
    const seen = new Set<string>();
    for (;;) {
      const out = await awsCall(this.target, 'FilterLogEvents', options.signal, () =>
        this.client.send(
          new FilterLogEventsCommand({
            logGroupName: group,
            ...(options.pattern ? { filterPattern: options.pattern } : {}),
            ...(options.startTime !== undefined ? { startTime: options.startTime } : {}),
            ...(options.endTime !== undefined ? { endTime: options.endTime } : {}),
            ...(options.streams && options.streams.length > 0 ? { logStreamNames: [...options.streams] } : {}),
            ...(options.maxEvents !== undefined ? { limit: Math.min(10_000, Math.max(1, options.maxEvents - total)) } : {}),
            ...(nextToken ? { nextToken } : {}),
          }),
          { abortSignal: options.signal },
        ),
      );
      let events: LogEvent[] = (out.events ?? []).map((e) => ({
        ...toEvent(e),
        ...(e.logStreamName !== undefined ? { stream: e.logStreamName } : {}),
        ...(e.eventId !== undefined ? { eventId: e.eventId } : {}),
      }));
      if (options.maxEvents !== undefined) events = events.slice(0, Math.max(0, options.maxEvents - total));
      total += events.length;
      pages += 1;
      options.onPage?.({ pages, events: total });
      if (events.length > 0) yield events;
      if (options.maxEvents !== undefined && total >= options.maxEvents) return;
      if (out.nextToken === undefined || seen.has(out.nextToken)) return;
      seen.add(out.nextToken);
      nextToken = out.nextToken;
    }
  }

  /** Live tail over 1-10 log group ARNs (see `logs/liveTail.ts`); ends when `signal` aborts. */
  startLiveTail(groupArns: readonly string[], options: LiveTailOptions = {}): AsyncIterable<LiveTailUpdate> {
    return startLiveTail(this.client, this.target, groupArns, options);
  }

  /** Starts a Logs Insights query; returns its id. */
  startQuery(request: QueryRequest, options: CallOptions = {}): Promise<string> {
    return startQuery(this.client, this.target, request, options.signal);
  }

  /** One poll of a query (partial rows while Running). */
  queryResults(queryId: string, options: CallOptions = {}): Promise<QueryResults> {
    return getQueryResults(this.client, this.target, queryId, options.signal);
  }

  stopQuery(queryId: string, options: CallOptions = {}): Promise<boolean> {
    return stopQuery(this.client, this.target, queryId, options.signal);
  }

  /** Start, poll to a final status; a cancel sends StopQuery (see `logs/insights.ts`). */
  runQuery(request: QueryRequest, options: RunQueryOptions = {}): Promise<QueryResults> {
    return runQuery(this.client, this.target, request, options);
  }
}

function toGroup(g: { logGroupName?: string; logGroupArn?: string; arn?: string; creationTime?: number; retentionInDays?: number; storedBytes?: number }): LogGroupSummary {
  // `logGroupArn` has no trailing `:*` (what StartLiveTail wants); older responses only had `arn`.
  const arn = g.logGroupArn ?? g.arn?.replace(/:\*$/, '');
  return {
    name: g.logGroupName ?? '',
    ...(arn ? { arn } : {}),
    ...(g.creationTime !== undefined ? { creationTime: g.creationTime } : {}),
    ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
    ...(g.storedBytes !== undefined ? { storedBytes: g.storedBytes } : {}),
  };
}

function toEvent(e: { timestamp?: number; message?: string; ingestionTime?: number }): LogEvent {
  return { timestamp: e.timestamp ?? 0, message: e.message ?? '', ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}) };
}
