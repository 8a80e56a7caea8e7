// Limits and error kinds of CloudWatch Logs that the extension's commands check before calling:
// kept apart from the code that calls the SDK, so importing them does not load it.
import { AwsError } from '../errors';

/** StartLiveTail takes at most this many log groups. */
export const LIVE_TAIL_MAX_GROUPS = 10;

/** StartQuery (Logs Insights) takes at most this many log groups. */
export const INSIGHTS_MAX_GROUPS = 50;

/** True for the error a live tail throws when the service failed the stream (not a timeout). */
export function isLiveTailStreamingError(error: unknown): boolean {
  return error instanceof AwsError && error.awsCode === 'SessionStreamingException';
}
