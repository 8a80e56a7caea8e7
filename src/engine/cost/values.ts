import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';
import type { TemplateModel } from '../cfn/template';

/** A scalar a property resolves to, or why it could not be resolved offline. */
export type Resolved = { readonly ok: true; readonly value: string | number | boolean } | { readonly ok: false; readonly why: string };

/** What the pricers may resolve against: parameter values (given, else defaults), conditions, the region. */
export interface ValueContext {
  readonly template: TemplateModel;
  /** Values given for parameters (CLI or host); override the template's `Default`s. */
  readonly parameters: ReadonlyMap<string, string>;
  readonly region: string;
  /** Evaluated conditions (memo: a hostile template could reference one condition from many). */
  readonly conditionCache: Map<string, boolean | undefined>;
  /** Resolution steps left for the whole estimate: nested FindInMap keys could branch without end. */
  readonly budget: { remaining: number };
}

/** Resolution steps allowed per estimate: far above any real template, bounded for hostile ones. */
export const RESOLUTION_BUDGET = 1_000_000;

/** A fresh context for one estimate. */
export function valueContext(template: TemplateModel, parameters: ReadonlyMap<string, string>, region: string): ValueContext {
  return { template, parameters, region, conditionCache: new Map(), budget: { remaining: RESOLUTION_BUDGET } };
}

// Intrinsics nest; a hostile template could nest them (or conditions) without end.
const MAX_DEPTH = 32;

const unresolved = (why: string): Resolved => ({ ok: false, why });

/**
 * Resolves a property value to a scalar: literals, `Ref` to a parameter (given value, else its
 * `Default`) or `AWS::Region`, `Fn::If` on a resolvable condition, `Fn::FindInMap` with resolvable
 * keys. Anything else (`Fn::GetAtt`, imports...) is unresolved, with the reason.
 */
export function resolveScalar(node: LocatedNode | undefined, context: ValueContext, depth = 0): Resolved {
  if (!node) return unresolved('not set');
  if (depth > MAX_DEPTH) return unresolved('nested too deeply');
  if (--context.budget.remaining < 0) return unresolved('too complex to resolve offline');
  if (node.kind === 'scalar') {
    return node.value === null ? unresolved('empty') : { ok: true, value: node.value };
  }
  const call = asIntrinsic(node);
  if (!call) return unresolved('not a single value');
  switch (call.name) {
    case 'Ref':
      return resolveRef(call.argument, context, depth);
    case 'Fn::If': {
      if (call.argument.kind !== 'sequence' || call.argument.items.length !== 3) return unresolved('malformed Fn::If');
      const [conditionNode, whenTrue, whenFalse] = call.argument.items;
      const conditionName = conditionNode?.kind === 'scalar' ? String(conditionNode.value) : undefined;
      if (conditionName === undefined) return unresolved('malformed Fn::If');
      const condition = evaluateCondition(conditionName, context, depth + 1);
      if (condition === undefined) return unresolved(`condition '${conditionName}' cannot be evaluated offline`);
      return resolveScalar(condition ? whenTrue : whenFalse, context, depth + 1);
    }
    case 'Fn::FindInMap':
      return resolveFindInMap(call.argument, context, depth);
    default:
      return unresolved(`${call.name} is only known at deploy time`);
  }
}

function resolveRef(argument: LocatedNode, context: ValueContext, depth: number): Resolved {
  if (argument.kind !== 'scalar' || typeof argument.value !== 'string') return unresolved('malformed Ref');
  const name = argument.value;
  if (name === 'AWS::Region') return { ok: true, value: context.region };
  const given = context.parameters.get(name);
  if (given !== undefined) return { ok: true, value: given };
  const parameter = context.template.parameters.get(name);
  if (!parameter) return unresolved(`Ref ${name} is a resource or pseudo parameter`);
  const fallback = getValue(parameter.node, 'Default');
  if (!fallback) return unresolved(`parameter ${name} has no Default and no value was given`);
  return resolveScalar(fallback, context, depth + 1);
}

function resolveFindInMap(argument: LocatedNode, context: ValueContext, depth: number): Resolved {
  if (argument.kind !== 'sequence' || argument.items.length < 3) return unresolved('malformed Fn::FindInMap');
  const keys: string[] = [];
  for (const item of argument.items.slice(0, 3)) {
    const key = resolveScalar(item, context, depth + 1);
    if (!key.ok) return unresolved(`Fn::FindInMap key: ${key.why}`);
    keys.push(String(key.value));
  }
  const mapping = context.template.mappings.get(keys[0]!);
  const value = getValue(getValue(mapping?.node, keys[1]!), keys[2]!);
  return value ? resolveScalar(value, context, depth + 1) : unresolved(`no mapping entry ${keys.join('/')}`);
}

/** Evaluates a named condition; undefined when it depends on something unknown offline. */
export function evaluateCondition(name: string, context: ValueContext, depth = 0): boolean | undefined {
  // A cached `undefined` also stops cycles: a condition being evaluated counts as unknown.
  if (context.conditionCache.has(name)) return context.conditionCache.get(name);
  context.conditionCache.set(name, undefined);
  const entry = context.template.conditions.get(name);
  const value = entry ? evaluateConditionNode(entry.node, context, depth + 1) : undefined;
  context.conditionCache.set(name, value);
  return value;
}

function evaluateConditionNode(node: LocatedNode, context: ValueContext, depth: number): boolean | undefined {
  if (depth > MAX_DEPTH || --context.budget.remaining < 0) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
  const call = asIntrinsic(node, true);
  if (!call) return undefined;
  const args = call.argument.kind === 'sequence' ? call.argument.items : [];
  switch (call.name) {
    case 'Condition':
      return call.argument.kind === 'scalar' ? evaluateCondition(String(call.argument.value), context, depth + 1) : undefined;
    case 'Fn::Equals': {
      if (args.length !== 2) return undefined;
      const left = resolveScalar(args[0], context, depth + 1);
      const right = resolveScalar(args[1], context, depth + 1);
      return left.ok && right.ok ? String(left.value) === String(right.value) : undefined;
    }
    case 'Fn::Not': {
      const inner = args.length === 1 ? evaluateConditionNode(args[0]!, context, depth + 1) : undefined;
      return inner === undefined ? undefined : !inner;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const values = args.map((arg) => evaluateConditionNode(arg, context, depth + 1));
      const isAnd = call.name === 'Fn::And';
      // A decisive operand settles it even when another is unknown.
      if (values.includes(!isAnd)) return !isAnd;
      return values.includes(undefined) || values.length === 0 ? undefined : isAnd;
    }
    default:
      return undefined;
  }
}

/** Resolves to a finite number (numeric strings count), or why not. */
export function resolveNumber(node: LocatedNode | undefined, context: ValueContext): { ok: true; value: number } | { ok: false; why: string } {
  const resolved = resolveScalar(node, context);
  if (!resolved.ok) return resolved;
  const value = typeof resolved.value === 'number' ? resolved.value : Number(resolved.value);
  return Number.isFinite(value) && String(resolved.value).trim() !== '' ? { ok: true, value } : { ok: false, why: `'${String(resolved.value)}' is not a number` };
}

/** Resolves to a string, or undefined when unresolvable. */
export function resolveString(node: LocatedNode | undefined, context: ValueContext): string | undefined {
  const resolved = resolveScalar(node, context);
  return resolved.ok ? String(resolved.value) : undefined;
}

/** Resolves a boolean-ish property (`true`, `"true"`); undefined when unresolvable. */
export function resolveBoolean(node: LocatedNode | undefined, context: ValueContext): boolean | undefined {
  const resolved = resolveScalar(node, context);
  if (!resolved.ok) return undefined;
  if (typeof resolved.value === 'boolean') return resolved.value;
  const text = String(resolved.value).toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** Whether a resource's `Condition` holds: true, false, or undefined (cannot be evaluated offline). */
export function resourceConditionHolds(resourceNode: LocatedNode, context: ValueContext): boolean | undefined {
  const condition = getValue(resourceNode, 'Condition');
  if (!condition) return true;
  return condition.kind === 'scalar' ? evaluateCondition(String(condition.value), context) : undefined;
}
