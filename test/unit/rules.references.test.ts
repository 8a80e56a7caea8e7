import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const head = 'Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nMappings:\n  M:\n    us-east-1:\n      Ami: ami-1\n';
const bucket = '  B:\n    Type: AWS::S3::Bucket\n';
const withTopic = (value: string): string => `${head}Resources:\n${bucket}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: ${value}\n`;

const table: Record<string, RuleCase[]> = {
  'cfn-ref-target': [
    { name: 'parameter, resource, pseudo parameter', doc: withTopic('!Join ["", [!Ref Env, !Ref B, !Ref AWS::Region]]') },
    { name: 'missing name with suggestion', doc: withTopic('!Ref «Evn»'), messages: ["Did you mean 'Env'?"] },
    { name: 'unknown pseudo parameter', doc: withTopic('!Ref «AWS::Regoin»'), messages: ["'AWS::Region'"] },
    { name: 'long form in JSON', file: 't.json', doc: '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": «"Nope"»}}}}}' },
    { name: 'resource Ref inside Conditions', doc: `Conditions:\n  C: !Equals [!Ref «B», x]\nResources:\n${bucket}`, messages: ['only Ref parameters'] },
    { name: 'SAM generated names', doc: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: ., Handler: a.b, Runtime: python3.12}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref FRole\n' },
    { name: 'a near-miss of a SAM id is not a generated name', doc: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: prod}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref «ApiTypo»\n' },
    { name: 'SAM generated stage and event names', doc: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: prod}\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Join ["", [!Ref ApiprodStage, !Ref FNightly, !Ref FRole]]\n' },
    { name: 'SAM referenceable properties (Function.Alias, Api.Stage)', doc: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: prod}\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: ., Handler: a.b, Runtime: python3.12, AutoPublishAlias: live}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Join ["", [!Ref F.Alias, !Ref Api.Stage, !Ref «F.Nope»]]\n' },
    { name: 'ForEach identifier', doc: 'Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Loop:\n    - Name\n    - [a, b]\n    - Topic${Name}:\n        Type: AWS::SNS::Topic\n        Properties: {DisplayName: !Ref Name}\n' },
  ],
  'cfn-getatt-target': [
    { name: 'dotted and list forms', doc: withTopic('!Join ["", [!GetAtt B.Arn, !GetAtt [B, DomainName]]]') },
    { name: 'nested attribute', doc: `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {DBInstanceClass: db.t3.micro}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt Db.Endpoint.Address\n` },
    { name: 'unknown attribute', doc: withTopic('!GetAtt B.«Arnn»'), messages: ["Did you mean 'Arn'?"] },
    { name: 'unknown resource', doc: withTopic('!GetAtt «Bk».Arn'), messages: ["'B'"] },
    { name: 'parameter used with GetAtt', doc: withTopic('!GetAtt [«Env», Value]'), messages: ['use Ref'] },
    { name: 'custom resources accept any attribute', doc: `Resources:\n  C:\n    Type: Custom::Thing\n    Properties: {ServiceToken: arn}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt C.Whatever\n` },
    { name: 'nested stack outputs', doc: `Resources:\n  S:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: https://x}\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt S.Outputs.Name\n` },
    { name: 'SAM function Arn', doc: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: ., Handler: a.b, Runtime: python3.12}\nOutputs:\n  A:\n    Value: !GetAtt F.Arn\n' },
  ],
  'cfn-sub-variables': [
    { name: 'all kinds resolve', doc: withTopic('!Sub "${Env}-${B}-${B.Arn}-${AWS::StackName}-${!Literal}"') },
    { name: 'unknown variable', doc: withTopic('!Sub "x-${«Evn»}"'), messages: ["'Env'"] },
    { name: 'unknown attribute', doc: withTopic('!Sub "${B.«Arnz»}"'), messages: ["'Arn'"] },
    { name: 'variables from the Sub map', doc: withTopic('!Sub ["${X}-${Env}", {X: !Ref B}]') },
    { name: 'unknown resource in attribute form', doc: withTopic('!Sub "${«Q».Arn}"') },
    { name: 'empty placeholder', doc: withTopic('!Sub "a«${}»b"') },
    { name: 'JSON long form', file: 't.json', doc: '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "x-${«Nope»}"}}}}}' },
    { name: 'exact spans in a literal block string', doc: `${head}Resources:\n${bucket}  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Sub |\n        first \${Env}\n        second \${«Evn»} and \${B.«Arnx»}\n` },
    { name: 'exact spans in a multi-line quoted string', doc: withTopic('"a \n        b ${«Evn»}"').replace('DisplayName: "a', 'DisplayName: !Sub "a') },
    // A Rain module's parameter may be bound to a resource of the template using the module: Rain resolves it.
    { name: 'a parameter with an attribute in a Rain module', doc: `Parameters:\n  Api:\n    Type: String\nResources:\n  R:\n    Type: AWS::ApiGateway::Resource\n    Properties:\n      ParentId: !Sub \${Api.RootResourceId}\n      PathPart: x\n      RestApiId: !Ref Api\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: !Rain::S3 {Path: src}\n` },
    { name: 'a parameter with an attribute without Rain', doc: `Parameters:\n  Api:\n    Type: String\nResources:\n  R:\n    Type: AWS::ApiGateway::Resource\n    Properties:\n      ParentId: !Sub \${«Api».RootResourceId}\n      PathPart: x\n      RestApiId: !Ref Api\n` },
  ],
  'cfn-findinmap': [
    { name: 'literal keys exist', doc: withTopic('!FindInMap [M, us-east-1, Ami]') },
    { name: 'Ref keys are not checked', doc: withTopic('!FindInMap [M, !Ref AWS::Region, Ami]') },
    { name: 'unknown map', doc: withTopic('!FindInMap [«N», a, b]') },
    { name: 'unknown first key', doc: withTopic('!FindInMap [M, «eu-west-9», Ami]') },
    { name: 'unknown second key', doc: withTopic('!FindInMap [M, us-east-1, «Amy»]'), messages: ["'Ami'"] },
    { name: 'a DefaultValue covers missing keys', doc: 'Transform: AWS::LanguageExtensions\n' + withTopic('!FindInMap [M, eu-west-9, Ami, {DefaultValue: x}]') },
  ],
  'cfn-condition-ref': [
    { name: 'defined', doc: `${head}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: IsProd\n    Properties:\n      BucketName: !If [IsProd, a, !Ref AWS::NoValue]\n` },
    { name: 'resource Condition', doc: `${head}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: «IsPrd»\n`, messages: ["'IsProd'"] },
    { name: 'Fn::If', doc: withTopic('!If [«Nope», a, b]') },
    { name: 'inside condition functions', doc: `Conditions:\n  A: !Equals [a, b]\n  C: !And [!Condition A, !Condition «Z»]\nResources:\n${bucket}` },
    { name: 'output Condition', doc: `Resources:\n${bucket}Outputs:\n  O:\n    Condition: «Missing»\n    Value: x\n` },
  ],
  'cfn-depends-on': [
    { name: 'string and list', doc: `Resources:\n${bucket}  C:\n    Type: AWS::S3::Bucket\n    DependsOn: B\n  D:\n    Type: AWS::S3::Bucket\n    DependsOn: [B, C]\n` },
    { name: 'missing target', doc: `Resources:\n${bucket}  C:\n    Type: AWS::S3::Bucket\n    DependsOn: [B, «Bx»]\n` },
    { name: 'self', doc: `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    DependsOn: «B»\n`, messages: ['depends on itself'] },
  ],
};

void describe('reference rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
});
