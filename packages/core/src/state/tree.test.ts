// Unit tests of the versioned state tree (docs/spec/state.md §Tree shape, §Versions): hand-computed roots,
// the compressed shape, version sequencing and pruning, memory reuse, input checks.
import assert from 'node:assert/strict';
import { hash as nodeHash } from 'node:crypto';
import { test } from 'node:test';
import { bytesToHex, hexToBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { stateLeafHash, stateNodeHash } from './hashing.js';
import { createStateTree, createStateTreeFromLeaves } from './tree.js';
import type { StateTreeWrite } from './types.js';

const sha256: HashFn = (d) => new Uint8Array(nodeHash('sha256', d, 'buffer'));
const Z = new Uint8Array(32);
/** A path from a hex prefix, zero-padded to 32 bytes. */
const P = (prefix: string): Uint8Array => hexToBytes(prefix.padEnd(64, '0'));
const V = (n: number): Uint8Array => sha256(Uint8Array.of(n));
const put = (path: Uint8Array, n: number): StateTreeWrite => ({ path, valueHash: V(n) });
const del = (path: Uint8Array): StateTreeWrite => ({ path, valueHash: null });
const leaf = (path: Uint8Array, n: number): Uint8Array => stateLeafHash(sha256, path, V(n));
const node = (l: Uint8Array, r: Uint8Array): Uint8Array => stateNodeHash(sha256, l, r);
const hex = bytesToHex;
const throwsCode = (f: () => unknown, code: string): void => assert.throws(f, (e: unknown) => isGongxinError(e, code), code);

test('the empty tree has the zero root at version -1; one entry makes the root its leaf hash', () => {
  const t = createStateTree(sha256);
  assert.equal(t.version, -1);
  assert.equal(hex(t.root()), hex(Z));
  const a = P('a1');
  assert.equal(hex(t.applyBatch(0, [put(a, 1)])), hex(leaf(a, 1)));
  assert.equal(t.leafCount, 1);
  assert.equal(hex(t.rootAt(-1)), hex(Z));
});

test('two entries split at their first differing bit; a shared prefix makes a chain with empty siblings', () => {
  const a = P('00');
  const b = P('80');
  const c = P('40');
  const t = createStateTree(sha256);
  assert.equal(hex(t.applyBatch(0, [put(a, 1), put(b, 2)])), hex(node(leaf(a, 1), leaf(b, 2))));
  // a = 00.., c = 01..: both under the root's left child, which splits them at bit 1.
  const t2 = createStateTree(sha256);
  assert.equal(hex(t2.applyBatch(0, [put(c, 3), put(a, 1)])), hex(node(node(leaf(a, 1), leaf(c, 3)), Z)));
  // Paths equal but for the last bit: a chain of 255 nodes over one split at depth 255.
  const x = P('');
  const y = hexToBytes('00'.repeat(31) + '01');
  let h = node(leaf(x, 1), leaf(y, 2));
  for (let d = 254; d >= 0; d--) h = node(h, Z);
  const t3 = createStateTree(sha256);
  assert.equal(hex(t3.applyBatch(0, [put(y, 2), put(x, 1)])), hex(h));
  assert.equal(t3.proveAt(0, x).siblings.length, 256);
  // Deleting one of them lifts the other leaf straight back to the root.
  assert.equal(hex(t3.applyBatch(1, [del(y)])), hex(leaf(x, 1)));
  assert.equal(t3.stats().internalNodes, 256, 'the 255-node chain and its split, still held by version 0');
  const t4 = createStateTree(sha256, { retain: 1 });
  t4.applyBatch(0, [put(y, 2), put(x, 1)]);
  t4.applyBatch(1, [del(y)]);
  assert.equal(t4.stats().internalNodes, 0, 'released with version 0');
});

test('three entries: a later insert and delete reshape the tree canonically', () => {
  const a = P('00');
  const b = P('80');
  const c = P('40');
  const t = createStateTree(sha256);
  t.applyBatch(0, [put(a, 1), put(b, 2)]);
  assert.equal(hex(t.applyBatch(1, [put(c, 3)])), hex(node(node(leaf(a, 1), leaf(c, 3)), leaf(b, 2))));
  assert.equal(hex(t.applyBatch(2, [del(a)])), hex(node(leaf(c, 3), leaf(b, 2))));
  assert.equal(hex(t.applyBatch(3, [del(b), del(c)])), hex(Z));
  assert.equal(t.leafCount, 0);
});

test('batch semantics: last write per path wins; no-op writes keep the root and create no node', () => {
  const a = P('11');
  const b = P('f0');
  const t = createStateTree(sha256);
  const r0 = t.applyBatch(0, [put(a, 1), del(a), put(a, 2), put(b, 5), put(b, 6), del(P('33'))]);
  assert.equal(hex(r0), hex(node(leaf(a, 2), leaf(b, 6))));
  assert.equal(t.leafCount, 2);
  const before = t.stats();
  const r1 = t.applyBatch(1, [put(a, 2), del(P('77')), del(P('12'))]);
  assert.equal(hex(r1), hex(r0));
  assert.deepEqual(t.stats(), before);
  assert.equal(hex(t.applyBatch(2, [put(a, 9), del(a)])), hex(leaf(b, 6)));
  assert.equal(t.leafCount, 1);
});

test('versions: consecutive only; roots and values stay readable until pruned', () => {
  const t = createStateTree(sha256, { version: 9, retain: 3 });
  const a = P('5a');
  const roots = [t.root()];
  throwsCode(() => t.applyBatch(9, []), 'STATE_VERSION_SEQUENCE');
  throwsCode(() => t.applyBatch(11, []), 'STATE_VERSION_SEQUENCE');
  for (let v = 10; v <= 14; v++) roots.push(t.applyBatch(v, [put(a, v)]));
  assert.equal(t.version, 14);
  assert.equal(t.oldestVersion, 12);
  for (let v = 12; v <= 14; v++) {
    assert.equal(hex(t.rootAt(v)), hex(roots[v - 9]!));
    assert.equal(hex(t.getAt(v, a)!), hex(V(v)));
  }
  assert.equal(t.getAt(14, P('5b')), null);
  throwsCode(() => t.rootAt(11), 'STATE_VERSION_PRUNED');
  throwsCode(() => t.proveAt(11, a), 'STATE_VERSION_PRUNED');
  throwsCode(() => t.rootAt(15), 'STATE_VERSION_UNKNOWN');
  throwsCode(() => t.getAt(12.5, a), 'STATE_VERSION_UNKNOWN');
});

test('released versions give their nodes back: the arena stays bounded under churn', () => {
  const t = createStateTree(sha256, { retain: 2 });
  const paths = Array.from({ length: 64 }, (_, i) => sha256(Uint8Array.of(i)));
  t.applyBatch(0, paths.map((p) => put(p, 0)));
  const base = t.stats();
  for (let v = 1; v <= 50; v++) t.applyBatch(v, paths.filter((_, i) => i % 7 === v % 7).map((p) => put(p, v)));
  const after = t.stats();
  assert.equal(after.arenaBytes, base.arenaBytes);
  assert.ok(after.internalNodes < base.internalNodes * 2, `${after.internalNodes} internal nodes`);
  assert.equal(t.leafCount, 64);
  // Delete everything with one version retained: nothing is left alive.
  const one = createStateTree(sha256, { retain: 1 });
  one.applyBatch(0, paths.map((p) => put(p, 1)));
  one.applyBatch(1, paths.slice(0, 30).map((p) => put(p, 2)));
  assert.equal(hex(one.applyBatch(2, paths.map(del))), hex(Z));
  assert.deepEqual({ ...one.stats(), arenaBytes: 0 }, { internalNodes: 0, leafNodes: 0, arenaBytes: 0 });
});

test('maxHistoryBytes releases the oldest versions early, never the latest', () => {
  const paths = Array.from({ length: 64 }, (_, i) => sha256(Uint8Array.of(i, 9)));
  const none = createStateTree(sha256, { maxHistoryBytes: 0 });
  const capped = createStateTree(sha256, { maxHistoryBytes: 4000 });
  const free = createStateTree(sha256);
  for (let v = 0; v <= 20; v++) {
    const w = paths.filter((_, i) => i % 5 === v % 5).map((p) => put(p, v));
    for (const t of [none, capped, free]) t.applyBatch(v, w);
    if (v > 0) assert.equal(none.oldestVersion, v); // version -1 costs nothing extra: it stays until v = 1
  }
  assert.equal(free.oldestVersion, -1);
  assert.ok(capped.oldestVersion > -1 && capped.oldestVersion < 20, `oldest ${capped.oldestVersion}`);
  // Each version drops ~13 leaves (100 B) and ~50 internal nodes (44 B): a few versions fit in 4,000 bytes.
  const kept = capped.version - capped.oldestVersion;
  assert.ok(kept >= 1 && kept <= 3, `${kept} older versions kept`);
  assert.equal(hex(capped.rootAt(capped.oldestVersion)), hex(free.rootAt(capped.oldestVersion)));
  assert.equal(hex(none.root()), hex(free.root()));
  throwsCode(() => createStateTree(sha256, { maxHistoryBytes: -1 }), 'STATE_OPTIONS_INVALID');
  throwsCode(() => createStateTree(sha256, { maxHistoryBytes: Number.NaN }), 'STATE_OPTIONS_INVALID');
});

test('bad input is rejected before anything changes', () => {
  const t = createStateTree(sha256);
  const a = P('01');
  t.applyBatch(0, [put(a, 1)]);
  const root = hex(t.root());
  throwsCode(() => t.applyBatch(1, [put(a, 2), { path: new Uint8Array(31), valueHash: V(1) }]), 'STATE_PATH_INVALID');
  throwsCode(() => t.applyBatch(1, [{ path: a, valueHash: new Uint8Array(0) }]), 'STATE_VALUE_HASH_INVALID');
  throwsCode(() => t.applyBatch(1, [null as unknown as StateTreeWrite]), 'STATE_WRITE_INVALID');
  throwsCode(() => t.applyBatch(1, 'x' as unknown as StateTreeWrite[]), 'STATE_WRITE_INVALID');
  throwsCode(() => t.proveAt(0, new Uint8Array(32 + 1)), 'STATE_PATH_INVALID');
  assert.equal(t.version, 0);
  assert.equal(hex(t.root()), root);
  throwsCode(() => createStateTree(sha256, { retain: 0 }), 'STATE_OPTIONS_INVALID');
  throwsCode(() => createStateTree(sha256, { version: -2 }), 'STATE_OPTIONS_INVALID');
  throwsCode(() => createStateTree(sha256, { version: 1.5 }), 'STATE_OPTIONS_INVALID');
});

test('root(), rootAt() and proofs are copies: mutating them does not touch the tree', () => {
  const t = createStateTree(sha256);
  const a = P('c3');
  t.applyBatch(0, [put(a, 1), put(P('03'), 2)]);
  const r = t.root();
  r.fill(7);
  const p = t.proveAt(0, a);
  p.leaf!.valueHash.fill(7);
  (p.siblings[0] as Uint8Array).fill(7);
  assert.equal(hex(t.root()), hex(node(leaf(P('03'), 2), leaf(a, 1))));
  assert.equal(hex(t.getAt(0, a)!), hex(V(1)));
});

test('createStateTreeFromLeaves: same root as batches, then behaves like any tree', () => {
  const paths = Array.from({ length: 200 }, (_, i) => sha256(Uint8Array.of(i, 1)));
  const built = createStateTreeFromLeaves(sha256, paths.map((p, i) => ({ path: p, valueHash: V(i) })), { version: 41 });
  const inc = createStateTree(sha256, { version: 40 });
  inc.applyBatch(41, paths.map((p, i) => put(p, i)).reverse());
  assert.equal(built.version, 41);
  assert.equal(built.leafCount, 200);
  assert.equal(hex(built.root()), hex(inc.root()));
  const w = [del(paths[3]!), put(paths[4]!, 999), put(P('ab'), 1)];
  assert.equal(hex(built.applyBatch(42, w)), hex(inc.applyBatch(42, w)));
  throwsCode(() => createStateTreeFromLeaves(sha256, [{ path: paths[0]!, valueHash: V(1) }, { path: paths[0]!, valueHash: V(2) }]), 'STATE_DUPLICATE_PATH');
  throwsCode(() => createStateTreeFromLeaves(sha256, [{ path: paths[0]!, valueHash: V(1).subarray(1) }]), 'STATE_VALUE_HASH_INVALID');
  throwsCode(() => createStateTreeFromLeaves(sha256, [], { sizeHint: -1 }), 'STATE_OPTIONS_INVALID');
  throwsCode(() => createStateTreeFromLeaves(sha256, [], { sizeHint: 2 ** 31 }), 'STATE_OPTIONS_INVALID');
  function* gen(): Generator<{ path: Uint8Array; valueHash: Uint8Array }> {
    for (let i = 0; i < 200; i++) yield { path: paths[i]!, valueHash: V(i) };
  }
  assert.equal(hex(createStateTreeFromLeaves(sha256, gen()).root()), hex(inc.rootAt(41)));
  assert.equal(hex(createStateTreeFromLeaves(sha256, gen(), { sizeHint: 3 }).root()), hex(inc.rootAt(41)));
  assert.equal(hex(createStateTreeFromLeaves(sha256, gen(), { sizeHint: 5000 }).root()), hex(inc.rootAt(41)));
  assert.equal(hex(createStateTreeFromLeaves(sha256, []).root()), hex(Z));
});
