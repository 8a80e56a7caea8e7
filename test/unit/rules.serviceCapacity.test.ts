// cfn-autoscaling-size (src/engine/services/autoScalingSizes.ts) and cfn-lambda-environment
// (src/engine/services/lambdaEnvironment.ts): literal values EC2 Auto Scaling and Lambda reject at
// deploy time. cfn-lint's E3706, E3663 and E3697 check the same.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, findingsOf, type RuleCase } from '../support/lintHelpers';

const group = (body: string): string => `Resources:\n  Web:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      AvailabilityZones: [us-east-1a]\n      LaunchConfigurationName: lc\n${body}`;
const fn = (variables: string, type = 'AWS::Lambda::Function'): string =>
  `Resources:\n  Fn:\n    Type: ${type}\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n      Environment:\n        Variables:\n${variables}`;

const sizeCases: RuleCase[] = [
  { name: 'MaxSize below MinSize', doc: group('      MinSize: "3"\n      MaxSize: «"1"»\n'), messages: ['MaxSize 1 of Web is below its MinSize 3: EC2 Auto Scaling rejects the group.'] },
  { name: 'DesiredCapacity above MaxSize', doc: group('      MinSize: 1\n      MaxSize: 3\n      DesiredCapacity: «5»\n'), messages: ['DesiredCapacity 5 of Web is above its MaxSize 3'] },
  { name: 'DesiredCapacity below MinSize', doc: group('      MinSize: 2\n      MaxSize: 4\n      DesiredCapacity: «1»\n'), messages: ['Use a DesiredCapacity from 2 to 4.'] },
  { name: 'valid: equal sizes, desired inside', doc: group('      MinSize: 2\n      MaxSize: 2\n      DesiredCapacity: 2\n') },
  { name: 'not judged: sizes from parameters', doc: `Parameters:\n  Max:\n    Type: Number\n${group('      MinSize: 3\n      MaxSize: !Ref Max\n      DesiredCapacity: 10\n')}` },
];

const environmentCases: RuleCase[] = [
  { name: 'a reserved name', doc: fn('          «AWS_REGION»: us-east-1\n          TABLE: orders\n'), messages: ['AWS_REGION is an environment variable Lambda sets itself (Fn): Lambda refuses it. Use another name.'] },
  { name: 'reserved names in a SAM function too', doc: `Transform: AWS::Serverless-2016-10-31\n${fn('          «_HANDLER»: x\n          «AWS_ACCESS_KEY_ID»: y\n', 'AWS::Serverless::Function')}` },
  { name: 'valid: names that only look reserved', doc: fn('          AWS_REGION_NAME: x\n          MY_AWS_REGION: y\n          aws_region: z\n') },
];

void describe('cfn-autoscaling-size', () => {
  for (const testCase of sizeCases) void test(testCase.name, () => assertRuleCase('cfn-autoscaling-size', testCase));
});

void describe('cfn-lambda-environment', () => {
  for (const testCase of environmentCases) void test(testCase.name, () => assertRuleCase('cfn-lambda-environment', testCase));

  void test('over 4 KB of names and literal values: one finding on Variables, counted in UTF-8 bytes', () => {
    const at = (text: string): string[] => findingsOf('cfn-lambda-environment', fn(text)).map((finding) => finding.message);
    assert.deepEqual(at(`          BIG: ${'x'.repeat(4093)}\n`), [], 'exactly 4,096 bytes is allowed');
    assert.deepEqual(at(`          BIG: ${'x'.repeat(4094)}\n`), [
      'The environment variables of Fn take 4,097 bytes (names and literal values), over the 4,096 bytes Lambda allows for all of them: the deployment fails. Move large values to SSM Parameter Store or Secrets Manager.',
    ]);
    // 1,400 characters, 4,200 bytes: Lambda counts bytes.
    assert.equal(at(`          EURO: ${'€'.repeat(1400)}\n`).length, 1);
    // A value from an intrinsic is not known: it counts as empty.
    assert.deepEqual(at(`          BIG: !Sub '${'x'.repeat(5000)}'\n`), []);
  });
});
