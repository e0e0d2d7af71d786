// Unit tests for the in-memory history node store: dense append-only levels, growth, copies, order checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGongxinError } from '../errors.js';
import { createMemoryHistoryStore } from './history-store.js';

const h = (n: number): Uint8Array => new Uint8Array(32).fill(n & 255).map((b, i) => (i < 4 ? (n >>> (8 * i)) & 255 : b));

test('stores and reads back nodes level by level, growing past its initial capacity', () => {
  const s = createMemoryHistoryStore();
  assert.equal(s.count(0), 0);
  assert.equal(s.get(0, 0), undefined);
  for (let i = 0; i < 1000; i++) s.put(0, i, h(i));
  for (let i = 0; i < 500; i++) s.put(1, i, h(100_000 + i));
  assert.equal(s.count(0), 1000);
  assert.equal(s.count(1), 500);
  assert.equal(s.count(2), 0);
  for (let i = 0; i < 1000; i++) assert.deepEqual(s.get(0, i), h(i));
  for (let i = 0; i < 500; i++) assert.deepEqual(s.get(1, i), h(100_000 + i));
  for (const [level, index] of [[0, 1000], [0, -1], [1, 500], [2, 0], [0, 1.5], [-1, 0]] as const) {
    assert.equal(s.get(level, index), undefined, `(${level}, ${index})`);
  }
  assert.ok(s.byteLength >= 1500 * 32 && s.byteLength <= 2 * 1500 * 32 + 64 * 32 * 2, `byteLength ${s.byteLength}`);
});

test('keeps its own copy of each hash', () => {
  const s = createMemoryHistoryStore();
  const x = h(7);
  s.put(0, 0, x);
  x.fill(0);
  assert.deepEqual(s.get(0, 0), h(7));
});

test('rejects a node that is not the next one of its level, or a level with no level below', () => {
  const s = createMemoryHistoryStore();
  s.put(0, 0, h(0));
  const outOfOrder = (e: unknown) => isGongxinError(e, 'MERKLE_STORE_OUT_OF_ORDER');
  assert.throws(() => s.put(0, 0, h(1)), outOfOrder);
  assert.throws(() => s.put(0, 2, h(1)), outOfOrder);
  assert.throws(() => s.put(2, 0, h(1)), outOfOrder);
  assert.throws(() => s.put(-1, 0, h(1)), outOfOrder);
  assert.throws(() => s.put(0.5, 0, h(1)), outOfOrder);
  assert.throws(() => s.put(0, 1, new Uint8Array(31)), (e) => isGongxinError(e, 'MERKLE_BAD_HASH'));
  assert.equal(s.count(0), 1);
  s.put(1, 0, h(9));
  assert.equal(s.count(1), 1);
});
