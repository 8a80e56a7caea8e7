/**
 * The Price List product parser and the refreshed-prices cache (pure): tiers kept in
 * beginRange order (never "the first dimension"), units checked, malformed products and cache
 * entries refused with a reason, and a cached region overriding the shipped table.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../src/engine/analyzedDocument';
import { estimateCost } from '../../src/engine/cost/estimate';
import { applyPriceCache, parsePriceCache, parsePriceListProduct, priceFromProducts, priceQueries, serializePriceCache, withRegionPrices, EMPTY_PRICE_CACHE, type PriceQuery } from '../../src/engine/cost/priceList';
import { SHIPPED_PRICES, type PriceEntry } from '../../src/engine/cost/priceTable';
import { tieredCost } from '../../src/engine/cost/tiers';
import { productJson, type FixtureProduct } from '../support/aws/pricingFixtures';

const S3: PriceQuery = priceQueries(SHIPPED_PRICES).find((query) => query.key === 's3.standard.storage')!;
const REQUESTS: PriceQuery = priceQueries(SHIPPED_PRICES).find((query) => query.key === 'lambda.requests')!;

function product(dimensions: FixtureProduct['dimensions'], unit = 'GB-Mo'): string {
  return productJson({ sku: 'SKU1', serviceCode: 'AmazonS3', productFamily: 'Storage', attributes: { regionCode: 'eu-west-1' }, unit, dimensions });
}

describe('Price List products', () => {
  it('keeps every tier, sorted by beginRange, whatever order the dimensions come in', () => {
    const parsed = parsePriceListProduct(
      product([
        { begin: '512000', end: 'Inf', usd: '0.021' },
        { begin: '0', end: '51200', usd: '0.023' },
        { begin: '51200', end: '512000', usd: '0.022' },
      ]),
      S3,
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.tiers, [
      { upTo: 51200, price: 0.023 },
      { upTo: 512000, price: 0.022 },
      { upTo: null, price: 0.021 },
    ]);
    // 60 TB = 61,440 GB: 51,200 x 0.023 + 10,240 x 0.022 = 1,177.60 + 225.28 = 1,402.88 (not 61,440 x 0.021).
    assert.ok(Math.abs(tieredCost(61_440, parsed.tiers) - 1402.88) < 1e-9);
  });

  it('converts the API unit into the table unit (per request -> per 1M requests)', () => {
    const parsed = parsePriceListProduct(product([{ begin: '0', end: 'Inf', usd: '0.0000002000' }], 'Requests'), REQUESTS);
    assert.ok(parsed.ok);
    assert.equal(parsed.tiers.length, 1);
    assert.ok(Math.abs(parsed.tiers[0]!.price - 0.2) < 1e-12);
    assert.equal(parsed.tiers[0]!.upTo, null);
  });

  it('refuses malformed products with a reason: not JSON, a gap, an overlap, another unit, no USD, no terms', () => {
    const cases: [string, RegExp][] = [
      ['{"product": ', /not JSON/],
      [product([{ begin: '0', end: '100', usd: '1' }, { begin: '200', end: 'Inf', usd: '0.5' }]), /gap or overlap/],
      [product([{ begin: '0', end: '100', usd: '1' }, { begin: '50', end: 'Inf', usd: '0.5' }]), /gap or overlap/],
      [product([{ begin: '0', end: '100', usd: '1' }]), /gap or overlap/],
      [product([{ begin: '0', end: 'Inf', usd: '1' }], 'Hrs'), /priced per Hrs, expected GB-Mo/],
      [product([{ begin: '0', end: 'Inf', usd: '-1' }]), /no valid range or USD price/],
      [product([]), /no price dimensions/],
      [JSON.stringify({ product: { sku: 'X' }, terms: {} }), /no on-demand price/],
      // A `__proto__` key is data (JSON.parse makes it an own property), never a prototype.
      ['{"product":{"sku":"X"},"terms":{"OnDemand":{"__proto__":{"priceDimensions":{}}}}}', /product X: no price dimensions/],
    ];
    for (const [json, problem] of cases) {
      const parsed = parsePriceListProduct(json, S3);
      assert.equal(parsed.ok, false, json);
      assert.match(parsed.ok ? '' : parsed.problem, problem);
    }
  });

  it('drops a $0 free first tier where the table leaves free tiers out (DynamoDB storage), keeps it elsewhere', () => {
    const dynamo = priceQueries(SHIPPED_PRICES).find((query) => query.key === 'dynamodb.storage')!;
    const json = product([
      { begin: '0', end: '25', usd: '0.0000000000' },
      { begin: '25', end: 'Inf', usd: '0.2500000000' },
    ]);
    const dropped = parsePriceListProduct(json, dynamo);
    assert.ok(dropped.ok);
    // 100 GB at $0.25 = $25.00 (not 75 x 0.25 = $18.75 with the free 25 GB).
    assert.equal(tieredCost(100, dropped.tiers), 25);
    const kept = parsePriceListProduct(json, S3);
    assert.ok(kept.ok);
    assert.equal(tieredCost(100, kept.tiers), 18.75);
  });

  it('several products with different prices for one key keep the shipped price; identical ones agree', () => {
    const a = product([{ begin: '0', end: 'Inf', usd: '0.023' }]);
    const b = product([{ begin: '0', end: 'Inf', usd: '0.025' }]);
    const differ = priceFromProducts([a, b], S3, 'eu-west-1', '2026-12-07');
    assert.equal(differ.entry, undefined);
    assert.match(differ.problems.join('\n'), /2 products with different prices/);
    const agree = priceFromProducts([a, a], S3, 'eu-west-1', '2026-12-07');
    assert.deepEqual(agree.entry?.tiers, [{ upTo: null, price: 0.023 }]);
    assert.equal(agree.entry?.date, '2026-12-07');
    assert.match(agree.entry?.source ?? '', /AWS Price List API GetProducts AmazonS3 \(SKU SKU1, SKU1\)/);
  });
});

describe('refreshed-prices cache', () => {
  const entry: PriceEntry = { unit: 'instance-hour', tiers: [{ upTo: null, price: 0.0456 }], source: 'AWS Price List API', date: '2026-12-07' };
  const cache = withRegionPrices(EMPTY_PRICE_CACHE, 'eu-west-1', '2026-12-07T17:00:00.000Z', new Map([['ec2.instance.t3.medium', entry]]));

  it('round-trips through its file text', () => {
    const { cache: read, problems } = parsePriceCache(serializePriceCache(cache));
    assert.deepEqual(problems, []);
    assert.deepEqual(read.regions.get('eu-west-1')?.prices.get('ec2.instance.t3.medium'), entry);
  });

  it('leaves out malformed regions and prices, never throws, never reads the prototype', () => {
    assert.match(parsePriceCache('{').problems[0]!, /not JSON/);
    assert.match(parsePriceCache('{"version":2}').problems[0]!, /unknown format/);
    const text = JSON.stringify({
      version: 1,
      regions: {
        'eu-west-1': { refreshedAt: '2026-12-07', prices: { good: entry, bad: { ...entry, tiers: [{ upTo: 5, price: 1 }] }, negative: { ...entry, tiers: [{ upTo: null, price: -1 }] } } },
      },
    }).replace('"regions":{', '"regions":{"__proto__":{"refreshedAt":"x","prices":{}},');
    const { cache: read, problems } = parsePriceCache(text);
    assert.deepEqual([...read.regions.keys()], ['eu-west-1']);
    assert.deepEqual([...read.regions.get('eu-west-1')!.prices.keys()], ['good']);
    assert.equal(problems.length, 3);
  });

  it('overrides the shipped table for its region only, and dates that region by its refresh', () => {
    const template = analyzeDocument('t.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Box:\n    Type: AWS::EC2::Instance\n    Properties: { ImageId: ami-1, InstanceType: t3.medium }\n").template!;
    const before = estimateCost(template, { prices: SHIPPED_PRICES, region: 'eu-west-1' });
    assert.equal(before.monthly.fixed, 0);
    assert.match(before.resources[0]!.components[0]!.note ?? '', /unknown \(no price for eu-west-1\)/);
    const table = applyPriceCache(SHIPPED_PRICES, cache);
    const after = estimateCost(template, { prices: table, region: 'eu-west-1' });
    // 730 h x $0.0456 = $33.288
    assert.equal(after.monthly.fixed, 33.288);
    assert.equal(after.priceDate, '2026-12-07');
    const east = estimateCost(template, { prices: table, region: 'us-east-1' });
    // Unchanged shipped us-east-1 price: 730 h x $0.0416 = $30.368
    assert.equal(east.monthly.fixed, 30.368);
    assert.equal(east.priceDate, SHIPPED_PRICES.priceDate);
  });
});
