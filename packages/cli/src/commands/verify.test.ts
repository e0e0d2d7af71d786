// `gongxin verify FILE` offline on proofs built with core (a real chain from the executor and trees): each kind
// verifies (exit 0, says what it proves and what it rests on); each tampered proof fails (exit 1 with the reason).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bytesToHex, type SuiteId } from '@gongxin/core';
import { fakePeerFetch } from '../testing/fake-peer.js';
import { run } from '../testing/run.js';
import { createTestChain, type TestChain } from '../testing/test-chain.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-verify-'));
after(() => rmSync(root, { recursive: true, force: true }));

type Json = Record<string, unknown>;

/** A chain of 6 blocks and the API bodies for its proofs. */
async function proofsOf(suite: SuiteId): Promise<{ chain: TestChain; get: (path: string) => Promise<Json>; txId: string }> {
  const chain = createTestChain({ suite });
  let txId = '';
  for (let h = 1; h <= 5; h++) {
    const txs = Array.from({ length: h }, (_, i) => chain.tx('kv', 'set', { key: `k${h}-${i}`, value: h * 10 + i }));
    const r = chain.commit(txs);
    if (h === 3) txId = bytesToHex(r.txs[1]!.id);
  }
  const fetch = fakePeerFetch(chain);
  const get = async (path: string): Promise<Json> => (await (await fetch(`http://peer${path}`)).json()) as Json;
  return { chain, get, txId };
}

let n = 0;
function save(body: unknown): string {
  const path = join(root, `p${n++}.json`);
  writeFileSync(path, JSON.stringify(body));
  return path;
}

test('each proof kind verifies offline and says what it proves and what it rests on', async () => {
  const { chain, get, txId } = await proofsOf('ed25519-sha256');
  const head = chain.store.head()!;
  const tx = await run(['verify', save(await get(`/v1/txs/${txId}/proof`))]);
  assert.equal(tx.code, 0, tx.err);
  assert.match(tx.out, /^verified: tx proof \(suite ed25519-sha256 \(detected\)\)\n/);
  assert.match(tx.out, new RegExp(`tx ${txId}\n {2}is tx 1 of the 3 in block 3 of chain "test-chain"`));
  assert.match(tx.out, new RegExp(`rests on header 3 with hash ${bytesToHex(chain.store.getHeader(3)!.hash)}\ntrust: only as far`));

  const st = await run(['verify', save(await get('/v1/state/kv/k4-2'))]);
  assert.equal(st.code, 0, st.err);
  assert.match(st.out, /kv \/ k4-2 = 42\n/);
  const absent = await run(['verify', save(await get('/v1/state/kv/nope'))]);
  assert.equal(absent.code, 0, absent.err);
  assert.match(absent.out, /kv \/ nope is absent/);

  const hi = await run(['verify', save(await get('/v1/history/inclusion?height=2&treeSize=5'))]);
  assert.equal(hi.code, 0, hi.err);
  assert.match(hi.out, new RegExp(`header ${bytesToHex(chain.store.getHeader(2)!.hash)} is block 2 of the history of 5 headers`));
  const hc = await run(['verify', save(await get('/v1/history/consistency?first=3&second=6'))]);
  assert.equal(hc.code, 0, hc.err);
  assert.match(hc.out, /the history of 3 headers with root [0-9a-f]{64}\n {2}is a prefix of the history of 6 headers/);

  // Wrapped, anchored to a trusted header hash: the trust line says so.
  const anchored = await run(['verify', save({ kind: 'state', proof: await get('/v1/state/kv/k5-0'), trustedHeaderHash: bytesToHex(head.hash) })]);
  assert.equal(anchored.code, 0, anchored.err);
  assert.match(anchored.out, /which is the trusted header hash you gave/);
  // A history proof anchored to a trusted header (its historyRoot covers the proof's tree).
  const blk = await get('/v1/blocks/5');
  const withHeader = await run(['verify', save({ kind: 'history-inclusion', proof: await get('/v1/history/inclusion?height=1&treeSize=5'), trustedHeader: blk.header })]);
  assert.equal(withHeader.code, 0, withHeader.err);
  assert.match(withHeader.out, /rests on the history root of header 5 \(hash [0-9a-f]{64}\)/);

  const json = await run(['--json', 'verify', save(await get(`/v1/txs/${txId}/proof`))]);
  assert.deepEqual(JSON.parse(json.out), {
    ok: true,
    kind: 'tx',
    txId,
    height: 3,
    leafIndex: 1,
    chainId: 'test-chain',
    headerHash: bytesToHex(chain.store.getHeader(3)!.hash),
    anchored: false,
    suite: 'ed25519-sha256',
  });
});

test('tampered proofs fail with exit 1 and the failed check as reason', async () => {
  const { chain, get, txId } = await proofsOf('ed25519-sha256');
  const txProof = await get(`/v1/txs/${txId}/proof`);
  const state = await get('/v1/state/kv/k4-2');
  const inclusion = await get('/v1/history/inclusion?height=2&treeSize=5');
  const consistency = await get('/v1/history/consistency?first=3&second=6');
  const flip = (hex: string): string => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
  const header = txProof.header as Json;
  const cases: Array<[string, unknown, RegExp]> = [
    ['wrong leaf index', { ...txProof, leafIndex: 0 }, /reason: PROOF_ROOT_MISMATCH/],
    ['audit path bit flip', { ...txProof, auditPath: (txProof.auditPath as string[]).map((h, i) => (i === 0 ? flip(h) : h)) }, /reason: PROOF_ROOT_MISMATCH/],
    ['header field changed', { ...txProof, header: { ...header, timestamp: (header.timestamp as number) + 1 } }, /reason: HEADER_HASH_MISMATCH/],
    ['other tx id', { ...txProof, txId: flip(txId) }, /reason: LEAF_HASH_MISMATCH/],
    ['state value changed', { ...state, valueHex: `${(state.valueHex as string).slice(0, -2)}2b` }, /reason: STATE_PROOF_VALUE_MISMATCH/],
    ['state claimed absent', { ...state, found: false, valueHex: null }, /reason: STATE_PROOF_/],
    ['state of another key', { ...state, key: 'k4-1' }, /reason: STATE_PROOF_/],
    ['inclusion at another height', { ...inclusion, height: 3 }, /reason: (PROOF_ROOT_MISMATCH|LEAF_HASH_MISMATCH|PROOF_[A-Z_]+)/],
    ['inclusion root changed', { ...inclusion, root: flip(inclusion.root as string) }, /reason: PROOF_ROOT_MISMATCH/],
    ['consistency proof bit flip', { ...consistency, proof: (consistency.proof as string[]).map(flip) }, /reason: PROOF_/],
    ['consistency second root changed', { ...consistency, secondRoot: flip(consistency.secondRoot as string) }, /reason: PROOF_/],
    ['untrusted header', { kind: 'tx', proof: txProof, trustedHeaderHash: bytesToHex(chain.store.getHeader(2)!.hash) }, /reason: TRUSTED_HEADER_MISMATCH/],
    ['history proof claiming a trusted hash without a header', { kind: 'history-inclusion', proof: inclusion, trustedHeaderHash: 'ab'.repeat(32) }, /reason: PROOF_MISSING/],
    ['malformed', { ...txProof, auditPath: 'nope' }, /reason: PROOF_MALFORMED/],
  ];
  for (const [what, body, reason] of cases) {
    const r = await run(['verify', save(body)]);
    assert.equal(r.code, 1, `${what}: ${r.out}`);
    assert.match(r.err, /^error SDK_PROOF_INVALID: /, what);
    assert.match(r.err, reason, what);
    assert.match(r.err, /hint: the proof does not check out/, what);
    assert.equal(r.out, '', `${what}: nothing is claimed`);
  }
  const other = await run(['verify', save(txProof), '--tx-id', flip(txId)]);
  assert.equal(other.code, 1);
  assert.match(other.err, /reason: TX_ID_MISMATCH/);
  const cmdTrust = await run(['verify', save(txProof), '--trusted-header-hash', 'ab'.repeat(32)]);
  assert.equal(cmdTrust.code, 1);
  assert.match(cmdTrust.err, /reason: TRUSTED_HEADER_MISMATCH/);
});

test('the suite is detected from the proof (sm2-sm3), or taken from --suite / the file', async () => {
  const { get, txId } = await proofsOf('sm2-sm3');
  const proof = await get(`/v1/txs/${txId}/proof`);
  const detected = await run(['verify', save(proof)]);
  assert.equal(detected.code, 0, detected.err);
  assert.match(detected.out, /suite sm2-sm3 \(detected\)/);
  const forced = await run(['verify', save(proof), '--suite', 'ed25519-sha256']);
  assert.equal(forced.code, 1, 'verified with the wrong suite, the header hash cannot match');
  assert.match(forced.err, /reason: (LEAF_HASH_MISMATCH|HEADER_HASH_MISMATCH)/);
  const wrapped = await run(['verify', save({ kind: 'tx', suite: 'sm2-sm3', proof })]);
  assert.equal(wrapped.code, 0, wrapped.err);
  assert.match(wrapped.out, /suite sm2-sm3\)/);
  const consistency = await run(['verify', save(await get('/v1/history/consistency?first=2&second=6')), '--suite', 'sm2-sm3']);
  assert.equal(consistency.code, 0, consistency.err);
});

test('files that are not proofs are refused with CLI_PROOF_FILE_INVALID (exit 1)', async () => {
  const cases: Array<[string, RegExp]> = [
    ['not json', /is not JSON/],
    ['[1,2]', /a proof file holds a JSON object/],
    ['{"hello":"world"}', /not a proof of a known kind \(tx, state, history-inclusion, history-consistency, bundle\)/],
    ['{"kind":"nope","proof":{}}', /no handler for proof kind "nope"|not a proof of a known kind/],
    ['{"kind":"tx","suite":"rsa","proof":{}}', /unknown suite "rsa"/],
    ['{"kind":"tx","trustedHeaderHash":"xyz","proof":{}}', /trustedHeaderHash must be 64 hex digits/],
  ];
  for (const [text, want] of cases) {
    const path = join(root, `bad${n++}.json`);
    writeFileSync(path, text);
    const r = await run(['verify', path]);
    assert.equal(r.code, 1, text);
    assert.match(r.err, /^error CLI_PROOF_FILE_INVALID: /, text);
    assert.match(r.err, want, text);
  }
  const missing = await run(['verify', join(root, 'missing.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /^error CLI_FILE_UNREADABLE: cannot read .*ENOENT/);
});
