/** Short signatures of the intrinsic functions, for hover and completion details. */

import { lookupTable } from '../util/lookup';
export const INTRINSIC_DOCS: Readonly<Record<string, { signature: string; summary: string }>> = lookupTable({
  Ref: { signature: 'Ref: LogicalName | !Ref LogicalName', summary: 'The value of a parameter, or the default identifier of a resource (usually its physical id or name).' },
  'Fn::GetAtt': { signature: 'Fn::GetAtt: [Resource, Attribute] | !GetAtt Resource.Attribute', summary: 'An attribute of a resource, such as an ARN or endpoint.' },
  'Fn::Sub': { signature: 'Fn::Sub: String | [String, {Var: Value}]', summary: 'Substitutes ${Name}, ${Resource.Attribute} and ${AWS::Region}-style variables in a string; ${!Literal} escapes.' },
  'Fn::If': { signature: 'Fn::If: [Condition, ValueIfTrue, ValueIfFalse]', summary: 'One of two values depending on a condition; use !Ref AWS::NoValue to omit a property.' },
  'Fn::Equals': { signature: 'Fn::Equals: [Value1, Value2]', summary: 'True when both values are equal (Conditions section only).' },
  'Fn::Not': { signature: 'Fn::Not: [Condition]', summary: 'Negates a condition.' },
  'Fn::And': { signature: 'Fn::And: [Condition, ...] (2 to 10)', summary: 'True when all conditions are true.' },
  'Fn::Or': { signature: 'Fn::Or: [Condition, ...] (2 to 10)', summary: 'True when any condition is true.' },
  Condition: { signature: 'Condition: ConditionName', summary: 'References a condition inside condition functions.' },
  'Fn::FindInMap': { signature: 'Fn::FindInMap: [MapName, TopLevelKey, SecondLevelKey]', summary: 'A value from the Mappings section.' },
  'Fn::Select': { signature: 'Fn::Select: [Index, List]', summary: 'The item at a zero-based index of a list.' },
  'Fn::Split': { signature: 'Fn::Split: [Delimiter, String]', summary: 'Splits a string into a list.' },
  'Fn::Join': { signature: 'Fn::Join: [Delimiter, [Values...]]', summary: 'Joins values with a delimiter.' },
  'Fn::GetAZs': { signature: 'Fn::GetAZs: Region | ""', summary: 'The Availability Zones of a region ("" = the stack region).' },
  'Fn::ImportValue': { signature: 'Fn::ImportValue: ExportName', summary: 'A value exported by another stack.' },
  'Fn::Base64': { signature: 'Fn::Base64: String', summary: 'Base64-encodes a string (e.g. EC2 UserData).' },
  'Fn::Cidr': { signature: 'Fn::Cidr: [IpBlock, Count, CidrBits]', summary: 'A list of CIDR address blocks.' },
  'Fn::Transform': { signature: 'Fn::Transform: {Name: Macro, Parameters: {...}}', summary: 'Processes part of the template with a macro, e.g. AWS::Include.' },
  'Fn::Length': { signature: 'Fn::Length: List', summary: 'The number of items in a list (AWS::LanguageExtensions transform).' },
  'Fn::ToJsonString': { signature: 'Fn::ToJsonString: Object | List', summary: 'An object or list as a JSON string (AWS::LanguageExtensions transform).' },
  'Fn::ForEach': { signature: 'Fn::ForEach::Name: [Identifier, Collection, {Key${Identifier}: Value}]', summary: 'Replicates a template fragment for each item (AWS::LanguageExtensions transform).' },
});

/** Documentation URL of a resource type (`AWS::S3::Bucket` -> `.../aws-resource-s3-bucket.html`). */
export function resourceDocUrl(type: string): string | undefined {
  const match = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(type);
  if (!match) return undefined;
  if (match[1] === 'Serverless') return `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-${match[2]!.toLowerCase()}.html`;
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-${match[1]!.toLowerCase()}-${match[2]!.toLowerCase()}.html`;
}

/** Pseudo parameters with what they return. */
export const PSEUDO_PARAMETER_DOCS: Readonly<Record<string, string>> = lookupTable({
  'AWS::AccountId': 'The AWS account ID of the stack, e.g. 123456789012.',
  'AWS::NotificationARNs': 'The list of notification ARNs of the stack.',
  'AWS::NoValue': 'Removes the property when used as a return value of Fn::If.',
  'AWS::Partition': 'The partition: aws, aws-cn or aws-us-gov.',
  'AWS::Region': 'The region the stack is created in, e.g. us-east-1.',
  'AWS::StackId': 'The ID (ARN) of the stack.',
  'AWS::StackName': 'The name of the stack.',
  'AWS::URLSuffix': 'The domain suffix, usually amazonaws.com.',
});
