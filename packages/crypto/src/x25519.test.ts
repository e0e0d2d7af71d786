// X25519 against Wycheproof (all 518 cases: RFC 7748 results, all-zero secrets refused) and noble.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes, isGongxinError } from '@gongxin/core';
import { x25519 } from '@noble/curves/ed25519.js';
import { x25519PublicKey, x25519RandomPrivateKey, x25519SharedSecret } from './x25519.js';

interface XTest { tcId: number; comment: string; public: string; private: string; shared: string; result: string; flags: string[] }
const wycheproof = JSON.parse(readFileSync(new URL('../test-vectors/wycheproof/x25519_test.json', import.meta.url), 'utf8')) as { testGroups: { tests: XTest[] }[] };

test('Wycheproof X25519: every non-zero shared secret matches; every all-zero one is refused', () => {
  let computed = 0;
  let refused = 0;
  for (const t of wycheproof.testGroups.flatMap((g) => g.tests)) {
    const priv = hexToBytes(t.private);
    const pub = hexToBytes(t.public);
    if (/^0+$/.test(t.shared)) {
      assert.ok(t.flags.includes('ZeroSharedSecret'));
      assert.throws(() => x25519SharedSecret(priv, pub), (e) => isGongxinError(e, 'CRYPTO_PUBLIC_KEY_INVALID'), `tcId ${t.tcId}`);
      refused++;
    } else {
      assert.equal(bytesToHex(x25519SharedSecret(priv, pub)), t.shared, `tcId ${t.tcId}: ${t.comment}`);
      computed++;
    }
  }
  assert.deepEqual([computed, refused], [487, 31]);
});

test('agrees with noble for random keys; both sides derive the same secret', () => {
  for (let i = 0; i < 20; i++) {
    const a = x25519RandomPrivateKey();
    const b = new Uint8Array(randomBytes(32));
    const A = x25519PublicKey(a);
    assert.deepEqual(A, x25519.getPublicKey(a));
    const s1 = x25519SharedSecret(a, x25519PublicKey(b));
    assert.deepEqual(s1, x25519SharedSecret(b, A));
    assert.deepEqual(s1, x25519.getSharedSecret(a, x25519.getPublicKey(b)));
  }
});

test('wrong lengths: CRYPTO_PRIVATE_KEY_INVALID / CRYPTO_PUBLIC_KEY_INVALID', () => {
  assert.throws(() => x25519PublicKey(new Uint8Array(31)), (e) => isGongxinError(e, 'CRYPTO_PRIVATE_KEY_INVALID'));
  assert.throws(() => x25519SharedSecret(new Uint8Array(32), new Uint8Array(33)), (e) => isGongxinError(e, 'CRYPTO_PUBLIC_KEY_INVALID'));
});
