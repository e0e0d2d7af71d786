// Inclusion proof verification, RFC 9162 §2.1.3.2 (docs/spec/merkle.md §Verifying an inclusion proof). The
// expected proof length is derived first, so a proof of the wrong length is rejected before any hashing.
import { equalBytes } from '../bytes.js';
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { popCount, shiftRight, xorBitLength } from './bits.js';
import { assertProofHashes, checkHash, checkParams, checkProofArray, checkProofLength, checkSize } from './proof-params.js';
import type { InclusionRootParams, VerifyInclusionParams } from './proof-params.js';
import { nodeHash } from './tree-hash.js';

/**
 * The root implied by an inclusion proof. Equivalent to the RFC 9162 §2.1.3.2 loop: the path splits into
 * `inner` hashes (below the point where the paths to the leaf and to the last leaf diverge; left or right
 * by the index bits) and `border` hashes (left siblings along the right border of the tree).
 * @param hash the chain suite's hash
 * @param params leafIndex, treeSize, leafHash, proof
 * @returns the 32-byte root the proof leads to
 * @throws PROOF_MALFORMED, PROOF_BAD_SIZE (treeSize not in [1, 2^53)), PROOF_BAD_INDEX (leafIndex ≥ treeSize),
 *   PROOF_WRONG_LENGTH
 * @example const root = rootFromInclusionProof(sha256, { leafIndex: 2, treeSize: 5, leafHash, proof });
 */
export function rootFromInclusionProof(hash: HashFn, params: InclusionRootParams): Uint8Array {
  const p = checkParams(params);
  const size = checkSize(p.treeSize, 'treeSize', 'PROOF_BAD_SIZE');
  const index = checkSize(p.leafIndex, 'leafIndex', 'PROOF_BAD_INDEX');
  if (size === 0) throw new GongxinError('PROOF_BAD_SIZE', 'the empty tree includes no leaf', { treeSize: 0 });
  if (index >= size) throw new GongxinError('PROOF_BAD_INDEX', `leaf index ${index} is beyond tree size ${size}`, { leafIndex: index, treeSize: size });
  const leaf = checkHash(p.leafHash, 'leafHash');
  const proof = checkProofArray(p.proof);
  const inner = xorBitLength(index, size - 1);
  const border = popCount(shiftRight(index, inner));
  checkProofLength(proof, inner + border);
  assertProofHashes(proof);
  let r = leaf;
  let i = index;
  for (let k = 0; k < inner; k++) {
    r = i % 2 === 0 ? nodeHash(hash, r, proof[k]!) : nodeHash(hash, proof[k]!, r);
    i = Math.floor(i / 2);
  }
  for (let k = inner; k < proof.length; k++) r = nodeHash(hash, proof[k]!, r);
  return r;
}

/**
 * Verifies that `leafHash` is leaf `leafIndex` of the tree of `treeSize` leaves whose root is `root`
 * (RFC 9162 §2.1.3.2). Returns nothing on success; every failure throws.
 * @param hash the chain suite's hash
 * @param params leafIndex, treeSize, leafHash, proof, root
 * @throws PROOF_MALFORMED, PROOF_BAD_SIZE, PROOF_BAD_INDEX, PROOF_WRONG_LENGTH, PROOF_ROOT_MISMATCH
 * @example verifyInclusion(sha256, { leafIndex: 2, treeSize: header.txCount, leafHash: leafHash(sha256, txId), proof, root: header.txRoot });
 */
export function verifyInclusion(hash: HashFn, params: VerifyInclusionParams): void {
  const root = checkHash(checkParams(params).root, 'root');
  const computed = rootFromInclusionProof(hash, params);
  if (!equalBytes(computed, root)) {
    throw new GongxinError('PROOF_ROOT_MISMATCH', 'the inclusion proof leads to a different root', { leafIndex: params.leafIndex, treeSize: params.treeSize });
  }
}
