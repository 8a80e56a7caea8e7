import type { LocatedNode } from '../document/located';
import { parseDocument } from '../document/parseDocument';

/** Usage figures of one resource or type: key (e.g. `monthlyRequests`) -> monthly amount. */
export type UsageValues = ReadonlyMap<string, number>;

/** Named usage presets; each fills the usage a template leaves unknown. */
export type PresetName = 'small' | 'medium' | 'large';
export const PRESET_NAMES: readonly PresetName[] = ['small', 'medium', 'large'];

/** Parsed `archlens-usage.yml`: per logical id, per resource type, and an optional preset. */
export interface UsageInput {
  readonly resources: ReadonlyMap<string, UsageValues>;
  readonly defaults: ReadonlyMap<string, UsageValues>;
  readonly preset: PresetName | undefined;
}

export const EMPTY_USAGE: UsageInput = { resources: new Map(), defaults: new Map(), preset: undefined };

// Hostile files: bound the work (a usage file is hand-written and small).
const MAX_ENTRIES = 10_000;
const MAX_KEYS_PER_ENTRY = 100;

/**
 * Parses the text of an `archlens-usage.yml` (YAML or JSON):
 *
 *     version: 1
 *     preset: medium                 # optional: small | medium | large
 *     defaults:                      # per resource type (SAM or CloudFormation type)
 *       AWS::Lambda::Function: { monthlyRequests: 1000000, averageDurationMs: 120 }
 *     resources:                     # per logical id; wins over defaults and the preset
 *       ApiFunction: { monthlyRequests: 5000000 }
 *
 * Names come from the file, so they live in Maps (a logical id `__proto__` is just a key).
 * Problems (wrong shapes, non-numbers) are reported, never thrown; the rest is still used.
 */
export function parseUsageFile(text: string, fileName = 'archlens-usage.yml'): { usage: UsageInput; problems: string[] } {
  const problems: string[] = [];
  const parsed = parseDocument(fileName, text);
  for (const problem of parsed.problems) if (problem.severity === 'error') problems.push(`syntax: ${problem.message}`);
  const root = parsed.root;
  if (!root || root.kind !== 'mapping') {
    if (root && !(root.kind === 'scalar' && root.value === null)) problems.push('the usage file must be a mapping with `resources`, `defaults` or `preset`');
    return { usage: EMPTY_USAGE, problems };
  }
  let preset: PresetName | undefined;
  let resources = new Map<string, UsageValues>();
  let defaults = new Map<string, UsageValues>();
  for (const pair of root.pairs) {
    switch (pair.key.text) {
      case 'version':
        break;
      case 'preset': {
        const name = pair.value.kind === 'scalar' ? String(pair.value.value) : '';
        if ((PRESET_NAMES as readonly string[]).includes(name)) preset = name as PresetName;
        else problems.push(`preset '${name}' is not one of ${PRESET_NAMES.join(', ')}`);
        break;
      }
      case 'resources':
        resources = readEntries(pair.value, 'resources', problems);
        break;
      case 'defaults':
        defaults = readEntries(pair.value, 'defaults', problems);
        break;
      default:
        problems.push(`unknown section '${pair.key.text}' (expected version, preset, defaults, resources)`);
    }
  }
  return { usage: { resources, defaults, preset }, problems };
}

function readEntries(node: LocatedNode, section: string, problems: string[]): Map<string, UsageValues> {
  const out = new Map<string, UsageValues>();
  if (node.kind !== 'mapping') {
    if (!(node.kind === 'scalar' && node.value === null)) problems.push(`'${section}' must be a mapping`);
    return out;
  }
  for (const pair of node.pairs.slice(0, MAX_ENTRIES)) {
    const name = pair.key.text;
    if (pair.value.kind !== 'mapping') {
      problems.push(`${section}.${name} must be a mapping of usage figures`);
      continue;
    }
    const values = new Map<string, number>();
    for (const field of pair.value.pairs.slice(0, MAX_KEYS_PER_ENTRY)) {
      const value = field.value.kind === 'scalar' ? field.value.value : undefined;
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (Number.isFinite(number) && number >= 0) values.set(field.key.text, number);
      else problems.push(`${section}.${name}.${field.key.text} must be a number >= 0`);
    }
    out.set(name, values);
  }
  if (node.pairs.length > MAX_ENTRIES) problems.push(`'${section}' has more than ${MAX_ENTRIES} entries; the rest are ignored`);
  return out;
}

/**
 * The Infracost "medium" figures of the price reference, per type; `small` is a tenth of
 * them and `large` ten times (a stated assumption, not a measurement).
 */
const MEDIUM: ReadonlyMap<string, UsageValues> = new Map<string, UsageValues>([
  ['AWS::Lambda::Function', new Map([['monthlyRequests', 50_000_000], ['averageDurationMs', 50], ['logsGB', 20]])],
  ['AWS::DynamoDB::Table', new Map([['monthlyWriteRequestUnits', 8_000_000], ['monthlyReadRequestUnits', 40_000_000], ['storageGB', 40]])],
  ['AWS::S3::Bucket', new Map([['storageGB', 450], ['monthlyPutRequests', 2_000_000], ['monthlyGetRequests', 25_000_000]])],
  ['AWS::EC2::NatGateway', new Map([['dataProcessedGB', 222]])],
  ['AWS::EC2::VPCEndpoint', new Map([['dataProcessedGB', 1000]])],
  ['AWS::ApiGateway::RestApi', new Map([['monthlyRequests', 2_875_000]])],
  ['AWS::ApiGatewayV2::Api', new Map([['monthlyRequests', 2_875_000], ['monthlyMessages', 2_875_000], ['connectionMinutes', 1_000_000]])],
  ['AWS::SQS::Queue', new Map([['monthlyRequests', 25_000_000]])],
  ['AWS::Logs::LogGroup', new Map([['ingestedGB', 20], ['storedGB', 20]])],
  ['AWS::Glue::Job', new Map([['monthlyHours', 22]])],
  ['AWS::ECR::Repository', new Map([['storageGB', 100]])],
]);

function scaled(factor: number): ReadonlyMap<string, UsageValues> {
  const out = new Map<string, UsageValues>();
  for (const [type, values] of MEDIUM) {
    // Durations are a property of the code, not of the traffic: they do not scale.
    out.set(type, new Map([...values].map(([key, value]) => [key, key === 'averageDurationMs' ? value : value * factor])));
  }
  return out;
}

/** Built-in presets, per resource type. */
export const PRESETS: ReadonlyMap<PresetName, ReadonlyMap<string, UsageValues>> = new Map([
  ['small', scaled(0.1)],
  ['medium', MEDIUM],
  ['large', scaled(10)],
]);

/** Where a usage figure came from (shown next to each usage-based component). */
export type UsageSource = 'resource' | 'type default' | 'preset';

/** Looks up one resource's usage: its own entry, else its type's default, else the preset. */
export function usageLookup(usage: UsageInput, preset: PresetName | undefined, logicalId: string, types: readonly string[]): (key: string) => { value: number; source: UsageSource } | undefined {
  const own = usage.resources.get(logicalId);
  const defaults = types.map((type) => usage.defaults.get(type)).filter((values): values is UsageValues => values !== undefined);
  const chosen = preset ?? usage.preset;
  const presetTable = chosen ? PRESETS.get(chosen) : undefined;
  const presets = presetTable ? types.map((type) => presetTable.get(type)).filter((values): values is UsageValues => values !== undefined) : [];
  return (key) => {
    const mine = own?.get(key);
    if (mine !== undefined) return { value: mine, source: 'resource' };
    for (const values of defaults) {
      const value = values.get(key);
      if (value !== undefined) return { value, source: 'type default' };
    }
    for (const values of presets) {
      const value = values.get(key);
      if (value !== undefined) return { value, source: 'preset' };
    }
    return undefined;
  };
}

/** A logical id or type as a YAML key: quoted (JSON string syntax is valid YAML) unless plainly safe. */
function yamlKey(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(name) && !/^(true|false|null|yes|no|on|off|~)$/i.test(name) && !/^[\d.+-]/.test(name) ? name : JSON.stringify(name);
}

function yamlEntries(entries: ReadonlyMap<string, UsageValues>): string[] {
  const lines: string[] = [];
  for (const [name, values] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    if (values.size === 0) continue;
    const figures = [...values].map(([key, value]) => `${yamlKey(key)}: ${value}`).join(', ');
    lines.push(`  ${yamlKey(name)}: { ${figures} }`);
  }
  return lines;
}

/**
 * The text of a usage file for `usage` (what the cost view writes when an assumption is edited).
 * Regenerated whole, in a stable order: comments of a hand-written file are not kept.
 */
export function serializeUsageFile(usage: UsageInput): string {
  const lines = ['# ArchLens usage figures: monthly amounts per logical id and per type (see docs/cost.md).', 'version: 1'];
  if (usage.preset) lines.push(`preset: ${usage.preset}`);
  const defaults = yamlEntries(usage.defaults);
  if (defaults.length > 0) lines.push('defaults:', ...defaults);
  const resources = yamlEntries(usage.resources);
  if (resources.length > 0) lines.push('resources:', ...resources);
  return `${lines.join('\n')}\n`;
}

/** `usage` with one figure of one resource set (a number) or removed (null). */
export function withResourceFigure(usage: UsageInput, logicalId: string, key: string, value: number | null): UsageInput {
  const resources = new Map(usage.resources);
  const figures = new Map(resources.get(logicalId) ?? []);
  if (value === null) figures.delete(key);
  else figures.set(key, value);
  if (figures.size === 0) resources.delete(logicalId);
  else resources.set(logicalId, figures);
  return { ...usage, resources };
}
