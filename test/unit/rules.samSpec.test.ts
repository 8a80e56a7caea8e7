// SAM resource types come from the aws-sam-translator overlay (data/sam/samSpec.json,
// see data/sam/README.md): properties the old resource spec lacked are accepted,
// types it lacked exist, and typos are still reported.

import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const SAM = 'Transform: AWS::Serverless-2016-10-31\nResources:\n';
const fn = (properties: string): string =>
  `${SAM}  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: python3.13\n      CodeUri: src/\n${properties}`;

const cases: readonly (RuleCase & { readonly rule: string })[] = [
  {
    rule: 'cfn-unknown-property',
    name: 'LoggingConfig, SnapStart and PropagateTags on a SAM Function',
    doc: fn('      LoggingConfig:\n        LogFormat: JSON\n        ApplicationLogLevel: INFO\n      SnapStart:\n        ApplyOn: PublishedVersions\n      PropagateTags: true\n'),
  },
  {
    rule: 'cfn-unknown-property',
    name: 'AccessLogSettings on a SAM HttpApi',
    doc: `${SAM}  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      AccessLogSettings:\n        DestinationArn: !GetAtt Logs.Arn\n        Format: $context.requestId\n  Logs:\n    Type: AWS::Logs::LogGroup\n`,
  },
  {
    rule: 'cfn-unknown-resource-type',
    name: 'AWS::Serverless::Connector is a known type',
    doc: `${SAM}  Conn:\n    Type: AWS::Serverless::Connector\n    Properties:\n      Source: {Id: Fn}\n      Destination: {Id: Table}\n      Permissions: [Read, Write]\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: a.b, Runtime: python3.13, CodeUri: src/}\n  Table:\n    Type: AWS::Serverless::SimpleTable\n`,
  },
  {
    rule: 'cfn-required-property',
    name: 'Connector required properties; EventInvokeConfig OnSuccess is optional',
    doc:
      `${SAM}  «Conn»:\n    Type: AWS::Serverless::Connector\n  Conn2:\n    Type: AWS::Serverless::Connector\n    «Properties»:\n      Source: {Id: Fn}\n      Destination: [{Id: Fn}]\n` +
      fn('      EventInvokeConfig:\n        DestinationConfig:\n          OnFailure: {Type: SQS}\n').slice(SAM.length),
    messages: ["missing required properties 'Destination', 'Permissions', 'Source'", "missing required property 'Permissions'"],
  },
  {
    rule: 'cfn-unknown-property',
    name: 'typos on a SAM Function and in its pass-through LoggingConfig are reported',
    doc: fn('      «Handlr»: index.main\n      LoggingConfig:\n        «LogFormatt»: JSON\n'),
    messages: [
      "'Handlr' is not a property of AWS::Serverless::Function. Did you mean 'Handler'?",
      "'LogFormatt' is not a property of AWS::Lambda::Function.LoggingConfig. Did you mean 'LogFormat'?",
    ],
  },
];

void describe('SAM types from aws-sam-translator', () => {
  for (const c of cases) void test(c.name, () => assertRuleCase(c.rule, c));
});

void describe('SAM event Properties are checked against the struct of their Type', () => {
  const events = (properties: string): string =>
    `Transform: AWS::Serverless-2016-10-31\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs22.x\n      CodeUri: .\n      Events:\n        FromQueue:\n          Type: SQS\n          Properties:\n${properties}`;
  void test('a valid SQS event is clean', () => assertRuleCase('cfn-value-type', { name: 'sqs', doc: events('            Queue: !GetAtt Q.Arn\n            BatchSize: 10\n') }));
  void test('a wrong value type inside an SQS event is reported', () =>
    assertRuleCase('cfn-value-type', { name: 'sqs batch', doc: events('            Queue: !GetAtt Q.Arn\n            BatchSize: «ten»\n'), messages: ['must be an integer'] }));
  void test('a near-miss property name inside an SQS event is reported', () =>
    assertRuleCase('cfn-unknown-property', { name: 'sqs typo', doc: events('            Queue: !GetAtt Q.Arn\n            «BatchSise»: 10\n'), messages: ["'BatchSize'"] }));
});
