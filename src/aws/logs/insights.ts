// CloudWatch Logs Insights: StartQuery, then poll GetQueryResults until the status is final
// (Scheduled -> Running -> Complete | Failed | Cancelled | Timeout). Polling returns partial
// results while Running. A cancel sends StopQuery, so the query stops costing scanned bytes on
// the service side; it is sent with its own short timeout because the caller's signal is
// already aborted by then.
import { GetQueryResultsCommand, StartQueryCommand, StopQueryCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { abortableSleep, awsCall, type ServiceTarget } from '../awsCall';
import { AwsError, isCancelled } from '../errors';
import { LOGS_SERVICE } from './logsService';
import { INSIGHTS_MAX_GROUPS } from './logsLimits';

export { INSIGHTS_MAX_GROUPS } from './logsLimits';

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

const FINAL: ReadonlySet<QueryStatus> = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout']);

/** Insights accepts at most 50 log groups per query. */

export interface QueryRequest {
  /** Log group names (or ARNs), 1-50. */
  readonly groups: readonly string[];
  readonly query: string;
  /** Epoch milliseconds (the API takes seconds; converted here). */
  readonly startTime: number;
  readonly endTime: number;
  /** Caps the rows returned (the query's own `limit` also applies). */
  readonly limit?: number;
}

export interface QueryStatistics {
  readonly recordsMatched: number;
  readonly recordsScanned: number;
  readonly bytesScanned: number;
}

/** One poll's view of a query. Rows are field -> value, in the order the service returned fields. */
export interface QueryResults {
  readonly queryId: string;
  readonly status: QueryStatus;
  /** Field names in first-seen order, without the internal `@ptr`. */
  readonly fields: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
  readonly statistics: QueryStatistics;
}

export interface RunQueryOptions {
  /** Aborting sends StopQuery and rejects with an AwsError of code `Cancelled`. */
  readonly signal?: AbortSignal;
  /** Delay between polls; default 1,000 ms (the console polls about as often). */
  readonly pollMs?: number;
  /** Called after every poll (progress: status, rows so far, records scanned). */
  readonly onPoll?: (results: QueryResults) => void;
}

export async function startQuery(client: CloudWatchLogsClient, target: ServiceTarget, request: QueryRequest, signal?: AbortSignal): Promise<string> {
  if (request.groups.length === 0 || request.groups.length > INSIGHTS_MAX_GROUPS) {
    throw new AwsError('InvalidInput', LOGS_SERVICE, 'StartQuery', `${LOGS_SERVICE} StartQuery: a query takes 1 to ${INSIGHTS_MAX_GROUPS} log groups (got ${request.groups.length})`);
  }
  const arns = request.groups.every((g) => g.startsWith('arn:'));
  const out = await awsCall(target, 'StartQuery', signal, () =>
    client.send(
      new StartQueryCommand({
        ...(arns ? { logGroupIdentifiers: [...request.groups] } : { logGroupNames: [...request.groups] }),
        queryString: request.query,
        startTime: Math.floor(request.startTime / 1000),
        endTime: Math.ceil(request.endTime / 1000),
        ...(request.limit !== undefined ? { limit: request.limit } : {}),
      }),
      { abortSignal: signal },
    ),
  );
  if (!out.queryId) throw new AwsError('Unknown', LOGS_SERVICE, 'StartQuery', `${LOGS_SERVICE} StartQuery: no query id in the response`);
  return out.queryId;
}

export async function getQueryResults(client: CloudWatchLogsClient, target: ServiceTarget, queryId: string, signal?: AbortSignal): Promise<QueryResults> {
  const out = await awsCall(target, 'GetQueryResults', signal, () => client.send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal }));
  const fields: string[] = [];
  const seen = new Set<string>();
  const rows = (out.results ?? []).map((row) => {
    const record: Record<string, string> = {};
    for (const cell of row) {
      const field = cell.field ?? '';
      // `@ptr` is an opaque pointer for GetLogRecord, not something to show in a table.
      if (field === '' || field === '@ptr') continue;
      if (!seen.has(field)) {
        seen.add(field);
        fields.push(field);
      }
      record[field] = cell.value ?? '';
    }
    return record;
  });
  const s = out.statistics;
  return {
    queryId,
    status: (out.status ?? 'Unknown') as QueryStatus,
    fields,
    rows,
    statistics: { recordsMatched: s?.recordsMatched ?? 0, recordsScanned: s?.recordsScanned ?? 0, bytesScanned: s?.bytesScanned ?? 0 },
  };
}

/** Stops a running query; false when it had already finished. */
export async function stopQuery(client: CloudWatchLogsClient, target: ServiceTarget, queryId: string, signal?: AbortSignal): Promise<boolean> {
  const out = await awsCall(target, 'StopQuery', signal, () => client.send(new StopQueryCommand({ queryId }), { abortSignal: signal }));
  return out.success === true;
}

/** Starts a query and polls it to a final status; see the file header for cancellation. */
export async function runQuery(client: CloudWatchLogsClient, target: ServiceTarget, request: QueryRequest, options: RunQueryOptions = {}): Promise<QueryResults> {
  const { signal } = options;
  const queryId = await startQuery(client, target, request, signal);
  try {
    for (;;) {
      const results = await getQueryResults(client, target, queryId, signal);
      options.onPoll?.(results);
      if (FINAL.has(results.status)) return results;
      await abortableSleep(options.pollMs ?? 1000, LOGS_SERVICE, 'GetQueryResults', signal);
    }
  } catch (error) {
    if (isCancelled(error) || signal?.aborted) {
      // Best effort: a failed StopQuery must not hide the cancel (the query times out anyway).
      await stopQuery(client, target, queryId, AbortSignal.timeout(5000)).catch(() => false);
    }
    throw error;
  }
}
