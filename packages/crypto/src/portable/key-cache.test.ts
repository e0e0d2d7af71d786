// KeyCache: bounded, hits survive generation turnover, and bytesKey is a faithful hex key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex } from '@gongxin/core';
import { KeyCache, bytesKey } from './key-cache.js';

test('the cache never holds more than twice its capacity', () => {
  const c = new KeyCache<number>(4);
  for (let i = 0; i < 100; i++) c.set(`k${i}`, i);
  assert.ok(c.size <= 8, `size ${c.size}`);
  assert.equal(c.get('k99'), 99);
  assert.equal(c.get('k0'), undefined);
});

test('an entry used in every generation is never evicted', () => {
  const c = new KeyCache<string>(3);
  c.set('hot', 'h');
  for (let i = 0; i < 50; i++) {
    c.set(`cold${i}`, 'c');
    assert.equal(c.get('hot'), 'h', `round ${i}`);
  }
});

test('null values are cached (negative entries), distinct from missing', () => {
  const c = new KeyCache<number | null>(2);
  c.set('bad', null);
  assert.equal(c.get('bad'), null);
  assert.equal(c.get('missing'), undefined);
});

test('bytesKey is lowercase hex', () => {
  const b = Uint8Array.from([0, 1, 0xab, 0xff, 0x10]);
  assert.equal(bytesKey(b), bytesToHex(b));
  assert.equal(bytesKey(new Uint8Array(0)), '');
});
