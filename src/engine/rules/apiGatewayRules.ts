import type { Rule, RuleContext } from './rule';
import type { LocatedNode } from '../document/located';
import { API_GATEWAY_CHECKS } from '../apigateway/checks';
import type { ApiGatewayCheck, ApiGatewayCheckId } from '../apigateway/checks';
import { findEmbeddedOpenApi, isAbsoluteLocation, resolveLocation } from '../apigateway/embedded';
import { inferFlavor, usesApiGatewayExtensions } from '../apigateway/flavor';
import { checkIncludedReferences } from '../apigateway/templateReferences';
import { findMissingSubs } from '../apigateway/missingSub';
import type { ApiGatewayCheckContext } from '../apigateway/values';
import type { DocumentKind } from '../documentKind';

/** Standalone OpenAPI files and templates (whose API resources carry OpenAPI bodies). */
const API_DOCUMENT_KINDS: readonly DocumentKind[] = ['openapi', 'cloudformation', 'sam'];

/**
 * Runs one check over the API Gateway OpenAPI roots of the document: a standalone file
 * that uses `x-amazon-apigateway-*` extensions (a plain OpenAPI file is not an API
 * Gateway document), or each inline body of a template's API resources.
 */
function runOnApiDocuments(context: RuleContext, check: ApiGatewayCheck): void {
  const text = context.document.text;
  const run = (root: LocatedNode, flavor: ApiGatewayCheckContext['flavor'], embedded: boolean): void => check(root, { flavor, embedded, text, report: context.report });
  if (context.kind === 'openapi') {
    const root = context.document.root;
    if (root && usesApiGatewayExtensions(root)) run(root, inferFlavor(root), false);
    return;
  }
  if (!context.template) return;
  for (const body of findEmbeddedOpenApi(context.template)) if (body.root) run(body.root, body.flavor, true);
}

function apiGatewayRule(id: ApiGatewayCheckId, description: string, defaultSeverity: Rule['defaultSeverity']): Rule {
  const check = API_GATEWAY_CHECKS[id];
  return { id, description, defaultSeverity, appliesTo: API_DOCUMENT_KINDS, check: (context) => runOnApiDocuments(context, check) };
}

/** `x-amazon-apigateway-integration`: type, required fields, URI shapes, enums and ranges. */
export const apiGatewayIntegrationRule = apiGatewayRule(
  'apigw-integration',
  'x-amazon-apigateway-integration must have a known type, the httpMethod and uri it needs, a well-formed Lambda/AWS/HTTP uri (for aws and aws_proxy an API Gateway service ARN, or for HTTP APIs a Lambda function ARN), a connectionId only with VPC_LINK, requestParameters that read only path parameters of the path, and valid passthroughBehavior, connectionType, responses, payloadFormatVersion and timeoutInMillis.',
  'error',
);

/** `x-amazon-apigateway-authorizer` / `-authtype` on security schemes. */
export const apiGatewayAuthorizerRule = apiGatewayRule(
  'apigw-authorizer',
  'x-amazon-apigateway-authorizer must have a type the API supports (token, request, cognito_user_pools; request, jwt for HTTP APIs) and what that type needs: authorizerUri, providerARNs, jwtConfiguration, a valid identitySource and a TTL of 0-3600.',
  'error',
);

/** `x-amazon-apigateway-request-validator(s)`. */
export const apiGatewayRequestValidatorRule = apiGatewayRule(
  'apigw-request-validator',
  'x-amazon-apigateway-request-validators entries take boolean validateRequestBody / validateRequestParameters, and every x-amazon-apigateway-request-validator must name one of them.',
  'error',
);

/** Values and placement of the other extensions, and misspelt extension names. */
export const apiGatewayExtensionValuesRule = apiGatewayRule(
  'apigw-extension-values',
  'x-amazon-apigateway-* extensions must sit where API Gateway reads them and hold valid values (binary media types, gateway responses, API key source, CORS for HTTP APIs only...); misspelt extension names are reported.',
  'error',
);

/** OpenAPI features the import does not support. */
export const apiGatewayUnsupportedFeatureRule = apiGatewayRule(
  'apigw-unsupported-feature',
  'OpenAPI features API Gateway documents as unsupported on import: OpenAPI 3.1; for REST APIs discriminator, readOnly, exclusiveMinimum, int32/int64 numbers, invalid path segments and model names; for HTTP APIs Swagger 2.0 and several authorizations per operation.',
  'warning',
);

/** REST-only features in an HTTP API and the reverse. */
export const apiGatewayApiKindRule = apiGatewayRule(
  'apigw-api-kind',
  'The API kind (REST or HTTP) comes from the template that carries the document or from the extensions it uses; REST-only extensions and integration fields in an HTTP API, HTTP-only ones in a REST API, and a standalone file that mixes both are reported: API Gateway ignores them on import.',
  'warning',
);

/**
 * `Ref`, `Fn::GetAtt` and `${...}` in an included OpenAPI file must name things of the including
 * template. Reported on the included file (`Finding.otherFile`), with the template's Location as
 * related location.
 */
export const apiGatewayTemplateReferencesRule: Rule = {
  id: 'apigw-template-references',
  description: 'Every Ref, Fn::GetAtt and ${Name} / ${Name.Attr} in an OpenAPI file included with AWS::Include or SAM DefinitionUri must name a parameter, resource or attribute of the including template.',
  defaultSeverity: 'error',
  appliesTo: ['cloudformation', 'sam'],
  check(context) {
    const { template, readFile } = context;
    if (!template || !readFile) return;
    for (const body of findEmbeddedOpenApi(template)) {
      if (body.includeLocation === undefined) continue;
      // The host's policy for `$ref`s holds here too: absolute paths are read only when allowed.
      if (isAbsoluteLocation(body.includeLocation) && !context.followAbsoluteFileRefs) continue;
      const path = resolveLocation(context.fileName ?? '', body.includeLocation);
      let text: string | undefined;
      try {
        text = readFile(path);
      } catch {
        // A missing or unreadable file is the packaging step's to report, not a reference problem.
        text = undefined;
      }
      if (text === undefined) continue;
      // The finding belongs to the included file (that is where the name is written, and the
      // only place it can be fixed); the Location / DefinitionUri value is its related location.
      const anchorMessage = `${body.resource} includes this file here`;
      for (const problem of checkIncludedReferences(path, text, template, context.catalog)) {
        context.reportInFile(body.span, { file: path, range: problem.range, span: problem.span }, problem.message, anchorMessage);
      }
    }
  },
};

/** `${Name}` naming a template parameter, resource or pseudo parameter in a plain string of an inline body. */
export const apiGatewayMissingSubRule: Rule = {
  id: 'apigw-missing-sub',
  description: 'A ${Name} or ${Resource.Attr} naming a template parameter, resource or pseudo parameter inside a plain string of an inline OpenAPI body (an integration uri, an authorizer uri...) needs Fn::Sub around the string: CloudFormation substitutes only inside Fn::Sub. Quick fix: wrap the string in !Sub.',
  defaultSeverity: 'error',
  appliesTo: ['cloudformation', 'sam'],
  check(context) {
    if (!context.template) return;
    for (const body of findEmbeddedOpenApi(context.template)) {
      if (!body.root) continue;
      for (const missing of findMissingSubs(body.root, context.template, context.document)) {
        const names = missing.names.map((name) => `\${${name}}`).join(', ');
        context.report(missing.node.span, `${names} is written without Fn::Sub, so CloudFormation passes it to API Gateway as literal text: wrap the string in !Sub (or Fn::Sub in JSON).`, [missing.fix]);
      }
    }
  },
};
