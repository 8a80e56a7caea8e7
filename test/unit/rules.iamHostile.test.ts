// IAM policy checks on hostile and large input: prototype-like names looked up safely, many
// statements and long wildcard patterns in bounded work, quick fixes that replace the right token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, realAnalyzer } from '../support/lintHelpers';
import { wildcardMatch, restoreCase } from '../../src/engine/iam/policyElements';

const managed = (statements: string): string => `Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n${statements}`;

void test('prototype-like service prefixes, principal kinds and operators are unknown names', () => {
  for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']) {
    const doc = `${managed(`          - Effect: Allow\n            Action: '${name}:GetObject'\n            Resource: '*'\n            Condition: { ${name}: { 'aws:x': y } }\n`)}  Queue:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [q]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { ${name}: x }\n            Action: sqs:SendMessage\n            Resource: '*'\n`;
    const action = findingsOf('cfn-iam-action', doc);
    assert.equal(action.length, 1, `${name}: ${JSON.stringify(action.map((f) => f.message))}`);
    assert.match(action[0]!.message, /is not an IAM service prefix/);
    assert.equal(findingsOf('cfn-iam-condition', doc).length, 1, name);
    assert.equal(findingsOf('cfn-iam-principal', doc).length, 1, name);
  }
});

void test('a policy with 20,000 statements and long wildcards is checked in bounded time', () => {
  const statement = "          - {Sid: S, Effect: Allow, Action: ['s3:*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'ec2:Describe*'], Resource: '*'}\n";
  const doc = managed(statement.repeat(20_000));
  const started = process.hrtime.bigint();
  const result = realAnalyzer().lint('template.yaml', doc, {});
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const sids = result.findings.filter((f) => f.rule === 'cfn-iam-sid');
  // Statements past the cap (5,000) are not checked: the repeated Sid is reported up to there.
  assert.equal(sids.length, 4_999);
  assert.ok(ms < 20_000, `took ${ms} ms`);
});

void test('wildcard matching is linear-ish and exact', () => {
  assert.equal(wildcardMatch('get*', 'getobject'), true);
  assert.equal(wildcardMatch('?etobject', 'getobject'), true);
  assert.equal(wildcardMatch('*object*', 'getobjectacl'), true);
  assert.equal(wildcardMatch('get*x', 'getobject'), false);
  assert.equal(wildcardMatch('', ''), true);
  const pattern = `${'*a'.repeat(500)}b`;
  const started = Date.now();
  assert.equal(wildcardMatch(pattern, 'a'.repeat(2000)), false);
  assert.ok(Date.now() - started < 2_000);
  assert.equal(restoreCase('GetObjct', 'getobject'), 'GetObject');
});

void test('quick fixes replace the misspelt token, keeping its quotes', () => {
  const doc = "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        \"Statemnt\": []\n  Other:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: lamda:InvokeFunction\n            Resource: '*'\n";
  const [structure] = findingsOf('cfn-iam-policy-structure', doc);
  assert.deepEqual(structure?.fixes?.[0]?.edits.map((e) => e.newText), ['"Statement"']);
  const [action] = findingsOf('cfn-iam-action', doc);
  assert.deepEqual(action?.fixes?.[0]?.edits.map((e) => [doc.slice(e.span.start, e.span.end), e.newText]), [['lamda:InvokeFunction', 'lambda:InvokeFunction']]);
  // Inside a JSON template's escaped string the token is not as written: no fix, the finding stays.
  const json = '{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": "{\\"Statemnt\\": []}"}}}}';
  const [escaped] = findingsOf('cfn-iam-policy-structure', json, 'template.json');
  assert.ok(escaped);
  assert.equal(escaped.fixes, undefined);
});

void test('a JSON policy string over 100,000 characters is not parsed', () => {
  const big = `{"Statement": [${'{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},'.repeat(2000)}{"Effect": "Maybe"}]}`;
  const doc = `Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: '${big}'\n`;
  assert.ok(big.length > 100_000);
  assert.deepEqual(findingsOf('cfn-iam-policy-structure', doc), []);
});
