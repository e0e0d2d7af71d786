// Verifies history proofs (docs/api.md GET /v1/history/*): the history tree is RFC 9162 over header hashes,
// leaf i = H(0x00 ‖ hash of header i), and header N's historyRoot is the root over headers 0..N-1 (size N).
import { bytesToHex, equalBytes, headerHash, leafHash, verifyConsistency, verifyInclusion, type BlockHeader } from '@gongxin/core';
import type { IdLike } from '../json-view.js';
import { historyConsistencySchema, historyInclusionSchema } from '../wire/responses.js';
import { fail, guard, idBytes, parseInput, same, trustedHeaderOf, type HashSuite } from './common.js';

/** A trusted history root: from a trusted header (size = its height), or given directly (e.g. a checkpoint). */
export type HistoryAnchor = { readonly trustedHeader: BlockHeader } | { readonly treeSize: number; readonly root: Uint8Array };

function anchorOf(a: HistoryAnchor): { size: number; root: Uint8Array } {
  if ('trustedHeader' in a) {
    const h = trustedHeaderOf(a.trustedHeader);
    return { size: h.height, root: h.historyRoot };
  }
  return { size: a.treeSize, root: a.root };
}

/** Options of `verifyHistoryInclusion`: the trusted (newer) root, and the older header claimed to be in it. */
export type VerifyHistoryInclusionParams = HistoryAnchor & {
  /** The older header whose place in history is proven (its hash is recomputed). */
  readonly header?: BlockHeader;
  /** Or just its hash. With neither, the result reports which hash the proof shows at `height`. */
  readonly headerHash?: IdLike;
};

/** A header hash proven to be at `height` in the history tree of `treeSize` headers. */
export interface VerifiedHistoryInclusion {
  readonly height: number;
  readonly treeSize: number;
  readonly headerHash: Uint8Array;
}

/**
 * Verifies that header `height` (hash `headerHash`) is in the history the trusted root commits to.
 * @param proof GET /v1/history/inclusion?height=H&treeSize=N, raw JSON or as the client returned it
 * @throws ProofError (reason PROOF_MALFORMED, FIELD_MISMATCH, ROOT_MISMATCH, HEADER_HASH_MISMATCH,
 *   LEAF_HASH_MISMATCH, or a core PROOF_* code such as PROOF_BAD_INDEX, PROOF_ROOT_MISMATCH)
 * @example
 * const p = await client.historyInclusion({ height: 5, treeSize: trusted.height });
 * verifyHistoryInclusion(suite, p, { trustedHeader: trusted, header: oldBlock.header });
 */
export function verifyHistoryInclusion(suite: HashSuite, proof: unknown, params: VerifyHistoryInclusionParams): VerifiedHistoryInclusion {
  const { size, root } = anchorOf(params);
  const p = parseInput(historyInclusionSchema, proof, 'history inclusion proof');
  same(p.treeSize, size, 'FIELD_MISMATCH', `the proof is for a history of ${p.treeSize} headers, the trusted root covers ${size}`);
  same(p.root, root, 'ROOT_MISMATCH', 'the proof root is not the trusted history root');
  if (params.header !== undefined) {
    const h = trustedHeaderOf(params.header, 'header');
    same(h.height, p.height, 'FIELD_MISMATCH', `the proof is about header ${p.height}, not ${h.height}`);
    same(headerHash(suite.hash, h), p.headerHash, 'HEADER_HASH_MISMATCH', `header ${h.height} does not hash to the proof's headerHash`);
  }
  if (params.headerHash !== undefined && !equalBytes(idBytes(params.headerHash, 'headerHash'), p.headerHash)) {
    fail('HEADER_HASH_MISMATCH', `the proof shows ${bytesToHex(p.headerHash)} at height ${p.height}, not the given hash`);
  }
  const leaf = leafHash(suite.hash, p.headerHash);
  same(p.leafHash, leaf, 'LEAF_HASH_MISMATCH', 'leafHash is not H(0x00 ‖ headerHash)');
  guard('history inclusion', undefined, () =>
    verifyInclusion(suite.hash, { leafIndex: p.height, treeSize: size, leafHash: leaf, proof: p.auditPath, root }),
  );
  return { height: p.height, treeSize: size, headerHash: p.headerHash };
}

/** Options of `verifyHistoryConsistency`: the trusted older root, and optionally the newer header it must extend to. */
export type VerifyHistoryConsistencyParams = HistoryAnchor & {
  /** The newer header (its historyRoot and height must match the proof's second root and size). */
  readonly newHeader?: BlockHeader;
  /** Or the newer root directly. */
  readonly newRoot?: { readonly treeSize: number; readonly root: Uint8Array };
};

/** The newer history root, proven to extend the trusted one (append-only: no header of it was rewritten). */
export interface VerifiedHistoryConsistency {
  readonly first: number;
  readonly second: number;
  readonly secondRoot: Uint8Array;
}

/**
 * Verifies that the trusted history (size M) is a prefix of a newer one (size N ≥ M). M = 0 is refused
 * (reason PROOF_BAD_SIZE): every tree extends the empty one, so such a proof shows nothing —
 * LightClient links header 0 with an inclusion proof instead.
 * @param proof GET /v1/history/consistency?first=M&second=N, raw JSON or as the client returned it
 * @throws ProofError (reason PROOF_MALFORMED, FIELD_MISMATCH, ROOT_MISMATCH, or a core PROOF_* code)
 * @example
 * const p = await client.historyConsistency({ first: trusted.height, second: latest.height });
 * verifyHistoryConsistency(suite, p, { trustedHeader: trusted, newHeader: latest });
 */
export function verifyHistoryConsistency(suite: HashSuite, proof: unknown, params: VerifyHistoryConsistencyParams): VerifiedHistoryConsistency {
  const { size, root } = anchorOf(params);
  const p = parseInput(historyConsistencySchema, proof, 'history consistency proof');
  same(p.first, size, 'FIELD_MISMATCH', `the proof starts at size ${p.first}, the trusted root covers ${size}`);
  same(p.firstRoot, root, 'ROOT_MISMATCH', 'firstRoot is not the trusted history root');
  const target = params.newHeader !== undefined ? trustedHeaderOf(params.newHeader, 'newHeader') : undefined;
  const want = target !== undefined ? { treeSize: target.height, root: target.historyRoot } : params.newRoot;
  if (want !== undefined) {
    same(p.second, want.treeSize, 'FIELD_MISMATCH', `the proof ends at size ${p.second}, expected ${want.treeSize}`);
    same(p.secondRoot, want.root, 'ROOT_MISMATCH', 'secondRoot is not the expected newer history root');
  }
  guard('history consistency', undefined, () =>
    verifyConsistency(suite.hash, { size1: size, size2: p.second, root1: root, root2: p.secondRoot, proof: p.proof }),
  );
  return { first: size, second: p.second, secondRoot: p.secondRoot };
}
