import type { CostDiff } from '../engine/cost/costDiff';
import { money, signedMoney } from '../engine/cost/money';
import type { WhatIfResult } from '../engine/cost/whatIf';


/** Text lines of a comparison with a git revision (`plain` makes template names inert). */
export function compareLines(ref: string, diff: CostDiff, plain: (text: string) => string): string[] {
  const lines = [`Compared with ${plain(ref)}: ${money(diff.before)} -> ${money(diff.after)} (${signedMoney(diff.delta)}/mo)`];
  if (diff.resources.length === 0) lines.push('    no resource changed cost');
  for (const change of diff.resources) {
    lines.push(`    ${change.change.padEnd(7)} ${plain(change.logicalId)}  ${plain(change.type)}  ${money(change.before)} -> ${money(change.after)} (${signedMoney(change.delta)}/mo)`);
  }
  return lines;
}

/** Text lines of the what-ifs of one template. */
export function whatIfLines(results: readonly WhatIfResult[], plain: (text: string) => string): string[] {
  if (results.length === 0) return ['What-ifs: none changes this estimate'];
  const lines = ['What-ifs (the template is unchanged):'];
  for (const result of results) {
    lines.push(`    ${result.label}: ${money(result.after)}/mo (${signedMoney(result.delta)}/mo)  - ${result.caveat}`);
    for (const change of result.resources) lines.push(`        ${plain(change.logicalId)}: ${money(change.before)} -> ${money(change.after)} (${signedMoney(change.delta)})`);
  }
  return lines;
}

/** JSON of a comparison (added to the contract as `compare`). */
export function compareJson(ref: string, diff: CostDiff): object {
  return { ref, monthly: { before: diff.before, after: diff.after, delta: diff.delta }, resources: diff.resources };
}

/** JSON of what-ifs (added to the contract as `whatIfs`). */
export function whatIfsJson(results: readonly WhatIfResult[]): object[] {
  return results.map((result) => ({ id: result.id, label: result.label, caveat: result.caveat, monthly: { before: result.before, after: result.after, delta: result.delta }, leftOut: result.leftOut, resources: result.resources }));
}
