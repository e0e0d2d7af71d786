// Verifying a state proof against a root (docs/spec/state.md §Verification): pure, needs no tree.
import { equalBytes } from '../bytes.js';
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { STATE_HASH_BYTES as H, STATE_PATH_BITS, assertHash32, isZeroHash, pathBit } from './hashing.js';
import type { StateLeaf, StateProof } from './types.js';


/** What `verifyStateProof` checks: that under `root`, `path` holds `valueHash` (or nothing, when null). */
export interface VerifyStateProofParams {
  /** The state root, from a header the caller trusts. */
  readonly root: Uint8Array;
  readonly path: Uint8Array;
  /** H(value) for an inclusion claim; null for an absence claim. */
  readonly valueHash: Uint8Array | null;
  readonly proof: StateProof;
}

function malformed(message: string, details: Record<string, string | number> = {}): never {
  throw new GongxinError('STATE_PROOF_MALFORMED', message, details);
}

function invalid(message: string, details: Record<string, string | number> = {}): never {
  throw new GongxinError('STATE_PROOF_INVALID', message, details);
}

/** Throws STATE_PROOF_MALFORMED unless `proof` has the shape of a StateProof (lengths included). */
function checkShape(proof: StateProof): void {
  if (typeof proof !== 'object' || proof === null) malformed('proof must be an object');
  if (!(proof.path instanceof Uint8Array) || proof.path.length !== H) malformed('proof.path must be 32 bytes');
  const leaf: StateLeaf | null = proof.leaf;
  if (leaf !== null) {
    if (typeof leaf !== 'object') malformed('proof.leaf must be null or { path, valueHash }');
    if (!(leaf.path instanceof Uint8Array) || leaf.path.length !== H) malformed('proof.leaf.path must be 32 bytes');
    if (!(leaf.valueHash instanceof Uint8Array) || leaf.valueHash.length !== H) malformed('proof.leaf.valueHash must be 32 bytes');
  }
  if (!Array.isArray(proof.siblings)) malformed('proof.siblings must be an array');
  if (proof.siblings.length > STATE_PATH_BITS) malformed('more siblings than path bits', { count: proof.siblings.length });
  proof.siblings.forEach((s: unknown, i) => {
    if (!(s instanceof Uint8Array) || s.length !== H) malformed('each sibling must be 32 bytes', { index: i });
  });
}

/** Number of leading bits `a` and `b` share, up to `limit`. */
function sharedPrefixBits(a: Uint8Array, b: Uint8Array, limit: number): number {
  let i = 0;
  while (i < limit && pathBit(a, i) === pathBit(b, i)) i++;
  return i;
}

/**
 * Checks a proof that under `root`, `path` holds `valueHash` (inclusion) or holds nothing (`valueHash`
 * null: absence). Returns nothing on success; throws on any mismatch. Pure: needs no tree, only the hash.
 * @throws STATE_ROOT_INVALID, STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID (bad arguments);
 *   STATE_PROOF_MALFORMED (shape); STATE_PROOF_PATH_MISMATCH (a proof about another path);
 *   STATE_PROOF_VALUE_MISMATCH (the proof shows another value, or presence where absence is claimed, or
 *   the reverse); STATE_PROOF_INVALID (details.reason: 'leaf-off-path', 'not-canonical' or 'root-mismatch')
 * @example
 * verifyStateProof(sha256, { root: header.stateRoot, path, valueHash: sha256(value), proof });
 * verifyStateProof(sha256, { root: header.stateRoot, path: otherPath, valueHash: null, proof: absence });
 */
export function verifyStateProof(hash: HashFn, params: VerifyStateProofParams): void {
  const { root, path, valueHash, proof } = params;
  assertHash32(root, 'STATE_ROOT_INVALID', 'root');
  assertHash32(path, 'STATE_PATH_INVALID', 'path');
  if (valueHash !== null) assertHash32(valueHash, 'STATE_VALUE_HASH_INVALID', 'valueHash');
  checkShape(proof);
  if (!equalBytes(proof.path, path)) throw new GongxinError('STATE_PROOF_PATH_MISMATCH', 'the proof is about another path');
  const { leaf, siblings } = proof;
  const depth = siblings.length;
  const present = leaf !== null && equalBytes(leaf.path, path);
  if (valueHash !== null && !present) throw new GongxinError('STATE_PROOF_VALUE_MISMATCH', 'the proof shows the path absent');
  if (valueHash === null && present) throw new GongxinError('STATE_PROOF_VALUE_MISMATCH', 'the proof shows the path present');
  if (valueHash !== null && leaf !== null && !equalBytes(leaf.valueHash, valueHash)) {
    throw new GongxinError('STATE_PROOF_VALUE_MISMATCH', 'the proof shows another value');
  }
  if (leaf !== null && !present && sharedPrefixBits(leaf.path, path, depth) < depth) {
    invalid('the terminal leaf does not lie on the path', { reason: 'leaf-off-path', depth });
  }
  // Canonical shape: a lone leaf or an empty slot next to an empty sibling would have been merged upward.
  if (depth > 0 && isZeroHash(siblings[0]!)) invalid('the terminal position has an empty sibling', { reason: 'not-canonical', depth });
  let buf = new Uint8Array(1 + 2 * H);
  let h: Uint8Array;
  if (leaf !== null) {
    buf[0] = 0x00;
    buf.set(leaf.path, 1);
    buf.set(leaf.valueHash, 1 + H);
    h = hash(buf);
  } else {
    h = new Uint8Array(H);
  }
  for (let i = 0; i < depth; i++) {
    const d = depth - 1 - i; // the depth of the parent being rebuilt
    buf = new Uint8Array(1 + 2 * H);
    buf[0] = 0x01;
    const right = pathBit(path, d) === 1;
    buf.set(right ? siblings[i]! : h, 1);
    buf.set(right ? h : siblings[i]!, 1 + H);
    h = hash(buf);
  }
  if (!equalBytes(h, root)) invalid('the proof does not lead to the root', { reason: 'root-mismatch', depth });
}
