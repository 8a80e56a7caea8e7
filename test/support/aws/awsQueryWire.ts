// The awsQuery wire pieces of the CloudFormation test server: XML elements, `Name.member.N` form
// lists, the error a handler throws, and opaque page tokens that name their operation (so a token
// from another operation, or a made-up one, is rejected the way CloudFormation rejects it).

/** Page sizes of the paginated operations (the service's defaults). */
export const PAGE_SIZE: Readonly<Record<string, number>> = {
  ListStacks: 100,
  ListStackResources: 100,
  DescribeStackEvents: 100,
  DescribeStacks: 100,
  DescribeStackResourceDrifts: 100,
};

/** CloudFormation's wording for a token it does not accept (boto/boto3#2203). */
export function invalidToken(token: string): ApiError {
  return new ApiError(400, 'ValidationError', `${token} is not a valid NextToken`);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<Name>value</Name>`, or nothing when the value is undefined. */
export function el(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${esc(String(value))}</${name}>`;
}

export function members(name: string, items: string[]): string {
  return `<${name}>${items.map((item) => `<member>${item}</member>`).join('')}</${name}>`;
}

export function list(params: Record<string, string>, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params[`${name}.member.${i}`] !== undefined; i++) out.push(params[`${name}.member.${i}`]!);
  return out;
}

/** A `.member.N` list whose values must come from `allowed` (a ValidationError names `field` otherwise). */
export function enumFilter(params: Record<string, string>, name: string, field: string, allowed: ReadonlySet<string>): string[] {
  const values = list(params, name);
  for (const value of values) {
    if (!allowed.has(value)) {
      throw new ApiError(400, 'ValidationError', `1 validation error detected: Value '[${value}]' at '${field}' failed to satisfy constraint: Member must satisfy enum value set`);
    }
  }
  return values;
}

function encodeToken(action: string, offset: number): string {
  return Buffer.from(`${action}:${offset}`, 'utf8').toString('base64');
}

export function decodeToken(action: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const [tokenAction, offset] = decoded.split(':');
  const n = Number(offset);
  if (tokenAction !== action || !Number.isInteger(n) || n < 0) throw invalidToken(token);
  return n;
}

export function paginate<T>(action: string, items: T[], params: Record<string, string>): { page: T[]; nextToken?: string } {
  const offset = decodeToken(action, params.NextToken);
  let size = PAGE_SIZE[action] ?? 100;
  if (params.MaxResults !== undefined) {
    const max = Number(params.MaxResults);
    if (!Number.isInteger(max) || max < 1 || max > 100) {
      throw new ApiError(400, 'ValidationError', `1 validation error detected: Value '${params.MaxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
    }
    size = max;
  }
  const page = items.slice(offset, offset + size);
  return { page, nextToken: offset + size < items.length ? encodeToken(action, offset + size) : undefined };
}
