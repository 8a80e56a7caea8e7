import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, findingsOf } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const res = (type: string, props = ''): string => `Resources:\n  R:\n    Type: ${type}\n${props ? `    Properties:\n${props}` : ''}`;

const table: Record<string, RuleCase[]> = {
  'cfn-unknown-resource-type': [
    { name: 'known', doc: res('AWS::S3::Bucket') },
    { name: 'SAM type', doc: 'Transform: AWS::Serverless-2016-10-31\n' + res('AWS::Serverless::Function', '      CodeUri: .\n      Handler: a.b\n      Runtime: python3.12\n') },
    { name: 'custom resource', doc: res('Custom::Thing', '      ServiceToken: arn\n') },
    { name: 'private registry type', doc: res('MyOrg::Service::Thing') },
    { name: 'typo', doc: 'Resources:\n  R:\n    Type: «AWS::S3::Buckt»\n', messages: ["Did you mean 'AWS::S3::Bucket'?"] },
    { name: 'JSON typo keeps the quoted span', file: 't.json', doc: '{"Resources": {"R": {"Type": «"AWS::SQS::Queu"»}}}', messages: ["'AWS::SQS::Queue'"] },
    { name: 'missing Type', doc: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  «R»:\n    Properties: {}\n', messages: ['has no Type'] },
    { name: 'intrinsic Type', doc: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: «!Ref T»\n', messages: ['literal string'] },
    { name: 'bad custom name', doc: `Resources:\n  R:\n    Type: «Custom::${'x'.repeat(61)}»\n` },
    { name: 'Rain module', doc: 'Resources:\n  Net:\n    Type: !Rain::Module vpc.yml\n' },
  ],
  'cfn-unknown-property': [
    { name: 'known properties', doc: res('AWS::S3::Bucket', '      BucketName: b\n      Tags:\n        - Key: k\n          Value: v\n') },
    { name: 'typo with suggestion', doc: res('AWS::S3::Bucket', '      «BucketNme»: b\n'), messages: ["Did you mean 'BucketName'?"] },
    { name: 'nested typo', doc: res('AWS::S3::Bucket', '      VersioningConfiguration:\n        «Statuss»: Enabled\n'), messages: ["'Status'"] },
    { name: 'in a list item', doc: res('AWS::S3::Bucket', '      Tags:\n        - Key: k\n          «Vaule»: v\n'), messages: ["'Value'"] },
    { name: 'Fn::If branches are checked', doc: res('AWS::S3::Bucket', '      VersioningConfiguration: !If\n        - C\n        - «Statu»: Enabled\n        - !Ref AWS::NoValue\n') },
    { name: 'Fn::Transform hides properties', doc: res('AWS::S3::Bucket', "      Fn::Transform:\n        Name: AWS::Include\n        Parameters: {Location: 's3://b/k'}\n") },
    { name: 'AWS::CloudFormation::CustomResource accepts any property', doc: res('AWS::CloudFormation::CustomResource', '      ServiceToken: arn\n      BucketNme: b\n      Anything:\n        Nested: [1, 2]\n') },
    { name: 'Custom:: types accept any property', doc: res('Custom::Thing', '      ServiceToken: arn\n      Whatever: 1\n') },
    { name: 'Json properties accept any keys', doc: res('AWS::IAM::Role', '      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Anything: 1\n') },
  ],
  'cfn-required-property': [
    { name: 'all present', doc: res('AWS::SQS::QueuePolicy', '      Queues: [q]\n      PolicyDocument: {}\n') },
    { name: 'missing at resource level', doc: 'Resources:\n  R:\n    Type: AWS::SQS::QueuePolicy\n    «Properties»:\n      Queues: [q]\n', messages: ["'PolicyDocument'"] },
    { name: 'no Properties at all', doc: 'Resources:\n  «R»:\n    Type: AWS::IAM::Role\n', messages: ["'AssumeRolePolicyDocument'"] },
    { name: 'nested property type', doc: res('AWS::S3::Bucket', '      «VersioningConfiguration»: {}\n'), messages: ["'Status'"] },
    { name: 'AWS::CloudFormation::CustomResource still needs ServiceToken', doc: 'Resources:\n  R:\n    Type: AWS::CloudFormation::CustomResource\n    «Properties»:\n      Anything: 1\n', messages: ["'ServiceToken'"] },
    { name: 'SAM Globals supply required properties', doc: 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: python3.12\n' + res('AWS::Serverless::Function', '      CodeUri: .\n      Handler: a.b\n') },
  ],
  'cfn-value-type': [
    { name: 'right types; integers as numeric strings', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      MemorySize: "512"\n      Timeout: 30\n      Architectures: [x86_64]\n      Environment:\n        Variables: {A: "1", B: 2}\n') },
    { name: 'integer', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      Timeout: «abc»\n'), messages: ['must be an integer'] },
    { name: 'boolean', doc: res('AWS::S3::Bucket', '      ObjectLockEnabled: «maybe»\n'), messages: ['true or false'] },
    { name: 'boolean as string accepted', doc: res('AWS::S3::Bucket', '      ObjectLockEnabled: "true"\n') },
    { name: 'list expected', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      Architectures: «x86_64»\n'), messages: ['must be a list'] },
    { name: 'object expected', doc: res('AWS::S3::Bucket', '      VersioningConfiguration: «Enabled»\n'), messages: ['must be an object'] },
    { name: 'string expected', doc: res('AWS::S3::Bucket', '      BucketName: «[a, b]»\n'), messages: ['must be a string'] },
    { name: 'Sub where a list is expected', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      Architectures: {«Fn::Sub»: x}\n'), messages: ['returns a string'] },
    { name: 'Split where a list is expected is fine', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      Architectures: !Split [",", "x86_64"]\n') },
    { name: 'Fn::If branch type', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      Timeout: !If [C, 3, «x»]\n') },
    { name: 'Ref is not typed', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      Timeout: !Ref T\n') },
    { name: 'JSON integer as string', file: 't.json', doc: '{"Resources": {"R": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": "5", "VisibilityTimeout": «"x"»}}}}' },
  ],
};

void describe('resource rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
  void test('did-you-mean fixes replace the token (and keep JSON quotes)', () => {
    const [yamlFinding] = findingsOf('cfn-unknown-property', res('AWS::S3::Bucket', '      BucketNme: b\n'));
    assert.equal(yamlFinding?.fixes?.[0]?.edits[0]?.newText, 'BucketName');
    const [jsonFinding] = findingsOf('cfn-unknown-resource-type', '{"Resources": {"R": {"Type": "AWS::SQS::Queu"}}}', 't.json');
    assert.equal(jsonFinding?.fixes?.[0]?.edits[0]?.newText, '"AWS::SQS::Queue"');
  });
});
