import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';
import { utf8Length } from '../../src/engine/rules/limitRules';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const bucket = '  B:\n    Type: AWS::S3::Bucket\n';
const buckets = (n: number): string => range(n).map((i) => `  B${i}:\n    Type: AWS::S3::Bucket\n`).join('');
const parameters = (n: number): string => range(n).map((i) => `  P${i}:\n    Type: String\n`).join('');
const outputs = (n: number): string => range(n).map((i) => `  O${i}:\n    Value: x\n`).join('');
const mappings = (n: number): string => range(n).map((i) => `  M${i}:\n    k:\n      v: x\n`).join('');
/** A YAML comment line padding a template to at least `bytes` bytes. */
const padding = (bytes: number): string => `# ${'x'.repeat(bytes)}\n`;

const limits: RuleCase[] = [
  { name: 'at the limits', doc: `Parameters:\n${parameters(200)}Mappings:\n${mappings(200)}Resources:\n${buckets(500)}Outputs:\n${outputs(200)}` },
  { name: '501 resources', doc: `«Resources»:\n${buckets(501)}`, messages: ['declares 501 resources; CloudFormation allows at most 500'] },
  { name: '201 parameters', doc: `«Parameters»:\n${parameters(201)}Resources:\n${bucket}`, messages: ['201 parameters'] },
  { name: '201 outputs', doc: `Resources:\n${bucket}«Outputs»:\n${outputs(201)}`, messages: ['201 outputs'] },
  { name: '201 mappings', doc: `«Mappings»:\n${mappings(201)}Resources:\n${bucket}`, messages: ['201 mappings'] },
  {
    name: 'mapping with 201 keys and 201 attributes',
    doc: `Mappings:\n  «M»:\n${range(201).map((i) => `    k${i}:\n      v: x\n`).join('')}  N:\n    «k»:\n${range(201).map((i) => `      a${i}: x\n`).join('')}Resources:\n${bucket}`,
    messages: ["Mapping 'M' has 201 keys", "Key 'k' of mapping 'N' has 201 attributes"],
  },
  { name: 'description of 1024 bytes', doc: `Description: ${'é'.repeat(512)}\nResources:\n${bucket}` },
  { name: 'description over 1024 bytes (UTF-8)', doc: `Description: «${'é'.repeat(513)}»\nResources:\n${bucket}`, messages: ['1,026 bytes; CloudFormation allows at most 1,024'] },
  { name: 'long parameter default', doc: `Parameters:\n  P:\n    Type: String\n    Default: «${'a'.repeat(4097)}»\nResources:\n${bucket}`, messages: ['4,097 characters'] },
  { name: 'over 1 MB', doc: `«Resources»:\n${bucket}${padding(1_048_576)}`, messages: [/The template is 1,048,6\d\d bytes; CloudFormation accepts templates of at most 1,048,576 bytes/] },
  { name: 'JSON: 501 resources', file: 't.json', doc: `{«"Resources"»: {${range(501).map((i) => `"B${i}": {"Type": "AWS::S3::Bucket"}`).join(', ')}}}` },
  { name: 'JSON: long description', file: 't.json', doc: `{"Description": «"${'d'.repeat(1025)}"», "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}` },
];

const templateSize: RuleCase[] = [
  { name: 'exactly 51,200 bytes', doc: ((base: string) => base + padding(51_200 - base.length - 3))(`Resources:\n${bucket}`) },
  { name: 'one byte over', doc: ((base: string) => `«Resources»:\n${bucket}` + padding(51_201 - base.length - 3))(`Resources:\n${bucket}`), messages: ['51,201 bytes, over the 51,200-byte limit for an inline template body'] },
  { name: 'multi-byte characters count as bytes', doc: `«Resources»:\n${bucket}# ${'€'.repeat(17_100)}\n`, messages: ['upload it to S3'] },
  { name: 'over 1 MB is the error rule only', doc: `Resources:\n${bucket}${padding(1_048_576)}` },
  { name: 'JSON', file: 't.json', doc: `{«"Description"»: "${'x'.repeat(900)}", "Resources": {"B": {"Type": "AWS::S3::Bucket", "Metadata": {"pad": "${'p'.repeat(51_000)}"}}}}` },
];

void describe('limit rules', () => {
  void describe('cfn-limits', () => {
    for (const testCase of limits) void test(testCase.name, () => assertRuleCase('cfn-limits', testCase));
  });
  void describe('cfn-template-size', () => {
    for (const testCase of templateSize) void test(testCase.name, () => assertRuleCase('cfn-template-size', testCase));
  });
  void test('utf8Length counts UTF-8 bytes', () => {
    assert.equal(utf8Length(''), 0);
    assert.equal(utf8Length('abc'), 3);
    assert.equal(utf8Length('é'), 2);
    assert.equal(utf8Length('€'), 3);
    assert.equal(utf8Length('😀'), 4);
    assert.equal(utf8Length('a\uD800b'), 5); // a lone surrogate is written as U+FFFD
    assert.equal(utf8Length('x€😀é'), 1 + 3 + 4 + 2);
  });
});
