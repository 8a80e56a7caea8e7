import { getValue } from '../document/located';
import { SAM_CREATES, SAM_GLOBALS_SECTION } from '../cfn/samTypes';
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import { ANALYTICS_PRICERS } from './analyticsPricers';
import { COMPUTE_PRICERS, type Pricer } from './computePricers';
import type { CostComponent, CostEstimate, ResourceCost } from './costTypes';
import { isFreeType } from './freeTypes';
import { ResourcePricer } from './pricerContext';
import { HOURS_PER_MONTH, type PriceTable } from './priceTable';
import { SERVICE_PRICERS } from './servicePricers';
import { EMPTY_USAGE, usageLookup, type PresetName, type UsageInput } from './usage';
import type { WhatIfChoice } from './whatIfTypes';
import { resourceConditionHolds, valueContext, type ValueContext } from './values';

/** What to estimate against. Everything is passed in: the engine reads no files. */
export interface EstimateOptions {
  readonly prices: PriceTable;
  readonly region: string;
  readonly usage?: UsageInput;
  /** Fills usage nobody gave from a built-in preset (overrides the usage file's `preset`). */
  readonly preset?: PresetName;
  /** Parameter values; parameters not given use their `Default`. */
  readonly parameters?: ReadonlyMap<string, string>;
  /** What-ifs to apply (Graviton, Spot...); none by default. */
  readonly whatIf?: WhatIfChoice;
}

const PRICERS: ReadonlyMap<string, Pricer> = new Map([...COMPUTE_PRICERS, ...SERVICE_PRICERS, ...ANALYTICS_PRICERS]);

/** Types the engine prices (its coverage, for docs and tests). */
export const PRICED_TYPES: readonly string[] = [...PRICERS.keys()];

/** The monthly cost of a template's resources, component by component. Pure and never throws on odd input. */
export function estimateCost(template: TemplateModel, options: EstimateOptions): CostEstimate {
  const values: ValueContext = valueContext(template, options.parameters ?? new Map(), options.region);
  const prices = options.prices.regions.get(options.region);
  const usage = options.usage ?? EMPTY_USAGE;
  const globals = getValue(template.root, 'Globals');
  const resources: ResourceCost[] = [];
  const notCreated: string[] = [];
  for (const resource of template.resources.values()) {
    const condition = resourceConditionHolds(resource.node, values);
    if (condition === false) {
      notCreated.push(resource.name);
      continue;
    }
    const type = resource.type ?? '';
    const pricedAs = (Object.hasOwn(SAM_CREATES, type) ? SAM_CREATES[type] : undefined) ?? type;
    const globalsSection = Object.hasOwn(SAM_GLOBALS_SECTION, type) ? getValue(globals, SAM_GLOBALS_SECTION[type]!) : undefined;
    const pricer = new ResourcePricer(resource, pricedAs, values, prices, options.region, usageLookup(usage, options.preset, resource.name, type === pricedAs ? [type] : [type, pricedAs]), template.resources, globalsSection, options.whatIf);
    if (condition === undefined) pricer.note('its Condition cannot be evaluated offline: priced as if created');
    resources.push(priceResource(resource, type, pricedAs, pricer));
  }
  return summarize(resources, notCreated, options);
}

function priceResource(resource: ResourceEntry, type: string, pricedAs: string, pricer: ResourcePricer): ResourceCost {
  const base = { logicalId: resource.name, type, pricedAs, offset: resource.keyNode.span.start };
  if (isFreeType(type) || isFreeType(pricedAs)) {
    return { ...base, free: true, supported: true, components: [], usageKeys: [], notes: pricer.notes, monthly: { fixed: 0, usage: 0 } };
  }
  const price = PRICERS.get(pricedAs);
  if (!price) {
    const why = type === '' ? 'its Type is not a plain string' : pricedAs === 'AWS::CloudFormation::Stack' ? 'nested stacks are not priced yet' : 'this type is not priced yet';
    pricer.note(why);
    return { ...base, free: false, supported: false, components: [], usageKeys: [], notes: pricer.notes, monthly: { fixed: null, usage: null } };
  }
  price(pricer);
  const components = pricer.components.map(roundComponent);
  const usageComponents = components.filter((component) => component.usageBased);
  return {
    ...base,
    // A pricer that adds nothing (a gateway endpoint, a stage without cache) found the resource free.
    free: components.length === 0,
    supported: true,
    components,
    usageKeys: [...pricer.usageKeys],
    notes: pricer.notes,
    monthly: {
      fixed: round(sumKnown(components.filter((component) => !component.usageBased))),
      usage: usageComponents.some((component) => component.monthly === null) ? null : round(sumKnown(usageComponents)),
    },
  };
}

function summarize(resources: readonly ResourceCost[], notCreated: readonly string[], options: EstimateOptions): CostEstimate {
  const all = resources.flatMap((resource) => resource.components);
  const usageComponents = all.filter((component) => component.usageBased);
  const fixed = round(sumKnown(all.filter((component) => !component.usageBased)));
  const knownUsage = usageComponents.filter((component) => component.monthly !== null);
  const usage = usageComponents.length > 0 && knownUsage.length === 0 ? null : round(sumKnown(knownUsage));
  const pricedRegion = options.prices.regions.has(options.region);
  const priceDate = options.prices.regionDates?.get(options.region) ?? options.prices.priceDate;
  return {
    currency: 'USD',
    region: options.region,
    priceDate,
    monthly: { fixed, usage, total: round(fixed + (usage ?? 0)) },
    leftOut: all.filter((component) => component.monthly === null).length,
    resources,
    notCreated,
    assumptions: [
      `${HOURS_PER_MONTH} hours per month; on-demand list prices (Linux, shared tenancy) from the table dated ${priceDate}${priceDate === options.prices.priceDate ? '' : ' (refreshed from the AWS Price List API)'}`,
      'AWS free tiers (Lambda, SQS, CloudWatch...) are not applied',
      'components with unknown usage or no price are left out of the total, and counted',
      ...(pricedRegion ? [] : [`no prices are shipped for ${options.region}: every priced component is unknown (no price for ${options.region})`]),
    ],
  };
}

function sumKnown(components: readonly CostComponent[]): number {
  let total = 0;
  for (const component of components) if (component.monthly !== null) total += component.monthly;
  return total;
}

/** Cents are what matter; micro-dollars keep sums exact enough without float noise (0.30000000000000004). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function roundComponent(component: CostComponent): CostComponent {
  return {
    ...component,
    quantity: component.quantity === null ? null : round(component.quantity),
    unitPrice: component.unitPrice === null ? null : Number(component.unitPrice.toPrecision(10)),
    monthly: component.monthly === null ? null : round(component.monthly),
  };
}
