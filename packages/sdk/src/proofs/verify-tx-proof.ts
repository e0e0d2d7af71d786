// Verifies GET /v1/txs/{id}/proof (docs/api.md): the header is rebuilt from its fields and hashed here, and the
// tx id's RFC 9162 inclusion (leaf = H(0x00 ‖ txId)) is checked against that header's txRoot.
import { bytesToHex, leafHash, verifyInclusion, type BlockHeader } from '@gongxin/core';
import type { IdLike } from '../json-view.js';
import { txProofSchema } from '../wire/responses.js';
import { checkHeaderHash, checkTrust, guard, idBytes, parseInput, same, type HashSuite, type TrustAnchor } from './common.js';

/** Options of `verifyTxProof`. */
export interface VerifyTxProofParams extends TrustAnchor {
  /** The transaction the caller asks about (never taken from the proof). */
  readonly txId: IdLike;
}

/** What a verified tx proof establishes: `txId` is leaf `leafIndex` of the tx tree of `header` (hash `headerHash`). */
export interface VerifiedTxProof {
  readonly txId: Uint8Array;
  readonly height: number;
  readonly leafIndex: number;
  readonly header: BlockHeader;
  /** Recomputed here, not copied from the peer. */
  readonly headerHash: Uint8Array;
}

/**
 * Verifies a tx inclusion proof without trusting the peer: every redundant field must agree with the header,
 * the header's hash is recomputed, and the audit path must lead to header.txRoot. With `trustedHeader` or
 * `trustedHeaderHash` the header must also be that one; without, the result says only "in the block whose
 * hash is `headerHash`" — anchor that hash (LightClient, history proof, commit certificate) before relying on it.
 * @param suite the chain's suite (its hash), e.g. getPortableSuite('ed25519-sha256')
 * @param proof the GET /v1/txs/{id}/proof body, raw JSON or as `client.getTxProof` returned it
 * @throws ProofError (code SDK_PROOF_INVALID; reason PROOF_MALFORMED, TX_ID_MISMATCH, LEAF_HASH_MISMATCH,
 *   HEADER_HASH_MISMATCH, FIELD_MISMATCH, ROOT_MISMATCH, TRUSTED_HEADER_MISMATCH, or a core PROOF_* code)
 * @example
 * const proof = await client.getTxProof(tx.id);
 * const { height, headerHash } = verifyTxProof(suite, proof, { txId: tx.id, trustedHeaderHash: knownHash });
 */
export function verifyTxProof(suite: HashSuite, proof: unknown, params: VerifyTxProofParams): VerifiedTxProof {
  const txId = idBytes(params.txId, 'txId');
  const idHex = bytesToHex(txId);
  const p = parseInput(txProofSchema, proof, 'tx proof', idHex);
  const h = p.header;
  same(p.txId, txId, 'TX_ID_MISMATCH', `the proof is about tx ${bytesToHex(p.txId)}, not ${idHex}`, idHex);
  const leaf = leafHash(suite.hash, txId);
  same(p.leafHash, leaf, 'LEAF_HASH_MISMATCH', 'leafHash is not H(0x00 ‖ txId)', idHex);
  const hdrHash = checkHeaderHash(suite.hash, h, p.headerHash, idHex);
  same(p.height, h.height, 'FIELD_MISMATCH', `height ${p.height} but the header is at ${h.height}`, idHex);
  same(p.treeSize, h.txCount, 'FIELD_MISMATCH', `treeSize ${p.treeSize} but the header has ${h.txCount} txs`, idHex);
  same(p.txRoot, h.txRoot, 'ROOT_MISMATCH', "txRoot differs from the header's txRoot", idHex);
  guard('tx inclusion', idHex, () =>
    verifyInclusion(suite.hash, { leafIndex: p.leafIndex, treeSize: h.txCount, leafHash: leaf, proof: p.auditPath, root: h.txRoot }),
  );
  checkTrust(suite.hash, hdrHash, h.height, params, idHex);
  return { txId, height: h.height, leafIndex: p.leafIndex, header: h, headerHash: hdrHash };
}
