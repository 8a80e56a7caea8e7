// One error type for every AWS gateway (docs: architecture.md, layer src/aws).
// `toAwsError` maps SDK v3 errors to a small set of codes the UI can act on. Messages carry the
// service, the operation and the service's own message, never request bodies or credentials.
import { redactSecrets } from './redact';
import { isKnownRegion, isOptInRegion } from './regions';

export type AwsErrorCode =
  | 'AccessDenied'
  | 'Throttling'
  | 'ExpiredToken'
  | 'NotFound'
  | 'Network'
  | 'Cancelled'
  | 'InvalidInput'
  | 'Unknown'
  /** The keys are unknown to AWS (deleted, revoked, mistyped) or the secret does not match. */
  | 'InvalidCredentials'
  /** The local clock differs too much from AWS time for signatures to be accepted. */
  | 'ClockSkew'
  /** No credentials could be found or resolved for the selected profile. */
  | 'NoCredentials'
  /** The service is not offered in the region, or the (opt-in) region is not enabled for the account. */
  | 'Unavailable';

export class AwsError extends Error {
  override readonly name = 'AwsError';

  constructor(
    readonly code: AwsErrorCode,
    readonly service: string,
    readonly operation: string,
    message: string,
    override readonly cause?: unknown,
    /** The SDK's error name or code (e.g. `ValidationError`), when there was one. */
    readonly awsCode?: string,
    /** HTTP status of the failed response, when there was one. */
    readonly httpStatusCode?: number,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'NotAuthorized']);
// Revoked or unknown keys: AWS answers these (not AccessDenied) when it does not know the key.
const INVALID_CREDENTIALS = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId', 'AuthFailure', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'IncompleteSignature']);
const CLOCK_SKEW = new Set(['RequestTimeTooSkewed', 'RequestInTheFuture']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired', 'CredentialsProviderError']);
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'LimitExceededException',
]);
const NOT_FOUND = new Set(['NotFound', 'ResourceNotFoundException', 'EntityNotFoundException', 'StackNotFoundException', 'NoSuchEntity', 'StackSetNotFoundException']);
const INVALID = new Set(['ValidationError', 'ValidationException', 'InvalidParameterValue', 'InvalidParameterException', 'InvalidInput', 'MissingParameter', 'InvalidParameterCombination']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'NetworkingError']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** CloudFormation reports a missing stack as a 400 ValidationError "Stack with id X does not exist". */
function looksNotFound(message: string): boolean {
  return /\bdoes not exist\b/i.test(message);
}

/**
 * The region a failed request was sent to, attached by the client factory: an opt-in region that
 * is not enabled answers like revoked keys, and a service missing from a region fails DNS.
 */
export const ERROR_REGION = Symbol.for('archlens.aws.errorRegion');

function errorRegion(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? str((error as Record<symbol, unknown>)[ERROR_REGION]) : undefined;
}

/**
 * `getaddrinfo ENOTFOUND logs.xx-west-9.amazonaws.com`: no such regional endpoint. Only for regions
 * outside our list: STS, CloudFormation and Logs exist in every listed region, so there a DNS
 * failure means the network is down (an offline laptop must not read "not available").
 */
function missingRegionalHost(message: string, region: string | undefined): boolean {
  if (region === undefined || isKnownRegion(region)) return false;
  const host = /ENOTFOUND\s+([a-z0-9.-]+\.amazonaws\.com(?:\.cn)?)\b/i.exec(message)?.[1];
  return host !== undefined && host.includes(`.${region}.`);
}

function classify(error: ErrorLike, status: number | undefined, message: string, region?: string): AwsErrorCode {
  const name = str(error.name);
  const code = str(error.code) ?? str(error.Code);
  const ids = [name, code].filter((x): x is string => x !== undefined);
  if (ids.some((id) => id === 'AbortError')) return 'Cancelled';
  if (ids.some((id) => CLOCK_SKEW.has(id))) return 'ClockSkew';
  // A signature rejected for its timestamp is a clock problem, not a key problem.
  if (ids.some((id) => id === 'SignatureDoesNotMatch' || id === 'InvalidSignatureException') && /signature expired|request time|time stamp|timestamp/i.test(message)) return 'ClockSkew';
  if (ids.includes('CredentialsProviderError') && /could not load credentials|not found|does not exist|could not resolve/i.test(message)) return 'NoCredentials';
  if (ids.some((id) => EXPIRED.has(id))) return 'ExpiredToken';
  if (ids.some((id) => INVALID_CREDENTIALS.has(id))) return region !== undefined && isOptInRegion(region) && !ids.includes('SignatureDoesNotMatch') ? 'Unavailable' : 'InvalidCredentials';
  if (ids.some((id) => ACCESS_DENIED.has(id))) return 'AccessDenied';
  if (missingRegionalHost(message, region)) return 'Unavailable';
  if (ids.some((id) => THROTTLING.has(id))) return 'Throttling';
  if (ids.some((id) => NOT_FOUND.has(id))) return 'NotFound';
  if (ids.some((id) => INVALID.has(id))) return looksNotFound(message) ? 'NotFound' : 'InvalidInput';
  if (ids.some((id) => NETWORK_CODES.has(id) || NETWORK_NAMES.has(id))) return 'Network';
  if (status === undefined && /socket hang up|ECONNRESET|network|connect/i.test(message)) return 'Network';
  if (status === 403) return 'AccessDenied';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'Throttling';
  if (status === 400) return 'InvalidInput';
  return 'Unknown';
}

/** The service's message, secrets masked, capped at 500 characters. */
function redact(message: string): string {
  const out = redactSecrets(message);
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

/** Maps anything thrown by an SDK call (or by the gateway around it) to an `AwsError`. */
export function toAwsError(error: unknown, service: string, operation: string): AwsError {
  if (error instanceof AwsError) return error;
  const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const rawStatus = e.$metadata?.httpStatusCode;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const detail = redact(str(e.message) ?? '');
  const region = errorRegion(error);
  const code = classify(e, status, detail, region);
  const awsCode = str(e.name) !== 'Error' ? (str(e.name) ?? str(e.code)) : str(e.code);
  const summary =
    code === 'Cancelled'
      ? 'cancelled'
      : code === 'Unavailable' && region !== undefined
        ? `not available in ${region}${isOptInRegion(region) ? ' (an opt-in region: enable it for the account, or pick another region)' : ''}`
        : detail || awsCode || 'failed';
  return new AwsError(code, service, operation, `${service} ${operation}: ${summary}`, error, awsCode, status);
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AwsError && error.code === 'Cancelled';
}
