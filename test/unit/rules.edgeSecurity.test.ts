import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const acl = (scope: string, type = 'AWS::WAFv2::WebACL'): string =>
  `Resources:\n  EdgeAcl:\n    Type: ${type}\n    Properties:\n      Scope: ${scope}\n      DefaultAction: {Allow: {}}\n      VisibilityConfig: {CloudWatchMetricsEnabled: true, MetricName: m, SampledRequestsEnabled: true}\n`;

const regionCases: RuleCase[] = [
  { name: 'no region known: silent', doc: acl('CLOUDFRONT') },
  { name: 'CLOUDFRONT in us-east-1', doc: acl('CLOUDFRONT'), options: { deploymentRegion: 'us-east-1' } },
  { name: 'CLOUDFRONT in a CDK stack env eu-west-1', doc: acl('«CLOUDFRONT»'), options: { deploymentRegion: 'eu-west-1' }, messages: ['has Scope CLOUDFRONT, which CloudFront only accepts from us-east-1, but this template deploys to eu-west-1'] },
  { name: 'the stack environment wins over --region', doc: acl('CLOUDFRONT'), options: { deploymentRegion: 'us-east-1', regions: ['eu-west-1'] } },
  { name: 'with --region', doc: acl('«CLOUDFRONT»'), options: { regions: ['us-east-1', 'ap-south-1'] }, messages: ['deploys to ap-south-1'] },
  { name: 'REGIONAL anywhere', doc: acl('REGIONAL'), options: { deploymentRegion: 'eu-west-1' } },
  { name: 'IP sets too', doc: acl('«CLOUDFRONT»', 'AWS::WAFv2::IPSet'), options: { deploymentRegion: 'eu-west-1' } },
];

const distribution = (webAclId: string, extra = ''): string =>
  `Resources:\n  EdgeAcl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: CLOUDFRONT\n      DefaultAction: {Allow: {}}\n      VisibilityConfig: {CloudWatchMetricsEnabled: true, MetricName: m, SampledRequestsEnabled: true}\n${extra}  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        WebACLId: ${webAclId}\n`;

const arnCases: RuleCase[] = [
  { name: 'GetAtt Arn', doc: distribution('!GetAtt EdgeAcl.Arn') },
  { name: 'GetAtt Id', doc: distribution('«!GetAtt EdgeAcl.Id»'), messages: ["WebACLId takes the WAFv2 web ACL's ARN, but GetAtt EdgeAcl.Id gives its Id: use GetAtt EdgeAcl.Arn"] },
  { name: 'long-form GetAtt Id (as CDK writes it)', file: 't.json', doc: '{"Resources": {"EdgeAcl": {"Type": "AWS::WAFv2::WebACL", "Properties": {"Scope": "CLOUDFRONT"}}, "Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"WebACLId": «{"Fn::GetAtt": ["EdgeAcl", "Id"]}»}}}}}' },
  { name: 'Ref of a WAFv2 web ACL', doc: distribution('«!Ref EdgeAcl»'), messages: ['gives "name|id|scope"'] },
  { name: 'a WAFv2 ARN literal', doc: distribution('arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111') },
  { name: 'a WAF Classic id literal (warning)', doc: distribution('«a1b2c3d4-5678-90ab-cdef-EXAMPLE11111»'), messages: ['is not a WAFv2 web ACL ARN'] },
  { name: 'a parameter: not judged', doc: distribution('!Ref AclArn').replace('Resources:', 'Parameters:\n  AclArn: {Type: String}\nResources:') },
];

void describe('cfn-waf-cloudfront-region', () => {
  for (const testCase of regionCases) void test(testCase.name, () => assertRuleCase('cfn-waf-cloudfront-region', testCase));
});

void describe('cfn-cloudfront-webacl-arn', () => {
  for (const testCase of arnCases) void test(testCase.name, () => assertRuleCase('cfn-cloudfront-webacl-arn', testCase));
});
