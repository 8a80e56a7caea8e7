// Opaque page tokens shared by every service. A token names its scope (usually the operation), so
// a token from another operation, or a made-up one, is rejected the way AWS rejects it.

export function encodePageToken(scope: string, offset: number): string {
  return Buffer.from(`${scope}:${offset}`, 'utf8').toString('base64url');
}

/** The offset in `token` (0 without a token); undefined when the token is not one of `scope`'s or past `max`. */
export function decodePageToken(scope: string, token: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (token === undefined) return 0;
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  const colon = decoded.lastIndexOf(':');
  if (colon < 0 || decoded.slice(0, colon) !== scope || !/^\d+$/.test(decoded.slice(colon + 1))) return undefined;
  const offset = Number(decoded.slice(colon + 1));
  return offset <= max ? offset : undefined;
}

export interface PageRequest {
  /** Usually the operation name. */
  readonly scope: string;
  readonly token: string | undefined;
  readonly size: number;
  /** The service's error for a token it does not accept. */
  readonly invalid: (token: string) => Error;
}

/** One page of `items` and the token of the next one (none on the last page). */
export function takePage<T>(items: readonly T[], request: PageRequest): { page: T[]; nextToken?: string; offset: number } {
  const offset = decodePageToken(request.scope, request.token, items.length);
  if (offset === undefined) throw request.invalid(request.token ?? '');
  const end = offset + request.size;
  return { page: items.slice(offset, end), offset, ...(end < items.length ? { nextToken: encodePageToken(request.scope, end) } : {}) };
}
