// Fixed-width integer conversions agree with a naive reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { bytesToHex } from '@gongxin/core';
import { be256, bigintToBe256, le256, leBytesToBigint } from './scalar-bytes.js';

const naiveBe = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt('0x' + bytesToHex(b)));

test('be256 / le256 read 32 bytes at an offset, also inside a larger buffer', () => {
  for (let i = 0; i < 50; i++) {
    const buf = new Uint8Array(randomBytes(70));
    const view = buf.subarray(3);
    const slice = view.slice(5, 37);
    assert.equal(be256(view, 5), naiveBe(slice));
    assert.equal(le256(view, 5), naiveBe(slice.slice().reverse()));
  }
});

test('bigintToBe256 inverts be256, including 0 and 2^256 - 1', () => {
  for (const n of [0n, 1n, (1n << 256n) - 1n, 0x1234n << 200n]) assert.equal(be256(bigintToBe256(n), 0), n);
});

test('leBytesToBigint handles lengths that are not multiples of 8', () => {
  for (const len of [0, 1, 7, 8, 9, 32, 63, 64]) {
    const b = new Uint8Array(randomBytes(len));
    assert.equal(leBytesToBigint(b), naiveBe(b.slice().reverse()), `len ${len}`);
  }
});
