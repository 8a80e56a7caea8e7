/**
 * The prices the editor estimates with: the shipped table, overridden per region by the
 * refreshed-prices cache in the extension's global storage. One store per storage folder, shared
 * by the cost lenses, the panel and "Refresh Prices" (which saves into it and tells the others).
 */
import * as path from 'node:path';
import { applyPriceCache, withRegionPrices, type PriceCache } from '../../engine/cost/priceList';
import { SHIPPED_PRICES, type PriceTable, type RegionPrices } from '../../engine/cost/priceTable';
import { PRICE_CACHE_FILE_NAME, readPriceCacheFile, writePriceCacheFile } from '../../node/priceCacheFile';

export class PriceStore {
  private cache: PriceCache | undefined;
  private merged: PriceTable = SHIPPED_PRICES;
  private readonly listeners = new Set<() => void>();
  /** Problems of the last read of the cache file (for the log). */
  problems: readonly string[] = [];

  constructor(readonly file: string) {}

  /** The table estimates use now (the cache is read once, on first use). */
  table(): PriceTable {
    if (this.cache === undefined) this.load();
    return this.merged;
  }

  /** Regions with refreshed prices, and when. */
  refreshed(): ReadonlyMap<string, string> {
    this.table();
    return new Map([...(this.cache?.regions ?? [])].map(([region, entry]) => [region, entry.refreshedAt]));
  }

  /** Saves `region`'s refreshed prices (replacing its earlier refresh) and re-prices everything. */
  saveRegion(region: string, refreshedAt: string, prices: RegionPrices): void {
    this.table();
    const next = withRegionPrices(this.cache ?? { regions: new Map() }, region, refreshedAt, prices);
    writePriceCacheFile(this.file, next);
    this.set(next);
    for (const listener of this.listeners) listener();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private load(): void {
    const { cache, problems } = readPriceCacheFile(this.file);
    this.problems = problems;
    this.set(cache);
  }

  private set(cache: PriceCache): void {
    this.cache = cache;
    this.merged = applyPriceCache(SHIPPED_PRICES, cache);
  }
}

const stores = new Map<string, PriceStore>();

/** The store of a storage folder (the extension's `globalStorageUri.fsPath`). */
export function priceStoreIn(storageFolder: string): PriceStore {
  const file = path.join(storageFolder, PRICE_CACHE_FILE_NAME);
  let store = stores.get(file);
  if (!store) stores.set(file, (store = new PriceStore(file)));
  return store;
}
