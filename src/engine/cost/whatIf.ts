import type { TemplateModel } from '../cfn/template';
import type { CostEstimate, ResourceCost } from './costTypes';
import { estimateCost, type EstimateOptions } from './estimate';
import { DEFAULT_WHAT_IF_RATES, WHAT_IFS, type WhatIfId, type WhatIfRates } from './whatIfTypes';

/** One resource under a what-if: its known monthly figure before and after. */
export interface WhatIfResourceChange {
  readonly logicalId: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

/** A what-if over a whole template: the new monthly total and the difference, per resource too. */
export interface WhatIfResult {
  readonly id: WhatIfId;
  readonly label: string;
  readonly caveat: string;
  /** Known monthly totals (fixed + known usage), before and after. */
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  /** Components left out of the total after the change (unknown usage or no price). */
  readonly leftOut: number;
  /** Resources whose figure changes, largest saving first. */
  readonly resources: readonly WhatIfResourceChange[];
}

/** The known monthly figure of a resource: its priced components (unknown ones stay out, as in the total). */
export function knownMonthly(resource: ResourceCost): number {
  let total = 0;
  for (const component of resource.components) if (component.monthly !== null) total += component.monthly;
  return round(total);
}

/**
 * Every what-if (or the ones asked for) against the baseline estimate of the same template: each
 * is a fresh estimate with the what-if on, so nothing in the template changes. What-ifs that
 * change nothing are left out.
 */
export function estimateWhatIfs(template: TemplateModel, options: EstimateOptions, baseline: CostEstimate = estimateCost(template, options), ids: readonly WhatIfId[] = WHAT_IFS.map((whatIf) => whatIf.id), rates: WhatIfRates = DEFAULT_WHAT_IF_RATES): WhatIfResult[] {
  const beforeById = new Map(baseline.resources.map((resource) => [resource.logicalId, knownMonthly(resource)]));
  const results: WhatIfResult[] = [];
  for (const whatIf of WHAT_IFS) {
    if (!ids.includes(whatIf.id)) continue;
    const changed = estimateCost(template, { ...options, whatIf: { ids: new Set([whatIf.id]), rates } });
    const resources: WhatIfResourceChange[] = [];
    for (const resource of changed.resources) {
      const before = beforeById.get(resource.logicalId) ?? 0;
      const after = knownMonthly(resource);
      if (Math.abs(after - before) >= 1e-6) resources.push({ logicalId: resource.logicalId, before, after, delta: round(after - before) });
    }
    if (resources.length === 0) continue;
    resources.sort((a, b) => a.delta - b.delta);
    const before = baseline.monthly.total;
    const after = changed.monthly.total;
    results.push({ ...whatIf, before, after, delta: round(after - before), leftOut: changed.leftOut, resources });
  }
  return results;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
