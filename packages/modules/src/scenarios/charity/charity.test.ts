// The charity rules on a real executor chain (SCENARIOS.md §1): campaigns, donations, needs, allocations that name
// their donations, recipient confirmations, events — each rule accepted once and refused with its stable code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, type Value } from '@gongxin/core';
import { createScenarioChain, fixtureSigner, type ScenarioChain } from '@gongxin/testkit';
import { charityModule, CHARITY_ERRORS as E } from './index.js';
import { charityTestGenesis } from './test-chain.js';
import { readCharity } from './test-helpers.js';

type Block = ReturnType<ScenarioChain['run']>;
const hash = 'ab'.repeat(32);

function setup(): ScenarioChain {
  return createScenarioChain({ modules: [charityModule], genesisModules: charityTestGenesis((l) => fixtureSigner(l).publicKey) });
}
function ok(b: Block): string {
  const t = b.txs[0]!;
  assert.equal(t.receipt.ok, true, `${t.receipt.code}: ${t.receipt.message}`);
  return bytesToHex(t.id);
}
function code(b: Block): string {
  return b.txs[0]!.receipt.code;
}
/** A campaign 'c1' of charity-a accepting funds and masks, a funds donation, a mask donation, a masks need of hospital-a. */
function story(c: ScenarioChain): { funds: string; masks: string; charity: ReturnType<ScenarioChain['member']>; hospital: ReturnType<ScenarioChain['member']> } {
  const charity = c.member('charity-a');
  const hospital = c.member('hospital-a');
  ok(c.run(charity, 'charity', 'open-campaign', { id: 'c1', title: 'Masks for Wuhan', goal: 1_000_000, accepts: { funds: true, items: ['n95-mask', 'gown'] } }));
  const funds = ok(c.run(c.stranger('d1'), 'charity', 'donate', { campaign: 'c1', kind: 'funds', amount: 50_000 }));
  const masks = ok(c.run(c.stranger('d2'), 'charity', 'donate', { campaign: 'c1', kind: 'item', itemType: 'n95-mask', quantity: 100 }));
  ok(c.run(hospital, 'charity', 'post-need', { id: 'n1', kind: 'item', itemType: 'n95-mask', quantity: 150, urgency: 'critical' }));
  return { funds, masks, charity, hospital };
}

test('open-campaign: a charity opens it once; other roles cannot', () => {
  const c = setup();
  const b = c.run(c.member('charity-a'), 'charity', 'open-campaign', { id: 'c1', title: 'T', goal: 10, accepts: { funds: true, items: [] } });
  ok(b);
  assert.deepEqual(b.txs[0]!.receipt.events.map((e) => [e.type, e.attrs]), [['campaign-opened', { campaign: 'c1', charity: 'charity-a' }]]);
  const rec = readCharity(c)('campaign/c1') as { status: string; charity: string; openedAt: number; openedTx: string };
  assert.deepEqual([rec.status, rec.charity, rec.openedAt, rec.openedTx], ['open', 'charity-a', b.header.timestamp, bytesToHex(b.txs[0]!.id)]);
  assert.equal(code(c.run(c.member('charity-b'), 'charity', 'open-campaign', { id: 'c1', title: 'T', goal: 10, accepts: { funds: true, items: [] } })), E.CAMPAIGN_EXISTS);
  assert.equal(code(c.run(c.member('hospital-a'), 'charity', 'open-campaign', { id: 'c2', title: 'T', goal: 10, accepts: { funds: true, items: [] } })), 'TX_UNAUTHORIZED');
  assert.equal(code(c.run(c.stranger(), 'charity', 'open-campaign', { id: 'c2', title: 'T', goal: 10, accepts: { funds: true, items: [] } })), 'TX_UNAUTHORIZED');
});

test('donate: anyone gives what the campaign accepts while it is open; the receipt id is the tx id', () => {
  const c = setup();
  const { funds, masks } = story(c);
  const read = readCharity(c);
  const d = read(`donation/${funds}`) as { id: string; donor: string; asset: string; quantity: number; campaign: string };
  assert.deepEqual([d.id, d.donor, d.asset, d.quantity, d.campaign], [funds, bytesToHex(c.stranger('d1').publicKey), 'funds', 50_000, 'c1']);
  assert.equal((read(`donation/${masks}`) as { asset: string }).asset, 'item:n95-mask');
  assert.deepEqual(read('campaign-total/c1/funds'), { asset: 'funds', received: 50_000, allocated: 0, confirmed: 0, donations: 1 });
  const b = c.run(c.stranger('d3'), 'charity', 'donate', { campaign: 'c1', kind: 'item', itemType: 'gown', quantity: 7 });
  assert.deepEqual(b.txs[0]!.receipt.events.map((e) => e.type), ['donation-received']);
  assert.equal(b.txs[0]!.receipt.events[0]!.attrs['donation'], ok(b));
  assert.equal(code(c.run(c.stranger(), 'charity', 'donate', { campaign: 'c1', kind: 'item', itemType: 'ventilator', quantity: 1 })), E.NOT_ACCEPTED);
  assert.equal(code(c.run(c.stranger(), 'charity', 'donate', { campaign: 'nope', kind: 'funds', amount: 1 })), E.CAMPAIGN_NOT_FOUND);
  ok(c.run(c.member('charity-a'), 'charity', 'open-campaign', { id: 'c2', title: 'Items only', goal: 1, accepts: { funds: false, items: ['gown'] } }));
  assert.equal(code(c.run(c.stranger(), 'charity', 'donate', { campaign: 'c2', kind: 'funds', amount: 1 })), E.NOT_ACCEPTED);
  ok(c.run(c.member('hospital-a'), 'charity', 'donate', { campaign: 'c1', kind: 'funds', amount: 1 }));
});

test('close-campaign: only its charity, once; donations stop, allocation of what was received goes on', () => {
  const c = setup();
  const { masks, charity } = story(c);
  assert.equal(code(c.run(c.member('charity-b'), 'charity', 'close-campaign', { campaign: 'c1' })), E.NOT_CAMPAIGN_CHARITY);
  const b = c.run(charity, 'charity', 'close-campaign', { campaign: 'c1', reason: 'goal reached' });
  ok(b);
  assert.deepEqual(b.txs[0]!.receipt.events.map((e) => e.type), ['campaign-closed']);
  assert.equal(code(c.run(charity, 'charity', 'close-campaign', { campaign: 'c1' })), E.CAMPAIGN_CLOSED);
  assert.equal(code(c.run(c.stranger(), 'charity', 'donate', { campaign: 'c1', kind: 'funds', amount: 1 })), E.CAMPAIGN_CLOSED);
  ok(c.run(charity, 'charity', 'allocate', { campaign: 'c1', need: 'n1', draws: [{ donation: masks, quantity: 10 }] }));
});

test('allocate: per donation, per asset, per need; only the campaign charity; the need must be open', () => {
  const c = setup();
  const { funds, masks, charity } = story(c);
  const masks2 = ok(c.run(c.stranger('d4'), 'charity', 'donate', { campaign: 'c1', kind: 'item', itemType: 'n95-mask', quantity: 60 }));
  const alloc = (draws: Value, need = 'n1', by = charity): Block => c.run(by, 'charity', 'allocate', { campaign: 'c1', need, draws });
  assert.equal(code(alloc([{ donation: masks, quantity: 101 }])), E.OVER_ALLOCATION);
  assert.equal(code(alloc([{ donation: funds, quantity: 1 }])), E.ASSET_MISMATCH);
  assert.equal(code(alloc([{ donation: 'ee'.repeat(32), quantity: 1 }])), E.DONATION_NOT_FOUND);
  assert.equal(code(alloc([{ donation: masks, quantity: 1 }], 'n9')), E.NEED_NOT_FOUND);
  assert.equal(code(alloc([{ donation: masks, quantity: 1 }], 'n1', c.member('charity-b'))), E.NOT_CAMPAIGN_CHARITY);
  assert.equal(code(alloc([{ donation: masks, quantity: 1 }], 'n1', c.member('hospital-a'))), 'TX_UNAUTHORIZED');
  const b = alloc([{ donation: masks, quantity: 90 }, { donation: masks2, quantity: 50 }]);
  const a1 = ok(b);
  assert.deepEqual(b.txs[0]!.receipt.events.map((e) => [e.type, e.attrs['quantity'], e.attrs['hospital']]), [['allocated', 140, 'hospital-a']]);
  const read = readCharity(c);
  assert.deepEqual(read(`donation-state/${masks}`), { allocated: 90, allocations: 1 });
  assert.deepEqual(read(`alloc-by-donation/${masks2}/0000000000`), { allocation: a1, quantity: 50 });
  assert.deepEqual(read('campaign-total/c1/item:n95-mask'), { asset: 'item:n95-mask', received: 160, allocated: 140, confirmed: 0, donations: 2 });
  assert.equal(code(alloc([{ donation: masks, quantity: 11 }])), E.OVER_ALLOCATION);
  assert.equal(code(alloc([{ donation: masks, quantity: 10 }, { donation: masks2, quantity: 10 }])), E.NEED_EXCEEDED);
  ok(alloc([{ donation: masks, quantity: 10 }]));
  assert.deepEqual(read('need-state/n1'), { allocated: 150, confirmed: 0, status: 'allocated', closedAt: null });
  assert.equal(read('open-need/n1'), undefined);
  assert.equal(code(alloc([{ donation: masks2, quantity: 1 }])), E.NEED_NOT_OPEN);
  ok(c.run(c.member('charity-b'), 'charity', 'open-campaign', { id: 'cb', title: 'B', goal: 1, accepts: { funds: false, items: ['n95-mask'] } }));
  ok(c.run(c.member('hospital-b'), 'charity', 'post-need', { id: 'n2', kind: 'item', itemType: 'n95-mask', quantity: 5, urgency: 'low' }));
  const other = c.run(c.member('charity-b'), 'charity', 'allocate', { campaign: 'cb', need: 'n2', draws: [{ donation: masks2, quantity: 1 }] });
  assert.equal(code(other), E.DONATION_CAMPAIGN_MISMATCH);
});

test('post-need and close-need: a hospital posts under its own org; only it may close; closed needs take nothing', () => {
  const c = setup();
  const { masks, charity } = story(c);
  const read = readCharity(c);
  assert.deepEqual((read('need/n1') as { hospital: string }).hospital, 'hospital-a');
  assert.equal(read('open-need/n1'), 'hospital-a');
  assert.equal(code(c.run(c.member('hospital-b'), 'charity', 'post-need', { id: 'n1', kind: 'funds', amount: 5, urgency: 'low' })), E.NEED_EXISTS);
  assert.equal(code(c.run(charity, 'charity', 'post-need', { id: 'n2', kind: 'funds', amount: 5, urgency: 'low' })), 'TX_UNAUTHORIZED');
  assert.equal(code(c.run(c.member('hospital-b'), 'charity', 'close-need', { need: 'n1' })), E.NOT_NEED_HOSPITAL);
  assert.equal(code(c.run(c.member('hospital-b'), 'charity', 'close-need', { need: 'zz' })), E.NEED_NOT_FOUND);
  const b = c.run(c.member('hospital-a'), 'charity', 'close-need', { need: 'n1' });
  ok(b);
  assert.deepEqual(b.txs[0]!.receipt.events.map((e) => e.type), ['need-closed']);
  assert.equal(read('open-need/n1'), undefined);
  assert.equal(code(c.run(c.member('hospital-a'), 'charity', 'close-need', { need: 'n1' })), E.NEED_NOT_OPEN);
  assert.equal(code(c.run(charity, 'charity', 'allocate', { campaign: 'c1', need: 'n1', draws: [{ donation: masks, quantity: 1 }] })), E.NEED_NOT_OPEN);
});

test('confirm: only the named recipient, in parts, never beyond the allocation', () => {
  const c = setup();
  const { masks, charity, hospital } = story(c);
  const a = ok(c.run(charity, 'charity', 'allocate', { campaign: 'c1', need: 'n1', draws: [{ donation: masks, quantity: 100 }] }));
  const conf = (by: ReturnType<ScenarioChain['member']>, quantity: number, allocation = a): Block => c.run(by, 'charity', 'confirm', { allocation, quantity, proofHash: hash });
  assert.equal(code(conf(c.member('hospital-b'), 1)), E.NOT_RECIPIENT);
  assert.equal(code(conf(charity, 1)), 'TX_UNAUTHORIZED');
  assert.equal(code(conf(hospital, 1, 'cd'.repeat(32))), E.ALLOCATION_NOT_FOUND);
  assert.equal(code(conf(hospital, 101)), E.OVER_CONFIRMATION);
  const b = conf(hospital, 60);
  const c1 = ok(b);
  assert.deepEqual(b.txs[0]!.receipt.events.map((e) => [e.type, e.attrs['quantity'], e.attrs['proofHash']]), [['confirmed', 60, hash]]);
  assert.equal(code(conf(hospital, 41)), E.OVER_CONFIRMATION);
  ok(conf(hospital, 40));
  assert.equal(code(conf(hospital, 1)), E.OVER_CONFIRMATION, 'double confirmation beyond the allocation');
  const read = readCharity(c);
  assert.deepEqual(read(`allocation-state/${a}`), { confirmed: 100, confirmations: 2 });
  assert.deepEqual(read(`conf-by-alloc/${a}/0000000000`), { confirmation: c1, quantity: 60 });
  assert.deepEqual(read('hospital-total/hospital-a/item:n95-mask'), { asset: 'item:n95-mask', allocated: 100, confirmed: 100 });
  assert.deepEqual((read('campaign-total/c1/item:n95-mask') as { confirmed: number }).confirmed, 100);
  assert.deepEqual(read('need-state/n1'), { allocated: 100, confirmed: 100, status: 'open', closedAt: null });
  const rec = read(`confirmation/${c1}`) as { proofHash: string; by: string; at: number };
  assert.deepEqual([rec.proofHash, rec.by, rec.at], [hash, bytesToHex(hospital.publicKey), b.header.timestamp]);
});

test('a funds need is served by funds donations only, in fen', () => {
  const c = setup();
  const { funds, charity } = story(c);
  ok(c.run(c.member('hospital-b'), 'charity', 'post-need', { id: 'nf', kind: 'funds', amount: 30_000, urgency: 'high' }));
  const a = ok(c.run(charity, 'charity', 'allocate', { campaign: 'c1', need: 'nf', draws: [{ donation: funds, quantity: 30_000 }] }));
  ok(c.run(c.member('hospital-b'), 'charity', 'confirm', { allocation: a, quantity: 29_990, proofHash: hash, note: 'bank fee' }));
  assert.deepEqual(readCharity(c)('hospital-total/hospital-b/funds'), { asset: 'funds', allocated: 30_000, confirmed: 29_990 });
});
