// Inputs of the proof verifiers (docs/spec/merkle.md §Verifying) and their shape checks. Proofs arrive from
// untrusted nodes, so every field is checked at run time and garbage only ever raises a GongxinError.
import { GongxinError } from '../errors.js';
import { isSize } from './bits.js';
import { MERKLE_HASH_LENGTH } from './tree-hash.js';

/** What `rootFromInclusionProof` needs: a leaf, its place, and its audit path (RFC 9162 §2.1.3). */
export interface InclusionRootParams {
  /** 0-based index of the leaf. */
  readonly leafIndex: number;
  /** Number of leaves in the tree the proof is for. */
  readonly treeSize: number;
  /** The leaf hash H(0x00 ‖ data), 32 bytes. */
  readonly leafHash: Uint8Array;
  /** The audit path, nearest sibling first, 32 bytes each. */
  readonly proof: readonly Uint8Array[];
}

/** What `verifyInclusion` needs: an inclusion proof and the trusted root of a tree of `treeSize` leaves. */
export interface VerifyInclusionParams extends InclusionRootParams {
  /** The trusted root (e.g. a header's txRoot or historyRoot), 32 bytes. */
  readonly root: Uint8Array;
}

/** What `verifyConsistency` needs: two trusted roots and the proof linking them (RFC 9162 §2.1.4). */
export interface VerifyConsistencyParams {
  /** The old tree size, > 0. */
  readonly size1: number;
  /** The new tree size, ≥ size1. */
  readonly size2: number;
  /** Root of the old tree. */
  readonly root1: Uint8Array;
  /** Root of the new tree. */
  readonly root2: Uint8Array;
  /** The consistency proof, 32 bytes per element. */
  readonly proof: readonly Uint8Array[];
}

/** @throws PROOF_MALFORMED unless `p` is a non-null object. */
export function checkParams(p: unknown): Readonly<Record<string, unknown>> {
  if (typeof p !== 'object' || p === null) throw new GongxinError('PROOF_MALFORMED', 'proof parameters must be an object');
  return p as Readonly<Record<string, unknown>>;
}

/** @throws `code` unless `v` is an integer in [0, 2^53 - 1]. */
export function checkSize(v: unknown, field: string, code: 'PROOF_BAD_SIZE' | 'PROOF_BAD_INDEX'): number {
  if (!isSize(v)) throw new GongxinError(code, `${field} must be an integer in [0, 2^53 - 1]`, { field, value: describe(v) });
  return v;
}

/** @throws PROOF_MALFORMED unless `v` is a byte array (of exactly 32 bytes when `exact`). */
export function checkHash(v: unknown, field: string, exact = true): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new GongxinError('PROOF_MALFORMED', `${field} must be a byte array`, { field });
  if (exact && v.length !== MERKLE_HASH_LENGTH) {
    throw new GongxinError('PROOF_MALFORMED', `${field} must be ${MERKLE_HASH_LENGTH} bytes, got ${v.length}`, { field, length: v.length });
  }
  return v;
}

/** @throws PROOF_MALFORMED unless `v` is an array (its elements are checked once its length is known right). */
export function checkProofArray(v: unknown): readonly unknown[] {
  if (!Array.isArray(v)) throw new GongxinError('PROOF_MALFORMED', 'proof must be an array of hashes', { field: 'proof' });
  return v as readonly unknown[];
}

/** @throws PROOF_WRONG_LENGTH unless the proof has exactly `want` elements. */
export function checkProofLength(proof: readonly unknown[], want: number): void {
  if (proof.length !== want) {
    throw new GongxinError('PROOF_WRONG_LENGTH', `proof has ${proof.length} hashes, expected ${want}`, { got: proof.length, expected: want });
  }
}

/** Checks that every element is a 32-byte hash (no copy: this runs once per verification). @throws PROOF_MALFORMED */
export function assertProofHashes(proof: readonly unknown[]): asserts proof is readonly Uint8Array[] {
  for (let i = 0; i < proof.length; i++) checkHash(proof[i], `proof[${i}]`);
}

function describe(v: unknown): string {
  const s = typeof v === 'bigint' ? `${v}n` : typeof v === 'number' ? String(v) : typeof v;
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
