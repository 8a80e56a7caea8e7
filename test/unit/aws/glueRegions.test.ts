// Glue's region list: the descriptor says `regions: 'all'`, so no region of the picker refuses
// Glue before a request. That holds only while the Data Catalog exists in every region ArchLens
// lists: checked here against the per-region CloudFormation resource data the engine ships
// (cfn-lint's provider schemas, src/engine/data/regionAvailability.json). When AWS opens a region
// without Glue, this fails and the descriptor needs an explicit list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AWS_REGIONS } from '../../../src/aws/regions';
import { glueService } from '../../../src/aws/services/glue';
import { isServiceInRegion, unavailableMessage } from '../../../src/aws/services/serviceDescriptor';
import { isUnavailable } from '../../../src/engine/rules/regionRules';

void test('the Data Catalog (databases, tables, partitions) exists in every listed region, as the descriptor says', () => {
  assert.equal(glueService.regions, 'all');
  for (const type of ['AWS::Glue::Database', 'AWS::Glue::Table', 'AWS::Glue::Partition']) {
    const missing = AWS_REGIONS.filter((region) => isUnavailable(type, region.id)).map((region) => region.id);
    assert.deepEqual(missing, [], `${type} is not offered in ${missing.join(', ')}: give glueService an explicit regions list`);
  }
  assert.ok(AWS_REGIONS.every((region) => isServiceInRegion(glueService, region.id)));
});

void test('multi-catalog (AWS::Glue::Catalog) is missing in some regions: the view then falls back to the default catalog', () => {
  // GetCatalogs is refused there; glueRoot.ts shows the default catalog alone (tested in views/glue.test.ts).
  const without = AWS_REGIONS.filter((region) => isUnavailable('AWS::Glue::Catalog', region.id)).map((region) => region.id);
  assert.ok(without.length > 0 && !without.includes('us-east-1'), `unexpected: ${without.join(', ')}`);
  assert.match(unavailableMessage(glueService, 'xx-nowhere-1'), /Glue is not available in xx-nowhere-1/);
});
