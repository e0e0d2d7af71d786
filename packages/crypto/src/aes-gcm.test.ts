// AES-GCM against Wycheproof (96-bit IVs, 128/192/256-bit keys); other IV sizes refused by design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes, isGongxinError } from '@gongxin/core';
import { aesGcmDecrypt, aesGcmEncrypt } from './aes-gcm.js';

interface AeadTest { tcId: number; key: string; iv: string; aad: string; msg: string; ct: string; tag: string; result: string }
interface AeadGroup { ivSize: number; keySize: number; tagSize: number; tests: AeadTest[] }
const wycheproof = JSON.parse(readFileSync(new URL('../test-vectors/wycheproof/aes_gcm_test.json', import.meta.url), 'utf8')) as { testGroups: AeadGroup[] };

test('Wycheproof AES-GCM, 96-bit IVs: valid cases round-trip, invalid ones are refused', () => {
  let valid = 0;
  let invalid = 0;
  for (const g of wycheproof.testGroups.filter((x) => x.ivSize === 96 && x.tagSize === 128)) {
    for (const t of g.tests) {
      const [key, iv, aad, msg, ct, tag] = [t.key, t.iv, t.aad, t.msg, t.ct, t.tag].map(hexToBytes) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
      if (t.result === 'valid') {
        const out = aesGcmEncrypt(key, iv, msg, aad);
        assert.equal(bytesToHex(out.ciphertext) + bytesToHex(out.tag), t.ct + t.tag, `tcId ${t.tcId}`);
        assert.equal(bytesToHex(aesGcmDecrypt(key, iv, ct, tag, aad)), t.msg, `tcId ${t.tcId}`);
        valid++;
      } else {
        assert.throws(() => aesGcmDecrypt(key, iv, ct, tag, aad), (e) => isGongxinError(e, 'CRYPTO_AEAD_AUTH_FAILED'), `tcId ${t.tcId}`);
        invalid++;
      }
    }
  }
  assert.deepEqual([valid, invalid], [116, 81]);
});

test('non-96-bit IVs and bad key/tag lengths: CRYPTO_AEAD_PARAMS_INVALID', () => {
  for (const g of wycheproof.testGroups.filter((x) => x.ivSize !== 96)) {
    const t = g.tests[0]!;
    assert.throws(() => aesGcmDecrypt(hexToBytes(t.key), hexToBytes(t.iv), hexToBytes(t.ct), hexToBytes(t.tag), hexToBytes(t.aad)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
  }
  const iv = new Uint8Array(12);
  assert.throws(() => aesGcmEncrypt(new Uint8Array(20), iv, new Uint8Array(1), new Uint8Array(0)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
  assert.throws(() => aesGcmDecrypt(new Uint8Array(32), iv, new Uint8Array(1), new Uint8Array(8), new Uint8Array(0)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
});
