import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, findingsOf } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

// Value and combination constraints of the resource provider schemas (data/constraints/).
const res = (type: string, props: string): string => `Resources:\n  R:\n    Type: ${type}\n    Properties:\n${props}`;
const volume = (props: string): string => res('AWS::EC2::Volume', `      AvailabilityZone: us-east-1a\n      Size: 10\n${props}`);
const ingress = (rule: string): string => res('AWS::EC2::SecurityGroup', `      GroupDescription: web\n      VpcId: vpc-1\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 80\n          ToPort: 80\n${rule}`);
const ebs = (props: string): string => res('AWS::EC2::Instance', `      ImageId: ami-1\n      BlockDeviceMappings:\n        - DeviceName: /dev/sda1\n          Ebs:\n${props}`);
const fn = (props: string): string => res('AWS::Lambda::Function', `      Role: r\n      Code: {ZipFile: x}\n${props}`);

const table: Record<string, RuleCase[]> = {
  'cfn-value-enum': [
    { name: 'allowed value', doc: volume('      VolumeType: gp3\n') },
    { name: 'case-insensitive enum (cfn-lint patch)', doc: volume('      VolumeType: GP3\n') },
    { name: 'EBS magnetic', doc: volume('      VolumeType: «magnetic»\n'), messages: ["VolumeType 'magnetic' is not one of gp2, gp3, io1, io2, sc1, st1, standard."] },
    { name: 'near miss gets a did-you-mean', doc: volume('      VolumeType: «gp4»\n'), messages: [/Did you mean 'gp\d'/] },
    { name: 'Fn::If branches are checked', doc: volume('      VolumeType: !If [C, gp3, «gp9»]\n') },
    { name: 'Ref and Sub are not checked', doc: volume('      VolumeType: !Ref T\n      Encrypted: true\n') + '  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: a\n      Size: 1\n      VolumeType: !Sub "${T}"\n' },
    { name: 'numeric enum: number and numeric string', doc: res('AWS::Logs::LogGroup', '      RetentionInDays: 7\n') + '  L:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: "14"\n' },
    { name: 'numeric enum without a silly did-you-mean', doc: res('AWS::Logs::LogGroup', '      RetentionInDays: «8»\n'), messages: [/^RetentionInDays '8' is not one of 1, 3, 5, .*\(22 values\)\.$/] },
    { name: 'list items', doc: fn('      Architectures: [«x86-64»]\n'), messages: ["Architectures[0] 'x86-64' is not one of x86_64, arm64. Did you mean 'x86_64'?"] },
    { name: 'JSON keeps the quoted span', file: 't.json', doc: '{"Resources": {"V": {"Type": "AWS::EC2::Volume", "Properties": {"AvailabilityZone": "a", "Size": 1, "VolumeType": «"magnetic"»}}}}' },
    { name: 'Lambda Runtime is left to cfn-lambda-runtime', doc: fn('      Runtime: python3\n') },
    { name: 'nested definition (SNS LoggingConfig)', doc: res('AWS::SNS::Topic', '      DeliveryStatusLogging:\n        - Protocol: «s3»\n') },
  ],
  'cfn-value-pattern': [
    { name: 'matching', doc: res('AWS::Logs::LogGroup', '      LogGroupName: /aws/lambda/GetFromJson\n') },
    { name: 'not matching', doc: fn('      Handler: «index handler»\n'), messages: ["Handler 'index handler' does not match the pattern ^[^\\s]+$"] },
    { name: 'a value of a format is reported by cfn-value-format instead', doc: res('AWS::Logs::LogGroup', '      LogGroupName: my log group\n') },
    { name: 'Python \\p{Print} translated', doc: res('AWS::ApplicationAutoScaling::ScalingPolicy', '      PolicyName: AStepPolicy\n      PolicyType: StepScaling\n      ScalingTargetId: t\n') },
    { name: 'too long for the pattern: only the length is reported', doc: res('AWS::Logs::LogGroup', `      LogGroupName: ${'a'.repeat(600)}\n`) },
  ],
  'cfn-value-length': [
    { name: 'within', doc: res('AWS::Lambda::Function', '      Role: r\n      Code: {ZipFile: x}\n      FunctionName: f\n') },
    { name: 'too long', doc: res('AWS::EC2::SecurityGroup', `      GroupDescription: «${'d'.repeat(256)}»\n`), messages: ['GroupDescription is 256 characters long; the maximum is 255.'] },
    { name: 'too short', doc: fn('      FunctionName: «""»\n'), messages: ["FunctionName '' is 0 characters long; the minimum is 1."] },
    { name: 'characters, not UTF-16 units', doc: res('AWS::EC2::SecurityGroup', `      GroupDescription: ${'😀'.repeat(255)}\n`) },
  ],
  'cfn-value-range': [
    { name: 'within', doc: res('AWS::SQS::Queue', '      DelaySeconds: 900\n') },
    { name: 'above the maximum', doc: res('AWS::SQS::Queue', '      DelaySeconds: «1000»\n'), messages: ['DelaySeconds 1000 is above the maximum 900 (allowed: 0 to 900).'] },
    { name: 'numeric string', doc: res('AWS::SQS::Queue', '      DelaySeconds: «"-1"»\n'), messages: ['below the minimum 0'] },
    { name: 'in a list item', doc: ingress('          CidrIp: 0.0.0.0/0\n') + '        - IpProtocol: icmp\n          FromPort: «-2»\n          ToPort: -1\n          CidrIp: 0.0.0.0/0\n', messages: ['SecurityGroupIngress[1].FromPort -2 is below the minimum -1.'] },
    { name: 'not a number: left to cfn-value-type', doc: res('AWS::SQS::Queue', '      DelaySeconds: abc\n') },
    { name: 'EBS Iops under the minimum for io1 (cfn-lint extension schema)', doc: ebs('            VolumeType: io1\n            Iops: «10»\n'), messages: ["Iops 10 is below the minimum 100 (allowed: 100 to 64000) when VolumeType is 'io1'."] },
    { name: 'gp3 Iops within its own range', doc: ebs('            VolumeType: gp3\n            Iops: 3000\n') },
    { name: 'a VolumeType from a parameter applies no condition', doc: ebs('            VolumeType: !Ref T\n            Iops: 10\n') },
  ],
  'cfn-array-size': [
    { name: 'one architecture', doc: fn('      Architectures: [arm64]\n') },
    { name: 'empty list under minItems', doc: fn('      Architectures: «[]»\n'), messages: ['Architectures has 0 items; it needs at least 1.'] },
    { name: 'over maxItems and not unique', doc: fn('      Architectures: [arm64, «x86_64», «arm64»]\n'), messages: ['Architectures has 3 items; at most 1 is allowed.', "Architectures lists 'arm64' more than once"] },
    { name: 'Fn::If items make the count unknown', doc: fn('      Architectures: [arm64, !If [C, x86_64, !Ref AWS::NoValue]]\n') },
  ],
  'cfn-property-exclusive': [
    { name: 'one source', doc: ingress('          CidrIp: 0.0.0.0/0\n') },
    { name: 'CidrIp and SourceSecurityGroupId', doc: ingress('          CidrIp: 0.0.0.0/0\n          «SourceSecurityGroupId»: sg-1\n'), messages: ["'SourceSecurityGroupId' cannot be used together with 'CidrIp'"] },
    { name: 'standalone ingress resource', doc: res('AWS::EC2::SecurityGroupIngress', '      GroupId: sg-1\n      IpProtocol: tcp\n      CidrIpv6: ::/0\n      «CidrIp»: 0.0.0.0/0\n'), messages: ["'CidrIp' cannot be used together with 'CidrIpv6'"] },
    { name: 'a conditional property may be absent', doc: ingress('          CidrIp: !If [C, 0.0.0.0/0, !Ref AWS::NoValue]\n          SourceSecurityGroupId: !If [C, !Ref AWS::NoValue, sg-1]\n') },
    {
      name: 'a value that rules a property out (DynamoDB PAY_PER_REQUEST takes no ProvisionedThroughput)',
      doc: res('AWS::DynamoDB::Table', '      BillingMode: PAY_PER_REQUEST\n      «ProvisionedThroughput»: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}\n      KeySchema: [{AttributeName: id, KeyType: HASH}]\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n'),
      messages: ["'ProvisionedThroughput' cannot be used when BillingMode is 'PAY_PER_REQUEST': remove it, or change BillingMode."],
    },
    { name: 'PROVISIONED takes it; a BillingMode from a parameter is not judged', doc: res('AWS::DynamoDB::Table', '      BillingMode: !Ref Mode\n      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}\n      KeySchema: [{AttributeName: id, KeyType: HASH}]\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n') },
    { name: 'dependentExcluded (Instance NetworkInterfaces and SubnetId)', doc: res('AWS::EC2::Instance', '      ImageId: ami-1\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          SubnetId: s\n      «SubnetId»: s\n'), messages: ["'SubnetId' cannot be used together with 'NetworkInterfaces'"] },
  ],
  'cfn-property-dependency': [
    { name: 'egress with a VPC', doc: res('AWS::EC2::SecurityGroup', '      GroupDescription: d\n      VpcId: vpc-1\n      SecurityGroupEgress:\n        - IpProtocol: "-1"\n          CidrIp: 0.0.0.0/0\n') },
    { name: 'io2 needs Iops (conditional)', doc: ebs('            «VolumeType»: io2\n'), messages: ["'Iops' is required when VolumeType is 'io2'."] },
    { name: 'DynamoDB PROVISIONED needs ProvisionedThroughput', doc: res('AWS::DynamoDB::Table', '      «BillingMode»: PROVISIONED\n      KeySchema: [{AttributeName: id, KeyType: HASH}]\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n') },
    { name: 'a CLOUDWATCH_METRIC health check needs its alarm (conditional without required)', doc: res('AWS::Route53::HealthCheck', '      HealthCheckConfig:\n        «Type»: CLOUDWATCH_METRIC\n        InsufficientDataHealthStatus: Unhealthy\n'), messages: ["'AlarmIdentifier' is required when Type is 'CLOUDWATCH_METRIC'."] },
    { name: 'PAY_PER_REQUEST does not', doc: res('AWS::DynamoDB::Table', '      BillingMode: PAY_PER_REQUEST\n      KeySchema: [{AttributeName: id, KeyType: HASH}]\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n') },
    { name: 'egress without VpcId', doc: res('AWS::EC2::SecurityGroup', '      GroupDescription: d\n      «SecurityGroupEgress»:\n        - IpProtocol: "-1"\n          CidrIp: 0.0.0.0/0\n'), messages: ["'SecurityGroupEgress' needs 'VpcId' as well"] },
  ],
  'cfn-property-one-of': [
    { name: 'ingress without any source', doc: ingress('          Description: none\n').replace('        - IpProtocol', '        - «IpProtocol»'), messages: ['AWS::EC2::SecurityGroup.Ingress needs exactly one of'] },
    { name: 'volume without a size, snapshot or source volume', doc: res('AWS::EC2::Volume', '      AvailabilityZone: a\n').replace('    Properties', '    «Properties»'), messages: [/needs at least one of: 'AvailabilityZone' and 'Size'; or/] },
    { name: 'Fn::If keys make the object unknowable', doc: ingress('          Fn::If: [C, {CidrIp: x}, {}]\n') },
  ],
};

void describe('schema constraint rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
  void test('the enum did-you-mean fix replaces the value', () => {
    const [finding] = findingsOf('cfn-value-enum', fn('      Architectures: [x86-64]\n'));
    assert.equal(finding?.fixes?.[0]?.edits[0]?.newText, 'x86_64');
  });
  void test('a hostile value is bounded: a 100 KB string is measured, not pattern-tested', () => {
    const started = performance.now();
    const findings = findingsOf('cfn-value-length', res('AWS::Logs::LogGroup', `      LogGroupName: ${'a'.repeat(100_000)}\n`));
    assert.equal(findings.length, 1);
    assert.ok(performance.now() - started < 2000);
  });
});
