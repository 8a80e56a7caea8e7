import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, realAnalyzer } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';
import { parseYaml } from '../../src/engine/document/yamlParser';
import { getValue } from '../../src/engine/document/located';

// False alarms found on real templates (issue 19), one case each, plus the near misses that must still be reported.
const sam = (resources: string, outputs = ''): string =>
  `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: .\n      Handler: a.b\n      Runtime: python3.13\n${resources}${outputs}`;

const table: Record<string, RuleCase[]> = {
  'cfn-unknown-resource-type': [
    { name: 'AWS::CDK::Metadata (cdk synth output)', doc: 'Resources:\n  CDKMetadata:\n    Type: AWS::CDK::Metadata\n    Properties:\n      Analytics: v2:deflate64:H4sI\n    Condition: CDKMetadataAvailable\nConditions:\n  CDKMetadataAvailable: !Equals [a, a]\n' },
    { name: 'a misspelt CDK type is still reported', doc: 'Resources:\n  M:\n    Type: «AWS::CDK::Metadat»\n' },
  ],
  'cfn-getatt-target': [
    {
      name: 'Fn.Version.FunctionArn and Fn.Alias.AliasArn with AutoPublishAlias',
      doc: sam('      AutoPublishAlias: live\n', 'Outputs:\n  V:\n    Value: !GetAtt Fn.Version.FunctionArn\n  W:\n    Value: !GetAtt Fn.Version.Version\n  S:\n    Value: !Sub "${Fn.Version.FunctionArn}"\n'),
    },
    { name: 'an attribute the generated Version lacks', doc: sam('      AutoPublishAlias: live\n', 'Outputs:\n  V:\n    Value: !GetAtt Fn.«Version.Versoin»\n'), messages: ["'Fn.Version' is the AWS::Lambda::Version SAM generates; it has no attribute 'Versoin'. Did you mean 'Version'?"] },
    { name: 'an unknown generated property is still reported', doc: sam('', 'Outputs:\n  V:\n    Value: !GetAtt Fn.«Verison.FunctionArn»\n') },
  ],
  'cfn-syntax': [
    { name: "YAML's non-specific tag ! on scalars and collections", doc: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ! "my-bucket"\n      Tags: ! [{Key: a, Value: ! b}]\n' },
    { name: 'other unknown tags are still reported', doc: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: «!Foo» x\n' },
    { name: 'quoted scalars with less-indented continuation lines', doc: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: "a very long\n  continued name"\n      DisplayName: \'single\n quoted\'\n' },
    { name: 'a block mapping with deficient indentation is still an error', doc: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: x\n      Tags:\n    «-» Key: a\n' },
  ],
  'cfn-resources-required': [
    { name: 'SAM Transform and a misspelt Resource: section', doc: '«Transform»: AWS::Serverless-2016-10-31\nResource:\n  Fn:\n    Type: AWS::Serverless::Function\n' },
  ],
  'cfn-value-type': [
    { name: 'a union message reads well', doc: sam('      Events:\n        «- a»\n'), messages: [/^Fn\.Properties\.Events must be a map of key\/value pairs, not a list\.$/] },
    { name: 'union of a string and an object', doc: 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Cors: «[a]»\n'.replace('Resources', 'Transform: AWS::Serverless-2016-10-31\nResources'), messages: [/^Api\.Properties\.Cors cannot be a list: it takes a string or an object\.$/] },
  ],
};

void describe('false alarms of issue 19', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }

  void test('the SAM template with a misspelt Resource: is linted, with a did-you-mean on the section', () => {
    const result = realAnalyzer().lint('template.yaml', 'Transform: AWS::Serverless-2016-10-31\nResource:\n  Fn:\n    Type: AWS::Serverless::Function\n');
    assert.equal(result.kind, 'sam');
    assert.ok(result.findings.some((finding) => finding.rule === 'cfn-unknown-section' && finding.message.includes("Did you mean 'Resources'?")));
  });

  void test('a continuation line keeps the value PyYAML gives and later spans stay exact', () => {
    const text = 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: "a very long\n  continued name\n\n more"\n      Bogus: 1\n';
    const document = parseYaml(text);
    assert.deepEqual(document.problems, []);
    const properties = getValue(getValue(getValue(document.root, 'Resources'), 'T'), 'Properties');
    const name = getValue(properties, 'TopicName');
    assert.equal(name?.kind === 'scalar' ? name.value : undefined, 'a very long continued name\nmore');
    const bogus = properties?.kind === 'mapping' ? properties.pairs[1]?.key : undefined;
    assert.equal(text.slice(bogus!.span.start, bogus!.span.end), 'Bogus');
    assert.equal(text.slice(name!.span.start, name!.span.end), '"a very long\n  continued name\n\n more"');
  });

  void test('padding is bounded: a document with more short continuation lines than allowed stays a syntax error', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `k${i}: "a\n b"`).join('\n');
    const document = parseYaml(`top:\n  ${lines.replace(/\n/g, '\n  ').replace(/\n  (?= b)/g, '\n')}\n`);
    assert.equal(document.root, undefined);
    assert.match(document.problems[0]?.message ?? '', /deficient indentation/);
  });

  void test('the non-specific tag makes a plain scalar a string', () => {
    const value = getValue(parseYaml('a: ! 123\nb: ! true\n').root, 'a');
    assert.equal(value?.kind === 'scalar' ? value.value : undefined, '123');
  });
});
