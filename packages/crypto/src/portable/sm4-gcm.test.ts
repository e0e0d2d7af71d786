// SM4-GCM against Wycheproof: all 96-bit-IV cases (encrypt matches, decrypt authenticates or refuses);
// other IV sizes are refused by our wrapper by design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes, isGongxinError } from '@gongxin/core';
import { sm4GcmDecrypt, sm4GcmEncrypt } from './sm4-gcm.js';

interface AeadTest { tcId: number; key: string; iv: string; aad: string; msg: string; ct: string; tag: string; result: string }
interface AeadGroup { ivSize: number; keySize: number; tagSize: number; tests: AeadTest[] }
const wycheproof = JSON.parse(readFileSync(new URL('../../test-vectors/wycheproof/sm4_gcm_test.json', import.meta.url), 'utf8')) as { testGroups: AeadGroup[] };

test('Wycheproof SM4-GCM, 96-bit IVs: every valid case round-trips, every invalid one is refused', () => {
  let valid = 0;
  let invalid = 0;
  for (const g of wycheproof.testGroups.filter((x) => x.ivSize === 96 && x.tagSize === 128)) {
    for (const t of g.tests) {
      const [key, iv, aad, msg, ct, tag] = [t.key, t.iv, t.aad, t.msg, t.ct, t.tag].map(hexToBytes) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
      if (t.result === 'valid') {
        const out = sm4GcmEncrypt(key, iv, msg, aad);
        assert.equal(bytesToHex(out.ciphertext), t.ct, `tcId ${t.tcId}`);
        assert.equal(bytesToHex(out.tag), t.tag, `tcId ${t.tcId}`);
        assert.equal(bytesToHex(sm4GcmDecrypt(key, iv, ct, tag, aad)), t.msg, `tcId ${t.tcId}`);
        valid++;
      } else {
        assert.throws(() => sm4GcmDecrypt(key, iv, ct, tag, aad), (e) => isGongxinError(e, 'CRYPTO_AEAD_AUTH_FAILED'), `tcId ${t.tcId}`);
        invalid++;
      }
    }
  }
  assert.deepEqual([valid, invalid], [38, 27]);
});

test('IVs other than 96 bits, wrong key or tag lengths: CRYPTO_AEAD_PARAMS_INVALID', () => {
  const other = wycheproof.testGroups.filter((x) => x.ivSize !== 96);
  assert.ok(other.length > 0);
  for (const g of other) {
    for (const t of g.tests) {
      assert.throws(() => sm4GcmDecrypt(hexToBytes(t.key), hexToBytes(t.iv), hexToBytes(t.ct), hexToBytes(t.tag), hexToBytes(t.aad)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
    }
  }
  const iv = new Uint8Array(12);
  assert.throws(() => sm4GcmEncrypt(new Uint8Array(32), iv, new Uint8Array(1), new Uint8Array(0)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
  assert.throws(() => sm4GcmDecrypt(new Uint8Array(16), iv, new Uint8Array(1), new Uint8Array(12), new Uint8Array(0)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
});

test('round trip of 0..100-byte messages; any flipped byte fails authentication', () => {
  const key = new Uint8Array(16).fill(9);
  const iv = new Uint8Array(12).fill(3);
  const aad = new Uint8Array([1, 2]);
  for (let len = 0; len <= 100; len += 25) {
    const msg = new Uint8Array(len).fill(len + 1);
    const { ciphertext, tag } = sm4GcmEncrypt(key, iv, msg, aad);
    assert.deepEqual(sm4GcmDecrypt(key, iv, ciphertext, tag, aad), msg);
    const badTag = tag.slice();
    badTag[0]! ^= 1;
    assert.throws(() => sm4GcmDecrypt(key, iv, ciphertext, badTag, aad), (e) => isGongxinError(e, 'CRYPTO_AEAD_AUTH_FAILED'));
    assert.throws(() => sm4GcmDecrypt(key, iv, ciphertext, tag, new Uint8Array([1, 3])), (e) => isGongxinError(e, 'CRYPTO_AEAD_AUTH_FAILED'));
  }
});
