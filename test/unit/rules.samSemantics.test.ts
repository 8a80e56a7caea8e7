import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { assertRuleCase, findingsOf, realAnalyzer } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';
import { SAM_POLICY_TEMPLATES, SAM_POLICY_TEMPLATES_VERSION } from '../../src/engine/sam/policyTemplates';

const SAM = 'Transform: AWS::Serverless-2016-10-31\n';
const CODE = '      Handler: index.handler\n      Runtime: python3.12\n      CodeUri: src/\n';
/** A SAM template with one function `Fn` (with code) and more function properties `body`. */
const fn = (body: string, head = '', extra = ''): string => `${SAM}${head}Resources:\n${extra}  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n${CODE}${body}`;
/** A function without the default code properties. */
const bare = (body: string, head = ''): string => `${SAM}${head}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n${body}`;
/** An event of `Fn` (`Properties` given inline as a flow mapping). */
const ev = (name: string, type: string, properties?: string): string => `        ${name}:\n          Type: ${type}\n${properties === undefined ? '' : `          Properties: ${properties}\n`}`;
const events = (body: string, extra = '', head = ''): string => fn(`      Events:\n${body}`, head, extra);
const restApi = (auth: string, more = ''): string => `  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n${more}${auth ? `      Auth:\n${auth}` : ''}`;
const httpApi = (auth: string): string => `  Http:\n    Type: AWS::Serverless::HttpApi\n${auth ? `    Properties:\n      Auth:\n${auth}` : ''}`;
const LAMBDA_AUTH = '        Authorizers:\n          MyAuth:\n            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth\n';
const JWT_AUTH = '        Authorizers:\n          Jwt:\n            IdentitySource: $request.header.Authorization\n            JwtConfiguration: {audience: [a], issuer: https://example.com}\n';

const transformCases: RuleCase[] = [
  { name: 'SAM type without the transform', doc: 'Resources:\n  Fn:\n    Type: «AWS::Serverless::Function»\n    Properties:\n      CodeUri: s3://b/k\n  T:\n    Type: «AWS::Serverless::SimpleTable»\n', messages: ["needs the SAM transform: add 'Transform: AWS::Serverless-2016-10-31'", 'SimpleTable'] },
  { name: 'another transform only', doc: 'Transform: AWS::LanguageExtensions\nResources:\n  Fn:\n    Type: «AWS::Serverless::Api»\n', messages: ["the template's Transform is AWS::LanguageExtensions"] },
  { name: 'JSON without the transform', file: 't.json', doc: '{"Resources": {"Fn": {"Type": «"AWS::Serverless::Function"»}}}', messages: ['needs the SAM transform'] },
  { name: 'with the transform (list form)', doc: 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:\n  T:\n    Type: AWS::Serverless::SimpleTable\n' },
  { name: 'with the transform (Name form)', doc: 'Transform:\n  Name: AWS::Serverless-2016-10-31\nResources:\n  T:\n    Type: AWS::Serverless::SimpleTable\n' },
  { name: 'plain CloudFormation', doc: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n' },
];

const duplicateCases: RuleCase[] = [
  { name: 'same method and path on the implicit API (case-insensitive)', doc: events(ev('A', 'Api', '{Path: /items, Method: get}') + ev('B', 'Api', '{Path: /items, Method: «GET»}')), messages: ["GET /items of the implicit API ServerlessRestApi is already routed by Api event 'A' of 'Fn'"] },
  {
    name: 'across functions on an explicit API',
    doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: post}'), restApi('')) + '  Two:\n    Type: AWS::Serverless::Function\n    Properties:\n' + CODE + '      Events:\n' + ev('B', 'Api', '{RestApiId: Api, Path: /x, Method: «post»}'),
    messages: ["POST /x of API 'Api'"],
  },
  { name: 'HttpApi default route twice', doc: events(ev('A', 'HttpApi') + ev('«B»', 'HttpApi')), messages: ['ANY $default of the implicit API ServerlessHttpApi'] },
  { name: 'state machine routes', doc: `${SAM}Resources:\n  Sm:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: sm.json\n      Events:\n${ev('A', 'Api', '{Path: /run, Method: post}')}${ev('B', 'Api', '{Path: /run, Method: «post»}')}`, messages: ['POST /run'] },
  {
    name: 'different methods, different APIs, REST vs HTTP: no conflict',
    doc: events(ev('A', 'Api', '{Path: /x, Method: get}') + ev('B', 'Api', '{Path: /x, Method: post}') + ev('C', 'Api', '{Path: /x, Method: any}') + ev('D', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get}') + ev('E', 'HttpApi', '{Path: /x, Method: get}'), restApi('')),
  },
  { name: 'an API with its own DefinitionBody: SAM does not add the routes', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get}') + ev('B', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get}'), restApi('', "      DefinitionBody: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}\n")) },
  { name: 'MergeDefinitions: SAM adds the routes again', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get}') + ev('B', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: «get»}'), restApi('', "      MergeDefinitions: true\n      DefinitionBody: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}\n")), messages: ['already routed'] },
  { name: 'intrinsic Path or Method: not judged', doc: events(ev('A', 'Api', '{Path: !Sub "/${AWS::Region}", Method: get}') + ev('B', 'Api', '{Path: !Sub "/${AWS::Region}", Method: get}')) },
  {
    name: 'Cognito trigger twice, and one the pool already sets',
    doc: events(ev('A', 'Cognito', '{UserPool: !Ref Pool, Trigger: [PreSignUp, «PostConfirmation»]}') + ev('B', 'Cognito', '{UserPool: !Ref Pool, Trigger: «PreSignUp»}'), '  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      LambdaConfig:\n        PostConfirmation: arn:aws:lambda:us-east-1:123456789012:function:f\n'),
    messages: ["'PostConfirmation' is already set in the LambdaConfig of user pool 'Pool'", "Cognito trigger 'PreSignUp' of user pool 'Pool' is already set by event 'A' of 'Fn'"],
  },
];

const referenceCases: RuleCase[] = [
  { name: 'event authorizer not defined', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get, Auth: {Authorizer: «Other»}}'), restApi(LAMBDA_AUTH)), messages: ["Authorizer 'Other' of Api event 'A' of 'Fn' is not among the Auth.Authorizers of API 'Api' (MyAuth)"] },
  { name: 'event authorizer, API without authorizers', doc: events(ev('A', 'Api', '{Path: /x, Method: get, Auth: {Authorizer: «MyAuth»}}')), messages: ['the implicit API ServerlessRestApi has no Auth.Authorizers'] },
  { name: 'NONE without a DefaultAuthorizer', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get, Auth: {Authorizer: «NONE»}}'), restApi(LAMBDA_AUTH)), messages: ['Authorizer NONE of Api event'] },
  { name: 'AuthorizationScopes without an authorizer', doc: events(ev('A', 'Api', '{Path: /x, Method: get, Auth: {«AuthorizationScopes»: [read]}}')), messages: ['work only with an Authorizer'] },
  { name: 'HttpApi Auth without authorizer or default', doc: events(ev('«A»', 'HttpApi', '{Path: /x, Method: get, Auth: {AuthorizationScopes: [read]}}')), messages: ['needs an Authorizer, or a DefaultAuthorizer'] },
  { name: 'HttpApi authorizer not defined', doc: events(ev('A', 'HttpApi', '{ApiId: !Ref Http, Path: /x, Method: get, Auth: {Authorizer: «Other»}}'), httpApi(JWT_AUTH)), messages: ["not among the Auth.Authorizers of API 'Http' (Jwt)"] },
  { name: 'HttpApi AWS_IAM without EnableIamAuthorizer', doc: events(ev('A', 'HttpApi', '{ApiId: !Ref Http, Path: /x, Method: get, Auth: {Authorizer: «AWS_IAM»}}'), httpApi('')), messages: ['set Auth.EnableIamAuthorizer: true'] },
  { name: 'REST DefaultAuthorizer not defined', doc: fn('', '', restApi(`        DefaultAuthorizer: «Missing»\n${LAMBDA_AUTH}`)), messages: ["DefaultAuthorizer 'Missing' of 'Api' is not one of its Auth.Authorizers (MyAuth)"] },
  { name: 'HttpApi DefaultAuthorizer not defined', doc: fn('', '', httpApi(`        DefaultAuthorizer: «Missing»\n${JWT_AUTH}`)), messages: ["DefaultAuthorizer 'Missing' of 'Http'"] },
  { name: 'DefaultAuthorizer from Globals.Api.Auth', doc: fn('', `Globals:\n  Api:\n    Auth:\n      DefaultAuthorizer: «Missing»\n`, restApi(LAMBDA_AUTH)), messages: ["DefaultAuthorizer 'Missing' of 'Api'"] },
  { name: 'Auth with DefinitionUri only: cfn-sam-api-definition reports it', doc: fn('', '', restApi('        ApiKeyRequired: true\n', '      DefinitionUri: s3://bucket/api.yaml\n')) },
  { name: 'OverrideApiAuth with nothing to override with', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get, Auth: {«OverrideApiAuth»: true}}'), restApi('', "      DefinitionBody: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}\n")), messages: ['OverrideApiAuth of Api event'] },
  { name: 'OverrideApiAuth with an authorizer', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get, Auth: {OverrideApiAuth: true, ApiKeyRequired: true}}'), restApi('', "      DefinitionBody: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}\n")) },
  { name: 'RequestModel not among Models', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: post, RequestModel: {Model: «Itme»}}'), restApi('', '      Models:\n        Item: {type: object}\n')), messages: ["RequestModel 'Itme' of Api event 'A' of 'Fn' is not one of the Models of API 'Api' (Item)"] },
  { name: 'RequestModel on the implicit API', doc: events(ev('A', 'Api', '{Path: /x, Method: post, RequestModel: {Model: «Item»}}')), messages: ['the implicit API ServerlessRestApi has no Models'] },
  {
    name: 'valid: defined authorizers, NONE with a default, AWS_IAM, IAM on HttpApi, intrinsics',
    doc: events(
      ev('A', 'Api', '{RestApiId: !Ref Api, Path: /a, Method: get, Auth: {Authorizer: MyAuth}}') +
        ev('B', 'Api', '{RestApiId: !Ref Api, Path: /b, Method: get, Auth: {Authorizer: NONE}}') +
        ev('C', 'Api', '{RestApiId: !Ref Api, Path: /c, Method: get, Auth: {Authorizer: AWS_IAM}}') +
        ev('D', 'Api', '{RestApiId: !Ref Api, Path: /d, Method: get, Auth: {Authorizer: !Ref P}}') +
        ev('E', 'HttpApi', '{ApiId: !Ref Http, Path: /e, Method: get, Auth: {Authorizer: AWS_IAM}}') +
        ev('F', 'HttpApi', '{ApiId: !Ref Http, Path: /f, Method: get, Auth: {AuthorizationScopes: [a]}}'),
      restApi(`        DefaultAuthorizer: MyAuth\n${LAMBDA_AUTH}`) + httpApi('        EnableIamAuthorizer: true\n        DefaultAuthorizer: AWS_IAM\n'),
      'Parameters:\n  P:\n    Type: String\n',
    ),
  },
  { name: 'REST DefaultAuthorizer without Authorizers: SAM ignores it (warning)', doc: fn('', '', restApi('        DefaultAuthorizer: «MyAuth»\n')), messages: ['is ignored: the API defines no Auth.Authorizers'] },
  { name: 'an API whose definition is its own: events are not judged', doc: events(ev('A', 'Api', '{RestApiId: !Ref Api, Path: /x, Method: get, Auth: {Authorizer: Other}}'), restApi('', "      DefinitionBody: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}\n")) },
];

const functionCases: RuleCase[] = [
  { name: 'DeploymentPreference without AutoPublishAlias', doc: fn('      «DeploymentPreference»:\n        Type: AllAtOnce\n'), messages: ["DeploymentPreference of 'Fn' needs AutoPublishAlias"] },
  { name: 'DeploymentPreference without Type', doc: fn('      AutoPublishAlias: live\n      «DeploymentPreference»:\n        Alarms: []\n'), messages: ['needs a Type'] },
  { name: 'DeploymentPreference in Globals, no alias', doc: fn('', 'Globals:\n  Function:\n    «DeploymentPreference»:\n      Type: AllAtOnce\n'), messages: ['DeploymentPreference (from Globals.Function)'] },
  { name: 'ProvisionedConcurrencyConfig without AutoPublishAlias', doc: fn('      «ProvisionedConcurrencyConfig»:\n        ProvisionedConcurrentExecutions: 2\n'), messages: ['needs AutoPublishAlias'] },
  { name: 'alias name with a bad character', doc: fn('      AutoPublishAlias: «live!»\n'), messages: ["AutoPublishAlias 'live!' must be letters, digits"] },
  { name: 'alias name only digits', doc: fn("      AutoPublishAlias: «'123'»\n"), messages: ["'123'"] },
  { name: 'alias from a resource Ref', doc: fn('      AutoPublishAlias: «!Ref Topic»\n', '', '  Topic:\n    Type: AWS::SNS::Topic\n'), messages: ['must be a string or a Ref to a template parameter'] },
  { name: 'AutoPublishCodeSha256 a number', doc: fn('      AutoPublishAlias: live\n      AutoPublishCodeSha256: «12345»\n'), messages: ['AutoPublishCodeSha256 must be a string'] },
  { name: 'AutoPublishCodeSha256 / AllProperties without alias (warnings)', doc: fn('      «AutoPublishCodeSha256»: abc\n      «AutoPublishAliasAllProperties»: true\n'), messages: ['has no effect without AutoPublishAlias', 'AutoPublishAliasAllProperties'] },
  {
    name: 'valid publishing: Globals alias, parameter alias, disabled preference, empty alias',
    doc: `${SAM}Parameters:\n  A:\n    Type: String\nGlobals:\n  Function:\n    AutoPublishAlias: live\nResources:\n  One:\n    Type: AWS::Serverless::Function\n    Properties:\n${CODE}      DeploymentPreference: {Type: AllAtOnce}\n      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 1}\n  Two:\n    Type: AWS::Serverless::Function\n    Properties:\n${CODE}      AutoPublishAlias: !Ref A\n  Three:\n    Type: AWS::Serverless::Function\n    Properties:\n${CODE}      AutoPublishAlias: ''\n      DeploymentPreference: {Enabled: false}\n  Four:\n    Type: AWS::Serverless::Function\n    Properties:\n${CODE}      AutoPublishAlias: !Ref AWS::StackName\n      DeploymentPreference: {Enabled: !Ref A}\n`,
  },
  { name: 'Zip function without code', doc: bare('      Handler: i.h\n      Runtime: python3.12\n').replace('  «Fn»', '  Fn').replace('  Fn:', '  «Fn»:'), messages: ["Function 'Fn' has no code"] },
  { name: 'Zip function without Runtime', doc: bare('      Handler: i.h\n      CodeUri: src/\n').replace('  Fn:', '  «Fn»:'), messages: ["has no Runtime: a PackageType Zip function needs Runtime and Handler"] },
  { name: 'Runtime and Handler from Globals', doc: bare('      CodeUri: src/\n', 'Globals:\n  Function:\n    Runtime: python3.12\n    Handler: i.h\n') },
  { name: 'InlineCode and CodeUri (warning: CodeUri ignored)', doc: fn('      InlineCode: print(1)\n').replace('      CodeUri:', '      «CodeUri»:'), messages: ['CodeUri of \'Fn\' is ignored'] },
  { name: 'ImageUri on a Zip function (warning)', doc: fn('      «ImageUri»: 123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1\n'), messages: ['only with PackageType: Image'] },
  { name: 'Image without ImageUri', doc: bare('      «PackageType»: Image\n'), messages: ["PackageType Image but no ImageUri"] },
  { name: 'Image with Runtime, Handler from Globals and Layers', doc: bare('      PackageType: Image\n      ImageUri: r/a:1\n      «Runtime»: python3.12\n      «Layers»: [arn]\n', 'Globals:\n  Function:\n    «Handler»: i.h\n'), messages: ['Handler (from Globals.Function) cannot be set', 'Runtime cannot be set', 'Layers cannot be set'] },
  { name: 'PackageType neither Zip nor Image', doc: bare('      PackageType: «Docker»\n      ImageUri: r/a:1\n'), messages: ["PackageType must be Zip or Image, not 'Docker'"] },
  { name: 'PackageType from a parameter: not judged', doc: bare('      PackageType: !Ref P\n', 'Parameters:\n  P:\n    Type: String\n') },
  { name: 'DeadLetterQueue of an unsupported type', doc: fn('      DeadLetterQueue:\n        Type: «Kinesis»\n        TargetArn: arn:aws:kinesis:us-east-1:123456789012:stream/s\n'), messages: ["DeadLetterQueue Type must be SQS or SNS, not 'Kinesis'"] },
  { name: 'JSON: DeploymentPreference without alias', file: 't.json', doc: '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"InlineCode": "x", "Runtime": "python3.12", "Handler": "i.h", «"DeploymentPreference"»: {"Type": "AllAtOnce"}}}}}', messages: ['needs AutoPublishAlias'] },
];

const policyCases: RuleCase[] = [
  { name: 'unknown template name', doc: fn('      Policies:\n        - «DynamoDBCrudPolicyy»: {TableName: t}\n'), messages: [/'DynamoDBCrudPolicyy' is not a SAM policy template.*Did you mean 'DynamoDBCrudPolicy'/] },
  { name: 'missing parameter', doc: fn('      Policies:\n        - «DynamoDBCrudPolicy»: {}\n'), messages: ["Policy template DynamoDBCrudPolicy of 'Fn' is missing parameter TableName"] },
  { name: 'wrong parameter name (warning) and the missing one', doc: fn('      Policies:\n        - «S3ReadPolicy»: {«Bucket»: b}\n'), messages: ["missing parameter BucketName", /no parameter 'Bucket'.*Did you mean 'BucketName'\?/] },
  { name: 'parameters not a mapping', doc: fn('      Policies:\n        - SQSPollerPolicy: «my-queue»\n'), messages: ['needs a mapping of its parameters: SQSPollerPolicy: {QueueName: ...}'] },
  { name: 'template inside Fn::If', doc: fn("      Policies:\n        - !If [C, {«SQSSendMessagePolicy»: {}}, !Ref AWS::NoValue]\n", 'Conditions:\n  C: !Equals [a, b]\n'), messages: ['missing parameter QueueName'] },
  { name: 'state machine policies', doc: `${SAM}Resources:\n  Sm:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: sm.json\n      Policies:\n        - «LambdaInvokePolicy»: {«Function»: f}\n`, messages: ['missing parameter FunctionName', "no parameter 'Function'"] },
  { name: 'a statement without Statement', doc: fn('      Policies:\n        - «Effect: Allow\n          Action: s3:GetObject\n          Resource: "*"»\n'), messages: ['neither a policy document'] },
  {
    name: 'valid: managed names, ARNs, intrinsics, documents, templates with intrinsic values, no-parameter templates, single policy',
    doc: fn(
      "      Policies:\n        - AWSLambdaBasicExecutionRole\n        - !Sub arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess\n        - DynamoDBCrudPolicy:\n            TableName: !Ref T\n        - AMIDescribePolicy: {}\n        - Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: '*'\n        - !If [C, {SQSSendMessagePolicy: {QueueName: q}}, !Ref AWS::NoValue]\n        - !If [C, AWSLambdaBasicExecutionRole, !Ref AWS::NoValue]\n",
      'Conditions:\n  C: !Equals [a, b]\n',
      '  T:\n    Type: AWS::Serverless::SimpleTable\n',
    ),
  },
  { name: 'Policies as a single template mapping', doc: fn('      Policies:\n        «S3CrudPolicy»: {}\n'), messages: ['missing parameter BucketName'] },
  { name: 'hostile names are not templates', doc: fn('      Policies:\n        - «constructor»: {}\n        - «__proto__»: {}\n'), messages: ['not a SAM policy template', 'not a SAM policy template'] },
];

const URI = '      DefinitionUri: s3://bucket/api.yaml\n';
const definitionCases: RuleCase[] = [
  { name: 'REST API properties SAM writes into the definition', doc: fn('', '', restApi('        ApiKeyRequired: true\n', `${URI}      «Cors»: "'*'"\n      «Models»: {Item: {type: object}}\n      «GatewayResponses»: {DEFAULT_4XX: {StatusCode: '400'}}\n      «DisableExecuteApiEndpoint»: false\n      «MergeDefinitions»: true\n`).replace('      Auth:', '      «Auth»:')), messages: ['Cors of', 'Models of', 'GatewayResponses', 'DisableExecuteApiEndpoint', 'MergeDefinitions of', 'Auth of'] },
  { name: 'HTTP API properties', doc: `${SAM}Resources:\n  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n${URI}      «Tags»: {a: b}\n      «Description»: d\n      «Name»: n\n      «CorsConfiguration»: true\n`, messages: ['Tags of', 'Description', 'Name', 'CorsConfiguration'] },
  { name: 'Cors from Globals.Api, reported at DefinitionUri', doc: fn('', `Globals:\n  Api:\n    Cors: "'*'"\n`, restApi('', URI.replace('DefinitionUri', '«DefinitionUri»'))), messages: ['Cors (from Globals) of'] },
  { name: 'both DefinitionBody and DefinitionUri', doc: fn('', '', restApi('', `${URI}      «DefinitionBody»: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}\n`)), messages: ['has both DefinitionBody and DefinitionUri'] },
  { name: 'valid: DefinitionUri alone, falsy values, inline body with Auth', doc: fn('', '', restApi('', `${URI}      Cors: ''\n      MergeDefinitions: false\n`) + `  Inline:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      DefinitionBody: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}\n      Auth: {ApiKeyRequired: true}\n`) },
];

const SM = (body: string): string => `${SAM}Resources:\n  Sm:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n${body}`;
const stateMachineCases: RuleCase[] = [
  { name: 'no definition', doc: `${SAM}Resources:\n  «Sm»:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Policies: []\n`, messages: ["State machine 'Sm' has no definition"] },
  { name: 'both definitions', doc: SM('      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n      «DefinitionUri»: sm.json\n'), messages: ['both Definition and DefinitionUri'] },
  { name: 'DeploymentPreference and UseAliasAsEventTarget without alias', doc: SM('      DefinitionUri: sm.json\n      «DeploymentPreference»: {Type: ALL_AT_ONCE}\n      «UseAliasAsEventTarget»: true\n'), messages: ['DeploymentPreference of', 'UseAliasAsEventTarget of'] },
  { name: 'valid with an alias', doc: SM('      DefinitionUri: sm.json\n      AutoPublishAlias: live\n      DeploymentPreference: {Type: ALL_AT_ONCE}\n      UseAliasAsEventTarget: true\n') },
];

const layer = (value: string, head = ''): string => `${SAM}${head}Resources:\n  Layer:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: s3://b/k.zip\n      RetentionPolicy: ${value}\n`;
const layerCases: RuleCase[] = [
  { name: 'unknown value', doc: layer('«Keep»'), messages: ["RetentionPolicy of 'Layer' must be Retain or Delete"] },
  { name: 'an intrinsic other than a parameter Ref', doc: layer('«!If [C, Retain, Delete]»', 'Conditions:\n  C: !Equals [a, b]\n'), messages: ['cannot be Fn::If'] },
  { name: 'any case, or a parameter', doc: layer('retain') + '  L2:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: s3://b/k.zip\n      RetentionPolicy: !Ref P\n' + 'Parameters:\n  P:\n    Type: String\n' },
];

const table: Record<string, RuleCase[]> = {
  'cfn-sam-api-definition': definitionCases,
  'cfn-sam-state-machine': stateMachineCases,
  'cfn-sam-layer': layerCases,
  'cfn-sam-transform-required': transformCases,
  'cfn-sam-duplicate-event': duplicateCases,
  'cfn-sam-api-reference': referenceCases,
  'cfn-sam-function': functionCases,
  'cfn-sam-policy-template': policyCases,
};

const SAM_RULES = Object.keys(table);
const fixtures = path.resolve(__dirname, '..', 'fixtures');
/** Files of the broken set the SAM translator accepts (defects it ignores; see its README). */
const TRANSLATOR_ACCEPTS = new Set(['code-both.yaml', 'zip-with-imageuri.yaml', 'globals-default-authorizer-undefined.yaml', 'restapiid-wrong-type.yaml']);

void describe('SAM semantic rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }

  void test('the policy-template data is the translator list (names and parameters)', () => {
    assert.equal(SAM_POLICY_TEMPLATES_VERSION, '1.110.0');
    assert.ok(Object.keys(SAM_POLICY_TEMPLATES).length >= 80);
    assert.deepEqual(SAM_POLICY_TEMPLATES['DynamoDBCrudPolicy'], ['TableName']);
    assert.deepEqual(SAM_POLICY_TEMPLATES['AMIDescribePolicy'], []);
    assert.equal(SAM_POLICY_TEMPLATES['constructor'], undefined);
  });

  void test('every broken template the translator rejects gets an error; the ignored defects get a finding', () => {
    const dir = path.join(fixtures, 'sam-broken');
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.yaml'));
    assert.ok(files.length >= 50);
    for (const name of files) {
      const findings = realAnalyzer().lint(name, fs.readFileSync(path.join(dir, name), 'utf8')).findings;
      const wanted = TRANSLATOR_ACCEPTS.has(name) ? findings : findings.filter((finding) => finding.severity === 'error');
      assert.ok(wanted.length > 0, `${name}: no finding`);
    }
  });

  void test('the valid SAM templates get no finding from these rules', () => {
    const dir = path.join(fixtures, 'sam-valid');
    for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.yaml'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const rule of SAM_RULES) assert.deepEqual(findingsOf(rule, text, name).map((f) => f.message), [], `${name} ${rule}`);
    }
  });
});
