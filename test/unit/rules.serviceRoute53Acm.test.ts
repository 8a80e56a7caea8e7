// cfn-route53-record (src/engine/services/route53Records.ts) and cfn-acm-validation-domain
// (src/engine/services/acmValidation.ts). cfn-lint's E3041, E3029 and E3503 check the same.
import { describe, test } from 'node:test';
import { assertRuleCase, type RuleCase } from '../support/lintHelpers';

const record = (props: string): string => `Resources:\n  Www:\n    Type: AWS::Route53::RecordSet\n    Properties:\n${props}`;
const certificate = (options: string): string => `Resources:\n  Cert:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: shop.example.com\n      DomainValidationOptions:\n${options}`;

const recordCases: RuleCase[] = [
  { name: 'a name outside its zone', doc: record('      HostedZoneName: example.com.\n      Name: «www.example.org»\n      Type: A\n      TTL: 300\n      ResourceRecords: [192.0.2.1]\n'), messages: ['Record www.example.org of Www is not in its hosted zone example.com.: Route 53 refuses it. Use a name that ends with example.com, or another hosted zone.'] },
  { name: 'a zone without its trailing dot', doc: record('      HostedZoneName: «example.com»\n      Name: www.example.com\n      Type: A\n      TTL: 300\n      ResourceRecords: [192.0.2.1]\n'), messages: ["The HostedZoneName of Www must end with a dot ('example.com.')"] },
  { name: 'an alias with a TTL and records', doc: record('      HostedZoneName: example.com.\n      Name: www.example.com.\n      Type: A\n      AliasTarget: {DNSName: d123.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2}\n      «TTL»: 300\n      «ResourceRecords»: [192.0.2.1]\n'), messages: ['Www is an alias record (AliasTarget), which takes no TTL'] },
  { name: 'in a record set group', doc: 'Resources:\n  Records:\n    Type: AWS::Route53::RecordSetGroup\n    Properties:\n      HostedZoneName: example.com.\n      RecordSets:\n        - Name: api.example.com.\n          Type: CNAME\n          TTL: 60\n          ResourceRecords: [x.example.com]\n        - Name: «api.other.com.»\n          Type: CNAME\n          TTL: 60\n          ResourceRecords: [x.example.com]\n' },
  { name: 'valid: the apex, a wildcard, another case; names from intrinsics', doc: `${record('      HostedZoneName: Example.COM.\n      Name: example.com\n      Type: A\n      TTL: 300\n      ResourceRecords: [192.0.2.1]\n')}  Wild:\n    Type: AWS::Route53::RecordSet\n    Properties: {HostedZoneName: example.com., Name: "*.example.com.", Type: A, TTL: 60, ResourceRecords: [192.0.2.2]}\n  Sub:\n    Type: AWS::Route53::RecordSet\n    Properties: {HostedZoneName: example.com., Name: !Sub "www.\${AWS::Region}.example.com", Type: A, TTL: 60, ResourceRecords: [192.0.2.3]}\n` },
];

const acmCases: RuleCase[] = [
  { name: 'a validation domain that is not a superdomain', doc: certificate('        - DomainName: shop.example.com\n          ValidationDomain: «example.org»\n'), messages: ['ValidationDomain example.org of Cert is neither shop.example.com nor a superdomain of it: ACM refuses the request.'] },
  { name: 'a suffix that is not a domain boundary', doc: certificate('        - DomainName: shop.example.com\n          ValidationDomain: «p.example.com»\n') },
  { name: 'valid: the same domain, a parent, a wildcard', doc: certificate('        - DomainName: shop.example.com\n          ValidationDomain: example.com\n        - DomainName: "*.example.com"\n          ValidationDomain: example.com\n        - DomainName: a.example.com\n          ValidationDomain: A.EXAMPLE.COM\n') },
];

void describe('cfn-route53-record', () => {
  for (const testCase of recordCases) void test(testCase.name, () => assertRuleCase('cfn-route53-record', testCase));
});
void describe('cfn-acm-validation-domain', () => {
  for (const testCase of acmCases) void test(testCase.name, () => assertRuleCase('cfn-acm-validation-domain', testCase));
});
