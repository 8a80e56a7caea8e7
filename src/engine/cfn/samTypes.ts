/**
 * Facts about SAM resource types shared by rules, the graph and navigation: what each
 * becomes after the transform, and which `Globals` section feeds it.
 */

import { lookupTable } from '../util/lookup';

/** The CloudFormation type a SAM resource becomes (its `Fn::GetAtt` attributes come from it). `Connector` expands into policies only. */
export const SAM_CREATES: Readonly<Record<string, string>> = lookupTable({
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
});

/** The `Globals` section that supplies defaults to each SAM resource type. */
export const SAM_GLOBALS_SECTION: Readonly<Record<string, string>> = lookupTable({
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
  'AWS::Serverless::WebSocketApi': 'WebSocketApi',
  'AWS::Serverless::CapacityProvider': 'CapacityProvider',
});
