// The SDK end to end against a real peer (SQLite, solo ordering, HTTP): demo data, submit-and-wait, proofs checked
// without trusting the peer, a light client syncing from genesis, resumable events, restart with data intact.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bytesToHex, hexToBytes } from '@gongxin/core';
import { generateKeyPair, createSigner, getPortableSuite } from '@gongxin/crypto';
import { buildTx, createClient, LightClient, ProofError, subscribeEvents, submitAndWait, verifyStateProof, verifyTxProof, type LedgerStreamEvent } from '@gongxin/sdk';
import { runPeer } from './run-peer.js';
import { startTestPeer, type TestPeer } from './test-peer.js';

let peer: TestPeer;
before(async () => {
  peer = await startTestPeer();
});
after(async () => {
  await peer.dispose();
});

const suite = getPortableSuite('ed25519-sha256');
const signer = createSigner('ed25519-sha256', generateKeyPair('ed25519-sha256').privateKey);

async function anchor(text: string): Promise<{ id: string; height: number; digest: string }> {
  const client = createClient({ url: peer.url });
  const status = await client.status();
  const digest = bytesToHex(suite.hash(new TextEncoder().encode(text)));
  const tx = await buildTx({ chainId: status.chainId, module: 'notary', command: 'anchor', args: { digest, note: text }, signer });
  const receipt = await submitAndWait(client, tx, { timeoutMs: 20_000, pollMs: 25 });
  assert.equal(receipt.ok, true);
  return { id: bytesToHex(tx.id), height: receipt.height, digest };
}

test('demo data is loaded and listed at /v1/demo', async () => {
  const demo = (await peer.get('/v1/demo')).body as Record<string, string[]>;
  assert.equal(demo.proposal?.[0], 'add-wuhan-red-cross');
  assert.equal(demo.anchor?.length, 3);
  const client = createClient({ url: peer.url });
  const org = (await client.query('consortium', 'org', { id: 'wuhan-red-cross' })) as { result: { status?: string } };
  assert.ok(org.result, 'the org voted in by governance exists');
  const tx = await client.getTx(demo.anchor![0]!);
  assert.equal(tx.status, 'committed');
  assert.deepEqual(demo.alert, ['covid-wuhan.1']);
  const alert = (await client.query('early-warning', 'alert', { id: 'covid-wuhan.1' })) as { result: Record<string, unknown> };
  assert.ok(JSON.stringify(alert.result).includes('acknowledged'), JSON.stringify(alert.result));
});

test('a tx proof verifies against a header the client hashed itself; tampering is caught', async () => {
  const { id } = await anchor('proof test');
  const client = createClient({ url: peer.url });
  const proof = (await peer.get(`/v1/txs/${id}/proof`)).body;
  const ok = verifyTxProof(suite, proof, { txId: id });
  assert.equal(bytesToHex(ok.txId), id);
  const badPath = { ...proof, auditPath: (proof.auditPath as string[]).map((h, i) => (i === 0 ? h.replace(/^./, (c) => (c === '0' ? '1' : '0')) : h)) };
  const badRoot = { ...proof, header: { ...(proof.header as object), txRoot: '00'.repeat(32) } };
  const otherTx = { ...proof, txId: '11'.repeat(32) };
  for (const bad of [badRoot, otherTx, ...((proof.auditPath as string[]).length > 0 ? [badPath] : [])]) {
    assert.throws(() => verifyTxProof(suite, bad, { txId: (bad as { txId: string }).txId }), ProofError);
  }
  assert.ok(await client.getTxProof(id));
});

test('state proofs: presence with the proven value, and absence', async () => {
  const { id, digest } = await anchor('state proof test');
  const present = (await peer.get(`/v1/state/notary/anchor/${digest}/${id}`)).body;
  const v = verifyStateProof(suite, present, { module: 'notary', key: `anchor/${digest}/${id}` });
  assert.equal(v.found, true);
  assert.equal((v.value as { note: string }).note, 'state proof test');
  const absentKey = `anchor/${'ab'.repeat(32)}`;
  const absent = (await peer.get(`/v1/state/notary/${absentKey}`)).body;
  assert.equal(verifyStateProof(suite, absent, { module: 'notary', key: absentKey }).found, false);
  const lie = { ...present, valueHex: bytesToHex(hexToBytes(present.valueHex as string).map((b, i) => (i === 3 ? b ^ 1 : b))) };
  assert.throws(() => verifyStateProof(suite, lie, { module: 'notary', key: `anchor/${digest}/${id}` }), ProofError);
});

test('a light client syncs from genesis with history proofs and verifies an old tx', async () => {
  const first = await anchor('light client old');
  await anchor('light client new');
  const client = createClient({ url: peer.url });
  const genesisHash = (await peer.get('/v1/genesis')).body.genesisHash as string;
  const lc = await LightClient.fromGenesis(client, { genesisHash });
  const head = await lc.sync('latest');
  assert.ok(head.height >= first.height);
  const proof = (await peer.get(`/v1/txs/${first.id}/proof`)).body;
  const inclusion = (await peer.get(`/v1/history/inclusion?height=${first.height}&treeSize=${head.height}`)).body;
  const r = first.height < head.height ? lc.verifyTx(proof, first.id, inclusion) : lc.verifyTx(proof, first.id);
  assert.equal(r.height, first.height);
  await assert.rejects(LightClient.fromGenesis(client, { genesisHash: '00'.repeat(32) }), ProofError);
});

test('events: every block exactly once across a dropped connection', async () => {
  const heights: number[] = [];
  const receipts = new Set<string>();
  const ac1 = new AbortController();
  const onEvent = (e: LedgerStreamEvent): void => {
    if (e.kind === 'block') heights.push(e.height);
    if (e.kind === 'receipt') receipts.add(bytesToHex(e.txId as Uint8Array));
  };
  const client = createClient({ url: peer.url });
  const firstRun = subscribeEvents(client, { from: 0, onEvent, signal: ac1.signal });
  const { height: h1 } = await anchor('events one');
  while ((heights.at(-1) ?? -1) < h1) await new Promise((r) => setTimeout(r, 20));
  ac1.abort();
  await firstRun;
  const { id, height: h2 } = await anchor('events two');
  const ac2 = new AbortController();
  const last = heights.at(-1)!;
  const secondRun = subscribeEvents(client, { from: last + 1, onEvent, signal: ac2.signal });
  while ((heights.at(-1) ?? -1) < h2) await new Promise((r) => setTimeout(r, 20));
  ac2.abort();
  await secondRun;
  assert.deepEqual(heights, Array.from({ length: heights.length }, (_, i) => i), 'heights 0..n, each once, in order');
  assert.ok(receipts.has(id));
});

test('metrics and status', async () => {
  const metrics = await (await fetch(`${peer.url}/metrics`)).text();
  assert.match(metrics, /gongxin_height \d+/);
  assert.match(metrics, /gongxin_txs_committed_total \d+/);
  assert.match(metrics, /gongxin_commit_latency_seconds_bucket/);
  const docs = await fetch(`${peer.url}/docs/json`);
  assert.equal(docs.status, 200);
});

test('restart on the same data dir: same head, same state root, txs still there', async () => {
  const { id } = await anchor('before restart');
  const before = (await peer.get('/v1/status')).body;
  await peer.close();
  const again = await runPeer({ dataDir: peer.dataDir, port: 0, verifyThreads: 1 });
  try {
    const after = (await (await fetch(`${again.url}/v1/status`)).json()) as Record<string, unknown>;
    assert.equal(after.height, before.height);
    assert.equal(after.stateRoot, before.stateRoot);
    assert.equal(after.headerHash, before.headerHash);
    const tx = (await (await fetch(`${again.url}/v1/txs/${id}`)).json()) as { status: string };
    assert.equal(tx.status, 'committed');
    assert.equal(again.created, false);
  } finally {
    await again.close();
  }
});
