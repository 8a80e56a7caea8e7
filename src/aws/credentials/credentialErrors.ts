// Turns what the credential providers and STS throw into one `AwsError` with an actionable,
// profile-specific message and, where one exists, a remedy the UI can offer as a button.
// The SDK's messages are generic ("The SSO session associated with this profile has expired")
// and some would echo things we must not show: a failing credential_process's message carries
// its command line and stderr, so process errors are rewritten from scratch, never passed on.
import { AwsError, toAwsError, type AwsErrorCode } from '../errors';
import type { ProfileKind } from './profiles';

/** Something the user can do about a failure, offered as an action by the UI. */
export type Remedy =
  | { readonly kind: 'ssoLogin'; readonly command: string }
  | { readonly kind: 'openFile'; readonly file: string; readonly line: number }
  | { readonly kind: 'selectProfile' }
  | { readonly kind: 'selectRegion' };

/** An `AwsError` with the remedy the UI should offer. */
export interface ConnectionFailure {
  readonly error: AwsError;
  readonly remedy?: Remedy;
}

export interface FailureContext {
  /** The selected profile; undefined for environment-variable credentials. */
  readonly profile?: string;
  readonly kind?: ProfileKind | 'env';
  readonly region?: string;
  /** For time-out messages. */
  readonly timeoutSeconds?: number;
}

const SERVICE = 'Credentials';

/** An `AbortError`, which `toAwsError` classifies as `Cancelled` (a user cancel is not a failure). */
export function abortError(message = 'The operation was aborted'): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/** Thrown by the time box around credential resolution. */
export class CredentialTimeoutError extends Error {
  override readonly name = 'CredentialTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`credentials were not resolved within ${Math.round(timeoutMs / 1000)} s`);
  }
}

function who(ctx: FailureContext): string {
  return ctx.profile !== undefined ? `profile ${ctx.profile}` : 'the environment credentials';
}

function ssoCommand(ctx: FailureContext): string {
  return ctx.profile !== undefined && ctx.profile !== 'default' ? `aws sso login --profile ${ctx.profile}` : 'aws sso login';
}

// Errors this module produced, with their remedy: the error travels through the SDK and the
// gateways as a plain AwsError, and the UI asks for the remedy when it shows it.
const DESCRIBED = new WeakMap<AwsError, Remedy | null>();

/** The remedy attached to an error by `describeFailure`, if any. */
export function remedyFor(error: unknown): Remedy | undefined {
  return error instanceof AwsError ? (DESCRIBED.get(error) ?? undefined) : undefined;
}

function done(error: AwsError, remedy?: Remedy): ConnectionFailure {
  DESCRIBED.set(error, remedy ?? null);
  return { error, remedy };
}

function fail(code: AwsErrorCode, ctx: FailureContext, message: string, remedy?: Remedy, awsCode?: string): ConnectionFailure {
  // No `cause`: provider errors can carry a command line or output; the message says it all.
  return done(new AwsError(code, SERVICE, ctx.profile ?? 'environment', message, undefined, awsCode), remedy);
}

/** A NoCredentials error about a line of an AWS file, with "open the file at that line" as its remedy. */
export function fileProblemError(profile: string, message: string, location?: { file: string; line: number }): AwsError {
  const remedy: Remedy = location ? { kind: 'openFile', file: location.file, line: location.line } : { kind: 'selectProfile' };
  return fail('NoCredentials', { profile }, message, remedy).error;
}

function textOf(error: unknown): { name: string; message: string } {
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; message?: unknown };
    return { name: typeof e.name === 'string' ? e.name : '', message: typeof e.message === 'string' ? e.message : '' };
  }
  return { name: '', message: String(error) };
}

/**
 * Maps an error from resolving credentials (providers, AssumeRole, SSO, credential_process) or
 * from the first signed call (STS GetCallerIdentity) to a failure with a message naming the
 * profile and saying what to do.
 */
export function describeFailure(error: unknown, ctx: FailureContext): ConnectionFailure {
  if (error instanceof AwsError && DESCRIBED.has(error)) return { error, remedy: remedyFor(error) };
  const { name, message } = textOf(error);
  const subject = who(ctx);
  if (error instanceof CredentialTimeoutError) {
    const what = ctx.kind === 'process' ? 'credential_process' : 'resolving credentials';
    return fail('NoCredentials', ctx, `${subject}: ${what} did not finish within ${Math.round(error.timeoutMs / 1000)} s. Run it in a terminal to check it, or raise archlens.aws.credentialProcessTimeoutSeconds.`);
  }
  if (name === 'AbortError' || (error instanceof AwsError && error.code === 'Cancelled')) {
    return fail('Cancelled', ctx, `${subject}: cancelled`);
  }
  // Already classified by a gateway (e.g. STS GetCallerIdentity): only add profile and remedy.
  if (error instanceof AwsError) return fromAwsError(error, ctx);
  if (/credential_process/i.test(message) || (ctx.kind === 'process' && /^Command failed/i.test(message))) return processFailure(message, ctx);
  if (/\bSSO\b|sso_|sso-session|Token is expired/i.test(message) || name === 'TokenProviderError') return ssoFailure(message, ctx);
  if (/Detected a cycle/i.test(message)) return fail('NoCredentials', ctx, `${subject}: the source_profile links form a cycle; fix the profile in the config file.`, { kind: 'selectProfile' });
  if (/multi-factor authentication|MultiFactorAuthentication/i.test(message)) {
    return fail('AccessDenied', ctx, `${subject}: the MFA code was not accepted. Enter the current code from the device named by mfa_serial.`, undefined, name || undefined);
  }
  if (/Unable to find environment variable credentials/i.test(message)) {
    return fail('NoCredentials', ctx, 'No AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment of VS Code; select a profile instead.', { kind: 'selectProfile' });
  }
  if (/could not be found|was not found|Could not resolve credentials using profile|Could not load credentials/i.test(message)) {
    return fail('NoCredentials', ctx, `${subject}: no credentials (the profile has no keys, role, SSO or credential_process, or does not exist).`, { kind: 'selectProfile' });
  }
  // Anything else from a provider, e.g. an STS AssumeRole error in a role chain.
  return fromAwsError(toAwsError(error, SERVICE, ctx.profile ?? 'environment'), ctx);
}

function processFailure(message: string, ctx: FailureContext): ConnectionFailure {
  const subject = `${who(ctx)}: credential_process`;
  if (/invalid JSON/i.test(message)) return fail('NoCredentials', ctx, `${subject} printed something that is not JSON (not shown: it may contain secrets). Run the command in a terminal to check its output.`);
  if (/Version 1|invalid credentials/i.test(message)) {
    return fail('NoCredentials', ctx, `${subject} printed JSON without the expected fields (Version: 1, AccessKeyId, SecretAccessKey); output not shown.`);
  }
  if (/expired credentials/i.test(message)) return fail('ExpiredToken', ctx, `${subject} returned credentials that have already expired; check the tool (and this computer's clock).`);
  if (/did not contain credential_process/i.test(message)) return fail('NoCredentials', ctx, `${who(ctx)} has no credential_process.`);
  // `Command failed: <command>\n<stderr>`: neither is repeated (both may hold secrets).
  return fail('NoCredentials', ctx, `${subject} failed (it exited with an error or could not be started). Run it in a terminal to see why.`);
}

function ssoFailure(message: string, ctx: FailureContext): ConnectionFailure {
  const command = ssoCommand(ctx);
  const remedy: Remedy = { kind: 'ssoLogin', command };
  if (/Conflicting SSO|missing required property|invalid SSO credentials|Incomplete configuration|could not be found in shared/i.test(message)) {
    return fail('NoCredentials', ctx, `${who(ctx)}: the SSO settings are incomplete or inconsistent (sso_session, sso_start_url, sso_region, sso_account_id, sso_role_name). Run \`aws configure sso\` to fix them.`);
  }
  // "Cannot refresh": the token is (about to be) expired and holds no refresh token.
  const expired = /expired|Cannot refresh/i.test(message) && !/not found or is invalid/i.test(message);
  const why = expired ? 'has expired' : 'has no usable cached token (never logged in, or the cache file is missing or corrupt)';
  return fail('ExpiredToken', ctx, `${who(ctx)}: the IAM Identity Center (SSO) session ${why}. Run \`${command}\`, then reconnect.`, remedy);
}

/** Adds the profile and a remedy to a classified STS / service error. */
export function fromAwsError(error: AwsError, ctx: FailureContext): ConnectionFailure {
  const subject = who(ctx);
  if (DESCRIBED.has(error)) return { error, remedy: remedyFor(error) };
  const redo = (code: AwsErrorCode, message: string, remedy?: Remedy): ConnectionFailure =>
    done(new AwsError(code, error.service, error.operation, message, error.cause, error.awsCode, error.httpStatusCode), remedy);
  switch (error.code) {
    case 'InvalidCredentials':
      return redo('InvalidCredentials', `${subject}: AWS does not recognise this access key or its secret (revoked, deleted or mistyped). Update the keys, then reconnect.`, { kind: 'selectProfile' });
    case 'ClockSkew':
      return redo('ClockSkew', `${subject}: AWS rejected the request time; this computer's clock is off. Sync it with network time, then reconnect.`);
    case 'ExpiredToken':
      return ctx.kind === 'sso'
        ? redo('ExpiredToken', `${subject}: the SSO credentials have expired. Run \`${ssoCommand(ctx)}\`, then reconnect.`, { kind: 'ssoLogin', command: ssoCommand(ctx) })
        : redo('ExpiredToken', `${subject}: the session token has expired. Get new temporary credentials (aws_session_token), then reconnect.`);
    case 'Unavailable':
      return redo('Unavailable', error.message, { kind: 'selectRegion' });
    case 'AccessDenied':
      return redo('AccessDenied', `${subject}: ${error.message}`, { kind: 'selectProfile' });
    case 'NoCredentials':
      return done(error, { kind: 'selectProfile' });
    default:
      return done(error);
  }
}
