// Package-group origin configuration as a write operation (src/operations): one item per group
// pattern; its state is the group's own modes per restriction type (PUBLISH, EXTERNAL_UPSTREAM,
// INTERNAL_UPSTREAM), or "missing" when the domain has no group with that pattern; the intent the
// modes to set, or "remove". Apply creates a missing group (CreatePackageGroup) and sets its
// modes (UpdatePackageGroupOriginConfiguration); compare-and-set re-reads the group first
// (DescribePackageGroup) and skips one changed since the plan.
//
// Restore puts back the journaled before-state. A group the run CREATED is DELETED on restore,
// not reset to INHERIT: a group that exists captures its packages (they leave their parent group,
// and whatever is later set on the parent or on allowed-repository lists no longer reaches them),
// so only deleting it returns the domain to exactly the state before the run. DeletePackageGroup
// removes no package or version; the packages fall back to the parent group. Compare-and-set
// applies to the delete too: a group someone changed after our run is left alone (`conflict`).
import type { GroupModes, GroupRestriction, GroupRestrictionMode, GroupRestrictionType, PackageCoordinates, PackageGroupCalls, PackageGroupSummary, PackageSummary } from '../../aws/codeArtifactGateway';
import { GROUP_RESTRICTION_TYPES } from '../../aws/codeArtifactGroupTypes';
import { OperationStop, type OperationTarget } from '../executor';
import { itemKey, keyParts, type OperationPlan, type PlanItem } from '../plan';
import type { JournalCodec } from '../recovery';
import { associatedGroup, effectiveOrigin, parseGroupPattern, type EffectiveOrigin } from './packageGroups';

export const GROUP_OPERATION = 'codeartifact.packageGroupOrigin';

export type GroupState = { readonly modes: GroupModes } | { readonly missing: true };
export type GroupIntent = { readonly modes: Partial<GroupModes> } | { readonly remove: true };
export type GroupPlan = OperationPlan<GroupState, GroupIntent>;

/** What the confirmation names and the journal records. No credentials. */
export interface GroupPlanTarget {
  readonly account: string;
  readonly region: string;
  readonly domain: string;
  readonly domainOwner?: string;
}

const MODES: readonly GroupRestrictionMode[] = ['ALLOW', 'ALLOW_SPECIFIC_REPOSITORIES', 'BLOCK', 'INHERIT'];
const isMode = (value: unknown): value is GroupRestrictionMode => typeof value === 'string' && (MODES as readonly string[]).includes(value);
const INHERIT_ALL: GroupModes = { PUBLISH: 'INHERIT', EXTERNAL_UPSTREAM: 'INHERIT', INTERNAL_UPSTREAM: 'INHERIT' };

export function isGroupMissing(state: GroupState): state is { readonly missing: true } {
  return 'missing' in state;
}

/** A group's own modes as the gateway reports them (an absent type reads as INHERIT). */
export function groupState(group: PackageGroupSummary | undefined): GroupState {
  if (!group) return { missing: true };
  const own = (r: GroupRestriction | undefined): GroupRestrictionMode => r?.mode ?? 'INHERIT';
  return { modes: { PUBLISH: own(group.publish), EXTERNAL_UPSTREAM: own(group.externalUpstream), INTERNAL_UPSTREAM: own(group.internalUpstream) } };
}

export const groupKey = (pattern: string): string => itemKey('package-group', pattern);

export function patternFromKey(key: string): string | undefined {
  const parts = keyParts(key);
  if (parts?.length !== 2 || parts[0] !== 'package-group') return undefined;
  return parseGroupPattern(parts[1]!) ? parts[1] : undefined;
}

function decodeModes(value: unknown, partial: boolean): Partial<GroupModes> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const out: Partial<Record<GroupRestrictionType, GroupRestrictionMode>> = {};
  for (const type of GROUP_RESTRICTION_TYPES) {
    const mode = Object.hasOwn(v, type) ? v[type] : undefined;
    if (mode === undefined && partial) continue;
    if (!isMode(mode)) return undefined;
    out[type] = mode;
  }
  return out;
}

/** JSON <-> states and intents, validating what comes back from a journal file. */
export const groupCodec: JournalCodec<GroupState, GroupIntent> = {
  state(value) {
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (v.missing === true) return { missing: true };
    const modes = decodeModes(v.modes, false);
    return modes ? { modes: modes as GroupModes } : undefined;
  },
  intent(value) {
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (v.remove === true) return { remove: true };
    const modes = decodeModes(v.modes, true);
    return modes ? { modes } : undefined;
  },
};

/** For `restorePlan`: a group that was missing is removed again; one that existed gets its modes back. */
export function groupRestoreIntent(original: GroupState): GroupIntent {
  return isGroupMissing(original) ? { remove: true } : { modes: original.modes };
}

/** The target over one domain's package-group calls. */
export function groupTarget(calls: PackageGroupCalls, domain: { readonly domain: string; readonly domainOwner?: string }): OperationTarget<GroupState, GroupIntent> {
  const pattern = (item: PlanItem<GroupState, GroupIntent>): string => {
    const found = patternFromKey(item.key);
    if (!found) throw new OperationStop('InvalidPlan', `The plan item ${item.key.slice(0, 200)} does not name a package group pattern.`);
    return found;
  };
  return {
    async read(item, signal) {
      return groupState(await calls.describe(domain, pattern(item), { signal }));
    },
    desired(current, intent) {
      if ('remove' in intent) return { missing: true };
      return { modes: { ...(isGroupMissing(current) ? INHERIT_ALL : current.modes), ...intent.modes } };
    },
    same(a, b) {
      if (isGroupMissing(a) || isGroupMissing(b)) return isGroupMissing(a) && isGroupMissing(b);
      return GROUP_RESTRICTION_TYPES.every((type) => a.modes[type] === b.modes[type]);
    },
    async write(item, desired) {
      const p = pattern(item);
      if (isGroupMissing(desired)) {
        await calls.delete(domain, p);
        return;
      }
      // Compare-and-set has just read `before` as the current state: missing means create first.
      // (CreatePackageGroup takes no origin configuration, so this is two calls; a crash between
      // them leaves a group with INHERIT modes, which a resume reads as changed and flags.)
      if (isGroupMissing(item.before)) await calls.create(domain, p, 'Created by ArchLens (origin controls)');
      await calls.updateOrigin(domain, p, desired.modes);
    },
  };
}

/** A one-group plan: set `modes` on `pattern` (created when `current` is missing). */
export function groupPlan(target: GroupPlanTarget, pattern: string, current: GroupState, modes: Partial<GroupModes>): GroupPlan {
  if (!parseGroupPattern(pattern)) throw new OperationStop('InvalidPattern', `"${pattern.slice(0, 100)}" is not a package group pattern (for example /npm/acme/* or /pypi//acme-~).`);
  return {
    operation: GROUP_OPERATION,
    target: { account: target.account, region: target.region, domain: target.domain, ...(target.domainOwner ? { domainOwner: target.domainOwner } : {}) },
    items: [{ key: groupKey(pattern), before: current, intent: { modes } }],
  };
}

export interface CoveredPackage {
  readonly coordinates: PackageCoordinates;
  readonly before: EffectiveOrigin;
  readonly after: EffectiveOrigin;
}

/**
 * The packages of a repository listing that `pattern` would be the group of once its modes are
 * `modes`, with their effective origin before and after. An INHERIT mode takes the group the
 * package would otherwise belong to (its parent for this package). Packages without reported
 * restrictions are left out. Bounded: one pass over the listing, `groups` per package.
 */
export function groupCoverage(groups: readonly PackageGroupSummary[], packages: readonly PackageSummary[], pattern: string, modes: GroupModes): CoveredPackage[] {
  const others = groups.filter((g) => g.pattern !== pattern);
  const out: CoveredPackage[] = [];
  for (const p of packages) {
    if (!p.origin) continue;
    const parent = associatedGroup(others, p);
    const resolve = (type: GroupRestrictionType, fromParent: GroupRestriction | undefined): GroupRestriction => {
      const mode = modes[type];
      return mode === 'INHERIT' ? { mode, effectiveMode: fromParent?.effectiveMode ?? fromParent?.mode ?? 'ALLOW' } : { mode, effectiveMode: mode };
    };
    const changed: PackageGroupSummary = {
      pattern,
      publish: resolve('PUBLISH', parent?.publish),
      externalUpstream: resolve('EXTERNAL_UPSTREAM', parent?.externalUpstream),
      internalUpstream: resolve('INTERNAL_UPSTREAM', parent?.internalUpstream),
    };
    if (associatedGroup([...others, changed], p) !== changed) continue;
    out.push({ coordinates: { format: p.format, ...(p.namespace ? { namespace: p.namespace } : {}), name: p.name }, before: effectiveOrigin(p.origin, associatedGroup(groups, p)), after: effectiveOrigin(p.origin, changed) });
  }
  return out;
}

/** "EXTERNAL_UPSTREAM BLOCK, PUBLISH INHERIT" (the types the intent sets). */
export function describeGroupModes(modes: Partial<GroupModes>): string {
  return GROUP_RESTRICTION_TYPES.filter((t) => modes[t] !== undefined).map((t) => `${t} ${modes[t]}`).join(', ') || 'no change';
}
