// @vitest-environment node
/** @module The shared block list: loaded once per viewer, changes recorded over it (even while it loads), a new viewer starts afresh. */
import { describe, expect, it } from 'vitest';
import { createBlockCache } from './block-cache.ts';

function deferred() {
  let resolve!: (ids: readonly string[]) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<readonly string[]>((ok, ko) => {
    resolve = ok;
    reject = ko;
  });
  return { promise, resolve, reject };
}

describe('block cache', () => {
  it('loads the viewer’s list once, however many buttons ask, and tells subscribers', async () => {
    const calls: string[] = [];
    const cache = createBlockCache(async (slug) => {
      calls.push(slug);
      return ['7', '9'];
    });
    let told = 0;
    cache.subscribe(() => (told += 1));
    expect(cache.isBlocked('1', '7')).toBeUndefined();
    await Promise.all([cache.ensure('1', 'dijon'), cache.ensure('1', 'dijon'), cache.ensure('1', 'dijon')]);
    await cache.ensure('1', 'dijon');
    expect(calls).toEqual(['dijon']);
    expect(told).toBe(1);
    expect([cache.isBlocked('1', '7'), cache.isBlocked('1', '8')]).toEqual([true, false]);
  });

  it('records blocks and unblocks, including those made while the list is on its way', async () => {
    const load = deferred();
    const cache = createBlockCache(() => load.promise);
    const ready = cache.ensure('1', 'dijon');
    cache.set('1', '7', false);
    cache.set('1', '8', true);
    expect(cache.isBlocked('1', '8')).toBeUndefined();
    load.resolve(['7']);
    await ready;
    expect([cache.isBlocked('1', '7'), cache.isBlocked('1', '8')]).toEqual([false, true]);
    cache.set('1', '7', true);
    expect(cache.isBlocked('1', '7')).toBe(true);
  });

  it('starts afresh for another viewer and ignores a list that arrives for the previous one', async () => {
    const first = deferred();
    const second = deferred();
    const loads = [first, second];
    const cache = createBlockCache(() => loads.shift()!.promise);
    void cache.ensure('1', 'dijon');
    const mine = cache.ensure('2', 'dijon');
    first.resolve(['7']);
    second.resolve(['8']);
    await mine;
    expect([cache.isBlocked('2', '7'), cache.isBlocked('2', '8'), cache.isBlocked('1', '7')]).toEqual([false, true, undefined]);
  });

  it('counts a list that cannot be read as empty (the buttons then work as before)', async () => {
    const cache = createBlockCache(() => Promise.reject(new Error('offline')));
    await cache.ensure('1', 'dijon');
    expect(cache.isBlocked('1', '7')).toBe(false);
  });
});
