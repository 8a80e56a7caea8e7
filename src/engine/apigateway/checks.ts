/**
 * The API Gateway checks as one table: each `apigw-*` rule runs its check over every
 * OpenAPI root node of a document (a standalone file or a template body).
 */
import type { LocatedNode } from '../document/located';
import { checkApiKind } from './apiKind';
import { checkAuthorizers } from './authorizer';
import { checkExtensionValues } from './extensionValues';
import { checkIntegrations } from './integration';
import { checkRequestValidators } from './requestValidators';
import { checkUnsupportedFeatures } from './unsupported';
import type { ApiGatewayCheckContext } from './values';

/** Rule ids of the checks over an OpenAPI root. */
export type ApiGatewayCheckId = 'apigw-integration' | 'apigw-authorizer' | 'apigw-request-validator' | 'apigw-extension-values' | 'apigw-unsupported-feature' | 'apigw-api-kind';

/** One check: reads the root, reports through the context. */
export type ApiGatewayCheck = (root: LocatedNode, context: ApiGatewayCheckContext) => void;

/** Every check by rule id. */
export const API_GATEWAY_CHECKS: Readonly<Record<ApiGatewayCheckId, ApiGatewayCheck>> = {
  'apigw-integration': checkIntegrations,
  'apigw-authorizer': checkAuthorizers,
  'apigw-request-validator': checkRequestValidators,
  'apigw-extension-values': checkExtensionValues,
  'apigw-unsupported-feature': checkUnsupportedFeatures,
  'apigw-api-kind': checkApiKind,
};
