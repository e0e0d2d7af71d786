// Property tests of the state tree against a naive reference (docs/spec/state.md): the root depends only on
// the final entries, never on order or batching; proofs hold at every retained version; rebuilds agree.
import assert from 'node:assert/strict';
import { hash as nodeHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from '../bytes.js';
import type { HashFn } from '../suite.js';
import { createStateTree, createStateTreeFromLeaves } from './tree.js';
import type { StateTreeWrite } from './types.js';
import { verifyStateProof } from './verify.js';

const sha256: HashFn = (d) => new Uint8Array(nodeHash('sha256', d, 'buffer'));
const hex = bytesToHex;

/** The reference: recompute the root from scratch over the sorted entries, straight from the spec's definition. */
function referenceRoot(entries: ReadonlyMap<string, string>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, v]) => ({ p: hexToBytes(p), v: hexToBytes(v) }));
  const bit = (p: Uint8Array, i: number): number => (p[i >> 3]! >> (7 - (i % 8))) & 1;
  const sub = (xs: typeof sorted, depth: number): Uint8Array => {
    if (xs.length === 0) return new Uint8Array(32);
    if (xs.length === 1) return sha256(Uint8Array.from([0, ...xs[0]!.p, ...xs[0]!.v]));
    const l = xs.filter((x) => bit(x.p, depth) === 0);
    const r = xs.filter((x) => bit(x.p, depth) === 1);
    return sha256(Uint8Array.from([1, ...sub(l, depth + 1), ...sub(r, depth + 1)]));
  };
  return hex(sub(sorted, 0));
}

/** Bit positions a pooled path may set: paths share long prefixes, down to chains 255 deep. */
const POS = [0, 1, 7, 64, 200, 255];
function pooledPath(i: number): Uint8Array {
  const p = new Uint8Array(32);
  POS.forEach((pos, k) => {
    if ((i >> k) & 1) p[pos >> 3]! |= 0x80 >> (pos % 8);
  });
  return p;
}
const pathArb = fc.oneof(fc.integer({ min: 0, max: 63 }).map(pooledPath), fc.uint8Array({ minLength: 32, maxLength: 32 }));
const valueArb = fc.option(fc.integer({ min: 0, max: 3 }), { freq: 4 }).map((n) => (n === null ? null : sha256(Uint8Array.of(n))));
const writeArb = fc.record({ path: pathArb, valueHash: valueArb });
/** Writes cut into batches at arbitrary points (possibly empty batches). */
const batchesArb = fc.array(fc.array(writeArb, { maxLength: 24 }), { minLength: 1, maxLength: 8 });

function applyToModel(model: Map<string, string>, writes: readonly StateTreeWrite[]): void {
  for (const w of writes) {
    if (w.valueHash === null) model.delete(hex(w.path));
    else model.set(hex(w.path), hex(w.valueHash));
  }
}

test('every batch gives the reference root; one batch, many batches and a rebuild agree', () => {
  fc.assert(
    fc.property(batchesArb, (batches) => {
      const model = new Map<string, string>();
      const t = createStateTree(sha256);
      batches.forEach((b, v) => {
        applyToModel(model, b);
        assert.equal(hex(t.applyBatch(v, b)), referenceRoot(model));
        assert.equal(t.leafCount, model.size);
      });
      const one = createStateTree(sha256);
      assert.equal(hex(one.applyBatch(0, batches.flat())), referenceRoot(model));
      const leaves = [...model].map(([p, v]) => ({ path: hexToBytes(p), valueHash: hexToBytes(v) }));
      const built = createStateTreeFromLeaves(sha256, leaves.reverse());
      assert.equal(hex(built.root()), referenceRoot(model));
      assert.equal(built.leafCount, model.size);
    }),
  );
});

test('the root is independent of the order of distinct writes', () => {
  const distinct = fc.uniqueArray(writeArb, { selector: (w) => hex(w.path), maxLength: 40 });
  fc.assert(
    fc.property(distinct, fc.nat(), (writes, seed) => {
      const shuffled = [...writes].sort((a, b) => ((hex(a.path).charCodeAt(seed % 64) * 31 + seed) % 7) - ((hex(b.path).charCodeAt(seed % 64) * 31 + seed) % 7));
      const a = createStateTree(sha256);
      const b = createStateTree(sha256);
      assert.equal(hex(a.applyBatch(0, writes)), hex(b.applyBatch(0, shuffled)));
    }),
  );
});

test('deleting everything returns the empty root and frees every node', () => {
  fc.assert(
    fc.property(batchesArb, (batches) => {
      const t = createStateTree(sha256, { retain: 1 });
      batches.forEach((b, v) => t.applyBatch(v, b));
      const all = batches.flat().map((w) => ({ path: w.path, valueHash: null }));
      assert.equal(hex(t.applyBatch(batches.length, all)), '00'.repeat(32));
      assert.equal(t.leafCount, 0);
      assert.equal(t.stats().internalNodes + t.stats().leafNodes, 0);
    }),
  );
});

test('inclusion and absence proofs verify at random retained versions, against that version only', () => {
  fc.assert(
    fc.property(batchesArb, fc.array(pathArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (batches, probes, retain) => {
      const t = createStateTree(sha256, { retain });
      const model = new Map<string, string>();
      const models = [new Map(model)]; // models[v + 1]: the entries at version v (the tree starts at -1)
      batches.forEach((b, v) => {
        applyToModel(model, b);
        models.push(new Map(model));
        t.applyBatch(v, b);
      });
      for (let v = t.oldestVersion; v <= t.version; v++) {
        const m = models[v + 1]!;
        const candidates = [...probes, ...[...m.keys()].slice(0, 3).map(hexToBytes)];
        for (const path of candidates) {
          const proof = t.proveAt(v, path);
          const want = m.get(hex(path));
          const valueHash = want === undefined ? null : hexToBytes(want);
          verifyStateProof(sha256, { root: t.rootAt(v), path, valueHash, proof });
          assert.equal(t.getAt(v, path) === null ? undefined : hex(t.getAt(v, path)!), want);
        }
      }
    }),
  );
});
