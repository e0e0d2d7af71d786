// Merkle Tree Hash over a list of leaf hashes, RFC 9162 §2.1.1 (docs/spec/merkle.md §Tree hash), computed
// bottom-up: pair neighbours level by level and carry a lone last node up unchanged, which yields the same
// root as the RFC's recursive split at the largest power of two below n, hashing each interior node once.
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { copyHash, emptyRoot, MERKLE_HASH_LENGTH, nodeHash } from './tree-hash.js';

/**
 * Checks that every element is a 32-byte hash.
 * @throws MERKLE_BAD_HASH
 */
export function assertLeafHashes(leafHashes: readonly Uint8Array[]): void {
  for (let i = 0; i < leafHashes.length; i++) {
    const h: unknown = leafHashes[i];
    if (!(h instanceof Uint8Array) || h.length !== MERKLE_HASH_LENGTH) {
      throw new GongxinError('MERKLE_BAD_HASH', `leaf hash ${i} is not ${MERKLE_HASH_LENGTH} bytes`, { index: i });
    }
  }
}

/**
 * Replaces `level` (length `len`) by its parent level in place; returns the parent level's length.
 * `src` may be the same array as `dst` (reads run ahead of writes).
 */
export function reduceLevel(hash: HashFn, src: readonly Uint8Array[], dst: Uint8Array[], len: number): number {
  let j = 0;
  for (let i = 0; i + 1 < len; i += 2) dst[j++] = nodeHash(hash, src[i]!, src[i + 1]!);
  if (len % 2 === 1) dst[j++] = src[len - 1]!;
  return j;
}

/**
 * The Merkle Tree Hash MTH(D[n]) of RFC 9162 §2.1.1 over `leafHashes` (already leaf-hashed: H(0x00 ‖ d)).
 * n = 0 gives H(""). O(n) node hashes, each interior node hashed exactly once.
 * @param hash the chain suite's hash
 * @param leafHashes the leaf hashes in order, 32 bytes each
 * @returns the 32-byte root (a fresh copy even for one leaf)
 * @throws MERKLE_BAD_HASH when a leaf hash is not 32 bytes
 * @example const txRoot = merkleRoot(sha256, txIds.map((id) => leafHash(sha256, id)));
 */
export function merkleRoot(hash: HashFn, leafHashes: readonly Uint8Array[]): Uint8Array {
  assertLeafHashes(leafHashes);
  const n = leafHashes.length;
  if (n === 0) return emptyRoot(hash);
  if (n === 1) return copyHash(leafHashes[0]!);
  const work: Uint8Array[] = new Array<Uint8Array>((n + 1) >> 1);
  let len = reduceLevel(hash, leafHashes, work, n);
  while (len > 1) len = reduceLevel(hash, work, work, len);
  return work[0]!;
}
