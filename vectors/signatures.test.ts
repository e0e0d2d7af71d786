// Checks the signature vectors (docs/spec/signatures.md §Test vectors) with the Node and portable suites, shows each
// trap negative passes a verifier lacking the rule, and that the generator reproduces the files exactly.
import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify as rawVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { hexToBytes } from '@gongxin/core';
import { getPortableSuite, getSuite } from '@gongxin/crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sm2 as smCrypto } from 'sm-crypto-v2';
import { buildSignatureVectors, type SignatureVector } from './generate-signatures.js';

const load = (name: string): SignatureVector[] => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as SignatureVector[];
const files = { 'ed25519-sha256': load('./ed25519-signatures.json'), 'sm2-sm3': load('./sm2-signatures.json') } as const;
const find = (list: SignatureVector[], prefix: string): SignatureVector => {
  const c = list.find((x) => x.comment.startsWith(prefix));
  assert.ok(c, prefix);
  return c;
};

for (const [id, cases] of Object.entries(files) as [keyof typeof files, SignatureVector[]][]) {
  test(`${id} vectors: node and portable suites accept exactly the valid cases`, () => {
    assert.ok(cases.length >= 20, `${cases.length} cases`);
    assert.ok(cases.filter((c) => c.valid).length >= 5 && cases.filter((c) => !c.valid).length >= 12);
    for (const suite of [getSuite(id), getPortableSuite(id)]) {
      for (const c of cases) {
        const got = suite.verifyMessage(hexToBytes(c.publicKey), hexToBytes(c.message), hexToBytes(c.signature));
        assert.equal(got, c.valid, `${id}: ${c.comment}`);
        if (c.message.length === 64) {
          assert.equal(suite.verify(hexToBytes(c.publicKey), hexToBytes(c.message), hexToBytes(c.signature)), c.valid, `digest form: ${c.comment}`);
        }
      }
    }
  });

  test(`${id} vectors: all hex is lowercase and valid keys have the suite's encoding`, () => {
    for (const c of cases) {
      for (const h of [c.publicKey, c.message, c.signature]) assert.match(h, /^([0-9a-f]{2})*$/);
      if (c.valid) {
        assert.equal(c.publicKey.length, id === 'sm2-sm3' ? 130 : 64);
        assert.equal(c.signature.length, 128);
      }
    }
  });
}

test('Ed25519 trap cases pass a cofactored or policy-free verifier, so they really test those rules', () => {
  const list = files['ed25519-sha256'];
  const mixed = find(list, 'invalid: mixed-order public key');
  assert.ok(ed25519.verify(hexToBytes(mixed.signature), hexToBytes(mixed.message), hexToBytes(mixed.publicKey)), 'cofactored accepts');
  const identity = find(list, 'invalid: public key is the identity');
  assert.ok(ed25519.verify(hexToBytes(identity.signature), hexToBytes(identity.message), hexToBytes(identity.publicKey), { zip215: true }), 'ZIP-215 accepts');
  // Raw OpenSSL (no key policy, no R check) accepts these three: the rules in docs/spec/signatures.md matter.
  for (const prefix of ['invalid: public key is the identity', 'invalid: non-canonical public key', 'invalid: R is the identity']) {
    const c = find(list, prefix);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), hexToBytes(c.publicKey)]);
    assert.ok(rawVerify(null, hexToBytes(c.message), createPublicKey({ key: spki, format: 'der', type: 'spki' }), hexToBytes(c.signature)), `raw OpenSSL accepts: ${prefix}`);
  }
  const malleated = find(list, 'invalid: S + L');
  assert.ok(malleated.signature !== find(list, 'valid: a 32-byte').signature);
});

test('SM2 trap cases verify under the wrong rule (empty id; e = SM3(M) without Z_A)', () => {
  const list = files['sm2-sm3'];
  const emptyId = find(list, 'invalid: signed with an EMPTY');
  assert.ok(smCrypto.doVerifySignature(hexToBytes(emptyId.message), emptyId.signature, emptyId.publicKey, { hash: true, userId: '' }));
  const noZ = find(list, 'invalid: signed over SM3(M)');
  const e = new Uint8Array(createHash('sm3').update(hexToBytes(noZ.message)).digest());
  assert.ok(smCrypto.doVerifySignature(e, noZ.signature, noZ.publicKey, { hash: false }), 'valid for e = SM3(M)');
  assert.equal(smCrypto.doVerifySignature(hexToBytes(noZ.message), noZ.signature, noZ.publicKey, { hash: true }), false);
});

test('the generator reproduces both files byte for byte (deterministic; read the diff before regenerating)', () => {
  const out = buildSignatureVectors();
  assert.equal(out.ed25519, readFileSync(new URL('./ed25519-signatures.json', import.meta.url), 'utf8'));
  assert.equal(out.sm2, readFileSync(new URL('./sm2-signatures.json', import.meta.url), 'utf8'));
});
