// Unit and property tests of the key order helpers: UTF-8 comparison and prefix upper bounds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compareBytes, isGongxinError, utf8Encode } from '@gongxin/core';
import { assertKeyText, assertLimit, compareUtf8, prefixUpperBound } from './keys.js';

const sign = (n: number): number => Math.sign(n);
// Code points near the edges where UTF-16 and UTF-8 orders disagree, mixed with anything.
const edgy = fc.constantFrom('a', 'z', '\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{10ffff}');
const str = fc.array(fc.oneof(edgy, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 5 }).map((a) => a.join(''));

test('compareUtf8 agrees with comparing UTF-8 bytes', () => {
  fc.assert(
    fc.property(str, str, (a, b) => sign(compareUtf8(a, b)) === sign(compareBytes(utf8Encode(a), utf8Encode(b)))),
    { numRuns: 5000 },
  );
  assert.ok(compareUtf8('\uffff', '\u{10000}') < 0);
  assert.ok('\uffff' > '\u{10000}'); // the UTF-16 order it corrects
  assert.equal(compareUtf8('ab', 'ab'), 0);
  assert.ok(compareUtf8('ab', 'abc') < 0);
});

test('prefixUpperBound bounds exactly the strings that start with the prefix', () => {
  fc.assert(
    fc.property(str, str, (p, tail) => {
      const ub = prefixUpperBound(p);
      const inRange = (s: string): boolean => compareUtf8(s, p) >= 0 && (ub === undefined || compareUtf8(s, ub) < 0);
      const s = p + tail;
      assert.equal(inRange(s), true);
      // Any string: in range iff it starts with p.
      assert.equal(inRange(tail), tail.startsWith(p));
      return true;
    }),
    { numRuns: 5000 },
  );
  assert.equal(prefixUpperBound('ab'), 'ac');
  assert.equal(prefixUpperBound('a\ud7ff'), 'a\ue000');
  assert.equal(prefixUpperBound('a\u{10ffff}'), 'b');
  assert.equal(prefixUpperBound('a\uffff'), 'a\u{10000}');
  assert.equal(prefixUpperBound(''), undefined);
  assert.equal(prefixUpperBound('\u{10ffff}\u{10ffff}'), undefined);
});

test('lone surrogates and bad limits are refused with stable codes', () => {
  for (const s of ['\ud800', 'a\udfff', '\udc00\ud800', 'x\ud83d']) {
    assert.throws(() => assertKeyText('key', s), (e) => isGongxinError(e, 'STORE_INVALID_KEY'));
    assert.throws(() => prefixUpperBound(s), (e) => isGongxinError(e, 'STORE_INVALID_KEY'));
  }
  assertKeyText('key', '\u{1f600}é');
  for (const l of [-1, 0.5, Number.NaN, Infinity, 2 ** 53]) assert.throws(() => assertLimit(l), (e) => isGongxinError(e, 'STORE_INVALID_LIMIT'));
  assertLimit(0);
  assertLimit(1000);
});
