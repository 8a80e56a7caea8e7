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
import { toAwsError } from './errors';

const SERVICE = 'CloudWatchLogs';

/** Options shared by every gateway call. */
export interface CallOptions {
  /** Cancels the in-flight request and stops further paging. */
  readonly signal?: AbortSignal;
}

/** A log group as listed by DescribeLogGroups. */
export interface LogGroupSummary {
  readonly name: string;
  readonly arn?: string;
  readonly creationTime?: number;
  readonly retentionInDays?: number;
  readonly storedBytes?: number;
}

/** A log stream as listed by DescribeLogStreams. Streams with no events have no event times. */
export interface LogStreamSummary {
  readonly name: string;
  readonly creationTime?: number;
  readonly firstEventTime?: number;
  readonly lastEventTime?: number;
}

/** One log event; `stream` and `eventId` are set for search results (FilterLogEvents). */
export interface LogEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime?: number;
  readonly stream?: string;
  readonly eventId?: string;
}

export interface ReadStreamOptions extends CallOptions {
  /** Events per request (GetLogEvents `limit`, 1-10,000). Default: the service's (up to 10,000 / 1 MB). */
  readonly limit?: number;
  /** Stop after this many events in total. */
  readonly maxEvents?: number;
  readonly startTime?: number;
  readonly endTime?: number;
}

export interface SearchOptions extends CallOptions {
  /** CloudWatch Logs filter pattern; empty or absent matches every event. */
  readonly pattern?: string;
  /** Epoch milliseconds, inclusive. */
  readonly startTime?: number;
  /** Epoch milliseconds, inclusive. */
  readonly endTime?: number;
  /** Stop once this many events have been yielded (the last page is trimmed). */
  readonly maxEvents?: number;
  readonly streams?: readonly string[];
}

/** Thin gateway over one region-bound CloudWatchLogsClient. */
export class LogsGateway {
  constructor(private readonly client: CloudWatchLogsClient) {}

  /** Log groups (optionally by name prefix), one page per iteration. */
  async *logGroups(prefix?: string, options: CallOptions = {}): AsyncIterable<LogGroupSummary[]> {
    let nextToken: string | undefined;
    const seen = new Set<string | undefined>();
    do {
      const out = await this.send('DescribeLogGroups', options.signal, () =>
        this.client.send(new DescribeLogGroupsCommand({ ...(prefix ? { logGroupNamePrefix: prefix } : {}), ...(nextToken ? { nextToken } : {}) }), { abortSignal: options.signal }),
      );
      yield (out.logGroups ?? []).map((g) => ({
        name: g.logGroupName ?? '',
        ...(g.logGroupArn ?? g.arn ? { arn: g.logGroupArn ?? g.arn } : {}),
        ...(g.creationTime !== undefined ? { creationTime: g.creationTime } : {}),
        ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
        ...(g.storedBytes !== undefined ? { storedBytes: g.storedBytes } : {}),
      }));
      seen.add(nextToken);
      nextToken = out.nextToken;
      // A token we already followed would loop forever; treat it as the end.
    } while (nextToken !== undefined && !seen.has(nextToken));
  }

  /** Streams of a group, most recently written first, one page per iteration. */
  async *logStreams(group: string, options: CallOptions = {}): AsyncIterable<LogStreamSummary[]> {
    let nextToken: string | undefined;
    const seen = new Set<string | undefined>();
    do {
      const out = await this.send('DescribeLogStreams', options.signal, () =>
        this.client.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', descending: true, ...(nextToken ? { nextToken } : {}) }), { abortSignal: options.signal }),
      );
      yield (out.logStreams ?? []).map((s) => ({
        name: s.logStreamName ?? '',
        ...(s.creationTime !== undefined ? { creationTime: s.creationTime } : {}),
        ...(s.firstEventTimestamp !== undefined ? { firstEventTime: s.firstEventTimestamp } : {}),
        ...(s.lastEventTimestamp !== undefined ? { lastEventTime: s.lastEventTimestamp } : {}),
      }));
      seen.add(nextToken);
      nextToken = out.nextToken;
    } while (nextToken !== undefined && !seen.has(nextToken));
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
      const out = await this.send('GetLogEvents', options.signal, () =>
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
      let events: LogEvent[] = (out.events ?? []).map((e) => ({
        timestamp: e.timestamp ?? 0,
        message: e.message ?? '',
        ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
      }));
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
    const seen = new Set<string>();
    for (;;) {
      const out = await this.send('FilterLogEvents', options.signal, () =>
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
        timestamp: e.timestamp ?? 0,
        message: e.message ?? '',
        ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
        ...(e.logStreamName !== undefined ? { stream: e.logStreamName } : {}),
        ...(e.eventId !== undefined ? { eventId: e.eventId } : {}),
      }));
      if (options.maxEvents !== undefined) events = events.slice(0, Math.max(0, options.maxEvents - total));
      total += events.length;
      if (events.length > 0) yield events;
      if (options.maxEvents !== undefined && total >= options.maxEvents) return;
      if (out.nextToken === undefined || seen.has(out.nextToken)) return;
      seen.add(out.nextToken);
      nextToken = out.nextToken;
    }
  }

  private async send<T>(operation: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    // Checked before every request so a cancel between pages never reaches the service.
    if (signal?.aborted) throw toAwsError(new DOMException('The operation was aborted', 'AbortError'), SERVICE, operation);
    try {
      return await call();
    } catch (error) {
      throw toAwsError(error, SERVICE, operation);
    }
  }
}
