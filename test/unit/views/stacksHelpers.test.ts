// The stacks view's pure helpers: status icons, console links, the drift diff content and
// finding a logical id in a local template.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stackConsoleUrl, stackResourcesConsoleUrl } from '../../../src/views/stacks/consoleUrls';
import { driftDiffContent, normalizeProperties } from '../../../src/views/stacks/driftDiff';
import { stackNameFromArn } from '../../../src/views/stacks/stackInfo';
import { ACTIVE_STACK_STATUSES, isInProgress, statusIcon } from '../../../src/views/stacks/stackStatus';
import { findLogicalIdSpan, templateLanguage, templateLogicalIds, templateOverlap } from '../../../src/views/stacks/templateLocator';

const ARN = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/web-app/11111111-aaaa-4bbb-8ccc-000000000001';

describe('stack status icons', () => {
  it('maps every kind of status through one table', () => {
    const table: [string, string, string | undefined][] = [
      ['CREATE_COMPLETE', 'pass', 'testing.iconPassed'],
      ['UPDATE_COMPLETE', 'pass', 'testing.iconPassed'],
      ['UPDATE_IN_PROGRESS', 'sync~spin', 'charts.blue'],
      ['UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'sync~spin', 'charts.blue'],
      ['REVIEW_IN_PROGRESS', 'eye', 'charts.blue'],
      ['CREATE_FAILED', 'error', 'testing.iconFailed'],
      ['ROLLBACK_COMPLETE', 'error', 'testing.iconFailed'],
      ['UPDATE_ROLLBACK_FAILED', 'error', 'testing.iconFailed'],
      ['UPDATE_ROLLBACK_COMPLETE', 'warning', 'charts.yellow'],
      ['DELETE_COMPLETE', 'trash', 'disabledForeground'],
      ['DELETE_SKIPPED', 'debug-step-over', 'disabledForeground'],
      ['IN_SYNC', 'pass', 'testing.iconPassed'],
      ['MODIFIED', 'diff-modified', 'charts.yellow'],
      ['DELETED', 'diff-removed', 'testing.iconFailed'],
      ['NOT_CHECKED', 'circle-slash', 'disabledForeground'],
      ['SOMETHING_NEW', 'question', 'disabledForeground'],
    ];
    for (const [status, id, color] of table) assert.deepEqual(statusIcon(status), { id, color }, status);
    assert.equal(isInProgress('UPDATE_ROLLBACK_IN_PROGRESS'), true);
    assert.equal(isInProgress('REVIEW_IN_PROGRESS'), false);
    assert.equal(isInProgress('UPDATE_COMPLETE'), false);
    assert.ok(!ACTIVE_STACK_STATUSES.includes('DELETE_COMPLETE'));
    assert.equal(ACTIVE_STACK_STATUSES.length, 22);
  });
});

describe('console URLs', () => {
  it('are region-aware and encode the stack ARN', () => {
    assert.equal(
      stackConsoleUrl('eu-west-1', ARN),
      `https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/stackinfo?stackId=${encodeURIComponent(ARN)}`,
    );
    assert.match(stackResourcesConsoleUrl('eu-west-1', ARN), /#\/stacks\/resources\?stackId=arn%3Aaws/);
    assert.match(stackConsoleUrl('cn-north-1', ARN), /^https:\/\/cn-north-1\.console\.amazonaws\.cn\/cloudformation\/home\?region=cn-north-1#/);
    assert.match(stackConsoleUrl('us-gov-west-1', ARN), /^https:\/\/console\.amazonaws-us-gov\.com\/cloudformation\/home\?region=us-gov-west-1#/);
    assert.equal(stackNameFromArn(ARN), 'web-app');
  });
});

describe('drift diff content', () => {
  it('pretty-prints with sorted keys at every level, so only real differences show', () => {
    const { expected, actual } = driftDiffContent({
      StackResourceDriftStatus: 'MODIFIED',
      ExpectedProperties: '{"Timeout":3,"Environment":{"Variables":{"B":"2","A":"1"}},"Layers":["x","y"]}',
      ActualProperties: '{"Layers":["x","y"],"Environment":{"Variables":{"A":"1","B":"3"}},"Timeout":3}',
    } as never);
    assert.equal(expected, '{\n  "Environment": {\n    "Variables": {\n      "A": "1",\n      "B": "2"\n    }\n  },\n  "Layers": [\n    "x",\n    "y"\n  ],\n  "Timeout": 3\n}\n');
    assert.equal(actual, expected.replace('"B": "2"', '"B": "3"'));
  });

  it('explains deleted and unchecked resources, and keeps text that is not JSON', () => {
    assert.match(driftDiffContent({ StackResourceDriftStatus: 'DELETED', ExpectedProperties: '{}' } as never).actual, /deleted outside CloudFormation/);
    assert.match(driftDiffContent({ StackResourceDriftStatus: 'NOT_CHECKED' } as never).actual, /does not check/);
    assert.equal(normalizeProperties('not json'), 'not json\n');
    assert.equal(normalizeProperties('{"__proto__":{"a":1}}'), '{\n  "__proto__": {\n    "a": 1\n  }\n}\n');
  });
});

describe('finding a logical id in a local template', () => {
  const yaml = [
    'Description: ApiFunction does things',
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      Tags: [{ Key: x, Value: !Ref ApiFunction }]',
    '  ApiFunction:',
    '    Type: AWS::Serverless::Function',
    'Outputs:',
    '  ApiFunction:',
    '    Value: !GetAtt ApiFunction.Arn',
    '',
  ].join('\n');

  it('finds the key under Resources, not look-alikes in descriptions, references or outputs', () => {
    const span = findLogicalIdSpan('template.yaml', yaml, 'ApiFunction');
    assert.ok(span);
    assert.equal(yaml.slice(span.start, span.end), 'ApiFunction');
    assert.equal(yaml.lastIndexOf('\n', span.start), yaml.indexOf('\n  ApiFunction:'));
    assert.equal(findLogicalIdSpan('template.yaml', yaml, 'Missing'), undefined);
    assert.equal(findLogicalIdSpan('template.yaml', 'Outputs:\n  ApiFunction: {}\n', 'ApiFunction'), undefined);
  });

  it('works on JSON templates and on files that are not templates', () => {
    const json = '{"Resources":{"Vpc":{"Type":"AWS::EC2::VPC"}},"Outputs":{"Vpc":{"Value":{"Ref":"Vpc"}}}}';
    const span = findLogicalIdSpan('stack.json', json, 'Vpc');
    assert.deepEqual(span, { start: json.indexOf('"Vpc"'), end: json.indexOf('"Vpc"') + 5 });
    assert.equal(findLogicalIdSpan('package.json', '{"name":"Vpc"}', 'Vpc'), undefined);
    assert.equal(findLogicalIdSpan('broken.yaml', 'Resources: [unclosed', 'Resources'), undefined);
  });

  it('ranks local templates by the logical ids they share and picks the language of a body', () => {
    assert.deepEqual(templateLogicalIds('t.yaml', yaml), ['Bucket', 'ApiFunction']);
    assert.equal(templateOverlap(['ApiFunction', 'ApiFunctionRole', 'Bucket'], 't.yaml', yaml), 2);
    assert.equal(templateLanguage('  {"Resources":{}}'), 'json');
    assert.equal(templateLanguage('AWSTemplateFormatVersion: "2010-09-09"\n'), 'yaml');
  });
});
