import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const head = 'Conditions:\n  C: !Equals [a, b]\nResources:\n  B:\n    Type: AWS::S3::Bucket\nOutputs:\n';
const outputs = (body: string): string => `${head}${body}`;
const jsonOutputs = (body: string): string => `{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}, "Outputs": ${body}}`;

const cases: RuleCase[] = [
  {
    name: 'complete outputs',
    doc: outputs('  A:\n    Description: d\n    Value: !Ref B\n    Condition: C\n    Export:\n      Name: !Sub ${AWS::StackName}-A\n  N:\n    Value: !GetAtt B.Arn\n'),
  },
  { name: 'missing Value', doc: outputs('  «A»:\n    Description: d\n'), messages: ["Output 'A' has no Value."] },
  { name: 'empty Value', doc: outputs('  A:\n    «Value»:\n'), messages: ['is empty'] },
  { name: 'Value as a plain list', doc: outputs('  A:\n    Value: «[a, b]»\n'), messages: ['not a list'] },
  { name: 'Value as a plain mapping', doc: outputs('  A:\n    Value: «{a: b, c: d}»\n'), messages: ['not a mapping'] },
  { name: 'intrinsic Value', doc: outputs('  A:\n    Value: !Join [",", [a, b]]\n') },
  { name: 'output is not a mapping', doc: outputs('  A: «x»\n'), messages: ['must be a mapping'] },
  { name: 'unknown key with suggestion', doc: outputs('  A:\n    Value: x\n    «Descripton»: d\n'), messages: ["Unknown output key 'Descripton'. Did you mean 'Description'?"] },
  { name: 'unknown key without suggestion', doc: outputs('  A:\n    Value: x\n    «Foo»: d\n') },
  { name: 'Export without Name', doc: outputs('  A:\n    Value: x\n    «Export»: {}\n'), messages: ['has no Name'] },
  { name: 'Export not a mapping', doc: outputs('  A:\n    Value: x\n    Export: «name»\n'), messages: ['must be a mapping with a Name'] },
  { name: 'unknown Export key', doc: outputs('  A:\n    Value: x\n    Export:\n      Name: n\n      «Nmae»: n\n'), messages: ["Did you mean 'Name'?"] },
  {
    name: 'duplicate literal export names',
    doc: outputs('  A:\n    Value: x\n    Export:\n      Name: shared\n  B2:\n    Value: y\n    Export:\n      Name: «shared»\n  C2:\n    Value: z\n    Export:\n      Name: «shared»\n'),
    messages: ["Export name 'shared' is also exported by output 'A'", "output 'A'"],
  },
  {
    name: 'duplicate Sub export names',
    doc: outputs("  A:\n    Value: x\n    Export:\n      Name: !Sub '${AWS::StackName}-Vpc'\n  B2:\n    Value: y\n    Export:\n      Name: «!Sub '${AWS::StackName}-Vpc'»\n"),
    messages: ["Export name !Sub '${AWS::StackName}-Vpc' is also exported"],
  },
  { name: 'different names', doc: outputs('  A:\n    Value: x\n    Export:\n      Name: !Sub ${AWS::StackName}-A\n  B2:\n    Value: y\n    Export:\n      Name: !Sub ${AWS::StackName}-B\n') },
  {
    name: 'same name under different conditions',
    doc: outputs('  A:\n    Condition: C\n    Value: x\n    Export:\n      Name: shared\n  B2:\n    Value: y\n    Export:\n      Name: shared\n'),
  },
  {
    name: 'ForEach outputs are skipped',
    doc: `Transform: AWS::LanguageExtensions\n${head}  Fn::ForEach::Loop:\n    - N\n    - [a, b]\n    - Out\${N}:\n        Value: !Ref N\n`,
  },
  { name: 'JSON: missing Value', file: 't.json', doc: jsonOutputs('{«"A"»: {"Description": "d"}}') },
  {
    name: 'JSON: duplicate exports and unknown key',
    file: 't.json',
    doc: jsonOutputs('{"A": {"Value": "x", "Export": {"Name": "e"}}, "B2": {"Value": "y", «"Exports"»: {}, "Export": {"Name": «"e"»}}}'),
    messages: ["Did you mean 'Export'?", "also exported by output 'A'"],
  },
];

void describe('cfn-output-value', () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase('cfn-output-value', testCase));
});
