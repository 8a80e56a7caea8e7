import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';
import { LAMBDA_RUNTIMES } from '../../src/engine/data/lambdaRuntimes';
import { successorOf } from '../../src/engine/rules/lambdaRuntimeRules';

const fn = (runtime: string): string => `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n      Runtime: ${runtime}\n`;
const sam = (globals: string, runtime?: string): string =>
  `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: ${globals}\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: .\n      Handler: a.b\n${runtime ? `      Runtime: ${runtime}\n` : ''}`;
const json = (runtime: string): string => `{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": ${runtime}}}}}`;
const on = (day: string): { today: Date } => ({ today: new Date(`${day}T12:00:00Z`) });

const errors: RuleCase[] = [
  { name: 'current runtime', doc: fn('python3.13'), options: on('2026-11-22') },
  { name: 'undated runtime', doc: fn('dotnet10'), options: on('2026-11-22') },
  { name: 'unknown runtime with suggestion', doc: fn('«pyhton3.13»'), options: on('2026-11-22'), messages: ["Unknown Lambda runtime 'pyhton3.13'. Did you mean 'python3.13'"] },
  { name: 'wrong case', doc: fn('«Python3.12»'), options: on('2026-11-22'), messages: ["'python3.12'"] },
  { name: 'missing .x', doc: fn('«nodejs22»'), options: on('2026-11-22'), messages: ["'nodejs22.x'"] },
  { name: 'a bare family suggests its newest usable runtime, never a blocked one', doc: fn('«python3»'), options: on('2026-11-22'), messages: [/^Unknown Lambda runtime 'python3'\. Did you mean 'python3\.14'\?$/] },
  { name: 'no blocked runtime is offered for a near miss of one', doc: fn('«python3.5»'), options: on('2026-11-22'), messages: [/^(?!.*python3\.6)/] },
  { name: 'unknown without suggestion lists current runtimes', doc: fn('«cobol»'), options: on('2026-11-22'), messages: [/Current runtimes include .*nodejs24\.x.*python3\.14/] },
  { name: 'deprecated but still updatable is not an error', doc: fn('nodejs20.x'), options: on('2026-06-30') },
  {
    name: 'updates blocked',
    doc: fn('«nodejs20.x»'),
    options: on('2026-07-01'),
    messages: ["Lambda runtime 'nodejs20.x' is deprecated since 2026-04-30; Lambda has blocked creating functions with it since 2026-06-01 and updating them since 2026-07-01: deploying this function fails. Move to nodejs24.x."],
  },
  { name: 'go1.x moves to an OS-only runtime', doc: fn('«go1.x»'), options: on('2026-11-22'), messages: ['Move to provided.al2023.'] },
  { name: 'intrinsic runtime is not checked', doc: fn('!Ref Runtime'), options: on('2026-11-22') },
  { name: 'SAM function and Globals', doc: sam('«nodejs16.x»', '«python3.7»'), options: on('2026-11-22'), messages: ["'nodejs16.x'", "'python3.7'"] },
  { name: 'SAM Globals typo', doc: sam('«nodejs24»'), options: on('2026-11-22'), messages: ["'nodejs24.x'"] },
  { name: 'JSON', file: 't.json', doc: json('«"java8"»'), options: on('2026-11-22'), messages: ['Move to java25.'] },
  { name: 'JSON unknown', file: 't.json', doc: json('«"java9"»'), options: on('2026-11-22') },
];

const warnings: RuleCase[] = [
  { name: 'far from deprecation', doc: fn('nodejs20.x'), options: on('2026-01-29') },
  { name: 'undated runtime', doc: fn('ruby4.0'), options: on('2026-11-22') },
  { name: 'within the notice period', doc: fn('«nodejs20.x»'), options: on('2026-03-01'), messages: ["Lambda runtime 'nodejs20.x' will be deprecated on 2026-04-30 (in 60 days). Move to nodejs24.x."] },
  { name: 'notice period starts 90 days before', doc: fn('«nodejs20.x»'), options: on('2026-01-30'), messages: ['(in 90 days)'] },
  { name: 'one day before', doc: fn('«python3.9»'), options: on('2025-12-14'), messages: ['(in 1 day)'] },
  {
    name: 'deprecated, creation not yet blocked',
    doc: fn('«nodejs20.x»'),
    options: on('2026-05-15'),
    messages: ["Lambda runtime 'nodejs20.x' is deprecated since 2026-04-30: creating functions with it will be blocked from 2026-06-01, updating them from 2026-07-01. Move to nodejs24.x."],
  },
  { name: 'deprecated, creation blocked', doc: fn('«python3.11»'), options: on('2026-08-01'), messages: ['creating functions with it has been blocked since 2026-07-31, updating them from 2026-08-31. Move to python3.14.'] },
  { name: 'past the update block the error rule speaks', doc: fn('nodejs16.x'), options: on('2026-11-22') },
  { name: 'unknown runtimes are the error rule', doc: fn('nodejs99.x'), options: on('2026-11-22') },
  { name: 'SAM Globals and function', doc: sam('«dotnet8»', 'nodejs22.x'), options: on('2026-11-22'), messages: [/'dotnet8' is deprecated since 2026-11-10.*Move to dotnet10\./] },
  { name: 'SAM function', doc: sam('nodejs24.x', '«ruby3.3»'), options: on('2027-01-01'), messages: ["'ruby3.3' will be deprecated on 2027-03-31 (in 89 days). Move to ruby4.0."] },
  { name: 'JSON', file: 't.json', doc: json('«"python3.12"»'), options: on('2028-10-01'), messages: ['in 30 days'] },
];

void describe('lambda runtime rules', () => {
  void describe('cfn-lambda-runtime', () => {
    for (const testCase of errors) void test(testCase.name, () => assertRuleCase('cfn-lambda-runtime', testCase));
  });
  void describe('cfn-lambda-runtime-deprecated', () => {
    for (const testCase of warnings) void test(testCase.name, () => assertRuleCase('cfn-lambda-runtime-deprecated', testCase));
  });
  void test('the table is consistent', () => {
    const ids = new Set<string>();
    for (const runtime of LAMBDA_RUNTIMES) {
      assert.ok(!ids.has(runtime.id), `duplicate ${runtime.id}`);
      ids.add(runtime.id);
      for (const day of [runtime.deprecated, runtime.blockCreate, runtime.blockUpdate]) if (day !== undefined) assert.match(day, /^\d{4}-\d{2}-\d{2}$/, runtime.id);
      if (runtime.blockCreate && runtime.blockUpdate) assert.ok(runtime.blockCreate <= runtime.blockUpdate, `${runtime.id}: create block after update block`);
    }
  });
  void test('successors are the newest supported runtime of the family', () => {
    const byId = new Map(LAMBDA_RUNTIMES.map((runtime) => [runtime.id, runtime]));
    assert.equal(successorOf(byId.get('nodejs18.x')!, '2026-11-22'), 'nodejs24.x');
    assert.equal(successorOf(byId.get('provided')!, '2026-11-22'), 'provided.al2023');
    assert.equal(successorOf(byId.get('python3.8')!, '2024-11-01'), 'python3.14');
    assert.equal(successorOf(byId.get('python3.13')!, '2029-07-01'), undefined);
  });
});
