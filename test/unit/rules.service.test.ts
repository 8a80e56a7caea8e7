// The service rules (issue #19, family 6) on marked templates: each finding at its exact span,
// and the templates they must leave alone (intrinsics, conditions, correct values).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, findingsOf, type RuleCase } from '../support/lintHelpers';

const table = (body: string): string => `Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n${body}`;

const dynamoCases: RuleCase[] = [
  {
    name: 'a defined attribute no key uses, a key attribute not defined',
    doc: table('      AttributeDefinitions:\n        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: «status», AttributeType: S}\n      KeySchema:\n        - {AttributeName: pk, KeyType: HASH}\n        - {AttributeName: «sk», KeyType: RANGE}\n'),
    messages: ["Attribute 'status' is defined in AttributeDefinitions of Orders but no key schema or index uses it", "Key attribute 'sk' of Orders is not in AttributeDefinitions"],
  },
  {
    name: 'an index key not defined; a duplicate definition',
    doc: table(
      '      AttributeDefinitions:\n        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: «pk», AttributeType: S}\n      KeySchema:\n        - {AttributeName: pk, KeyType: HASH}\n      GlobalSecondaryIndexes:\n        - IndexName: byEmail\n          KeySchema:\n            - {AttributeName: «email», KeyType: HASH}\n          Projection: {ProjectionType: ALL}\n',
    ),
    messages: ["Attribute 'pk' is defined twice", "Key attribute 'email' of Orders is not in AttributeDefinitions"],
  },
  {
    name: 'keys of the table, a GSI and an LSI all defined',
    doc: table(
      '      AttributeDefinitions:\n        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: sk, AttributeType: S}\n        - {AttributeName: email, AttributeType: S}\n        - {AttributeName: at, AttributeType: N}\n      KeySchema:\n        - {AttributeName: pk, KeyType: HASH}\n        - {AttributeName: sk, KeyType: RANGE}\n      GlobalSecondaryIndexes:\n        - IndexName: byEmail\n          KeySchema: [{AttributeName: email, KeyType: HASH}]\n          Projection: {ProjectionType: ALL}\n      LocalSecondaryIndexes:\n        - IndexName: byTime\n          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]\n          Projection: {ProjectionType: KEYS_ONLY}\n',
    ),
  },
  {
    name: 'indexes from !If are not judged',
    doc: table('      AttributeDefinitions:\n        - {AttributeName: pk, AttributeType: S}\n        - {AttributeName: email, AttributeType: S}\n      KeySchema:\n        - {AttributeName: pk, KeyType: HASH}\n      GlobalSecondaryIndexes: !If [WithIndex, [{IndexName: e, KeySchema: [{AttributeName: email, KeyType: HASH}], Projection: {ProjectionType: ALL}}], !Ref AWS::NoValue]\n'),
  },
  {
    name: 'a GlobalTable is checked too',
    doc: 'Resources:\n  G:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      AttributeDefinitions:\n        - {AttributeName: «id», AttributeType: S}\n      KeySchema:\n        - {AttributeName: «pk», KeyType: HASH}\n      Replicas: [{Region: us-east-1}]\n',
    messages: ["Attribute 'id'", "Key attribute 'pk'"],
  },
];

const bucket = (id: string, name: string, extra = ''): string => `  ${id}:\n    Type: AWS::S3::Bucket\n${extra}    Properties:\n      BucketName: ${name}\n`;

const nameCases: RuleCase[] = [
  {
    name: 'two buckets, two queues, a SAM and a Lambda function with one name',
    doc: `Resources:\n${bucket('A', 'logs')}${bucket('B', '«logs»')}  Q1:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: jobs}\n  Q2:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: «jobs»}\n  F1:\n    Type: AWS::Lambda::Function\n    Properties: {FunctionName: api, Role: r, Code: {ZipFile: x}, Runtime: python3.13, Handler: a.b}\n  F2:\n    Type: AWS::Serverless::Function\n    Properties: {FunctionName: «api», InlineCode: x, Runtime: python3.13, Handler: a.b}\n`,
    messages: ["BucketName 'logs' of B is already the name of A: S3 bucket names are unique", "QueueName 'jobs' of Q2 is already the name of Q1", "FunctionName 'api' of F2 is already the name of F1"],
  },
  {
    name: 'IAM role names differ only by case',
    doc: "Resources:\n  R1:\n    Type: AWS::IAM::Role\n    Properties: {RoleName: Deployer, AssumeRolePolicyDocument: {}}\n  R2:\n    Type: AWS::IAM::Role\n    Properties: {RoleName: «deployer», AssumeRolePolicyDocument: {}}\n",
    messages: ["RoleName 'deployer' of R2 is already the name of R1"],
  },
  {
    name: 'different conditions, different types, !Sub names, hostile names',
    doc: `Conditions:\n  Prod: !Equals [!Ref AWS::Region, us-east-1]\n  Dev: !Not [!Condition Prod]\nResources:\n${bucket('A', 'data', '    Condition: Prod\n')}${bucket('B', 'data', '    Condition: Dev\n')}${bucket('C', "!Sub '${AWS::StackName}-x'")}${bucket('D', "!Sub '${AWS::StackName}-x'")}${bucket('E', '__proto__')}${bucket('F', 'constructor')}  T:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: data}\n`,
  },
  {
    name: 'an unconditional bucket clashes with a conditional one',
    doc: `Conditions:\n  Prod: !Equals [!Ref AWS::Region, us-east-1]\nResources:\n${bucket('A', 'data', '    Condition: Prod\n')}${bucket('B', '«data»')}`,
  },
];

const clashCases: RuleCase[] = [
  {
    name: 'a resource named like a parameter',
    doc: 'Parameters:\n  Bucket:\n    Type: String\n  Env:\n    Type: String\nResources:\n  «Bucket»:\n    Type: AWS::S3::Bucket\n',
    messages: ["Resource 'Bucket' has the logical id of a parameter"],
  },
  { name: 'distinct names', doc: 'Parameters:\n  BucketName:\n    Type: String\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Ref BucketName}\n' },
];

const customCases: RuleCase[] = [
  {
    name: 'Custom:: types without ServiceToken, with no Properties',
    doc: 'Resources:\n  A:\n    Type: «Custom::Seed»\n    Properties:\n      Table: t\n  B:\n    Type: «Custom::Seed»\n  C:\n    Type: Custom::Seed\n    Properties:\n      ServiceToken: !GetAtt Fn.Arn\n  D:\n    Type: Custom::Seed\n    Properties: !If [X, {ServiceToken: a}, {ServiceToken: b}]\n  E:\n    Type: AWS::CloudFormation::CustomResource\n    Properties:\n      ServiceToken: arn:aws:sns:us-east-1:123456789012:t\n',
    messages: ['Custom resource A has no ServiceToken', 'Custom resource B has no ServiceToken'],
  },
  {
    name: 'a placeholder under a condition that never holds is never created',
    doc: "Conditions:\n  HasNot: !Equals ['true', 'false']\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  NullResource:\n    Type: Custom::NullResource\n    Condition: HasNot\n  Seed:\n    Type: «Custom::Seed»\n    Condition: IsProd\n",
  },
];

const TODAY = { today: new Date('2026-06-01T00:00:00Z') };
const retiredCases: RuleCase[] = [
  {
    name: 'shut down, sunset past, sunset ahead, no date; a V2 type is fine',
    doc: 'Resources:\n  A:\n    Type: «AWS::IoTAnalytics::Channel»\n  B:\n    Type: «AWS::Inspector::AssessmentTarget»\n  C:\n    Type: «AWS::AppMesh::Mesh»\n  D:\n    Type: «AWS::WAF::IPSet»\n  E:\n    Type: AWS::GreengrassV2::ComponentVersion\n  F:\n    Type: AWS::WAFv2::IPSet\n',
    options: TODAY,
    messages: ['which AWS shut down on 2025-12-15', 'which AWS shut down on 2026-05-20', 'which AWS shuts down on 2026-09-30: the resource stops working then. Move to Amazon ECS Service Connect.', 'which AWS is retiring (no new resources; no end date announced yet). Move to AWS WAF (AWS::WAFv2::*).'],
  },
];

const sg = (rules: string): string => `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n${rules}`;

const portCases: RuleCase[] = [
  {
    name: 'reversed range, out of range port, missing ToPort, one -1',
    doc: sg("        - {IpProtocol: tcp, FromPort: «443», ToPort: 80, CidrIp: 0.0.0.0/0}\n        - {IpProtocol: udp, FromPort: 53, ToPort: «70000», CidrIp: 10.0.0.0/8}\n        - {IpProtocol: «tcp», FromPort: 22, CidrIp: 10.0.0.0/8}\n        - {IpProtocol: '6', FromPort: -1, ToPort: «22», CidrIp: 10.0.0.0/8}\n"),
    messages: ['FromPort 443 is greater than ToPort 80', 'ToPort 70000 is not a port', 'has IpProtocol tcp but no ToPort', 'FromPort and ToPort must both be -1'],
  },
  {
    name: 'icmp type/code out of range, type -1 with a code, icmp without ports; -1 with ports (warning)',
    doc: sg('        - {IpProtocol: icmp, FromPort: «300», ToPort: 0, CidrIp: 10.0.0.0/8}\n        - {IpProtocol: icmp, FromPort: -1, ToPort: «4», CidrIp: 10.0.0.0/8}\n        - {IpProtocol: «icmp», CidrIp: 10.0.0.0/8}\n        - {IpProtocol: -1, FromPort: «80», ToPort: 80, CidrIp: 10.0.0.0/8}\n        - {IpProtocol: "50", FromPort: -1, ToPort: «5», CidrIp: 10.0.0.0/8}\n'),
    messages: ['FromPort (the ICMP type) is 300', 'ToPort (the ICMP code) must be -1', 'has IpProtocol icmp but no FromPort', 'EC2 ignores FromPort/ToPort and opens every port', 'FromPort and ToPort must both be -1 when one is (-1 and 5)'],
  },
  {
    name: 'a stand-alone ingress and egress resource',
    doc: "Resources:\n  In:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties: {GroupId: sg-1, IpProtocol: tcp, FromPort: «8080», ToPort: 80, CidrIp: 10.0.0.0/8}\n  Out:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties: {GroupId: sg-1, IpProtocol: udp, FromPort: «-5», ToPort: 5, CidrIp: 10.0.0.0/8}\n",
    messages: ['FromPort 8080 is greater than ToPort 80', 'FromPort -5 is not a port'],
  },
  {
    name: 'correct rules, string ports, intrinsics, icmpv6 without ports, -1 with -1 ports',
    doc: sg("        - {IpProtocol: tcp, FromPort: '80', ToPort: '443', CidrIp: 0.0.0.0/0}\n        - {IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0}\n        - {IpProtocol: icmp, FromPort: 8, ToPort: -1, CidrIp: 10.0.0.0/8}\n        - {IpProtocol: icmpv6, CidrIpv6: '::/0'}\n        - {IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIp: 10.0.0.0/8}\n        - {IpProtocol: !Ref Proto, FromPort: 9, ToPort: 1, CidrIp: 10.0.0.0/8}\n        - {IpProtocol: tcp, FromPort: -1, ToPort: -1, CidrIp: 10.0.0.0/8}\n"),
  },
];

const long = (n: number): string => 'a'.repeat(n);
const txtCases: RuleCase[] = [
  {
    name: 'one unsplit DKIM key, a second string too long; a record set group entry',
    doc: `Resources:\n  Dkim:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneId: Z1\n      Name: k._domainkey.example.com\n      Type: TXT\n      TTL: '300'\n      ResourceRecords:\n        - «'"${long(256)}"'»\n        - «'"${long(255)}" "${long(300)}"'»\n        - '"${long(255)}" "${long(255)}"'\n  Group:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneId: Z1\n      RecordSets:\n        - Name: example.com\n          Type: SPF\n          TTL: '300'\n          ResourceRecords: [«${long(256)}»]\n`,
    messages: ['This TXT value (Dkim) has 256 characters', 'String 2 of this TXT value (Dkim) has 300 characters', 'This SPF value (Group RecordSets[0]) has 256 characters'],
  },
  {
    name: 'escaped quotes count as one character; other types and intrinsics are not judged',
    doc: `Resources:\n  T:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneId: Z1\n      Name: example.com\n      Type: TXT\n      TTL: '300'\n      ResourceRecords:\n        - '"${'\\\\"'.repeat(200)}${long(55)}"'\n        - !Sub '"\${Key}"'\n  C:\n    Type: AWS::Route53::RecordSet\n    Properties:\n      HostedZoneId: Z1\n      Name: www.example.com\n      Type: CNAME\n      TTL: '300'\n      ResourceRecords: [${long(300)}]\n`,
  },
];

const vpc = (cidr: string): string => `  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: ${cidr}\n`;
const subnet = (id: string, cidr: string, vpcId = '!Ref Vpc', extra = ''): string => `  ${id}:\n    Type: AWS::EC2::Subnet\n${extra}    Properties:\n      VpcId: ${vpcId}\n      CidrBlock: ${cidr}\n`;

const subnetCases: RuleCase[] = [
  {
    name: 'overlapping subnets (same block, nested block) and one outside the VPC',
    doc: `Resources:\n${vpc('10.0.0.0/16')}${subnet('A', '10.0.0.0/24')}${subnet('B', '«10.0.0.0/24»')}${subnet('C', '10.0.1.0/24', '!GetAtt Vpc.VpcId')}${subnet('D', '«10.0.1.128/25»')}${subnet('E', '«10.1.0.0/24»')}`,
    messages: ["B's CidrBlock 10.0.0.0/24 overlaps A's 10.0.0.0/24", "D's CidrBlock 10.0.1.128/25 overlaps C's 10.0.1.0/24", "E's CidrBlock 10.1.0.0/24 is outside VPC Vpc's 10.0.0.0/16"],
  },
  {
    name: 'a secondary VPC block makes a subnet valid; different VPCs may reuse a range; conditions',
    doc: `Conditions:\n  A: !Equals [!Ref AWS::Region, us-east-1]\n  B: !Not [!Condition A]\nResources:\n${vpc('10.0.0.0/16')}  Extra:\n    Type: AWS::EC2::VPCCidrBlock\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/16}\n  Other:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n${subnet('S0', '10.0.0.0/24')}${subnet('S1', '10.1.0.0/24')}${subnet('S2', '10.0.0.0/24', '!Ref Other')}${subnet('S3', '10.0.9.0/24', '!Ref Other', '    Condition: A\n')}${subnet('S4', '10.0.9.0/24', '!Ref Other', '    Condition: B\n')}${subnet('S5', '!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]')}`,
  },
  {
    name: 'a VPC from an IPAM pool: containment is not judged, overlap still is',
    doc: `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {Ipv4IpamPoolId: ipam-pool-1, Ipv4NetmaskLength: 16}\n${subnet('A', '192.168.0.0/24')}${subnet('B', '«192.168.0.0/25»')}`,
  },
];

for (const [rule, cases] of [
  ['cfn-dynamodb-attributes', dynamoCases],
  ['cfn-duplicate-physical-name', nameCases],
  ['cfn-parameter-resource-clash', clashCases],
  ['cfn-custom-resource-service-token', customCases],
  ['cfn-retired-service', retiredCases],
  ['cfn-security-group-ports', portCases],
  ['cfn-route53-txt-length', txtCases],
  ['cfn-subnet-cidr', subnetCases],
] as const) {
  void describe(rule, () => {
    for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
  });
}

void describe('service rules on hostile and large inputs', () => {
  void test('the IpProtocol -1 finding is a warning, the others errors', () => {
    const doc = sg('        - {IpProtocol: -1, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/8}\n        - {IpProtocol: tcp, FromPort: 9, ToPort: 1, CidrIp: 10.0.0.0/8}\n');
    assert.deepEqual(findingsOf('cfn-security-group-ports', doc).map((f) => f.severity), ['warning', 'error']);
  });

  void test('10,000 subnets in one VPC: sorted sweep, every overlap found once, quickly', () => {
    const parts = ['Resources:\n', vpc('10.0.0.0/8')];
    // 10,000 distinct /24s, then 50 repeats of the first ones: exactly 50 overlaps.
    for (let i = 0; i < 10_000; i++) parts.push(subnet(`S${i}`, `10.${Math.floor(i / 256)}.${i % 256}.0/24`));
    for (let i = 0; i < 50; i++) parts.push(subnet(`R${i}`, `10.0.${i}.0/24`));
    const started = process.hrtime.bigint();
    const findings = findingsOf('cfn-subnet-cidr', parts.join(''));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(findings.length, 50);
    assert.ok(findings.every((f) => /R\d+'s CidrBlock/.test(f.message)));
    // The whole lint of this 1.4 MB template, not only the rule: a generous bound for a loaded machine.
    assert.ok(ms < 20_000, `took ${ms} ms`);
  });

  void test('hostile logical ids and names (__proto__, constructor) are plain names', () => {
    const doc = `Parameters:\n  constructor:\n    Type: String\nResources:\n${bucket('__proto__', 'toString')}${bucket('hasOwnProperty', 'toString')}  «constructor»:\n    Type: Custom::X\n    Properties: {ServiceToken: arn}\n`;
    assert.deepEqual(findingsOf('cfn-duplicate-physical-name', doc.replace(/[«»]/g, '')).map((f) => f.message.slice(0, 40)), ["BucketName 'toString' of hasOwnProperty "]);
    assertRuleCase('cfn-parameter-resource-clash', { name: 'constructor', doc });
  });
});
