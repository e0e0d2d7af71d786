// Inclusion and consistency proofs built from the full list of leaf hashes, RFC 9162 §2.1.3.1 and §2.1.4.1
// (docs/spec/merkle.md §Proofs). O(n) hashes per proof: for a log that keeps growing, use the history tree.
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { bitLength, isSize, splitPoint } from './bits.js';
import { assertLeafHashes, reduceLevel } from './root.js';
import { copyHash } from './tree-hash.js';

/**
 * The audit path PATH(m, D[n]) of RFC 9162 §2.1.3.1 for the leaf at `index`, nearest sibling first.
 * @param hash the chain suite's hash
 * @param leafHashes all leaf hashes of the tree, in order
 * @param index the leaf to prove, 0 ≤ index < leafHashes.length
 * @returns the proof's hashes (fresh copies), bottom-up
 * @throws MERKLE_BAD_INDEX, MERKLE_BAD_HASH
 * @example const proof = inclusionProof(sha256, leaves, 3); verifyInclusion(sha256, { leafIndex: 3, treeSize: leaves.length, leafHash: leaves[3], proof, root });
 */
export function inclusionProof(hash: HashFn, leafHashes: readonly Uint8Array[], index: number): Uint8Array[] {
  const n = leafHashes.length;
  if (!isSize(index) || index >= n) {
    throw new GongxinError('MERKLE_BAD_INDEX', `leaf index ${String(index)} is not in a tree of ${n} leaves`, { index: String(index), treeSize: n });
  }
  assertLeafHashes(leafHashes);
  const path: Uint8Array[] = [];
  const work: Uint8Array[] = new Array<Uint8Array>((n + 1) >> 1);
  let level: readonly Uint8Array[] = leafHashes;
  let len = n;
  let i = index;
  while (len > 1) {
    // A node without a right neighbour is carried up unchanged and contributes nothing at this level.
    const sibling = i ^ 1;
    if (sibling < len) path.push(copyHash(level[sibling]!));
    len = reduceLevel(hash, level, work, len);
    level = work;
    i >>= 1;
  }
  return path;
}

/**
 * The consistency proof PROOF(m, D[n]) of RFC 9162 §2.1.4.1: shows the tree of the first `size1` leaves is a
 * prefix of the tree of the first `size2` leaves. Empty when size1 = size2.
 * @param hash the chain suite's hash
 * @param leafHashes at least `size2` leaf hashes, in order
 * @param size1 the old tree size, 0 < size1 ≤ size2 (a proof from the empty tree means nothing)
 * @param size2 the new tree size, size2 ≤ leafHashes.length
 * @returns the proof's hashes (fresh copies), in RFC order
 * @throws MERKLE_BAD_SIZE, MERKLE_BAD_HASH
 * @example const proof = consistencyProof(sha256, leaves, 3, 7);
 */
export function consistencyProof(hash: HashFn, leafHashes: readonly Uint8Array[], size1: number, size2: number): Uint8Array[] {
  if (!isSize(size1) || !isSize(size2) || size1 === 0 || size1 > size2 || size2 > leafHashes.length) {
    throw new GongxinError('MERKLE_BAD_SIZE', `no consistency proof from size ${String(size1)} to ${String(size2)} over ${leafHashes.length} leaves`, {
      size1: String(size1),
      size2: String(size2),
    });
  }
  assertLeafHashes(leafHashes);
  if (size1 === size2) return [];
  const levels = buildLevels(hash, leafHashes, size2);
  // MTH(D[a:b]) for a range that is a node of the size2 tree: at level ceil(log2(b - a)), index a >> level.
  const mth = (a: number, b: number): Uint8Array => {
    const lvl = bitLength(b - a - 1);
    return copyHash(levels[lvl]![a >>> lvl]!);
  };
  // SUBPROOF(m, D[start:start+n], complete), unrolled; each step's hash goes after the deeper ones.
  const upper: Uint8Array[] = [];
  let start = 0;
  let n = size2;
  let m = size1;
  let complete = true;
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      upper.push(mth(start + k, start + n));
      n = k;
    } else {
      upper.push(mth(start, start + k));
      start += k;
      m -= k;
      n -= k;
      complete = false;
    }
  }
  const proof = complete ? [] : [mth(start, start + n)];
  for (let i = upper.length - 1; i >= 0; i--) proof.push(upper[i]!);
  return proof;
}

/** All levels of the bottom-up tree over the first `n` leaves, lone last nodes carried up. */
function buildLevels(hash: HashFn, leafHashes: readonly Uint8Array[], n: number): Uint8Array[][] {
  const levels: Uint8Array[][] = [leafHashes.slice(0, n)];
  let cur = levels[0]!;
  while (cur.length > 1) {
    const next = new Array<Uint8Array>((cur.length + 1) >> 1);
    reduceLevel(hash, cur, next, cur.length);
    levels.push(next);
    cur = next;
  }
  return levels;
}
