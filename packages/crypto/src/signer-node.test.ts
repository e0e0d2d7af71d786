// Node signers: identical signatures to the portable signers, verification by both suites, raw signMessage,
// key generation and redaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { bytesToHex, isGongxinError, utf8Encode, type SuiteId } from '@gongxin/core';
import { createPortableSigner, portablePublicKeyFromPrivate } from './portable/signer-portable.js';
import { getPortableSuite } from './portable/suite-portable.js';
import { createSigner, generateKeyPair, publicKeyFromPrivate, signMessage } from './signer-node.js';
import { getSuite } from './suite-node.js';

const IDS = ['ed25519-sha256', 'sm2-sm3'] as const satisfies readonly SuiteId[];

for (const id of IDS) {
  test(`${id}: node and portable signers make byte-identical signatures`, () => {
    for (let i = 1; i <= 5; i++) {
      const key = new Uint8Array(32).fill(i * 17);
      const digest = getSuite(id).hash(utf8Encode(`digest ${i}`));
      const node = createSigner(id, key);
      assert.deepEqual(node.publicKey, publicKeyFromPrivate(id, key));
      assert.deepEqual(node.publicKey, portablePublicKeyFromPrivate(id, key));
      const sig = node.signSync(digest);
      assert.equal(bytesToHex(sig), bytesToHex(createPortableSigner(id, key).signSync(digest)));
      assert.ok(getSuite(id).verify(node.publicKey, digest, sig));
      assert.ok(getPortableSuite(id).verify(node.publicKey, digest, sig));
    }
  });

  test(`${id}: signMessage signs arbitrary-length messages with the raw scheme`, () => {
    const key = new Uint8Array(32).fill(0x31);
    const pk = publicKeyFromPrivate(id, key);
    for (const len of [0, 1, 32, 100]) {
      const msg = new Uint8Array(len).fill(len);
      const sig = signMessage(id, key, msg);
      assert.ok(getSuite(id).verifyMessage(pk, msg, sig), `len ${len}`);
      assert.ok(getPortableSuite(id).verifyMessage(pk, msg, sig), `len ${len} portable`);
    }
  });

  test(`${id}: digest length enforced; async sign; generated keys valid; printing redacted`, async () => {
    const pair = generateKeyPair(id);
    const signer = createSigner(id, pair.privateKey);
    assert.ok(getSuite(id).isPublicKey(pair.publicKey));
    assert.deepEqual(signer.publicKey, pair.publicKey);
    assert.throws(() => signer.signSync(new Uint8Array(20)), (e) => isGongxinError(e, 'CRYPTO_DIGEST_LENGTH'));
    const digest = new Uint8Array(32).fill(5);
    assert.ok(getSuite(id).verify(pair.publicKey, digest, await signer.sign(digest)));
    const secret = bytesToHex(pair.privateKey);
    for (const text of [JSON.stringify(pair), inspect(pair, { depth: 5 }), inspect(signer), JSON.stringify([signer])]) {
      assert.equal(text.includes(secret), false);
    }
    assert.notEqual(bytesToHex(generateKeyPair(id).privateKey), secret);
  });
}

test('bad keys and unknown suites', () => {
  assert.throws(() => createSigner('sm2-sm3', new Uint8Array(32)), (e) => isGongxinError(e, 'CRYPTO_PRIVATE_KEY_INVALID'));
  assert.throws(() => createSigner('ed25519-sha256', new Uint8Array(16)), (e) => isGongxinError(e, 'CRYPTO_PRIVATE_KEY_INVALID'));
  assert.throws(() => publicKeyFromPrivate('ed25519-sha256', new Uint8Array(33)), (e) => isGongxinError(e, 'CRYPTO_PRIVATE_KEY_INVALID'));
  assert.throws(() => generateKeyPair('nope' as SuiteId), (e) => isGongxinError(e, 'CRYPTO_UNKNOWN_SUITE'));
  assert.throws(() => signMessage('nope' as SuiteId, new Uint8Array(32), new Uint8Array(0)), (e) => isGongxinError(e, 'CRYPTO_UNKNOWN_SUITE'));
});
