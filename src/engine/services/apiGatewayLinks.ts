// REST API pieces that name each other must belong to the same API: a stage deploys a deployment
// of its own API, a method uses an authorizer of its own API, of the kind its AuthorizationType
// says (CUSTOM: a TOKEN or REQUEST Lambda authorizer; COGNITO_USER_POOLS: a Cognito authorizer).
// API Gateway refuses the others at deploy time ("Invalid deployment identifier", "Invalid
// authorizer ID specified").
//
// Source: the AWS::ApiGateway::Stage (DeploymentId) and AWS::ApiGateway::Method (AuthorizerId,
// AuthorizationType) references; cfn-lint 1.51.0's E3698, E3699 and E3708 check the same.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { literalString, referencedLogicalId, referencedResource, resourcesOf, type ServiceProblem } from './resourceIndex';

/**
 * Which REST API a `RestApiId` value names: a RestApi of the template, or a literal id; undefined
 * when unknown (a parameter may hold any id, so it matches nothing and differs from nothing).
 */
function apiKey(template: TemplateModel, node: LocatedNode | undefined): string | undefined {
  const literal = literalString(node)?.text;
  if (literal !== undefined) return `id ${literal}`;
  return referencedResource(template, node, 'AWS::ApiGateway::RestApi') ? `resource ${referencedLogicalId(node)!}` : undefined;
}

const apiLabel = (key: string): string => key.slice(key.indexOf(' ') + 1);

/** What the authorizer types an AuthorizationType takes. */
const AUTHORIZER_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['CUSTOM', ['TOKEN', 'REQUEST']],
  ['COGNITO_USER_POOLS', ['COGNITO_USER_POOLS']],
]);

/** Stages, deployments, methods and authorizers of the template that do not fit together. */
export function apiGatewayLinkProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (!template) return problems;
  for (const stage of resourcesOf(template, 'AWS::ApiGateway::Stage')) {
    const deploymentNode = getValue(stage.properties, 'DeploymentId');
    const deployment = referencedResource(template, deploymentNode, 'AWS::ApiGateway::Deployment');
    const own = apiKey(template, getValue(stage.properties, 'RestApiId'));
    const theirs = deployment ? apiKey(template, getValue(deployment.properties, 'RestApiId')) : undefined;
    if (own && theirs && own !== theirs) {
      problems.push({ node: deploymentNode!, message: `Stage ${stage.name} is on REST API ${apiLabel(own)}, but its deployment ${deployment!.name} is of ${apiLabel(theirs)}: API Gateway refuses it. Use a deployment of the same API.` });
    }
  }
  for (const method of resourcesOf(template, 'AWS::ApiGateway::Method')) {
    const authorizerNode = getValue(method.properties, 'AuthorizerId');
    const authorizer = referencedResource(template, authorizerNode, 'AWS::ApiGateway::Authorizer');
    if (!authorizer) continue;
    const own = apiKey(template, getValue(method.properties, 'RestApiId'));
    const theirs = apiKey(template, getValue(authorizer.properties, 'RestApiId'));
    if (own && theirs && own !== theirs) {
      problems.push({ node: authorizerNode!, message: `Method ${method.name} is on REST API ${apiLabel(own)}, but its authorizer ${authorizer.name} is of ${apiLabel(theirs)}: API Gateway refuses it. Use an authorizer of the same API.` });
    }
    const authorization = literalString(getValue(method.properties, 'AuthorizationType'));
    const kind = literalString(getValue(authorizer.properties, 'Type'))?.text;
    const accepted = authorization ? AUTHORIZER_TYPES.get(authorization.text) : undefined;
    if (authorization && accepted && kind !== undefined && !accepted.includes(kind)) {
      problems.push({ node: authorization, message: `Method ${method.name} has AuthorizationType ${authorization.text}, which takes a ${accepted.join(' or ')} authorizer, but ${authorizer.name} is of Type ${kind}: API Gateway refuses it. Use AuthorizationType ${kind === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM'}.` });
    }
  }
  return problems;
}
