import type { CostEstimate } from './costTypes';
import { knownMonthly } from './whatIf';

/** One resource's change between two versions of a template. */
export interface ResourceCostChange {
  readonly logicalId: string;
  readonly type: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Known monthly figures (priced components only); 0 for the side where the resource is absent. */
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

/** The difference between two estimates (a file at a git ref and the file now, a deployed stack and the file). */
export interface CostDiff {
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  /** Added, removed and changed resources; unchanged ones are left out. Largest increase first. */
  readonly resources: readonly ResourceCostChange[];
}

/**
 * Compares two estimates resource by resource (by logical id). A resource whose type changed
 * counts as removed and added. Figures are known monthly amounts: usage nobody gave is left out
 * on both sides alike, so it never shows as a difference.
 */
export function diffEstimates(before: CostEstimate, after: CostEstimate): CostDiff {
  const old = new Map(before.resources.map((resource) => [resource.logicalId, resource]));
  const seen = new Set<string>();
  const resources: ResourceCostChange[] = [];
  for (const resource of after.resources) {
    const previous = old.get(resource.logicalId);
    const now = knownMonthly(resource);
    if (previous && previous.type === resource.type) {
      seen.add(resource.logicalId);
      const was = knownMonthly(previous);
      if (Math.abs(now - was) >= 1e-6 || componentsDiffer(previous.components, resource.components)) {
        resources.push({ logicalId: resource.logicalId, type: resource.type, change: 'changed', before: was, after: now, delta: round(now - was) });
      }
      continue;
    }
    resources.push({ logicalId: resource.logicalId, type: resource.type, change: 'added', before: 0, after: now, delta: now });
  }
  for (const resource of before.resources) {
    if (seen.has(resource.logicalId)) continue;
    const was = knownMonthly(resource);
    resources.push({ logicalId: resource.logicalId, type: resource.type, change: 'removed', before: was, after: 0, delta: round(-was) });
  }
  resources.sort((a, b) => b.delta - a.delta || a.logicalId.localeCompare(b.logicalId));
  return { before: before.monthly.total, after: after.monthly.total, delta: round(after.monthly.total - before.monthly.total), resources };
}

/** Same figures but a different make-up (a usage-based component that became fixed...) still counts as changed. */
function componentsDiffer(a: CostEstimate['resources'][number]['components'], b: CostEstimate['resources'][number]['components']): boolean {
  if (a.length !== b.length) return true;
  return a.some((component, index) => component.name !== b[index]!.name || component.quantity !== b[index]!.quantity);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
