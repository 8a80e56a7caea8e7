// cfn-apigateway-links (src/engine/services/apiGatewayLinks.ts): stages, deployments, methods and
// authorizers of one REST API. cfn-lint's E3698, E3699 and E3708 check the same.
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const RULE = 'cfn-apigateway-links';
const apis = '  Public:\n    Type: AWS::ApiGateway::RestApi\n    Properties: {Name: public}\n  Admin:\n    Type: AWS::ApiGateway::RestApi\n    Properties: {Name: admin}\n';
const deployment = (api: string): string => `  Release:\n    Type: AWS::ApiGateway::Deployment\n    Properties:\n      RestApiId: !Ref ${api}\n`;
const stage = (api: string): string => `  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref ${api}\n      StageName: prod\n      DeploymentId: «!Ref Release»\n`;
const authorizer = (api: string, type: string): string => `  Auth:\n    Type: AWS::ApiGateway::Authorizer\n    Properties:\n      RestApiId: !Ref ${api}\n      Name: auth\n      Type: ${type}\n      IdentitySource: method.request.header.Authorization\n      ProviderARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x]\n`;
const method = (api: string, authorization: string): string => `  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref ${api}\n      ResourceId: !GetAtt ${api}.RootResourceId\n      HttpMethod: GET\n      AuthorizationType: ${authorization}\n      AuthorizerId: !Ref Auth\n      Integration: {Type: MOCK}\n`;

const cases: RuleCase[] = [
  { name: "a stage on another API's deployment", doc: `Resources:\n${apis}${deployment('Admin')}${stage('Public')}`, messages: ['Stage Prod is on REST API Public, but its deployment Release is of Admin: API Gateway refuses it.'] },
  { name: "a method using another API's authorizer", doc: `Resources:\n${apis}${authorizer('Admin', 'COGNITO_USER_POOLS')}${method('Public', 'COGNITO_USER_POOLS').replace('AuthorizerId: !Ref Auth', 'AuthorizerId: «!Ref Auth»')}`, messages: ['Method Get is on REST API Public, but its authorizer Auth is of Admin'] },
  { name: 'CUSTOM with a Cognito authorizer', doc: `Resources:\n${apis}${authorizer('Public', 'COGNITO_USER_POOLS')}${method('Public', '«CUSTOM»')}`, messages: ['Method Get has AuthorizationType CUSTOM, which takes a TOKEN or REQUEST authorizer, but Auth is of Type COGNITO_USER_POOLS: API Gateway refuses it. Use AuthorizationType COGNITO_USER_POOLS.'] },
  { name: 'COGNITO_USER_POOLS with a TOKEN authorizer', doc: `Resources:\n${apis}${authorizer('Public', 'TOKEN')}${method('Public', '«COGNITO_USER_POOLS»')}`, messages: ['Use AuthorizationType CUSTOM.'] },
  { name: 'valid: one API throughout', doc: `Resources:\n${apis}${deployment('Public')}${stage('Public').replace('«', '').replace('»', '')}${authorizer('Public', 'REQUEST')}${method('Public', 'CUSTOM')}` },
  { name: 'not judged: an API id from a parameter, an authorizer outside the template', doc: `Parameters:\n  ApiId:\n    Type: String\nResources:\n${apis}${deployment('ApiId')}${stage('Public').replace('«', '').replace('»', '')}  Get:\n    Type: AWS::ApiGateway::Method\n    Properties: {RestApiId: !Ref Public, ResourceId: r, HttpMethod: GET, AuthorizationType: CUSTOM, AuthorizerId: abc123}\n` },
];

void describe(RULE, () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase(RULE, testCase));
});
