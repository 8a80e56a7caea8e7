// How a package's origin controls read in the tree: text badges (`publish ALLOW · upstream BLOCK`)
// and, for the risky ALLOW/ALLOW state (open to dependency confusion: a public package of the
// same name can be pulled in), a warning icon AND the word "risky", so it never relies on colour.
import type { OriginRestrictions, PackageSummary } from '../../aws/codeArtifactGateway';
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

export function originIcon(origin: OriginRestrictions | undefined): NodeIcon {
  if (isRiskyOrigin(origin)) return { id: 'warning', color: 'list.warningForeground' };
  if (origin?.publish === 'BLOCK' && origin.upstream === 'BLOCK') return { id: 'lock' };
  return { id: 'package' };
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
