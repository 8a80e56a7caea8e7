// The streaming and query operations of the local CloudWatch Logs service (services/logs.ts):
// StartLiveTail as an AWS event stream, and Logs Insights' StartQuery / GetQueryResults /
// StopQuery over the executor in logsInsightsQuery.ts. Plus the request helpers both files use.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { eventFrame, exceptionFrame } from './logsEventStream';
import type { FixtureGroup } from './logsFixtures';
import { MalformedQueryError, compileQuery, type QueryRecord, type ResultRow } from './logsInsightsQuery';
import { ServiceError } from './core/serviceError';

/** Live tail pacing; tests make it fast, the demo keeps AWS's. */
export interface TailSettings {
  /** Between sessionUpdate frames; AWS: about 1,000 ms. */
  intervalMs: number;
  /** Synthetic events per update per group (in addition to `pushTailEvent`s). */
  eventsPerUpdate: number;
  /** After this the session ends with SessionTimeoutException; AWS: 3 hours. */
  sessionLimitMs: number;
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

/** What the operations need from the server. */
export interface LogsOpsContext {
  readonly groups: FixtureGroup[];
  readonly tail: TailSettings;
  readonly faults: { tailStreamingErrorAfter?: number };
  account(): string;
  /** The group named by `logGroupName` / `logGroupIdentifier`; throws NotFound / AccessDenied like AWS. */
  findGroup(body: Record<string, unknown>): FixtureGroup;
  pollsToComplete(): number;
}

interface TailSession {
  readonly groups: Set<string>;
  readonly pending: { group: string; stream: string; message: string }[];
}

/** Open live tail sessions (one per StartLiveTail connection). */
export class LiveTailHub {
  readonly sessions = new Set<TailSession>();

  constructor(private readonly ctx: LogsOpsContext) {}

  push(group: string, message: string, stream: string): void {
    for (const session of this.sessions) if (session.groups.has(group)) session.pending.push({ group, stream, message });
  }

  start(body: Record<string, unknown>, requestId: string, res: ServerResponse): void {
    const ids = body.logGroupIdentifiers;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 10 || ids.some((id) => typeof id !== 'string')) {
      const n = Array.isArray(ids) ? ids.length : 0;
      throw new ServiceError('InvalidParameterException', `1 validation error detected: Value at 'logGroupIdentifiers' failed to satisfy constraint: Member must have length between 1 and 10 (got ${n})`);
    }
    const names = new Set<string>();
    for (const id of ids as string[]) {
      // AWS wants ARNs here, and rejects the `:*` form DescribeLogGroups' `arn` field has.
      if (!id.startsWith('arn:') || id.endsWith('*')) throw new ServiceError('InvalidParameterException', `Invalid log group identifier ${id}: specify a log group ARN without a trailing *`);
      names.add(this.ctx.findGroup({ logGroupIdentifier: id }).name);
    }
    const filter = compilePattern(optString(body, 'logEventFilterPattern') ?? '');
    const session: TailSession = { groups: names, pending: [] };
    this.sessions.add(session);
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
      this.sessions.delete(session);
    };
    const timer = setInterval(() => {
      if (res.destroyed) return stop();
      if (Date.now() - started >= this.ctx.tail.sessionLimitMs) {
        res.end(exceptionFrame('SessionTimeoutException', 'Session timed out after the maximum session duration.'));
        return stop();
      }
      if (this.ctx.faults.tailStreamingErrorAfter !== undefined && updates >= this.ctx.faults.tailStreamingErrorAfter) {
        res.end(exceptionFrame('SessionStreamingException', 'Internal streaming error; restart the session.'));
        return stop();
      }
      updates += 1;
      const now = Date.now();
      const raw = session.pending.splice(0);
      for (const group of names) for (let i = 0; i < this.ctx.tail.eventsPerUpdate; i++) raw.push({ group, stream: 'live-stream', message: `INFO live event ${++counter} from ${group}` });
      const results = raw
        .filter((e) => filter(e.message))
        .map((e) => ({ logGroupIdentifier: `${this.ctx.account()}:${e.group}`, logStreamName: e.stream, message: e.message, timestamp: now, ingestionTime: now }));
      // AWS sends at most 500 events per update and marks the update as sampled beyond that.
      res.write(eventFrame('sessionUpdate', { sessionMetadata: { sampled: results.length > 500 }, sessionResults: results.slice(0, 500) }));
    }, this.ctx.tail.intervalMs);
    res.on('close', stop);
  }
}

/** Logs Insights queries, computed at StartQuery and revealed over polls. */
export class InsightsEngine {
  readonly queries = new Map<string, ServerQuery>();

  constructor(private readonly ctx: LogsOpsContext) {}

  private queryGroups(body: Record<string, unknown>): string[] {
    const single = optString(body, 'logGroupName');
    const list = (key: string): string[] | undefined => (Array.isArray(body[key]) ? (body[key] as unknown[]).map(String) : undefined);
    const given = [single !== undefined ? [single] : undefined, list('logGroupNames'), list('logGroupIdentifiers')].filter((x): x is string[] => x !== undefined);
    if (given.length !== 1) throw new ServiceError('InvalidParameterException', 'Specify exactly one of logGroupName, logGroupNames or logGroupIdentifiers');
    const names = given[0]!;
    if (names.length < 1 || names.length > 50) throw new ServiceError('InvalidParameterException', 'A query takes 1 to 50 log groups');
    return names.map((n) => this.ctx.findGroup({ logGroupIdentifier: n }).name);
  }

  startQuery(body: Record<string, unknown>): unknown {
    const queryString = optString(body, 'queryString');
    const startTime = optInt(body, 'startTime', 0, Number.MAX_SAFE_INTEGER);
    const endTime = optInt(body, 'endTime', 0, Number.MAX_SAFE_INTEGER);
    if (queryString === undefined || startTime === undefined || endTime === undefined) throw new ServiceError('InvalidParameterException', 'queryString, startTime and endTime are required');
    if (endTime < startTime) throw new ServiceError('InvalidParameterException', 'endTime must be after startTime');
    const names = this.queryGroups(body);
    let compiled;
    try {
      compiled = compileQuery(queryString);
    } catch (error) {
      if (error instanceof MalformedQueryError) throw new ServiceError('MalformedQueryException', error.message);
      throw error;
    }
    // The API takes epoch seconds, both ends inclusive.
    const records: QueryRecord[] = [];
    for (const group of this.ctx.groups.filter((g) => names.includes(g.name)))
      for (const stream of group.streams)
        stream.events.forEach((event, index) => {
          if (event.timestamp >= startTime * 1000 && event.timestamp <= endTime * 1000 + 999) records.push({ group: group.name, stream: stream.name, index, event });
        });
    const id = `q-${String(this.queries.size + 1).padStart(4, '0')}-${randomUUID().slice(0, 8)}`;
    const rows = compiled.run(records, this.ctx.account(), optInt(body, 'limit', 1, 10_000));
    this.queries.set(id, { id, groups: names, queryString, status: 'Scheduled', polls: 0, rows, scanned: records.length });
    return { queryId: id };
  }

  getQueryResults(body: Record<string, unknown>): unknown {
    const query = this.queries.get(optString(body, 'queryId') ?? '');
    if (query === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified query does not exist.');
    if (query.status === 'Scheduled' || query.status === 'Running') {
      query.polls += 1;
      query.status = query.polls >= this.ctx.pollsToComplete() ? 'Complete' : query.polls === 1 && this.ctx.pollsToComplete() > 2 ? 'Scheduled' : 'Running';
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

  stopQuery(body: Record<string, unknown>): unknown {
    const query = this.queries.get(optString(body, 'queryId') ?? '');
    if (query === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified query does not exist.');
    if (query.status !== 'Scheduled' && query.status !== 'Running') return { success: false };
    query.status = 'Cancelled';
    return { success: true };
  }
}

export function optString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ServiceError('SerializationException', `${key} must be a string`);
  return value;
}

export function optInt(body: Record<string, unknown>, key: string, min: number, max: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ServiceError('SerializationException', `${key} must be an integer`);
  if (value < min || value > max) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${value}' at '${key}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
  return value;
}

/**
 * A subset of the CloudWatch Logs filter-pattern syntax: empty matches everything, a quoted
 * pattern is one exact (case-sensitive) substring, otherwise every space-separated term must occur.
 */
export function compilePattern(pattern: string): (message: string) => boolean {
  const trimmed = pattern.trim();
  if (trimmed === '') return () => true;
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    const literal = trimmed.slice(1, -1);
    return (message) => message.includes(literal);
  }
  const terms = trimmed.split(/\s+/);
  return (message) => terms.every((term) => message.includes(term));
}
