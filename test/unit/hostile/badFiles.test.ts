// One bad file must not take the others down, nor a big one block the server (issue 18).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDocument } from '../../../src/engine/analyzedDocument';
import { resetSuggestionBudget, suggest } from '../../../src/engine/util/suggest';
import { bestTime } from '../../support/timing';
import { findingsOf, realAnalyzer } from '../../support/lintHelpers';

const timed = (run: () => void): number => bestTime(run, 2);

void describe('bad files', () => {
  test('a merge key bringing 130,000 keys is analysed without an exception escaping', () => {
    const keys = Array.from({ length: 130_000 }, (_, i) => `k${i}: 1`).join(', ');
    const text = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      <<: {${keys}}\n`;
    const analyzed = analyzeDocument('t.yaml', text);
    assert.equal(analyzed.kind, 'cloudformation');
    const metadata = analyzed.template?.resources.get('B')?.node;
    assert.ok(metadata, 'the resource is modelled');
    const { findings } = realAnalyzer().lintAnalyzed(analyzed);
    assert.deepEqual(findings.filter((finding) => finding.rule === 'archlens-internal'), []);
    assert.ok(findings.some((finding) => finding.rule === 'cfn-limits' && /1,048,576 bytes/.test(finding.message)), 'the size is reported');
  });

  test('"did you mean" over thousands of dangling references grows linearly', () => {
    const template = (n: number): string => {
      let text = 'Resources:\n';
      for (let i = 0; i < n; i++) text += `  Topic${i}:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Missing${i}\n`;
      return text;
    };
    const lint = (n: number): void => void realAnalyzer().lint('t.yaml', template(n));
    lint(1000);
    const small = timed(() => lint(1000));
    const large = timed(() => lint(4000));
    // Quadratic before: 4,000 took 27 s. Linear: about 4x.
    assert.ok(large < 8 * small + 100, `${small.toFixed(0)} ms for 1,000, ${large.toFixed(0)} ms for 4,000`);
  });

  test('suggestions are still made within the budget, and the budget is per document', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Buckt\n';
    assert.match(findingsOf('cfn-ref-target', text)[0]!.message, /Did you mean 'Bucket'\?/);
    const many = Array.from({ length: 200_000 }, (_, i) => `Name${i}`);
    resetSuggestionBudget();
    for (let i = 0; i < 50; i++) suggest('Nam', many);
    assert.deepEqual(suggest('Name1', ['Name1x', 'Name2']), [], 'exhausted after enough work');
    resetSuggestionBudget();
    assert.deepEqual(suggest('Name1', ['Name1x', 'Name2']), ['Name1x', 'Name2']);
  });

  test('a broken flow-style template or spec is reported, not skipped as "not a template"', () => {
    for (const [file, text, kind] of [
      ['t.yaml', '{Resources: {A: {Type: AWS::S3::Bucket}', 'cloudformation'],
      ['t.template', '{AWSTemplateFormatVersion: "2010-09-09", Resources: {A: [}}', 'cloudformation'],
      ['api.yaml', "{openapi: 3.0.0, info: {title: t, version: '1'}, paths: {", 'openapi'],
    ] as const) {
      const result = realAnalyzer().lint(file, text);
      assert.equal(result.kind, kind, text);
      assert.ok(result.findings.some((finding) => /syntax error/.test(finding.message)), text);
    }
    assert.equal(realAnalyzer().lint('t.yaml', '{a: 1, b: [').kind, 'other');
  });
});
