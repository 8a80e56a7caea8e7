// How an error reads to the user, wherever it shows: a tree node's label and tooltip, or the
// notification of a failed command. One place, so a node and a command never describe the same
// failure differently (issue 10: "use one message everywhere").
//
// The next step per code is the AWS layer's table (src/aws/errorNextSteps.ts, exhaustive over
// the codes). A code this build does not know (an error object from a newer layer) still reads
// well: its own message, which the AWS layer writes for users, and a generic next step.
import { nextStepFor } from '../aws/errorNextSteps';
import { AwsError } from '../aws/errors';

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
  // `||`: the table is typed exhaustive, but a code from outside this build has no entry.
  return nextStepFor(error) || GENERIC_NEXT_STEP;
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
  ['BadResponse', { title: 'Show Connection', command: 'archlens.aws.showConnection' }],
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
