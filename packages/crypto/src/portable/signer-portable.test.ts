// Portable signers: digest checks, async form, key validation, redacted printing, key generation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { bytesToHex, isGongxinError, type SuiteId } from '@gongxin/core';
import { bigintToBe256 } from './scalar-bytes.js';
import { SM2_N } from './sm2-curve.js';
import { createPortableSigner, generatePortableKeyPair, portablePublicKeyFromPrivate } from './signer-portable.js';
import { getPortableSuite } from './suite-portable.js';

const IDS = ['ed25519-sha256', 'sm2-sm3'] as const satisfies readonly SuiteId[];

for (const id of IDS) {
  test(`${id}: signSync and sign agree; the signer's public key is publicKeyFromPrivate`, async () => {
    const key = new Uint8Array(32).fill(0x21);
    const signer = createPortableSigner(id, key);
    const digest = getPortableSuite(id).hash(new Uint8Array([1, 2, 3]));
    assert.deepEqual(await signer.sign(digest), signer.signSync(digest));
    assert.deepEqual(signer.publicKey, portablePublicKeyFromPrivate(id, key));
    assert.equal(signer.suite, id);
  });

  test(`${id}: only 32-byte digests are signed (CRYPTO_DIGEST_LENGTH, also as a rejected promise)`, async () => {
    const signer = createPortableSigner(id, new Uint8Array(32).fill(0x22));
    for (const bad of [new Uint8Array(31), new Uint8Array(33), new Uint8Array(0)]) {
      assert.throws(() => signer.signSync(bad), (e) => isGongxinError(e, 'CRYPTO_DIGEST_LENGTH'));
      await assert.rejects(signer.sign(bad), (e) => isGongxinError(e, 'CRYPTO_DIGEST_LENGTH'));
    }
  });

  test(`${id}: the signer copies the key (later changes to the caller's buffer do not matter)`, () => {
    const key = new Uint8Array(32).fill(0x23);
    const signer = createPortableSigner(id, key);
    const digest = new Uint8Array(32).fill(1);
    const before = signer.signSync(digest);
    key.fill(0x24);
    assert.deepEqual(signer.signSync(digest), before);
  });

  test(`${id}: printing a signer or a key pair never shows the private key`, () => {
    const pair = generatePortableKeyPair(id);
    const secret = bytesToHex(pair.privateKey);
    const signer = createPortableSigner(id, pair.privateKey);
    for (const text of [JSON.stringify(pair), inspect(pair), JSON.stringify(signer), inspect(signer), String(JSON.stringify({ pair }))]) {
      assert.equal(text.includes(secret), false, text);
      assert.ok(text.includes(bytesToHex(pair.publicKey)), text);
    }
    assert.ok(JSON.stringify(pair).includes('[redacted]'));
  });

  test(`${id}: generated key pairs are valid and distinct`, () => {
    const a = generatePortableKeyPair(id);
    const b = generatePortableKeyPair(id);
    assert.notEqual(bytesToHex(a.privateKey), bytesToHex(b.privateKey));
    assert.ok(getPortableSuite(id).isPublicKey(a.publicKey));
    assert.deepEqual(a.publicKey, portablePublicKeyFromPrivate(id, a.privateKey));
  });
}

test('bad private keys throw CRYPTO_PRIVATE_KEY_INVALID', () => {
  const bad: [SuiteId, Uint8Array][] = [
    ['ed25519-sha256', new Uint8Array(31)],
    ['ed25519-sha256', new Uint8Array(64)],
    ['sm2-sm3', new Uint8Array(32)],
    ['sm2-sm3', bigintToBe256(SM2_N - 1n)],
    ['sm2-sm3', bigintToBe256(SM2_N)],
    ['sm2-sm3', new Uint8Array(33).fill(1)],
  ];
  for (const [id, key] of bad) {
    assert.throws(() => createPortableSigner(id, key), (e) => isGongxinError(e, 'CRYPTO_PRIVATE_KEY_INVALID'), `${id} ${key.length}`);
    assert.throws(() => portablePublicKeyFromPrivate(id, key), (e) => isGongxinError(e, 'CRYPTO_PRIVATE_KEY_INVALID'));
  }
  assert.throws(() => createPortableSigner('x' as SuiteId, new Uint8Array(32)), (e) => isGongxinError(e, 'CRYPTO_UNKNOWN_SUITE'));
});
