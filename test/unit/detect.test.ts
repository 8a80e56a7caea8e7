import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { realAnalyzer } from '../support/lintHelpers';

const cases: Array<[string, string, string, string]> = [
  ['CloudFormation YAML', 't.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n', 'cloudformation'],
  ['CloudFormation without version', 't.yml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n', 'cloudformation'],
  ['CloudFormation JSON', 't.json', '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', 'cloudformation'],
  ['.template with JSON content', 'x.template', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', 'cloudformation'],
  ['SAM (string transform)', 't.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n', 'sam'],
  ['SAM (transform list)', 't.yaml', 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:\n  F:\n    Type: AWS::Serverless::Function\n', 'sam'],
  ['template mid-edit with a syntax error', 't.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: "AWS::S3::Bucket\n', 'cloudformation'],
  ['OpenAPI 3', 'api.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n', 'openapi'],
  ['OpenAPI 3.1 JSON', 'api.json', '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "webhooks": {}}', 'openapi'],
  ['Swagger 2', 'api.yaml', 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', 'openapi'],
  ['Kubernetes manifest', 'deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          resources:\n            limits: {cpu: 1}\n', 'other'],
  ['Kubernetes with a top-level Resources-like key', 'k.yaml', 'apiVersion: v1\nkind: ResourceQuota\nResources:\n  x:\n    Type: AWS::S3::Bucket\n', 'other'],
  ['CodeBuild buildspec', 'buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands: [make]\n', 'other'],
  ['package.json', 'package.json', '{"name": "x", "version": "1.0.0", "scripts": {"build": "tsc"}}', 'other'],
  ['GitHub workflow', 'ci.yml', 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n', 'other'],
  ['Lambda test event', 'event.json', '{"RequestType": "Create", "ResourceProperties": {"Resources": {"a": 1}}}', 'other'],
  ['empty file', 't.yaml', '', 'other'],
  ['a scalar document', 't.yaml', 'just text\n', 'other'],
];

void describe('detection', () => {
  for (const [name, file, text, expected] of cases) {
    void test(name, () => assert.equal(realAnalyzer().detect(file, text), expected));
  }
  void test('non-templates are never linted', () => {
    const result = realAnalyzer().lint('buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands: [make]\n');
    assert.deepEqual(result, { kind: 'other', findings: [] });
  });
});
