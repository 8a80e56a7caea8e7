// CloudFormation's page sizes (the service's defaults) over the core's opaque page tokens.
import { decodePageToken, takePage } from '../core/paging';
import { awsQueryErrors } from './queryErrors';

const PAGE_SIZE: Readonly<Record<string, number>> = {
  ListStacks: 100,
  ListStackResources: 100,
  DescribeStackEvents: 100,
  DescribeStacks: 100,
  DescribeStackResourceDrifts: 100,
};

const errors = awsQueryErrors();
const invalidToken = (token: string): Error => errors.invalidToken(token);

/** 1-based page a request asks for (1 without NextToken, 0 for a token CloudFormation rejects); undefined for other operations. */
export function pageNumber(operation: string, params: Readonly<Record<string, string>>): number | undefined {
  if (!Object.hasOwn(PAGE_SIZE, operation)) return undefined;
  const offset = decodePageToken(operation, params.NextToken);
  return offset === undefined ? 0 : Math.floor(offset / PAGE_SIZE[operation]!) + 1;
}

export function cloudFormationPage<T>(operation: string, items: readonly T[], params: Readonly<Record<string, string>>): { page: T[]; nextToken?: string } {
  const size = params.MaxResults !== undefined ? Number(params.MaxResults) : (PAGE_SIZE[operation] ?? 100);
  return takePage(items, { scope: operation, token: params.NextToken, size, invalid: invalidToken });
}
