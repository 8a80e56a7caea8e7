// The one wrapper around every CloudWatch Logs `send`: checks the signal first (a cancel between
// pages never reaches the service) and maps any failure to the one AwsError type.
import { toAwsError } from '../errors';

export const LOGS_SERVICE = 'CloudWatchLogs';

/** Runs one SDK call for `operation`, throwing `AwsError` (code `Cancelled` once `signal` aborted). */
export async function logsCall<T>(operation: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  if (signal?.aborted) throw toAwsError(new DOMException('The operation was aborted', 'AbortError'), LOGS_SERVICE, operation);
  try {
    return await call();
  } catch (error) {
    // The SDK reports an abort in several shapes (AbortError, a destroyed socket); the signal is the truth.
    if (signal?.aborted) throw toAwsError(new DOMException('The operation was aborted', 'AbortError'), LOGS_SERVICE, operation);
    throw toAwsError(error, LOGS_SERVICE, operation);
  }
}
