import type { CostComponent, CostEstimate, ResourceCost } from '../engine/cost/costTypes';
import type { CostDiff } from '../engine/cost/costDiff';
import { money, signedMoney } from '../engine/cost/money';
import { formatPrice } from '../engine/cost/pricerContext';
import type { WhatIfResult } from '../engine/cost/whatIf';
import { compareJson, compareLines, whatIfLines, whatIfsJson } from './costExtrasFormat';

/** One template's estimate, with its file and a way to turn offsets into line numbers. */
export interface CostedTemplate {
  readonly file: string;
  readonly estimate: CostEstimate;
  readonly lineOf: (offset: number) => number;
  /** `--what-if`: the what-ifs that change this template's estimate. */
  readonly whatIfs?: readonly WhatIfResult[];
  /** `--compare-to REF`: the difference from the file at that revision. */
  readonly compare?: { readonly ref: string; readonly diff: CostDiff };
}

interface FormatOptions {
  readonly region: string;
  readonly priceDate: string;
}

/** Totals over several templates: usage is null when usage was needed and none was known anywhere. */
function combinedMonthly(costed: readonly CostedTemplate[]): CostEstimate['monthly'] & { leftOut: number } {
  let fixed = 0;
  let usage = 0;
  let leftOut = 0;
  let usageComponents = 0;
  let knownUsage = 0;
  for (const { estimate } of costed) {
    fixed += estimate.monthly.fixed;
    usage += estimate.monthly.usage ?? 0;
    leftOut += estimate.leftOut;
    for (const resource of estimate.resources) {
      for (const component of resource.components) {
        if (!component.usageBased) continue;
        usageComponents++;
        if (component.monthly !== null) knownUsage++;
      }
    }
  }
  const round = (value: number): number => Math.round(value * 1e6) / 1e6;
  const knownOrNull = usageComponents > 0 && knownUsage === 0 ? null : round(usage);
  return { fixed: round(fixed), usage: knownOrNull, total: round(fixed + usage), leftOut };
}

/**
 * The JSON contract (CI scripts read it): `{ currency, region, priceDate, monthly: { fixed, usage,
 * total }, resources: [{ logicalId, type, free, monthly: { fixed, usage }, components: [{ name,
 * unit, quantity, unitPrice, monthly, usageBased }] }] }`. With several templates, each resource
 * also names its `file`.
 */
export function formatCostJson(costed: readonly CostedTemplate[], options: FormatOptions): string {
  const several = costed.length > 1;
  const { fixed, usage, total } = combinedMonthly(costed);
  const extras = costed.flatMap(({ file, compare, whatIfs }) => [
    {
      ...(several ? { file } : {}),
      ...(compare ? { compare: compareJson(compare.ref, compare.diff) } : {}),
      ...(whatIfs ? { whatIfs: whatIfsJson(whatIfs) } : {}),
    },
  ]);
  const withExtras = extras.some((extra) => Object.keys(extra).some((key) => key !== 'file'));
  const resources = costed.flatMap(({ file, estimate }) =>
    estimate.resources.map((resource) => ({
      ...(several ? { file } : {}),
      logicalId: resource.logicalId,
      type: resource.type,
      free: resource.free,
      monthly: { fixed: resource.monthly.fixed, usage: resource.monthly.usage },
      components: resource.components.map((component) => ({
        name: component.name,
        unit: component.unit,
        quantity: component.quantity,
        unitPrice: component.unitPrice,
        monthly: component.monthly,
        usageBased: component.usageBased,
      })),
    })),
  );
  // One template: `compare` / `whatIfs` at the top level; several: a `templates` list naming each file.
  const extraKeys = !withExtras ? {} : several ? { templates: extras } : extras[0];
  return `${JSON.stringify({ currency: 'USD', region: options.region, priceDate: options.priceDate, monthly: { fixed, usage, total }, resources, ...extraKeys }, null, 2)}\n`;
}

export { money };

/** Template-supplied names may hold terminal escapes or newlines: show them inert. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function componentLine(component: CostComponent): string {
  if (component.monthly === null) return `${component.name}: ${component.note ?? 'unknown'}`;
  const quantity = component.quantity === null ? '' : `${Number(component.quantity.toPrecision(10)).toLocaleString('en-US')} ${component.unit} x $${formatPrice(component.unitPrice ?? 0)} = `;
  const note = component.note ? `  (${component.note})` : '';
  return `${component.name}: ${quantity}${money(component.monthly)}${note}`;
}

function resourceTotal(resource: ResourceCost): string {
  if (!resource.supported) return 'not priced yet';
  if (resource.free) return 'free';
  const fixedParts = resource.components.filter((component) => !component.usageBased);
  const fixed = resource.monthly.fixed ?? 0;
  const fixedUnknown = fixedParts.some((component) => component.monthly === null);
  if (fixedParts.length === 0) return resource.monthly.usage === null ? 'usage-based (usage unknown)' : `${money(resource.monthly.usage)}/mo usage`;
  const fixedText = fixedUnknown ? (fixed > 0 ? `${money(fixed)}/mo + unknown` : 'unknown') : `${money(fixed)}/mo`;
  const hasUsage = resource.components.some((component) => component.usageBased);
  const usage = !hasUsage ? '' : resource.monthly.usage === null ? ' + usage unknown' : ` + ${money(resource.monthly.usage)} usage`;
  return `${fixedText}${usage}`;
}

function totalsLine(costed: readonly CostedTemplate[], options: FormatOptions): string {
  const { fixed, usage, total } = combinedMonthly(costed);
  const usageText = usage === null ? 'usage unknown' : `${money(usage)} usage`;
  return `Monthly estimate: ${money(fixed)} fixed + ${usageText} = ${money(total)} (${options.region}, USD list prices of ${options.priceDate})`;
}

function leftOutLine(leftOut: number): string | undefined {
  if (leftOut === 0) return undefined;
  return `${leftOut} ${leftOut === 1 ? 'component is' : 'components are'} left out of the total (unknown usage or no price): give usage with --usage FILE or choose --preset small|medium|large.`;
}

/** Human-readable: per template, each priced resource with its components, then free and unpriced ones, then totals. */
export function formatCostText(costed: readonly CostedTemplate[], options: FormatOptions): string {
  const lines: string[] = [];
  for (const { file, estimate, lineOf, compare, whatIfs } of costed) {
    const free: string[] = [];
    const unpriced: string[] = [];
    for (const resource of estimate.resources) {
      const name = plain(resource.logicalId);
      if (resource.free) free.push(name);
      else if (!resource.supported) unpriced.push(`${name} (${plain(resource.type)})`);
      if (resource.free || !resource.supported) continue;
      const as = resource.pricedAs !== resource.type ? ` as ${resource.pricedAs}` : '';
      lines.push(`${plain(file)}:${lineOf(resource.offset)}  ${name}  ${plain(resource.type)}${as}  ${resourceTotal(resource)}`);
      for (const component of resource.components) lines.push(`    ${plain(componentLine(component))}`);
      for (const note of resource.notes) lines.push(`    note: ${plain(note)}`);
    }
    if (free.length > 0) lines.push(`${plain(file)}: free: ${free.join(', ')}`);
    if (unpriced.length > 0) lines.push(`${plain(file)}: not priced yet: ${unpriced.join(', ')}`);
    if (estimate.notCreated.length > 0) lines.push(`${plain(file)}: not created with these parameters: ${estimate.notCreated.map(plain).join(', ')}`);
    if (compare) lines.push(...compareLines(compare.ref, compare.diff, plain));
    if (whatIfs) lines.push(...whatIfLines(whatIfs, plain));
    lines.push('');
  }
  lines.push(totalsLine(costed, options));
  const leftOut = leftOutLine(combinedMonthly(costed).leftOut);
  if (leftOut) lines.push(leftOut);
  const assumptions = costed[0]?.estimate.assumptions ?? [];
  for (const assumption of assumptions) lines.push(`Assumption: ${assumption}`);
  return `${lines.join('\n')}\n`;
}

/** Markdown for pull-request comments: totals, a per-resource table, components in a collapsed block. */
export function formatCostMarkdown(costed: readonly CostedTemplate[], options: FormatOptions): string {
  const { total, leftOut } = combinedMonthly(costed);
  const out: string[] = [`### Cost estimate: ${money(total)}/month`, '', totalsLine(costed, options), ''];
  const leftOutText = leftOutLine(leftOut);
  if (leftOutText) out.push(`> ${leftOutText}`, '');
  out.push('| Resource | Type | Monthly |', '| --- | --- | ---: |');
  const details: string[] = [];
  for (const { file, estimate } of costed) {
    for (const resource of estimate.resources) {
      const id = costed.length > 1 ? `${file}: ${resource.logicalId}` : resource.logicalId;
      out.push(`| ${cell(id)} | ${cell(resource.type)} | ${cell(resourceTotal(resource))} |`);
      for (const component of resource.components) details.push(`- ${cell(resource.logicalId)}: ${cell(componentLine(component))}`);
    }
  }
  for (const { file, compare, whatIfs } of costed) {
    const of = costed.length > 1 ? ` (${cell(file)})` : '';
    if (compare) {
      out.push('', `**Compared with ${cell(compare.ref)}${of}:** ${money(compare.diff.before)} -> ${money(compare.diff.after)} (${signedMoney(compare.diff.delta)}/mo)`);
      if (compare.diff.resources.length > 0) out.push('', '| Change | Resource | Type | Before | After | Delta |', '| --- | --- | --- | ---: | ---: | ---: |');
      for (const change of compare.diff.resources) out.push(`| ${change.change} | ${cell(change.logicalId)} | ${cell(change.type)} | ${money(change.before)} | ${money(change.after)} | ${signedMoney(change.delta)} |`);
    }
    if (whatIfs && whatIfs.length > 0) {
      out.push('', `**What-ifs${of}** (the template is unchanged):`, '', '| What-if | Monthly | Difference | Caveat |', '| --- | ---: | ---: | --- |');
      for (const result of whatIfs) out.push(`| ${cell(result.label)} | ${money(result.after)} | ${signedMoney(result.delta)} | ${cell(result.caveat)} |`);
    }
  }
  if (details.length > 0) out.push('', '<details><summary>Components</summary>', '', ...details, '', '</details>');
  const assumptions = costed[0]?.estimate.assumptions ?? [];
  if (assumptions.length > 0) out.push('', '<details><summary>Assumptions</summary>', '', ...assumptions.map((text) => `- ${cell(text)}`), '', '</details>');
  return `${out.join('\n')}\n`;
}

/** Text inside a Markdown table cell or list item: no HTML, no table breaks, no formatting. */
function cell(text: string): string {
  return plain(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1');
}
