// CloudWatch Logs live tail (StartLiveTail). The response is an event stream: the SDK returns
// from `send` once the first frame (sessionStart) has arrived, then yields one sessionUpdate
// about every second with up to 500 events (sampled above that). The service ends a session
// after 3 hours with a SessionTimeoutException frame; an internal failure is a
// SessionStreamingException frame. Both arrive as thrown errors from the SDK's iterator.
import { StartLiveTailCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { awsCall, type ServiceTarget } from '../awsCall';
import { AwsError, toAwsError } from '../errors';
import { LOGS_SERVICE } from './logsService';
import { LIVE_TAIL_MAX_GROUPS } from './logsLimits';

export { LIVE_TAIL_MAX_GROUPS, isLiveTailStreamingError } from './logsLimits';

/** AWS accepts at most 10 log groups per live tail session. */

/** One event of a live tail update. */
export interface LiveTailEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly group: string;
  readonly stream: string;
  readonly ingestionTime?: number;
}

/** What a live tail session yields, in order: one `start`, many `update`s, maybe one `timeout`. */
export type LiveTailUpdate =
  | { readonly kind: 'start'; readonly sessionId: string; readonly requestId: string; readonly groups: readonly string[] }
  | { readonly kind: 'update'; readonly events: readonly LiveTailEvent[]; readonly sampled: boolean }
  /** The service's 3-hour session limit was reached: a normal end, offer a restart. */
  | { readonly kind: 'timeout'; readonly message: string };

export interface LiveTailOptions {
  readonly filterPattern?: string;
  /** Aborting ends the session: the iteration returns (no error) and the connection is closed. */
  readonly signal?: AbortSignal;
}

const ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[^*]+$/;

/** Checks what AWS would reject, so a bad call costs no round trip. Throws `AwsError` InvalidInput. */
export function validateLiveTailGroups(groupArns: readonly string[]): void {
  const fail = (message: string): never => {
    throw new AwsError('InvalidInput', LOGS_SERVICE, 'StartLiveTail', `${LOGS_SERVICE} StartLiveTail: ${message}`);
  };
  if (groupArns.length === 0) fail('at least one log group is required');
  if (groupArns.length > LIVE_TAIL_MAX_GROUPS) fail(`a live tail takes at most ${LIVE_TAIL_MAX_GROUPS} log groups (got ${groupArns.length})`);
  if (new Set(groupArns).size !== groupArns.length) fail('the same log group is listed twice');
  // StartLiveTail wants log group ARNs without the trailing `:*` that DescribeLogGroups' `arn` has.
  for (const arn of groupArns) if (!ARN.test(arn)) fail(`not a log group ARN (without a trailing *): ${arn}`);
}


/** Starts a live tail over `groupArns` (1-10 log group ARNs); see the file header. */
export async function* startLiveTail(client: CloudWatchLogsClient, target: ServiceTarget, groupArns: readonly string[], options: LiveTailOptions = {}): AsyncIterable<LiveTailUpdate> {
  validateLiveTailGroups(groupArns);
  if (options.signal?.aborted) return;
  // Our own controller, linked to the caller's: a consumer that stops iterating (break, throw)
  // closes the connection too, instead of leaving a session streaming into nowhere.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    yield* tail(client, target, groupArns, options.filterPattern, controller.signal);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}

async function* tail(client: CloudWatchLogsClient, target: ServiceTarget, groupArns: readonly string[], filterPattern: string | undefined, signal: AbortSignal): AsyncIterable<LiveTailUpdate> {
  let out;
  try {
    out = await awsCall(target, 'StartLiveTail', signal, () =>
      client.send(
        new StartLiveTailCommand({ logGroupIdentifiers: [...groupArns], ...(filterPattern ? { logEventFilterPattern: filterPattern } : {}) }),
        { abortSignal: signal },
      ),
    );
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  }
  const stream = out.responseStream;
  if (stream === undefined) return;
  try {
    for await (const frame of stream) {
      if (signal.aborted) return;
      if (frame.sessionStart) {
        const s = frame.sessionStart;
        yield { kind: 'start', sessionId: s.sessionId ?? '', requestId: s.requestId ?? '', groups: s.logGroupIdentifiers ?? [] };
      } else if (frame.sessionUpdate) {
        const u = frame.sessionUpdate;
        const events = (u.sessionResults ?? []).map(
          (e): LiveTailEvent => ({
            timestamp: e.timestamp ?? 0,
            message: e.message ?? '',
            group: e.logGroupIdentifier ?? '',
            stream: e.logStreamName ?? '',
            ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
          }),
        );
        yield { kind: 'update', events, sampled: u.sessionMetadata?.sampled === true };
      } else if (frame.SessionTimeoutException) {
        // Some SDK versions deliver modelled stream exceptions as members instead of throwing.
        yield { kind: 'timeout', message: frame.SessionTimeoutException.message ?? 'Live tail session timed out' };
        return;
      } else if (frame.SessionStreamingException) {
        throw toAwsError(frame.SessionStreamingException, target.service, 'StartLiveTail', target);
      }
    }
  } catch (error) {
    if (signal.aborted) return;
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'SessionTimeoutException') {
      yield { kind: 'timeout', message: (error as Error).message || 'Live tail session timed out' };
      return;
    }
    throw toAwsError(error, target.service, 'StartLiveTail', target);
  }
}
