// The LRU cache under the deployed-template and log-stream caches: bounded, least recently
// used evicted first, a read counts as a use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache } from '../../../src/views/lruCache';

describe('LruCache', () => {
  it('keeps at most `capacity` entries, evicting the least recently set', () => {
    const cache = new LruCache<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) cache.set(key, i);
    assert.equal(cache.size, 3);
    assert.equal(cache.has('a'), false);
    assert.deepEqual(['b', 'c', 'd'].map((k) => cache.get(k)), [1, 2, 3]);
  });

  it('a read or an overwrite makes an entry the most recent', () => {
    const cache = new LruCache<string, string>(2);
    cache.set('a', 'A').set('b', 'B');
    assert.equal(cache.get('a'), 'A');
    cache.set('c', 'C');
    assert.deepEqual([cache.has('a'), cache.has('b'), cache.has('c')], [true, false, true]);
    cache.set('a', 'A2');
    cache.set('d', 'D');
    assert.deepEqual([cache.get('a'), cache.has('c'), cache.get('d')], ['A2', false, 'D']);
  });

  it('has() does not count as a use; stored undefined-like values survive', () => {
    const cache = new LruCache<string, string>(2);
    cache.set('a', '').set('b', 'B');
    assert.equal(cache.has('a'), true);
    cache.set('c', 'C');
    assert.equal(cache.has('a'), false, 'has() left "a" the least recent');
    cache.set('e', '');
    assert.equal(cache.get('e'), '');
  });

  it('deletes and clears', () => {
    const cache = new LruCache<number, number>(5);
    cache.set(1, 1).set(2, 2);
    assert.equal(cache.delete(1), true);
    assert.equal(cache.delete(1), false);
    assert.equal(cache.get(1), undefined);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('rejects a capacity that could not hold anything', () => {
    assert.throws(() => new LruCache(0), RangeError);
    assert.throws(() => new LruCache(1.5), RangeError);
  });
});
