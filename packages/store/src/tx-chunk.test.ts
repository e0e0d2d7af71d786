// Unit tests of the packed tx chunk format: round trip, positional reads, truncation detected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGongxinError } from '@gongxin/core';
import { packedTxAt, packTxChunk, unpackTxChunk } from './tx-chunk.js';

const bytes = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);
const txs = [
  { id: bytes(32, 1), bytes: bytes(150, 2), receipt: bytes(60, 3) },
  { id: bytes(0, 0), bytes: bytes(0, 0), receipt: bytes(0, 0) },
  { id: bytes(5, 4), bytes: bytes(70_000, 5), receipt: bytes(1, 6) },
];

test('a chunk unpacks to what was packed, in order', () => {
  const chunk = packTxChunk(txs);
  assert.equal(chunk.length, 3 * 12 + 32 + 150 + 60 + 5 + 70_000 + 1);
  assert.deepEqual(unpackTxChunk(chunk), txs);
  txs.forEach((t, i) => assert.deepEqual(packedTxAt(chunk, i), t));
  assert.equal(packedTxAt(chunk, 3), undefined);
  assert.deepEqual(unpackTxChunk(packTxChunk([])), []);
});

test('a truncated chunk is reported as corrupt', () => {
  const chunk = packTxChunk(txs);
  for (const cut of [1, 11, 12 + 31, chunk.length - 1]) {
    assert.throws(() => unpackTxChunk(chunk.subarray(0, cut)), (e) => isGongxinError(e, 'STORE_CORRUPT'));
  }
  assert.deepEqual(packedTxAt(chunk.subarray(0, 12 + 32 + 150 + 60), 0), txs[0]); // entries before the cut still read
});
