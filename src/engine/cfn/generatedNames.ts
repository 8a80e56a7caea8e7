import type { TemplateModel } from './template';

import { getValue } from '../document/located';
import { lookupTable } from '../util/lookup';

/** Resources SAM generates that templates may reference by name. */
const SAM_GLOBAL_NAMES = ['ServerlessRestApi', 'ServerlessHttpApi', 'ServerlessDeploymentBucket'];

/**
 * Suffixes of the logical ids SAM gives the resources it generates from one of
 * ours (`MyFunctionRole`, `MyFunctionAliaslive`, `MyApiProdStage`, `MyApiDeployment1a2b3c`...).
 */
const SAM_GENERATED_SUFFIX = /^(Role|Version[0-9a-f]*|Alias[A-Za-z0-9]*|[A-Za-z0-9]*Stage|Deployment[0-9a-f]*|ApiGatewayDomainName[A-Za-z0-9]*|BasePathMapping[A-Za-z0-9]*|RecordSetGroup[A-Za-z0-9]*|UsagePlan[A-Za-z0-9]*|ApiKey|Url|UrlPublicPermissions|EventInvokeConfig|[A-Za-z0-9]*Permission[A-Za-z0-9]*|[A-Za-z0-9]*Policy|[A-Za-z0-9]*Topic|[A-Za-z0-9]*Queue|Authorizer[A-Za-z0-9]*|CodeDeployServiceRole|ServerlessDeploymentApplication|DeploymentGroup|LogGroup)$/;

/** CloudFormation's limit on logical ids: no declared id is longer. */
const MAX_LOGICAL_ID_CHARS = 255;

/**
 * Whether a name is a resource that a transform generates from a declared one
 * and so exists at deploy time although the template does not declare it:
 * SAM (`MyFunctionRole`, an event's `MyFunctionMyEvent`...) and Rain modules
 * (module `Network` creates `NetworkVPC`...). A misspelt name that merely starts
 * with a declared id (`ApiTypo` next to `Api`) is not accepted.
 */
export function isGeneratedName(template: TemplateModel, name: string): boolean {
  // The declared ids that are proper prefixes of the name, by lookup: looping over every
  // resource for every unknown name was quadratic on big templates.
  // Generated ids are logical ids too: a longer name is none (and the suffix patterns stay short).
  if (name.length > MAX_LOGICAL_ID_CHARS) return false;
  const longest = name.length - 1;
  for (let length = 1; length <= longest; length++) {
    const resource = template.resources.get(name.slice(0, length));
    if (!resource) continue;
    if (resource.rainModule) return true;
    if (!template.isSam || !resource.type?.startsWith('AWS::Serverless::')) continue;
    const suffix = name.slice(resource.name.length);
    if (SAM_GENERATED_SUFFIX.test(suffix)) return true;
    // Event sources become resources named after the function and the event.
    const events = getValue(resource.properties, 'Events');
    if (events?.kind === 'mapping' && events.pairs.some((pair) => suffix.startsWith(pair.key.text))) return true;
  }
  return template.isSam && SAM_GLOBAL_NAMES.some((prefix) => name.startsWith(prefix));
}


/**
 * Properties SAM lets templates reference with `${Resource.Name}` / `!GetAtt Resource.Name`
 * although the generated resource has no such attribute (SAM resolves them itself).
 */
export const SAM_REFERENCEABLE_PROPERTIES: Readonly<Record<string, readonly string[]>> = lookupTable({
  'AWS::Serverless::Function': ['Alias', 'Version', 'DestinationTopic', 'DestinationQueue'],
  'AWS::Serverless::Api': ['Stage', 'Deployment', 'DomainName'],
  'AWS::Serverless::HttpApi': ['Stage', 'DomainName'],
  'AWS::Serverless::StateMachine': ['Name'],
  'AWS::Serverless::LayerVersion': [],
});

/**
 * The resource types behind those properties, for `!GetAtt Fn.Version.FunctionArn`: SAM
 * rewrites it to a `GetAtt` on the generated resource, so the rest is one of its attributes.
 */
export const SAM_REFERENCEABLE_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = lookupTable<Readonly<Record<string, string>>>({
  'AWS::Serverless::Function': { Alias: 'AWS::Lambda::Alias', Version: 'AWS::Lambda::Version', DestinationTopic: 'AWS::SNS::Topic', DestinationQueue: 'AWS::SQS::Queue' },
  'AWS::Serverless::Api': { Stage: 'AWS::ApiGateway::Stage', Deployment: 'AWS::ApiGateway::Deployment', DomainName: 'AWS::ApiGateway::DomainName' },
  'AWS::Serverless::HttpApi': { Stage: 'AWS::ApiGatewayV2::Stage', DomainName: 'AWS::ApiGatewayV2::DomainName' },
});
