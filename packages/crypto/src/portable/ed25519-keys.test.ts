// The Ed25519 public-key policy: canonical, decodable, not small order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hexToBytes } from '@gongxin/core';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import { isEd25519PublicKey, isSmallOrderEncoding, passesEd25519KeyPolicy } from './ed25519-keys.js';

test('ordinary keys pass', () => {
  for (let i = 1; i < 20; i++) {
    const pk = ed25519.getPublicKey(new Uint8Array(32).fill(i));
    assert.ok(passesEd25519KeyPolicy(pk));
    assert.ok(isEd25519PublicKey(pk));
  }
});

test('all 8 small-order points are refused, with either sign bit', () => {
  for (const hex of ED25519_TORSION_SUBGROUP) {
    const pk = hexToBytes(hex);
    assert.equal(isEd25519PublicKey(pk), false, hex);
    const flipped = pk.slice();
    flipped[31]! ^= 0x80;
    assert.equal(isEd25519PublicKey(flipped), false, `${hex} sign-flipped`);
  }
});

test('non-canonical encodings (y >= p) are refused, including non-canonical forms of small-order points', () => {
  const p = (1n << 255n) - 19n;
  for (const y of [p, p + 1n, p + 2n, (1n << 255n) - 1n]) {
    const bytes = new Uint8Array(32);
    let v = y;
    for (let i = 0; i < 32; i++) {
      bytes[i] = Number(v & 255n);
      v >>= 8n;
    }
    assert.equal(passesEd25519KeyPolicy(bytes), false, `y = ${y - p} + p`);
    assert.equal(isEd25519PublicKey(bytes), false);
  }
});

test('a canonical y with no matching x is refused by isEd25519PublicKey only (the byte policy cannot know)', () => {
  const notOnCurve = hexToBytes('0200000000000000000000000000000000000000000000000000000000000000');
  assert.ok(passesEd25519KeyPolicy(notOnCurve));
  assert.equal(isEd25519PublicKey(notOnCurve), false);
});

test('wrong lengths and non-bytes are refused', () => {
  const pk = ed25519.getPublicKey(new Uint8Array(32).fill(9));
  assert.equal(isEd25519PublicKey(pk.subarray(0, 31)), false);
  assert.equal(isEd25519PublicKey(new Uint8Array([...pk, 0])), false);
  assert.equal(isEd25519PublicKey('x' as unknown as Uint8Array), false);
});

test('isSmallOrderEncoding flags exactly the small-order encodings', () => {
  for (const hex of ED25519_TORSION_SUBGROUP) assert.ok(isSmallOrderEncoding(hexToBytes(hex)), hex);
  for (let i = 1; i < 10; i++) assert.equal(isSmallOrderEncoding(ed25519.Point.BASE.multiply(BigInt(i)).toBytes()), false);
  assert.equal(isSmallOrderEncoding(new Uint8Array(31)), false, 'too short');
});
