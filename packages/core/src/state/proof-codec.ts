// State proofs as canonical Values (docs/spec/state.md §Proof encoding): empty siblings become bits of a
// bitmap, so a proof carries only the non-empty hashes. One proof has exactly one encoding.
import type { Value } from '../encoding.js';
import { GongxinError } from '../errors.js';
import { STATE_HASH_BYTES as H, STATE_PATH_BITS, isZeroHash } from './hashing.js';
import type { StateLeaf, StateProof } from './types.js';


const PROOF_KEYS = ['bitmap', 'depth', 'leaf', 'path', 'siblings'];
const LEAF_KEYS = ['path', 'valueHash'];

function malformed(message: string, details: Record<string, string | number> = {}): never {
  throw new GongxinError('STATE_PROOF_MALFORMED', message, details);
}

function bytes32(v: unknown, what: string): Uint8Array {
  if (!(v instanceof Uint8Array) || v.length !== H) malformed(`${what} must be 32 bytes`);
  return v.slice();
}

function record(v: Value, keys: readonly string[], what: string): Readonly<Record<string, Value>> {
  if (typeof v !== 'object' || v === null || v instanceof Uint8Array || Array.isArray(v)) malformed(`${what} must be a map`);
  const got = Object.keys(v).sort();
  if (got.length !== keys.length || got.some((k, i) => k !== keys[i])) malformed(`${what} must have exactly the keys ${keys.join(', ')}`);
  return v as Readonly<Record<string, Value>>;
}

/**
 * The canonical Value of a proof: { path, leaf: null | { path, valueHash }, depth, bitmap, siblings }, where
 * bit i of `bitmap` (byte i >> 3, mask 0x80 >> (i & 7)) is set iff sibling i (bottom-up) is non-empty and
 * `siblings` lists only the non-empty ones, bottom-up. Encode it with core's `encode` for CBOR or hex JSON.
 * @throws STATE_PROOF_MALFORMED
 * @example const bytes = encode(encodeStateProof(tree.proveAt(h, path)));
 */
export function encodeStateProof(proof: StateProof): Value {
  const depth = proof.siblings.length;
  if (depth > STATE_PATH_BITS) malformed('more siblings than path bits', { count: depth });
  const bitmap = new Uint8Array(Math.ceil(depth / 8));
  const nonEmpty: Uint8Array[] = [];
  proof.siblings.forEach((s, i) => {
    const copy = bytes32(s, `siblings[${i}]`);
    if (isZeroHash(copy)) return;
    bitmap[i >>> 3]! |= 0x80 >>> (i & 7);
    nonEmpty.push(copy);
  });
  const leaf = proof.leaf === null ? null : { path: bytes32(proof.leaf.path, 'leaf.path'), valueHash: bytes32(proof.leaf.valueHash, 'leaf.valueHash') };
  return { path: bytes32(proof.path, 'path'), leaf, depth, bitmap, siblings: nonEmpty };
}

/**
 * Reads a proof back from its canonical Value, rejecting every other form: unknown or missing keys, a
 * bitmap of the wrong length or with padding bits set, a sibling count that disagrees with the bitmap, an
 * all-zero listed sibling, any hash not 32 bytes.
 * @throws STATE_PROOF_MALFORMED
 * @example const proof = decodeStateProof(decode(bytes));
 */
export function decodeStateProof(value: Value): StateProof {
  const m = record(value, PROOF_KEYS, 'proof');
  const path = bytes32(m.path, 'path');
  const depth = m.depth;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0 || depth > STATE_PATH_BITS) {
    malformed(`depth must be an integer in [0, ${STATE_PATH_BITS}]`);
  }
  const bitmap = m.bitmap;
  if (!(bitmap instanceof Uint8Array) || bitmap.length !== Math.ceil(depth / 8)) malformed('bitmap must be ceil(depth / 8) bytes', { depth });
  if (depth % 8 !== 0 && (bitmap[bitmap.length - 1]! & (0xff >>> (depth % 8))) !== 0) malformed('bitmap padding bits must be zero');
  const listed = m.siblings;
  if (!Array.isArray(listed)) malformed('siblings must be an array');
  const siblings: Uint8Array[] = [];
  let next = 0;
  for (let i = 0; i < depth; i++) {
    if ((bitmap[i >>> 3]! & (0x80 >>> (i & 7))) === 0) {
      siblings.push(new Uint8Array(H));
      continue;
    }
    if (next >= listed.length) malformed('fewer siblings than bits set in the bitmap', { listed: listed.length });
    const s = bytes32(listed[next++], `siblings[${next - 1}]`);
    if (isZeroHash(s)) malformed('a listed sibling is empty: mark it in the bitmap instead', { index: i });
    siblings.push(s);
  }
  if (next !== listed.length) malformed('more siblings than bits set in the bitmap', { listed: listed.length, used: next });
  let leaf: StateLeaf | null = null;
  if (m.leaf !== null) {
    const l = record(m.leaf!, LEAF_KEYS, 'leaf');
    leaf = { path: bytes32(l.path, 'leaf.path'), valueHash: bytes32(l.valueHash, 'leaf.valueHash') };
  }
  return { path, leaf, siblings };
}
