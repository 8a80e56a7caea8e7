/**
 * "Refresh Prices" without the editor: asks the Price List API for each price query of a region
 * (paged, bounded) and makes the answers into the table's entries. Free of `vscode` (unit-tested
 * through the real SDK against the local AWS-protocol server); the command wraps it in a progress.
 */
import type { PricingGateway } from '../../aws/pricingGateway';
import { priceFromProducts, type PriceQuery } from '../../engine/cost/priceList';
import type { PriceEntry } from '../../engine/cost/priceTable';

/** Products read per query at most (a precise query matches a handful; this bounds a broad one). */
export const MAX_PRODUCTS_PER_QUERY = 1_000;

export interface RegionRefresh {
  readonly prices: Map<string, PriceEntry>;
  /** What was skipped and why (malformed products, keys with no product), for the log. */
  readonly problems: string[];
}

export interface RefreshOptions {
  readonly signal?: AbortSignal;
  /** The day the prices are dated by (`2026-12-07`). */
  readonly date: string;
  /** After each query: how many are done of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly pageSize?: number;
}

/** The refreshed prices of `region`; throws the gateway's AwsError when a call fails (nothing is half-saved). */
export async function fetchRegionPrices(gateway: Pick<PricingGateway, 'productPages'>, region: string, queries: readonly PriceQuery[], options: RefreshOptions): Promise<RegionRefresh> {
  const prices = new Map<string, PriceEntry>();
  const problems: string[] = [];
  let done = 0;
  for (const query of queries) {
    const products: string[] = [];
    const pages = gateway.productPages({ serviceCode: query.serviceCode, attributes: { ...query.attributes, regionCode: region } }, { signal: options.signal, ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
    for await (const page of pages) {
      products.push(...page.items);
      if (products.length >= MAX_PRODUCTS_PER_QUERY) {
        problems.push(`${query.key}: more than ${MAX_PRODUCTS_PER_QUERY} products match; only the first ${MAX_PRODUCTS_PER_QUERY} were read`);
        break;
      }
    }
    const { entry, problems: found } = priceFromProducts(products, query, region, options.date);
    if (entry) prices.set(query.key, entry);
    problems.push(...found);
    done += 1;
    options.onProgress?.(done, queries.length);
  }
  return { prices, problems };
}
