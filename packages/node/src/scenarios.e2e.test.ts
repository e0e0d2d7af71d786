// Issue 4 end to end: each public scenario's whole story through the SDK against a real peer (SQLite, solo, HTTP):
// signed commands, module rules refusing what they must with stable codes, events over SSE, state proofs checked
// by the client, and each story's offline bundle verified.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bytesToHex, type SyncSigner, type Value } from '@gongxin/core';
import { createSigner, generateKeyPair, getPortableSuite } from '@gongxin/crypto';
import { gs1CheckDigit } from '@gongxin/modules';
import { buildTx, createClient, RejectedError, subscribeEvents, submitAndWait, verifyBundle, verifyStateProof, type GongxinClient, type LedgerStreamEvent } from '@gongxin/sdk';
import { startTestPeer, type TestPeer } from './test-peer.js';

let peer: TestPeer;
let client: GongxinClient;
let chainId: string;
const events: LedgerStreamEvent[] = [];
const stop = new AbortController();
let following: Promise<void>;
const suite = getPortableSuite('ed25519-sha256');

before(async () => {
  peer = await startTestPeer({ demo: false });
  client = createClient({ url: peer.url });
  chainId = (await client.status()).chainId;
  following = subscribeEvents(client, { from: 0, onEvent: (e) => void events.push(e), signal: stop.signal });
});
after(async () => {
  stop.abort();
  await following;
  await peer.dispose();
});

async function send(signer: SyncSigner, module: string, command: string, args: Value): Promise<{ txId: string; height: number }> {
  const tx = await buildTx({ chainId, module, command, args, signer });
  const r = await submitAndWait(client, tx, { timeoutMs: 20_000, pollMs: 20 });
  return { txId: bytesToHex(tx.id), height: r.height };
}

async function refused(signer: SyncSigner, module: string, command: string, args: Value, code: string): Promise<void> {
  const before = (await client.status()).stateRoot;
  await assert.rejects(send(signer, module, command, args), (e: unknown) => e instanceof RejectedError && e.code === code, `${command} should fail with ${code}`);
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual((await client.status()).stateRoot, before, `${code} changed state`);
}

async function seen(module: string, type: string): Promise<LedgerStreamEvent> {
  for (let i = 0; i < 200; i++) {
    const e = events.find((x) => x.kind === 'event' && x.module === module && x.type === type);
    if (e) return e;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${module}.${type} event`);
}

async function provenValue(module: string, key: string): Promise<Value | null> {
  const res = await client.getState(module, key);
  return verifyStateProof(suite, res, { module, key }).value;
}

async function bundleOk(kind: string, id: string): Promise<void> {
  const bytes = new Uint8Array(await (await fetch(`${peer.url}/v1/bundles/${kind}/${encodeURIComponent(id)}?format=cbor`)).arrayBuffer());
  const v = verifyBundle(bytes, { trustedHeaderHash: (await client.status()).headerHash });
  assert.equal(v.kind, kind);
}

test('charity: campaign → donation → need → allocation → confirmation, with the rules enforced', async () => {
  const charity = peer.key('hubei-charity-charity');
  const hospital = peer.key('union-hospital-hospital');
  const other = peer.key('tongji-hospital-hospital');
  const donor = createSigner('ed25519-sha256', generateKeyPair('ed25519-sha256').privateKey);
  await send(charity, 'charity', 'open-campaign', { id: 'e2e', title: 'e2e', goal: 1000, accepts: { funds: true, items: ['n95-respirator'] } });
  const gift = await send(donor, 'charity', 'donate', { campaign: 'e2e', kind: 'item', itemType: 'n95-respirator', quantity: 100 });
  await send(hospital, 'charity', 'post-need', { id: 'e2e-need', kind: 'item', itemType: 'n95-respirator', quantity: 150, urgency: 'high' });
  await refused(charity, 'charity', 'allocate', { campaign: 'e2e', need: 'e2e-need', draws: [{ donation: gift.txId, quantity: 101 }] }, 'CHARITY_OVER_ALLOCATION');
  const alloc = await send(charity, 'charity', 'allocate', { campaign: 'e2e', need: 'e2e-need', draws: [{ donation: gift.txId, quantity: 100 }] });
  await refused(other, 'charity', 'confirm', { allocation: alloc.txId, quantity: 100, proofHash: 'ab'.repeat(32) }, 'CHARITY_NOT_RECIPIENT');
  await send(hospital, 'charity', 'confirm', { allocation: alloc.txId, quantity: 98, proofHash: 'ab'.repeat(32) });
  await refused(hospital, 'charity', 'confirm', { allocation: alloc.txId, quantity: 3, proofHash: 'ab'.repeat(32) }, 'CHARITY_OVER_CONFIRMATION');
  await refused(donor, 'charity', 'post-need', { id: 'x', kind: 'funds', amount: 5, urgency: 'low' }, 'TX_UNAUTHORIZED');
  await seen('charity', 'donation-received');
  await seen('charity', 'confirmed');
  const trace = (await client.query('charity', 'trace', { donation: gift.txId })) as { result: { allocated: number } };
  assert.equal(trace.result.allocated, 100);
  assert.equal((await provenValue('charity', `donation/${gift.txId}`) as { quantity: number }).quantity, 100);
  await bundleOk('donation', gift.txId);
});

test('supply trace: register → attest → transfer (holder only, quantities checked) → recall blocks further moves; lookup by Digital Link', async () => {
  const maker = peer.key('hanyang-masks-manufacturer');
  const inspector = peer.key('hubei-inspect-inspector');
  const logistics = peer.key('changjiang-logistics-logistics');
  const body = '0690000000011';
  const gtin = body + String(gs1CheckDigit(body));
  const batch = `${gtin}-E2E1`;
  await send(maker, 'supply-trace', 'register-batch', { gtin, lot: 'E2E1', productType: 'surgical-mask', standard: 'YY 0469-2011', quantity: 1000, productionDate: '261101' });
  await send(inspector, 'supply-trace', 'attest', { batch, certificate: 'cd'.repeat(32), result: 'pass', standard: 'YY 0469-2011' });
  await refused(logistics, 'supply-trace', 'transfer', { code: batch, to: 'union-hospital', quantity: 1 }, 'SUPPLY_NOT_HOLDER');
  await refused(maker, 'supply-trace', 'transfer', { code: batch, to: 'changjiang-logistics', quantity: 1001 }, 'SUPPLY_INSUFFICIENT_QUANTITY');
  await send(maker, 'supply-trace', 'transfer', { code: batch, to: 'changjiang-logistics', quantity: 400 });
  await send(maker, 'supply-trace', 'recall', { code: batch, reason: 'e2e recall' });
  await refused(logistics, 'supply-trace', 'transfer', { code: batch, to: 'union-hospital', quantity: 1 }, 'SUPPLY_RECALLED');
  const found = (await client.query('supply-trace', 'lookup', { code: `https://example.org/01/${gtin}/10/E2E1` })) as { result: { real: boolean; certified: boolean; recalled: boolean } };
  assert.deepEqual([found.result.real, found.result.certified, found.result.recalled], [true, true, true]);
  await assert.rejects(client.query('supply-trace', 'lookup', { code: `(01)${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}(10)E2E1` }), (e: unknown) => e instanceof RejectedError && e.code === 'SUPPLY_BAD_CHECK_DIGIT');
  await seen('supply-trace', 'recalled');
  await bundleOk('batch', batch);
});

test('open statistics: publish → correct (new revision) → dispute by another authority; CSV export with proof keys', async () => {
  const city = peer.key('wuhan-hc-health-authority');
  const province = peer.key('hubei-cdc-health-authority');
  const date = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const first = await send(city, 'open-stats', 'publish', { region: '420102', date, metrics: { 'new-confirmed': 5, tests: 900 } });
  await refused(province, 'open-stats', 'correct', { region: '420102', date, corrects: first.txId, metrics: { 'new-confirmed': 6 }, reason: 'x' }, 'STATS_NOT_PUBLISHER');
  await send(city, 'open-stats', 'correct', { region: '420102', date, corrects: first.txId, metrics: { 'new-confirmed': 6, tests: 900 }, reason: 'late lab result' });
  await send(province, 'open-stats', 'dispute', { region: '420102', date, revision: 2, reason: 'provincial count differs' });
  const csv = (await client.query('open-stats', 'export', { regions: ['420102'], from: date, to: date, format: 'csv', revisions: 'all' })) as { result: unknown };
  const text = JSON.stringify(csv.result);
  assert.match(text, /420102/);
  assert.match(text, /new-confirmed/);
  const rev1 = await provenValue('open-stats', `rev/420102/${date}/000001`);
  assert.equal((rev1 as { metrics: Record<string, number> }).metrics['new-confirmed'], 5, 'the first revision is still there, unchanged');
  await seen('open-stats', 'figure-disputed');
  await bundleOk('figure', `420102/${date}`);
});

test('early warning: a governance rule, reports reaching the threshold raise the alert in the same block', async () => {
  const admins = ['wuhan-hc', 'hubei-cdc', 'hubei-charity', 'union-hospital', 'tongji-hospital', 'jinyintan-hospital', 'hanyang-masks'].map((o) => peer.key(`${o}-admin`));
  await send(admins[0]!, 'consortium', 'propose', { id: 'e2e-rules', action: { type: 'set-param', module: 'early-warning', name: 'rules', value: [{ id: 'e2e-flu', disease: 'J10', region: '420000', windowMs: 24 * 3_600_000, threshold: 2 }] } });
  for (const a of admins.slice(1)) await send(a, 'consortium', 'approve', { id: 'e2e-rules' });
  const clinic = peer.key('jianghan-clinics-clinic');
  const report = (n: number): Value => ({ disease: 'J10', symptoms: ['fever'], onsetDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), diagnosedAt: Date.now() - 60_000, region: '420103', patientHash: n.toString(16).padStart(64, '0') });
  await refused(peer.key('hubei-charity-charity'), 'early-warning', 'report', report(1), 'TX_UNAUTHORIZED');
  await send(clinic, 'early-warning', 'report', report(1));
  await send(clinic, 'early-warning', 'report', report(1)); // the same patient again: counts once
  const last = await send(clinic, 'early-warning', 'report', report(2));
  const raised = await seen('early-warning', 'alert-raised');
  assert.equal((raised as { height: number }).height, last.height, 'raised in the block of the threshold report');
  await send(peer.key('wuhan-hc-health-authority'), 'early-warning', 'acknowledge', { alertId: 'e2e-flu.1' });
  const alert = (await client.query('early-warning', 'alert', { id: 'e2e-flu.1' })) as { result: unknown };
  assert.match(JSON.stringify(alert.result), /acknowledged/);
  await bundleOk('alert', 'e2e-flu.1');
});
