// The one wrapper around every AWS SDK `send` of the gateways: checks the signal first (a cancel
// between pages never reaches the service) and maps any failure to the one AwsError type.
import { AwsError, toAwsError } from './errors';

/** The error every gateway throws once the caller's signal aborted. */
function cancelledError(service: string, operation: string, signal: AbortSignal | undefined): AwsError {
  return new AwsError('Cancelled', service, operation, `${service} ${operation}: cancelled`, signal?.reason);
}

/** Runs one SDK call for `operation`, throwing `AwsError` (code `Cancelled` once `signal` aborted). */
export async function awsCall<T>(service: string, operation: string, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (signal?.aborted) throw cancelledError(service, operation, signal);
  try {
    return await run();
  } catch (error) {
    // The SDK reports an abort in several shapes (AbortError, a destroyed socket); the signal is the truth.
    if (signal?.aborted) throw cancelledError(service, operation, signal);
    throw toAwsError(error, service, operation);
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

/** One page of a listing driven by NextToken. */
export interface TokenPage<T> {
  items: T[];
  /** Token for the page after this one; undefined on the last page. */
  nextToken?: string;
}

/**
 * A NextToken listing from `startToken` on, one `awsCall` per page; each page carries the token of
 * the next, so a caller can resume from the last good page. A token already followed would loop
 * forever: it ends the listing.
 */
export async function* tokenPages<T>(
  service: string,
  operation: string,
  options: { signal?: AbortSignal; startToken?: string },
  fetch: (token: string | undefined) => Promise<TokenPage<T>>,
): AsyncGenerator<TokenPage<T>, void, undefined> {
  let nextToken = options.startToken;
  const seen = new Set<string | undefined>();
  do {
    const token = nextToken;
    const out = await awsCall(service, operation, options.signal, () => fetch(token));
    seen.add(token);
    nextToken = out.nextToken && !seen.has(out.nextToken) ? out.nextToken : undefined;
    yield { items: out.items, ...(nextToken ? { nextToken } : {}) };
  } while (nextToken !== undefined);
}
