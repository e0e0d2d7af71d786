// Unit tests for the 53-bit integer helpers, checked against BigInt over the whole safe-integer range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bitLength, isSize, popCount, shiftRight, splitPoint, trailingZeros, xorBitLength } from './bits.js';

const safe = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 + 5 }), fc.maxSafeNat(), fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1));
const big = (x: number): bigint => BigInt(x);

test('bitLength, popCount, xorBitLength, shiftRight match BigInt', () => {
  fc.assert(
    fc.property(safe, safe, fc.integer({ min: 0, max: 60 }), (a, b, k) => {
      assert.equal(bitLength(a), big(a).toString(2).replace(/^0$/, '').length);
      assert.equal(popCount(a), [...big(a).toString(2)].filter((c) => c === '1').length);
      assert.equal(xorBitLength(a, b), (big(a) ^ big(b)).toString(2).replace(/^0$/, '').length);
      assert.equal(shiftRight(a, k), Number(big(a) >> big(k)));
    }),
    { numRuns: 2000 },
  );
});

test('trailingZeros and splitPoint match BigInt', () => {
  fc.assert(
    fc.property(safe.filter((x) => x >= 2), (n) => {
      const s = big(n).toString(2);
      assert.equal(trailingZeros(n), s.length - 1 - s.lastIndexOf('1'));
      const k = splitPoint(n);
      assert.ok(k < n && 2 * k >= n && Number.isInteger(Math.log2(k)), `split of ${n} is ${k}`);
    }),
    { numRuns: 2000 },
  );
  assert.equal(trailingZeros(1), 0);
  assert.equal(splitPoint(2), 1);
  assert.equal(splitPoint(3), 2);
  assert.equal(splitPoint(2 ** 52 + 1), 2 ** 52);
});

test('isSize accepts only integers in [0, 2^53)', () => {
  for (const v of [0, 1, 2 ** 53 - 1]) assert.equal(isSize(v), true);
  for (const v of [-1, 0.5, 2 ** 53, Infinity, NaN, '1', 1n, null, undefined, {}]) assert.equal(isSize(v), false, String(v));
});
