// Cross-checks (docs/spec/merkle.md): the RFC 9162 §2.1 definitions transcribed literally (recursive MTH, PATH,
// SUBPROOF) against merkleRoot, the list-based proofs and the history tree; plus fast-check properties that
// proofs verify and that mutated proofs are rejected.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, concatBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { createHistoryTree } from './history-tree.js';
import { consistencyProof, inclusionProof } from './list-proofs.js';
import { merkleRoot } from './root.js';
import { verifyConsistency } from './verify-consistency.js';
import { verifyInclusion } from './verify-inclusion.js';

const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const sm3: HashFn = (d) => plain(nodeCryptoHash('sm3', d, 'buffer'));

// ---- RFC 9162 §2.1, literally (slow, obviously right) ----
const refLeaf = (h: HashFn, d: Uint8Array): Uint8Array => h(concatBytes(Uint8Array.of(0), d));
const refNode = (h: HashFn, l: Uint8Array, r: Uint8Array): Uint8Array => h(concatBytes(Uint8Array.of(1), l, r));
const refK = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
function refMTH(h: HashFn, d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) return h(new Uint8Array(0));
  if (d.length === 1) return d[0]!;
  const k = refK(d.length);
  return refNode(h, refMTH(h, d.slice(0, k)), refMTH(h, d.slice(k)));
}
function refPATH(h: HashFn, m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length === 1) return [];
  const k = refK(d.length);
  return m < k ? [...refPATH(h, m, d.slice(0, k)), refMTH(h, d.slice(k))] : [...refPATH(h, m - k, d.slice(k)), refMTH(h, d.slice(0, k))];
}
function refSUBPROOF(h: HashFn, m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [refMTH(h, d)];
  const k = refK(d.length);
  return m <= k
    ? [...refSUBPROOF(h, m, d.slice(0, k), b), refMTH(h, d.slice(k))]
    : [...refSUBPROOF(h, m - k, d.slice(k), false), refMTH(h, d.slice(0, k))];
}

const hex = (p: readonly Uint8Array[]): string[] => p.map(bytesToHex);

for (const [name, h] of [['SHA-256', sha256], ['SM3', sm3]] as const) {
  test(`${name}: every root and proof of trees up to 40 leaves equals the RFC definition, in all three implementations`, () => {
    const leaves = Array.from({ length: 40 }, (_, i) => refLeaf(h, Uint8Array.of(i, 0xab)));
    const tree = createHistoryTree(h);
    for (const l of leaves) tree.append(l);
    for (let n = 0; n <= 40; n++) {
      const d = leaves.slice(0, n);
      const root = refMTH(h, d);
      assert.equal(bytesToHex(merkleRoot(h, d)), bytesToHex(root), `merkleRoot ${n}`);
      assert.equal(bytesToHex(tree.rootAt(n)), bytesToHex(root), `rootAt ${n}`);
      for (let i = 0; i < n; i++) {
        const want = hex(refPATH(h, i, d));
        assert.deepEqual(hex(inclusionProof(h, d, i)), want, `list PATH(${i}, ${n})`);
        const proof = tree.inclusionProof(i, n);
        assert.deepEqual(hex(proof), want, `history PATH(${i}, ${n})`);
        verifyInclusion(h, { leafIndex: i, treeSize: n, leafHash: d[i]!, proof, root });
      }
      for (let m = 1; m <= n; m++) {
        const want = hex(refSUBPROOF(h, m, d, true));
        assert.deepEqual(hex(consistencyProof(h, leaves, m, n)), want, `list PROOF(${m}, ${n})`);
        const proof = tree.consistencyProof(m, n);
        assert.deepEqual(hex(proof), want, `history PROOF(${m}, ${n})`);
        verifyConsistency(h, { size1: m, size2: n, root1: refMTH(h, leaves.slice(0, m)), root2: root, proof });
      }
    }
  });
}

// ---- Properties over larger random sizes ----
const N = 3000;
const leaves = Array.from({ length: N }, (_, i) => refLeaf(sha256, Uint8Array.of(i & 255, i >> 8)));
const history = createHistoryTree(sha256);
for (const l of leaves) history.append(l);
const rejected = (f: () => void): boolean => {
  try {
    f();
    return false;
  } catch (e) {
    assert.ok(isGongxinError(e), `non-Gongxin error ${String(e)}`);
    return true;
  }
};
const flip = (p: readonly Uint8Array[], at: number, bit: number): Uint8Array[] =>
  p.map((x, i) => {
    const y = new Uint8Array(x);
    if (i === at) y[bit >> 3]! ^= 1 << (bit & 7);
    return y;
  });

test('history tree roots and inclusion proofs equal the list-based ones, verify, and reject mutations', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: N }), fc.nat(), fc.nat(), fc.nat(255), (n, a, b, bit) => {
      const i = a % n;
      const d = leaves.slice(0, n);
      const root = merkleRoot(sha256, d);
      assert.deepEqual(history.rootAt(n), root);
      const proof = history.inclusionProof(i, n);
      assert.deepEqual(hex(proof), hex(inclusionProof(sha256, d, i)));
      const p = { leafIndex: i, treeSize: n, leafHash: d[i]!, proof, root };
      verifyInclusion(sha256, p);
      if (proof.length > 0) {
        assert.ok(rejected(() => verifyInclusion(sha256, { ...p, proof: flip(proof, b % proof.length, bit) })), 'bit flip');
        assert.ok(rejected(() => verifyInclusion(sha256, { ...p, proof: proof.filter((_, k) => k !== b % proof.length) })), 'missing element');
      }
      const extra = [...proof];
      extra.splice(b % (proof.length + 1), 0, root);
      assert.ok(rejected(() => verifyInclusion(sha256, { ...p, proof: extra })), 'extra element');
      assert.ok(rejected(() => verifyInclusion(sha256, { ...p, leafHash: flip([d[i]!], 0, bit)[0]! })), 'wrong leaf');
      assert.ok(rejected(() => verifyInclusion(sha256, { ...p, root: flip([root], 0, bit)[0]! })), 'wrong root');
      const j = b % n;
      if (j !== i) assert.ok(rejected(() => verifyInclusion(sha256, { ...p, leafIndex: j })), `index ${j} instead of ${i}`);
    }),
    { numRuns: 300 },
  );
});

test('consistency between any 0 < m ≤ n verifies, matches the list-based proof, and rejects mutations', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: N }), fc.nat(), fc.nat(), fc.nat(255), (n, a, b, bit) => {
      const m = 1 + (a % n);
      const proof = history.consistencyProof(m, n);
      assert.deepEqual(hex(proof), hex(consistencyProof(sha256, leaves, m, n)));
      const p = { size1: m, size2: n, root1: history.rootAt(m), root2: history.rootAt(n), proof };
      verifyConsistency(sha256, p);
      if (m === n) {
        assert.ok(rejected(() => verifyConsistency(sha256, { ...p, proof: [p.root1] })), 'non-empty proof for equal sizes');
        return;
      }
      assert.ok(rejected(() => verifyConsistency(sha256, { ...p, proof: flip(proof, b % proof.length, bit) })), 'bit flip');
      assert.ok(rejected(() => verifyConsistency(sha256, { ...p, proof: proof.filter((_, k) => k !== b % proof.length) })), 'missing element');
      const extra = [...proof];
      extra.splice(b % (proof.length + 1), 0, p.root2);
      assert.ok(rejected(() => verifyConsistency(sha256, { ...p, proof: extra })), 'extra element');
      assert.ok(rejected(() => verifyConsistency(sha256, { ...p, root1: p.root2, root2: p.root1 })), 'swapped roots');
      assert.ok(rejected(() => verifyConsistency(sha256, { ...p, root1: flip([p.root1], 0, bit)[0]! })), 'wrong root1');
      assert.ok(rejected(() => verifyConsistency(sha256, { ...p, root2: flip([p.root2], 0, bit)[0]! })), 'wrong root2');
      // A fork: the same sizes, but one old leaf differs.
      const forked = leaves.slice(0, n);
      forked[b % m] = refLeaf(sha256, Uint8Array.of(1, 2, 3));
      assert.ok(rejected(() => verifyConsistency(sha256, { ...p, root2: merkleRoot(sha256, forked) })), 'forked log');
    }),
    { numRuns: 300 },
  );
});
