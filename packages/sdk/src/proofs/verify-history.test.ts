// History proofs from core's history tree: inclusion of every header in every later history, consistency between
// every pair of sizes, and a ProofError for every tampered field and every mismatched anchor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex } from '@gongxin/core';
import { ProofError } from '../errors.js';
import { buildFakeChain } from '../testing/fake-chain.js';
import { verifyHistoryConsistency, verifyHistoryInclusion } from './verify-history.js';

const chain = buildFakeChain({ blocks: 12, txsIn: () => 1 });
const suite = chain.suite;
const header = (h: number) => chain.blocks[h]!.header;
type Json = Record<string, unknown> & { auditPath: string[]; proof: string[] };

function flip(hex: string): string {
  return hex.slice(0, -2) + (parseInt(hex.slice(-2), 16) ^ 1).toString(16).padStart(2, '0');
}
const isProofError = (reason?: string) => (e: unknown) => e instanceof ProofError && (reason === undefined || e.reason === reason);

test('inclusion: header h is in the history of every trusted header N > h', () => {
  for (let n = 1; n < chain.blocks.length; n++) {
    for (let h = 0; h < n; h++) {
      const r = verifyHistoryInclusion(suite, chain.historyInclusionJson(h, n), { trustedHeader: header(n), header: header(h) });
      assert.equal(r.height, h);
      assert.equal(r.treeSize, n);
      verifyHistoryInclusion(suite, chain.historyInclusionJson(h, n), { treeSize: n, root: header(n).historyRoot, headerHash: chain.blocks[h]!.hash });
    }
  }
});

test('inclusion: every tampered field, wrong header, wrong anchor is a ProofError', () => {
  const good = chain.historyInclusionJson(5, 11) as Json;
  const params = { trustedHeader: header(11), header: header(5) };
  const mutations: Array<[string, (p: Json) => void]> = [
    ['height', (p) => (p.height = 4)],
    ['treeSize', (p) => (p.treeSize = 10)],
    ['headerHash', (p) => (p.headerHash = flip(p.headerHash as string))],
    ['leafHash', (p) => (p.leafHash = flip(p.leafHash as string))],
    ['root', (p) => (p.root = flip(p.root as string))],
    ['auditPath[0]', (p) => (p.auditPath[0] = flip(p.auditPath[0]!))],
    ['auditPath dropped', (p) => p.auditPath.pop()],
    ['auditPath extra', (p) => p.auditPath.push(p.auditPath[0]!)],
    ['auditPath not hex', (p) => (p.auditPath[1] = 'xyz')],
  ];
  for (const [name, mutate] of mutations) {
    const p = structuredClone(good);
    mutate(p);
    assert.throws(() => verifyHistoryInclusion(suite, p, params), isProofError(), name);
  }
  verifyHistoryInclusion(suite, structuredClone(good), params);
  // Another header than the one proven, a proof against another trusted header, a hash that is not the header's.
  assert.throws(() => verifyHistoryInclusion(suite, good, { trustedHeader: header(11), header: header(6) }), isProofError('FIELD_MISMATCH'));
  assert.throws(() => verifyHistoryInclusion(suite, good, { trustedHeader: header(10), header: header(5) }), isProofError('FIELD_MISMATCH'));
  assert.throws(() => verifyHistoryInclusion(suite, good, { trustedHeader: header(11), headerHash: chain.blocks[4]!.hash }), isProofError('HEADER_HASH_MISMATCH'));
  const forged = { ...header(5), timestamp: header(5).timestamp + 1 };
  assert.throws(() => verifyHistoryInclusion(suite, good, { trustedHeader: header(11), header: forged }), isProofError('HEADER_HASH_MISMATCH'));
  // A fork: same shape, other history: its proofs do not verify against our trusted root.
  const fork = buildFakeChain({ blocks: 12, txsIn: () => 1, seed: 'fork' });
  assert.throws(() => verifyHistoryInclusion(suite, fork.historyInclusionJson(5, 11), { trustedHeader: header(11) }), isProofError('ROOT_MISMATCH'));
  const swapped = { ...fork.historyInclusionJson(5, 11), root: bytesToHex(header(11).historyRoot) };
  assert.throws(() => verifyHistoryInclusion(suite, swapped, { trustedHeader: header(11) }), isProofError('PROOF_ROOT_MISMATCH'));
});

test('consistency: every pair 0 < M ≤ N verifies; M = 0 proves nothing and is refused', () => {
  for (let n = 1; n < chain.blocks.length; n++) {
    for (let m = 1; m <= n; m++) {
      const r = verifyHistoryConsistency(suite, chain.historyConsistencyJson(m, n), { trustedHeader: header(m), newHeader: header(n) });
      assert.equal(r.second, n);
      verifyHistoryConsistency(suite, chain.historyConsistencyJson(m, n), { treeSize: m, root: header(m).historyRoot, newRoot: { treeSize: n, root: header(n).historyRoot } });
    }
  }
  const zero = { first: 0, second: 5, firstRoot: bytesToHex(header(0).historyRoot), secondRoot: bytesToHex(header(5).historyRoot), proof: [] };
  assert.throws(() => verifyHistoryConsistency(suite, zero, { trustedHeader: header(0) }), isProofError('PROOF_BAD_SIZE'));
});

test('consistency: every tampered field, a fork, a mismatched newer header is a ProofError', () => {
  const good = chain.historyConsistencyJson(5, 11) as Json;
  const params = { trustedHeader: header(5), newHeader: header(11) };
  const mutations: Array<[string, (p: Json) => void]> = [
    ['first', (p) => (p.first = 4)],
    ['second', (p) => (p.second = 10)],
    ['firstRoot', (p) => (p.firstRoot = flip(p.firstRoot as string))],
    ['secondRoot', (p) => (p.secondRoot = flip(p.secondRoot as string))],
    ['proof[0]', (p) => (p.proof[0] = flip(p.proof[0]!))],
    ['proof last', (p) => (p.proof[p.proof.length - 1] = flip(p.proof[p.proof.length - 1]!))],
    ['proof dropped', (p) => p.proof.pop()],
    ['proof extra', (p) => p.proof.push(p.proof[0]!)],
  ];
  for (const [name, mutate] of mutations) {
    const p = structuredClone(good);
    mutate(p);
    assert.throws(() => verifyHistoryConsistency(suite, p, params), isProofError(), name);
    // Without the newer header pinned, the proof itself still has to hold.
    if (name !== 'second' && name !== 'secondRoot') assert.throws(() => verifyHistoryConsistency(suite, p, { trustedHeader: header(5) }), isProofError(), `${name} (unpinned)`);
  }
  verifyHistoryConsistency(suite, structuredClone(good), params);
  assert.throws(() => verifyHistoryConsistency(suite, good, { trustedHeader: header(5), newHeader: header(10) }), isProofError('FIELD_MISMATCH'));
  const fork = buildFakeChain({ blocks: 12, txsIn: () => 1, seed: 'fork' });
  // The fork rewrote block 1 onwards: a consistency proof from our trusted size 5 to its size 11 cannot exist.
  const forged = { ...fork.historyConsistencyJson(5, 11), firstRoot: bytesToHex(header(5).historyRoot) };
  assert.throws(() => verifyHistoryConsistency(suite, forged, { trustedHeader: header(5) }), isProofError('PROOF_ROOT_MISMATCH'));
});
