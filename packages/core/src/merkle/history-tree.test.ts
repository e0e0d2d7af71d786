// Unit tests for the history tree: appended nodes, rebuild from persisted nodes, store corruption, argument
// checks, and O(log n) hashing (counted). Cross-checks against the list-based proofs live in reference.test.ts.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { createMemoryHistoryStore } from './history-store.js';
import type { HistoryNode } from './history-store.js';
import { checkHistoryStore, createHistoryTree } from './history-tree.js';
import { merkleRoot } from './root.js';
import { emptyRoot, leafHash, nodeHash } from './tree-hash.js';
import { verifyConsistency } from './verify-consistency.js';
import { verifyInclusion } from './verify-inclusion.js';

const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const leaf = (i: number): Uint8Array => leafHash(sha256, Uint8Array.of(i & 255, (i >> 8) & 255, i >> 16));
const code = (c: string) => (e: unknown) => isGongxinError(e, c);

function grow(n: number): { tree: ReturnType<typeof createHistoryTree>; nodes: HistoryNode[] } {
  const tree = createHistoryTree(sha256);
  const nodes: HistoryNode[] = [];
  for (let i = 0; i < n; i++) nodes.push(...tree.append(leaf(i)));
  return { tree, nodes };
}

test('an empty tree has size 0 and root H("")', () => {
  const tree = createHistoryTree(sha256);
  assert.equal(tree.size, 0);
  assert.deepEqual(tree.root(), emptyRoot(sha256));
  assert.deepEqual(tree.rootAt(0), emptyRoot(sha256));
});

test('append returns the leaf then each completed parent', () => {
  const tree = createHistoryTree(sha256);
  assert.deepEqual(tree.append(leaf(0)), [{ level: 0, index: 0, hash: leaf(0) }]);
  const two = tree.append(leaf(1));
  assert.deepEqual(two.map((n) => [n.level, n.index]), [[0, 1], [1, 0]]);
  assert.deepEqual(two[1]!.hash, nodeHash(sha256, leaf(0), leaf(1)));
  tree.append(leaf(2));
  assert.deepEqual(tree.append(leaf(3)).map((n) => [n.level, n.index]), [[0, 3], [1, 1], [2, 0]]);
  assert.equal(tree.size, 4);
});

test('root and rootAt match merkleRoot for every size', () => {
  const leaves = Array.from({ length: 70 }, (_, i) => leaf(i));
  const tree = createHistoryTree(sha256);
  for (let n = 0; n <= 70; n++) {
    assert.deepEqual(tree.root(), merkleRoot(sha256, leaves.slice(0, n)), `root at ${n}`);
    if (n < 70) tree.append(leaves[n]!);
  }
  for (let n = 0; n <= 70; n++) assert.deepEqual(tree.rootAt(n), merkleRoot(sha256, leaves.slice(0, n)), `rootAt ${n}`);
});

test('rebuilds from persisted nodes in append order or in (level, index) order', () => {
  const { nodes } = grow(45);
  const sorted = [...nodes].sort((a, b) => a.level - b.level || a.index - b.index);
  for (const rows of [nodes, sorted]) {
    const { tree } = grow(45);
    const store = createMemoryHistoryStore();
    for (const r of rows) store.put(r.level, r.index, r.hash);
    checkHistoryStore(sha256, store);
    const again = createHistoryTree(sha256, store);
    assert.equal(again.size, 45);
    assert.deepEqual(again.root(), tree.root());
    assert.deepEqual(again.inclusionProof(17, 30), tree.inclusionProof(17, 30));
    again.append(leaf(45));
    tree.append(leaf(45));
    assert.deepEqual(again.root(), tree.root());
  }
});

test('a store whose levels do not describe one tree is refused', () => {
  const { nodes } = grow(12);
  const missingParent = createMemoryHistoryStore();
  for (const r of nodes.filter((n) => !(n.level === 2 && n.index === 2))) {
    if (r.level === 2 && r.index > 2) continue;
    missingParent.put(r.level, r.index, r.hash);
  }
  assert.throws(() => createHistoryTree(sha256, missingParent), code('MERKLE_STORE_CORRUPT'));
  const extraLeaf = createMemoryHistoryStore();
  for (const r of nodes.filter((n) => n.level === 0)) extraLeaf.put(r.level, r.index, r.hash);
  assert.throws(() => createHistoryTree(sha256, extraLeaf), code('MERKLE_STORE_CORRUPT'));
});

test('checkHistoryStore finds a node that does not match its children', () => {
  const { nodes } = grow(20);
  const store = createMemoryHistoryStore();
  for (const r of nodes) {
    const bad = r.level === 2 && r.index === 3;
    store.put(r.level, r.index, bad ? leaf(999) : r.hash);
  }
  createHistoryTree(sha256, store); // counts are right: only the full check sees it
  assert.throws(
    () => checkHistoryStore(sha256, store),
    (e) => isGongxinError(e, 'MERKLE_STORE_CORRUPT') && e.details.level === 2 && e.details.index === 3,
  );
});

test('a store that loses a node is reported, not crashed on', () => {
  const { nodes } = grow(8);
  const inner = createMemoryHistoryStore();
  for (const r of nodes) inner.put(r.level, r.index, r.hash);
  const lossy = { ...inner, count: (l: number) => inner.count(l), put: inner.put, get: (l: number, i: number) => (l === 2 && i === 1 ? undefined : inner.get(l, i)) };
  const tree = createHistoryTree(sha256, lossy);
  assert.throws(() => tree.inclusionProof(0, 8), code('MERKLE_STORE_CORRUPT'));
  assert.throws(() => checkHistoryStore(sha256, lossy), code('MERKLE_STORE_CORRUPT'));
});

test('proofs for old sizes verify against the old roots', () => {
  const { tree } = grow(100);
  for (const [i, n] of [[0, 1], [5, 6], [37, 64], [63, 64], [64, 65], [99, 100], [12, 77]] as const) {
    verifyInclusion(sha256, { leafIndex: i, treeSize: n, leafHash: leaf(i), proof: tree.inclusionProof(i, n), root: tree.rootAt(n) });
  }
  for (const [m, n] of [[1, 100], [64, 100], [63, 64], [7, 7], [31, 33], [50, 99]] as const) {
    verifyConsistency(sha256, { size1: m, size2: n, root1: tree.rootAt(m), root2: tree.rootAt(n), proof: tree.consistencyProof(m, n) });
  }
});

test('bad arguments throw typed errors', () => {
  const { tree } = grow(10);
  assert.throws(() => tree.append(new Uint8Array(31)), code('MERKLE_BAD_HASH'));
  assert.throws(() => tree.append('x' as unknown as Uint8Array), code('MERKLE_BAD_HASH'));
  for (const n of [11, -1, 1.5, Number.NaN]) assert.throws(() => tree.rootAt(n), code('MERKLE_BAD_SIZE'), String(n));
  assert.throws(() => tree.inclusionProof(0, 11), code('MERKLE_BAD_SIZE'));
  for (const i of [10, -1, 0.5]) assert.throws(() => tree.inclusionProof(i, 10), code('MERKLE_BAD_INDEX'), String(i));
  assert.throws(() => tree.inclusionProof(5, 5), code('MERKLE_BAD_INDEX'));
  for (const [m, n] of [[0, 5], [6, 5], [1, 11], [-1, 3], [2.5, 4]] as const) {
    assert.throws(() => tree.consistencyProof(m, n), code('MERKLE_BAD_SIZE'), `${m} ${n}`);
  }
  assert.equal(tree.size, 10);
});

test('returned hashes are copies: changing them does not change the tree', () => {
  const { tree } = grow(33);
  const root = tree.root();
  for (const h of [tree.root(), tree.rootAt(20), ...tree.inclusionProof(3, 33), ...tree.consistencyProof(5, 33), ...tree.append(leaf(33)).map((n) => n.hash)]) h.fill(0);
  assert.deepEqual(tree.rootAt(33), root);
  verifyInclusion(sha256, { leafIndex: 3, treeSize: 34, leafHash: leaf(3), proof: tree.inclusionProof(3, 34), root: tree.root() });
});

test('append, roots and proofs cost O(log n) hashes, not O(n)', () => {
  let calls = 0;
  const counted: HashFn = (d) => {
    calls++;
    return sha256(d);
  };
  const tree = createHistoryTree(counted);
  for (let i = 0; i < 5000; i++) tree.append(leaf(i));
  assert.ok(calls < 5000, `${calls} hashes for 5000 appends`);
  for (const op of [
    () => tree.root(),
    () => tree.rootAt(4097),
    () => tree.inclusionProof(4096, 4999),
    () => tree.inclusionProof(0, 4999),
    () => tree.consistencyProof(3001, 4999),
    () => tree.consistencyProof(4095, 4097),
  ]) {
    calls = 0;
    op();
    assert.ok(calls <= 2 * 13, `${calls} hashes`);
  }
});
