// cfn-ebs-volume-limits on marked templates: each finding at its exact span, and the volumes it must
// leave alone (limits met, intrinsics, no literal VolumeType, conditional properties).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, findingsOf, type RuleCase } from '../support/lintHelpers';
import { EBS_VOLUME_LIMITS } from '../../src/engine/services/ebsVolumes';

const RULE = 'cfn-ebs-volume-limits';
const volume = (body: string): string => `Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n${body}`;
const instance = (ebs: string): string => `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n${ebs}`;

const cases: RuleCase[] = [
  {
    name: 'io1 Iops under the minimum (the broken-set template)',
    doc: volume('      Size: 100\n      VolumeType: io1\n      Iops: «10»\n'),
    messages: ['Iops 10 of Data is outside the range EC2 accepts for io1 volumes (100-64,000)'],
  },
  { name: 'io2 Iops over the maximum, given as a string', doc: volume('      Size: 1000\n      VolumeType: io2\n      Iops: «"300000"»\n'), messages: ['(100-256,000)'] },
  { name: 'gp3 Iops under its baseline', doc: volume('      Size: 100\n      VolumeType: gp3\n      Iops: «1000»\n'), messages: ['for gp3 volumes (3,000-80,000)'] },
  { name: 'io1 without Iops: on the VolumeType value', doc: volume('      Size: 100\n      VolumeType: «io1»\n'), messages: ['without Iops: EC2 requires the provisioned IOPS'] },
  { name: 'Iops on gp2, st1 (key spans)', doc: volume('      Size: 500\n      VolumeType: st1\n      «Iops»: 100\n'), messages: ['Iops is not supported for st1 volumes (Data)'] },
  { name: 'Throughput on io1, and over the gp3 range', doc: volume('      Size: 100\n      VolumeType: io1\n      Iops: 1000\n      «Throughput»: 500\n'), messages: ['Throughput is supported for gp3 volumes only'] },
  { name: 'gp3 Throughput over 2,000 MiB/s', doc: volume('      Size: 100\n      VolumeType: gp3\n      Throughput: «4000»\n'), messages: ['Throughput 4,000 MiB/s of Data is outside the range EC2 accepts for gp3 volumes (125-2,000 MiB/s)'] },
  { name: 'sizes per type: st1 under 125 GiB, standard over 1 TiB', doc: `${volume('      VolumeType: sc1\n      Size: «100»\n')}  Old:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: standard, Size: «2048»}\n`, messages: ['Size 100 GiB of Data is outside the range EC2 accepts for sc1 volumes (125-16,384 GiB)', '(1-1,024 GiB)'] },
  { name: 'Multi-Attach on gp3', doc: volume('      Size: 100\n      VolumeType: gp3\n      MultiAttachEnabled: «true»\n'), messages: ['Multi-Attach is supported with io1 and io2 volumes only'] },
  { name: 'the type is compared case-insensitively', doc: volume('      Size: 100\n      VolumeType: IO1\n      Iops: «50»\n') },
  {
    name: 'valid volumes of every kind',
    doc: `${volume('      Size: 100\n      VolumeType: io1\n      Iops: 5000\n      MultiAttachEnabled: true\n')}  B:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: gp3, Size: 20000, Iops: 80000, Throughput: 2000}\n  C:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: gp2, Size: 1}\n  D:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: io2, Size: 65536, Iops: 256000}\n`,
  },
  {
    name: 'not judged: no literal VolumeType, Ref values, Iops from Fn::If, an unknown type',
    doc: `Parameters:\n  Iops: {Type: Number}\n  Kind: {Type: String}\nConditions:\n  Fast: !Equals [!Ref Kind, io1]\nResources:\n  A:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, Size: 10, Iops: 10}\n  B:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: io1, Size: 100, Iops: !Ref Iops}\n  C:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: gp2, Size: 100, Iops: !If [Fast, 1000, !Ref AWS::NoValue]}\n  D:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: !Ref Kind, Size: 1, Iops: 1}\n  E:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: magnetic, Size: 100, Iops: 1}\n`,
  },
  // Block-device mappings: Iops required and its range per type come from cfn-lint's E3671 data
  // (the constraint rules); this rule adds sizes, Throughput and Iops ignored on gp2 (a warning).
  { name: 'mapping: Iops on gp2 is ignored (key span)', doc: instance('            VolumeType: gp2\n            VolumeSize: 8\n            «Iops»: 3000\n'), messages: ['Iops is ignored for gp2 volumes (Web.BlockDeviceMappings[0].Ebs)'] },
  { name: 'mapping: VolumeSize of io2 under 4 GiB', doc: instance('            VolumeType: io2\n            Iops: 1000\n            VolumeSize: «2»\n'), messages: ['VolumeSize 2 GiB of Web.BlockDeviceMappings[0].Ebs'] },
  { name: 'mapping: io1 Iops under 100 is left to the constraint rules', doc: instance('            VolumeType: io1\n            Iops: 10\n            VolumeSize: 100\n') },
  {
    name: 'spot fleet launch specifications',
    doc: 'Resources:\n  Fleet:\n    Type: AWS::EC2::SpotFleet\n    Properties:\n      SpotFleetRequestConfigData:\n        IamFleetRole: arn:aws:iam::123456789012:role/fleet\n        TargetCapacity: 1\n        LaunchSpecifications:\n          - ImageId: ami-12345678\n            BlockDeviceMappings:\n              - DeviceName: /dev/xvda\n                Ebs: {VolumeType: standard, «Iops»: 100}\n',
    messages: ['Iops is ignored for standard volumes (Fleet.LaunchSpecifications[0].BlockDeviceMappings[0].Ebs)'],
  },
  {
    name: 'launch template and launch configuration mappings',
    doc: 'Resources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs: {VolumeType: st1, VolumeSize: 500, «Throughput»: 250}\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs: {VolumeType: gp3, VolumeSize: 30, Throughput: «100»}\n',
    messages: ['Throughput is supported for gp3 volumes only (Lt.LaunchTemplateData.BlockDeviceMappings[0].Ebs is st1)', 'Throughput 100 MiB/s of Lc.BlockDeviceMappings[0].Ebs'],
  },
];

void describe(RULE, () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase(RULE, testCase));

  void test('the Iops-ignored finding on a mapping (first) is a warning; on a volume an error', () => {
    const doc = `${instance('            VolumeType: sc1\n            VolumeSize: 500\n            Iops: 100\n')}  V:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, VolumeType: sc1, Size: 500, Iops: 100}\n`;
    assert.deepEqual(findingsOf(RULE, doc).map((f) => f.severity), ['warning', 'error']);
  });

  void test("mappings: gp3 takes up to 80,000 IOPS in the constraint data too (cfn-lint's E3671 data says 16,000)", () => {
    const gp3 = (iops: number): string => instance(`            VolumeType: gp3\n            VolumeSize: 100\n            Iops: ${iops}\n`);
    assert.deepEqual(findingsOf('cfn-value-range', gp3(20000)), []);
    assert.match(findingsOf('cfn-value-range', gp3(90000))[0]?.message ?? '', /above the maximum 80000/);
  });

  void test('every volume type of the schema enum has limits', () => {
    assert.deepEqual([...EBS_VOLUME_LIMITS.keys()].sort(), ['gp2', 'gp3', 'io1', 'io2', 'sc1', 'st1', 'standard']);
  });
});
