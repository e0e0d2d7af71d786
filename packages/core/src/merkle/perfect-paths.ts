// Roots and proofs computed from perfect-subtree hashes only (docs/spec/merkle.md §History tree): RFC 9162
// §2.1.3.1 PATH and §2.1.4.1 SUBPROOF unrolled top-down, O(log n) lookups and hashes per call.
import type { HashFn } from '../suite.js';
import { bitLength, splitPoint } from './bits.js';
import { nodeHash } from './tree-hash.js';

/** Reads the perfect subtree at (level, index), covering leaves [index·2^level, (index+1)·2^level). */
export type PerfectNode = (level: number, index: number) => Uint8Array;

/**
 * MTH(D[start:end]) for end > start, when start is a multiple of the largest power of two ≤ end - start
 * (true of every range the RFC recursion visits): split into perfect subtrees, largest first, fold right to left.
 */
export function rangeRoot(hash: HashFn, node: PerfectNode, start: number, end: number): Uint8Array {
  const levels: number[] = [];
  for (let rest = end - start; rest > 0; ) {
    const level = bitLength(rest) - 1;
    levels.push(level);
    rest -= 2 ** level;
  }
  let pos = end;
  let r: Uint8Array | undefined;
  for (let k = levels.length - 1; k >= 0; k--) {
    const width = 2 ** levels[k]!;
    pos -= width;
    const piece = node(levels[k]!, pos / width);
    r = r === undefined ? piece : nodeHash(hash, piece, r);
  }
  return r!;
}

/** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, nearest sibling first. Requires 0 ≤ index < size. */
export function inclusionPath(hash: HashFn, node: PerfectNode, index: number, size: number): Uint8Array[] {
  const upper: Uint8Array[] = [];
  let start = 0;
  let n = size;
  let m = index;
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      upper.push(rangeRoot(hash, node, start + k, start + n));
      n = k;
    } else {
      upper.push(node(bitLength(k) - 1, start / k));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return upper.reverse();
}

/** PROOF(size1, D[0:size2]) of RFC 9162 §2.1.4.1. Requires 0 < size1 ≤ size2. */
export function consistencyPath(hash: HashFn, node: PerfectNode, size1: number, size2: number): Uint8Array[] {
  const upper: Uint8Array[] = [];
  let start = 0;
  let n = size2;
  let m = size1;
  let complete = true;
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      upper.push(rangeRoot(hash, node, start + k, start + n));
      n = k;
    } else {
      upper.push(node(bitLength(k) - 1, start / k));
      start += k;
      m -= k;
      n -= k;
      complete = false;
    }
  }
  // The last subtree reached is a perfect one (a left half), so its root is a single stored node.
  if (!complete) upper.push(rangeRoot(hash, node, start, start + n));
  return upper.reverse();
}
