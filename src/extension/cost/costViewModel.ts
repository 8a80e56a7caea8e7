/**
 * What the editor shows of a template's cost: the panel's state, the code lens label and the
 * hover of each resource. Free of `vscode` (unit-tested in Node): the host passes text and
 * inputs in, and the engine does all the pricing.
 */
import { analyzeDocument } from '../../engine/analyzedDocument';
import { diffEstimates } from '../../engine/cost/costDiff';
import type { CostEstimate, ResourceCost } from '../../engine/cost/costTypes';
import { estimateCost, type EstimateOptions } from '../../engine/cost/estimate';
import { money, signedMoney } from '../../engine/cost/money';
import { formatPrice } from '../../engine/cost/pricerContext';
import { SHIPPED_PRICES, type PriceTable } from '../../engine/cost/priceTable';
import type { PresetName, UsageInput } from '../../engine/cost/usage';
import { estimateWhatIfs, knownMonthly } from '../../engine/cost/whatIf';
import { WHAT_IFS, type WhatIfId, type WhatIfRates } from '../../engine/cost/whatIfTypes';
import type { CostCompareView, CostResourceView, CostViewState } from '../../shared/webview/costProtocol';

/** What one estimate in the editor is made from. */
export interface CostRequest {
  readonly fileName: string;
  readonly text: string;
  readonly region: string;
  readonly usage: UsageInput;
  readonly usageFile: string;
  readonly rates: WhatIfRates;
  readonly preset: PresetName | undefined;
  readonly whatIfsOn: ReadonlySet<WhatIfId>;
  /** The file at a git revision: its text (undefined = the file did not exist), or why there is none. */
  readonly compare?: { readonly ref: string; readonly text: string | undefined } | { readonly ref: string; readonly problem: string };
  readonly problems: readonly string[];
  readonly prices?: PriceTable;
}

/** The estimate of a document, or undefined when it is not a CloudFormation / SAM template. */
export function estimateDocument(fileName: string, text: string, options: EstimateOptions): CostEstimate | undefined {
  const analyzed = analyzeDocument(fileName, text);
  if ((analyzed.kind !== 'cloudformation' && analyzed.kind !== 'sam') || !analyzed.template) return undefined;
  return estimateCost(analyzed.template, options);
}

/** The panel state of a template, or undefined when the text is not a template. */
export function buildCostView(request: CostRequest): CostViewState | undefined {
  const analyzed = analyzeDocument(request.fileName, request.text);
  if ((analyzed.kind !== 'cloudformation' && analyzed.kind !== 'sam') || !analyzed.template) return undefined;
  const options: EstimateOptions = { prices: request.prices ?? SHIPPED_PRICES, region: request.region, usage: request.usage, preset: request.preset };
  const baseline = estimateCost(analyzed.template, options);
  const deltas = new Map(estimateWhatIfs(analyzed.template, options, baseline, undefined, request.rates).map((result) => [result.id, result.delta]));
  const shown = request.whatIfsOn.size > 0 ? estimateCost(analyzed.template, { ...options, whatIf: { ids: request.whatIfsOn, rates: request.rates } }) : baseline;
  return {
    file: request.fileName,
    region: shown.region,
    priceDate: shown.priceDate,
    fixed: shown.monthly.fixed,
    usage: shown.monthly.usage,
    total: shown.monthly.total,
    leftOut: shown.leftOut,
    preset: request.preset ?? request.usage.preset ?? '',
    usageFile: request.usageFile,
    resources: shown.resources.map((resource) => resourceView(resource, request.usage)),
    byService: byService(shown),
    // Every what-if that changes something, and any the user turned on.
    whatIfs: WHAT_IFS.filter((whatIf) => deltas.has(whatIf.id) || request.whatIfsOn.has(whatIf.id)).map((whatIf) => ({ ...whatIf, on: request.whatIfsOn.has(whatIf.id), delta: deltas.get(whatIf.id) ?? 0 })),
    compare: request.compare ? compareView(request.compare, options, baseline) : null,
    assumptions: shown.assumptions,
    problems: request.problems,
  };
}

function compareView(compare: NonNullable<CostRequest['compare']>, options: EstimateOptions, now: CostEstimate): CostCompareView {
  if ('problem' in compare) return { ref: compare.ref, problem: compare.problem, before: 0, after: now.monthly.total, delta: 0, resources: [] };
  const before = compare.text === undefined ? undefined : estimateDocument('before.yaml', compare.text, options);
  const empty: CostEstimate = { ...now, monthly: { fixed: 0, usage: 0, total: 0 }, leftOut: 0, resources: [], notCreated: [] };
  const diff = diffEstimates(before ?? empty, now);
  return { ref: compare.ref, problem: '', before: diff.before, after: diff.after, delta: diff.delta, resources: diff.resources };
}

function resourceView(resource: ResourceCost, usage: UsageInput): CostResourceView {
  const own = usage.resources.get(resource.logicalId);
  return {
    logicalId: resource.logicalId,
    type: resource.type,
    status: !resource.supported ? 'unpriced' : resource.free ? 'free' : resource.components.every((component) => component.usageBased) ? 'usage' : 'priced',
    monthly: knownMonthly(resource),
    leftOut: resource.components.filter((component) => component.monthly === null).length,
    components: resource.components.map((component) => ({
      name: component.name,
      unit: component.unit,
      quantity: component.quantity,
      unitPrice: component.unitPrice,
      monthly: component.monthly,
      usageBased: component.usageBased,
      note: component.note ?? '',
      source: component.source ?? '',
    })),
    notes: resource.notes,
    usage: resource.usageKeys.map((key) => ({ key, value: own?.get(key) ?? null })),
  };
}

/** Known monthly cost per service (`Lambda`, `EC2`...), largest first; services that cost nothing known are left out. */
export function byService(estimate: CostEstimate): { service: string; monthly: number }[] {
  const totals = new Map<string, number>();
  for (const resource of estimate.resources) {
    const service = resource.pricedAs.split('::')[1] ?? resource.pricedAs;
    const monthly = knownMonthly(resource);
    if (monthly > 0) totals.set(service, (totals.get(service) ?? 0) + monthly);
  }
  return [...totals].map(([service, monthly]) => ({ service, monthly: Math.round(monthly * 1e6) / 1e6 })).sort((a, b) => b.monthly - a.monthly || a.service.localeCompare(b.service));
}

/** The code lens text of a resource: "≈ $32.85/mo", "≈ $32.85/mo + usage", "usage-based", "free", "not priced yet". */
export function lensLabel(resource: ResourceCost): string {
  if (!resource.supported) return 'cost: not priced yet';
  if (resource.free) return 'free';
  const known = knownMonthly(resource);
  const unknown = resource.components.filter((component) => component.monthly === null);
  const fixedUnknown = unknown.some((component) => !component.usageBased);
  const usageUnknown = unknown.some((component) => component.usageBased);
  if (fixedUnknown && known === 0) return resource.components.some((component) => !component.usageBased && (component.note ?? '').includes('no price for')) ? 'cost: unknown (no price)' : 'cost: unknown';
  if (known === 0 && usageUnknown) return 'usage-based';
  return `≈ ${money(known)}/mo${usageUnknown ? ' + usage' : ''}${fixedUnknown ? ' + unknown' : ''}`;
}

/** The hover of a resource: its components, notes and where to set usage (Markdown; names escaped). */
export function hoverMarkdown(resource: ResourceCost, region: string, priceDate: string): string {
  const lines = [`**Monthly cost of ${escapeMarkdown(resource.logicalId)}**: ${escapeMarkdown(lensLabel(resource))} (${escapeMarkdown(region)}, list prices of ${escapeMarkdown(priceDate)})`, ''];
  for (const component of resource.components) {
    const figure =
      component.monthly === null
        ? (component.note ?? 'unknown')
        : `${component.quantity === null ? '' : `${Number(component.quantity.toPrecision(10)).toLocaleString('en-US')} ${component.unit} × $${formatPrice(component.unitPrice ?? 0)} = `}${money(component.monthly)}`;
    lines.push(`- ${escapeMarkdown(component.name)}: ${escapeMarkdown(figure)}`);
  }
  for (const note of resource.notes) lines.push(`- _${escapeMarkdown(note)}_`);
  return lines.join('\n');
}

/** Template text in Markdown: no links, HTML or formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#!|<>~&]/g, '\\$&').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** "+$7.35/mo" for a comparison line. */
export function deltaText(delta: number): string {
  return `${signedMoney(delta)}/mo`;
}
