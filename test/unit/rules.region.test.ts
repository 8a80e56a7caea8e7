import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';
import { isUnavailable, KNOWN_REGIONS } from '../../src/engine/rules/regionRules';
import regionData from '../../src/engine/data/regionAvailability.json';

// Facts chosen to be stable across table refreshes: CloudFront has no GovCloud endpoint,
// Cognito user pools are not in the China regions, Device Farm lives only in us-west-2.
const template = (...types: string[]): string => `Resources:\n${types.map((type, i) => `  R${i}:\n    Type: ${type}\n`).join('')}`;
const regions = (...names: string[]): { regions: string[] } => ({ regions: names });

const cases: RuleCase[] = [
  { name: 'no regions configured', doc: template('AWS::CloudFront::Distribution') },
  { name: 'available everywhere', doc: template('AWS::S3::Bucket', 'AWS::Lambda::Function'), options: regions('us-gov-west-1', 'cn-north-1', 'af-south-1') },
  { name: 'not available', doc: template('AWS::S3::Bucket', '«AWS::CloudFront::Distribution»'), options: regions('us-gov-west-1'), messages: ['AWS::CloudFront::Distribution is not available in us-gov-west-1'] },
  {
    name: 'several regions in one finding',
    doc: template('«AWS::Cognito::UserPool»', '«AWS::CloudFront::Distribution»'),
    options: regions('us-east-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1'),
    messages: ['not available in cn-north-1 and cn-northwest-1 (', 'not available in us-gov-west-1 ('],
  },
  { name: 'us-east-1 lacks some types too', doc: template('«AWS::DeviceFarm::Project»'), options: regions('us-east-1', 'us-west-2'), messages: ['not available in us-east-1 ('] },
  { name: 'unknown regions are ignored', doc: template('AWS::CloudFront::Distribution'), options: regions('moon-east-1') },
  { name: 'regions without data are ignored', doc: template('AWS::CloudFront::Distribution'), options: regions('us-iso-east-1') },
  { name: 'SAM, custom and unknown types are not judged', doc: `Transform: AWS::Serverless-2016-10-31\n${template('AWS::Serverless::Function', 'Custom::Thing', 'AWS::Nope::Nope')}`, options: regions('us-gov-west-1', 'cn-north-1') },
  { name: 'JSON', file: 't.json', doc: '{"Resources": {"D": {"Type": «"AWS::CloudFront::Distribution"»}}}', options: regions('us-gov-east-1') },
  { name: 'quoted YAML type', doc: "Resources:\n  D:\n    Type: «'AWS::CloudFront::Distribution'»\n", options: regions('us-gov-east-1') },
];

void describe('cfn-region-availability', () => {
  for (const testCase of cases) void test(testCase.name, () => assertRuleCase('cfn-region-availability', testCase));

  void test('lookups', () => {
    assert.equal(isUnavailable('AWS::CloudFront::Distribution', 'us-gov-west-1'), true);
    assert.equal(isUnavailable('AWS::CloudFront::Distribution', 'us-east-1'), false);
    assert.equal(isUnavailable('AWS::S3::Bucket', 'cn-north-1'), false);
    assert.equal(isUnavailable('AWS::CloudFront::Distribution', 'moon-east-1'), false);
    assert.equal(isUnavailable('NoSeparator', 'us-east-1'), false);
  });

  void test('known regions include regions without data', () => {
    for (const region of ['us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'me-south-1']) assert.ok(KNOWN_REGIONS.includes(region), region);
    assert.deepEqual([...KNOWN_REGIONS], [...KNOWN_REGIONS].sort());
  });

  void test('the table is well-formed', () => {
    const digits = Math.ceil(regionData.regions.length / 4);
    for (const [service, types] of Object.entries(regionData.unavailable)) {
      assert.match(service, /^[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      for (const [type, mask] of Object.entries(types as Record<string, string>)) {
        assert.match(mask, /^[1-9a-f][0-9a-f]*$/, `${service}::${type}`);
        assert.ok(mask.length <= digits, `${service}::${type}: mask wider than the region list`);
      }
    }
    assert.ok(regionData.regions.every((region) => !regionData.regionsWithoutData.includes(region)));
  });
});
