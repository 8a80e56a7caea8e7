/**
 * The live state of a deployed stack's resources for its diagram: every resource's status
 * (ListStackResources, paged: unlike DescribeStackResources it is not capped at 100) and the
 * drift status of the stack's latest drift detection (DescribeStackResourceDrifts, which starts
 * no new detection; a resource it does not list keeps the summary's drift status).
 * No `vscode` here: the unit tier drives it through the real SDK against the local server.
 */
import type { CloudFormationGateway } from '../../aws/cloudFormationGateway';
import type { LiveResource } from '../../engine/graph/liveStatus';

/** Resources read at most (a stack holds up to 500; nested or generated ones may hold more). */
const MAX_RESOURCES = 20_000;

export async function readLiveResources(gateway: CloudFormationGateway, stackId: string, signal?: AbortSignal): Promise<LiveResource[]> {
  const byId = new Map<string, { state: string; drift?: string; reason?: string }>();
  for await (const page of gateway.listStackResources(stackId, { signal })) {
    for (const summary of page.items) {
      if (!summary.LogicalResourceId || byId.size >= MAX_RESOURCES) continue;
      const drift = summary.DriftInformation?.StackResourceDriftStatus;
      byId.set(summary.LogicalResourceId, {
        state: summary.ResourceStatus ?? 'UNKNOWN',
        ...(drift !== undefined ? { drift } : {}),
        ...(summary.ResourceStatusReason ? { reason: summary.ResourceStatusReason } : {}),
      });
    }
  }
  for await (const page of gateway.resourceDrifts(stackId, { signal })) {
    for (const drift of page.items) {
      const known = drift.LogicalResourceId !== undefined ? byId.get(drift.LogicalResourceId) : undefined;
      if (known && drift.StackResourceDriftStatus) known.drift = drift.StackResourceDriftStatus;
    }
  }
  return [...byId].map(([logicalId, status]) => ({ logicalId, ...status }));
}

/** The `{ region }` of the open-diagram command's `{ live, region }` argument: the deployed stack's region. */
export function liveRegionArgument(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'region')) return undefined;
  const region = (value as { region: unknown }).region;
  return typeof region === 'string' && region.length <= 64 ? region : undefined;
}

/** The `{ live }` argument of the open-diagram command, checked (commands can be run with anything). */
export function liveArgument(value: unknown): readonly LiveResource[] | undefined {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'live')) return undefined;
  const live = (value as { live: unknown }).live;
  if (!Array.isArray(live)) return undefined;
  const valid = live.every(
    (item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as LiveResource).logicalId === 'string' &&
      typeof (item as LiveResource).state === 'string' &&
      ((item as LiveResource).drift === undefined || typeof (item as LiveResource).drift === 'string') &&
      ((item as LiveResource).reason === undefined || typeof (item as LiveResource).reason === 'string'),
  );
  return valid ? (live as LiveResource[]) : undefined;
}
