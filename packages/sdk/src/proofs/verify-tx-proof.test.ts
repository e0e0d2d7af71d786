// verifyTxProof on proofs built by core's Merkle code: every tx of several tree shapes verifies, from raw JSON
// and from client-parsed objects; every field tampered, and every wrong trust anchor, is a ProofError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, headerHash } from '@gongxin/core';
import { ProofError } from '../errors.js';
import { buildFakeChain } from '../testing/fake-chain.js';
import { txProofSchema } from '../wire/responses.js';
import { verifyTxProof } from './verify-tx-proof.js';

const chain = buildFakeChain({ blocks: 6, txsIn: (h) => [0, 1, 2, 5, 7, 8][h]! });
const suite = chain.suite;
type Json = Record<string, unknown>;

/** Flips the lowest bit of a hex string's last byte. */
function flip(hex: string): string {
  const last = parseInt(hex.slice(-2), 16) ^ 1;
  return hex.slice(0, -2) + last.toString(16).padStart(2, '0');
}

function isProofError(reason?: string): (e: unknown) => boolean {
  return (e) => e instanceof ProofError && e.code === 'SDK_PROOF_INVALID' && (reason === undefined || e.reason === reason);
}

test('every tx of blocks with 1, 2, 5, 7 and 8 txs verifies (raw JSON and parsed)', () => {
  for (let h = 1; h < chain.blocks.length; h++) {
    const b = chain.blocks[h]!;
    for (let i = 0; i < b.txIds.length; i++) {
      const json = chain.txProofJson(h, i);
      const r = verifyTxProof(suite, json, { txId: b.txIds[i]!, trustedHeader: b.header, trustedHeaderHash: b.hash });
      assert.equal(r.height, h);
      assert.equal(r.leafIndex, i);
      assert.equal(bytesToHex(r.headerHash), bytesToHex(b.hash));
      verifyTxProof(suite, txProofSchema.parse(json), { txId: bytesToHex(b.txIds[i]!) });
    }
  }
});

test('tampering any field of the proof or of its header is a ProofError', () => {
  const h = 4;
  const i = 3;
  const b = chain.blocks[h]!;
  const good = chain.txProofJson(h, i) as Json & { header: Json; auditPath: string[] };
  const other = chain.txProofJson(h, 2) as Json & { auditPath: string[] };
  const mutations: Array<[string, (p: Json & { header: Json; auditPath: string[] }) => void]> = [
    ['txId', (p) => (p.txId = other.txId)],
    ['height', (p) => (p.height = 3)],
    ['leafIndex', (p) => (p.leafIndex = 2)],
    ['leafIndex beyond', (p) => (p.leafIndex = 7)],
    ['treeSize', (p) => (p.treeSize = 8)],
    ['leafHash', (p) => (p.leafHash = flip(p.leafHash as string))],
    ['auditPath[0]', (p) => (p.auditPath[0] = flip(p.auditPath[0]!))],
    ['auditPath last', (p) => (p.auditPath[p.auditPath.length - 1] = flip(p.auditPath[p.auditPath.length - 1]!))],
    ['auditPath dropped', (p) => p.auditPath.pop()],
    ['auditPath extra', (p) => p.auditPath.push(p.auditPath[0]!)],
    ['auditPath of a sibling', (p) => (p.auditPath = other.auditPath)],
    ['txRoot', (p) => (p.txRoot = flip(p.txRoot as string))],
    ['headerHash', (p) => (p.headerHash = flip(p.headerHash as string))],
    ['header.chainId', (p) => (p.header.chainId = 'other-chain')],
    ['header.height', (p) => (p.header.height = 5)],
    ['header.prevHash', (p) => (p.header.prevHash = flip(p.header.prevHash as string))],
    ['header.timestamp', (p) => (p.header.timestamp = (p.header.timestamp as number) + 1)],
    ['header.txCount', (p) => (p.header.txCount = 8)],
    ['header.txRoot', (p) => (p.header.txRoot = flip(p.header.txRoot as string))],
    ['header.receiptsRoot', (p) => (p.header.receiptsRoot = flip(p.header.receiptsRoot as string))],
    ['header.stateRoot', (p) => (p.header.stateRoot = flip(p.header.stateRoot as string))],
    ['header.historyRoot', (p) => (p.header.historyRoot = flip(p.header.historyRoot as string))],
    ['header.proposer', (p) => (p.header.proposer = flip(p.header.proposer as string))],
    ['missing field', (p) => Reflect.deleteProperty(p, 'auditPath')],
    ['not hex', (p) => (p.txRoot = 'zz')],
    ['short hash', (p) => (p.leafHash = 'abcd')],
  ];
  for (const [name, mutate] of mutations) {
    const p = structuredClone(good);
    mutate(p);
    assert.throws(() => verifyTxProof(suite, p, { txId: b.txIds[i]! }), isProofError(), name);
  }
  // Sanity: the untouched clone still verifies, so each failure above is the mutation's doing.
  verifyTxProof(suite, structuredClone(good), { txId: b.txIds[i]! });
});

test('a header rebuilt consistently (fields and headerHash both changed) passes alone but not against a trust anchor', () => {
  const b = chain.blocks[3]!;
  const p = chain.txProofJson(3, 0) as Json & { header: Json };
  const forged = { ...b.header, stateRoot: new Uint8Array(32).fill(9) };
  p.header = { ...p.header, stateRoot: '09'.repeat(32) };
  p.headerHash = bytesToHex(headerHash(suite.hash, forged));
  verifyTxProof(suite, p, { txId: b.txIds[0]! }); // self-consistent: only an anchor can tell
  assert.throws(() => verifyTxProof(suite, p, { txId: b.txIds[0]!, trustedHeader: b.header }), isProofError('TRUSTED_HEADER_MISMATCH'));
  assert.throws(() => verifyTxProof(suite, p, { txId: b.txIds[0]!, trustedHeaderHash: b.hash }), isProofError('TRUSTED_HEADER_MISMATCH'));
});

test('reasons: asking about another tx, a wrong anchor, an emptied audit path, garbage input', () => {
  const b = chain.blocks[4]!;
  const json = chain.txProofJson(4, 1);
  assert.throws(() => verifyTxProof(suite, json, { txId: b.txIds[2]! }), isProofError('TX_ID_MISMATCH'));
  assert.throws(() => verifyTxProof(suite, json, { txId: b.txIds[1]!, trustedHeader: chain.blocks[3]!.header }), isProofError('TRUSTED_HEADER_MISMATCH'));
  assert.throws(() => verifyTxProof(suite, json, { txId: b.txIds[1]!, trustedHeaderHash: chain.blocks[3]!.hash }), isProofError('TRUSTED_HEADER_MISMATCH'));
  const p = chain.txProofJson(4, 1) as Json & { header: Json };
  p.auditPath = [];
  assert.throws(() => verifyTxProof(suite, p, { txId: b.txIds[1]! }), isProofError('PROOF_WRONG_LENGTH'));
  assert.throws(() => verifyTxProof(suite, 'garbage', { txId: b.txIds[1]! }), isProofError('PROOF_MALFORMED'));
});

test('the wrong suite (SM3 instead of SHA-256) fails: hashes are recomputed, not copied', () => {
  const sm = buildFakeChain({ blocks: 3, suite: 'sm2-sm3' });
  const b = chain.blocks[2]!;
  assert.throws(() => verifyTxProof(sm.suite, chain.txProofJson(2, 0), { txId: b.txIds[0]! }), isProofError('LEAF_HASH_MISMATCH'));
  verifyTxProof(sm.suite, sm.txProofJson(2, 1), { txId: sm.blocks[2]!.txIds[1]! });
});
