// Keys named like JavaScript object members are ordinary unknown keys (issue 18): before,
// `constructor:` under Properties made three property rules fail, `toString:` in Globals
// failed the globals rule, `!Ref constructor` hovered "function Object() { [native code] }"
// and hover on an OpenAPI `constructor` key threw.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDocument } from '../../../src/engine/analyzedDocument';
import { hoverAt } from '../../../src/engine/language/hover';
import { openApiHoverAt } from '../../../src/engine/openapi/language/hover';
import { realAnalyzer } from '../../support/lintHelpers';

const MEMBER_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

interface Case {
  readonly name: string;
  readonly file?: string;
  readonly doc: (key: string) => string;
  /** `rule@text` of every finding expected (in position order); `$k` stands for the key. */
  readonly expected: readonly string[];
}

const sam = 'Transform: AWS::Serverless-2016-10-31\n';
const oas = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";
const CASES: readonly Case[] = [
  {
    name: 'resource property next to a real typo',
    doc: (k) => `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      ${k}: x\n      BucketNam: y\n`,
    expected: ['cfn-unknown-property@$k', 'cfn-unknown-property@BucketNam'],
  },
  {
    name: 'nested property',
    doc: (k) => `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n        ${k}: x\n`,
    expected: ['cfn-unknown-property@$k'],
  },
  {
    name: 'Globals section and Globals property',
    doc: (k) => `${sam}Globals:\n  ${k}: {}\n  Function:\n    ${k}: 1\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: .}\n`,
    expected: ['cfn-sam-globals@$k', 'cfn-sam-globals@$k'],
  },
  {
    name: 'parameter attribute and Ref target',
    doc: (k) => `Parameters:\n  P:\n    Type: String\n    ${k}: 1\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref ${k}\n`,
    expected: ['cfn-unused-parameter@P', 'cfn-parameter-type@$k', 'cfn-ref-target@$k'],
  },
  {
    name: 'top-level section, resource attribute and resource type',
    doc: (k) => `${k}: 1\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    ${k}: 1\n  C:\n    Type: ${k}\n`,
    expected: ['cfn-unknown-section@$k', 'cfn-resource-attributes@$k', 'cfn-unknown-resource-type@$k'],
  },
  {
    name: 'OpenAPI parameter field next to a real typo',
    file: 'api.yaml',
    doc: (k) => `${oas}paths:\n  /a:\n    get:\n      parameters:\n        - {name: q, in: query, ${k}: 1, schema: {type: integer}, requird: true}\n      responses:\n        '200': {description: ok}\n`,
    expected: ['oas-schema@$k', 'oas-schema@requird'],
  },
];

void describe('keys named like JavaScript object members', () => {
  for (const testCase of CASES) {
    for (const key of MEMBER_KEYS) {
      test(`${testCase.name}: ${key}`, () => {
        const text = testCase.doc(key);
        const { findings } = realAnalyzer().lint(testCase.file ?? 't.yaml', text);
        const actual = findings.map((f) => `${f.rule}@${text.slice(f.span.start, f.span.end)}`);
        assert.deepEqual(actual, testCase.expected.map((e) => e.replace('$k', key)), findings.map((f) => f.message).join('\n'));
      });
    }
  }

  test('hover on member-named keys and Ref targets neither throws nor shows native code', () => {
    for (const key of MEMBER_KEYS) {
      const template = `Conditions:\n  C: !Condition ${key}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    ${key}: 1\n    Properties:\n      ${key}: 1\n      BucketName: !Ref ${key}\n      Tags: [{Key: !GetAtt ${key}.Arn, Value: !Sub "\${${key}}"}]\n`;
      const spec = `${oas}paths:\n  /a:\n    ${key}: 1\n    get:\n      ${key}: 1\n      x-amazon-apigateway-integration: {${key}: 1}\n      responses:\n        ${key}: {description: d}\ncomponents:\n  ${key}: {}\n  schemas:\n    ${key}: {type: object, properties: {${key}: {type: string}}, ${key}: 1}\n`;
      const cfn = analyzeDocument('t.yaml', template);
      const api = analyzeDocument('api.yaml', spec);
      for (let offset = 0; offset <= template.length; offset++) {
        const hover = hoverAt(cfn, realAnalyzer().catalog, offset);
        assert.doesNotMatch(hover?.markdown ?? '', /native code|function \w*\(/, `template hover at ${offset} (${key})`);
      }
      for (let offset = 0; offset <= spec.length; offset++) {
        const hover = openApiHoverAt(api, offset);
        assert.doesNotMatch(hover?.markdown ?? '', /native code|function \w*\(/, `OpenAPI hover at ${offset} (${key})`);
      }
    }
  });
});
