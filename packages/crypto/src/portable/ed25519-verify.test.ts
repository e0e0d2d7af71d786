// Portable Ed25519: Wycheproof on arbitrary messages, RFC 8032 test 1, malleability (S + L), cached-key path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hexToBytes, utf8Encode } from '@gongxin/core';
import { ed25519 } from '@noble/curves/ed25519.js';
import { verifyEd25519Portable } from './ed25519-verify.js';
import { le256 } from './scalar-bytes.js';

interface EdTest { tcId: number; comment: string; msg: string; sig: string; result: string }
interface EdGroup { publicKey: { pk: string }; tests: EdTest[] }
const wycheproof = JSON.parse(readFileSync(new URL('../../test-vectors/wycheproof/ed25519_test.json', import.meta.url), 'utf8')) as { testGroups: EdGroup[] };

test('Wycheproof Ed25519: accepts every valid case and rejects every invalid one', () => {
  let n = 0;
  for (const g of wycheproof.testGroups) {
    for (const t of g.tests) {
      const got = verifyEd25519Portable(hexToBytes(g.publicKey.pk), hexToBytes(t.msg), hexToBytes(t.sig));
      assert.equal(got, t.result === 'valid', `tcId ${t.tcId}: ${t.comment}`);
      n++;
    }
  }
  assert.equal(n, 151);
});

test('RFC 8032 §7.1 test 1 (empty message)', () => {
  const pk = hexToBytes('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  const sig = hexToBytes('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
  assert.ok(verifyEd25519Portable(pk, new Uint8Array(0), sig));
  assert.equal(verifyEd25519Portable(pk, new Uint8Array(1), sig), false);
});

test('S + L (malleated) is rejected', () => {
  const seed = new Uint8Array(32).fill(3);
  const pk = ed25519.getPublicKey(seed);
  const msg = utf8Encode('malleable?');
  const sig = ed25519.sign(msg, seed);
  assert.ok(verifyEd25519Portable(pk, msg, sig));
  let s = le256(sig, 32) + ed25519.Point.Fn.ORDER;
  const mall = sig.slice();
  for (let i = 32; i < 64; i++) {
    mall[i] = Number(s & 255n);
    s >>= 8n;
  }
  assert.equal(verifyEd25519Portable(pk, msg, mall), false);
});

test('a key verified many times (cached, then precomputed) keeps giving right answers', () => {
  const seed = new Uint8Array(32).fill(4);
  const pk = ed25519.getPublicKey(seed);
  for (let i = 0; i < 8; i++) {
    const msg = utf8Encode(`m${i}`);
    const sig = ed25519.sign(msg, seed);
    assert.ok(verifyEd25519Portable(pk, msg, sig), `use ${i}`);
    sig[5]! ^= 1;
    assert.equal(verifyEd25519Portable(pk, msg, sig), false, `bad ${i}`);
  }
});

test('never throws on garbage', () => {
  const junk = [null, undefined, 'x', 5, {}, new Uint8Array(0), new Uint8Array(100)] as unknown as Uint8Array[];
  for (const a of junk) for (const b of junk) assert.equal(verifyEd25519Portable(a, b, a), false);
});
