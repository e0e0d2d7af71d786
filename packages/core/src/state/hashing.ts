// Hashes of the state tree (docs/spec/state.md §Hashes): key paths, leaves, internal nodes, the empty root.
import { encode } from '../encoding.js';
import { DOMAIN } from '../domain.js';
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';

/** Bytes in a path, a value hash and every tree hash. */
export const STATE_HASH_BYTES = 32;
/** Bits in a path: the deepest possible position in the tree. */
export const STATE_PATH_BITS = 256;

/**
 * The root of the empty state: 32 zero bytes (also the hash of every empty subtree).
 * Shared constant: never mutate it (copy it first).
 */
export const EMPTY_STATE_ROOT: Uint8Array = new Uint8Array(STATE_HASH_BYTES);

/**
 * The 256-bit tree path of a state entry: H(encode(["gongxin/state-key/v1", module, key])).
 * No chain id: a state tree belongs to one chain, and its root is signed with the chain id in the header.
 * @throws ENCODING_INVALID_UTF8 when `module` holds a lone surrogate
 * @example const p = statePath(sha256, 'charity', utf8Encode('fund/42'));
 */
export function statePath(hash: HashFn, module: string, key: Uint8Array): Uint8Array {
  return hash(encode([DOMAIN.stateKey, module, key]));
}

/**
 * Throws unless `b` is a 32-byte Uint8Array.
 * @throws `code` (e.g. STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID)
 * @example assertHash32(path, 'STATE_PATH_INVALID', 'path');
 */
export function assertHash32(b: unknown, code: string, what: string): asserts b is Uint8Array {
  if (!(b instanceof Uint8Array) || b.length !== STATE_HASH_BYTES) {
    const length = b instanceof Uint8Array ? b.length : -1;
    throw new GongxinError(code, `${what} must be ${STATE_HASH_BYTES} bytes`, { length });
  }
}

/**
 * A leaf's hash: H(0x00 ‖ path ‖ valueHash). It does not depend on the leaf's depth in the tree.
 * @throws STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID
 * @example const h = stateLeafHash(sha256, path, sha256(valueBytes));
 */
export function stateLeafHash(hash: HashFn, path: Uint8Array, valueHash: Uint8Array): Uint8Array {
  assertHash32(path, 'STATE_PATH_INVALID', 'path');
  assertHash32(valueHash, 'STATE_VALUE_HASH_INVALID', 'valueHash');
  const buf = new Uint8Array(1 + 2 * STATE_HASH_BYTES);
  buf[0] = 0x00;
  buf.set(path, 1);
  buf.set(valueHash, 1 + STATE_HASH_BYTES);
  return hash(buf);
}

/**
 * An internal node's hash: H(0x01 ‖ left ‖ right), each child hash 32 bytes (zeros for an empty child).
 * @example const h = stateNodeHash(sha256, leftHash, rightHash);
 */
export function stateNodeHash(hash: HashFn, left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + 2 * STATE_HASH_BYTES);
  buf[0] = 0x01;
  buf.set(left, 1);
  buf.set(right, 1 + STATE_HASH_BYTES);
  return hash(buf);
}

/**
 * Bit `i` of a path, most significant bit of byte 0 first: 0 means the left child, 1 the right.
 * @example pathBit(path, 0) // the top bit of path[0]
 */
export function pathBit(path: Uint8Array, i: number): number {
  return (path[i >>> 3]! >>> (7 - (i & 7))) & 1;
}

/**
 * True when every byte is zero (the empty-subtree hash).
 * @example isZeroHash(EMPTY_STATE_ROOT) // true
 */
export function isZeroHash(h: Uint8Array): boolean {
  let acc = 0;
  for (let i = 0; i < h.length; i++) acc |= h[i]!;
  return acc === 0;
}
