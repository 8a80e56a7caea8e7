import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { LocatedNode, Pair } from '../document/located';
import { EntryMemo, keepsEntries, NO_ENVIRONMENT } from '../cfn/entryMemo';
import { getValue } from '../document/located';
import { collectReferences } from '../cfn/references';
import type { SectionEntry, TemplateModel } from '../cfn/template';
import { literalParts, matchesParts, placeholders } from '../util/placeholders';
import { spendBudget } from '../util/workBudget';

/**
 * Transforms that do not read template parameters, conditions or mappings behind our back.
 * Any other transform is a macro (or `AWS::Include`): macros receive every parameter value
 * and included snippets can reference anything, so "unused" cannot be decided.
 */
const TRANSPARENT_TRANSFORMS: ReadonlySet<string> = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen', 'AWS::SecretsManager-2020-07-23']);

/** The template metadata key whose parameter lists are console layout, not uses. */
const INTERFACE = 'AWS::CloudFormation::Interface';

/** What the template uses, gathered once per document. */
interface Usage {
  /** A macro or `Fn::Transform` may use anything: every unused rule stays silent. */
  readonly opaque: boolean;
  readonly names: Set<string>;
  /** Names written with `${x}`/`&{x}` placeholders (Fn::ForEach): their literal parts, matched as patterns. */
  readonly patterns: string[][];
  readonly conditions: Set<string>;
  readonly mappings: Set<string>;
  /** A `Ref` whose argument is not a literal (Fn::ForEach): any parameter may be used. */
  dynamicRef: boolean;
  /** A condition named by an expression, or `Fn::ForEach` anywhere: conditions are not judged. */
  dynamicCondition: boolean;
  /** A mapping named by an expression: mappings are not judged. */
  dynamicMapping: boolean;
  /** Parameters listed in `AWS::CloudFormation::Interface`, for the message. */
  readonly interfaceOnly: Set<string>;
}

const cache = new WeakMap<TemplateModel, Usage>();
/** Each section entry's uses, kept across analyses (cfn/entryMemo.ts): they depend on nothing outside the entry. */
const entryUsages = new EntryMemo<Usage>((usage) => usage);

function isLiteral(node: LocatedNode | undefined): node is LocatedNode & { kind: 'scalar'; value: string } {
  return node?.kind === 'scalar' && typeof node.value === 'string';
}

/** Adds a used name, or a pattern when the name is templated (`Topic${Name}`). */
function addName(target: Set<string>, usage: Usage, name: string): void {
  if (!name.includes('${') && !name.includes('&{')) {
    target.add(name);
    return;
  }
  usage.patterns.push(literalParts(name, '$&'));
}

/** Records every `${x}` placeholder of a string as a possible use (Sub strings, ForEach keys...). */
function addPlaceholders(usage: Usage, text: string): void {
  if (!text.includes('{')) return;
  for (const placeholder of placeholders(text, '$&')) {
    const name = placeholder.inner.trim();
    if (name.startsWith('!')) continue;
    const dot = name.indexOf('.');
    usage.names.add(dot < 0 || name.startsWith('AWS::') ? name : name.slice(0, dot));
  }
}

/**
 * A deliberately generous walk: any way a name can be used counts, so the rules err
 * toward silence (a `Condition` property holding a condition's name counts, too).
 */
function walk(node: LocatedNode, usage: Usage): void {
  spendBudget();
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') addPlaceholders(usage, node.text);
    return;
  }
  if (node.kind === 'sequence') {
    for (const item of node.items) walk(item, usage);
    return;
  }
  for (const pair of node.pairs) walkPair(pair, usage);
}

/** One key and its value, as {@link walk} reads them. */
function walkPair(pair: Pair, usage: Usage): void {
  const key = pair.key.text;
  const value = pair.value;
  addPlaceholders(usage, key);
  if (key.startsWith('Fn::ForEach::')) usage.dynamicCondition = true;
  const first = value.kind === 'sequence' ? value.items[0] : undefined;
  switch (key) {
    case 'Ref':
      if (isLiteral(value)) addName(usage.names, usage, value.text);
      else usage.dynamicRef = true;
      break;
    case 'Condition':
      if (isLiteral(value)) addName(usage.conditions, usage, value.text);
      break;
    case 'Fn::If':
      if (isLiteral(first)) addName(usage.conditions, usage, first.text);
      else usage.dynamicCondition = true;
      break;
    case 'Fn::FindInMap':
      if (isLiteral(first)) addName(usage.mappings, usage, first.text);
      else usage.dynamicMapping = true;
      break;
    case 'Fn::ValueOf': // Rules: `Fn::ValueOf: [ParameterName, Attribute]`.
      if (isLiteral(first)) addName(usage.names, usage, first.text);
      break;
    default:
      break;
  }
  walk(value, usage);
}

function hasFnTransform(node: LocatedNode): boolean {
  if (node.kind === 'scalar') return false;
  if (node.kind === 'sequence') return node.items.some(hasFnTransform);
  return node.pairs.some((pair) => pair.key.text === 'Fn::Transform' || hasFnTransform(pair.value));
}

function usageOf(context: RuleContext, template: TemplateModel): Usage {
  const cached = cache.get(template);
  if (cached) return cached;
  // The text test skips the tree walk for the many templates that never mention Fn::Transform.
  const mentionsTransform = context.document.text.includes('Transform');
  const opaque = template.transforms.some((transform) => !TRANSPARENT_TRANSFORMS.has(transform)) || (mentionsTransform && hasFnTransform(template.root));
  const usage = emptyUsage(opaque);
  const keep = keepsEntries(context.document);
  for (const pair of template.root.pairs) {
    const section = pair.key.text;
    // Declarations are not uses; mappings hold only literals.
    if (section === 'Parameters' || section === 'Mappings') continue;
    if (section === 'Metadata' && pair.value.kind === 'mapping') {
      for (const entry of pair.value.pairs) {
        if (entry.key.text === INTERFACE) collectInterface(entry.value, usage.interfaceOnly);
        else walk(entry.value, usage);
      }
      continue;
    }
    if (section === 'Conditions' && pair.value.kind === 'mapping') {
      // A condition naming itself is a cycle, not a use.
      for (const entry of pair.value.pairs) {
        const inner: Usage = { ...usage, conditions: new Set() };
        walk(entry.value, inner);
        usage.dynamicRef ||= inner.dynamicRef;
        usage.dynamicCondition ||= inner.dynamicCondition;
        usage.dynamicMapping ||= inner.dynamicMapping;
        addPlaceholders(usage, entry.key.text);
        if (entry.key.text.startsWith('Fn::ForEach::')) usage.dynamicCondition = true;
        for (const name of inner.conditions) if (name !== entry.key.text) usage.conditions.add(name);
      }
      continue;
    }
    if (pair.value.kind !== 'mapping') {
      walk(pair.value, usage);
      continue;
    }
    // Resources, Outputs...: each entry's uses are kept across analyses (an edit changes one).
    if (!keep) walk(pair.value, usage);
    else for (const entry of pair.value.pairs) mergeUsage(usage, entryUsages.through(context.document, entry, NO_ENVIRONMENT, () => usageOfEntry(entry)));
  }
  // The shared reference model, for anything the walk above might read differently.
  for (const reference of collectReferences(context.document, template)) {
    if (reference.section === 'Metadata' && reference.from === INTERFACE) continue;
    if (reference.kind === 'ref' || reference.kind === 'sub') addName(usage.names, usage, reference.name);
    else if (reference.kind === 'condition' && !(reference.section === 'Conditions' && reference.from === reference.name)) addName(usage.conditions, usage, reference.name);
    else if (reference.kind === 'findInMap') addName(usage.mappings, usage, reference.name);
  }
  cache.set(template, usage);
  return usage;
}

/** What one section entry uses (its key included, as the section's walk reads it). */
function usageOfEntry(entry: Pair): Usage {
  const usage = emptyUsage(false);
  walkPair(entry, usage);
  return usage;
}

function emptyUsage(opaque: boolean): Usage {
  return { opaque, names: new Set(), patterns: [], conditions: new Set(), mappings: new Set(), dynamicRef: false, dynamicCondition: false, dynamicMapping: false, interfaceOnly: new Set() };
}

/** Adds an entry's uses to the template's. */
function mergeUsage(usage: Usage, part: Usage): void {
  for (const name of part.names) usage.names.add(name);
  for (const pattern of part.patterns) usage.patterns.push(pattern);
  for (const name of part.conditions) usage.conditions.add(name);
  for (const name of part.mappings) usage.mappings.add(name);
  usage.dynamicRef ||= part.dynamicRef;
  usage.dynamicCondition ||= part.dynamicCondition;
  usage.dynamicMapping ||= part.dynamicMapping;
}

function collectInterface(node: LocatedNode, out: Set<string>): void {
  const labels = getValue(node, 'ParameterLabels');
  if (labels?.kind === 'mapping') for (const pair of labels.pairs) out.add(pair.key.text);
  const groups = getValue(node, 'ParameterGroups');
  if (groups?.kind !== 'sequence') return;
  for (const group of groups.items) {
    const parameters = getValue(group, 'Parameters');
    if (parameters?.kind === 'sequence') for (const item of parameters.items) if (isLiteral(item)) out.add(item.text);
  }
}

function matchesPattern(usage: Usage, name: string): boolean {
  return usage.patterns.some((parts) => matchesParts(parts, name));
}

function reportUnused(context: RuleContext, entries: Iterable<SectionEntry>, used: (name: string) => boolean, message: (entry: SectionEntry) => string): void {
  for (const entry of entries) {
    // `Fn::ForEach::Loop` entries generate names; they are not names themselves.
    if (entry.name.startsWith('Fn::ForEach::') || used(entry.name)) continue;
    context.report(entry.keyNode.span, message(entry));
  }
}

/** Parameters nothing references. */
export const unusedParameterRule: Rule = {
  id: 'cfn-unused-parameter',
  description: 'Every parameter should be used by a Ref, a ${Name} in Fn::Sub, or the Rules section; listing it in AWS::CloudFormation::Interface is not a use.',
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const template = context.template;
    if (!template) return;
    const usage = usageOf(context, template);
    if (usage.opaque || usage.dynamicRef) return;
    reportUnused(
      context,
      template.parameters.values(),
      (name) => usage.names.has(name) || matchesPattern(usage, name),
      ({ name }) => `Parameter '${name}' is never used (no Ref or \${${name}} refers to it)${usage.interfaceOnly.has(name) ? '; listing it in AWS::CloudFormation::Interface does not use it' : ''}. Remove it or use it.`,
    );
  },
};

/** Conditions no resource, output, Fn::If or other condition uses. */
export const unusedConditionRule: Rule = {
  id: 'cfn-unused-condition',
  description: 'Every condition should be used by a resource or output Condition, an Fn::If, or another condition.',
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const template = context.template;
    if (!template) return;
    const usage = usageOf(context, template);
    if (usage.opaque || usage.dynamicCondition) return;
    reportUnused(
      context,
      template.conditions.values(),
      (name) => usage.conditions.has(name) || matchesPattern(usage, name),
      ({ name }) => `Condition '${name}' is never used (no resource, output, Fn::If or condition refers to it). Remove it or use it.`,
    );
  },
};

/** Mappings no Fn::FindInMap reads. */
export const unusedMappingRule: Rule = {
  id: 'cfn-unused-mapping',
  description: 'Every mapping should be read by an Fn::FindInMap.',
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const template = context.template;
    if (!template) return;
    const usage = usageOf(context, template);
    if (usage.opaque || usage.dynamicMapping) return;
    reportUnused(
      context,
      template.mappings.values(),
      (name) => usage.mappings.has(name) || matchesPattern(usage, name),
      ({ name }) => `Mapping '${name}' is never used (no Fn::FindInMap reads it). Remove it or use it.`,
    );
  },
};
