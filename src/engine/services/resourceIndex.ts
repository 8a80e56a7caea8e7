// Shared reading helpers for the service rules (src/engine/rules/serviceRules.ts): one index of
// the template's resources by type, built once per template model and shared by every service
// rule, so each rule visits only the resources of its own types instead of walking the template.
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { Severity } from '../findings';
import type { LocatedNode, ScalarNode } from '../document/located';
import { getValue } from '../document/located';

const byTypeCache = new WeakMap<TemplateModel, ReadonlyMap<string, readonly ResourceEntry[]>>();

/**
 * The template's resources grouped by their literal `Type` (a Map: types are document-supplied).
 * Resources that are never created (see `neverCreated`) are left out: no deployment sees them.
 */
export function resourcesByType(template: TemplateModel): ReadonlyMap<string, readonly ResourceEntry[]> {
  let index = byTypeCache.get(template);
  if (index === undefined) {
    const built = new Map<string, ResourceEntry[]>();
    for (const resource of template.resources.values()) {
      if (resource.type === undefined || neverCreated(template, resource)) continue;
      const list = built.get(resource.type);
      if (list) list.push(resource);
      else built.set(resource.type, [resource]);
    }
    index = built;
    byTypeCache.set(template, index);
  }
  return index;
}

/** The resources of the given types, in source order per type. */
export function resourcesOf(template: TemplateModel | undefined, ...types: readonly string[]): ResourceEntry[] {
  if (!template) return [];
  const index = resourcesByType(template);
  return types.flatMap((type) => index.get(type) ?? []);
}

/** A literal string scalar (not an intrinsic, not a number), or undefined. */
export function literalString(node: LocatedNode | undefined): ScalarNode | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node : undefined;
}

/**
 * A literal integer written as a number or as a string of digits (CloudFormation accepts both
 * for integer properties), or undefined for intrinsics and anything else.
 */
export function literalInteger(node: LocatedNode | undefined): number | undefined {
  if (node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  const text = String(node.value).trim();
  return /^-?\d{1,12}$/.test(text) ? Number(text) : undefined;
}

/** The resource's literal `Condition` name, or undefined when it is unconditional. */
export function conditionOf(resource: ResourceEntry): string | undefined {
  return literalString(getValue(resource.node, 'Condition'))?.value as string | undefined;
}

/**
 * Whether two resources can exist in the same deployment as far as their `Condition`s tell:
 * two different conditions may be mutually exclusive (a common "prod or dev" pattern), so such
 * pairs are never reported; an unconditional resource coexists with everything.
 */
export function mayCoexist(a: ResourceEntry, b: ResourceEntry): boolean {
  const ca = conditionOf(a);
  const cb = conditionOf(b);
  return ca === undefined || cb === undefined || ca === cb;
}

/** The logical id a `Ref X` or `Fn::GetAtt [X, attr]` value names, or undefined. */
export function referencedLogicalId(node: LocatedNode | undefined): string | undefined {
  if (node?.kind !== 'mapping' || node.pairs.length !== 1) return undefined;
  const [pair] = node.pairs;
  if (pair!.key.text === 'Ref') return literalString(pair!.value)?.value as string | undefined;
  if (pair!.key.text !== 'Fn::GetAtt') return undefined;
  const target = pair!.value;
  if (target.kind === 'sequence') return literalString(target.items[0])?.value as string | undefined;
  const dotted = literalString(target)?.value as string | undefined;
  return dotted?.split('.')[0];
}

/**
 * Whether a resource's `Condition` can never hold: `Fn::Equals` of two different literals, the
 * idiom templates use to keep a placeholder resource that is never deployed (widdix's
 * `NullResource` under `HasNot: !Equals ['true', 'false']`).
 */
export function neverCreated(template: TemplateModel, resource: ResourceEntry): boolean {
  const name = conditionOf(resource);
  const condition = name === undefined ? undefined : template.conditions.get(name)?.node;
  if (condition?.kind !== 'mapping' || condition.pairs.length !== 1 || condition.pairs[0]!.key.text !== 'Fn::Equals') return false;
  const operands = condition.pairs[0]!.value;
  if (operands.kind !== 'sequence' || operands.items.length !== 2) return false;
  const [a, b] = operands.items;
  return a!.kind === 'scalar' && b!.kind === 'scalar' && a!.text !== b!.text;
}

/** What a service check finds: the node to report, the message, and its own severity when not the rule's. */
export interface ServiceProblem {
  readonly node: LocatedNode;
  readonly message: string;
  readonly severity?: Severity;
}

/** A boolean as CloudFormation reads a literal one (`true`, `"false"`, any case); undefined otherwise. */
export function literalBoolean(node: LocatedNode | undefined): boolean | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (typeof node.value !== 'string') return undefined;
  const text = node.value.toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** The resource of the template that a `Ref X` or `Fn::GetAtt [X, attr]` value names, when it is of one of `types`. */
export function referencedResource(template: TemplateModel, node: LocatedNode | undefined, ...types: readonly string[]): ResourceEntry | undefined {
  const name = referencedLogicalId(node);
  const resource = name === undefined ? undefined : template.resources.get(name);
  return resource?.type !== undefined && types.includes(resource.type) ? resource : undefined;
}
