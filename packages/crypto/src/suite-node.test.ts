// Node suites: same hashes and verdicts as the portable suites on valid, mutated and random inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { bytesToHex, isGongxinError, utf8Encode, type SuiteId } from '@gongxin/core';
import { createPortableSigner } from './portable/signer-portable.js';
import { getPortableSuite } from './portable/suite-portable.js';
import { getSuite } from './suite-node.js';

const IDS = ['ed25519-sha256', 'sm2-sm3'] as const satisfies readonly SuiteId[];

test('hash known answers through OpenSSL: SHA-256("abc"), SM3("abc"); plain Uint8Array results', () => {
  const sha = getSuite('ed25519-sha256').hash(utf8Encode('abc'));
  assert.equal(bytesToHex(sha), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(bytesToHex(getSuite('sm2-sm3').hash(utf8Encode('abc'))), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  assert.equal(Object.getPrototypeOf(sha), Uint8Array.prototype);
  assert.deepEqual(sha, getPortableSuite('ed25519-sha256').hash(utf8Encode('abc')));
});

for (const id of IDS) {
  test(`${id}: node and portable hash equally on lengths 0..200`, () => {
    for (let len = 0; len <= 200; len += 3) {
      const data = new Uint8Array(randomBytes(len));
      assert.equal(bytesToHex(getSuite(id).hash(data)), bytesToHex(getPortableSuite(id).hash(data)));
    }
  });

  test(`${id}: node and portable give the same verdict on valid and mutated signatures`, () => {
    const node = getSuite(id);
    const portable = getPortableSuite(id);
    for (let i = 0; i < 6; i++) {
      const signer = createPortableSigner(id, new Uint8Array(randomBytes(32)).fill(i + 1, 0, 1));
      const digest = node.hash(new Uint8Array(randomBytes(40)));
      const sig = signer.signSync(digest);
      const variants: [Uint8Array, Uint8Array, Uint8Array, boolean][] = [[signer.publicKey, digest, sig, true]];
      for (const at of [0, 31, 32, 63]) {
        const s = sig.slice();
        s[at]! ^= 0x40;
        variants.push([signer.publicKey, digest, s, false]);
      }
      const d = digest.slice();
      d[0]! ^= 1;
      variants.push([signer.publicKey, d, sig, false], [signer.publicKey, digest, new Uint8Array([...sig, 0]), false]);
      variants.push([new Uint8Array(randomBytes(node.publicKeyLength)), digest, sig, false]);
      for (const [pk, dg, sg, expected] of variants) {
        assert.equal(node.verify(pk, dg, sg), expected);
        assert.equal(portable.verify(pk, dg, sg), expected);
        assert.equal(node.isPublicKey(pk), portable.isPublicKey(pk));
      }
    }
  });
}

test('getSuite rejects unknown ids with CRYPTO_UNKNOWN_SUITE', () => {
  assert.throws(() => getSuite('ed448' as SuiteId), (e) => isGongxinError(e, 'CRYPTO_UNKNOWN_SUITE'));
});
