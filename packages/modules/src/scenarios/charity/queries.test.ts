// Queries and offline-bundle keys over a committed story: the donation trace with tx/height/time per step, the
// balance sheet, open needs vs delivered, campaign listing, one allocation, a hospital's receipts, charityBundleKeys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, isGongxinError } from '@gongxin/core';
import { createScenarioChain, fixtureSigner, type ScenarioChain } from '@gongxin/testkit';
import { charityBundleKeys, charityModule } from './index.js';
import { charityTestGenesis } from './test-chain.js';
import { readCharity, runQuery } from './test-helpers.js';

type Block = ReturnType<ScenarioChain['run']>;
const hash = '12'.repeat(32);
const id = (b: Block): string => {
  assert.equal(b.txs[0]!.receipt.ok, true, b.txs[0]!.receipt.message);
  return bytesToHex(b.txs[0]!.id);
};

function story() {
  const c = createScenarioChain({ modules: [charityModule], genesisModules: charityTestGenesis((l) => fixtureSigner(l).publicKey) });
  const ch = c.member('charity-a');
  const open = c.run(ch, 'charity', 'open-campaign', { id: 'wuhan', title: 'Wuhan masks', goal: 9_000_000, accepts: { funds: true, items: ['n95-mask'] } });
  id(c.run(ch, 'charity', 'open-campaign', { id: 'aaa', title: 'Closed one', goal: 1, accepts: { funds: true, items: [] } }));
  id(c.run(ch, 'charity', 'close-campaign', { campaign: 'aaa' }));
  const donB = c.run(c.stranger('donor'), 'charity', 'donate', { campaign: 'wuhan', kind: 'item', itemType: 'n95-mask', quantity: 500, note: 'from a factory' });
  const other = id(c.run(c.stranger('other'), 'charity', 'donate', { campaign: 'wuhan', kind: 'item', itemType: 'n95-mask', quantity: 300 }));
  id(c.run(c.stranger('money'), 'charity', 'donate', { campaign: 'wuhan', kind: 'funds', amount: 20_000 }));
  id(c.run(c.member('hospital-a'), 'charity', 'post-need', { id: 'ha-masks', kind: 'item', itemType: 'n95-mask', quantity: 1000, urgency: 'critical' }));
  id(c.run(c.member('hospital-b'), 'charity', 'post-need', { id: 'hb-masks', kind: 'item', itemType: 'n95-mask', quantity: 200, urgency: 'high' }));
  id(c.run(c.member('hospital-b'), 'charity', 'post-need', { id: 'hb-funds', kind: 'funds', amount: 5000, urgency: 'low' }));
  const donation = id(donB);
  const a1b = c.run(ch, 'charity', 'allocate', { campaign: 'wuhan', need: 'ha-masks', draws: [{ donation, quantity: 300 }, { donation: other, quantity: 100 }] });
  const a2b = c.run(ch, 'charity', 'allocate', { campaign: 'wuhan', need: 'hb-masks', draws: [{ donation, quantity: 200 }] });
  const [a1, a2] = [id(a1b), id(a2b)];
  const conf1b = c.run(c.member('hospital-a'), 'charity', 'confirm', { allocation: a1, quantity: 400, proofHash: hash });
  const conf2b = c.run(c.member('hospital-b'), 'charity', 'confirm', { allocation: a2, quantity: 150, proofHash: hash });
  return { c, open, donB, donation, other, a1b, a2b, a1, a2, conf1b, conf2b };
}

const stepOf = (b: Block) => ({ tx: bytesToHex(b.txs[0]!.id), height: b.header.height, at: b.header.timestamp });

test('trace: donor → campaign → allocations (amount drawn) → confirmations, each step with tx, height and time', () => {
  const s = story();
  const t = runQuery(s.c, 'trace', { donation: s.donation }) as unknown as {
    donation: { donor: string; quantity: number; step: unknown }; campaign: { id: string; opened: unknown }; allocated: number; unallocated: number; closed: boolean;
    allocations: Array<{ drawn: number; allocation: { id: string; hospital: string; quantity: number; confirmed: number; closed: boolean; step: unknown; need: { id: string }; confirmations: Array<{ quantity: number; proofHash: string; step: unknown }> } }>;
  };
  assert.equal(t.donation.donor, bytesToHex(s.c.stranger('donor').publicKey));
  assert.deepEqual(t.donation.step, stepOf(s.donB));
  assert.deepEqual(t.campaign.opened, stepOf(s.open));
  assert.deepEqual([t.allocated, t.unallocated, t.closed], [500, 0, false]);
  assert.deepEqual(t.allocations.map((x) => [x.drawn, x.allocation.id, x.allocation.hospital, x.allocation.need.id, x.allocation.quantity, x.allocation.confirmed, x.allocation.closed]), [
    [300, s.a1, 'hospital-a', 'ha-masks', 400, 400, true],
    [200, s.a2, 'hospital-b', 'hb-masks', 200, 150, false],
  ]);
  assert.deepEqual(t.allocations[0]!.allocation.step, stepOf(s.a1b));
  assert.deepEqual(t.allocations[1]!.allocation.confirmations.map((x) => [x.quantity, x.proofHash, x.step]), [[150, hash, stepOf(s.conf2b)]]);
  id(s.c.run(s.c.member('hospital-b'), 'charity', 'confirm', { allocation: s.a2, quantity: 50, proofHash: hash }));
  assert.equal((runQuery(s.c, 'trace', { donation: s.donation }) as { closed: boolean }).closed, true, 'closed once every recipient confirmed');
  assert.equal(runQuery(s.c, 'trace', { donation: 'ff'.repeat(32) }), null);
  assert.throws(() => runQuery(s.c, 'trace', { donation: 'nope' }), (e) => isGongxinError(e, 'QUERY_INVALID_PARAMS'));
});

test('balance-sheet: received / allocated / confirmed per item type and funds', () => {
  const s = story();
  const b = runQuery(s.c, 'balance-sheet', { campaign: 'wuhan' }) as unknown as { campaign: { id: string; goal: number }; assets: Array<Record<string, unknown>> };
  assert.deepEqual([b.campaign.id, b.campaign.goal], ['wuhan', 9_000_000]);
  assert.deepEqual(b.assets, [
    { asset: 'funds', kind: 'funds', itemType: null, received: 20_000, allocated: 0, confirmed: 0, unallocated: 20_000, unconfirmed: 0, donations: 1 },
    { asset: 'item:n95-mask', kind: 'item', itemType: 'n95-mask', received: 800, allocated: 600, confirmed: 550, unallocated: 200, unconfirmed: 50, donations: 2 },
  ]);
  assert.equal(runQuery(s.c, 'balance-sheet', { campaign: 'zz' }), null);
});

test('needs: open needs vs delivered, per hospital, all', () => {
  const s = story();
  type N = { needs: Array<{ id: string; status: string; allocated: number; delivered: number; remaining: number }>; next: string | null };
  const open = runQuery(s.c, 'needs', {}) as unknown as N;
  assert.deepEqual(open.needs.map((n) => [n.id, n.status, n.allocated, n.delivered, n.remaining]), [['ha-masks', 'open', 400, 400, 600], ['hb-funds', 'open', 0, 0, 5000]]);
  const hb = runQuery(s.c, 'needs', { hospital: 'hospital-b', status: 'all' }) as unknown as N;
  assert.deepEqual(hb.needs.map((n) => [n.id, n.status, n.delivered]), [['hb-funds', 'open', 0], ['hb-masks', 'allocated', 150]]);
  const page = runQuery(s.c, 'needs', { status: 'all', limit: 2 }) as unknown as N;
  assert.deepEqual([page.needs.map((n) => n.id), page.next], [['ha-masks', 'hb-funds'], 'hb-funds']);
  const page2 = runQuery(s.c, 'needs', { status: 'all', limit: 2, after: 'hb-funds' }) as unknown as N;
  assert.deepEqual([page2.needs.map((n) => n.id), page2.next], [['hb-masks'], null]);
});

test('campaigns, allocation and hospital-received', () => {
  const s = story();
  type C = { campaigns: Array<{ id: string; status: string; totals: unknown[] }>; next: string | null };
  const all = runQuery(s.c, 'campaigns', {}) as unknown as C;
  assert.deepEqual(all.campaigns.map((x) => [x.id, x.status, x.totals.length]), [['aaa', 'closed', 0], ['wuhan', 'open', 2]]);
  assert.deepEqual((runQuery(s.c, 'campaigns', { status: 'open' }) as unknown as C).campaigns.map((x) => x.id), ['wuhan']);
  const p1 = runQuery(s.c, 'campaigns', { limit: 1 }) as unknown as C;
  assert.deepEqual([p1.campaigns.map((x) => x.id), p1.next], [['aaa'], 'aaa']);
  assert.deepEqual((runQuery(s.c, 'campaigns', { after: 'aaa' }) as unknown as C).campaigns.map((x) => x.id), ['wuhan']);
  const a = runQuery(s.c, 'allocation', { id: s.a1 }) as unknown as { draws: unknown[]; confirmed: number; confirmations: unknown[] };
  assert.deepEqual([a.draws, a.confirmed, a.confirmations.length], [[{ donation: s.donation, quantity: 300 }, { donation: s.other, quantity: 100 }], 400, 1]);
  assert.deepEqual(runQuery(s.c, 'hospital-received', { hospital: 'hospital-b' }), { hospital: 'hospital-b', assets: [{ asset: 'item:n95-mask', allocated: 200, confirmed: 150 }] });
});

test('charityBundleKeys: every key of the trail exists, and the tx ids are those of its steps', () => {
  const s = story();
  const read = readCharity(s.c);
  const r = charityBundleKeys('donation', s.donation, read);
  for (const k of r.keys) assert.notEqual(read(k), undefined, k);
  for (const k of [`donation/${s.donation}`, 'campaign/wuhan', `allocation/${s.a1}`, `allocation/${s.a2}`, 'need/ha-masks', `alloc-by-donation/${s.donation}/0000000001`]) assert.ok(r.keys.includes(k), k);
  assert.deepEqual(r.txIds, [s.donation, stepOf(s.open).tx, s.a1, stepOf(s.conf1b).tx, s.a2, stepOf(s.conf2b).tx]);
  const committed = new Set([...Array(s.c.head().header.height + 1).keys()].flatMap((h) => s.c.store.getBlockTxIds(h).map(bytesToHex)));
  for (const t of r.txIds) assert.ok(committed.has(t), `tx ${t} is committed`);
  assert.ok(!r.keys.includes(`donation/${s.other}`), 'other donations stay out');
  assert.deepEqual(charityBundleKeys('donation', 'ff'.repeat(32), read), { keys: [], txIds: [] });
});
