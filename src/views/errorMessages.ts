// How an error reads to the user, wherever it shows: a tree node's label and tooltip, or the
// notification of a failed command. One place, so a node and a command never describe the same
// failure differently (issue 10: "use one message everywhere").
//
// Codes without an entry (a code the AWS layer adds later) still read well: the error's own
// message, which the AWS layer writes for users, and a generic next step.
import { AwsError } from '../aws/errors';

/** What to tell the user to do next for each error code; unknown codes get `GENERIC_NEXT_STEP`. */
const NEXT_STEP: ReadonlyMap<string, string> = new Map([
  ['AccessDenied', 'Your credentials are not allowed to do this; ask for the permission or switch profile.'],
  ['Throttling', 'AWS is throttling requests; retry in a moment.'],
  ['ExpiredToken', 'Your credentials have expired; refresh them (e.g. `aws sso login`) and retry.'],
  ['NotFound', 'It no longer exists; refresh the parent.'],
  ['Network', 'AWS could not be reached; check the network or the endpoint setting (archlens.aws.endpointUrl) and retry.'],
  ['Cancelled', 'Cancelled.'],
  ['InvalidInput', 'AWS rejected the request; see the log for details.'],
  ['InvalidCredentials', 'AWS does not recognise these keys (revoked, deleted or mistyped); update the profile, then reconnect.'],
  ['ClockSkew', "This computer's clock is off; sync it with network time, then retry."],
  ['NoCredentials', 'No credentials were found; select a profile or run `aws configure`, then reconnect.'],
  ['Unavailable', 'The service is not available in this region (or the opt-in region is not enabled); pick another region.'],
]);

const GENERIC_NEXT_STEP = 'See the log for details, then retry.';

/**
 * An error whose message already says what happened and what to do (e.g. "the processed template
 * of X is not available…"): shown as it is, without a generic next step.
 */
export class UserFacingError extends Error {
  override readonly name: string = 'UserFacingError';
}

/** The one-line text of an error for a tree node or a notification. */
export function errorSummary(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What to do next about an error, for tooltips and notifications ('' for a `UserFacingError`). */
export function errorNextStep(error: unknown): string {
  if (error instanceof UserFacingError) return '';
  if (error instanceof AwsError) return NEXT_STEP.get(error.code) ?? GENERIC_NEXT_STEP;
  return GENERIC_NEXT_STEP;
}

/** An action a failure notification offers, by the command it runs. */
export interface FailureAction {
  readonly title: string;
  readonly command: string;
}

/** Buttons that lead to the fix, per error code (the log is always offered besides). */
const ACTIONS: ReadonlyMap<string, FailureAction> = new Map([
  ['AccessDenied', { title: 'Select Profile', command: 'archlens.aws.selectProfile' }],
  ['ExpiredToken', { title: 'Reconnect', command: 'archlens.aws.reconnect' }],
  ['InvalidCredentials', { title: 'Select Profile', command: 'archlens.aws.selectProfile' }],
  ['NoCredentials', { title: 'Select Profile', command: 'archlens.aws.selectProfile' }],
  ['Unavailable', { title: 'Select Region', command: 'archlens.aws.selectRegion' }],
  ['Network', { title: 'Show Connection', command: 'archlens.aws.showConnection' }],
]);

/** What a failed command shows: the message (what failed, why, what next) and its fix action. */
export interface CommandFailure {
  readonly message: string;
  readonly action?: FailureAction;
}

/**
 * The notification text of a failed command. `what` names the work in a sentence, e.g.
 * `Detecting drift of orders-api`. Never includes an error's stack or cause chain.
 */
export function commandFailure(what: string, error: unknown): CommandFailure {
  const next = errorNextStep(error);
  const message = `ArchLens: ${what} failed: ${errorSummary(error)}${next ? ` ${next}` : ''}`;
  const action = error instanceof AwsError ? ACTIONS.get(error.code) : undefined;
  return action ? { message, action } : { message };
}
