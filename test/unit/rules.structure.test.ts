import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const bucket = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';

const table: Record<string, RuleCase[]> = {
  'cfn-syntax': [
    { name: 'clean', doc: bucket },
    { name: 'duplicate resource ids, both reported', doc: 'Resources:\n  «B»:\n    Type: AWS::S3::Bucket\n  «B»:\n    Type: AWS::S3::Bucket\n', messages: ['Duplicate key', 'Duplicate key'] },
    { name: 'unknown tag', doc: 'Resources:\n  B:\n    Type: «!Foo» AWS::S3::Bucket\n', messages: ["Unknown tag '!Foo'"] },
    { name: 'JSON trailing comma', file: 't.json', doc: '{"Resources": {"B": {"Type": "AWS::S3::Bucket",«}»}}', messages: ['trailing commas'] },
  ],
  'cfn-unknown-section': [
    { name: 'all sections', doc: 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: d\nMetadata: {}\nParameters: {}\nRules: {}\nMappings: {}\nConditions: {}\nTransform: AWS::Include\nOutputs: {}\n' + bucket },
    { name: 'typo', doc: bucket + '«Output»: {}\n', messages: ["Did you mean 'Outputs'?"] },
    { name: 'Globals without SAM', doc: bucket + '«Globals»: {}\n', messages: ['needs the SAM transform'] },
    { name: 'Globals with SAM', doc: 'Transform: AWS::Serverless-2016-10-31\nGlobals: {}\n' + bucket },
  ],
  'cfn-resources-required': [
    { name: 'present', doc: bucket },
    { name: 'missing', doc: '«AWSTemplateFormatVersion»: "2010-09-09"\nParameters: {}\n', messages: ['no Resources section'] },
    { name: 'empty', doc: 'AWSTemplateFormatVersion: "2010-09-09"\n«Resources»: {}\n', messages: ['Resources is empty'] },
    { name: 'not a mapping', doc: 'AWSTemplateFormatVersion: "2010-09-09"\nResources: «[a]»\n', messages: ['must be a mapping'] },
  ],
  'cfn-template-version': [
    { name: 'quoted', doc: 'AWSTemplateFormatVersion: "2010-09-09"\n' + bucket },
    { name: 'unquoted date', doc: 'AWSTemplateFormatVersion: 2010-09-09\n' + bucket },
    { name: 'wrong', doc: 'AWSTemplateFormatVersion: «"2012-01-01"»\n' + bucket, messages: ["not '2012-01-01'"] },
  ],
  'cfn-logical-id': [
    { name: 'alphanumeric', doc: bucket },
    { name: 'dash in resource id', doc: 'Resources:\n  «My-Bucket»:\n    Type: AWS::S3::Bucket\n', messages: ['only letters'] },
    { name: 'underscore in parameter id', doc: 'Parameters:\n  «env_name»:\n    Type: String\n' + bucket },
    { name: 'too long', doc: `Resources:\n  «${'A'.repeat(256)}»:\n    Type: AWS::S3::Bucket\n`, messages: ['256 characters'] },
    { name: 'condition names may use &', doc: 'Conditions:\n  A&B: !Equals [a, b]\n' + bucket },
    { name: 'ForEach loops are not ids', doc: 'Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Loop:\n    - X\n    - [a]\n    - B${X}:\n        Type: AWS::S3::Bucket\n' },
  ],
};

void describe('structure rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
});
