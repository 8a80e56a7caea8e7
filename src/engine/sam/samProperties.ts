/**
 * Reading a SAM resource's properties the way the SAM translator sees them: the resource's own
 * value, else the one from its `Globals` section (SAM merges Globals into each resource before
 * it expands it). Rules that check what the translator rejects read properties through here so a
 * value set once in `Globals.Function` counts for every function.
 *
 * Values are located nodes of the document: the caller decides what an intrinsic means. Names
 * come from the document and are looked up in Maps / prototype-free tables only.
 */
import type { LocatedNode, MappingNode, Pair, ScalarNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import { SAM_GLOBALS_SECTION } from '../cfn/samTypes';
import type { ResourceEntry, TemplateModel } from '../cfn/template';

/** Where a property's effective value was found. */
export interface SamProperty {
  readonly pair: Pair;
  readonly value: LocatedNode;
  /** True when the value comes from `Globals`, not from the resource itself. */
  readonly fromGlobals: boolean;
}

/** The `Globals.<section>` mapping for a SAM resource type, when the template has one. */
export function globalsFor(template: TemplateModel, type: string | undefined): MappingNode | undefined {
  const section = type === undefined ? undefined : SAM_GLOBALS_SECTION[type];
  if (section === undefined) return undefined;
  const value = getValue(template.sections.get('Globals')?.value, section);
  return value?.kind === 'mapping' && !asIntrinsic(value) ? value : undefined;
}

/** The properties mapping of a resource, unless it is missing or an intrinsic. */
export function propertiesOf(resource: ResourceEntry): MappingNode | undefined {
  const properties = resource.properties;
  return properties?.kind === 'mapping' && !asIntrinsic(properties) ? properties : undefined;
}

/** A property of a SAM resource as the translator sees it (own value first, then Globals). */
export function samProperty(template: TemplateModel, resource: ResourceEntry, name: string): SamProperty | undefined {
  const own = getPair(propertiesOf(resource), name);
  if (own) return { pair: own, value: own.value, fromGlobals: false };
  const global = getPair(globalsFor(template, resource.type), name);
  return global ? { pair: global, value: global.value, fromGlobals: true } : undefined;
}

/** True when a node is a null / empty value (SAM treats `Prop:` with nothing as not set). */
export function isEmptyValue(node: LocatedNode | undefined): boolean {
  return node === undefined || (node.kind === 'scalar' && node.value === null);
}

/** The literal string of a node, or undefined for intrinsics, numbers, mappings... */
export function literalString(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** A literal scalar node whose value is a string. */
export function stringScalar(node: LocatedNode | undefined): ScalarNode | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node : undefined;
}

/**
 * A key of a mapping-valued property merged with its Globals counterpart (`Auth.DefaultAuthorizer`
 * set in `Globals.Api.Auth` applies to every API that does not set its own): SAM merges Globals
 * mappings key by key, the resource winning.
 */
export function mergedKey(own: LocatedNode | undefined, global: LocatedNode | undefined, key: string): Pair | undefined {
  const fromOwn = own?.kind === 'mapping' && !asIntrinsic(own) ? getPair(own, key) : undefined;
  if (fromOwn) return fromOwn;
  return global?.kind === 'mapping' && !asIntrinsic(global) ? getPair(global, key) : undefined;
}

/** Whether a node holds an intrinsic anywhere at its top (the value is decided at deploy time). */
export function isIntrinsicValue(node: LocatedNode | undefined): boolean {
  return asIntrinsic(node) !== undefined;
}
