// The dependency-confusion check: for each dependency a workspace names, ask the connected
// repository whether it is an internal package (at least one version published to the domain,
// ListPackageVersions originType INTERNAL) whose effective origin still allows upstream (its own
// restriction and its package group's EXTERNAL_UPSTREAM both ALLOW). Such a package is the
// classic target: someone publishes the same name on the public registry and a build pulls it.
// Bounded (unique packages only, a few calls in flight), cached per repository and package,
// cancellable. Read-only: the fix is a plan (upstream BLOCK) that goes through the write path.
import type { CodeArtifactGateway, OriginRestrictions, PackageCoordinates, PackageGroupSummary, RepositoryLocation } from '../../aws/codeArtifactGateway';
import { boundedMap } from './boundedMap';
import type { ManifestDependency } from './manifests';
import { associatedGroup, effectiveOrigin, type EffectiveOrigin } from './packageGroups';
import { packageKey } from './originOperation';

export const CONFUSION_RULE = 'ca-dependency-confusion';

/** What the repository says of one package. */
export type PackageVerdict =
  | { readonly kind: 'absent' }
  | { readonly kind: 'safe'; readonly origin: OriginRestrictions; readonly effective: EffectiveOrigin; readonly internal: boolean }
  | { readonly kind: 'confusable'; readonly origin: OriginRestrictions; readonly effective: EffectiveOrigin };

export interface ConfusionFinding {
  readonly dependency: ManifestDependency;
  readonly verdict: Extract<PackageVerdict, { kind: 'confusable' }>;
  readonly message: string;
}

export interface CheckOptions {
  readonly gateway: CodeArtifactGateway;
  readonly location: RepositoryLocation;
  readonly signal?: AbortSignal;
  /** Calls in flight; default 8 (well under the 800 reads/s quota, and polite to a shared account). */
  readonly concurrency?: number;
  /** Verdicts kept between runs (key: repository + package); the caller clears it on refresh. */
  readonly cache?: Map<string, PackageVerdict>;
}

export interface CheckResult {
  readonly findings: ConfusionFinding[];
  /** Unique packages asked about (not answered from the cache). */
  readonly asked: number;
  readonly unique: number;
  readonly inRepository: number;
}

/** The domain's package groups (one listing), for effective origins. */
export async function domainGroups(gateway: CodeArtifactGateway, location: { readonly domain: string; readonly domainOwner?: string }, signal?: AbortSignal): Promise<PackageGroupSummary[]> {
  const groups: PackageGroupSummary[] = [];
  for await (const page of gateway.packageGroupPages(location, { signal })) {
    groups.push(...page.items);
    if (groups.length > 10_000) break;
  }
  return groups;
}

async function verdictOf(gateway: CodeArtifactGateway, location: RepositoryLocation, groups: readonly PackageGroupSummary[], p: PackageCoordinates, signal?: AbortSignal): Promise<PackageVerdict> {
  const found = await gateway.describePackage(location, p, { signal });
  if (!found?.origin) return { kind: 'absent' };
  const effective = effectiveOrigin(found.origin, associatedGroup(groups, p));
  // Only an internal package can be confused; ask about versions only when upstream is open.
  if (effective.upstream.value === 'BLOCK') return { kind: 'safe', origin: found.origin, effective, internal: false };
  const internal = (await gateway.hasVersions(location, p, 'INTERNAL', { signal })) === true;
  return internal ? { kind: 'confusable', origin: found.origin, effective } : { kind: 'safe', origin: found.origin, effective, internal };
}

function message(d: ManifestDependency, location: RepositoryLocation, v: Extract<PackageVerdict, { kind: 'confusable' }>): string {
  const via = v.effective.group ? ` (its package group ${v.effective.group} does not block external upstream either)` : '';
  return (
    `${d.written} is an internal package of ${location.domain}/${location.repository} (versions published there) whose origin controls allow upstream${via}: ` +
    `if someone publishes "${d.written}" on the public registry, a build can pull that version instead (dependency confusion). Block upstream for this package.`
  );
}

/** Checks `dependencies` (of any number of files) against one repository. */
export async function checkDependencies(dependencies: readonly ManifestDependency[], options: CheckOptions): Promise<CheckResult> {
  const { gateway, location, signal } = options;
  const cache = options.cache ?? new Map<string, PackageVerdict>();
  const where = `${location.domainOwner ?? ''}/${location.domain}/${location.repository}/`;
  const unique = new Map<string, PackageCoordinates>();
  for (const d of dependencies) unique.set(packageKey(d.coordinates), d.coordinates);
  const toAsk = [...unique].filter(([key]) => !cache.has(where + key));
  if (toAsk.length > 0) {
    const groups = await domainGroups(gateway, location, signal);
    await boundedMap(toAsk, options.concurrency ?? 8, async ([key, p]) => cache.set(where + key, await verdictOf(gateway, location, groups, p, signal)), signal);
  }
  const findings: ConfusionFinding[] = [];
  let inRepository = 0;
  for (const [key] of unique) if (cache.get(where + key)?.kind !== 'absent') inRepository += 1;
  for (const d of dependencies) {
    const verdict = cache.get(where + packageKey(d.coordinates));
    if (verdict?.kind === 'confusable') findings.push({ dependency: d, verdict, message: message(d, location, verdict) });
  }
  return { findings, asked: toAsk.length, unique: unique.size, inRepository };
}
