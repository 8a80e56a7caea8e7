import type { TemplateModel } from './template';

/** Resources SAM generates that templates may reference by name. */
const SAM_GLOBAL_NAMES = ['ServerlessRestApi', 'ServerlessHttpApi', 'ServerlessDeploymentBucket'];

/**
 * Whether a name is a resource that a transform generates from a declared one
 * and so exists at deploy time although the template does not declare it:
 * SAM (`MyFunctionRole`, `MyFunctionVersion`, `ServerlessRestApiProdStage`...)
 * and Rain modules (module `Network` creates `NetworkVPC`...).
 */
export function isGeneratedName(template: TemplateModel, name: string): boolean {
  for (const resource of template.resources.values()) {
    const generates = resource.rainModule || (template.isSam && resource.type?.startsWith('AWS::Serverless::') === true);
    if (generates && name.startsWith(resource.name) && name !== resource.name) return true;
  }
  return template.isSam && SAM_GLOBAL_NAMES.some((prefix) => name.startsWith(prefix));
}

/** The CloudFormation type a SAM resource becomes, whose attributes `Fn::GetAtt` can read. */
export const SAM_ATTRIBUTE_SOURCES: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
};
