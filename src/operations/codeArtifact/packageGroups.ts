// Package groups on the client side: which group a package is associated with (the most specific
// pattern that matches its path), the package's effective origin state from its own restrictions
// and its group's, and the smallest group pattern that would cover many packages at once.
//
// Pattern syntax (CodeArtifact user guide, "Package group definition syntax and matching
// behavior"): `/*`, `/npm/*`, `/maven/com.acme~` (namespace prefix), `/npm/acme/*`,
// `/npm/acme/ui-~` (name prefix), `/maven/org.x/core$` (exact). A package belongs to the one
// group whose pattern matches most specifically. How a package's own restrictions and its group's
// combine: ArchLens counts a restriction as allowing only when both allow (either BLOCK blocks),
// which is how the user guide describes the two layers; the tooltip says which one decided.
import type { GroupRestriction, OriginRestriction, OriginRestrictions, PackageCoordinates, PackageGroupSummary } from '../../aws/codeArtifactGateway';

type Matcher =
  | { readonly kind: 'all' }
  | { readonly kind: 'format'; readonly format: string }
  | { readonly kind: 'namespacePrefix'; readonly format: string; readonly prefix: string }
  | { readonly kind: 'namespace'; readonly format: string; readonly namespace: string }
  | { readonly kind: 'namePrefix'; readonly format: string; readonly namespace: string; readonly prefix: string }
  | { readonly kind: 'exact'; readonly format: string; readonly namespace: string; readonly name: string };

/** The matcher of a pattern, or undefined for one that is not valid syntax. */
export function parseGroupPattern(pattern: string): Matcher | undefined {
  if (pattern === '/*') return { kind: 'all' };
  const parts = pattern.split('/');
  if (parts[0] !== '' || parts.length < 3 || parts.length > 4) return undefined;
  const format = parts[1]!;
  if (!/^[a-z]+$/.test(format)) return undefined;
  if (parts.length === 3) {
    const last = parts[2]!;
    if (last === '*') return { kind: 'format', format };
    if (last.endsWith('~')) return { kind: 'namespacePrefix', format, prefix: last.slice(0, -1) };
    return undefined;
  }
  const namespace = parts[2]!;
  const last = parts[3]!;
  if (last === '*') return { kind: 'namespace', format, namespace };
  if (last.endsWith('~')) return { kind: 'namePrefix', format, namespace, prefix: last.slice(0, -1) };
  if (last.endsWith('$')) return { kind: 'exact', format, namespace, name: last.slice(0, -1) };
  return undefined;
}

/** How specifically a matcher matches `p` (higher wins), or -1 when it does not. */
function strength(m: Matcher, p: PackageCoordinates): number {
  const ns = p.namespace ?? '';
  switch (m.kind) {
    case 'all':
      return 0;
    case 'format':
      return m.format === p.format ? 1 : -1;
    case 'namespacePrefix':
      return m.format === p.format && ns.startsWith(m.prefix) ? 2 + m.prefix.length / 1000 : -1;
    case 'namespace':
      return m.format === p.format && ns === m.namespace ? 3 : -1;
    case 'namePrefix':
      return m.format === p.format && ns === m.namespace && p.name.startsWith(m.prefix) ? 4 + m.prefix.length / 1000 : -1;
    case 'exact':
      return m.format === p.format && ns === m.namespace && p.name === m.name ? 5 : -1;
  }
}

/** Whether `pattern` matches the package at all (not only as its most specific group). */
export function patternMatches(pattern: string, p: PackageCoordinates): boolean {
  const m = parseGroupPattern(pattern);
  return m !== undefined && strength(m, p) >= 0;
}

/** The group a package is associated with: the most specific matching pattern. */
export function associatedGroup(groups: readonly PackageGroupSummary[], p: PackageCoordinates): PackageGroupSummary | undefined {
  let best: PackageGroupSummary | undefined;
  let bestStrength = -1;
  for (const group of groups) {
    const m = parseGroupPattern(group.pattern);
    const s = m ? strength(m, p) : -1;
    if (s > bestStrength) {
      best = group;
      bestStrength = s;
    }
  }
  return best;
}

export type Decider = 'package' | 'group' | 'both';

export interface EffectiveRestriction {
  readonly value: OriginRestriction;
  /** Which setting made it: the package's own, the group's, or both agree. */
  readonly decidedBy: Decider;
  /** The group allows only some repositories (ALLOW_SPECIFIC_REPOSITORIES). */
  readonly specificRepositories?: true;
}

export interface EffectiveOrigin {
  readonly publish: EffectiveRestriction;
  /** From public registries (the group's EXTERNAL_UPSTREAM): the dependency-confusion path. */
  readonly upstream: EffectiveRestriction;
  readonly group?: string;
}

function groupMode(r: GroupRestriction | undefined): { value: OriginRestriction; specific: boolean } {
  const mode = r?.effectiveMode ?? r?.mode ?? 'ALLOW';
  // ALLOW_SPECIFIC_REPOSITORIES still lets versions in somewhere: counted as allowing, and flagged.
  return { value: mode === 'BLOCK' ? 'BLOCK' : 'ALLOW', specific: mode === 'ALLOW_SPECIFIC_REPOSITORIES' };
}

function combine(own: OriginRestriction, group: { value: OriginRestriction; specific: boolean } | undefined): EffectiveRestriction {
  if (!group) return { value: own, decidedBy: 'package' };
  if (own === group.value) return { value: own, decidedBy: 'both', ...(group.specific ? { specificRepositories: true as const } : {}) };
  return own === 'BLOCK' ? { value: 'BLOCK', decidedBy: 'package' } : { value: 'BLOCK', decidedBy: 'group' };
}

/** A package's effective origin state from its own restrictions and its group's (if any). */
export function effectiveOrigin(own: OriginRestrictions, group: PackageGroupSummary | undefined): EffectiveOrigin {
  return {
    publish: combine(own.publish, group ? groupMode(group.publish) : undefined),
    upstream: combine(own.upstream, group ? groupMode(group.externalUpstream) : undefined),
    ...(group ? { group: group.pattern } : {}),
  };
}

/** `upstream BLOCK (group /npm/acme/* wins)` style text for one restriction. */
export function describeEffective(label: string, r: EffectiveRestriction, group: string | undefined): string {
  const who = r.decidedBy === 'group' ? `group ${group ?? ''} wins` : r.decidedBy === 'package' ? (group ? 'the package setting wins' : 'package setting') : group ? 'package and group agree' : 'package setting';
  return `${label} ${r.value} (${who}${r.specificRepositories ? '; group allows specific repositories only' : ''})`;
}

export interface GroupSuggestion {
  /** e.g. `/npm/acme/*` or `/pypi//acme-~`. */
  readonly pattern: string;
  /** Packages of the set the pattern covers. */
  readonly covers: number;
  /** Packages of the repository listing the pattern would also cover (not in the set): review them. */
  readonly alsoCovers: number;
}

/**
 * The smallest group patterns that cover many of `targets` (packages to fix, e.g. the risky
 * ones): a shared namespace (`/npm/acme/*`), or a shared name prefix up to a `-`, `.` or `_`
 * (`/pypi//acme-~`). `all` is the repository's listing, so each suggestion says how many other
 * packages it would also catch. Bounded: one pass over each list.
 */
export function suggestGroupPatterns(targets: readonly PackageCoordinates[], all: readonly PackageCoordinates[], minimum = 5): GroupSuggestion[] {
  const counts = new Map<string, number>();
  const bump = (pattern: string): void => {
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
  };
  const patternsOf = (p: PackageCoordinates): string[] => {
    const out: string[] = [];
    if (p.namespace) out.push(`/${p.format}/${p.namespace}/*`);
    const prefix = /^[a-z0-9]+[-._]/i.exec(p.name)?.[0];
    if (prefix) out.push(`/${p.format}/${p.namespace ?? ''}/${prefix}~`);
    return out;
  };
  for (const p of targets) for (const pattern of patternsOf(p)) bump(pattern);
  const candidates = [...counts].filter(([, n]) => n >= minimum);
  const suggestions = candidates.map(([pattern, covers]) => ({ pattern, covers, alsoCovers: all.filter((p) => patternMatches(pattern, p)).length - covers }));
  return suggestions.sort((a, b) => b.covers - a.covers || a.alsoCovers - b.alsoCovers || (a.pattern < b.pattern ? -1 : 1)).slice(0, 10);
}
