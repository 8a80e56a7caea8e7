/**
 * The API Gateway checks as one table, so a rule, the lead's embedded-body wiring or a
 * future command can run one check or all of them over any OpenAPI root node.
 */
import type { LocatedNode, Span } from '../document/located';
import type { Fix } from '../findings';
import { checkAuthorizers } from './authorizer';
import { checkExtensionValues } from './extensionValues';
import { checkIntegrations } from './integration';
import { checkRequestValidators } from './requestValidators';
import { checkUnsupportedFeatures } from './unsupported';
import type { ApiGatewayCheckContext } from './values';

/** Rule ids of the checks over an OpenAPI root. */
export type ApiGatewayCheckId = 'apigw-integration' | 'apigw-authorizer' | 'apigw-request-validator' | 'apigw-extension-values' | 'apigw-unsupported-feature';

/** One check: reads the root, reports through the context. */
export type ApiGatewayCheck = (root: LocatedNode, context: ApiGatewayCheckContext) => void;

/** Every check by rule id. */
export const API_GATEWAY_CHECKS: Readonly<Record<ApiGatewayCheckId, ApiGatewayCheck>> = {
  'apigw-integration': checkIntegrations,
  'apigw-authorizer': checkAuthorizers,
  'apigw-request-validator': checkRequestValidators,
  'apigw-extension-values': checkExtensionValues,
  'apigw-unsupported-feature': checkUnsupportedFeatures,
};

/** A context whose `report` also receives the id of the check that found the problem. */
export interface MultiCheckContext extends Omit<ApiGatewayCheckContext, 'report'> {
  readonly report: (rule: ApiGatewayCheckId, span: Span, message: string, fixes?: readonly Fix[]) => void;
}

/** Runs every API Gateway check over an OpenAPI root (a standalone file or a template body). */
export function checkApiGatewayExtensions(root: LocatedNode, context: MultiCheckContext): void {
  for (const [rule, check] of Object.entries(API_GATEWAY_CHECKS) as Array<[ApiGatewayCheckId, ApiGatewayCheck]>) {
    check(root, { flavor: context.flavor, embedded: context.embedded, text: context.text, report: (span, message, fixes) => context.report(rule, span, message, fixes) });
  }
}
