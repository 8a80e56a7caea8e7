// Seed products of the local AWS Price List API (services/pricing.ts), in the exact shape
// GetProducts returns them: one JSON document per product, on-demand terms with price
// dimensions that may be TIERED (beginRange / endRange), listed in no particular order on
// purpose. The figures are realistic test data for the local server, not a price source.

export interface FixtureDimension {
  readonly begin: string;
  readonly end: string;
  readonly usd: string;
}

export interface FixtureProduct {
  readonly sku: string;
  readonly serviceCode: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly unit: string;
  readonly dimensions: readonly FixtureDimension[];
  /** Served as this text instead of the built JSON (a malformed product). */
  readonly raw?: string;
}

/** The product as GetProducts returns it: a JSON string. */
export function productJson(product: FixtureProduct): string {
  if (product.raw !== undefined) return product.raw;
  const offer = `${product.sku}.JRTCKXETXF`;
  const priceDimensions: Record<string, unknown> = {};
  product.dimensions.forEach((dimension, index) => {
    const rateCode = `${offer}.${String(6_000_000 + index * 1_117)}`;
    priceDimensions[rateCode] = {
      rateCode,
      description: `$${dimension.usd} per ${product.unit} (${dimension.begin} to ${dimension.end})`,
      beginRange: dimension.begin,
      endRange: dimension.end,
      unit: product.unit,
      pricePerUnit: { USD: dimension.usd },
      appliesTo: [],
    };
  });
  return JSON.stringify({
    product: { productFamily: product.productFamily, attributes: { servicecode: product.serviceCode, ...product.attributes }, sku: product.sku },
    serviceCode: product.serviceCode,
    terms: { OnDemand: { [offer]: { priceDimensions, sku: product.sku, effectiveDate: '2026-11-01T00:00:00Z', offerTermCode: 'JRTCKXETXF', termAttributes: {} } } },
    version: '20261101000000',
    publicationDate: '2026-11-01T00:00:00Z',
  });
}

const flat = (usd: string): FixtureDimension[] => [{ begin: '0', end: 'Inf', usd }];

function ec2(sku: string, region: string, instanceType: string, usd: string): FixtureProduct {
  return {
    sku,
    serviceCode: 'AmazonEC2',
    productFamily: 'Compute Instance',
    attributes: { regionCode: region, instanceType, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required', usagetype: `${region === 'us-east-1' ? '' : 'EU-'}BoxUsage:${instanceType}` },
    unit: 'Hrs',
    dimensions: flat(usd),
  };
}

function s3Standard(sku: string, region: string): FixtureProduct {
  // Tiers listed out of order: a parser must sort by beginRange, never take the first one.
  return {
    sku,
    serviceCode: 'AmazonS3',
    productFamily: 'Storage',
    attributes: { regionCode: region, storageClass: 'General Purpose', volumeType: 'Standard', usagetype: 'TimedStorage-ByteHrs' },
    unit: 'GB-Mo',
    dimensions: [
      { begin: '512000', end: 'Inf', usd: '0.0210000000' },
      { begin: '0', end: '51200', usd: '0.0230000000' },
      { begin: '51200', end: '512000', usd: '0.0220000000' },
    ],
  };
}

function lambda(region: string, prefix: string): FixtureProduct[] {
  return [
    { sku: `${prefix}REQ`, serviceCode: 'AWSLambda', productFamily: 'Serverless', attributes: { regionCode: region, group: 'AWS-Lambda-Requests' }, unit: 'Requests', dimensions: flat('0.0000002000') },
    {
      sku: `${prefix}GBS`,
      serviceCode: 'AWSLambda',
      productFamily: 'Serverless',
      attributes: { regionCode: region, group: 'AWS-Lambda-Duration' },
      unit: 'Lambda-GB-Second',
      dimensions: [
        { begin: '15000000000', end: 'Inf', usd: '0.0000133334' },
        { begin: '6000000000', end: '15000000000', usd: '0.0000150000' },
        { begin: '0', end: '6000000000', usd: '0.0000166667' },
      ],
    },
  ];
}

/** The products the local Price List answers with: eu-west-1 (no shipped prices) and a few of us-east-1. */
export function createPricingFixture(): FixtureProduct[] {
  return [
    ec2('EU4T3MEDIUM', 'eu-west-1', 't3.medium', '0.0456000000'),
    ec2('EU4M5LARGE', 'eu-west-1', 'm5.large', '0.1070000000'),
    ec2('US4T3MEDIUM', 'us-east-1', 't3.medium', '0.0416000000'),
    s3Standard('EUS3STD', 'eu-west-1'),
    s3Standard('USS3STD', 'us-east-1'),
    ...lambda('eu-west-1', 'EULAMBDA'),
    ...lambda('us-east-1', 'USLAMBDA'),
    // Malformed: its tiers leave a gap between 7.5 and 8 billion GB-seconds.
    {
      sku: 'EULAMBDAARM',
      serviceCode: 'AWSLambda',
      productFamily: 'Serverless',
      attributes: { regionCode: 'eu-west-1', group: 'AWS-Lambda-Duration-ARM' },
      unit: 'Lambda-GB-Second',
      dimensions: [
        { begin: '0', end: '7500000000', usd: '0.0000133334' },
        { begin: '8000000000', end: 'Inf', usd: '0.0000120001' },
      ],
    },
    // Malformed: not JSON at all.
    { sku: 'EUDDBSTORAGE', serviceCode: 'AmazonDynamoDB', productFamily: 'Database Storage', attributes: { regionCode: 'eu-west-1', volumeType: 'Amazon DynamoDB - Indexed DataStore' }, unit: 'GB-Mo', dimensions: [], raw: '{"product": {"sku": "EUDDBSTORAGE", "attributes": ' },
    { sku: 'EUNATHOURS', serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', attributes: { regionCode: 'eu-west-1', group: 'NGW:NatGateway', usagetype: 'EU-NatGateway-Hours' }, unit: 'Hrs', dimensions: flat('0.0480000000') },
  ];
}
