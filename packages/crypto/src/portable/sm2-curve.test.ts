// SM2 curve parameters and the strict key decodings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, hexToBytes } from '@gongxin/core';
import { sm2 as smCrypto } from 'sm-crypto-v2';
import { bigintToBe256 } from './scalar-bytes.js';
import { SM2_N, SM2_P, Sm2Point, decodeSm2PrivateKey, decodeSm2PublicKey, sm2PublicKeyOf } from './sm2-curve.js';

test('G is on the curve and has order n', () => {
  assert.doesNotThrow(() => Sm2Point.BASE.assertValidity());
  assert.ok(Sm2Point.BASE.multiplyUnsafe(SM2_N - 1n).add(Sm2Point.BASE).is0());
});

test('public keys agree with sm-crypto-v2 for the same private key', () => {
  for (const d of [1n, 2n, 0x1234567890abcdefn, SM2_N - 2n]) {
    assert.equal(bytesToHex(sm2PublicKeyOf(d)), smCrypto.getPublicKeyFromPrivateKey(bytesToHex(bigintToBe256(d))));
  }
});

test('decodeSm2PublicKey accepts only uncompressed points on the curve', () => {
  const pk = sm2PublicKeyOf(7n);
  assert.ok(decodeSm2PublicKey(pk));
  const compressed = Sm2Point.BASE.multiply(7n).toBytes(true);
  assert.equal(decodeSm2PublicKey(compressed), null, 'compressed form');
  const hybrid = pk.slice();
  hybrid[0] = 0x06;
  assert.equal(decodeSm2PublicKey(hybrid), null, 'hybrid/other prefix');
  const offCurve = pk.slice();
  offCurve[64]! ^= 1;
  assert.equal(decodeSm2PublicKey(offCurve), null, 'y + 1');
  const xTooBig = new Uint8Array(65);
  xTooBig[0] = 4;
  xTooBig.set(bigintToBe256(SM2_P), 1);
  assert.equal(decodeSm2PublicKey(xTooBig), null, 'x = p');
  const zero = new Uint8Array(65);
  zero[0] = 4;
  assert.equal(decodeSm2PublicKey(zero), null, 'all-zero coordinates');
  assert.equal(decodeSm2PublicKey(pk.subarray(0, 64)), null, 'truncated');
  assert.equal(decodeSm2PublicKey(new Uint8Array([...pk, 0])), null, 'trailing byte');
});

test('decodeSm2PrivateKey accepts exactly 1 <= d <= n - 2', () => {
  assert.equal(decodeSm2PrivateKey(bigintToBe256(0n)), null);
  assert.equal(decodeSm2PrivateKey(bigintToBe256(1n)), 1n);
  assert.equal(decodeSm2PrivateKey(bigintToBe256(SM2_N - 2n)), SM2_N - 2n);
  assert.equal(decodeSm2PrivateKey(bigintToBe256(SM2_N - 1n)), null, 'n - 1: 1 + d not invertible');
  assert.equal(decodeSm2PrivateKey(bigintToBe256(SM2_N)), null);
  assert.equal(decodeSm2PrivateKey(hexToBytes('01')), null, 'short');
});
