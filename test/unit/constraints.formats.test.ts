import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCompiledConstraints } from '../../src/engine/constraints/compiledConstraints';
import type { ConstraintIndex, ConstraintNode, ConstraintShard, FormatNames } from '../../src/engine/constraints/constraintTypes';
import { formatInfo } from '../../src/engine/formats/formatCatalog';
import { literalFormatProblem } from '../../src/engine/formats/formatCheck';
import { parameterFormat } from '../../src/engine/formats/referenceFormats';
// @ts-expect-error: a plain .mjs build script without types.
import { formatFromPattern as inferFormat } from '../../scripts/buildConstraints.mjs';

// The format part of the compiled constraint data (data/constraints/) and the format scanners.
const dataDir = path.resolve(__dirname, '..', '..', 'data', 'constraints');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
const index = readJson('index.json') as ConstraintIndex;
const source = createCompiledConstraints(index, (shard) => readJson(`${shard}.json`));

const names = (formats: FormatNames | 0 | undefined): string[] => (formats === undefined || formats === 0 ? [] : typeof formats === 'string' ? [formats] : [...formats]);

void test('every format in the data is one the engine can name', () => {
  const unknown = new Set<string>();
  let count = 0;
  const visit = (node: ConstraintNode | undefined): void => {
    if (!node) return;
    for (const format of names(node.f)) {
      count++;
      if (!formatInfo(format)) unknown.add(format);
    }
    for (const child of [node.i, node.v, ...Object.values(node.o ?? {})]) visit(child);
  };
  for (const shard of Object.keys(index.shards)) {
    for (const resource of Object.values((readJson(`${shard}.json`) as ConstraintShard).types)) {
      visit(resource.r);
      for (const definition of Object.values(resource.d ?? {})) visit(definition);
      for (const format of [...names(resource.rf), ...Object.values(resource.ga ?? {}).flatMap(names)]) if (!formatInfo(format)) unknown.add(format);
    }
  }
  assert.ok(count > 2000, `${count} formats`);
  assert.deepEqual([...unknown], []);
});

void test('every type with a schema is in the data, with what Ref and GetAtt return', () => {
  assert.equal(Object.values(index.shards).flat().length, 1584);
  assert.deepEqual(source.resource('AWS::EC2::SecurityGroup')?.rf, ['AWS::EC2::SecurityGroup.Id', 'AWS::EC2::SecurityGroup.Name']);
  assert.equal(source.resource('AWS::EC2::SecurityGroup')?.ga?.['GroupId'], 'AWS::EC2::SecurityGroup.Id');
  assert.equal(source.resource('AWS::EC2::VPC')?.rf, 'AWS::EC2::VPC.Id');
  assert.equal(source.resource('AWS::KMS::Key')?.rf, 'AWS::KMS::Key.Id');
  assert.equal(source.resource('AWS::IAM::Role')?.rf, undefined, 'Ref of a role is its name: no format');
  assert.equal(source.resource('AWS::IAM::Role')?.ga?.['Arn'], 'AWS::IAM::Role.Arn');
  assert.equal(source.resource('AWS::IAM::Role')?.ga?.['RoleId'], 0);
  assert.equal(source.resource('AWS::WAFv2::WebACL')?.ga?.['Id'], 0);
});

void test('role-ARN formats are inferred from patterns that take role ARNs only', () => {
  const formatFromPattern = inferFormat as (pattern: string) => string | undefined;
  assert.equal(source.resource('AWS::Lambda::Function')?.r.o?.['Role']?.f, 'AWS::IAM::Role.Arn');
  assert.equal(formatFromPattern('^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$'), 'AWS::IAM::Role.Arn');
  assert.equal(formatFromPattern('^(arn:(aws|aws-cn):iam::[0-9]{12}:role/.*|)$'), undefined, 'also accepts the empty string');
  assert.equal(formatFromPattern('arn:(aws|aws-cn|aws-us-gov):iam::[0-9]*:(role|user|group)\\/.*'), undefined, 'also accepts users and groups');
  assert.equal(formatFromPattern('^(?:arn:aws(?:-[a-z]+)*:iam::[0-9]{12}:role/)?[a-zA-Z_0-9+=,.@\\-_/]+$'), undefined, 'also accepts a bare role name');
});

void test('corrections and ARN-named properties', () => {
  const launchTemplate = source.resource('AWS::EC2::LaunchTemplate');
  assert.deepEqual(launchTemplate?.d?.['LaunchTemplateData']?.o?.['SecurityGroups']?.i?.f, ['AWS::EC2::SecurityGroup.Id', 'AWS::EC2::SecurityGroup.Name']);
  assert.equal(source.resource('AWS::WAFv2::WebACLAssociation')?.r.o?.['WebACLArn']?.f, 'arn');
  // The function's VpcConfig.SubnetIds has no format in the schema; the generator gives its items one.
  assert.equal(source.resource('AWS::Lambda::Function')?.d?.['VpcConfig']?.o?.['SubnetIds']?.i?.f, 'AWS::EC2::Subnet.Id');
  // Block-device mappings: gp3 takes up to 80,000 IOPS (cfn-lint's E3671 data says 16,000).
  const gp3 = source.resource('AWS::EC2::Instance')?.d?.['Ebs']?.c?.find((conditional) => conditional.w === 'VolumeType' && conditional.e.includes('gp3'));
  assert.equal(gp3?.o?.['Iops']?.x, 80000);
});

void test('format scanners: accepted and refused values', () => {
  const accepted: [string, FormatNames][] = [
    ['vpc-0123456789abcdef0', 'AWS::EC2::VPC.Id'],
    ['vpc-0A1B2C3D', 'AWS::EC2::VPC.Id'],
    ['2001:db8::/32', 'ipv6-network'],
    ['::ffff:10.0.0.1/128', 'ipv6-network'],
    ['1:2:3:4:5:6:7:8/64', 'ipv6-network'],
    ['0.0.0.0/0', 'ipv4-network'],
    ['10.0.0.1', 'ipv4-network'],
    ['arn:aws-iso-b:sns:us-isob-east-1:123456789012:t', 'AWS::SNS::Topic.Arn'],
    ['arn:aws:lambda:us-east-1:123456789012:function:f:live', 'AWS::Lambda::Function.Arn'],
    ['arn:aws:acm:us-east-1:123456789012:certificate/abc', 'AWS::ACM::Certificate.Arn'],
    ['alias/aws/ebs', 'AWS::KMS::Key.Id'],
    ['sg name (web) #1', 'AWS::EC2::SecurityGroup.Name'],
    ['anything', 'AWS::EC2::Instance.Id'],
  ];
  for (const [value, format] of accepted) assert.equal(literalFormatProblem(value, format), undefined, `${value} as ${String(format)}`);
  const refused: [string, FormatNames, RegExp][] = [
    ['1234ABCD-12AB-34CD-56EF-1234567890AB', 'AWS::KMS::Key.Id', /a key id is a UUID/],
    ['2001:db8:::/32', 'ipv6-network', /IPv6 CIDR/],
    ['1:2:3:4:5:6:7:8:9/64', 'ipv6-network', /IPv6 CIDR/],
    ['256.0.0.0/8', 'ipv4-network', /four numbers from 0 to 255/],
    ['10.0.0.0/', 'ipv4-network', /prefix length/],
    ['arn:aws:lambda:us-east-1:123456789012:layer:l', 'AWS::Lambda::Function.Arn', /function:<name>/],
    ['arn:aws:sns::123456789012:t', 'AWS::SNS::Topic.Arn', /region '' is not a region name/],
    ['arn:aws1:sns:us-east-1:123456789012:t', 'AWS::SNS::Topic.Arn', /partition 'aws1'/],
    ['-bucket', 'AWS::S3::Bucket.Name', /starts and ends/],
    ['Bucket', 'AWS::S3::Bucket.Name', /lowercase/],
    ['a'.repeat(141), 'AWS::Lambda::Function.Name', /1 to 140/],
    ['sg~1', 'AWS::EC2::SecurityGroup.Name', /security group name/],
    ['arn:aws:iam::123456789012:role/a\nb', 'AWS::IAM::Role.Arn', /on one line/],
  ];
  for (const [value, format, message] of refused) assert.match(literalFormatProblem(value, format) ?? '(accepted)', message, `${value} as ${String(format)}`);
});

void test('parameter types and their formats', () => {
  assert.equal(parameterFormat('AWS::EC2::VPC::Id'), 'AWS::EC2::VPC.Id');
  assert.equal(parameterFormat('List<AWS::EC2::Subnet::Id>'), 'AWS::EC2::Subnet.Ids');
  assert.equal(parameterFormat('AWS::SSM::Parameter::Value<List<AWS::EC2::SecurityGroup::Id>>'), 'AWS::EC2::SecurityGroup.Ids');
  for (const plain of ['String', 'Number', 'CommaDelimitedList', 'List<Number>', 'AWS::SSM::Parameter::Value<String>', 'AWS::SSM::Parameter::Name', '__proto__']) assert.equal(parameterFormat(plain), undefined, plain);
});
