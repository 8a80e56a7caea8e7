/**
 * `x-amazon-apigateway-request-validators` (root map of named validators) and
 * `x-amazon-apigateway-request-validator` (root default or per operation).
 * Source: the three "x-amazon-apigateway-request-validator(s)" pages of the Developer Guide.
 */
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';
import { expectBoolean, expectMapping, reportUnknownKeys } from './report';
import type { ApiGatewayCheckContext } from './values';
import { isDeployTime, operations, stringOf } from './values';

const VALIDATORS = 'x-amazon-apigateway-request-validators';
const VALIDATOR = 'x-amazon-apigateway-request-validator';

/** Checks the validator definitions and that every reference names one of them. */
export function checkRequestValidators(root: LocatedNode, context: ApiGatewayCheckContext): void {
  // HTTP APIs do not validate requests; the import only notes the extension as unsupported.
  if (context.flavor === 'http') return;
  const definitions = getValue(root, VALIDATORS);
  const map = expectMapping(definitions, VALIDATORS, context);
  for (const pair of map?.pairs ?? []) {
    const validator = expectMapping(pair.value, `Request validator '${pair.key.text}'`, context);
    if (!validator) continue;
    reportUnknownKeys(validator, ['validateRequestBody', 'validateRequestParameters'], `Request validator '${pair.key.text}'`, context);
    expectBoolean(getValue(validator, 'validateRequestBody'), 'validateRequestBody', context);
    expectBoolean(getValue(validator, 'validateRequestParameters'), 'validateRequestParameters', context);
  }
  // With an intrinsic (or a non-mapping, already reported) map, names cannot be checked.
  const names = map ? map.pairs.map((pair) => pair.key.text) : undefined;
  if (definitions && !map) return;
  const references = [getValue(root, VALIDATOR), ...operations(root).map(({ operation }) => getValue(operation, VALIDATOR))];
  for (const reference of references) if (reference) checkReference(reference, names, context);
}

function checkReference(node: LocatedNode, names: readonly string[] | undefined, context: ApiGatewayCheckContext): void {
  if (isDeployTime(node)) return;
  const name = stringOf(node);
  if (name === undefined) {
    context.report(node.span, `${VALIDATOR} must be the name of a validator in ${VALIDATORS}.`);
    return;
  }
  if (!names) {
    context.report(node.span, `Request validator '${name}' is not defined: the document has no ${VALIDATORS} map.`);
    return;
  }
  if (names.includes(name)) return;
  const suggestions = suggest(name, names);
  const known = suggestions.length > 0 ? didYouMean(suggestions) : names.length > 0 ? ` Defined: ${names.join(', ')}.` : '';
  context.report(node.span, `Request validator '${name}' is not defined in ${VALIDATORS}.${known}`, renameFixes(context.text, node.span, suggestions));
}

