// Unit tests for roots and proofs from perfect-subtree nodes at sizes up to 2^53 - 1, over a synthetic tree whose
// leaves alternate between two hashes (so every perfect node of a level above 0 is the same and needs no storage).
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import type { HashFn } from '../suite.js';
import { consistencyPath, inclusionPath, rangeRoot } from './perfect-paths.js';
import type { PerfectNode } from './perfect-paths.js';
import { leafHash, nodeHash } from './tree-hash.js';
import { verifyConsistency } from './verify-consistency.js';
import { verifyInclusion } from './verify-inclusion.js';

const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const even = leafHash(sha256, Uint8Array.of(0));
const odd = leafHash(sha256, Uint8Array.of(1));
const levels: Uint8Array[] = [even, nodeHash(sha256, even, odd)];
while (levels.length < 54) levels.push(nodeHash(sha256, levels.at(-1)!, levels.at(-1)!));

/** Perfect nodes of the synthetic tree of `size` leaves; fails the test on any lookup outside that tree. */
const nodesOf = (size: number): PerfectNode => (level, index) => {
  assert.ok(Number.isInteger(index) && index >= 0 && (index + 1) * 2 ** level <= size, `node (${level}, ${index}) is not in a tree of ${size}`);
  return level === 0 ? (index % 2 === 0 ? even : odd) : levels[level]!;
};
const leafAt = (i: number): Uint8Array => (i % 2 === 0 ? even : odd);
const big = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));

test('inclusion paths in trees of up to 2^53 - 1 leaves verify against rangeRoot', () => {
  fc.assert(
    fc.property(big, fc.double({ min: 0, max: 1, noNaN: true }), (size, frac) => {
      const index = Math.min(size - 1, Math.floor(frac * size));
      const node = nodesOf(size);
      const proof = inclusionPath(sha256, node, index, size);
      verifyInclusion(sha256, { leafIndex: index, treeSize: size, leafHash: leafAt(index), proof, root: rangeRoot(sha256, node, 0, size) });
    }),
    { numRuns: 1500 },
  );
});

test('consistency paths between sizes up to 2^53 - 1 verify against rangeRoot', () => {
  fc.assert(
    fc.property(big, fc.double({ min: 0, max: 1, noNaN: true }), (size2, frac) => {
      const size1 = Math.max(1, Math.ceil(frac * size2));
      const node = nodesOf(size2);
      const proof = consistencyPath(sha256, node, size1, size2);
      const root1 = rangeRoot(sha256, node, 0, size1);
      verifyConsistency(sha256, { size1, size2, root1, root2: rangeRoot(sha256, node, 0, size2), proof });
    }),
    { numRuns: 1500 },
  );
});

test('rangeRoot of a perfect range is the stored node itself, of a split range a fold of its pieces', () => {
  const node = nodesOf(2 ** 53 - 1);
  assert.equal(rangeRoot(sha256, node, 2 ** 52, 2 ** 52 + 2 ** 40), levels[40]);
  assert.deepEqual(rangeRoot(sha256, node, 6, 9), nodeHash(sha256, levels[1]!, even));
  assert.deepEqual(rangeRoot(sha256, node, 0, 7), nodeHash(sha256, levels[2]!, nodeHash(sha256, levels[1]!, even)));
});
