// CloudWatch Logs' use of the shared `awsCall` wrapper (see ../awsCall.ts).
import { awsCall } from '../awsCall';

export const LOGS_SERVICE = 'CloudWatchLogs';

/** Runs one SDK call for `operation`, throwing `AwsError` (code `Cancelled` once `signal` aborted). */
export function logsCall<T>(operation: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  return awsCall(LOGS_SERVICE, operation, signal, call);
}
