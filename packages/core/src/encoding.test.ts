import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from './bytes.js';
import { decode, encode, type Value } from './encoding.js';
import { GongxinError } from './errors.js';

const hex = (v: Value): string => bytesToHex(encode(v));

function rejects(h: string, code: string): void {
  assert.throws(() => decode(hexToBytes(h)), (e: unknown) => e instanceof GongxinError && e.code === code, `${h} should fail with ${code}`);
}

test('known encodings match RFC 8949 Appendix A where the subset overlaps', () => {
  assert.equal(hex(0), '00');
  assert.equal(hex(23), '17');
  assert.equal(hex(24), '1818');
  assert.equal(hex(1000), '1903e8');
  assert.equal(hex(1000000), '1a000f4240');
  assert.equal(hex(1000000000000), '1b000000e8d4a51000');
  assert.equal(hex(18446744073709551615n), '1bffffffffffffffff');
  assert.equal(hex(-1), '20');
  assert.equal(hex(-1000), '3903e7');
  assert.equal(hex(-18446744073709551616n), '3bffffffffffffffff');
  assert.equal(hex(false), 'f4');
  assert.equal(hex(true), 'f5');
  assert.equal(hex(null), 'f6');
  assert.equal(hex(new Uint8Array([1, 2, 3, 4])), '4401020304');
  assert.equal(hex('IETF'), '6449455446');
  assert.equal(hex('水'), '63e6b0b4');
  assert.equal(hex([1, [2, 3], [4, 5]]), '8301820203820405');
  assert.equal(hex({ a: 1, b: [2, 3] }), 'a26161016162820203');
});

test('map keys are sorted by encoded bytes: shorter first, then bytewise', () => {
  assert.equal(hex({ bb: 1, a: 2, c: 3 }), 'a3616102616303626262' + '01');
  const d = decode(encode({ zeta: 1, a: 2, mid: 3 })) as Record<string, Value>;
  assert.deepEqual(Object.keys(d), ['a', 'mid', 'zeta']);
});

test('small bigints encode like numbers and decode as numbers', () => {
  assert.equal(hex(5n), '05');
  assert.equal(decode(encode(5n)), 5);
  assert.equal(decode(encode(2n ** 60n)), 2n ** 60n);
  assert.equal(decode(encode(-(2n ** 53n))), -(2n ** 53n));
  assert.equal(decode(encode(-(2n ** 53n) + 1n)), -(2 ** 53) + 1);
});

test('encoder rejects floats, unsafe numbers, undefined-only values and exotic objects', () => {
  const code = (f: () => unknown, c: string): void => assert.throws(f, (e: unknown) => e instanceof GongxinError && e.code === c);
  code(() => encode(1.5), 'ENCODING_FLOAT');
  code(() => encode(Number.NaN), 'ENCODING_FLOAT');
  code(() => encode(2 ** 60), 'ENCODING_INTEGER_RANGE');
  code(() => encode(2n ** 64n), 'ENCODING_INTEGER_RANGE');
  code(() => encode(new Date(0) as unknown as Value), 'ENCODING_UNSUPPORTED_TYPE');
  code(() => encode('\ud800'), 'ENCODING_INVALID_UTF8');
  let deep: Value = 1;
  for (let i = 0; i < 40; i++) deep = [deep];
  code(() => encode(deep), 'ENCODING_TOO_DEEP');
});

test('decoder rejects every non-canonical form with a stable code', () => {
  rejects('0000', 'ENCODING_TRAILING_BYTES');
  rejects('1817', 'ENCODING_NON_CANONICAL');
  rejects('190017', 'ENCODING_NON_CANONICAL');
  rejects('1a0000ffff', 'ENCODING_NON_CANONICAL');
  rejects('1b00000000ffffffff', 'ENCODING_NON_CANONICAL');
  rejects('5801aa', 'ENCODING_NON_CANONICAL');
  rejects('a2616201616102', 'ENCODING_UNSORTED_KEYS');
  rejects('a2616101616102', 'ENCODING_DUPLICATE_KEY');
  rejects('a10101', 'ENCODING_NON_TEXT_KEY');
  rejects('f93c00', 'ENCODING_FLOAT');
  rejects('fa47c35000', 'ENCODING_FLOAT');
  rejects('fb3ff199999999999a', 'ENCODING_FLOAT');
  rejects('f7', 'ENCODING_UNSUPPORTED_TYPE');
  rejects('c11a514b67b0', 'ENCODING_UNSUPPORTED_TYPE');
  rejects('9f01ff', 'ENCODING_UNSUPPORTED_TYPE');
  rejects('62c328', 'ENCODING_INVALID_UTF8');
  rejects('63eda080', 'ENCODING_INVALID_UTF8');
  rejects('62c0af', 'ENCODING_INVALID_UTF8');
  rejects('64f4908080', 'ENCODING_INVALID_UTF8');
  rejects('44010203', 'ENCODING_TRUNCATED');
  rejects('83010203' .slice(0, 6), 'ENCODING_TRUNCATED');
  rejects('5bffffffffffffffff00', 'ENCODING_TRUNCATED');
  rejects('', 'ENCODING_TRUNCATED');
  rejects('8'.padEnd(2, '1') + '81'.repeat(40) + '00', 'ENCODING_TOO_DEEP');
});

const valueArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { maxDepth: 4 },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n - 1n }),
    fc.string({ unit: 'grapheme' }),
    fc.uint8Array({ maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 5 }),
  ),
})).value as fc.Arbitrary<Value>;

const normalise = (v: Value): Value => decode(encode(v));

test('property: encode → decode → encode is the identity on bytes', () => {
  fc.assert(
    fc.property(valueArb, (v) => {
      const once = encode(v);
      assert.deepEqual(encode(decode(once)), once);
      assert.deepEqual(normalise(normalise(v)), normalise(v));
    }),
    { numRuns: 500 },
  );
});

test('property: random bytes decode to a value or fail with a GongxinError, never anything else', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
      try {
        const v = decode(b);
        assert.deepEqual(encode(v), b, 'anything accepted must be canonical');
      } catch (e) {
        assert.ok(e instanceof GongxinError, `untyped error: ${String(e)}`);
        assert.match(e.code, /^ENCODING_/);
      }
    }),
    { numRuns: 3000 },
  );
});

test('property: flipping one byte of a canonical encoding never yields a different value that re-encodes differently', () => {
  fc.assert(
    fc.property(valueArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (v, at, x) => {
      const b = encode(v);
      if (b.length === 0) return;
      const m = b.slice();
      m[at % m.length]! ^= x;
      try {
        const d = decode(m);
        assert.deepEqual(encode(d), m);
      } catch (e) {
        assert.ok(e instanceof GongxinError);
      }
    }),
    { numRuns: 1000 },
  );
});

test('__proto__ is an ordinary key', () => {
  const bytes = hexToBytes('a1695f5f70726f746f5f5f01');
  const d = decode(bytes) as Record<string, Value>;
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
  assert.equal(Object.hasOwn(d, '__proto__'), true);
  assert.deepEqual(encode(d), bytes);
});
