import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const topic = (displayName: string): string => `Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: ${displayName}\n`;
const params = (...names: string[]): string => `Parameters:\n${names.map((name) => `  ${name}:\n    Type: String\n`).join('')}`;

const parameters: RuleCase[] = [
  { name: 'Ref and Sub', doc: `${params('A', 'B')}${topic('!Sub "${A}-x"')}Outputs:\n  O:\n    Value: !Ref B\n` },
  { name: 'unused', doc: `Parameters:\n  «A»:\n    Type: String\n  B:\n    Type: String\n${topic('!Ref B')}`, messages: ["Parameter 'A' is never used"] },
  { name: 'used in a condition', doc: `${params('Env')}Conditions:\n  P: !Equals [!Ref Env, prod]\n${topic('x')}` },
  { name: 'used only in Rules', doc: `${params('Env')}Rules:\n  R:\n    Assertions:\n      - Assert: !Contains [[a, b], !Ref Env]\n${topic('x')}` },
  { name: 'Fn::ValueOf in Rules', doc: `Parameters:\n  Subnet:\n    Type: AWS::EC2::Subnet::Id\nRules:\n  R:\n    Assertions:\n      - Assert: !Equals [!ValueOf [Subnet, VpcId], vpc-1]\n${topic('x')}` },
  {
    name: 'only in the console interface',
    doc: `Metadata:\n  AWS::CloudFormation::Interface:\n    ParameterGroups:\n      - Label: {default: G}\n        Parameters: [A]\n    ParameterLabels:\n      A: {default: Label}\nParameters:\n  «A»:\n    Type: String\n${topic('x')}`,
    messages: ['listing it in AWS::CloudFormation::Interface does not use it'],
  },
  { name: 'other template metadata counts', doc: `Metadata:\n  Tool:\n    Uses: !Ref A\n${params('A')}${topic('x')}` },
  {
    name: 'SAM Globals',
    doc: `Transform: AWS::Serverless-2016-10-31\n${params('Rt')}Globals:\n  Function:\n    Runtime: !Ref Rt\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: ., Handler: a.b}\n`,
  },
  { name: 'Fn::Transform parameters count', doc: `${params('Loc')}${topic('x')}  I:\n    Fn::Transform:\n      Name: AWS::Include\n      Parameters:\n        Location: !Ref Loc\n` },
  { name: 'an include may use any parameter', doc: `${params('Unused')}${topic('x')}  I:\n    Fn::Transform:\n      Name: AWS::Include\n      Parameters:\n        Location: s3://b/k\n` },
  { name: 'a macro may use any parameter', doc: `Transform: MyMacro\n${params('Unused')}${topic('x')}` },
  {
    name: 'ForEach collection',
    doc: `Transform: AWS::LanguageExtensions\nParameters:\n  Names:\n    Type: CommaDelimitedList\nResources:\n  Fn::ForEach::Topics:\n    - N\n    - !Ref Names\n    - Topic\${N}:\n        Type: AWS::SNS::Topic\n`,
  },
  { name: 'Sub variable map values', doc: `${params('A')}${topic('!Sub ["${X}", {X: !Ref A}]')}` },
  { name: 'pseudo parameters are not parameters', doc: `${params('A')}${topic('!Ref A')}Outputs:\n  O:\n    Value: !Ref AWS::Region\n` },
  { name: 'JSON', file: 't.json', doc: '{"Parameters": {«"A"»: {"Type": "String"}, "B": {"Type": "String"}}, "Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": {"Fn::Sub": "${B}"}}}}}' },
];

const conditions: RuleCase[] = [
  {
    name: 'resource, output, Fn::If and other conditions',
    doc: `${params('Env')}Conditions:\n  A: !Equals [!Ref Env, a]\n  B: !Equals [!Ref Env, b]\n  C: !Equals [!Ref Env, c]\n  D: !Equals [!Ref Env, d]\n  E: !Or [!Condition D, !Equals [x, y]]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: A\n    Properties:\n      DisplayName: !If [B, x, y]\nOutputs:\n  O:\n    Condition: C\n    Value: x\n  P:\n    Condition: E\n    Value: y\n`,
  },
  { name: 'unused', doc: `${params('Env')}Conditions:\n  «Unused»: !Equals [!Ref Env, a]\n${topic('x')}`, messages: ["Condition 'Unused' is never used"] },
  { name: 'a condition using only itself', doc: `Conditions:\n  «A»: !And [!Condition A, !Equals [a, b]]\n${topic('x')}` },
  {
    name: 'ForEach: not judged',
    doc: `Transform: AWS::LanguageExtensions\nConditions:\n  IsA: !Equals [a, b]\nResources:\n  Fn::ForEach::Topics:\n    - N\n    - [A, B]\n    - Topic\${N}:\n        Type: AWS::SNS::Topic\n        Condition: !Sub Is\${N}\n`,
  },
  { name: 'JSON', file: 't.json', doc: '{"Conditions": {«"C"»: {"Fn::Equals": ["a", "b"]}}, "Resources": {"T": {"Type": "AWS::SNS::Topic"}}}' },
];

const mappings: RuleCase[] = [
  { name: 'FindInMap', doc: `Mappings:\n  M:\n    k: {v: x}\n${topic('!FindInMap [M, k, v]')}` },
  { name: 'unused', doc: `Mappings:\n  «M»:\n    k: {v: x}\n  N:\n    k: {v: x}\n${topic('!FindInMap [N, k, v]')}`, messages: ["Mapping 'M' is never used"] },
  { name: 'FindInMap inside Sub variables', doc: `Mappings:\n  M:\n    k: {v: x}\n${topic('!Sub ["${V}", {V: !FindInMap [M, k, v]}]')}` },
  { name: 'dynamic map name: not judged', doc: `Transform: AWS::LanguageExtensions\nMappings:\n  M:\n    k: {v: x}\n${topic('!FindInMap [!Ref AWS::Region, k, v]')}` },
  { name: 'JSON', file: 't.json', doc: '{"Mappings": {«"M"»: {"k": {"v": "x"}}}, "Resources": {"T": {"Type": "AWS::SNS::Topic"}}}' },
];

void describe('unused rules', () => {
  const tables: Array<[string, RuleCase[]]> = [
    ['cfn-unused-parameter', parameters],
    ['cfn-unused-condition', conditions],
    ['cfn-unused-mapping', mappings],
  ];
  for (const [rule, cases] of tables) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
});
