// How a package's origin controls read in the tree: text badges (`publish ALLOW · upstream BLOCK`)
// and, for the risky ALLOW/ALLOW state (open to dependency confusion: a public package of the
// same name can be pulled in), a warning icon AND the word "risky", so it never relies on colour.
import type { OriginRestrictions, PackageFilter, PackageSummary } from '../../aws/codeArtifactGateway';
import type { EffectiveOrigin } from '../../operations/codeArtifact/packageGroups';
import type { NodeIcon } from '../viewNode';

export function isRiskyOrigin(origin: OriginRestrictions | undefined): boolean {
  return origin?.publish === 'ALLOW' && origin.upstream === 'ALLOW';
}

/** `publish ALLOW · upstream BLOCK`, with `⚠ risky` first for ALLOW/ALLOW; `origin unknown` when not reported. */
export function originBadges(origin: OriginRestrictions | undefined): string {
  if (!origin) return 'origin unknown';
  const badges = `publish ${origin.publish} · upstream ${origin.upstream}`;
  return isRiskyOrigin(origin) ? `⚠ risky · ${badges}` : badges;
}

/** The effective values when known (own settings and group combined), else the package's own. */
function effectiveValues(origin: OriginRestrictions | undefined, effective: EffectiveOrigin | undefined): OriginRestrictions | undefined {
  return effective ? { publish: effective.publish.value, upstream: effective.upstream.value } : origin;
}

export function originIcon(origin: OriginRestrictions | undefined, effective?: EffectiveOrigin): NodeIcon {
  const values = effectiveValues(origin, effective);
  if (isRiskyOrigin(values)) return { id: 'warning', color: 'list.warningForeground' };
  if (values?.publish === 'BLOCK' && values.upstream === 'BLOCK') return { id: 'lock' };
  return { id: 'package' };
}

/**
 * The badges of the effective state; where the package group overrides the package's own
 * setting, the badge says so (`upstream BLOCK (group)`), so the tree shows which one wins.
 */
export function effectiveBadges(origin: OriginRestrictions | undefined, effective: EffectiveOrigin | undefined): string {
  if (!origin || !effective) return originBadges(origin);
  const part = (label: string, r: EffectiveOrigin['publish']): string => `${label} ${r.value}${r.decidedBy === 'group' ? ' (group)' : ''}`;
  const badges = `${part('publish', effective.publish)} · ${part('upstream', effective.upstream)}`;
  return isRiskyOrigin(effectiveValues(origin, effective)) ? `⚠ risky · ${badges}` : badges;
}

/** `npm · prefix acme- · ALLOW/ALLOW` for a repository's description; '' when not filtered. */
export function describeFilter(filter: PackageFilter): string {
  const parts: string[] = [];
  if (filter.format) parts.push(filter.format);
  if (filter.namespace) parts.push(`namespace ${filter.namespace}`);
  if (filter.prefix) parts.push(`prefix ${filter.prefix}`);
  if (filter.publish || filter.upstream) parts.push(`publish ${filter.publish ?? 'any'} / upstream ${filter.upstream ?? 'any'}`);
  return parts.join(' · ');
}

/** `@scope/name` for npm, `group:artifact` for Maven, `namespace/name` otherwise, `name` alone without a namespace. */
export function packageDisplayName(p: Pick<PackageSummary, 'format' | 'namespace' | 'name'>): string {
  if (!p.namespace) return p.name;
  if (p.format === 'npm') return `@${p.namespace}/${p.name}`;
  if (p.format === 'maven') return `${p.namespace}:${p.name}`;
  return `${p.namespace}/${p.name}`;
}

/** What the risky state means and what to do, for tooltips. */
export const RISKY_EXPLANATION =
  'Both publishing and upstream are allowed: if someone publishes this name on the public registry, a build can pull that version instead of yours (dependency confusion). Block upstream for internal packages, or block publish for packages that only come from upstream.';
