// SM2 verification: the shared OpenSSL vectors with both SM3s, range checks on r and s, bad keys, the cached
// and precomputed paths, and no exception on any garbage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes, utf8Encode } from '@gongxin/core';
import { sm2 as smCrypto } from 'sm-crypto-v2';
import { be256, bigintToBe256 } from './scalar-bytes.js';
import { SM2_N, Sm2Point, sm2PublicKeyOf } from './sm2-curve.js';
import { sm2SignMessage, sm2SignerInverse } from './sm2-sign.js';
import { createSm2Verifier } from './sm2-verify.js';
import { sm2Z } from './sm2-z.js';
import { sm3 } from './sm3.js';

const opensslSm3 = (d: Uint8Array): Uint8Array => new Uint8Array(createHash('sm3').update(d).digest());
const verifiers = { portable: createSm2Verifier(sm3), openssl: createSm2Verifier(opensslSm3) };

interface Case { tcId: number; comment: string; publicKey: string; message: string; signature: string; valid: boolean }
const shared = JSON.parse(readFileSync(new URL('../../test-vectors/sm2/sm2_sm3_test.json', import.meta.url), 'utf8')) as { tests: Case[] };

const D = 0xc0ffeen;
const PK = sm2PublicKeyOf(D);
const MSG = utf8Encode('gongxin sm2');
const SIG = sm2SignMessage(sm3, D, sm2SignerInverse(D), sm2Z(sm3, PK), MSG);
const withRS = (r: bigint, s: bigint): Uint8Array => new Uint8Array([...bigintToBe256(r), ...bigintToBe256(s)]);

for (const [name, v] of Object.entries(verifiers)) {
  test(`${name}: all 66 OpenSSL-made cases (accept valid, reject empty-id, bit flips, r = 0, s = n)`, () => {
    assert.equal(shared.tests.length, 66);
    for (const t of shared.tests) {
      assert.equal(v.verifyMessage(hexToBytes(t.publicKey), hexToBytes(t.message), hexToBytes(t.signature)), t.valid, `tcId ${t.tcId}: ${t.comment}`);
    }
  });

  test(`${name}: r and s must be in [1, n - 1] and r + s must not be n`, () => {
    const r = be256(SIG, 0);
    const s = be256(SIG, 32);
    assert.ok(v.verifyMessage(PK, MSG, SIG));
    for (const [rr, ss, why] of [[0n, s, 'r = 0'], [r, 0n, 's = 0'], [r + SM2_N, s, 'r + n'], [r, s + SM2_N, 's + n'], [SM2_N, s, 'r = n'], [r, SM2_N, 's = n'], [r, SM2_N - r, 'r + s = n']] as const) {
      if (rr < 1n << 256n && ss < 1n << 256n) assert.equal(v.verifyMessage(PK, MSG, withRS(rr, ss)), false, why);
    }
  });

  test(`${name}: wrong lengths, wrong keys and non-bytes are rejected without throwing`, () => {
    assert.equal(v.verifyMessage(PK, MSG, SIG.subarray(0, 63)), false);
    assert.equal(v.verifyMessage(PK, MSG, new Uint8Array([...SIG, 0])), false);
    assert.equal(v.verifyMessage(Sm2Point.fromBytes(PK).toBytes(true), MSG, SIG), false, 'compressed key');
    assert.equal(v.verifyMessage(sm2PublicKeyOf(D + 1n), MSG, SIG), false, 'other key');
    const offCurve = PK.slice();
    offCurve[10]! ^= 4;
    assert.equal(v.verifyMessage(offCurve, MSG, SIG), false);
    const junk = 'junk' as unknown as Uint8Array;
    assert.equal(v.verifyMessage(junk, MSG, SIG), false);
    assert.equal(v.verifyMessage(PK, junk, SIG), false);
    assert.equal(v.verifyMessage(PK, MSG, junk), false);
    assert.equal(v.verifyMessage(null as unknown as Uint8Array, MSG, SIG), false);
  });

  test(`${name}: a key verified many times (precomputed table path) still accepts and rejects correctly`, () => {
    const d = 0xabcdefn + BigInt(name.length);
    const pk = sm2PublicKeyOf(d);
    const z = sm2Z(sm3, pk);
    for (let i = 0; i < 12; i++) {
      const m = utf8Encode(`message ${i}`);
      const sig = sm2SignMessage(sm3, d, sm2SignerInverse(d), z, m);
      assert.ok(v.verifyMessage(pk, m, sig), `use ${i}`);
      const bad = sig.slice();
      bad[63]! ^= 1;
      assert.equal(v.verifyMessage(pk, m, bad), false, `bad use ${i}`);
    }
  });
}

test('a signature with the empty distinguishing id (what Node crypto.sign makes) is rejected', () => {
  const privateHex = bytesToHex(bigintToBe256(D));
  const emptyId = smCrypto.doSignature(MSG, privateHex, { hash: true, userId: '' });
  const defaultId = smCrypto.doSignature(MSG, privateHex, { hash: true });
  assert.equal(verifiers.portable.verifyMessage(PK, MSG, hexToBytes(emptyId)), false);
  assert.equal(verifiers.portable.verifyMessage(PK, MSG, hexToBytes(defaultId)), true);
});

test('zOf returns Z_A for valid keys and null for invalid ones', () => {
  assert.equal(bytesToHex(verifiers.openssl.zOf(PK)!), bytesToHex(sm2Z(sm3, PK)));
  assert.equal(verifiers.openssl.zOf(new Uint8Array(65)), null);
});
