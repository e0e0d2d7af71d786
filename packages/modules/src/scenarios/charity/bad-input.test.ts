// Bad input, table-driven: every malformed, unauthorised or impossible call is refused with its stable code and the
// state root does not move. Floats cannot even be encoded in a tx, so they are checked at `parse`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, isGongxinError, type SyncSigner, type Value } from '@gongxin/core';
import { createScenarioChain, fixtureSigner, type ScenarioChain } from '@gongxin/testkit';
import { charityModule, CHARITY_ERRORS as E } from './index.js';
import { charityTestGenesis } from './test-chain.js';

const INVALID = 'TX_INVALID_ARGS';
const hash = 'ab'.repeat(32);
const unknown = 'ee'.repeat(32);

function setup(): { c: ScenarioChain; ids: { funds: string; masks: string; alloc: string; gownNeedAlloc: string } } {
  const c = createScenarioChain({ modules: [charityModule], genesisModules: charityTestGenesis((l) => fixtureSigner(l).publicKey) });
  const id = (b: ReturnType<ScenarioChain['run']>): string => {
    assert.equal(b.txs[0]!.receipt.ok, true, b.txs[0]!.receipt.message);
    return bytesToHex(b.txs[0]!.id);
  };
  const ch = c.member('charity-a');
  id(c.run(ch, 'charity', 'open-campaign', { id: 'c1', title: 'T', goal: 100, accepts: { funds: true, items: ['n95-mask', 'gown'] } }));
  id(c.run(ch, 'charity', 'open-campaign', { id: 'closed', title: 'T', goal: 100, accepts: { funds: true, items: [] } }));
  id(c.run(ch, 'charity', 'close-campaign', { campaign: 'closed' }));
  const funds = id(c.run(c.stranger('a'), 'charity', 'donate', { campaign: 'c1', kind: 'funds', amount: 1000 }));
  const masks = id(c.run(c.stranger('b'), 'charity', 'donate', { campaign: 'c1', kind: 'item', itemType: 'n95-mask', quantity: 10 }));
  const gowns = id(c.run(c.stranger('b'), 'charity', 'donate', { campaign: 'c1', kind: 'item', itemType: 'gown', quantity: 4 }));
  id(c.run(c.member('hospital-a'), 'charity', 'post-need', { id: 'n1', kind: 'item', itemType: 'n95-mask', quantity: 100, urgency: 'high' }));
  id(c.run(c.member('hospital-a'), 'charity', 'post-need', { id: 'ng', kind: 'item', itemType: 'gown', quantity: 4, urgency: 'high' }));
  id(c.run(c.member('hospital-a'), 'charity', 'post-need', { id: 'nc', kind: 'funds', amount: 5, urgency: 'low' }));
  id(c.run(c.member('hospital-a'), 'charity', 'close-need', { need: 'nc' }));
  const alloc = id(c.run(ch, 'charity', 'allocate', { campaign: 'c1', need: 'n1', draws: [{ donation: masks, quantity: 6 }] }));
  const gownNeedAlloc = id(c.run(ch, 'charity', 'allocate', { campaign: 'c1', need: 'ng', draws: [{ donation: gowns, quantity: 4 }] }));
  id(c.run(c.member('hospital-a'), 'charity', 'confirm', { allocation: gownNeedAlloc, quantity: 4, proofHash: hash }));
  return { c, ids: { funds, masks, alloc, gownNeedAlloc } };
}

type Row = readonly [name: string, who: string, command: string, args: (ids: ReturnType<typeof setup>['ids']) => Value, code: string];
const campaign = { id: 'c2', title: 'T', goal: 1, accepts: { funds: true, items: [] } };
const don = { campaign: 'c1', kind: 'funds', amount: 1 };
const need = { id: 'n2', kind: 'item', itemType: 'gown', quantity: 1, urgency: 'low' };
const huge = 2n ** 60n;
const without = (o: Record<string, Value>, k: string): Value => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k));

const rows: Row[] = [
  ['open: missing title', 'charity-a', 'open-campaign', () => without(campaign, 'title'), INVALID],
  ['open: empty accepts', 'charity-a', 'open-campaign', () => ({ ...campaign, accepts: { funds: false, items: [] } }), INVALID],
  ['open: duplicate item type', 'charity-a', 'open-campaign', () => ({ ...campaign, accepts: { funds: false, items: ['gown', 'gown'] } }), INVALID],
  ['open: item type "funds"', 'charity-a', 'open-campaign', () => ({ ...campaign, accepts: { funds: false, items: ['funds'] } }), INVALID],
  ['open: bad id', 'charity-a', 'open-campaign', () => ({ ...campaign, id: 'Bad Id' }), INVALID],
  ['open: goal as string', 'charity-a', 'open-campaign', () => ({ ...campaign, goal: '100' }), INVALID],
  ['open: negative goal', 'charity-a', 'open-campaign', () => ({ ...campaign, goal: -1 }), INVALID],
  ['open: unknown field', 'charity-a', 'open-campaign', () => ({ ...campaign, owner: 'x' }), INVALID],
  ['open: args not a map', 'charity-a', 'open-campaign', () => 'c2', INVALID],
  ['open: existing id', 'charity-a', 'open-campaign', () => ({ ...campaign, id: 'c1' }), E.CAMPAIGN_EXISTS],
  ['open: wrong role', 'hospital-a', 'open-campaign', () => campaign, 'TX_UNAUTHORIZED'],
  ['open: admin without the role', 'admin:charity-a', 'open-campaign', () => campaign, 'TX_UNAUTHORIZED'],
  ['donate: missing kind', 'stranger', 'donate', () => ({ campaign: 'c1', amount: 1 }), INVALID],
  ['donate: funds without amount', 'stranger', 'donate', () => ({ campaign: 'c1', kind: 'funds' }), INVALID],
  ['donate: funds with quantity', 'stranger', 'donate', () => ({ campaign: 'c1', kind: 'funds', quantity: 1 }), INVALID],
  ['donate: zero', 'stranger', 'donate', () => ({ ...don, amount: 0 }), INVALID],
  ['donate: negative', 'stranger', 'donate', () => ({ ...don, amount: -5 }), INVALID],
  ['donate: huge (bigint)', 'stranger', 'donate', () => ({ ...don, amount: huge }), INVALID],
  ['donate: beyond the maximum', 'stranger', 'donate', () => ({ ...don, amount: 1_000_000_000_001 }), INVALID],
  ['donate: amount as string', 'stranger', 'donate', () => ({ ...don, amount: '1' }), INVALID],
  ['donate: unknown campaign', 'stranger', 'donate', () => ({ ...don, campaign: 'zz' }), E.CAMPAIGN_NOT_FOUND],
  ['donate: closed campaign', 'stranger', 'donate', () => ({ ...don, campaign: 'closed' }), E.CAMPAIGN_CLOSED],
  ['donate: item not accepted', 'stranger', 'donate', () => ({ campaign: 'c1', kind: 'item', itemType: 'goggles', quantity: 1 }), E.NOT_ACCEPTED],
  ['need: missing urgency', 'hospital-a', 'post-need', () => without(need, 'urgency'), INVALID],
  ['need: unknown urgency', 'hospital-a', 'post-need', () => ({ ...need, urgency: 'meh' }), INVALID],
  ['need: huge quantity', 'hospital-a', 'post-need', () => ({ ...need, quantity: Number.MAX_SAFE_INTEGER }), INVALID],
  ['need: existing id', 'hospital-b', 'post-need', () => ({ ...need, id: 'n1' }), E.NEED_EXISTS],
  ['need: wrong role', 'charity-a', 'post-need', () => need, 'TX_UNAUTHORIZED'],
  ['need: public', 'stranger', 'post-need', () => need, 'TX_UNAUTHORIZED'],
  ['close-need: not its hospital', 'hospital-b', 'close-need', () => ({ need: 'n1' }), E.NOT_NEED_HOSPITAL],
  ['close-need: already closed', 'hospital-a', 'close-need', () => ({ need: 'nc' }), E.NEED_NOT_OPEN],
  ['allocate: no draws', 'charity-a', 'allocate', () => ({ campaign: 'c1', need: 'n1', draws: [] }), INVALID],
  ['allocate: same donation twice', 'charity-a', 'allocate', (i) => ({ campaign: 'c1', need: 'n1', draws: [{ donation: i.masks, quantity: 1 }, { donation: i.masks, quantity: 1 }] }), INVALID],
  ['allocate: bad donation id', 'charity-a', 'allocate', () => ({ campaign: 'c1', need: 'n1', draws: [{ donation: 'xyz', quantity: 1 }] }), INVALID],
  ['allocate: negative quantity', 'charity-a', 'allocate', (i) => ({ campaign: 'c1', need: 'n1', draws: [{ donation: i.masks, quantity: -1 }] }), INVALID],
  ['allocate: beyond balance', 'charity-a', 'allocate', (i) => ({ campaign: 'c1', need: 'n1', draws: [{ donation: i.masks, quantity: 5 }] }), E.OVER_ALLOCATION],
  ['allocate: unknown donation', 'charity-a', 'allocate', () => ({ campaign: 'c1', need: 'n1', draws: [{ donation: unknown, quantity: 1 }] }), E.DONATION_NOT_FOUND],
  ['allocate: unknown campaign', 'charity-a', 'allocate', (i) => ({ campaign: 'zz', need: 'n1', draws: [{ donation: i.masks, quantity: 1 }] }), E.CAMPAIGN_NOT_FOUND],
  ['allocate: unknown need', 'charity-a', 'allocate', (i) => ({ campaign: 'c1', need: 'zz', draws: [{ donation: i.masks, quantity: 1 }] }), E.NEED_NOT_FOUND],
  ['allocate: closed need', 'charity-a', 'allocate', (i) => ({ campaign: 'c1', need: 'nc', draws: [{ donation: i.funds, quantity: 1 }] }), E.NEED_NOT_OPEN],
  ['allocate: fully allocated need', 'charity-a', 'allocate', (i) => ({ campaign: 'c1', need: 'ng', draws: [{ donation: i.masks, quantity: 1 }] }), E.NEED_NOT_OPEN],
  ['allocate: wrong asset', 'charity-a', 'allocate', (i) => ({ campaign: 'c1', need: 'n1', draws: [{ donation: i.funds, quantity: 1 }] }), E.ASSET_MISMATCH],
  ['allocate: other charity', 'charity-b', 'allocate', (i) => ({ campaign: 'c1', need: 'n1', draws: [{ donation: i.masks, quantity: 1 }] }), E.NOT_CAMPAIGN_CHARITY],
  ['allocate: wrong role', 'hospital-a', 'allocate', (i) => ({ campaign: 'c1', need: 'n1', draws: [{ donation: i.masks, quantity: 1 }] }), 'TX_UNAUTHORIZED'],
  ['confirm: missing proof', 'hospital-a', 'confirm', (i) => ({ allocation: i.alloc, quantity: 1 }), INVALID],
  ['confirm: bad proof hash', 'hospital-a', 'confirm', (i) => ({ allocation: i.alloc, quantity: 1, proofHash: 'AB'.repeat(32) }), INVALID],
  ['confirm: zero', 'hospital-a', 'confirm', (i) => ({ allocation: i.alloc, quantity: 0, proofHash: hash }), INVALID],
  ['confirm: unknown allocation', 'hospital-a', 'confirm', () => ({ allocation: unknown, quantity: 1, proofHash: hash }), E.ALLOCATION_NOT_FOUND],
  ['confirm: non-recipient', 'hospital-b', 'confirm', (i) => ({ allocation: i.alloc, quantity: 1, proofHash: hash }), E.NOT_RECIPIENT],
  ['confirm: beyond allocation', 'hospital-a', 'confirm', (i) => ({ allocation: i.alloc, quantity: 7, proofHash: hash }), E.OVER_CONFIRMATION],
  ['confirm: double confirmation', 'hospital-a', 'confirm', (i) => ({ allocation: i.gownNeedAlloc, quantity: 1, proofHash: hash }), E.OVER_CONFIRMATION],
  ['confirm: wrong role', 'charity-a', 'confirm', (i) => ({ allocation: i.alloc, quantity: 1, proofHash: hash }), 'TX_UNAUTHORIZED'],
  ['close-campaign: closed', 'charity-a', 'close-campaign', () => ({ campaign: 'closed' }), E.CAMPAIGN_CLOSED],
  ['close-campaign: unknown', 'charity-a', 'close-campaign', () => ({ campaign: 'zz' }), E.CAMPAIGN_NOT_FOUND],
  ['close-campaign: other charity', 'charity-b', 'close-campaign', () => ({ campaign: 'c1' }), E.NOT_CAMPAIGN_CHARITY],
];

function signer(c: ScenarioChain, who: string): SyncSigner {
  if (who === 'stranger') return c.stranger();
  if (who.startsWith('admin:')) return c.admin(who.slice('admin:'.length));
  return c.member(who);
}

test('bad input: each row is refused with its code and the state root is unchanged', () => {
  const { c, ids } = setup();
  for (const [name, who, command, args, expected] of rows) {
    const before = c.head().header.stateRoot;
    const b = c.run(signer(c, who), 'charity', command, args(ids));
    assert.equal(b.txs[0]!.receipt.code, expected, `${name}: ${b.txs[0]!.receipt.message}`);
    assert.deepEqual(b.header.stateRoot, before, `${name}: state changed`);
  }
});

test('bad input: the same rows all in one block change nothing either', () => {
  const { c, ids } = setup();
  const before = c.head().header.stateRoot;
  const b = c.block(rows.map(([, who, command, args]) => c.tx({ module: 'charity', command, args: args(ids), signer: signer(c, who) })));
  assert.deepEqual(b.txs.map((t) => t.receipt.code), rows.map((r) => r[4]));
  assert.deepEqual(b.header.stateRoot, before);
});

test('floats are refused at parse with TX_INVALID_ARGS (the tx encoding cannot even carry them)', () => {
  const cases: Array<[string, Value]> = [
    ['donate', { ...don, amount: 1.5 }],
    ['open-campaign', { ...campaign, goal: 0.5 }],
    ['post-need', { ...need, quantity: 2.25 }],
    ['allocate', { campaign: 'c1', need: 'n1', draws: [{ donation: unknown, quantity: 1.1 }] }],
    ['confirm', { allocation: unknown, quantity: 3.5, proofHash: hash }],
  ];
  for (const [command, args] of cases) {
    const cmd = charityModule.commands[command]!;
    assert.throws(() => (cmd.parse as (v: Value) => unknown)(args), (e) => isGongxinError(e, INVALID), command);
  }
});
