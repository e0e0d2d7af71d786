// Proof kinds `history-inclusion` and `history-consistency` (GET /v1/history/*): a header's place in the chain's
// history tree, and that a newer history extends an older one (RFC 9162 over header hashes, sdk verify-history).
import { bytesToHex, headerHash, hexToBytes } from '@gongxin/core';
import { ProofError, verifyHistoryConsistency, verifyHistoryInclusion, type HashSuite, type HistoryAnchor } from '@gongxin/sdk';
import type { ProofFile } from './proof-file.js';
import { hasKeys, type ProofKindHandler, type VerifyOptions } from './kind.js';
import { headerFromJson, leafFits } from './suite-fit.js';

/** The header the file (or the user) trusts, checked against --trusted-header-hash when both are given. */
function trustedHeaderOf(file: ProofFile, suite: HashSuite, opts: VerifyOptions): { anchor: HistoryAnchor; note: string } | undefined {
  const trustedHash = opts.trustedHeaderHash ?? file.trustedHeaderHash;
  if (file.trustedHeader === undefined) {
    if (trustedHash !== undefined) {
      throw new ProofError('PROOF_MISSING', 'a history proof is anchored by a header: the file needs "trustedHeader" to check a trusted header hash');
    }
    return undefined;
  }
  const h = headerFromJson(file.trustedHeader);
  if (h === undefined) throw new ProofError('PROOF_MALFORMED', 'trustedHeader is not a block header');
  const hash = bytesToHex(headerHash(suite.hash, h));
  if (trustedHash !== undefined && hash !== trustedHash) {
    throw new ProofError('TRUSTED_HEADER_MISMATCH', `trustedHeader hashes to ${hash}, not the trusted header hash ${trustedHash}`);
  }
  const note = `the history root of header ${h.height} (hash ${hash})${trustedHash !== undefined ? ', the trusted header hash' : ''}`;
  return { anchor: { trustedHeader: h }, note };
}

function field(p: unknown, name: string): unknown {
  return (p as Record<string, unknown>)[name];
}

function rootOf(p: unknown, name: string): Uint8Array {
  const v = field(p, name);
  if (typeof v !== 'string' || !/^[0-9a-fA-F]{64}$/.test(v)) throw new ProofError('PROOF_MALFORMED', `${name} must be 64 hex digits`);
  return hexToBytes(v.toLowerCase());
}

function sizeOf(p: unknown, name: string): number {
  const v = field(p, name);
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new ProofError('PROOF_MALFORMED', `${name} must be a non-negative integer`);
  return v;
}

const SELF_ONLY = [
  'trust: the roots and sizes come from the proof itself: this holds only as far as you trust them; compare them with',
  '       the historyRoot of a header you trust, or wrap the proof as { "kind", "proof", "trustedHeader" } to check it here',
];

/** The `history-inclusion` kind. */
export const historyInclusionKind: ProofKindHandler = {
  kind: 'history-inclusion',
  description: "a history inclusion proof (GET /v1/history/inclusion): a header's place in the chain's history",
  matches: (p) => hasKeys(p, ['treeSize', 'headerHash', 'leafHash', 'auditPath', 'root']),
  fitsSuite: (p, suite) => hasKeys(p, ['headerHash', 'leafHash']) && leafFits(suite, p.headerHash, p.leafHash),
  verify(file, suite, opts) {
    const t = trustedHeaderOf(file, suite, opts);
    const anchor = t?.anchor ?? { treeSize: sizeOf(file.proof, 'treeSize'), root: rootOf(file.proof, 'root') };
    const v = verifyHistoryInclusion(suite, file.proof, anchor);
    const root = bytesToHex('root' in anchor ? anchor.root : anchor.trustedHeader.historyRoot);
    return {
      proven: [`header ${bytesToHex(v.headerHash)} is block ${v.height} of the history of ${v.treeSize} headers with root ${root}`],
      trust: t !== undefined ? [`rests on ${t.note}`] : [`rests on the history root ${root} (size ${v.treeSize})`, ...SELF_ONLY],
      json: { kind: 'history-inclusion', height: v.height, treeSize: v.treeSize, headerHash: bytesToHex(v.headerHash), root, anchored: t !== undefined },
    };
  },
};

/** The `history-consistency` kind. */
export const historyConsistencyKind: ProofKindHandler = {
  kind: 'history-consistency',
  description: 'a history consistency proof (GET /v1/history/consistency): a newer history extends an older one',
  matches: (p) => hasKeys(p, ['first', 'second', 'firstRoot', 'secondRoot', 'proof']),
  verify(file, suite, opts) {
    const t = trustedHeaderOf(file, suite, opts);
    const anchor = t?.anchor ?? { treeSize: sizeOf(file.proof, 'first'), root: rootOf(file.proof, 'firstRoot') };
    const v = verifyHistoryConsistency(suite, file.proof, anchor);
    const first = bytesToHex('root' in anchor ? anchor.root : anchor.trustedHeader.historyRoot);
    return {
      proven: [
        `the history of ${v.first} headers with root ${first}`,
        `is a prefix of the history of ${v.second} headers with root ${bytesToHex(v.secondRoot)}: none of the first ${v.first} headers was rewritten`,
      ],
      trust: t !== undefined ? [`rests on ${t.note}; the newer root and size come from the proof`] : [`rests on the older history root ${first}`, ...SELF_ONLY],
      json: { kind: 'history-consistency', first: v.first, second: v.second, firstRoot: first, secondRoot: bytesToHex(v.secondRoot), anchored: t !== undefined },
    };
  },
};
