// The IAM policy rules on marked templates: each finding at its exact span (policies written as
// mappings, as JSON strings in YAML and in JSON templates), and the policies they must leave alone
// (intrinsics, Fn::If branches, SAM policy templates, valid wildcards).
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

/** A role whose inline policy has `statements` (YAML, indented for `Statement:`). */
const rolePolicy = (statements: string, top = ''): string =>
  `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Version: '2012-10-17'\n${top}            Statement:\n${statements}`;

/** A managed policy whose document is `body` (indented 6 spaces). */
const managed = (body: string): string => `Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n${body}`;

/** A bucket policy with `statements` (indented for `Statement:`). */
const bucketPolicy = (statements: string): string => `Resources:\n  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n        Statement:\n${statements}`;

/** A trust policy with `statements`. */
const trust = (statements: string): string => `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n${statements}`;

const structureCases: RuleCase[] = [
  {
    name: 'Statement misspelt (did you mean), unknown Version',
    doc: managed("        Version: «'2012-10-18'»\n        «Statemnt»:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: '*'\n"),
    messages: ["Version '2012-10-18' is not a policy language version", "'Statemnt' is not a policy document element (Version, Id, Statement). Did you mean 'Statement'?"],
  },
  { name: 'no Statement at all: on the PolicyDocument key', doc: "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      «PolicyDocument»:\n        Version: '2012-10-17'\n", messages: ['has no Statement'] },
  { name: 'old version is a warning', doc: managed("        Version: «'2008-10-17'»\n        Statement:\n          Effect: Allow\n          Action: s3:GetObject\n          Resource: '*'\n"), messages: ["Version '2008-10-17' is the old policy language"] },
  {
    name: 'Effect missing, misspelt value, unknown statement key',
    doc: rolePolicy("              - «Action»: s3:GetObject\n                Resource: '*'\n              - Effect: «allow»\n                Action: s3:GetObject\n                Resource: '*'\n                «Resources»: x\n"),
    messages: ['This statement has no Effect', "Effect 'allow' must be Allow or Deny. Did you mean 'Allow'?", "'Resources' is not a statement element"],
  },
  {
    name: 'Action and NotAction together; neither Resource nor NotResource in an identity policy',
    doc: rolePolicy('              - «Effect»: Deny\n                Action: s3:GetObject\n                «NotAction»: s3:PutObject\n'),
    messages: ['has neither Resource nor NotResource: each statement of an identity-based policy needs one of them', 'takes Action or NotAction, not both'],
  },
  {
    name: 'Principal in an identity policy',
    doc: rolePolicy("              - Effect: Allow\n                «Principal»: '*'\n                Action: s3:GetObject\n                Resource: '*'\n"),
    messages: ['An identity-based policy cannot have Principal'],
  },
  {
    name: 'Resource in a trust policy; Principal missing from a trust statement',
    doc: trust("          - Effect: Allow\n            Principal: { Service: ec2.amazonaws.com }\n            Action: sts:AssumeRole\n            «Resource»: '*'\n          - «Effect»: Allow\n            Action: sts:AssumeRole\n"),
    messages: ['A trust policy (AssumeRolePolicyDocument) cannot have Resource', 'has neither Principal nor NotPrincipal: each statement of a trust policy needs one of them'],
  },
  {
    name: 'a bucket policy statement without Resource, another without Principal',
    doc: bucketPolicy("          - «Effect»: Allow\n            Principal: '*'\n            Action: s3:GetObject\n          - «Effect»: Allow\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n"),
    messages: ['neither Resource nor NotResource: each statement of this resource policy', 'neither Principal nor NotPrincipal'],
  },
  {
    name: 'wrong element types: mapping Action, empty Resource list, scalar Statement item',
    doc: rolePolicy('              - Effect: Allow\n                Action: «{ s3: GetObject }»\n                Resource: «[]»\n              - «just-a-string»\n'),
    messages: ['Action must be a string or a list of strings, not a mapping', 'Resource is an empty list', 'Each item of Statement must be a statement'],
  },
  { name: 'a list where the document should be', doc: managed('        «- Effect: Allow»\n'), messages: ['must be a mapping with a Statement, not a list'] },
  {
    name: 'a JSON string that is not JSON',
    doc: "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: «'{\"Statement\": [}'»\n",
    messages: ['is a string but not JSON'],
  },
  {
    name: 'a JSON string policy: each token at its place',
    doc: "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: '{\"Version\": \"2012-10-17\", «\"Statemnt\"»: []}'\n",
    messages: ["Did you mean 'Statement'?"],
  },
  {
    name: 'a JSON string in a literal block',
    doc: "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: |\n        {\n          \"Statement\": [\n            {\"Effect\": «\"Alow\"», \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}\n          ]\n        }\n",
    messages: ["Effect 'Alow' must be Allow or Deny. Did you mean 'Allow'?"],
  },
  {
    name: 'a JSON template with the policy as an escaped JSON string',
    file: 'template.json',
    doc: '{"Resources": {"Policy": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": "{\\"Statement\\": [{«\\"Efect\\"»: \\"Allow\\", \\"Action\\": \\"s3:GetObject\\", \\"Resource\\": \\"*\\"}]}"}}}}',
    messages: ["'Efect' is not a statement element"],
  },
  {
    name: 'a JSON string with \\n escapes: on the whole string',
    file: 'template.json',
    doc: '{"Resources": {"Policy": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": «"{\\n\\"Statement\\": {\\"Effect\\": \\"Permit\\", \\"Action\\": \\"s3:GetObject\\", \\"Resource\\": \\"*\\"}}"»}}}}',
    messages: ["In the JSON string, at Statement.Effect: Effect 'Permit' must be Allow or Deny."],
  },
  {
    name: 'valid: intrinsics, Fn::If statements and elements, NoValue, Fn::Transform',
    doc: rolePolicy(
      "              - !If\n                - C\n                - Effect: Allow\n                  Action: s3:GetObject\n                  Resource: !Sub 'arn:${AWS::Partition}:s3:::b/*'\n                - !Ref AWS::NoValue\n              - Effect: !Ref E\n                Action: !Split [',', !Ref A]\n                Resource: !If [C, !GetAtt B.Arn, '*']\n                NotResource: !Ref AWS::NoValue\n              - Fn::Transform: { Name: X }\n              - !ImportValue shared-statement\n",
    ),
  },
  { name: 'valid: a single statement mapping, Id, NotAction/NotResource', doc: managed("        Version: '2012-10-17'\n        Id: doc-1\n        Statement:\n          Effect: Deny\n          NotAction: iam:*\n          NotResource: arn:aws:iam::123456789012:role/admin\n") },
  { name: 'valid: a policy document from a function', doc: "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !FindInMap [M, K, Doc]\n" },
  {
    name: 'SAM: inline statements checked, policy templates and managed names left alone',
    doc: "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: a.h\n      CodeUri: .\n      Policies:\n        - AWSLambdaBasicExecutionRole\n        - S3ReadPolicy: { BucketName: b }\n        - Statement:\n            - «Effect»: Allow\n              Action: s3:GetObject\n",
    messages: ['neither Resource nor NotResource'],
  },
  {
    name: 'hostile keys are unknown elements, never prototype members',
    doc: managed("        «__proto__»: x\n        Statement:\n          - Effect: Allow\n            «constructor»: x\n            Action: s3:GetObject\n            Resource: '*'\n"),
    messages: ["'__proto__' is not a policy document element", "'constructor' is not a statement element"],
  },
];

const principalCases: RuleCase[] = [
  {
    name: 'bad AWS, Service, CanonicalUser values; unknown principal kind; string principal',
    doc: bucketPolicy(
      "          - Effect: Allow\n            Principal:\n              AWS: [«'arn:aws:iam::12345:root'», «'arn:aws:iam::123456789012:role/app-*'», '123456789012', 'arn:aws:iam::123456789012:role/x', 'arn:aws:sts::123456789012:assumed-role/r/s', '*']\n              Service: «lambda»\n              CanonicalUser: «abc»\n              «Services»: x.amazonaws.com\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n          - Effect: Allow\n            Principal: «arn:aws:iam::123456789012:root»\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n",
    ),
    messages: ["Principal.AWS 'arn:aws:iam::12345:root' is not a principal", "uses a wildcard: principals cannot match part of a name or ARN. Use '*' with a Condition such as ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/app-*' }", "Principal.Service 'lambda' is not a service principal", 'is not a canonical user id', "'Services' is not a kind of principal: Principal takes AWS, Service, Federated and CanonicalUser. Did you mean 'Service'?", "Write it as Principal: { AWS: 'arn:aws:iam::123456789012:root' }."],
  },
  {
    name: 'valid principals: *, Federated, GetAtt, Sub, CloudFront OAI',
    doc: trust(
      "          - Effect: Allow\n            Principal: '*'\n            Action: sts:AssumeRole\n          - Effect: Allow\n            Principal: { Federated: cognito-identity.amazonaws.com }\n            Action: sts:AssumeRoleWithWebIdentity\n          - Effect: Allow\n            Principal:\n              AWS: [!GetAtt Other.Arn, !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root', 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1']\n              Service: !If [C, states.amazonaws.com, !Ref AWS::NoValue]\n            Action: sts:AssumeRole\n",
    ),
  },
];

const sidCases: RuleCase[] = [
  {
    name: 'repeated Sid, Sid with a space in an identity policy',
    doc: rolePolicy("              - Sid: Read\n                Effect: Allow\n                Action: s3:GetObject\n                Resource: '*'\n              - Sid: «Read»\n                Effect: Allow\n                Action: s3:ListBucket\n                Resource: '*'\n              - Sid: «Read all»\n                Effect: Allow\n                Action: s3:ListBucket\n                Resource: '*'\n"),
    messages: ["Sid 'Read' is already used by another statement", "Sid 'Read all' may only hold letters and digits"],
  },
  {
    name: 'S3 bucket policies may repeat Sids and use spaces; an empty Sid is fine',
    doc: bucketPolicy("          - Sid: Allow read\n            Effect: Allow\n            Principal: '*'\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n          - Sid: Allow read\n            Effect: Allow\n            Principal: '*'\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::c/*\n          - Sid: ''\n            Effect: Allow\n            Principal: '*'\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::d/*\n"),
  },
  {
    name: 'the same Sid in two branches of an Fn::If is fine',
    doc: rolePolicy("              - !If\n                - C\n                - {Sid: A, Effect: Allow, Action: s3:GetObject, Resource: '*'}\n                - {Sid: A, Effect: Deny, Action: s3:GetObject, Resource: '*'}\n"),
  },
  {
    name: 'the same Sid in the two lists of an Fn::If around Statement is fine',
    doc: managed("        Statement: !If\n          - C\n          - [{Sid: A, Effect: Allow, Action: s3:GetObject, Resource: '*'}]\n          - [{Sid: A, Effect: Deny, Action: s3:GetObject, Resource: '*'}, {Sid: «A», Effect: Deny, Action: s3:PutObject, Resource: '*'}]\n"),
    messages: ["Sid 'A' is already used"],
  },
];

const conditionCases: RuleCase[] = [
  {
    name: 'unknown operators (did you mean, keeping prefix and suffix), bad values, Null',
    doc: rolePolicy(
      "              - Effect: Allow\n                Action: s3:GetObject\n                Resource: '*'\n                Condition:\n                  «StringEqual»: { 'aws:SourceAccount': '123456789012' }\n                  «ForAnyValue:StringLke»: { 'aws:TagKeys': [a] }\n                  StringLike: «'x'»\n                  ArnLike: { 'aws:SourceArn': «{ a: b }» }\n                  'Null': { 'aws:TokenIssueTime': «maybe» }\n",
    ),
    messages: ["'StringEqual' is not a condition operator. Did you mean 'StringEquals'?", "Did you mean 'ForAnyValue:StringLike'?", 'StringLike must map condition keys to values', "The value of condition key 'aws:SourceArn' under ArnLike must be", "Null takes true"],
  },
  {
    name: 'valid operators: prefixes, IfExists, BinaryEquals, Null, lists, intrinsics',
    doc: rolePolicy(
      "              - Effect: Allow\n                Action: s3:GetObject\n                Resource: '*'\n                Condition:\n                  ForAllValues:StringEqualsIgnoreCase: { 'aws:TagKeys': [a, b] }\n                  StringNotLikeIfExists: { 's3:prefix': 'x*' }\n                  NumericLessThanEquals: { 's3:max-keys': 10 }\n                  DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }\n                  Bool: { 'aws:SecureTransport': false }\n                  BinaryEqualsIfExists: { 'k:b': QmluYXJ5 }\n                  IpAddress: { 'aws:SourceIp': !Ref Cidr }\n                  ArnLike: !If [C, { 'aws:SourceArn': a }, !Ref AWS::NoValue]\n                  'Null': { 'aws:TokenIssueTime': 'true' }\n",
    ),
  },
];

const actionCases: RuleCase[] = [
  {
    name: 'form, unknown service (did you mean), unknown action (warning, capitals kept), wildcard matching nothing',
    doc: rolePolicy("              - Effect: Allow\n                Action: [«s3GetObject», «lamda:InvokeFunction», «s3:ReplicationTags», «s3:Gett*», «'s3:'»]\n                Resource: '*'\n"),
    messages: ["Action 's3GetObject' is not of the form 'service:action'", "'lamda' in Action 'lamda:InvokeFunction' is not an IAM service prefix. Did you mean 'lambda:InvokeFunction'?", "Action 's3:ReplicationTags' is not a known s3 action. Did you mean 's3:ReplicateTags'?", "Action 's3:Gett*' matches no s3 action.", "names no action after 's3:'"],
  },
  {
    name: 'another service in a bucket policy',
    doc: bucketPolicy("          - Effect: Allow\n            Principal: '*'\n            Action: [s3:GetObject, «sqs:SendMessage»]\n            Resource: arn:aws:s3:::b/*\n"),
    messages: ["Action 'sqs:SendMessage' is not an action of s3"],
  },
  {
    name: 'valid actions: any case, wildcards, ?, service-wide, intrinsics, NotAction',
    doc: rolePolicy("              - Effect: Allow\n                Action: ['*', 'S3:getobject', 's3:Get*', 'ec2:Describe*', 'dynamodb:?etItem', 'logs:*', !Ref ExtraAction, !Sub '${Svc}:Get*']\n                Resource: '*'\n              - Effect: Deny\n                NotAction: ['iam:*', 'sts:AssumeRole']\n                Resource: '*'\n"),
  },
];

const resourceArnCases: RuleCase[] = [
  {
    name: 'not an ARN; a bad account; * in a bucket policy',
    doc: `${rolePolicy("              - Effect: Allow\n                Action: s3:GetObject\n                Resource: [«my-bucket», «'arn:aws:logs:us-east-1:1234:log-group:x'», 'arn:aws:s3:::b/*', 'arn:*:s3:::c', '*']\n")}  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: s3:GetObject\n            Resource: «'*'»\n`,
    messages: ["Resource 'my-bucket' is not an ARN or '*'", 'Check the partition, the colons and the 12-digit account', "Resource '*' is not accepted in an S3 bucket policy"],
  },
  {
    name: 'valid ARNs with intrinsics and wildcards',
    doc: rolePolicy("              - Effect: Allow\n                Action: s3:GetObject\n                Resource: [!GetAtt B.Arn, !Sub '${B.Arn}/*', 'arn:aws:execute-api:*:*:*', 'arn:aws-cn:s3:::b', 'arn:aws:iam::aws:policy/x', 'arn:aws:ec2:us-east-1::image/ami-*']\n"),
  },
];

for (const [rule, cases] of [
  ['cfn-iam-policy-structure', structureCases],
  ['cfn-iam-principal', principalCases],
  ['cfn-iam-sid', sidCases],
  ['cfn-iam-condition', conditionCases],
  ['cfn-iam-action', actionCases],
  ['cfn-iam-resource-arn', resourceArnCases],
] as const) {
  void describe(rule, () => {
    for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
  });
}
