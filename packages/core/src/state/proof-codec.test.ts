// Tests of the proof codec (docs/spec/state.md §Proof encoding): round trips through canonical bytes, the
// bitmap form, and rejection of every non-canonical or malformed shape.
import assert from 'node:assert/strict';
import { hash as nodeHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from '../bytes.js';
import { decode, encode, type Value } from '../encoding.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { decodeStateProof, encodeStateProof } from './proof-codec.js';
import { createStateTree } from './tree.js';
import type { StateProof } from './types.js';
import { verifyStateProof } from './verify.js';

const sha256: HashFn = (d) => new Uint8Array(nodeHash('sha256', d, 'buffer'));
const P = (prefix: string): Uint8Array => hexToBytes(prefix.padEnd(64, '0'));
const V = (n: number): Uint8Array => sha256(Uint8Array.of(n));
const Z = new Uint8Array(32);
const same = (a: StateProof, b: StateProof): void => assert.deepEqual(
  [bytesToHex(a.path), a.leaf && [bytesToHex(a.leaf.path), bytesToHex(a.leaf.valueHash)], a.siblings.map(bytesToHex)],
  [bytesToHex(b.path), b.leaf && [bytesToHex(b.leaf.path), bytesToHex(b.leaf.valueHash)], b.siblings.map(bytesToHex)],
);
const malformed = (v: Value, why: string): void =>
  assert.throws(() => decodeStateProof(v), (e: unknown) => isGongxinError(e, 'STATE_PROOF_MALFORMED'), why);

test('a chain proof: empty siblings become bitmap zeros, listed siblings are only the non-empty ones', () => {
  const x = P('');
  const y = hexToBytes('00'.repeat(31) + '03');
  const t = createStateTree(sha256);
  t.applyBatch(0, [{ path: x, valueHash: V(1) }, { path: y, valueHash: V(2) }, { path: P('80'), valueHash: V(3) }]);
  const proof = t.proveAt(0, x);
  assert.equal(proof.siblings.length, 255);
  const enc = encodeStateProof(proof) as { depth: number; bitmap: Uint8Array; siblings: Uint8Array[] };
  assert.equal(enc.depth, 255);
  // Sibling 0 (the leaf y at depth 255) and sibling 254 (the leaf 80.. at depth 1) are the non-empty ones.
  assert.equal(bytesToHex(enc.bitmap), '80' + '00'.repeat(30) + '02');
  assert.equal(enc.siblings.length, 2);
  const back = decodeStateProof(decode(encode(enc)));
  same(back, proof);
  verifyStateProof(sha256, { root: t.root(), path: x, valueHash: V(1), proof: back });
});

test('round trip for random trees and paths, through canonical bytes', () => {
  const pathArb = fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(255).map((b) => P(b.toString(16).padStart(2, '0'))));
  fc.assert(
    fc.property(fc.array(pathArb, { maxLength: 30 }), pathArb, (paths, probe) => {
      const t = createStateTree(sha256);
      t.applyBatch(0, paths.map((path, i) => ({ path, valueHash: V(i) })));
      const proof = t.proveAt(0, probe);
      const bytes = encode(encodeStateProof(proof));
      const back = decodeStateProof(decode(bytes));
      same(back, proof);
      assert.equal(bytesToHex(encode(encodeStateProof(back))), bytesToHex(bytes));
    }),
  );
});

test('the decoder rejects every other form', () => {
  const t = createStateTree(sha256);
  t.applyBatch(0, [{ path: P('00'), valueHash: V(1) }, { path: P('40'), valueHash: V(2) }, { path: P('80'), valueHash: V(3) }]);
  const good = encodeStateProof(t.proveAt(0, P('00'))) as Record<string, Value>;
  assert.equal(good.depth, 2);
  assert.equal(bytesToHex(good.bitmap as Uint8Array), 'c0');
  decodeStateProof(good);
  malformed({ ...good, extra: 1 }, 'unknown key');
  malformed(Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'bitmap')), 'missing key');
  malformed([good], 'not a map');
  malformed(null, 'null');
  malformed({ ...good, depth: 257 }, 'depth too big');
  malformed({ ...good, depth: -1 }, 'negative depth');
  malformed({ ...good, depth: 9 }, 'depth needs a 2-byte bitmap');
  malformed({ ...good, depth: 1 }, 'depth 1 leaves bit 1 as padding');
  malformed({ ...good, depth: 2.5 }, 'fractional depth');
  malformed({ ...good, bitmap: Uint8Array.of(0xc0, 0) }, 'bitmap too long');
  malformed({ ...good, bitmap: Uint8Array.of(0xe0) }, 'padding bit set');
  malformed({ ...good, bitmap: Uint8Array.of(0x80) }, 'fewer bits than listed siblings');
  malformed({ ...good, siblings: [...(good.siblings as Uint8Array[]), V(5)] }, 'more listed siblings than bits');
  malformed({ ...good, siblings: [V(5)] }, 'fewer listed siblings than bits');
  malformed({ ...good, siblings: [Z, V(5)] }, 'a listed sibling is empty');
  malformed({ ...good, siblings: [V(5), V(6).subarray(1)] }, 'short sibling');
  malformed({ ...good, path: V(1).subarray(2) }, 'short path');
  malformed({ ...good, leaf: { path: P('00') } }, 'leaf without valueHash');
  malformed({ ...good, leaf: { path: P('00'), valueHash: V(1), x: 1 } }, 'leaf with an extra key');
  malformed({ ...good, leaf: 'x' }, 'leaf not a map');
  assert.throws(() => encodeStateProof({ path: P('00'), leaf: null, siblings: [V(1).subarray(3)] }), (e: unknown) => isGongxinError(e, 'STATE_PROOF_MALFORMED'));
});
