import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCase, findingsOf } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

// Formats of ids and ARNs (the schemas' `format` keywords, data/constraints/, src/engine/formats/).
const res = (name: string, type: string, props: string): string => `  ${name}:\n    Type: ${type}\n    Properties:\n${props}`;
const doc = (...resources: string[]): string => `Resources:\n${resources.join('')}`;
const withParams = (params: string, ...resources: string[]): string => `Parameters:\n${params}Resources:\n${resources.join('')}`;
const subnet = (vpcId: string): string => res('Sub', 'AWS::EC2::Subnet', `      VpcId: ${vpcId}\n      CidrBlock: 10.0.0.0/24\n`);
const sg = (name: string, extra = ''): string => res(name, 'AWS::EC2::SecurityGroup', `      GroupDescription: web\n${extra}`);
const fn = (props: string): string => res('Fn', 'AWS::Lambda::Function', `      Code: {ZipFile: x}\n      Handler: index.handler\n      Runtime: python3.12\n${props}`);
const role = res('AppRole', 'AWS::IAM::Role', '      AssumeRolePolicyDocument: {}\n');
const vpc = res('Vpc', 'AWS::EC2::VPC', '      CidrBlock: 10.0.0.0/16\n');
const topic = (key: string): string => res('Topic', 'AWS::SNS::Topic', `      KmsMasterKeyId: ${key}\n`);
const ingress = (cidr: string): string => res('In', 'AWS::EC2::SecurityGroupIngress', `      GroupId: sg-0123456789abcdef0\n      IpProtocol: tcp\n      FromPort: 80\n      ToPort: 80\n${cidr}`);

const table: Record<string, RuleCase[]> = {
  'cfn-value-format': [
    { name: 'VPC ids of 8 and 17 hex digits', doc: doc(subnet('vpc-0a1b2c3d'), subnet('vpc-0123456789abcdef0').replace('Sub:', 'Sub2:')) },
    { name: 'a short VPC id', doc: doc(subnet('«vpc-123»')), messages: ["VpcId 'vpc-123' is not a VPC id (vpc-…): a VPC id is 'vpc-' followed by 8 or 17 hexadecimal digits."] },
    { name: 'a subnet id where a VPC id goes', doc: doc(subnet('«subnet-0a1b2c3d»')), messages: ["a VPC id starts with 'vpc-'"] },
    { name: 'security group ids in a list', doc: doc(fn('      Role: arn:aws:iam::123456789012:role/r\n      VpcConfig:\n        SubnetIds: [subnet-0a1b2c3d]\n        SecurityGroupIds: [sg-0a1b2c3d, «sg-xyz»]\n')), messages: ["VpcConfig.SecurityGroupIds[1] 'sg-xyz' is not a security group id (sg-…)"] },
    { name: 'an AMI id', doc: doc(res('I', 'AWS::EC2::Instance', '      ImageId: «ami-12»\n')), messages: ["ImageId 'ami-12' is not an AMI id (ami-…)"] },
    { name: 'an AMI from an SSM parameter (resolve:ssm:) is accepted', doc: doc(res('I', 'AWS::EC2::Instance', '      ImageId: resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64\n')) },
    { name: 'a dynamic reference is resolved at deploy time', doc: doc(subnet("'{{resolve:ssm:/network/vpc-id}}'")) },
    { name: 'KMS key id, alias and ARN are all accepted', doc: doc(topic('1234abcd-12ab-34cd-56ef-1234567890ab'), topic('alias/aws/sns').replace('Topic:', 'T2:'), topic('arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab').replace('Topic:', 'T3:'), topic('mrk-1234abcd12ab34cd56ef1234567890ab').replace('Topic:', 'T4:')) },
    { name: "'aws/sns' lacks the alias/ prefix", doc: doc(topic('«aws/sns»')), messages: ["KmsMasterKeyId 'aws/sns' is not a KMS alias name (alias/…), a KMS key ARN or a KMS key id: an alias name is 'alias/'"] },
    { name: 'a KMS ARN aims at the ARN explanation', doc: doc(topic('«arn:aws:kms:us-east-1:123:key/k»')), messages: ["its account '123' is not a 12-digit account id"] },
    { name: 'a KMS key ARN with a bad account', doc: doc(fn('      Role: arn:aws:iam::123456789012:role/r\n      KmsKeyArn: «arn:aws:kms:us-east-1:12345:key/abc»\n')), messages: ["KmsKeyArn 'arn:aws:kms:us-east-1:12345:key/abc' is not a KMS key ARN: its account '12345' is not a 12-digit account id."] },
    { name: 'role ARNs in every partition', doc: doc(fn('      Role: arn:aws-cn:iam::123456789012:role/service-role/r\n'), fn('      Role: arn:aws-us-gov:iam::123456789012:role/r\n').replace('Fn:', 'Fn2:')) },
    { name: 'a user ARN where a role ARN goes (format inferred from the pattern)', doc: doc(fn('      Role: «arn:aws:iam::123456789012:user/r»\n')), messages: ["Role 'arn:aws:iam::123456789012:user/r' is not an IAM role ARN: its resource part must look like role/<name>."] },
    { name: 'an IAM ARN with a region', doc: doc(fn('      Role: «arn:aws:iam:us-east-1:123456789012:role/r»\n')), messages: ['iam ARNs have no region'] },
    { name: 'a role name where a role ARN goes', doc: doc(fn('      Role: «my-role»\n')), messages: ["Role 'my-role' is not an IAM role ARN: an ARN has the form arn:aws:iam::<account>:role/<name>"] },
    { name: 'the wrong service', doc: doc(fn('      Role: «arn:aws:sts::123456789012:role/r»\n')), messages: ["its service is 'sts', not 'iam'"] },
    { name: 'a partition that is not AWS', doc: doc(fn('      Role: «arn:azure:iam::123456789012:role/r»\n')), messages: ["its partition 'azure' is not an AWS partition"] },
    { name: 'IPv4 CIDR blocks (host bits are accepted: EC2 masks them)', doc: doc(ingress('      CidrIp: 10.0.0.1/16\n'), vpc) },
    { name: 'a prefix over /32', doc: doc(ingress('      CidrIp: «10.0.0.0/33»\n')), messages: ["CidrIp '10.0.0.0/33' is not an IPv4 CIDR block: its prefix length '/33' is not between /0 and /32."] },
    { name: 'three octets', doc: doc(ingress('      CidrIp: «10.0.0/16»\n')), messages: ['an IPv4 CIDR block is four numbers from 0 to 255'] },
    { name: 'IPv6 CIDR blocks', doc: doc(ingress('      CidrIpv6: ::/0\n'), ingress('      CidrIpv6: 2001:db8:1234:1a00::/56\n').replace('In:', 'In2:')) },
    { name: 'a bad IPv6 CIDR block', doc: doc(ingress('      CidrIpv6: «2001:db8::g/64»\n')), messages: ['is not an IPv6 CIDR block'] },
    { name: 'bucket names', doc: doc(res('B', 'AWS::S3::Bucket', '      BucketName: my-bucket.logs\n'), res('B2', 'AWS::S3::Bucket', '      BucketName: «my..bucket»\n')), messages: ["a bucket name has no '..', '.-' or '-.'"] },
    { name: 'Fn::If branches are checked', doc: doc(subnet('!If [C, vpc-0a1b2c3d, «vpc-1»]')) },
    { name: 'JSON keeps the quoted span', file: 't.json', doc: '{"Resources": {"S": {"Type": "AWS::EC2::Subnet", "Properties": {"CidrBlock": "10.0.0.0/24", "VpcId": «"vpc-1"»}}}}' },
    { name: 'a Sub of an id and FindInMap are not judged', doc: doc(subnet('!Sub "vpc-${Suffix}"'), subnet('!FindInMap [M, K, V]').replace('Sub:', 'Sub2:')) },
    { name: 'Sub ARNs: the literal parts fit', doc: doc(fn('      Role: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}\n'), fn('      Role: !Sub "${RoleArnPrefix}/app"\n').replace('Fn:', 'Fn2:'), fn('      Role: !Sub [arn:aws:iam::${Account}:role/${Name}, {Account: "123456789012"}]\n').replace('Fn:', 'Fn3:')) },
    { name: 'Sub ARN of a user where a role goes', doc: doc(fn('      Role: !Sub «arn:${AWS::Partition}:iam::${AWS::AccountId}:user/${Name}»\n')), messages: ["Role !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:user/${Name}' is not an IAM role ARN: its resource part must look like role/<name>."] },
    { name: 'Sub ARN with a region in IAM', doc: doc(fn('      Role: !Sub «"arn:aws:iam:${AWS::Region}:${AWS::AccountId}:role/x"»\n')), messages: ['iam ARNs have no region'] },
    { name: 'Sub ARN of the wrong service', doc: doc(topic('!Sub «arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:key/${KeyId}»')), messages: ["its service is 'sns', not 'kms'"] },
  ],
  'cfn-reference-format': [
    { name: 'GetAtt Role.Arn where a role ARN goes', doc: doc(role, fn('      Role: !GetAtt AppRole.Arn\n')) },
    { name: 'Ref of a role (its name) where a role ARN goes', doc: doc(role, fn('      Role: «!Ref AppRole»\n')), messages: ["Role expects an IAM role ARN, but !Ref AppRole returns the AWS::IAM::Role's name or id. Use !GetAtt AppRole.Arn."] },
    { name: 'GetAtt Role.RoleId is not an ARN', doc: doc(role, fn('      Role: «!GetAtt AppRole.RoleId»\n')), messages: ['but !GetAtt AppRole.RoleId returns'] },
    { name: 'the list form of GetAtt', doc: doc(role, fn('      Role: «!GetAtt [AppRole, RoleId]»\n')) },
    { name: 'Ref of a subnet where a VPC id goes', doc: doc(res('Other', 'AWS::EC2::Subnet', '      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n'), vpc, subnet('«!Ref Other»')), messages: ['VpcId expects a VPC id (vpc-…), but !Ref Other returns a subnet id (subnet-…).'] },
    { name: 'Ref of a VPC where a VPC id goes', doc: doc(vpc, subnet('!Ref Vpc')) },
    { name: 'a security group in a VPC: Ref gives its id', doc: doc(vpc, sg('Web', '      VpcId: !Ref Vpc\n'), fn('      Role: arn:aws:iam::123456789012:role/r\n      VpcConfig:\n        SubnetIds: [subnet-0a1b2c3d]\n        SecurityGroupIds: [!Ref Web]\n')) },
    {
      name: 'a default-VPC security group: Ref gives its name',
      doc: doc(sg('Web'), fn('      Role: arn:aws:iam::123456789012:role/r\n      VpcConfig:\n        SubnetIds: [subnet-0a1b2c3d]\n        SecurityGroupIds: [«!Ref Web»]\n')),
      messages: ['VpcConfig.SecurityGroupIds[0] expects a security group id (sg-…), but !Ref Web returns a security group name. Use !GetAtt Web.GroupId.'],
    },
    { name: 'a VpcId that may vanish: either', doc: doc(sg('Web', '      VpcId: !If [C, vpc-0a1b2c3d, !Ref AWS::NoValue]\n'), fn('      Role: arn:aws:iam::123456789012:role/r\n      VpcConfig:\n        SubnetIds: [subnet-0a1b2c3d]\n        SecurityGroupIds: [!Ref Web]\n')) },
    { name: 'launch templates take default-VPC group names (schema corrected)', doc: doc(sg('Web'), res('LT', 'AWS::EC2::LaunchTemplate', '      LaunchTemplateData:\n        SecurityGroups: [!Ref Web]\n')) },
    { name: 'GetAtt of another format', doc: doc(sg('Web', '      VpcId: vpc-0a1b2c3d\n'), subnet('!GetAtt Web.VpcId'), res('I', 'AWS::EC2::Instance', '      SubnetId: «!GetAtt Web.VpcId»\n')), messages: ['SubnetId expects a subnet id (subnet-…), but !GetAtt Web.VpcId returns a VPC id (vpc-…).'] },
    { name: 'a WAFv2 Id where an ARN goes', doc: doc(res('Acl', 'AWS::WAFv2::WebACL', '      Scope: REGIONAL\n'), res('A', 'AWS::WAFv2::WebACLAssociation', '      ResourceArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1\n      WebACLArn: «!GetAtt Acl.Id»\n')), messages: ["WebACLArn expects an ARN, but !GetAtt Acl.Id returns the AWS::WAFv2::WebACL's Id, not an ARN. Use !GetAtt Acl.Arn."] },
    { name: 'a WAFv2 Arn where an ARN goes; a format-less Ref may be one', doc: doc(res('Acl', 'AWS::WAFv2::WebACL', '      Scope: REGIONAL\n'), res('A', 'AWS::WAFv2::WebACLAssociation', '      ResourceArn: !Ref Lb\n      WebACLArn: !GetAtt Acl.Arn\n'), res('Lb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', '      Subnets: [subnet-0a1b2c3d]\n')) },
    { name: 'GetAtt Key.Arn and Ref Key where a KMS key id, ARN or alias goes', doc: doc(res('Key', 'AWS::KMS::Key', '      KeyPolicy: {}\n'), topic('!GetAtt Key.Arn'), topic('!Ref Key').replace('Topic:', 'T2:')) },
    { name: 'a Ref to a String parameter is never judged', doc: withParams('  VpcParam:\n    Type: String\n  RoleParam:\n    Type: String\n', subnet('!Ref VpcParam'), fn('      Role: !Ref RoleParam\n')) },
    { name: 'a typed parameter of the right type', doc: withParams('  VpcParam:\n    Type: AWS::EC2::VPC::Id\n', subnet('!Ref VpcParam')) },
    { name: 'a typed parameter of another type', doc: withParams('  SubnetParam:\n    Type: AWS::EC2::Subnet::Id\n', subnet('«!Ref SubnetParam»')), messages: ['VpcId expects a VPC id (vpc-…), but !Ref SubnetParam returns a subnet id (subnet-…).'] },
    { name: 'an SSM parameter of an AWS type', doc: withParams('  VpcParam:\n    Type: AWS::SSM::Parameter::Value<AWS::EC2::VPC::Id>\n  KeyParam:\n    Type: AWS::EC2::KeyPair::KeyName\n', subnet('!Ref VpcParam'), subnet('«!Ref KeyParam»').replace('Sub:', 'Sub2:')), messages: ['but !Ref KeyParam returns an EC2 key pair name.'] },
    {
      name: 'list parameters into lists',
      doc: withParams(
        '  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n  Groups:\n    Type: List<AWS::EC2::SecurityGroup::Id>\n',
        res('Lb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', '      Subnets: !Ref Subnets\n      SecurityGroups: !Ref Groups\n'),
        res('Lb2', 'AWS::ElasticLoadBalancingV2::LoadBalancer', '      Subnets: «!Ref Groups»\n'),
      ),
      messages: ['Subnets expects a list of subnet ids, but !Ref Groups returns a list of security group ids.'],
    },
    { name: 'a list parameter where its items go', doc: withParams('  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n', res('I', 'AWS::EC2::Instance', '      SubnetId: «!Ref Subnets»\n')), messages: ['SubnetId expects a subnet id (subnet-…), but !Ref Subnets returns a list of subnet ids.'] },
    { name: 'custom resources and nested stacks are opaque', doc: doc(res('C', 'Custom::Lookup', '      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f\n'), res('S', 'AWS::CloudFormation::Stack', '      TemplateURL: https://example.com/t.yaml\n'), subnet('!GetAtt C.VpcId'), subnet('!GetAtt S.Outputs.VpcId').replace('Sub:', 'Sub2:'), fn('      Role: !Ref C\n')) },
    {
      name: 'SAM types give the results of what SAM generates',
      doc: "Transform: AWS::Serverless-2016-10-31\n" + doc(
        res('Api', 'AWS::Serverless::Function', '      Handler: index.handler\n      Runtime: python3.12\n      CodeUri: .\n'),
        res('Pool', 'AWS::Cognito::UserPool', '      LambdaConfig:\n        CustomSMSSender: {LambdaArn: !GetAtt Api.Arn, LambdaVersion: V1_0}\n        CustomEmailSender: {LambdaArn: «!Ref Api», LambdaVersion: V1_0}\n'),
      ),
      messages: ["LambdaConfig.CustomEmailSender.LambdaArn expects a Lambda function ARN, but !Ref Api returns a Lambda function name. Use !GetAtt Api.Arn."],
    },
    { name: 'a format-less attribute named for the format gets the benefit of the doubt', doc: doc(res('Ice', 'AWS::EC2::InstanceConnectEndpoint', '      SubnetId: subnet-0a1b2c3d\n'), subnet('!GetAtt Ice.VpcId')) },
    { name: 'an SSM parameter value holds anything', doc: doc(res('P', 'AWS::SSM::Parameter', '      Type: String\n      Value: vpc-0a1b2c3d\n'), subnet('!GetAtt P.Value')) },
    { name: 'Fn::If branches are checked', doc: doc(role, fn('      Role: !If [C, !GetAtt AppRole.Arn, «!Ref AppRole»]\n')) },
    { name: 'JSON', file: 't.json', doc: '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}}, "F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "x"}, "Role": «{"Ref": "R"}»}}}}' },
  ],
};

void describe('format rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
  void test('the quick fix writes the reading to use, in the style written', () => {
    const applied = (text: string): string | undefined => {
      const edit = findingsOf('cfn-reference-format', text, text.startsWith('{') ? 't.json' : 'template.yaml')[0]?.fixes?.[0]?.edits[0];
      return edit && text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    };
    assert.equal(applied(doc(role, fn('      Role: !Ref AppRole # the role\n'))), doc(role, fn('      Role: !GetAtt AppRole.Arn # the role\n')));
    assert.equal(applied(doc(sg('Web'), res('Lb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', '      SecurityGroups: [!Ref Web, sg-0a1b2c3d]\n'))), doc(sg('Web'), res('Lb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', '      SecurityGroups: [!GetAtt Web.GroupId, sg-0a1b2c3d]\n')));
    const json = '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}}, "F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "x"}, "Role": {"Ref": "R"}}}}}';
    assert.equal(applied(json), json.replace('{"Ref": "R"}', '{"Fn::GetAtt": ["R", "Arn"]}'));
    const block = doc(role, fn('      Role:\n        Ref: AppRole\n'));
    assert.equal(findingsOf('cfn-reference-format', block).length, 1);
    assert.equal(findingsOf('cfn-reference-format', block)[0]?.fixes, undefined, 'a block mapping gets no fix');
  });
  void test('a value of the wrong format is reported once, not also as a pattern mismatch', () => {
    const text = doc(fn('      Role: my-role\n'));
    assert.equal(findingsOf('cfn-value-format', text).length, 1);
    assert.equal(findingsOf('cfn-value-pattern', text).length, 0);
  });
  void test('a dynamic reference is not pattern-tested either', () => {
    assert.equal(findingsOf('cfn-value-pattern', doc(res('L', 'AWS::Logs::LogGroup', "      LogGroupName: '{{resolve:ssm:/logs/name}}'\n"))).length, 0);
  });
  void test('hostile values are bounded: 100 KB ids and ARNs are not scanned', () => {
    const started = performance.now();
    const long = 'vpc-' + 'a'.repeat(100_000);
    const arn = 'arn:aws:iam::' + ':'.repeat(50_000) + 'role/' + 'x'.repeat(50_000);
    const findings = findingsOf('cfn-value-format', doc(subnet(long), fn(`      Role: ${arn}\n`)));
    assert.equal(findings.length, 0);
    assert.ok(performance.now() - started < 2000);
  });
  void test('document-supplied names find nothing through prototypes', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = withParams(`  ${name}P:\n    Type: ${name}\n`, role, fn(`      Role: !GetAtt AppRole.${name}\n`), fn(`      Role: !Ref ${name}P\n`).replace('Fn:', 'Fn2:'), fn(`      Role: !GetAtt ${name}.Arn\n`).replace('Fn:', 'Fn3:'));
      assert.deepEqual(findingsOf('cfn-reference-format', text), [], name);
    }
  });
  void test('values near the bound are scanned in linear time', () => {
    const started = performance.now();
    const findings = findingsOf('cfn-value-format', doc(fn(`      Role: arn:aws:iam::123456789012:user/${'x'.repeat(4000)}\n`), subnet(`vpc-${'0'.repeat(4000)}`)));
    assert.equal(findings.length, 2);
    assert.ok(performance.now() - started < 2000);
  });
});
