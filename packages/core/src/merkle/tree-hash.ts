// Merkle tree hashing, RFC 9162 §2.1.1 (docs/spec/merkle.md §Hashing): leaf = H(0x00 ‖ data),
// node = H(0x01 ‖ left ‖ right), empty tree = H(""). The hash is the chain suite's (SHA-256 or SM3).
import type { HashFn } from '../suite.js';

/** Byte length of every Merkle hash: both suites' digests (SHA-256, SM3) are 32 bytes. */
export const MERKLE_HASH_LENGTH = 32;
/** Domain-separation prefix of a leaf hash (RFC 9162 §2.1.1). */
export const LEAF_PREFIX = 0x00;
/** Domain-separation prefix of an interior node hash (RFC 9162 §2.1.1). */
export const NODE_PREFIX = 0x01;

// One reusable input buffer for the common case (two 32-byte children): node hashing is the hot loop of
// every root and proof, and this saves an allocation per node. Safe because HashFn is synchronous and
// returns a fresh digest (it must not return or keep a view of its input).
const scratch = new Uint8Array(1 + 2 * MERKLE_HASH_LENGTH);
scratch[0] = NODE_PREFIX;

/**
 * Leaf hash: H(0x00 ‖ data).
 * @param hash the chain suite's hash
 * @param data the leaf's data (a 32-byte tx id, canonical receipt bytes, a 32-byte header hash, ...)
 * @returns the 32-byte leaf hash
 * @example const lh = leafHash(sha256, txId);
 */
export function leafHash(hash: HashFn, data: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + data.length);
  buf[0] = LEAF_PREFIX;
  buf.set(data, 1);
  return hash(buf);
}

/**
 * Interior node hash: H(0x01 ‖ left ‖ right).
 * @param hash the chain suite's hash
 * @param left hash of the left child
 * @param right hash of the right child
 * @returns the 32-byte node hash
 * @example const parent = nodeHash(sha256, leftChild, rightChild);
 */
export function nodeHash(hash: HashFn, left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length === MERKLE_HASH_LENGTH && right.length === MERKLE_HASH_LENGTH) {
    scratch.set(left, 1);
    scratch.set(right, 1 + MERKLE_HASH_LENGTH);
    return hash(scratch);
  }
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = NODE_PREFIX;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return hash(buf);
}

/**
 * A fresh copy of a hash. Not `.slice()`: a suite's hash may return a Node Buffer, whose slice is a view.
 * @example const mine = copyHash(root);
 */
export function copyHash(h: Uint8Array): Uint8Array {
  return new Uint8Array(h);
}

/**
 * Root of the empty tree: H("") (RFC 9162 §2.1.1). It is the history root in the genesis header.
 * @example emptyRoot(sha256) // e3b0c442...b855
 */
export function emptyRoot(hash: HashFn): Uint8Array {
  return hash(new Uint8Array(0));
}
