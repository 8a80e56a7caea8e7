// The one wrapper around every AWS SDK `send` of the gateways, and the one page type and paging
// helper they share. `awsCall` checks the signal first (a cancel between pages never reaches the
// service) and maps any failure to the one AwsError type, knowing which endpoint was called: an
// HTML page from a proxy or "nothing listening" names the endpoint and the setting behind it.
import { AwsError, toAwsError } from './errors';

/**
 * Who a gateway's calls go to, for error messages. The session builds one per gateway from the
 * service's descriptor and the resolved endpoint; a gateway built by hand (tests) passes only
 * `service`.
 */
export interface ServiceTarget {
  /** The service's name in messages, e.g. `CloudFormation`. */
  readonly service: string;
  /** The endpoint override the client talks to; undefined: AWS's own endpoint for the region. */
  readonly endpoint?: string;
  /** Where the override was configured, e.g. `setting archlens.aws.endpointUrl` or `AWS_ENDPOINT_URL`. */
  readonly endpointOrigin?: string;
}

/** Options shared by every gateway call. */
export interface CallOptions {
  /** Cancels the in-flight request and stops further paging. */
  readonly signal?: AbortSignal;
}

/** Options of a listing that resumes from a token (PagedChildren's "load more" and "retry"). */
export interface PageOptions extends CallOptions {
  /** Start at this token (from a previous page's `nextToken`); undefined: the first page. */
  readonly startToken?: string;
}

/** One page of a listing, with the token of the next one (absent on the last page). */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/** The error every gateway throws once the caller's signal aborted. */
function cancelledError(service: string, operation: string, signal: AbortSignal | undefined): AwsError {
  return new AwsError('Cancelled', service, operation, `${service} ${operation}: cancelled`, signal?.reason);
}

/** Runs one SDK call for `operation`, throwing `AwsError` (code `Cancelled` once `signal` aborted). */
export async function awsCall<T>(target: ServiceTarget, operation: string, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (signal?.aborted) throw cancelledError(target.service, operation, signal);
  try {
    return await run();
  } catch (error) {
    // The SDK reports an abort in several shapes (AbortError, a destroyed socket); the signal is the truth.
    if (signal?.aborted) throw cancelledError(target.service, operation, signal);
    throw toAwsError(error, target.service, operation, target);
  }
}

/** Resolves after `ms`; rejects with `Cancelled` (for `operation`) once `signal` aborts. */
export function abortableSleep(ms: number, service: string, operation: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError(service, operation, signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(service, operation, signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A NextToken listing from `startToken` on, one `awsCall` per page; each page carries the token of
 * the next, so a caller can resume from the last good page. A token already followed would loop
 * forever: it ends the listing. `fetch` maps the service's own token field (`NextToken`,
 * `nextToken`, `Marker`...) to a `Page`.
 */
export async function* tokenPages<T>(
  target: ServiceTarget,
  operation: string,
  options: PageOptions,
  fetch: (token: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<Page<T>, void, undefined> {
  let nextToken = options.startToken;
  const seen = new Set<string | undefined>();
  do {
    const token = nextToken;
    const out = await awsCall(target, operation, options.signal, () => fetch(token));
    seen.add(token);
    nextToken = out.nextToken && !seen.has(out.nextToken) ? out.nextToken : undefined;
    yield { items: out.items, ...(nextToken ? { nextToken } : {}) };
  } while (nextToken !== undefined);
}
