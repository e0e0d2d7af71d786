// Consistency proof verification, RFC 9162 §2.1.4.2 (docs/spec/merkle.md §Verifying a consistency proof): one
// pass rebuilds both the old root (from left-side hashes only) and the new root, and both must match.
import { equalBytes } from '../bytes.js';
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { popCount, shiftRight, trailingZeros, xorBitLength } from './bits.js';
import { assertProofHashes, checkHash, checkParams, checkProofArray, checkProofLength, checkSize } from './proof-params.js';
import type { VerifyConsistencyParams } from './proof-params.js';
import { nodeHash } from './tree-hash.js';

/**
 * Verifies that the tree of `size1` leaves with root `root1` is a prefix of the tree of `size2` leaves with
 * root `root2` (RFC 9162 §2.1.4.2). Returns nothing on success; every failure throws.
 *
 * Equal sizes need an empty proof and identical roots. size1 = 0 is always rejected: the empty tree is a
 * prefix of every tree, so such a "proof" shows nothing (RFC 9162 defines proofs for 0 < size1).
 * @param hash the chain suite's hash
 * @param params size1, size2, root1, root2, proof
 * @throws PROOF_MALFORMED, PROOF_BAD_SIZE (size1 = 0, size1 > size2, not an integer in [0, 2^53)),
 *   PROOF_WRONG_LENGTH, PROOF_ROOT_MISMATCH (details.root says which: 'root1' or 'root2')
 * @example verifyConsistency(sha256, { size1: old.height, size2: now.height, root1: old.historyRoot, root2: now.historyRoot, proof });
 */
export function verifyConsistency(hash: HashFn, params: VerifyConsistencyParams): void {
  const p = checkParams(params);
  const size1 = checkSize(p.size1, 'size1', 'PROOF_BAD_SIZE');
  const size2 = checkSize(p.size2, 'size2', 'PROOF_BAD_SIZE');
  const root1 = checkHash(p.root1, 'root1', false);
  const root2 = checkHash(p.root2, 'root2', false);
  const proof = checkProofArray(p.proof);
  const sizes = { size1, size2 };
  if (size1 > size2) throw new GongxinError('PROOF_BAD_SIZE', `size1 ${size1} is greater than size2 ${size2}`, sizes);
  if (size1 === 0) throw new GongxinError('PROOF_BAD_SIZE', 'a consistency proof from the empty tree proves nothing', sizes);
  if (size1 === size2) {
    checkProofLength(proof, 0);
    if (!equalBytes(root1, root2)) throw new GongxinError('PROOF_ROOT_MISMATCH', 'equal sizes but different roots', { ...sizes, root: 'root2' });
    return;
  }
  checkHash(root1, 'root1');
  checkHash(root2, 'root2');
  // The proof is a suffix of the inclusion proof of leaf size1-1 in the size2 tree, starting at the level
  // of the largest perfect subtree that ends at size1 (its root comes first, unless it is root1 itself).
  const shift = trailingZeros(size1);
  const inner = xorBitLength(size1 - 1, size2 - 1) - shift;
  const border = popCount(shiftRight(size1 - 1, inner + shift));
  const start = size1 === 2 ** shift ? 0 : 1;
  checkProofLength(proof, start + inner + border);
  assertProofHashes(proof);
  const seed = start === 0 ? root1 : proof[0]!;
  let h1 = seed;
  let h2 = seed;
  let mask = shiftRight(size1 - 1, shift);
  for (let k = start; k < start + inner; k++) {
    const c = proof[k]!;
    if (mask % 2 === 1) {
      h1 = nodeHash(hash, c, h1);
      h2 = nodeHash(hash, c, h2);
    } else {
      h2 = nodeHash(hash, h2, c);
    }
    mask = Math.floor(mask / 2);
  }
  for (let k = start + inner; k < proof.length; k++) {
    h1 = nodeHash(hash, proof[k]!, h1);
    h2 = nodeHash(hash, proof[k]!, h2);
  }
  if (!equalBytes(h1, root1)) throw new GongxinError('PROOF_ROOT_MISMATCH', 'the proof does not lead to root1', { ...sizes, root: 'root1' });
  if (!equalBytes(h2, root2)) throw new GongxinError('PROOF_ROOT_MISMATCH', 'the proof does not lead to root2', { ...sizes, root: 'root2' });
}
