// CodeArtifact origin controls as a write operation (src/operations): the state of one package
// is its `{publish, upstream}` restrictions or "missing", the intent the restrictions to set.
// The plan only ever holds packages read from the repository (a listing or the tree's nodes), and
// the target never writes to a package it finds missing: PutPackageOriginConfiguration would
// create it (a phantom package no restore removes), so a package deleted since the plan reads as
// changed-since-plan (`conflict`) and is skipped.
import type { CodeArtifactGateway, OriginRestriction, OriginRestrictions, PackageCoordinates, PackageFilter, PackageSummary, RepositoryLocation } from '../../aws/codeArtifactGateway';
import { OperationStop, type OperationTarget } from '../executor';
import { itemKey, keyParts, MAX_PLAN_ITEMS, type OperationPlan, type PlanItem } from '../plan';
import type { JournalCodec } from '../recovery';

export const ORIGIN_OPERATION = 'codeartifact.originControl';

/**
 * How every origin-control run (extension, CLI, bench) paces itself: 8 workers, up to 16, halved
 * on each throttled answer; a throttled item is retried up to 12 times with jittered backoff.
 * Against AWS's 100 writes/s this measured 89 writes/s with nothing failed (bench/codeArtifact.ts).
 */
export const ORIGIN_RUN_TUNING = { concurrency: { initial: 8, max: 16 }, retry: { maxAttempts: 12 } } as const;

/** A package's origin controls, or `missing` (deleted, or never there). Survives JSON. */
export type OriginState = OriginRestrictions | { readonly missing: true };
/** The restrictions to set; an absent member keeps the package's current value. */
export type OriginIntent = Partial<OriginRestrictions>;

export type OriginPlan = OperationPlan<OriginState, OriginIntent>;

/** What the confirmation names and the journal records. No credentials. */
export interface OriginPlanTarget extends RepositoryLocation {
  readonly account: string;
  readonly region: string;
}

const isRestriction = (value: unknown): value is OriginRestriction => value === 'ALLOW' || value === 'BLOCK';

export function isMissing(state: OriginState): state is { readonly missing: true } {
  return 'missing' in state;
}

/** The key of a package: format, namespace and name, JSON-encoded so no two packages collide. */
export function packageKey(coordinates: PackageCoordinates): string {
  return itemKey(coordinates.format, coordinates.namespace ?? '', coordinates.name);
}

/** The coordinates back from a key (journals may be edited: anything odd is refused). */
export function packageFromKey(key: string): PackageCoordinates | undefined {
  const parts = keyParts(key);
  if (parts?.length !== 3) return undefined;
  const [format, namespace, name] = parts as [string, string, string];
  if (!/^[a-z]{2,20}$/.test(format) || name === '') return undefined;
  return { format: format as PackageCoordinates['format'], ...(namespace !== '' ? { namespace } : {}), name };
}

/** JSON <-> states and intents, validating what comes back from a journal file. */
export const originCodec: JournalCodec<OriginState, OriginIntent> = {
  state(value) {
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (v.missing === true) return { missing: true };
    return isRestriction(v.publish) && isRestriction(v.upstream) ? { publish: v.publish, upstream: v.upstream } : undefined;
  },
  intent(value) {
    if (typeof value !== 'object' || value === null) return undefined;
    const { publish, upstream } = value as Record<string, unknown>;
    if ((publish !== undefined && !isRestriction(publish)) || (upstream !== undefined && !isRestriction(upstream))) return undefined;
    return { ...(publish !== undefined ? { publish } : {}), ...(upstream !== undefined ? { upstream } : {}) };
  },
};

/**
 * For `restorePlan`: the intent that sets a package back to what it was. A package that did not
 * exist cannot be "restored" by this operation (only DeletePackage removes it): undefined.
 */
export function restoreIntent(original: OriginState): OriginIntent | undefined {
  return isMissing(original) ? undefined : { publish: original.publish, upstream: original.upstream };
}

/** The target over one repository's gateway. */
export function originTarget(gateway: CodeArtifactGateway, location: RepositoryLocation): OperationTarget<OriginState, OriginIntent> {
  const coordinates = (item: PlanItem<OriginState, OriginIntent>): PackageCoordinates => {
    const found = packageFromKey(item.key);
    if (!found) throw new OperationStop('InvalidPlan', `The plan item ${item.key.slice(0, 200)} does not name a package (format, namespace, name).`);
    return found;
  };
  return {
    async read(item, signal) {
      const found = await gateway.describePackage(location, coordinates(item), { signal });
      if (found === undefined) return { missing: true };
      // A package whose restrictions the service did not report cannot be compared: fail this item.
      if (!found.origin) throw new Error('origin restrictions not reported');
      return found.origin;
    },
    desired(current, intent) {
      // Never turn "missing" into a package: that is PutPackageOriginConfiguration's phantom.
      if (isMissing(current)) return current;
      return { publish: intent.publish ?? current.publish, upstream: intent.upstream ?? current.upstream };
    },
    same(a, b) {
      if (isMissing(a) || isMissing(b)) return isMissing(a) && isMissing(b);
      return a.publish === b.publish && a.upstream === b.upstream;
    },
    async write(item, desired) {
      // Unreachable through runOperation (missing -> desired missing -> "unchanged"); a guard all the same.
      if (isMissing(desired)) throw new OperationStop('WouldCreatePackage', 'ArchLens does not create packages; the package does not exist in the repository.');
      await gateway.putPackageOrigin(location, coordinates(item), desired);
    },
  };
}

/**
 * A plan from packages read from the repository (the tree's nodes or a listing). Packages without
 * reported restrictions and duplicates are left out; the rest keep what was read as `before`.
 */
export function originPlan(target: OriginPlanTarget, packages: readonly PackageSummary[], intent: OriginIntent): OriginPlan {
  const seen = new Set<string>();
  const items: PlanItem<OriginState, OriginIntent>[] = [];
  for (const p of packages) {
    const key = packageKey(p);
    if (!p.origin || seen.has(key)) continue;
    seen.add(key);
    items.push({ key, before: p.origin, intent });
  }
  return { operation: ORIGIN_OPERATION, target: planTarget(target), items };
}

/** A plan from a ListPackages filter (server-side), bounded by MAX_PLAN_ITEMS. */
export async function originPlanFromFilter(
  gateway: CodeArtifactGateway,
  target: OriginPlanTarget,
  filter: PackageFilter,
  intent: OriginIntent,
  signal?: AbortSignal,
): Promise<OriginPlan> {
  const packages: PackageSummary[] = [];
  for await (const page of gateway.packagePages(target, filter, { pageSize: 1000, signal })) {
    packages.push(...page.items);
    if (packages.length > MAX_PLAN_ITEMS) break;
  }
  return originPlan(target, packages, intent);
}

/** The plan's target as the journal records it (no credentials). */
export function planTarget(target: OriginPlanTarget): Record<string, string> {
  return {
    account: target.account,
    region: target.region,
    domain: target.domain,
    ...(target.domainOwner ? { domainOwner: target.domainOwner } : {}),
    repository: target.repository,
  };
}

/** "publish BLOCK, upstream ALLOW" (the parts the intent sets). */
export function describeIntent(intent: OriginIntent): string {
  const parts = [];
  if (intent.publish) parts.push(`publish ${intent.publish}`);
  if (intent.upstream) parts.push(`upstream ${intent.upstream}`);
  return parts.join(', ') || 'no change';
}
