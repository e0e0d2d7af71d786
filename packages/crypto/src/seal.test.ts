// Sealed payloads, both schemes: round trips, fresh randomness, wrong key or aad, tampering anywhere, truncation,
// and recipient key checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGongxinError, utf8Encode, type SuiteId } from '@gongxin/core';
import { generateSealKeyPair, open, sealPublicKeyFromPrivate, sealTo } from './seal.js';

const IDS = ['ed25519-sha256', 'sm2-sm3'] as const satisfies readonly SuiteId[];
const AAD = utf8Encode('record:42');
const isCode = (code: string) => (e: unknown): boolean => isGongxinError(e, code);

for (const id of IDS) {
  const recipient = generateSealKeyPair(id);
  const scheme = id === 'sm2-sm3' ? 0x02 : 0x01;

  test(`${id}: round trip for several sizes, with and without aad; scheme byte ${scheme}`, () => {
    assert.deepEqual(sealPublicKeyFromPrivate(id, recipient.privateKey), recipient.publicKey);
    for (const len of [0, 1, 15, 16, 17, 1000]) {
      const msg = new Uint8Array(len).fill(len % 251);
      const sealed = sealTo(recipient.publicKey, msg, AAD);
      assert.equal(sealed[0], scheme);
      assert.equal(sealed.length, (id === 'sm2-sm3' ? 142 : 49) + len);
      assert.deepEqual(open(recipient.privateKey, sealed, AAD), msg);
      assert.deepEqual(open(recipient.privateKey, sealTo(recipient.publicKey, msg)), msg);
    }
  });

  test(`${id}: sealing is randomised`, () => {
    const msg = utf8Encode('same');
    assert.notDeepEqual(sealTo(recipient.publicKey, msg), sealTo(recipient.publicKey, msg));
  });

  test(`${id}: wrong key and wrong aad fail with CRYPTO_DECRYPT_FAILED`, () => {
    const sealed = sealTo(recipient.publicKey, utf8Encode('secret'), AAD);
    assert.throws(() => open(generateSealKeyPair(id).privateKey, sealed, AAD), isCode('CRYPTO_DECRYPT_FAILED'));
    assert.throws(() => open(recipient.privateKey, sealed, utf8Encode('record:43')), isCode('CRYPTO_DECRYPT_FAILED'));
    assert.throws(() => open(recipient.privateKey, sealed), isCode('CRYPTO_DECRYPT_FAILED'));
  });

  test(`${id}: flipping any byte after the scheme byte makes open fail`, () => {
    const sealed = sealTo(recipient.publicKey, utf8Encode('tamper me please'), AAD);
    for (let i = 1; i < sealed.length; i++) {
      const bad = sealed.slice();
      bad[i]! ^= 0x01;
      assert.throws(
        () => open(recipient.privateKey, bad, AAD),
        (e) => isGongxinError(e, 'CRYPTO_DECRYPT_FAILED') || isGongxinError(e, 'CRYPTO_SEAL_INVALID'),
        `byte ${i}`,
      );
    }
  });

  test(`${id}: truncated payloads are CRYPTO_SEAL_INVALID`, () => {
    const sealed = sealTo(recipient.publicKey, new Uint8Array(0), AAD);
    assert.throws(() => open(recipient.privateKey, sealed.subarray(0, sealed.length - 1), AAD), isCode('CRYPTO_SEAL_INVALID'));
    assert.throws(() => open(recipient.privateKey, sealed.subarray(0, 1), AAD), isCode('CRYPTO_SEAL_INVALID'));
  });
}

test('the scheme comes from the payload: unknown or empty payloads are CRYPTO_SEAL_INVALID', () => {
  const r = generateSealKeyPair('ed25519-sha256');
  const sealed = sealTo(r.publicKey, utf8Encode('x'));
  const other = sealed.slice();
  other[0] = 0x07;
  assert.throws(() => open(r.privateKey, other), isCode('CRYPTO_SEAL_INVALID'));
  assert.throws(() => open(r.privateKey, new Uint8Array(0)), isCode('CRYPTO_SEAL_INVALID'));
  const asSm2 = sealed.slice();
  asSm2[0] = 0x02;
  assert.throws(() => open(r.privateKey, asSm2), (e) => isGongxinError(e, 'CRYPTO_SEAL_INVALID') || isGongxinError(e, 'CRYPTO_PRIVATE_KEY_INVALID'));
});

test('unusable recipient keys: CRYPTO_PUBLIC_KEY_INVALID', () => {
  assert.throws(() => sealTo(new Uint8Array(33), utf8Encode('x')), isCode('CRYPTO_PUBLIC_KEY_INVALID'));
  assert.throws(() => sealTo(new Uint8Array(32), utf8Encode('x')), isCode('CRYPTO_PUBLIC_KEY_INVALID'), 'X25519 u = 0 (small order)');
  const notOnCurve = new Uint8Array(65).fill(1);
  notOnCurve[0] = 4;
  assert.throws(() => sealTo(notOnCurve, utf8Encode('x')), isCode('CRYPTO_PUBLIC_KEY_INVALID'));
});

test('seal key pairs print redacted; wrong-suite private keys are refused', () => {
  const pair = generateSealKeyPair('ed25519-sha256');
  assert.equal(JSON.stringify(pair).includes(Buffer.from(pair.privateKey).toString('hex')), false);
  assert.throws(() => sealPublicKeyFromPrivate('sm2-sm3', new Uint8Array(32)), isCode('CRYPTO_PRIVATE_KEY_INVALID'));
});
