// Unit tests for inclusion verification: reference proofs, each error code, garbage input, and a BigInt
// transcription of the RFC 9162 §2.1.3.2 loop as an independent oracle up to tree sizes of 2^53 - 1.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { concatBytes, equalBytes, hexToBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { inclusionProof } from './list-proofs.js';
import { merkleRoot } from './root.js';
import { leafHash } from './tree-hash.js';
import { rootFromInclusionProof, verifyInclusion } from './verify-inclusion.js';

const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const leaves = Array.from({ length: 13 }, (_, i) => leafHash(sha256, Uint8Array.of(i)));
const root13 = merkleRoot(sha256, leaves);
const good = (i: number) => ({ leafIndex: i, treeSize: 13, leafHash: leaves[i]!, proof: inclusionProof(sha256, leaves, i), root: root13 });
const code = (c: string) => (e: unknown) => isGongxinError(e, c);

/** RFC 9162 §2.1.3.2, step by step, in BigInt. Returns the root, or undefined where the RFC says "fail". */
function rfcRootFromInclusion(index: bigint, size: bigint, leaf: Uint8Array, path: readonly Uint8Array[]): Uint8Array | undefined {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return undefined;
    if ((fn & 1n) === 1n || fn === sn) {
      r = sha256(concatBytes(Uint8Array.of(1), p, r));
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    } else {
      r = sha256(concatBytes(Uint8Array.of(1), r, p));
    }
    [fn, sn] = [fn >> 1n, sn >> 1n];
  }
  return sn === 0n ? r : undefined;
}

/** Proof length the RFC loop consumes for (index, size). */
function rfcPathLength(index: bigint, size: bigint): number {
  let fn = index;
  let sn = size - 1n;
  let n = 0;
  while (sn !== 0n) {
    if ((fn & 1n) === 0n && fn === sn) while ((fn & 1n) === 0n && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    [fn, sn] = [fn >> 1n, sn >> 1n];
    n++;
  }
  return n;
}

test('every proof of a 13-leaf tree verifies and yields the root', () => {
  for (let i = 0; i < 13; i++) {
    verifyInclusion(sha256, good(i));
    assert.deepEqual(rootFromInclusionProof(sha256, good(i)), root13);
  }
});

test('a wrong leaf, root, index or size is a root mismatch or a wrong length', () => {
  assert.throws(() => verifyInclusion(sha256, { ...good(4), leafHash: leaves[5]! }), code('PROOF_ROOT_MISMATCH'));
  assert.throws(() => verifyInclusion(sha256, { ...good(4), root: leaves[0]! }), code('PROOF_ROOT_MISMATCH'));
  assert.throws(() => verifyInclusion(sha256, { ...good(4), leafIndex: 5 }), code('PROOF_ROOT_MISMATCH'));
  assert.throws(() => verifyInclusion(sha256, { ...good(12), treeSize: 14 }), code('PROOF_WRONG_LENGTH'));
  assert.throws(() => verifyInclusion(sha256, { ...good(4), proof: good(4).proof.slice(1) }), code('PROOF_WRONG_LENGTH'));
  assert.throws(() => verifyInclusion(sha256, { ...good(4), proof: [...good(4).proof, root13] }), code('PROOF_WRONG_LENGTH'));
});

test('sizes and indexes outside the tree are rejected with their own codes', () => {
  for (const treeSize of [0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '13', 13n]) {
    assert.throws(() => verifyInclusion(sha256, { ...good(0), treeSize: treeSize as number }), code('PROOF_BAD_SIZE'), String(treeSize));
  }
  for (const leafIndex of [13, 14, -1, 0.5, 2 ** 64, null, '0']) {
    assert.throws(() => verifyInclusion(sha256, { ...good(0), leafIndex: leafIndex as number }), code('PROOF_BAD_INDEX'), String(leafIndex));
  }
});

test('hashes of the wrong type or length are malformed', () => {
  const g = good(3);
  const cases: unknown[] = [
    { ...g, root: new Uint8Array(31) },
    { ...g, root: 'root' },
    { ...g, leafHash: new Uint8Array(0) },
    { ...g, proof: null },
    { ...g, proof: 'abc' },
    { ...g, proof: [...g.proof.slice(0, -1), new Uint8Array(33)] },
    { ...g, proof: [...g.proof.slice(0, -1), [1, 2, 3]] },
    null,
    42,
  ];
  for (const c of cases) assert.throws(() => verifyInclusion(sha256, c as never), code('PROOF_MALFORMED'));
});

test('garbage of any shape raises only GongxinError', () => {
  const anyField = fc.oneof(fc.anything(), fc.uint8Array({ minLength: 30, maxLength: 34 }), fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 6 }));
  fc.assert(
    fc.property(fc.record({ leafIndex: anyField, treeSize: anyField, leafHash: anyField, proof: anyField, root: anyField }, { requiredKeys: [] }), (p) => {
      try {
        verifyInclusion(sha256, p as never);
        rootFromInclusionProof(sha256, p as never);
      } catch (e) {
        assert.ok(isGongxinError(e), `threw ${String(e)}`);
      }
    }),
    { numRuns: 3000 },
  );
});

test('agrees with the RFC 9162 §2.1.3.2 loop on random proofs in trees of up to 2^53 - 1 leaves', () => {
  const sizes = fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 2 ** 33 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));
  fc.assert(
    fc.property(sizes, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -1, max: 1 }), fc.nat(), (size, frac, delta, seed) => {
      const index = Math.min(size - 1, Math.floor(frac * size));
      const want = rfcPathLength(BigInt(index), BigInt(size));
      const len = Math.max(0, want + delta);
      const proof = Array.from({ length: len }, (_, k) => sha256(Uint8Array.of(k, seed & 255, seed >> 8)));
      const leaf = sha256(Uint8Array.of(seed & 255));
      const ref = rfcRootFromInclusion(BigInt(index), BigInt(size), leaf, proof);
      let mine: Uint8Array | undefined;
      try {
        mine = rootFromInclusionProof(sha256, { leafIndex: index, treeSize: size, leafHash: leaf, proof });
      } catch (e) {
        assert.ok(isGongxinError(e, 'PROOF_WRONG_LENGTH'), String(e));
      }
      assert.equal(mine === undefined, ref === undefined, `index ${index} size ${size} len ${len} (want ${want})`);
      if (mine && ref) assert.ok(equalBytes(mine, ref));
    }),
    { numRuns: 3000 },
  );
});

test('in a tree of 2^53 - 1 leaves the first leaf has 53 hashes and the last 52', () => {
  const size = Number.MAX_SAFE_INTEGER;
  const leaf = hexToBytes('11'.repeat(32));
  for (const [index, len] of [[0, 53], [size - 1, 52]] as const) {
    const proof = Array.from({ length: len }, (_, k) => hexToBytes(k.toString(16).padStart(2, '0').repeat(32)));
    const root = rootFromInclusionProof(sha256, { leafIndex: index, treeSize: size, leafHash: leaf, proof });
    assert.deepEqual(root, rfcRootFromInclusion(BigInt(index), BigInt(size), leaf, proof));
    assert.throws(() => rootFromInclusionProof(sha256, { leafIndex: index, treeSize: size, leafHash: leaf, proof: proof.slice(1) }), code('PROOF_WRONG_LENGTH'));
  }
});
