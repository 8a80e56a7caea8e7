import type { Catalog, PropertyInfo, TypeRef } from '../catalog/catalogTypes';
import type { LocatedNode, MappingNode, ParsedDocument, ScalarNode, Span } from '../document/located';
import { getValue } from '../document/located';
import type { Fix } from '../findings';
import { SAM_GLOBALS_SECTION } from './samTypes';
import { didYouMean, suggest } from '../util/suggest';
import { asIntrinsic } from './intrinsics';
import type { ResourceEntry, TemplateModel } from './template';
import type { ConstraintNode } from '../constraints/constraintTypes';
import { ConstraintChecker, isNoValue, type ConstraintIssueKind } from '../constraints/constraintCheck';
import { spendBudget } from '../util/workBudget';
import { EntryMemo, keepsEntries } from './entryMemo';
import { moveIssues, renameFixes } from '../util/edits';

/** What kind of property problem an issue is; each kind is reported by its own rule. */
export type PropertyIssueKind = 'unknown-property' | 'required-property' | 'value-type' | ConstraintIssueKind;

/** One property problem found by {@link checkResourceProperties}. */
export interface PropertyIssue {
  readonly kind: PropertyIssueKind;
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

/** Functions whose result is a string, whatever their arguments. */
const STRING_RESULTS = new Set(['Fn::Sub', 'Fn::Join', 'Fn::Base64', 'Fn::ImportValue', 'Fn::Select', 'Fn::ToJsonString']);
/**
 * Types whose resource schema accepts any property besides the ones it names: the properties of a
 * custom resource are passed to its provider as they are (cfn-lint's schema patch gives
 * `AWS::CloudFormation::CustomResource` a `.*` pattern property; `Custom::*` types have no schema).
 */
const OPEN_PROPERTY_TYPES: ReadonlySet<string> = new Set(['AWS::CloudFormation::CustomResource']);
/** Functions whose result is a list. */
const LIST_RESULTS = new Set(['Fn::GetAZs', 'Fn::Split', 'Fn::Cidr']);


const cache = new WeakMap<ParsedDocument, PropertyIssue[]>();
/** Each resource's issues, kept across analyses (cfn/entryMemo.ts), per catalogue. */
const memos = new WeakMap<Catalog, EntryMemo<readonly PropertyIssue[]>>();

/**
 * Checks every resource's `Properties` against the catalogue: unknown
 * properties, missing required ones and value types, descending into nested
 * property types, and (when the catalogue carries them) the value and
 * combination constraints of the resource schemas, in the same walk. Computed
 * once per document and shared by the rules that report each kind; a resource
 * that an edit left alone keeps its issues from the previous analysis.
 */
export function checkResourceProperties(document: ParsedDocument, template: TemplateModel, catalog: Catalog): readonly PropertyIssue[] {
  const cached = cache.get(document);
  if (cached) return cached;
  const checker = new PropertyChecker(document.text, catalog, template);
  if (!keepsEntries(document)) {
    for (const resource of template.resources.values()) checker.checkResource(resource);
    cache.set(document, checker.issues);
    return checker.issues;
  }
  let memo = memos.get(catalog);
  if (!memo) memos.set(catalog, (memo = new EntryMemo(moveIssues)));
  const environment = memo.environment(propertyEnvironment(document.text, template));
  for (const resource of template.resources.values()) {
    const entry = { key: resource.keyNode, value: resource.node };
    const kept = memo.get(entry, environment);
    if (kept) {
      checker.issues.push(...kept);
      continue;
    }
    const from = checker.issues.length;
    checker.checkResource(resource);
    memo.set(entry, environment, checker.issues.slice(from));
  }
  cache.set(document, checker.issues);
  return checker.issues;
}

/**
 * Everything outside a resource that its property check reads: SAM or not, the `Globals` text
 * (inherited properties), each parameter's `Type` and each resource's type (what a `Ref` or
 * `Fn::GetAtt` returns), and a security group's `VpcId` (whether its `Ref` is a name or an id).
 */
function propertyEnvironment(text: string, template: TemplateModel): string {
  const parts: string[] = [template.isSam ? 'sam' : 'cfn'];
  const globals = template.isSam ? template.sections.get('Globals')?.value : undefined;
  if (globals) parts.push(text.slice(globals.span.start, globals.span.end));
  for (const parameter of template.parameters.values()) parts.push(`${parameter.name}:${scalarTextOf(getValue(parameter.node, 'Type'))}`);
  for (const resource of template.resources.values()) {
    parts.push(`${resource.name}:${resource.type ?? ''}`);
    if (resource.type === 'AWS::EC2::SecurityGroup') {
      const vpcId = getValue(resource.properties, 'VpcId');
      parts.push(vpcId ? text.slice(vpcId.span.start, vpcId.span.end) : '-');
    }
  }
  return parts.join('\n');
}

function scalarTextOf(node: LocatedNode | undefined): string {
  return node?.kind === 'scalar' ? node.text : node ? `<${node.kind}>` : '';
}

class PropertyChecker {
  readonly issues: PropertyIssue[] = [];
  /** Schema constraints, checked along this walk (no pass of their own); undefined without constraint data. */
  private readonly constraints: ConstraintChecker | undefined;

  constructor(
    private readonly text: string,
    private readonly catalog: Catalog,
    private readonly template: TemplateModel,
  ) {
    this.constraints = catalog.constraints ? new ConstraintChecker(catalog.constraints, text, this.issues, template) : undefined;
  }

  checkResource(resource: ResourceEntry): void {
    if (!resource.type) return;
    const info = this.catalog.resourceType(resource.type);
    if (!info) return;
    const properties = resource.properties;
    const globals = this.globalPropertyNames(resource.type);
    if (properties === undefined || (properties.kind === 'scalar' && properties.value === null)) {
      const missing = Object.entries(info.properties).filter(([name, prop]) => prop.required && !globals.has(name)).map(([name]) => name);
      if (missing.length > 0) {
        this.issues.push({ kind: 'required-property', span: resource.keyNode.span, message: `${resource.type} '${resource.name}' is missing required ${plural(missing.length, 'property', 'properties')} ${quoteList(missing)}.` });
      }
      return;
    }
    this.checkObject(properties, info.properties, resource.type, globals, `${resource.name}.Properties`, this.constraints?.forResource(resource.type));
  }

  /** Property names a SAM resource inherits from `Globals`. */
  private globalPropertyNames(type: string): ReadonlySet<string> {
    const section = SAM_GLOBALS_SECTION[type];
    if (!section || !this.template.isSam) return new Set();
    const globals = getValue(getValue(this.template.root, 'Globals'), section);
    if (globals?.kind !== 'mapping') return new Set();
    return new Set(globals.pairs.map((pair) => pair.key.text));
  }

  /** Checks a mapping against a set of properties (a resource's or a property type's). */
  private checkObject(node: LocatedNode, properties: Readonly<Record<string, PropertyInfo>>, owner: string, inherited: ReadonlySet<string>, path: string, limits?: ConstraintNode): void {
    if (this.skipIntrinsic(node, { kind: 'struct', name: owner }, path, limits)) return;
    if (node.kind !== 'mapping') {
      this.typeIssue(node, `${path} must be an object of ${owner} properties, not ${describe(node)}.`);
      return;
    }
    // `Fn::Transform` (AWS::Include) may add properties we cannot see.
    if (node.pairs.some((pair) => pair.key.text === 'Fn::Transform')) return;
    const names = Object.keys(properties);
    const present = new Set<string>();
    for (const pair of node.pairs) {
      const name = pair.key.text;
      present.add(name);
      const info = properties[name];
      if (!info) {
        const suggestions = suggest(name, names);
        // The resource spec lags behind SAM, and SAM passes some keys through: on
        // AWS::Serverless::* types only a near-miss of a known property is reported.
        if (owner.startsWith('AWS::Serverless::') && suggestions.length === 0) continue;
        if (OPEN_PROPERTY_TYPES.has(owner)) continue;
        this.issues.push({
          kind: 'unknown-property',
          span: pair.key.span,
          message: `'${name}' is not a property of ${owner}.${didYouMean(suggestions)}`,
          fixes: renameFixes(this.text, pair.key.span, suggestions),
        });
        continue;
      }
      this.checkValue(pair.value, info.type, `${path}.${name}`, this.constraints?.property(limits, name));
    }
    if (isConditional(node)) return;
    this.constraints?.checkObject(node, limits, owner);
    const missing = names.filter((name) => properties[name]!.required && !present.has(name) && !inherited.has(name));
    if (missing.length > 0) {
      const anchor = node.parent?.kind === 'mapping' ? (node.parent.pairs.find((p) => p.value === node)?.key.span ?? node.span) : node.span;
      const fix = this.addPropertiesFix(node, missing);
      this.issues.push({ kind: 'required-property', span: anchor, message: `${owner} is missing required ${plural(missing.length, 'property', 'properties')} ${quoteList(missing)}.`, ...(fix ? { fixes: [fix] } : {}) });
    }
  }

  private checkValue(node: LocatedNode, type: TypeRef, path: string, limits?: ConstraintNode): void {
    spendBudget();
    if (this.skipIntrinsic(node, type, path, limits)) return;
    switch (type.kind) {
      case 'primitive':
        if (this.checkPrimitive(node, type.name, path) && node.kind === 'scalar') this.constraints?.checkScalar(node, limits, path);
        return;
      case 'list':
        if (node.kind !== 'sequence') {
          this.typeIssue(node, `${path} must be a list, not ${describe(node)}.`);
          return;
        }
        this.constraints?.checkArray(node, limits, path);
        for (let i = 0; i < node.items.length; i++) this.checkValue(node.items[i]!, type.element, `${path}[${i}]`, this.constraints?.item(limits));
        return;
      case 'map':
        if (node.kind !== 'mapping') {
          this.typeIssue(node, `${path} must be a map of key/value pairs, not ${describe(node)}.`);
          return;
        }
        for (const pair of node.pairs) this.checkValue(pair.value, type.element, `${path}.${pair.key.text}`, this.constraints?.mapValue(limits));
        return;
      case 'struct': {
        const propertyType = this.catalog.propertyType(type.name);
        if (!propertyType) return;
        this.checkObject(node, propertyType.properties, type.name, new Set(), path, limits);
        return;
      }
      case 'union': {
        const fitting = type.types.filter((alternative) => fits(node, alternative));
        if (fitting.length === 0) {
          this.typeIssue(node, `${path} cannot be ${describe(node)}: it takes ${expectedKinds(type.types)}.`);
          return;
        }
        const alternative = fitting.length === 1 ? fitting[0] : this.bestStruct(node, fitting);
        // Several object shapes and none clearly matches (e.g. SAM event Properties, which
        // depend on the event Type): checking against a guess would only produce noise.
        if (alternative) this.checkValue(node, alternative, path, limits);
        return;
      }
    }
  }

  /** Checks a primitive value; returns true when it has the right type (so its constraints apply). */
  private checkPrimitive(node: LocatedNode, name: string, path: string): boolean {
    if (name === 'json' || name === 'any') {
      if (node.kind === 'scalar' && name === 'json' && typeof node.value !== 'string' && node.value !== null) this.typeIssue(node, `${path} must be a JSON object (or a JSON string), not ${describe(node)}.`);
      return false;
    }
    if (node.kind !== 'scalar') {
      this.typeIssue(node, `${path} must be a ${name === 'timestamp' ? 'timestamp string' : name}, not ${describe(node)}.`);
      return false;
    }
    if (node.value === null) return false; // An empty value is reported by CloudFormation as missing; leave it to `required`.
    const text = String(node.value);
    let ok = true;
    switch (name) {
      case 'integer':
      case 'long':
        // CloudFormation accepts integers given as numeric strings ("5").
        ok = /^[-+]?\d+$/.test(typeof node.value === 'number' ? String(node.value) : node.text.trim());
        if (!ok) this.typeIssue(node, `${path} must be an integer, not '${text}'.`);
        break;
      case 'number':
        ok = typeof node.value === 'number' || /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(node.text.trim());
        if (!ok) this.typeIssue(node, `${path} must be a number, not '${text}'.`);
        break;
      case 'boolean':
        ok = typeof node.value === 'boolean' || /^(true|false)$/i.test(node.text.trim());
        if (!ok) this.typeIssue(node, `${path} must be true or false, not '${text}'.`);
        break;
      default:
        break;
    }
    return ok;
  }

  /**
   * Handles intrinsic functions in a value position: `Fn::If` branches are
   * checked against the expected type; functions with a known result kind are
   * checked against it; others are accepted. Returns true when the node was one.
   */
  private skipIntrinsic(node: LocatedNode, type: TypeRef, path: string, limits?: ConstraintNode): boolean {
    const call = asIntrinsic(node);
    if (!call) return false;
    if (call.name === 'Fn::If') {
      if (call.argument.kind === 'sequence' && call.argument.items.length === 3) {
        for (const branch of call.argument.items.slice(1)) {
          if (isNoValue(branch)) continue;
          this.checkValue(branch, type, path, limits);
        }
      }
      return true;
    }
    this.constraints?.checkReference(call, limits, path, type.kind === 'list');
    const expected = type.kind === 'union' ? undefined : type.kind;
    if (STRING_RESULTS.has(call.name) && (expected === 'list' || expected === 'map' || expected === 'struct')) {
      this.typeIssue(call.keyNode, `${path} expects ${expected === 'list' ? 'a list' : 'an object'}, but ${call.name} returns a string.`);
    } else if (LIST_RESULTS.has(call.name) && (expected === 'map' || expected === 'struct' || (type.kind === 'primitive' && type.name !== 'json' && type.name !== 'any'))) {
      this.typeIssue(call.keyNode, `${path} expects ${expected === 'primitive' ? 'a single value' : 'an object'}, but ${call.name} returns a list.`);
    }
    return true;
  }

  /**
   * "Add missing required properties" for a YAML block mapping: new keys go after
   * the last pair, at the column of the existing keys, with empty values to fill in.
   */
  private addPropertiesFix(node: MappingNode, missing: readonly string[]): Fix | undefined {
    const last = node.pairs[node.pairs.length - 1];
    const first = node.pairs[0];
    if (!last || !first || this.text[node.span.start] === '{') return undefined;
    const column = first.key.span.start - (this.text.lastIndexOf('\n', first.key.span.start - 1) + 1);
    if (this.text.slice(first.key.span.start - column, first.key.span.start).trim() !== '') return undefined;
    const indent = ' '.repeat(column);
    const at = Math.max(last.value.span.end, last.key.span.end);
    const newText = missing.map((name) => `\n${indent}${name}: `).join('');
    return { title: `Add required ${plural(missing.length, 'property', 'properties')} ${quoteList(missing)}`, edits: [{ span: { start: at, end: at }, newText }] };
  }

  /**
   * Among several alternatives for a mapping, the struct that knows all its keys
   * (a json/map alternative accepts anything and wins only when no struct does).
   */
  private bestStruct(node: LocatedNode, alternatives: readonly TypeRef[]): TypeRef | undefined {
    if (node.kind !== 'mapping') return alternatives[0];
    // Tagged unions (SAM event sources): the struct whose `Type` allows this node's `Type`.
    const tag = node.pairs.find((pair) => pair.key.text === 'Type')?.value;
    if (tag?.kind === 'scalar') {
      const tagged = alternatives.filter((alternative) => alternative.kind === 'struct' && this.catalog.propertyType(alternative.name)?.properties['Type']?.enumValues?.includes(tag.text));
      if (tagged.length === 1) return tagged[0];
    }
    const keys = node.pairs.map((pair) => pair.key.text);
    const matching = alternatives.filter((alternative) => {
      if (alternative.kind !== 'struct') return false;
      const properties = this.catalog.propertyType(alternative.name)?.properties;
      return properties !== undefined && keys.every((key) => key in properties);
    });
    if (matching.length === 1) return matching[0];
    return matching.length === 0 ? alternatives.find((alternative) => alternative.kind !== 'struct') : undefined;
  }

  private typeIssue(node: LocatedNode | ScalarNode, message: string): void {
    this.issues.push({ kind: 'value-type', span: node.span, message });
  }
}

/** A mapping whose properties depend on `Fn::If` at the key level cannot be checked for required keys. */
function isConditional(node: MappingNode): boolean {
  return node.pairs.some((pair) => pair.key.text.startsWith('Fn::'));
}

function fits(node: LocatedNode, type: TypeRef): boolean {
  if (node.kind === 'sequence') return type.kind === 'list' || (type.kind === 'primitive' && (type.name === 'json' || type.name === 'any'));
  if (node.kind === 'mapping') return type.kind === 'map' || type.kind === 'struct' || (type.kind === 'primitive' && (type.name === 'json' || type.name === 'any'));
  return type.kind === 'primitive';
}

/** What a union accepts, for a message: "a string or an object". */
function expectedKinds(types: readonly TypeRef[]): string {
  const kinds = new Set(types.map((type) => (type.kind === 'list' ? 'a list' : type.kind === 'primitive' ? (type.name === 'integer' || type.name === 'long' ? 'an integer' : `a ${type.name === 'json' || type.name === 'any' ? 'value' : type.name}`) : 'an object')));
  const all = [...kinds];
  return all.length === 1 ? all[0]! : `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]!}`;
}

function describe(node: LocatedNode): string {
  if (node.kind === 'mapping') return 'an object';
  if (node.kind === 'sequence') return 'a list';
  if (node.value === null) return 'an empty value';
  return `${typeof node.value === 'string' ? 'the string' : typeof node.value === 'number' ? 'the number' : 'the boolean'} '${node.text}'`;
}


function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}
