// Node Ed25519: Wycheproof through OpenSSL, and exact agreement with the portable verifier, including crafted
// mixed-order keys and R values where cofactored verifiers (noble's own) disagree with OpenSSL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify as rawVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hexToBytes, utf8Encode } from '@gongxin/core';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import { ed25519PrivateKeyObject, ed25519PublicKeyNode, signEd25519Node, verifyEd25519Node } from './ed25519-node.js';
import { verifyEd25519Portable } from './portable/ed25519-verify.js';
import { leBytesToBigint } from './portable/scalar-bytes.js';

interface EdTest { tcId: number; comment: string; msg: string; sig: string; result: string }
interface EdGroup { publicKey: { pk: string }; tests: EdTest[] }
const wycheproof = JSON.parse(readFileSync(new URL('../test-vectors/wycheproof/ed25519_test.json', import.meta.url), 'utf8')) as { testGroups: EdGroup[] };

const Point = ed25519.Point;
const L = Point.Fn.ORDER;
const le32 = (n: bigint): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 255n));
const sha512 = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha512');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

test('Wycheproof Ed25519 through OpenSSL: valid accepted, invalid rejected', () => {
  let n = 0;
  for (const g of wycheproof.testGroups) {
    for (const t of g.tests) {
      assert.equal(verifyEd25519Node(hexToBytes(g.publicKey.pk), hexToBytes(t.msg), hexToBytes(t.sig)), t.result === 'valid', `tcId ${t.tcId}: ${t.comment}`);
      n++;
    }
  }
  assert.equal(n, 151);
});

test('signing with a private KeyObject equals noble (RFC 8032 is deterministic) and the public key matches', () => {
  for (let i = 0; i < 10; i++) {
    const seed = new Uint8Array(32).fill(i + 1);
    const key = ed25519PrivateKeyObject(seed);
    const msg = utf8Encode(`message ${i}`);
    assert.deepEqual(ed25519PublicKeyNode(key), ed25519.getPublicKey(seed));
    assert.deepEqual(signEd25519Node(key, msg), ed25519.sign(msg, seed));
  }
});

/** Signs `msg` with scalar a "for" the key bytes `pkBytes` (whose point may differ from a·B by a torsion point). */
function craft(a: bigint, pkBytes: Uint8Array, msg: Uint8Array, nonce: bigint, torsionR?: string): Uint8Array {
  let R = Point.BASE.multiply(nonce);
  if (torsionR !== undefined) R = R.add(Point.fromHex(torsionR));
  const rBytes = R.toBytes();
  const k = leBytesToBigint(sha512(rBytes, pkBytes, msg)) % L;
  return new Uint8Array([...rBytes, ...le32((nonce + k * a) % L)]);
}

test('mixed-order keys and R: OpenSSL and the portable verifier agree on every case (cofactorless)', () => {
  const a = 0x1234567n;
  const A = Point.BASE.multiply(a);
  let cofactoredOnly = 0;
  let total = 0;
  for (const t of ED25519_TORSION_SUBGROUP.slice(1)) {
    const mixedKey = A.add(Point.fromHex(t)).toBytes();
    for (let i = 0; i < 6; i++) {
      const msg = utf8Encode(`mixed ${t.slice(0, 4)} ${i}`);
      const cases: [Uint8Array, Uint8Array][] = [
        [mixedKey, craft(a, mixedKey, msg, 1000n + BigInt(i))],
        [A.toBytes(), craft(a, A.toBytes(), msg, 2000n + BigInt(i), t)],
      ];
      for (const [pk, sig] of cases) {
        const node = verifyEd25519Node(pk, msg, sig);
        assert.equal(verifyEd25519Portable(pk, msg, sig), node, `torsion ${t} #${i}`);
        if (!node && ed25519.verify(sig, msg, pk)) cofactoredOnly++;
        total++;
      }
    }
  }
  // The construction really produces inputs on which the two equations differ (so the agreement above means something).
  assert.ok(cofactoredOnly > total / 2, `${cofactoredOnly} of ${total} cofactored-only`);
});

test('random garbage: OpenSSL and portable agree (mostly false) and never throw', () => {
  for (let i = 0; i < 200; i++) {
    const pk = i % 2 === 0 ? ed25519.getPublicKey(new Uint8Array(32).fill(i)) : sha512(le32(BigInt(i))).subarray(0, 32);
    const msg = le32(BigInt(i * 7));
    const sig = sha512(le32(BigInt(i)), msg);
    assert.equal(verifyEd25519Node(pk, msg, sig), verifyEd25519Portable(pk, msg, sig));
  }
});

test('R of small order (R = identity, S = k·a) is refused by both although raw OpenSSL accepts it (libsodium rule)', () => {
  const a = 0x7777n;
  const A = Point.BASE.multiply(a).toBytes();
  for (const t of ED25519_TORSION_SUBGROUP) {
    const R = hexToBytes(t);
    const msg = utf8Encode(`small R ${t.slice(0, 6)}`);
    const k = leBytesToBigint(sha512(R, A, msg)) % L;
    const sig = new Uint8Array([...R, ...le32((k * a) % L)]);
    const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), A]), format: 'der', type: 'spki' });
    if (t === ED25519_TORSION_SUBGROUP[0]) assert.ok(rawVerify(null, msg, key, sig), 'OpenSSL alone accepts R = identity');
    assert.equal(verifyEd25519Node(A, msg, sig), false, t);
    assert.equal(verifyEd25519Portable(A, msg, sig), false, t);
  }
});
