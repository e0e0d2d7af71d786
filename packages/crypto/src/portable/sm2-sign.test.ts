// SM2 signing: deterministic nonces, valid signatures under ours and sm-crypto-v2, pinned known answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { bytesToHex, utf8Encode } from '@gongxin/core';
import { sm2 as smCrypto } from 'sm-crypto-v2';
import { be256 } from './scalar-bytes.js';
import { SM2_N, sm2PublicKeyOf } from './sm2-curve.js';
import { sm2SignMessage, sm2SignerInverse } from './sm2-sign.js';
import { createSm2Verifier } from './sm2-verify.js';
import { sm2Z } from './sm2-z.js';
import { sm3 } from './sm3.js';

const verifier = createSm2Verifier(sm3);

function signWith(d: bigint, message: Uint8Array): { pk: Uint8Array; sig: Uint8Array } {
  const pk = sm2PublicKeyOf(d);
  return { pk, sig: sm2SignMessage(sm3, d, sm2SignerInverse(d), sm2Z(sm3, pk), message) };
}

test('same key and message give the same signature; another message another one', () => {
  const m = utf8Encode('message digest');
  const a = signWith(0x1234n, m);
  const b = signWith(0x1234n, m);
  const c = signWith(0x1234n, utf8Encode('message digesT'));
  assert.equal(bytesToHex(a.sig), bytesToHex(b.sig));
  assert.notEqual(bytesToHex(a.sig), bytesToHex(c.sig));
});

// Cross-checked with an independent Python implementation (hashlib SM3, hmac, RFC 6979 §3.2, GB/T 32918.2 §6.1).
test('pinned known answer (d = 0x1234, message "message digest"): the nonce derivation must not change', () => {
  const { sig } = signWith(0x1234n, utf8Encode('message digest'));
  assert.equal(
    bytesToHex(sig),
    '7dc7e7b69df7c5e64d35740c81a790e08487b2db9a116bd258d83979d67a5d24' + '7d00eab5d3837d340a403fcf06ec24fc1c39f24a7810a992e107b8a502739553',
  );
});

test('signatures by random keys verify with ours and with sm-crypto-v2 (default id); r, s in [1, n-1]', () => {
  for (let i = 0; i < 12; i++) {
    const d = (be256(new Uint8Array(randomBytes(32)), 0) % (SM2_N - 2n)) + 1n;
    const msg = new Uint8Array(randomBytes(i * 11));
    const { pk, sig } = signWith(d, msg);
    const r = be256(sig, 0);
    const s = be256(sig, 32);
    assert.ok(r >= 1n && r < SM2_N && s >= 1n && s < SM2_N);
    assert.ok(verifier.verifyMessage(pk, msg, sig), 'ours');
    assert.ok(smCrypto.doVerifySignature(msg, bytesToHex(sig), bytesToHex(pk), { hash: true }), 'sm-crypto-v2');
    assert.equal(smCrypto.doVerifySignature(msg, bytesToHex(sig), bytesToHex(pk), { hash: true, userId: '' }), false, 'not empty id');
  }
});

test('the largest private key n - 2 signs', () => {
  const msg = utf8Encode('edge');
  const { pk, sig } = signWith(SM2_N - 2n, msg);
  assert.ok(verifier.verifyMessage(pk, msg, sig));
});
