// Portable suites: the Suite contract (hash known answers, digest-only verify, key checks, unknown ids).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN, bytesToHex, domainDigest, isGongxinError, utf8Encode, type SuiteId } from '@gongxin/core';
import { createPortableSigner } from './signer-portable.js';
import { getPortableSuite } from './suite-portable.js';

test('hash known answers: SHA-256("abc") and SM3("abc")', () => {
  assert.equal(bytesToHex(getPortableSuite('ed25519-sha256').hash(utf8Encode('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(bytesToHex(getPortableSuite('sm2-sm3').hash(utf8Encode('abc'))), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
});

for (const id of ['ed25519-sha256', 'sm2-sm3'] as const satisfies readonly SuiteId[]) {
  test(`${id}: lengths, and verify accepts only 32-byte digests`, () => {
    const suite = getPortableSuite(id);
    assert.equal(suite.id, id);
    assert.equal(suite.publicKeyLength, id === 'sm2-sm3' ? 65 : 32);
    assert.equal(suite.signatureLength, 64);
    const signer = createPortableSigner(id, new Uint8Array(32).fill(7));
    const digest = domainDigest(suite.hash, DOMAIN.tx, 'gongxin-dev', { n: 1 });
    const sig = signer.signSync(digest);
    assert.equal(sig.length, 64);
    assert.ok(suite.isPublicKey(signer.publicKey));
    assert.ok(suite.verify(signer.publicKey, digest, sig));
    assert.ok(suite.verifyMessage(signer.publicKey, digest, sig));
    const longer = new Uint8Array([...digest, 0]);
    assert.equal(suite.verify(signer.publicKey, longer, sig), false, 'non-32-byte digest');
    assert.equal(suite.verify(signer.publicKey, 'x' as unknown as Uint8Array, sig), false);
    const other = domainDigest(suite.hash, DOMAIN.header, 'gongxin-dev', { n: 1 });
    assert.equal(suite.verify(signer.publicKey, other, sig), false, 'other domain');
    assert.equal(suite.isPublicKey(new Uint8Array(suite.publicKeyLength)), false);
  });
}

test('unknown suite ids throw CRYPTO_UNKNOWN_SUITE', () => {
  assert.throws(() => getPortableSuite('rsa' as SuiteId), (e) => isGongxinError(e, 'CRYPTO_UNKNOWN_SUITE'));
});

test('verify functions work detached from the suite object', () => {
  const { verify, hash } = getPortableSuite('sm2-sm3');
  const signer = createPortableSigner('sm2-sm3', new Uint8Array(32).fill(8));
  const digest = hash(utf8Encode('detached'));
  assert.ok(verify(signer.publicKey, digest, signer.signSync(digest)));
});
