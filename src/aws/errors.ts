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
  | 'Unavailable'
  /** The resource changed or is being changed by someone else (ConflictException, HTTP 409). */
  | 'Conflict'
  /** An account quota is used up (ServiceQuotaExceededException): retrying will not help. */
  | 'QuotaExceeded'
  /** The endpoint answered with something that is not an AWS response (an HTML page from a proxy or emulator). */
  | 'BadResponse';

/** Where the failed call went, when the caller knows (the gateways' `ServiceTarget`). */
export interface ErrorEndpoint {
  /** The endpoint override; undefined: AWS's own endpoint. */
  readonly endpoint?: string;
  /** Where the override was configured, e.g. `setting archlens.aws.endpointUrl`. */
  readonly endpointOrigin?: string;
}

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
// A KMS key the caller may not use (Glue's encrypted Data Catalog answers GlueEncryptionException): a permission problem.
const KMS_DENIED = new Set(['GlueEncryptionException', 'KMSAccessDeniedException', 'KMSDisabledException', 'KMSInvalidStateException', 'KMSNotFoundException']);
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
  // Glue: a federated source or the catalog itself was slow; retrying is the fix.
  'FederationSourceRetryableException',
  'OperationTimeoutException',
]);
// restJson1 services (CodeArtifact, ...) name the error in `x-amzn-errortype`; the SDK turns it into `name`.
const NOT_FOUND = new Set(['NotFound', 'ResourceNotFoundException', 'EntityNotFoundException', 'StackNotFoundException', 'NoSuchEntity', 'StackSetNotFoundException']);
const INVALID = new Set(['ValidationError', 'ValidationException', 'InvalidInputException', 'InvalidParameterValue', 'InvalidParameterException', 'InvalidInput', 'MissingParameter', 'InvalidParameterCombination']);
const CONFLICT = new Set(['ConflictException', 'ResourceConflictException', 'ConcurrentModificationException']);
// Not LimitExceededException: several services use it for rate limits (it stays Throttling).
const QUOTA = new Set(['ServiceQuotaExceededException', 'ServiceQuotaExceeded', 'QuotaExceededException', 'ResourceNumberLimitExceededException']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'NetworkingError']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  /** The raw HTTP response, which the SDK attaches (hidden) when it could not read the body. */
  $response?: { headers?: unknown };
  cause?: unknown;
  /** An AggregateError's errors (Node tries each address of a host, e.g. `localhost`). */
  errors?: unknown;
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
 * outside our list: in a listed region a service that does not exist there is refused before any
 * request (its descriptor's `regions`, see services/serviceDescriptor.ts), so there a DNS failure
 * means the network is down (an offline laptop must not read "not available").
 */
function missingRegionalHost(message: string, region: string | undefined): boolean {
  if (region === undefined || isKnownRegion(region)) return false;
  const host = /ENOTFOUND\s+([a-z0-9.-]+\.amazonaws\.com(?:\.cn)?)\b/i.exec(message)?.[1];
  return host !== undefined && host.includes(`.${region}.`);
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return typeof value === 'string' ? value : undefined;
  return undefined;
}

/**
 * A body the SDK could not read as the service's protocol (JSON or XML): a proxy's or an emulator's
 * HTML error page, a plain-text "Bad Gateway". The SDK says so only in its own words
 * (`Unexpected token '<', "<!doctype"...`, `XML parse error`, or an `Unknown` error for an awsQuery
 * service), and attaches the raw response; the content type tells an HTML page apart.
 */
function unreadableResponse(error: ErrorLike, message: string): { readonly html: boolean; readonly contentType?: string } | undefined {
  if (typeof error.$response !== 'object' || error.$response === null) return undefined;
  // The header is the answering server's text: shown, so bounded.
  const contentType = header(error.$response.headers, 'content-type')?.slice(0, 80);
  const html = /\bhtml\b/i.test(contentType ?? '') || /Unexpected token '<'|<!doctype|<html/i.test(message);
  const parseFailed = error.name === 'SyntaxError' || /Deserialization error|XML parse error|is not valid JSON|Unexpected end of JSON/i.test(message);
  const unknown = (error.name === 'Unknown' || error.name === 'UnknownError') && contentType !== undefined && !/xml|json/i.test(contentType);
  return html || parseFailed || unknown ? { html, ...(contentType ? { contentType } : {}) } : undefined;
}

/** `connect ECONNREFUSED 127.0.0.1:5999`: nothing listens at the endpoint (an emulator not started). */
function connectionRefused(error: ErrorLike, message: string): boolean {
  if (error.code === 'ECONNREFUSED' || /\bECONNREFUSED\b/.test(message)) return true;
  const inner = [error.cause, ...(Array.isArray(error.errors) ? (error.errors as unknown[]) : [])];
  return inner.some((e) => typeof e === 'object' && e !== null && (e as ErrorLike).code === 'ECONNREFUSED');
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
  if (ids.some((id) => ACCESS_DENIED.has(id) || KMS_DENIED.has(id))) return 'AccessDenied';
  if (missingRegionalHost(message, region)) return 'Unavailable';
  if (ids.some((id) => THROTTLING.has(id))) return 'Throttling';
  if (ids.some((id) => NOT_FOUND.has(id))) return 'NotFound';
  if (ids.some((id) => INVALID.has(id))) return looksNotFound(message) ? 'NotFound' : 'InvalidInput';
  if (ids.some((id) => CONFLICT.has(id))) return 'Conflict';
  if (ids.some((id) => QUOTA.has(id))) return 'QuotaExceeded';
  if (unreadableResponse(error, message)) return 'BadResponse';
  if (ids.some((id) => NETWORK_CODES.has(id) || NETWORK_NAMES.has(id)) || connectionRefused(error, message)) return 'Network';
  if (status === undefined && /socket hang up|ECONNRESET|network|connect/i.test(message)) return 'Network';
  if (status === 403) return 'AccessDenied';
  if (status === 404) return 'NotFound';
  if (status === 409) return 'Conflict';
  if (status === 429) return 'Throttling';
  if (status === 400) return 'InvalidInput';
  return 'Unknown';
}

/** The service's message, secrets masked, capped at 500 characters. */
function redact(message: string): string {
  const out = redactSecrets(message);
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

/** "clear archlens.aws.endpointUrl" / "clear AWS_ENDPOINT_URL": the place the endpoint was configured. */
function endpointSetting(where: ErrorEndpoint): string {
  return where.endpointOrigin?.replace(/^setting /, '') ?? 'archlens.aws.endpointUrl';
}

/** The message of a body that is not an AWS response: status, call, endpoint and what to check; never the SDK's text. */
function badResponseMessage(service: string, operation: string, status: number | undefined, body: { html: boolean; contentType?: string }, where: ErrorEndpoint, region: string | undefined): string {
  const what = body.html ? 'an HTML page' : `a body that is neither JSON nor XML${body.contentType ? ` (${body.contentType})` : ''}`;
  const http = status !== undefined ? ` (HTTP ${status})` : '';
  if (where.endpoint !== undefined) {
    return `${service} ${operation}: the endpoint ${where.endpoint} answered with ${what}${http}, not an AWS response. Check ${endpointSetting(where)}, the emulator, or your proxy.`;
  }
  const aws = region !== undefined ? `AWS's ${service} endpoint in ${region}` : `AWS's ${service} endpoint`;
  return `${service} ${operation}: ${aws} answered with ${what}${http}, not an AWS response: a proxy or firewall probably answered instead. Check your proxy settings.`;
}

/**
 * Maps anything thrown by an SDK call (or by the gateway around it) to an `AwsError`. `where` is
 * the endpoint the call went to (`awsCall` passes the gateway's target), for the messages that
 * must name it: nothing listening there, or a body that is not an AWS response.
 */
export function toAwsError(error: unknown, service: string, operation: string, where: ErrorEndpoint = {}): AwsError {
  if (error instanceof AwsError) return error;
  const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const rawStatus = e.$metadata?.httpStatusCode;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const detail = redact(str(e.message) ?? '');
  const region = errorRegion(error);
  const code = classify(e, status, detail, region);
  const awsCode = str(e.name) !== 'Error' ? (str(e.name) ?? str(e.code)) : str(e.code);
  const make = (message: string): AwsError => new AwsError(code, service, operation, message, error, awsCode, status);
  const body = code === 'BadResponse' ? unreadableResponse(e, detail) : undefined;
  if (body) return make(badResponseMessage(service, operation, status, body, where, region));
  // One text for a closed port wherever it shows (connect, tree nodes, commands): it names the endpoint and the next step.
  if (code === 'Network' && where.endpoint !== undefined && connectionRefused(e, detail)) {
    return make(`Nothing is listening at ${where.endpoint}. Start your emulator or clear ${endpointSetting(where)}.`);
  }
  const summary =
    code === 'Cancelled'
      ? 'cancelled'
      : code === 'Unavailable' && region !== undefined
        ? `not available in ${region}${isOptInRegion(region) ? ' (an opt-in region: enable it for the account, or pick another region)' : ''}`
        : detail || awsCode || 'failed';
  return make(`${service} ${operation}: ${summary}`);
}

export function isCancelled(error: unknown): boolean {
  return error instanceof AwsError && error.code === 'Cancelled';
}
