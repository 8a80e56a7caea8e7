/**
 * Prices from the AWS Price List API (`GetProducts`), made into the shipped table's shape, and
 * the refreshed-prices cache that overrides the shipped table per region. Pure: the host fetches
 * the products and reads / writes the cache file; this module only decides what they mean.
 *
 * A product is a JSON string: `{ product: { attributes }, terms: { OnDemand: { <offer>: {
 * priceDimensions: { <rate>: { unit, beginRange, endRange, pricePerUnit: { USD } } } } } } }`.
 * Its dimensions are TIERS (S3's 0-51200, 51200-512000, 512000-Inf GB): every one is kept, in
 * `beginRange` order, never "the first dimension" as the price.
 */
import type { PriceEntry, PriceTable, PriceTier, RegionPrices } from './priceTable';

/** What to ask `GetProducts` for one price key, and how its answer maps onto the table's unit. */
export interface PriceQuery {
  /** The shipped table's key (`lambda.requests`). */
  readonly key: string;
  readonly serviceCode: string;
  /** `TERM_MATCH` filters besides the region (`regionCode`), as the Price List names attributes. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The unit the Price List quotes (`Requests`, `GB-Mo`, `Hrs`): a product in another unit is refused. */
  readonly apiUnit: string;
  /** The table's unit (`1M requests`). */
  readonly unit: string;
  /** Price List units in one table unit (1,000,000 for `1M requests`; 1 when they are the same). */
  readonly perUnit: number;
  /**
   * The Price List puts this key's monthly free tier in as a first tier at $0 (DynamoDB's 25 GB):
   * it is priced at the next tier's rate instead, as the shipped table leaves free tiers out.
   */
  readonly dropFreeTier?: boolean;
}

const ec2Instance = (type: string): PriceQuery => ({
  key: `ec2.instance.${type}`,
  serviceCode: 'AmazonEC2',
  attributes: { instanceType: type, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required' },
  apiUnit: 'Hrs',
  unit: 'instance-hour',
  perUnit: 1,
});

/** The EC2 instance types the shipped table prices (their keys are `ec2.instance.<type>`). */
function shippedInstanceTypes(shipped: PriceTable): string[] {
  const types = new Set<string>();
  for (const prices of shipped.regions.values()) for (const key of prices.keys()) if (key.startsWith('ec2.instance.')) types.add(key.slice('ec2.instance.'.length));
  return [...types].sort();
}

/**
 * What "Refresh Prices" asks for: the shipped EC2 instance types and the usage prices most
 * templates meet. Keys not listed keep their shipped price (or stay unknown in a region without one).
 */
export function priceQueries(shipped: PriceTable): PriceQuery[] {
  return [
    ...shippedInstanceTypes(shipped).map(ec2Instance),
    { key: 'lambda.requests', serviceCode: 'AWSLambda', attributes: { group: 'AWS-Lambda-Requests' }, apiUnit: 'Requests', unit: '1M requests', perUnit: 1e6 },
    { key: 'lambda.gbs.x86_64', serviceCode: 'AWSLambda', attributes: { group: 'AWS-Lambda-Duration' }, apiUnit: 'Lambda-GB-Second', unit: 'GB-second', perUnit: 1 },
    { key: 'lambda.gbs.arm64', serviceCode: 'AWSLambda', attributes: { group: 'AWS-Lambda-Duration-ARM' }, apiUnit: 'Lambda-GB-Second', unit: 'GB-second', perUnit: 1 },
    { key: 's3.standard.storage', serviceCode: 'AmazonS3', attributes: { storageClass: 'General Purpose', volumeType: 'Standard' }, apiUnit: 'GB-Mo', unit: 'GB-month', perUnit: 1 },
    { key: 'dynamodb.storage', serviceCode: 'AmazonDynamoDB', attributes: { productFamily: 'Database Storage', volumeType: 'Amazon DynamoDB - Indexed DataStore' }, apiUnit: 'GB-Mo', unit: 'GB-month', perUnit: 1, dropFreeTier: true },
    { key: 'ebs.gp3', serviceCode: 'AmazonEC2', attributes: { productFamily: 'Storage', volumeApiName: 'gp3' }, apiUnit: 'GB-Mo', unit: 'GB-month', perUnit: 1 },
    { key: 'ebs.gp2', serviceCode: 'AmazonEC2', attributes: { productFamily: 'Storage', volumeApiName: 'gp2' }, apiUnit: 'GB-Mo', unit: 'GB-month', perUnit: 1 },
    { key: 'nat.hours', serviceCode: 'AmazonEC2', attributes: { productFamily: 'NAT Gateway', group: 'NGW:NatGateway' }, apiUnit: 'Hrs', unit: 'hour', perUnit: 1 },
  ];
}

/** A refreshed price, or why a product could not give one. */
export type ParsedProduct = { readonly ok: true; readonly tiers: readonly PriceTier[]; readonly sku: string } | { readonly ok: false; readonly problem: string };

/** A product larger than this is refused unparsed (real ones are a few KB). */
export const MAX_PRODUCT_CHARS = 1_000_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own values of a JSON object (JSON.parse makes own properties only; no prototype lookups). */
const ownValues = (value: unknown): unknown[] => (isRecord(value) ? Object.keys(value).map((key) => value[key]) : []);

/** The decimal string the Price List uses for ranges and prices; `Inf` only where `allowInf`. */
function decimal(value: unknown, allowInf: boolean): number | null | undefined {
  if (allowInf && value === 'Inf') return null;
  if (typeof value !== 'string' || !/^\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The on-demand tiers of one product (a JSON string from `GetProducts`), in the table's unit. */
export function parsePriceListProduct(json: string, query: PriceQuery): ParsedProduct {
  if (json.length > MAX_PRODUCT_CHARS) return { ok: false, problem: `a product of ${json.length.toLocaleString('en-US')} characters was skipped` };
  let product: unknown;
  try {
    product = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'a product that is not JSON was skipped' };
  }
  const sku = isRecord(product) && isRecord(product.product) && typeof product.product.sku === 'string' ? product.product.sku : '?';
  const onDemand = isRecord(product) && isRecord(product.terms) ? product.terms.OnDemand : undefined;
  const offers = ownValues(onDemand);
  if (offers.length !== 1) return { ok: false, problem: `product ${sku}: ${offers.length === 0 ? 'no on-demand price' : 'several on-demand offers'}` };
  const dimensions = ownValues(isRecord(offers[0]) ? offers[0].priceDimensions : undefined);
  const ranges: { begin: number; end: number | null; price: number }[] = [];
  for (const dimension of dimensions) {
    if (!isRecord(dimension)) return { ok: false, problem: `product ${sku}: a price dimension is not an object` };
    if (dimension.unit !== query.apiUnit) return { ok: false, problem: `product ${sku}: priced per ${String(dimension.unit)}, expected ${query.apiUnit}` };
    const begin = decimal(dimension.beginRange ?? '0', false);
    const end = decimal(dimension.endRange ?? 'Inf', true);
    const price = decimal(isRecord(dimension.pricePerUnit) ? dimension.pricePerUnit.USD : undefined, false);
    if (begin === undefined || begin === null || end === undefined || price === undefined || price === null) return { ok: false, problem: `product ${sku}: a price dimension has no valid range or USD price` };
    ranges.push({ begin, end, price });
  }
  if (ranges.length === 0) return { ok: false, problem: `product ${sku}: no price dimensions` };
  ranges.sort((a, b) => a.begin - b.begin);
  // Tiers must cover 0..Inf without gaps or overlaps: each begins where the previous one ended.
  for (let i = 0; i < ranges.length; i += 1) {
    const expectedBegin = i === 0 ? 0 : ranges[i - 1]!.end;
    const last = i === ranges.length - 1;
    if (ranges[i]!.begin !== expectedBegin || (ranges[i]!.end === null) !== last) return { ok: false, problem: `product ${sku}: its price tiers leave a gap or overlap` };
  }
  // A free first tier (AWS free tier) is dropped where the table leaves free tiers out: the next tier starts at 0.
  if (query.dropFreeTier === true && ranges.length > 1 && ranges[0]!.price === 0) ranges.shift();
  return { ok: true, sku, tiers: ranges.map((range) => ({ upTo: range.end === null ? null : range.end / query.perUnit, price: range.price * query.perUnit })) };
}

/** The price of one key from every product `GetProducts` returned for its query. */
export function priceFromProducts(products: readonly string[], query: PriceQuery, region: string, date: string): { entry?: PriceEntry; problems: string[] } {
  const problems: string[] = [];
  const found: ParsedProduct[] = [];
  for (const json of products) {
    const parsed = parsePriceListProduct(json, query);
    if (parsed.ok) found.push(parsed);
    else problems.push(`${query.key}: ${parsed.problem}`);
  }
  if (found.length === 0) return { problems: [...problems, `${query.key}: no product in the Price List for ${region}; the shipped price (if any) stays`] };
  const distinct = new Set(found.map((parsed) => (parsed.ok ? JSON.stringify(parsed.tiers) : '')));
  if (distinct.size > 1) return { problems: [...problems, `${query.key}: ${found.length} products with different prices match; the shipped price (if any) stays`] };
  const first = found[0]!;
  const all = found.map((parsed) => (parsed.ok ? parsed.sku : ''));
  const skus = `${all.slice(0, 3).join(', ')}${all.length > 3 ? ` and ${all.length - 3} more` : ''}`;
  return { entry: { unit: query.unit, tiers: first.ok ? first.tiers : [], source: `AWS Price List API GetProducts ${query.serviceCode} (SKU ${skus}), refreshed`, date }, problems };
}

/** Refreshed prices per region, as the cache file holds them. */
export interface PriceCache {
  readonly regions: ReadonlyMap<string, { readonly refreshedAt: string; readonly prices: RegionPrices }>;
}

export const EMPTY_PRICE_CACHE: PriceCache = { regions: new Map() };

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** True for a region code's shape (`eu-west-1`); names from users and files are checked with it. */
export function isRegionCode(text: string): boolean {
  return REGION.test(text);
}

/** The cache file's JSON. */
export function serializePriceCache(cache: PriceCache): string {
  const regions: Record<string, unknown> = {};
  for (const [region, { refreshedAt, prices }] of cache.regions) regions[region] = { refreshedAt, prices: Object.fromEntries(prices) };
  return `${JSON.stringify({ version: 1, regions }, null, 1)}\n`;
}

function tiersOf(value: unknown): PriceTier[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) return undefined;
  const tiers: PriceTier[] = [];
  for (const tier of value) {
    if (!isRecord(tier) || typeof tier.price !== 'number' || !Number.isFinite(tier.price) || tier.price < 0) return undefined;
    if (tier.upTo !== null && (typeof tier.upTo !== 'number' || !Number.isFinite(tier.upTo))) return undefined;
    tiers.push({ upTo: tier.upTo, price: tier.price });
  }
  return tiers[tiers.length - 1]!.upTo === null ? tiers : undefined;
}

/** A cache file's text; anything malformed is left out and reported, never thrown. */
export function parsePriceCache(text: string): { cache: PriceCache; problems: string[] } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { cache: EMPTY_PRICE_CACHE, problems: ['the refreshed-prices cache is not JSON; run "ArchLens: Refresh Prices" again'] };
  }
  if (!isRecord(root) || root.version !== 1 || !isRecord(root.regions)) return { cache: EMPTY_PRICE_CACHE, problems: ['the refreshed-prices cache has an unknown format; run "ArchLens: Refresh Prices" again'] };
  const problems: string[] = [];
  const regions = new Map<string, { refreshedAt: string; prices: RegionPrices }>();
  for (const region of Object.keys(root.regions)) {
    const entry = root.regions[region];
    if (!isRegionCode(region) || !isRecord(entry) || typeof entry.refreshedAt !== 'string' || !isRecord(entry.prices)) {
      problems.push(`the refreshed-prices cache has a malformed region entry (${region.slice(0, 40)}); it is ignored`);
      continue;
    }
    const prices = new Map<string, PriceEntry>();
    for (const key of Object.keys(entry.prices)) {
      const price = entry.prices[key];
      const tiers = isRecord(price) ? tiersOf(price.tiers) : undefined;
      if (!isRecord(price) || !tiers || typeof price.unit !== 'string' || typeof price.source !== 'string' || typeof price.date !== 'string') {
        problems.push(`the refreshed-prices cache has a malformed price for ${key.slice(0, 80)} in ${region}; it is ignored`);
        continue;
      }
      prices.set(key, { unit: price.unit, tiers, source: price.source, date: price.date });
    }
    regions.set(region, { refreshedAt: entry.refreshedAt.slice(0, 40), prices });
  }
  return { cache: { regions }, problems };
}

/** The cache with one region's refreshed prices replaced. */
export function withRegionPrices(cache: PriceCache, region: string, refreshedAt: string, prices: RegionPrices): PriceCache {
  return { regions: new Map([...cache.regions, [region, { refreshedAt, prices }]]) };
}

/**
 * The shipped table with the cache's prices over it: a refreshed key replaces the shipped one of
 * its region, keys not refreshed keep the shipped price, and a refreshed region dates its
 * estimates by its refresh day.
 */
export function applyPriceCache(shipped: PriceTable, cache: PriceCache): PriceTable {
  if (cache.regions.size === 0) return shipped;
  const regions = new Map(shipped.regions);
  const regionDates = new Map(shipped.regionDates ?? []);
  for (const [region, refreshed] of cache.regions) {
    regions.set(region, new Map([...(shipped.regions.get(region) ?? []), ...refreshed.prices]));
    regionDates.set(region, refreshed.refreshedAt.slice(0, 10));
  }
  return { priceDate: shipped.priceDate, regions, regionDates };
}
