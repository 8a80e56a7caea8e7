// cfn-nested-stack-parameters: the parent's Parameters against the child template read through
// the host's readFile (the engine does no I/O), at exact spans.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/engine/analyzer';
import { realAnalyzer, stripMarkers } from '../support/lintHelpers';

const CHILD = 'Parameters:\n  Env:\n    Type: String\n  Size:\n    Type: Number\n    Default: 2\n  VpcId:\n    Type: AWS::EC2::VPC::Id\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub "${Env}-q"\n';

/** Lints `/w/app/parent.yaml` with the given files readable, returning the rule's findings. */
function lint(marked: string, files: Record<string, string>, followAbsoluteFileRefs = false): { spans: number[][]; expected: number[][]; messages: string[] } {
  const { text, spans } = stripMarkers(marked);
  const readFile = (path: string): string | undefined => (Object.hasOwn(files, path) ? files[path] : undefined);
  const findings = createAnalyzer({ catalog: realAnalyzer().catalog, readFile, followAbsoluteFileRefs })
    .lint('/w/app/parent.yaml', text)
    .findings.filter((f) => f.rule === 'cfn-nested-stack-parameters');
  return { spans: findings.map((f) => [f.span.start, f.span.end]), expected: spans.map((s) => [s.start, s.end]), messages: findings.map((f) => f.message) };
}

void describe('cfn-nested-stack-parameters', () => {
  void test('an unknown parameter and a missing required one', () => {
    const r = lint('Resources:\n  Net:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./stacks/child.yaml\n      «Parameters»:\n        Env: prod\n        «Sizee»: 3\n', { '/w/app/stacks/child.yaml': CHILD });
    assert.deepEqual(r.spans, r.expected, r.messages.join('\n'));
    assert.match(r.messages[0]!, /Net does not pass 'VpcId', required by \.\/stacks\/child\.yaml/);
    assert.match(r.messages[1]!, /Net passes 'Sizee', which is not a parameter of \.\/stacks\/child\.yaml \(Env, Size, VpcId\)/);
  });

  void test('no Parameters at all: reported on the TemplateURL value', () => {
    const r = lint('Resources:\n  Net:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: «../shared/child.json»\n', { '/w/shared/child.json': '{"Parameters": {"Env": {"Type": "String"}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}' });
    assert.deepEqual(r.spans, r.expected, r.messages.join('\n'));
    assert.match(r.messages[0]!, /does not pass 'Env'/);
  });

  void test('a SAM application with a local Location; AWS::NoValue passes nothing', () => {
    const r = lint(
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: child.yaml\n      «Parameters»:\n        Env: prod\n        VpcId: !Ref AWS::NoValue\n',
      { '/w/app/child.yaml': CHILD },
    );
    assert.deepEqual(r.spans, r.expected, r.messages.join('\n'));
    assert.match(r.messages[0]!, /does not pass 'VpcId'/);
  });

  void test('left alone: all passed, S3 and https URLs, unreadable or broken child, Parameters from !If, absolute path without permission', () => {
    const files = { '/w/app/child.yaml': CHILD, '/w/app/broken.yaml': 'Parameters: [\n', '/abs/child.yaml': CHILD };
    const doc =
      'Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: child.yaml\n      Parameters: {Env: a, VpcId: vpc-1}\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://s3.amazonaws.com/b/child.yaml\n  C:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: missing.yaml\n  D:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: broken.yaml\n  E:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: child.yaml\n      Parameters: !If [C, {Env: a}, {Env: b}]\n  F:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: /abs/child.yaml\n  G:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: !Sub "${Bucket}/child.yaml"\n';
    const r = lint(doc, files);
    assert.deepEqual(r.spans, [], r.messages.join('\n'));
    // With absolute paths allowed, F is judged.
    assert.equal(lint(doc, files, true).messages.filter((m) => m.startsWith('F does not pass')).length, 1);
  });

  void test('silent without a host readFile', () => {
    const text = 'Resources:\n  Net:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: child.yaml\n';
    assert.deepEqual(realAnalyzer().lint('/w/app/parent.yaml', text).findings.filter((f) => f.rule === 'cfn-nested-stack-parameters'), []);
  });
});
