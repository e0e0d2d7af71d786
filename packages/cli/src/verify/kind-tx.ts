// Proof kind `tx`: GET /v1/txs/{id}/proof — RFC 9162 inclusion of a tx id in its block's tx tree, checked against
// the header whose hash is recomputed here (sdk verifyTxProof).
import { bytesToHex } from '@gongxin/core';
import { verifyTxProof } from '@gongxin/sdk';
import { hasKeys, type ProofKindHandler } from './kind.js';
import { headerFits, leafFits } from './suite-fit.js';
import { trustLines } from './trust-text.js';

/** The `tx` kind. */
export const txProofKind: ProofKindHandler = {
  kind: 'tx',
  description: 'a tx proof (GET /v1/txs/{id}/proof): the tx is in the block with a given header hash',
  matches: (p) => hasKeys(p, ['txId', 'leafIndex', 'auditPath', 'txRoot', 'header', 'headerHash']),
  fitsSuite: (p, suite) => hasKeys(p, ['header', 'headerHash', 'txId', 'leafHash']) && (headerFits(suite, p.header, p.headerHash) || leafFits(suite, p.txId, p.leafHash)),
  verify(file, suite, opts) {
    const p = file.proof as Record<string, unknown>;
    const txId = opts.txId ?? (typeof p.txId === 'string' ? p.txId : '');
    const trusted = opts.trustedHeaderHash ?? file.trustedHeaderHash;
    const v = verifyTxProof(suite, file.proof, { txId, ...(trusted !== undefined ? { trustedHeaderHash: trusted } : {}) });
    const hash = bytesToHex(v.headerHash);
    return {
      proven: [
        `tx ${bytesToHex(v.txId)}`,
        `is tx ${v.leafIndex} of the ${v.header.txCount} in block ${v.height} of chain "${v.header.chainId}" (${new Date(v.header.timestamp).toISOString()})`,
      ],
      trust: trustLines(hash, v.height, trusted !== undefined),
      json: { kind: 'tx', txId: bytesToHex(v.txId), height: v.height, leafIndex: v.leafIndex, chainId: v.header.chainId, headerHash: hash, anchored: trusted !== undefined },
    };
  },
};
