/**
 * The refreshed-prices cache on disk (the extension keeps it in its global storage). Reading
 * never throws: a missing file is an empty cache, a broken one an empty cache and a problem.
 * Writing replaces the file whole (temporary file + rename), so a crash never leaves half a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMPTY_PRICE_CACHE, parsePriceCache, serializePriceCache, type PriceCache } from '../engine/cost/priceList';
import { readTextFile } from './readRegularFile';

/** The cache file's name in a storage folder. */
export const PRICE_CACHE_FILE_NAME = 'refreshed-prices.json';

/** A cache larger than this is refused (a region's refresh is a few tens of KB). */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;

export function readPriceCacheFile(file: string): { cache: PriceCache; problems: string[] } {
  if (!fs.existsSync(file)) return { cache: EMPTY_PRICE_CACHE, problems: [] };
  try {
    return parsePriceCache(readTextFile(file, MAX_CACHE_BYTES));
  } catch (error) {
    return { cache: EMPTY_PRICE_CACHE, problems: [`cannot read the refreshed-prices cache ${file} (${error instanceof Error ? error.message : String(error)})`] };
  }
}

export function writePriceCacheFile(file: string, cache: PriceCache): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, serializePriceCache(cache), 'utf8');
  fs.renameSync(temporary, file);
}
