import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { LocatedNode, Pair } from '../document/located';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { ResourceEntry } from '../cfn/template';
import { hasCustomMacro } from '../cfn/transforms';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';

/** Resource attributes CloudFormation accepts on every resource. */
const RESOURCE_ATTRIBUTES = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy'];
/** Custom resources may also carry `Version` (cfn-lint's resource schema allows it there only). */
const CUSTOM_ATTRIBUTES = [...RESOURCE_ATTRIBUTES, 'Version'];
/**
 * The SAM transform removes `Connectors` (embedded connectors) and `IgnoreGlobals`
 * before CloudFormation sees the template.
 */
const SAM_ATTRIBUTES = ['Connectors', 'IgnoreGlobals'];
/** A Rain module (`Type: !Rain::Module`) may override the resources it expands to. */
const RAIN_MODULE_ATTRIBUTES = ['Overrides'];

const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
const UPDATE_REPLACE_POLICIES = ['Delete', 'Retain', 'Snapshot'];

/**
 * Types whose delete/replace handlers can take a snapshot (the DeletionPolicy
 * attribute page of the CloudFormation User Guide; cfn-lint's list matches).
 */
export const SNAPSHOT_TYPES: ReadonlySet<string> = new Set([
  'AWS::DocDB::DBCluster',
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::Neptune::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
]);

function isCustomType(type: string | undefined): boolean {
  return type !== undefined && (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource');
}

function describe(node: LocatedNode): string {
  if (node.kind === 'sequence') return 'a list';
  if (node.kind === 'mapping') return 'a mapping';
  if (node.value === null) return 'an empty value';
  return typeof node.value === 'string' ? `'${node.text}'` : `a ${typeof node.value}`;
}

/** Span for a problem with an attribute's value: the key when the value is empty. */
function valueSpan(pair: Pair): LocatedNode['span'] {
  return pair.value.span.start === pair.value.span.end ? pair.key.span : pair.value.span;
}

class AttributeChecker {
  constructor(
    private readonly context: RuleContext,
    private readonly isSam: boolean,
    /** A custom macro may consume attributes of its own (`Count`, `ExplodeMap`...). */
    private readonly macro: boolean,
  ) {}

  check(resource: ResourceEntry): void {
    const node = resource.node;
    if (node.kind !== 'mapping') return;
    const allowed = this.allowedAttributes(resource);
    for (const pair of node.pairs) {
      const name = pair.key.text;
      // `Fn::Transform` (AWS::Include) may splice attributes in; cfn-intrinsic-shape checks other `Fn::` keys.
      if (name.startsWith('Fn::')) continue;
      if (!allowed.includes(name)) {
        if (!this.macro) this.unknownAttribute(resource, pair, allowed);
        continue;
      }
      // Functions here are cfn-intrinsic-context's to judge.
      if (asIntrinsic(pair.value) && name !== 'DeletionPolicy' && name !== 'UpdateReplacePolicy') continue;
      switch (name) {
        case 'Condition':
          if (pair.value.kind !== 'scalar' || typeof pair.value.value !== 'string' || pair.value.value === '') this.context.report(valueSpan(pair), `The Condition of resource '${resource.name}' must be the name of a condition, not ${describe(pair.value)}.`);
          break;
        case 'DependsOn':
          this.dependsOn(resource, pair);
          break;
        case 'DeletionPolicy':
          this.policy(resource, pair, DELETION_POLICIES);
          break;
        case 'UpdateReplacePolicy':
          this.policy(resource, pair, UPDATE_REPLACE_POLICIES);
          break;
        case 'Properties':
          // An empty `Properties:` is accepted by CloudFormation; a list or a string is not.
          if (pair.value.kind === 'sequence' || (pair.value.kind === 'scalar' && pair.value.value !== null)) {
            this.context.report(valueSpan(pair), `Properties of resource '${resource.name}' must be a mapping of property names to values, not ${describe(pair.value)}.`);
          }
          break;
        case 'CreationPolicy':
        case 'UpdatePolicy':
          if (pair.value.kind === 'sequence' || (pair.value.kind === 'scalar' && pair.value.value !== null)) {
            this.context.report(valueSpan(pair), `${name} of resource '${resource.name}' must be a mapping, not ${describe(pair.value)}.`);
          }
          break;
        default:
      }
    }
  }

  private allowedAttributes(resource: ResourceEntry): readonly string[] {
    const base = isCustomType(resource.type) ? CUSTOM_ATTRIBUTES : RESOURCE_ATTRIBUTES;
    return [...base, ...(this.isSam ? SAM_ATTRIBUTES : []), ...(resource.rainModule ? RAIN_MODULE_ATTRIBUTES : [])];
  }

  private unknownAttribute(resource: ResourceEntry, pair: Pair, allowed: readonly string[]): void {
    const name = pair.key.text;
    let extra = '';
    if (name === 'Version') extra = ' Version is only allowed on custom resources (Custom::Name or AWS::CloudFormation::CustomResource).';
    else if (SAM_ATTRIBUTES.includes(name)) extra = ` ${name} needs the SAM transform (Transform: AWS::Serverless-2016-10-31).`;
    const suggestions = extra ? [] : suggest(name, allowed);
    if (resource.type?.startsWith('AWS::Serverless::')) {
      // SAM drops keys it does not know from its own resources, so only a likely typo is worth a finding.
      if (suggestions.length === 0) return;
      extra = ` SAM ignores it.${didYouMean(suggestions)}`;
    }
    this.context.report(
      pair.key.span,
      `'${name}' is not a resource attribute of '${resource.name}'.${extra || didYouMean(suggestions) || ` Resource attributes are ${allowed.join(', ')}.`}`,
      renameFixes(this.context.document.text, pair.key.span, suggestions),
    );
  }

  private dependsOn(resource: ResourceEntry, pair: Pair): void {
    const value = pair.value;
    if (value.kind === 'mapping' || (value.kind === 'scalar' && (value.value === null || value.text === ''))) {
      this.context.report(valueSpan(pair), `DependsOn of resource '${resource.name}' must be a logical id or a list of logical ids, not ${describe(value)}.`);
      return;
    }
    if (value.kind !== 'sequence') return;
    for (const item of value.items) {
      if (item.kind === 'scalar' && item.value !== null && item.text !== '') continue;
      if (asIntrinsic(item)) continue; // cfn-intrinsic-context
      this.context.report(item.span.start === item.span.end ? pair.key.span : item.span, `Each DependsOn item of resource '${resource.name}' must be a logical id, not ${describe(item)}.`);
    }
  }

  private policy(resource: ResourceEntry, pair: Pair, values: readonly string[]): void {
    this.policyValue(resource, pair, pair.value, values);
  }

  /** Checks a policy value; the literal branches of `Fn::If` are checked too. */
  private policyValue(resource: ResourceEntry, pair: Pair, value: LocatedNode, values: readonly string[]): void {
    const attribute = pair.key.text;
    const call = asIntrinsic(value);
    if (call) {
      if (call.name === 'Fn::If' && call.argument.kind === 'sequence') {
        for (const branch of call.argument.items.slice(1, 3)) this.policyValue(resource, pair, branch, values);
      }
      return;
    }
    if (value.kind !== 'scalar' || typeof value.value !== 'string') {
      this.context.report(value === pair.value ? valueSpan(pair) : value.span, `${attribute} must be one of ${values.join(', ')}, not ${describe(value)}.`);
      return;
    }
    const policy = value.value;
    if (!values.includes(policy)) {
      const note = policy === 'RetainExceptOnCreate' ? ` RetainExceptOnCreate is a DeletionPolicy value only.` : '';
      const suggestions = suggest(policy, values);
      this.context.report(value.span, `${attribute} must be one of ${values.join(', ')}, not '${policy}'.${note || didYouMean(suggestions)}`, renameFixes(this.context.document.text, value.span, suggestions));
      return;
    }
    const type = resource.type;
    // Snapshot support is per resource type; private registry types are not ours to judge.
    if (policy === 'Snapshot' && type !== undefined && /^(AWS|Alexa)::/.test(type) && !SNAPSHOT_TYPES.has(type)) {
      this.context.report(value.span, `${type} does not support the Snapshot ${attribute}; only ${[...SNAPSHOT_TYPES].join(', ')} do. Use Retain or Delete.`);
    }
  }
}

/** Resource-level keys and the values of DependsOn, Condition and the policies. */
export const resourceAttributesRule: Rule = {
  id: 'cfn-resource-attributes',
  description:
    'Resources may only have Type, Properties, DependsOn, Condition, Metadata, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy and CreationPolicy, with valid values (policies, Snapshot support, DependsOn and Condition shapes).',
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const template = context.template;
    if (!template) return;
    const checker = new AttributeChecker(context, template.isSam, hasCustomMacro(template));
    for (const resource of template.resources.values()) {
      if (resource.name.startsWith('Fn::ForEach::')) for (const replicated of forEachResources(resource.node)) checker.check(replicated);
      else if (!resource.name.startsWith('Fn::')) checker.check(resource);
    }
  },
};

/** The resource templates of a `Fn::ForEach::Loop` entry of Resources (nested loops included). */
function* forEachResources(loop: LocatedNode): Generator<ResourceEntry> {
  if (loop.kind !== 'sequence') return;
  const body = loop.items[2];
  if (body?.kind !== 'mapping') return;
  for (const pair of body.pairs) {
    if (pair.key.text.startsWith('Fn::ForEach::')) {
      yield* forEachResources(pair.value);
      continue;
    }
    const typeNode = getValue(pair.value, 'Type');
    yield {
      name: pair.key.text,
      keyNode: pair.key,
      node: pair.value,
      type: typeNode?.kind === 'scalar' && typeof typeNode.value === 'string' ? typeNode.value : undefined,
      typeNode,
      properties: getValue(pair.value, 'Properties'),
      rainModule: false,
    };
  }
}
