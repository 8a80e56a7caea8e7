/**
 * The editor's price store over a real cache file: the shipped table until a region is saved,
 * the refreshed prices after (also for a new store reading the same file), listeners told, and a
 * broken file read as the shipped table with a problem.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { SHIPPED_PRICES, type PriceEntry } from '../../src/engine/cost/priceTable';
import { PriceStore } from '../../src/extension/cost/priceStore';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archlens-store-'));
  dirs.push(dir);
  return path.join(dir, 'storage', 'refreshed-prices.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const T3: PriceEntry = { unit: 'instance-hour', tiers: [{ upTo: null, price: 0.0456 }], source: 'AWS Price List API GetProducts AmazonEC2 (SKU X), refreshed', date: '2026-12-07' };

describe('PriceStore', () => {
  it('serves the shipped table, then the saved region over it, and tells listeners', () => {
    const file = tempFile();
    const store = new PriceStore(file);
    assert.equal(store.table(), SHIPPED_PRICES);
    let told = 0;
    store.onDidChange(() => (told += 1));
    store.saveRegion('eu-west-1', '2026-12-07T17:00:00.000Z', new Map([['ec2.instance.t3.medium', T3]]));
    assert.equal(told, 1);
    assert.deepEqual(store.table().regions.get('eu-west-1')?.get('ec2.instance.t3.medium'), T3);
    assert.equal(store.table().regionDates?.get('eu-west-1'), '2026-12-07');
    // The us-east-1 shipped prices are untouched.
    assert.equal(store.table().regions.get('us-east-1'), SHIPPED_PRICES.regions.get('us-east-1'));
    // A new window (a new store on the same file) reads what was saved.
    const again = new PriceStore(file);
    assert.deepEqual(again.table().regions.get('eu-west-1')?.get('ec2.instance.t3.medium'), T3);
    assert.deepEqual([...again.refreshed().keys()], ['eu-west-1']);
  });

  it('a broken cache file gives the shipped table and a problem, never an exception', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"version": 1, "regions": ');
    const store = new PriceStore(file);
    assert.equal(store.table(), SHIPPED_PRICES);
    assert.match(store.problems.join('\n'), /not JSON/);
  });
});
