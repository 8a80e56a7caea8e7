/** Reporting helpers shared by the API Gateway checks: enums, unknown keys, integers. */
import type { LocatedNode, MappingNode } from '../document/located';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import type { ApiGatewayCheckContext } from './values';
import { isDeployTime, oneOf, readInteger, stringOf } from './values';

/**
 * Checks a case-insensitive enum (API Gateway's importer upper-cases these values:
 * exports write `when_no_match`, the API documents `WHEN_NO_MATCH`). Returns the
 * matched value in the case of `allowed`, or undefined when it is not a literal.
 */
export function checkEnum(node: LocatedNode | undefined, allowed: readonly string[], what: string, context: ApiGatewayCheckContext): string | undefined {
  if (!node || isDeployTime(node)) return undefined;
  const value = stringOf(node);
  if (value === undefined) {
    context.report(node.span, `${what} must be a string: ${oneOf(allowed)}.`);
    return undefined;
  }
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (match) return match;
  const suggestions = suggest(value, allowed, 2);
  context.report(node.span, `${what} '${value}' is not one of ${oneOf(allowed)}.${didYouMean(suggestions)}`, renameFixes(context.text, node.span, suggestions));
  return undefined;
}

/** Options of {@link reportUnknownKeys}. */
export interface UnknownKeyOptions {
  /**
   * Report only keys with a close documented name. Used where AWS keeps adding keys
   * (integration objects gained `responseTransferMode` and `integrationTarget` in 2025),
   * so an unknown key may be a feature newer than this list, not a typo.
   */
  readonly onlyWithSuggestion?: boolean;
  /** Names from elsewhere that people write here by mistake, and the key meant. */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** Reports keys of `mapping` that are not in `known` (extensions `x-...` are always allowed). */
export function reportUnknownKeys(mapping: MappingNode, known: readonly string[], what: string, context: ApiGatewayCheckContext, options: UnknownKeyOptions = {}): void {
  for (const pair of mapping.pairs) {
    const key = pair.key.text;
    if (known.includes(key) || key.startsWith('x-')) continue;
    const alias = options.aliases?.[key];
    const suggestions = alias ? [alias] : suggest(key, known, 2);
    if (suggestions.length === 0 && options.onlyWithSuggestion) continue;
    context.report(pair.key.span, `${what} has no property '${key}': API Gateway ignores it.${didYouMean(suggestions)}`, renameFixes(context.text, pair.key.span, suggestions));
  }
}

/** Checks an integer within `[min, max]` (`max` may be infinite); returns the value when literal and valid. */
export function checkIntegerRange(node: LocatedNode | undefined, min: number, max: number, what: string, context: ApiGatewayCheckContext, why = ''): number | undefined {
  if (!node) return undefined;
  const reading = readInteger(node);
  if (reading.kind === 'deploy-time') return undefined;
  const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `from ${min} to ${max}`;
  if (reading.kind === 'wrong') {
    context.report(node.span, `${what} must be an integer ${range}.`);
    return undefined;
  }
  if (reading.value < min || reading.value > max) {
    context.report(node.span, `${what} ${reading.value} is out of range: it must be ${range}${why}.`);
    return undefined;
  }
  return reading.value;
}

/** Reports a value that must be a mapping (an intrinsic is accepted); returns the mapping. */
export function expectMapping(node: LocatedNode | undefined, what: string, context: ApiGatewayCheckContext): MappingNode | undefined {
  if (!node || isDeployTime(node)) return undefined;
  if (node.kind === 'mapping') return node;
  context.report(node.span, `${what} must be an object.`);
  return undefined;
}

/** Reports a value that must be a string (an intrinsic is accepted). */
export function expectString(node: LocatedNode | undefined, what: string, context: ApiGatewayCheckContext): string | undefined {
  if (!node || isDeployTime(node)) return undefined;
  const value = stringOf(node);
  if (value === undefined) context.report(node.span, `${what} must be a string.`);
  return value;
}

/** Reports a value that must be a list of strings (intrinsics accepted for the list and items). */
export function expectStringList(node: LocatedNode | undefined, what: string, context: ApiGatewayCheckContext): void {
  if (!node || isDeployTime(node)) return;
  if (node.kind !== 'sequence') {
    context.report(node.span, `${what} must be a list of strings.`);
    return;
  }
  for (const item of node.items) if (!isDeployTime(item) && stringOf(item) === undefined) context.report(item.span, `${what} must hold strings only.`);
}

/** Reports a value that must be a boolean (an intrinsic is accepted). */
export function expectBoolean(node: LocatedNode | undefined, what: string, context: ApiGatewayCheckContext): void {
  if (!node || isDeployTime(node)) return;
  if (node.kind === 'scalar' && (typeof node.value === 'boolean' || node.value === 'true' || node.value === 'false')) return;
  context.report(node.span, `${what} must be true or false.`);
}
