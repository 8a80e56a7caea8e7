// Refresh Prices through the real @aws-sdk/client-pricing against the local account's Price List
// API (awsJson1_1 GetProducts): paging with NextToken, tiered products, a malformed product,
// throttling (retried, and a clear message when retries run out), the Pricing endpoint region,
// and a refreshed cache that prices a region the shipped table does not cover.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AwsError } from '../../../src/aws/errors';
import { PricingClient } from '@aws-sdk/client-pricing';
import { PRICING_API_REGIONS, pricingApiRegion, pricingService } from '../../../src/aws/services/pricing';
import { defineService } from '../../../src/aws/services/serviceDescriptor';
import { AwsSession } from '../../../src/aws/session';
import { analyzeDocument } from '../../../src/engine/analyzedDocument';
import { estimateCost } from '../../../src/engine/cost/estimate';
import { applyPriceCache, priceQueries, withRegionPrices, EMPTY_PRICE_CACHE } from '../../../src/engine/cost/priceList';
import { SHIPPED_PRICES } from '../../../src/engine/cost/priceTable';
import { fetchRegionPrices } from '../../../src/extension/cost/priceRefresh';
import { readPriceCacheFile, writePriceCacheFile } from '../../../src/node/priceCacheFile';
import { commandFailure } from '../../../src/views/errorMessages';
import { startLocalAccount, type LocalAccount } from '../../support/aws/localAccount';
import { productJson } from '../../support/aws/pricingFixtures';
import { awsServicesFor } from '../../support/awsServicesFor';

let account: LocalAccount;
const seeded: string[] = [];
const QUERIES = priceQueries(SHIPPED_PRICES);
const DATE = '2026-12-07';

before(async () => {
  account = await startLocalAccount();
  seeded.push(...account.pricing.products.map((product) => product.sku));
});
after(async () => {
  await account.server.close();
});
beforeEach(() => {
  account.server.faults.clear();
  account.server.log.clear();
  // Tests that add products take them out again.
  account.pricing.products.splice(seeded.length);
});

function session(maxAttempts = 1, region = 'eu-west-1'): ReturnType<typeof awsServicesFor> {
  return awsServicesFor({ endpoint: account.server.endpoint, maxAttempts, region });
}

describe('Price List gateway and refresh (real SDK, local server)', () => {
  test('refreshes eu-west-1: tiered S3 and Lambda prices, instance prices, malformed products skipped with a reason', async () => {
    const s = session();
    try {
      const result = await fetchRegionPrices(s.gateway(pricingService), 'eu-west-1', QUERIES, { date: DATE });
      // Tiers from dimensions served out of order: 0-51,200 GB at 0.023, to 512,000 at 0.022, then 0.021.
      assert.deepEqual(result.prices.get('s3.standard.storage')?.tiers, [
        { upTo: 51200, price: 0.023 },
        { upTo: 512000, price: 0.022 },
        { upTo: null, price: 0.021 },
      ]);
      assert.deepEqual(result.prices.get('lambda.gbs.x86_64')?.tiers, [
        { upTo: 6e9, price: 0.0000166667 },
        { upTo: 15e9, price: 0.000015 },
        { upTo: null, price: 0.0000133334 },
      ]);
      // $0.0000002 per request = $0.20 per 1M requests.
      assert.ok(Math.abs((result.prices.get('lambda.requests')?.tiers[0]?.price ?? 0) - 0.2) < 1e-12);
      assert.equal(result.prices.get('ec2.instance.t3.medium')?.tiers[0]?.price, 0.0456);
      assert.equal(result.prices.get('nat.hours')?.tiers[0]?.price, 0.048);
      assert.equal(result.prices.get('ec2.instance.t3.medium')?.date, DATE);
      // The arm64 product leaves a gap between its tiers; the DynamoDB one is not JSON.
      assert.equal(result.prices.has('lambda.gbs.arm64'), false);
      assert.equal(result.prices.has('dynamodb.storage'), false);
      const problems = result.problems.join('\n');
      assert.match(problems, /lambda\.gbs\.arm64: product EULAMBDAARM: its price tiers leave a gap or overlap/);
      assert.match(problems, /dynamodb\.storage: a product that is not JSON was skipped/);
      // One GetProducts per query, each filtered on the region code.
      const calls = account.server.log.entries.filter((entry) => entry.operation === 'GetProducts');
      assert.equal(calls.length, QUERIES.length);
      assert.ok(calls.every((entry) => JSON.stringify(entry.input).includes('"regionCode"')));
    } finally {
      s.dispose();
    }
  });

  test('pages with NextToken (MaxResults <= 100) and reads every page', async () => {
    // 230 identical NAT gateway products (other usage types) for eu-west-1: 3 pages of 100.
    for (let i = 0; i < 230; i += 1) {
      account.pricing.products.push({ sku: `NAT${i}`, serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', attributes: { regionCode: 'eu-west-1', group: 'NGW:NatGateway', usagetype: `EU-NatGateway-Hours-${i}` }, unit: 'Hrs', dimensions: [{ begin: '0', end: 'Inf', usd: '0.048' }] });
    }
    const s = session();
    try {
      const nat = QUERIES.filter((query) => query.key === 'nat.hours');
      const result = await fetchRegionPrices(s.gateway(pricingService), 'eu-west-1', nat, { date: DATE });
      assert.equal(result.prices.get('nat.hours')?.tiers[0]?.price, 0.048);
      const calls = account.server.log.entries.filter((entry) => entry.operation === 'GetProducts');
      assert.equal(calls.length, 3);
      assert.ok(calls.every((entry) => (entry.input as { MaxResults?: number }).MaxResults === 100));
      assert.equal((calls[0]!.input as { NextToken?: string }).NextToken, undefined);
      assert.ok((calls[1]!.input as { NextToken?: string }).NextToken);
      // 231 SKUs agree on one price (the source names the first three and counts the rest).
      assert.match(result.prices.get('nat.hours')?.source ?? '', /\(SKU EUNATHOURS, NAT0, NAT1 and 228 more\)/);
    } finally {
      s.dispose();
    }
  });

  test('a product added to a page of its own is still read (page size 1)', async () => {
    account.pricing.products.push({ sku: 'EUT3MEDIUMB', serviceCode: 'AmazonEC2', productFamily: 'Compute Instance', attributes: { regionCode: 'eu-west-1', instanceType: 't3.medium', operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required' }, unit: 'Hrs', dimensions: [{ begin: '0', end: 'Inf', usd: '0.0500' }] });
    const s = session();
    try {
      const t3 = QUERIES.filter((query) => query.key === 'ec2.instance.t3.medium');
      const result = await fetchRegionPrices(s.gateway(pricingService), 'eu-west-1', t3, { date: DATE, pageSize: 1 });
      // Two products with different prices on two pages: neither is taken as "the" price.
      assert.equal(result.prices.has('ec2.instance.t3.medium'), false);
      assert.match(result.problems.join('\n'), /2 products with different prices match/);
      assert.equal(account.server.log.entries.filter((entry) => entry.operation === 'GetProducts').length, 2);
    } finally {
      s.dispose();
    }
  });

  test('throttling is retried by the SDK; when retries run out the refresh fails with a clear message and no SDK text', async () => {
    const retrying = session(3);
    try {
      account.server.faults.inject({ service: 'pricing', operation: 'GetProducts', kind: 'throttle', calls: [2] });
      const result = await fetchRegionPrices(retrying.gateway(pricingService), 'eu-west-1', QUERIES.filter((query) => ['s3.standard.storage', 'lambda.requests', 'ec2.instance.m5.large'].includes(query.key)), { date: DATE });
      assert.equal(result.prices.size, 3);
      // The second call was throttled and retried: 4 requests for 3 queries.
      assert.equal(account.server.log.summary().filter((line) => line.startsWith('pricing GetProducts 400')).length, 1);
      assert.equal(account.server.log.entries.length, 4);
    } finally {
      retrying.dispose();
    }
    const once = session(1);
    try {
      account.server.faults.inject({ service: 'pricing', operation: 'GetProducts', kind: 'throttle' });
      const error = await fetchRegionPrices(once.gateway(pricingService), 'eu-west-1', QUERIES, { date: DATE }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof AwsError);
      assert.equal(error.code, 'Throttling');
      const { message } = commandFailure('Refreshing prices from the AWS Price List API', error);
      assert.match(message, /^ArchLens: Refreshing prices from the AWS Price List API failed/);
      // The service's own short message may appear ("Rate exceeded"); the SDK's exception name, metadata or stack never.
      assert.match(message, /retry in a moment/);
      assert.doesNotMatch(message, /ThrottlingException|\$metadata|httpStatusCode|at .*\.js/);
    } finally {
      once.dispose();
    }
  });

  test('a cancelled refresh stops with Cancelled', async () => {
    const s = session();
    try {
      const controller = new AbortController();
      const done: number[] = [];
      const error = await fetchRegionPrices(s.gateway(pricingService), 'eu-west-1', QUERIES, {
        date: DATE,
        signal: controller.signal,
        onProgress: (count) => {
          done.push(count);
          if (count === 2) controller.abort();
        },
      }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof AwsError && error.code === 'Cancelled');
      assert.deepEqual(done, [1, 2]);
    } finally {
      s.dispose();
    }
  });

  test('a session in a region without a Price List endpoint builds its Pricing client in the nearest one, not refused', async () => {
    // The client itself as the "gateway", to read its region; no request is sent (no endpoint override, no internet).
    const probe = defineService({ id: 'pricingprobe', sdkServiceId: 'Pricing', displayName: 'Price List', regions: PRICING_API_REGIONS, apiRegion: pricingApiRegion, load: () => ({ client: PricingClient, gateway: (client: PricingClient) => client }) });
    const withoutApiRegion = defineService({ id: 'pricingplain', sdkServiceId: 'Pricing', displayName: 'Price List', regions: PRICING_API_REGIONS, load: () => ({ client: PricingClient, gateway: (client: PricingClient) => client }) });
    const s = new AwsSession({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    try {
      const client = s.gateway(probe);
      assert.equal(await client.config.region(), 'eu-central-1');
      assert.ok(!client.middlewareStack.identify().some((name) => name.includes('archlensServiceUnavailable')));
      // Without `apiRegion` the same service would be refused in eu-west-1 before any request.
      const plain = s.gateway(withoutApiRegion);
      assert.equal(await plain.config.region(), 'eu-west-1');
      assert.ok(plain.middlewareStack.identify().some((name) => name.includes('archlensServiceUnavailable')));
    } finally {
      s.dispose();
    }
  });

  test('the Price List is called in its own regions (us-east-1, ap-south-1, eu-central-1)', () => {
    assert.equal(pricingApiRegion('eu-west-1'), 'eu-central-1');
    assert.equal(pricingApiRegion('ap-northeast-1'), 'ap-south-1');
    assert.equal(pricingApiRegion('sa-east-1'), 'us-east-1');
    assert.equal(pricingApiRegion('ap-south-1'), 'ap-south-1');
    assert.equal(pricingService.apiRegion?.('us-west-2'), 'us-east-1');
  });

  test('a refreshed cache file makes an eu-west-1 estimate priced where it was "unknown (no price for eu-west-1)"', async () => {
    const template = analyzeDocument(
      't.yaml',
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Box:\n    Type: AWS::EC2::Instance\n    Properties: { ImageId: ami-1, InstanceType: t3.medium }\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties: { SubnetId: subnet-1 }\n",
    ).template!;
    const before = estimateCost(template, { prices: SHIPPED_PRICES, region: 'eu-west-1' });
    assert.equal(before.monthly.fixed, 0);
    assert.ok(before.resources.every((resource) => resource.components.filter((c) => !c.usageBased).every((c) => c.monthly === null && /unknown \(no price for eu-west-1\)/.test(c.note ?? ''))));
    const s = session();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-prices-'));
    try {
      const refreshed = await fetchRegionPrices(s.gateway(pricingService), 'eu-west-1', QUERIES, { date: DATE });
      const file = path.join(dir, 'refreshed-prices.json');
      writePriceCacheFile(file, withRegionPrices(EMPTY_PRICE_CACHE, 'eu-west-1', `${DATE}T17:00:00.000Z`, refreshed.prices));
      const { cache, problems } = readPriceCacheFile(file);
      assert.deepEqual(problems, []);
      const after = estimateCost(template, { prices: applyPriceCache(SHIPPED_PRICES, cache), region: 'eu-west-1' });
      // Instance 730 h x $0.0456 = $33.288; NAT gateway 730 h x $0.048 = $35.04; total fixed $68.328.
      assert.equal(after.monthly.fixed, 68.328);
      assert.equal(after.priceDate, DATE);
      assert.match(after.assumptions[0]!, /refreshed from the AWS Price List API/);
    } finally {
      s.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('the seeded products are GetProducts JSON documents', () => {
  const parsed = JSON.parse(productJson(account.pricing.products[0]!)) as { terms: { OnDemand: Record<string, unknown> } };
  assert.equal(Object.keys(parsed.terms.OnDemand).length, 1);
});
