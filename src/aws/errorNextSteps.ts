// What to do next about each AwsError code: the text tree nodes show under a failure and commands
// add to their notifications. It lives with the codes so a new code cannot ship without one (the
// table is exhaustive over `AwsErrorCode`). Connection failures get profile-specific text and an
// action on top (credentials/credentialErrors.ts).
import { AwsError, type AwsErrorCode } from './errors';

const NEXT_STEP: Readonly<Record<AwsErrorCode, string>> = {
  AccessDenied: 'Your credentials are not allowed to do this; ask for the permission or switch profile.',
  Throttling: 'AWS is throttling requests; retry in a moment.',
  ExpiredToken: 'Your credentials have expired; refresh them (e.g. `aws sso login`) and retry.',
  NotFound: 'It no longer exists; refresh the parent.',
  Network: 'AWS could not be reached; check the network or the endpoint setting and retry.',
  Cancelled: 'Cancelled.',
  InvalidInput: 'AWS rejected the request; see the log for details.',
  Unknown: 'See the log for details, then retry.',
  InvalidCredentials: 'AWS does not recognise these keys (revoked, deleted or mistyped); update the profile, then reconnect.',
  ClockSkew: "This computer's clock is off; sync it with network time, then retry.",
  NoCredentials: 'No credentials were found; select a profile or run `aws configure`, then reconnect.',
  Unavailable: 'The service is not available in this region (or the opt-in region is not enabled); pick another region.',
  Conflict: 'It was changed by someone else, or another change to it is still in progress; refresh, then retry.',
  QuotaExceeded: 'An account quota is used up; delete what is no longer needed or request an increase in Service Quotas. Retrying will not help.',
  BadResponse: 'The endpoint did not answer like AWS; check archlens.aws.endpointUrl, that the emulator supports this operation, or your proxy.',
};

/** The next step for an error (an `AwsError`'s code; anything else counts as `Unknown`). */
export function nextStepFor(error: unknown): string {
  return NEXT_STEP[error instanceof AwsError ? error.code : 'Unknown'];
}
