// verifyStateProof (the SDK wrapper) on responses built from core's state tree: present and absent entries in
// three proof encodings, and a ProofError for every tampered field, value and trust anchor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, decode, encode, encodeStateProof, statePath, utf8Encode, type Value } from '@gongxin/core';
import { ProofError } from '../errors.js';
import { toJsonView } from '../json-view.js';
import { buildFakeChain } from '../testing/fake-chain.js';
import { stateSchema } from '../wire/responses.js';
import { stateProofFromInput } from './state-proof-input.js';
import { verifyStateProof } from './verify-state.js';

const chain = buildFakeChain({ blocks: 9 });
const suite = chain.suite;
type Json = Record<string, unknown> & { header: Record<string, unknown>; proof: Record<string, unknown> & { siblings: string[] } };

function flip(hex: string): string {
  return hex.slice(0, -2) + (parseInt(hex.slice(-2), 16) ^ 1).toString(16).padStart(2, '0');
}
const isProofError = (reason?: string) => (e: unknown) => e instanceof ProofError && (reason === undefined || e.reason === reason);

test('present and absent entries at every height verify; the value is decoded from the proven bytes', () => {
  for (let h = 0; h < chain.blocks.length; h++) {
    for (let k = 0; k < chain.blocks.length + 2; k++) {
      const key = `k${k}`;
      const json = chain.stateJson('demo', key, h);
      const r = verifyStateProof(suite, json, { module: 'demo', key, trustedHeader: chain.blocks[h]!.header });
      assert.deepEqual(verifyStateProof(suite, stateSchema.parse(json), { module: 'demo', key }), r, 'as client.getState returns it');
      const expected = chain.values[h]!.get(`demo/${key}`);
      assert.equal(r.found, expected !== undefined, `${key}@${h}`);
      if (expected !== undefined) {
        assert.deepEqual(r.value, decode(expected));
        assert.equal((r.value as { height: number }).height, k);
      } else {
        assert.equal(r.value, null);
      }
    }
  }
});

test('the three proof encodings (JSON view, canonical bytes as hex, expanded) are accepted', () => {
  const h = 6;
  const base = chain.stateJson('demo', 'k5', h);
  const proof = chain.state.proveAt(h, statePath(suite.hash, 'demo', utf8Encode('k5')));
  const asHex = bytesToHex(encode(encodeStateProof(proof)));
  const expanded = { path: bytesToHex(proof.path), leaf: toJsonView(proof.leaf as unknown as Value), siblings: proof.siblings.map(bytesToHex) };
  for (const p of [base.proof, asHex, expanded]) {
    const r = verifyStateProof(suite, { ...base, proof: p }, { module: 'demo', key: 'k5' });
    assert.equal(r.found, true);
  }
  assert.throws(() => stateProofFromInput('not hex'), isProofError('PROOF_MALFORMED'));
  assert.throws(() => stateProofFromInput({ path: 'ab' }), isProofError('PROOF_MALFORMED'));
  assert.throws(() => stateProofFromInput(asHex + '00'), isProofError('ENCODING_TRAILING_BYTES'));
});

test('tampering any field of a present entry is a ProofError', () => {
  const h = 7;
  const good = chain.stateJson('demo', 'k7', h) as Json;
  const wrongValue = bytesToHex(encode({ height: 7, seed: 'main', blob: utf8Encode('v8') }));
  const mutations: Array<[string, (p: Json) => void]> = [
    ['module', (p) => (p.module = 'other')],
    ['key', (p) => (p.key = 'k6')],
    ['height', (p) => (p.height = 6)],
    ['found', (p) => (p.found = false)],
    ['valueHex', (p) => (p.valueHex = wrongValue)],
    ['valueHex dropped', (p) => (p.valueHex = null)],
    ['headerHash', (p) => (p.headerHash = flip(p.headerHash as string))],
    ['header.stateRoot', (p) => (p.header.stateRoot = flip(p.header.stateRoot as string))],
    ['header.height', (p) => (p.header.height = 6)],
    ['header.timestamp', (p) => (p.header.timestamp = 1)],
    ['header.txRoot', (p) => (p.header.txRoot = flip(p.header.txRoot as string))],
    ['proof.path', (p) => (p.proof.path = flip(p.proof.path as string))],
    ['proof.leaf.valueHash', (p) => ((p.proof.leaf as Record<string, string>).valueHash = flip((p.proof.leaf as Record<string, string>).valueHash!))],
    ['proof.leaf.path', (p) => ((p.proof.leaf as Record<string, string>).path = flip((p.proof.leaf as Record<string, string>).path!))],
    ['proof.leaf null', (p) => (p.proof.leaf = null)],
    ['proof.siblings[0]', (p) => (p.proof.siblings[0] = flip(p.proof.siblings[0]!))],
    ['proof.siblings dropped', (p) => p.proof.siblings.pop()],
    ['proof.depth', (p) => (p.proof.depth = (p.proof.depth as number) + 1)],
    ['proof.bitmap', (p) => (p.proof.bitmap = flip(p.proof.bitmap as string))],
    ['proof missing', (p) => Reflect.deleteProperty(p, 'proof')],
  ];
  for (const [name, mutate] of mutations) {
    const p = structuredClone(good);
    mutate(p);
    assert.throws(() => verifyStateProof(suite, p, { module: 'demo', key: 'k7' }), isProofError(), name);
  }
  verifyStateProof(suite, structuredClone(good), { module: 'demo', key: 'k7' });
});

test('an absence proof cannot be turned into presence, nor a deleted entry revived; anchors are checked', () => {
  // k4 was deleted at height 6.
  const absent = chain.stateJson('demo', 'k4', 6) as Json;
  assert.equal(absent.found, false);
  verifyStateProof(suite, absent, { module: 'demo', key: 'k4' });
  const present4 = chain.stateJson('demo', 'k4', 5) as Json;
  const revived = { ...absent, found: true, valueHex: present4.valueHex };
  assert.throws(() => verifyStateProof(suite, revived, { module: 'demo', key: 'k4' }), isProofError('STATE_PROOF_VALUE_MISMATCH'));
  const stale = { ...present4, header: absent.header, headerHash: absent.headerHash, height: 6 };
  assert.throws(() => verifyStateProof(suite, stale, { module: 'demo', key: 'k4' }), isProofError());
  // Asking for one key and being answered (validly) about another.
  const k5 = chain.stateJson('demo', 'k5', 6);
  assert.throws(() => verifyStateProof(suite, { ...k5, key: 'k4' }, { module: 'demo', key: 'k4' }), isProofError('STATE_PROOF_PATH_MISMATCH'));
  assert.throws(() => verifyStateProof(suite, k5, { module: 'demo', key: 'k4' }), isProofError('FIELD_MISMATCH'));
  // Valid, but against another header than the trusted one.
  assert.throws(
    () => verifyStateProof(suite, k5, { module: 'demo', key: 'k5', trustedHeader: chain.blocks[7]!.header }),
    isProofError('TRUSTED_HEADER_MISMATCH'),
  );
  assert.throws(() => verifyStateProof(suite, k5, { module: 'demo', key: 'k5', trustedHeaderHash: chain.blocks[5]!.hash }), isProofError('TRUSTED_HEADER_MISMATCH'));
  verifyStateProof(suite, k5, { module: 'demo', key: 'k5', trustedHeaderHash: bytesToHex(chain.blocks[6]!.hash) });
});
