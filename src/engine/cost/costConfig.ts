import { EMPTY_USAGE, PRESET_NAMES, type PresetName, type UsageInput, type UsageValues } from './usage';
import { DEFAULT_WHAT_IF_RATES, type WhatIfRates } from './whatIfTypes';

/**
 * The `cost` section of `.archlens.yml` (plain data from the config parser):
 *
 *     cost:
 *       region: eu-west-1            # default region of estimates
 *       usageFile: archlens-usage.yml  # relative to the .archlens.yml
 *       preset: medium
 *       defaults: { AWS::Lambda::Function: { monthlyRequests: 1000000 } }
 *       resources: { ApiFunction: { averageDurationMs: 80 } }
 *       whatIf: { spotDiscount: 0.7, savingsPlanDiscount: 0.2, dynamoDbUtilisation: 0.7 }
 *
 * `defaults` / `resources` / `preset` are the usage file's sections, inline; a usage file given
 * on the command line (or `usageFile`) wins over them figure by figure.
 */
export interface CostConfig {
  readonly region: string | undefined;
  readonly usageFile: string | undefined;
  readonly usage: UsageInput;
  readonly rates: WhatIfRates;
}

export const EMPTY_COST_CONFIG: CostConfig = { region: undefined, usageFile: undefined, usage: EMPTY_USAGE, rates: DEFAULT_WHAT_IF_RATES };

const KEYS = ['region', 'usageFile', 'preset', 'defaults', 'resources', 'whatIf'];
const RATE_KEYS: readonly (keyof WhatIfRates)[] = ['spotDiscount', 'savingsPlanDiscount', 'dynamoDbUtilisation'];
const MAX_ENTRIES = 10_000;
const MAX_KEYS_PER_ENTRY = 100;

/** Reads the section; problems are reported (with `cost.` paths), never thrown, and the rest is used. */
export function parseCostConfig(section: unknown): { config: CostConfig; problems: string[] } {
  const problems: string[] = [];
  if (section === undefined || section === null) return { config: EMPTY_COST_CONFIG, problems };
  if (!isRecord(section)) return { config: EMPTY_COST_CONFIG, problems: [`cost: expected a mapping with keys ${KEYS.join(', ')}`] };
  let region: string | undefined;
  let usageFile: string | undefined;
  let preset: PresetName | undefined;
  let defaults = new Map<string, UsageValues>();
  let resources = new Map<string, UsageValues>();
  const rates: Record<keyof WhatIfRates, number> = { ...DEFAULT_WHAT_IF_RATES };
  for (const [key, value] of Object.entries(section)) {
    switch (key) {
      case 'region':
        if (typeof value === 'string' && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) region = value;
        else problems.push(`cost.region: expected a region name such as eu-west-1; found ${JSON.stringify(value)}`);
        break;
      case 'usageFile':
        if (typeof value === 'string' && value.trim() !== '') usageFile = value;
        else problems.push('cost.usageFile: expected a file path');
        break;
      case 'preset':
        if (typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value)) preset = value as PresetName;
        else problems.push(`cost.preset: expected one of ${PRESET_NAMES.join(', ')}`);
        break;
      case 'defaults':
        defaults = readEntries(value, 'cost.defaults', problems);
        break;
      case 'resources':
        resources = readEntries(value, 'cost.resources', problems);
        break;
      case 'whatIf':
        readRates(value, rates, problems);
        break;
      default:
        problems.push(`cost: unknown key '${key}' (expected ${KEYS.join(', ')})`);
    }
  }
  return { config: { region, usageFile, usage: { resources, defaults, preset }, rates }, problems };
}

function readRates(value: unknown, rates: Record<keyof WhatIfRates, number>, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(`cost.whatIf: expected a mapping with ${RATE_KEYS.join(', ')}`);
    return;
  }
  for (const [key, rate] of Object.entries(value)) {
    if (!(RATE_KEYS as readonly string[]).includes(key)) problems.push(`cost.whatIf: unknown key '${key}' (expected ${RATE_KEYS.join(', ')})`);
    else if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) problems.push(`cost.whatIf.${key}: expected a fraction between 0 and 1 (0.2 = 20%)`);
    else rates[key as keyof WhatIfRates] = rate;
  }
}

function readEntries(value: unknown, path: string, problems: string[]): Map<string, UsageValues> {
  const out = new Map<string, UsageValues>();
  if (value === null) return out;
  if (!isRecord(value)) {
    problems.push(`${path}: expected a mapping`);
    return out;
  }
  for (const [name, figures] of Object.entries(value).slice(0, MAX_ENTRIES)) {
    if (!isRecord(figures)) {
      problems.push(`${path}.${name}: expected a mapping of usage figures`);
      continue;
    }
    const values = new Map<string, number>();
    for (const [key, figure] of Object.entries(figures).slice(0, MAX_KEYS_PER_ENTRY)) {
      if (typeof figure === 'number' && Number.isFinite(figure) && figure >= 0) values.set(key, figure);
      else problems.push(`${path}.${name}.${key}: expected a number >= 0`);
    }
    out.set(name, values);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Usage from a usage file over the config's inline usage: the file's figures win, key by key. */
export function mergeUsage(base: UsageInput, over: UsageInput): UsageInput {
  const merge = (a: ReadonlyMap<string, UsageValues>, b: ReadonlyMap<string, UsageValues>): Map<string, UsageValues> => {
    const out = new Map(a);
    for (const [name, values] of b) out.set(name, new Map([...(a.get(name) ?? new Map<string, number>()), ...values]));
    return out;
  };
  return { resources: merge(base.resources, over.resources), defaults: merge(base.defaults, over.defaults), preset: over.preset ?? base.preset };
}
