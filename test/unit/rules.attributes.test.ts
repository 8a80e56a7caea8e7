import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const RULE = 'cfn-resource-attributes';
/** A template with a condition C, a bucket A and a resource B of `type` with extra attribute lines. */
const res = (lines: string, type = 'AWS::S3::Bucket'): string =>
  `Conditions:\n  C: !Equals [a, b]\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: ${type}\n${lines}`;
const json = (attributes: string, type = 'AWS::S3::Bucket'): string =>
  `{"Conditions": {"C": {"Fn::Equals": ["a", "b"]}}, "Resources": {"A": {"Type": "AWS::S3::Bucket"}, "B": {"Type": "${type}", ${attributes}}}}`;
const SAM = 'Transform: AWS::Serverless-2016-10-31\n';

const cases: RuleCase[] = [
  {
    name: 'every attribute, valid values',
    doc: res('    Condition: C\n    DependsOn: [A]\n    Metadata: {a: b}\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Delete\n    UpdatePolicy: {}\n    CreationPolicy: {}\n    Properties:\n      BucketName: x\n'),
  },
  { name: 'JSON valid attributes', file: 't.json', doc: json('"DependsOn": "A", "Condition": "C", "DeletionPolicy": "RetainExceptOnCreate", "Properties": {}') },
  { name: 'typo of Properties', doc: res('    «Propertes»:\n      BucketName: x\n'), messages: ["'Propertes' is not a resource attribute of 'B'. Did you mean 'Properties'?"] },
  { name: 'lowercase dependsOn', doc: res('    «dependsOn»: A\n'), messages: ["Did you mean 'DependsOn'?"] },
  { name: 'JSON unknown attribute lists the valid ones', file: 't.json', doc: json('«"Foo"»: 1'), messages: ['Resource attributes are Type, Properties'] },
  { name: 'Version only on custom resources', doc: res('    «Version»: "1.0"\n'), messages: ['only allowed on custom resources'] },
  { name: 'Version on a custom resource', doc: res('    Version: "1.0"\n    Properties:\n      ServiceToken: arn\n', 'Custom::Thing') },
  { name: 'Version on AWS::CloudFormation::CustomResource', doc: res('    Version: 1\n', 'AWS::CloudFormation::CustomResource') },
  { name: 'SAM attributes need SAM', doc: res('    «IgnoreGlobals»: "*"\n'), messages: ['needs the SAM transform'] },
  { name: 'SAM attributes with SAM', doc: SAM + res('    IgnoreGlobals: "*"\n    Connectors:\n      Conn:\n        Properties: {Destination: {Id: A}, Permissions: [Read]}\n', 'AWS::Serverless::Function') },
  { name: 'SAM resources: unknown keys are ignored by SAM', doc: SAM + res('    Description: an API\n    OpenApiVersion: "3.0"\n', 'AWS::Serverless::Api') },
  { name: 'SAM resources: a likely typo is reported', doc: SAM + res('    «Propertis»: {}\n', 'AWS::Serverless::Function'), messages: ["SAM ignores it. Did you mean 'Properties'?"] },
  { name: 'custom macros may add attributes', doc: 'Transform: Count\n' + res('    Count: 3\n') },
  { name: 'Fn::Transform among attributes', doc: res('    Fn::Transform:\n      Name: AWS::Include\n      Parameters: {Location: s3://b/k}\n') },
  // Condition
  { name: 'Condition as a list', doc: res('    Condition: «[C]»\n'), messages: ["The Condition of resource 'B' must be the name of a condition, not a list"] },
  { name: 'empty Condition', doc: res('    «Condition»:\n'), messages: ['not an empty value'] },
  { name: 'JSON Condition as a number', file: 't.json', doc: json('"Condition": «1»'), messages: ['not a number'] },
  { name: 'Condition as a function is cfn-intrinsic-context', doc: res('    Condition: !Ref C\n') },
  // DependsOn
  { name: 'DependsOn as a mapping', doc: res('    DependsOn: «{A: x}»\n'), messages: ['logical id or a list of logical ids, not a mapping'] },
  { name: 'DependsOn item as a list', doc: res('    DependsOn: [A, «[A]»]\n'), messages: ['Each DependsOn item'] },
  { name: 'JSON DependsOn with null', file: 't.json', doc: json('"DependsOn": ["A", «null»]'), messages: ['not an empty value'] },
  { name: 'empty DependsOn', doc: res('    «DependsOn»:\n'), messages: ['not an empty value'] },
  // DeletionPolicy / UpdateReplacePolicy
  { name: 'lowercase DeletionPolicy', doc: res('    DeletionPolicy: «retain»\n'), messages: ["Did you mean 'Retain'?"] },
  { name: 'JSON unknown DeletionPolicy', file: 't.json', doc: json('"DeletionPolicy": «"Keep"»'), messages: ['must be one of Delete, Retain, RetainExceptOnCreate, Snapshot'] },
  { name: 'DeletionPolicy as a list', doc: res('    DeletionPolicy: «[Retain]»\n'), messages: ['not a list'] },
  { name: 'RetainExceptOnCreate is not an UpdateReplacePolicy', doc: res('    UpdateReplacePolicy: «RetainExceptOnCreate»\n'), messages: ['DeletionPolicy value only'] },
  { name: 'Snapshot on a bucket', doc: res('    DeletionPolicy: «Snapshot»\n    UpdateReplacePolicy: «Snapshot»\n'), messages: ['AWS::S3::Bucket does not support the Snapshot DeletionPolicy', 'Snapshot UpdateReplacePolicy'] },
  { name: 'Snapshot on a volume and a DB cluster', doc: res('    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n', 'AWS::EC2::Volume') + '  D:\n    Type: AWS::RDS::DBCluster\n    DeletionPolicy: Snapshot\n' },
  { name: 'Snapshot on a third-party type is not judged', doc: res('    DeletionPolicy: Snapshot\n', 'Acme::Db::Cluster') },
  { name: 'Fn::If branches are checked', doc: res('    DeletionPolicy: !If [C, Retain, «Snapshott»]\n'), messages: ["Did you mean 'Snapshot'?"] },
  { name: 'JSON Fn::If branches are checked', file: 't.json', doc: json('"DeletionPolicy": {"Fn::If": ["C", «"Snapshot"», "Delete"]}'), messages: ['does not support the Snapshot'] },
  { name: 'Ref policy is not judged', doc: 'Parameters:\n  P:\n    Type: String\n' + res('    DeletionPolicy: !Ref P\n    UpdateReplacePolicy: !FindInMap [M, a, b]\n') },
  // Properties, CreationPolicy, UpdatePolicy
  { name: 'Properties as a list', doc: res('    Properties: «[a]»\n'), messages: ['must be a mapping of property names to values, not a list'] },
  { name: 'Properties as a string', file: 't.json', doc: json('"Properties": «"x"»'), messages: ["not 'x'"] },
  { name: 'empty Properties is accepted', doc: res('    Properties:\n') },
  { name: 'CreationPolicy as a string', doc: res('    CreationPolicy: «yes»\n', 'AWS::AutoScaling::AutoScalingGroup'), messages: ['CreationPolicy of resource'] },
  { name: 'UpdatePolicy as a list', doc: res('    UpdatePolicy: «[]»\n', 'AWS::AutoScaling::AutoScalingGroup'), messages: ['UpdatePolicy of resource'] },
  // ForEach templates are resources too
  {
    name: 'resources inside Fn::ForEach',
    doc: 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::L:\n    - N\n    - [a, b]\n    - B${N}:\n        Type: AWS::S3::Bucket\n        «Propertes»: {}\n        DeletionPolicy: Retain\n',
    messages: ["Did you mean 'Properties'?"],
  },
];

void describe(RULE, () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase(RULE, testCase));
});
