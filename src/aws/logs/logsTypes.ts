// The data shapes of the CloudWatch Logs gateway (`../logsGateway.ts`), plain and SDK-free.
import type { CallOptions, PageOptions as TokenPageOptions } from '../awsCall';

export type { CallOptions, Page } from '../awsCall';

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

/** Options of a listing that resumes from a token (PagedChildren's "load more" and "retry"). */
export interface PageOptions extends TokenPageOptions {
  /** Items per request (service maximum 50 for groups and streams). */
  readonly limit?: number;
}

/** The result of looking up one exact log group name. */
export interface LogGroupLookup {
  readonly name: string;
  /** Undefined when no group has this exact name (e.g. a Lambda function never invoked yet). */
  readonly group?: LogGroupSummary;
  /** Set when this lookup failed (e.g. AccessDenied); the other names are unaffected. */
  readonly error?: unknown;
}

export interface SearchProgress {
  /** FilterLogEvents calls so far, including empty pages. */
  readonly pages: number;
  /** Matching events so far. */
  readonly events: number;
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
  /** Called after every FilterLogEvents response, empty pages included (progress). */
  readonly onPage?: (progress: SearchProgress) => void;
}
