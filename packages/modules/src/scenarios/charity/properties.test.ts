// Property tests (STYLE.md §5, fast-check): random sequences of donations, needs, allocations and confirmations,
// checked against a small model (same accept/reject) and against conservation laws read back from committed state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, type SyncSigner, type Value } from '@gongxin/core';
import { createScenarioChain, fixtureSigner, type ScenarioChain } from '@gongxin/testkit';
import { charityModule } from './index.js';
import { charityTestGenesis } from './test-chain.js';
import { readCharity, scanAll } from './test-helpers.js';

const ASSETS = ['funds', 'item:mask', 'item:gown'] as const;
const CAMPAIGNS = [{ id: 'c1', org: 'charity-a', accepts: ['funds', 'item:mask'] }, { id: 'c2', org: 'charity-b', accepts: ['item:mask', 'item:gown'] }];
const HOSPITALS = ['hospital-a', 'hospital-b'];
const unknown = 'ee'.repeat(32);

const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('donate' as const), donor: fc.nat(3), campaign: fc.nat(1), asset: fc.nat(2), qty: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('need' as const), hospital: fc.nat(1), asset: fc.nat(2), qty: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('close-need' as const), hospital: fc.nat(1), need: fc.nat(20) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('allocate' as const), mode: fc.nat(9), campaign: fc.nat(1), need: fc.nat(20),
      draws: fc.array(fc.record({ donation: fc.nat(40), qty: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('confirm' as const), mode: fc.nat(9), alloc: fc.nat(40), qty: fc.integer({ min: 1, max: 40 }) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

interface Model {
  donations: Array<{ id: string; campaign: string; asset: string; qty: number; allocated: number }>;
  needs: Array<{ id: string; hospital: string; asset: string; qty: number; allocated: number; open: boolean }>;
  allocs: Array<{ id: string; hospital: string; qty: number; confirmed: number }>;
}

const at = <T>(xs: readonly T[], i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length]);
const item = (asset: string): string => asset.slice('item:'.length);

/** The tx for `op` and whether the model accepts it (applying it to the model when it does). */
function step(m: Model, op: Op, nextNeed: () => string): { command: string; args: Value; signer: string; ok: boolean; after?: (id: string) => void } {
  switch (op.t) {
    case 'donate': {
      const c = CAMPAIGNS[op.campaign]!;
      const asset = ASSETS[op.asset]!;
      const args = asset === 'funds' ? { campaign: c.id, kind: 'funds', amount: op.qty } : { campaign: c.id, kind: 'item', itemType: item(asset), quantity: op.qty };
      const ok = c.accepts.includes(asset);
      return { command: 'donate', args, signer: `stranger:${op.donor}`, ok, after: (id) => m.donations.push({ id, campaign: c.id, asset, qty: op.qty, allocated: 0 }) };
    }
    case 'need': {
      const asset = ASSETS[op.asset]!;
      const id = nextNeed();
      const hospital = HOSPITALS[op.hospital]!;
      m.needs.push({ id, hospital, asset, qty: op.qty, allocated: 0, open: true });
      const base = { id, urgency: 'normal' };
      const args = asset === 'funds' ? { ...base, kind: 'funds', amount: op.qty } : { ...base, kind: 'item', itemType: item(asset), quantity: op.qty };
      return { command: 'post-need', args, signer: `member:${hospital}`, ok: true };
    }
    case 'close-need': {
      const n = at(m.needs, op.need);
      const hospital = HOSPITALS[op.hospital]!;
      const ok = n !== undefined && n.open && n.hospital === hospital;
      if (ok) n.open = false;
      return { command: 'close-need', args: { need: n?.id ?? 'zz' }, signer: `member:${hospital}`, ok };
    }
    case 'allocate': {
      // mode 0: the other charity signs; 1: raw indices and quantities; 2-3: matching donations, raw quantities;
      // 4-9: matching donations, quantities clamped to what is left (mostly accepted).
      const n = op.mode <= 1 ? at(m.needs, op.need) : at(m.needs.filter((x) => x.open), op.need);
      const usable = n === undefined ? [] : m.donations.filter((d) => d.asset === n.asset && d.allocated < d.qty);
      const c = (op.mode >= 2 ? CAMPAIGNS.find((x) => x.id === at(usable, op.campaign)?.campaign) : undefined) ?? CAMPAIGNS[op.campaign]!;
      const by = op.mode === 0 ? CAMPAIGNS.find((x) => x !== c)!.org : c.org;
      const pool = op.mode <= 1 ? m.donations : usable.filter((d) => d.campaign === c.id);
      let picked = op.draws.map((d) => ({ d: at(pool, d.donation), qty: d.qty }));
      if (op.mode >= 2) picked = picked.filter((x, i) => picked.findIndex((y) => y.d === x.d) === i);
      let room = n === undefined ? 0 : n.qty - n.allocated;
      const draws = op.mode < 4 ? picked : picked.map((x) => {
        const q = Math.max(1, Math.min(x.qty, x.d === undefined ? x.qty : x.d.qty - x.d.allocated, room));
        room -= q;
        return { d: x.d, qty: q };
      });
      const ids = draws.map((x) => x.d?.id ?? unknown);
      const sum = draws.reduce((s, x) => s + x.qty, 0);
      const ok =
        by === c.org && n !== undefined && n.open && new Set(ids).size === ids.length &&
        draws.every((x) => x.d !== undefined && x.d.campaign === c.id && x.d.asset === n.asset && x.qty <= x.d.qty - x.d.allocated) && sum <= n.qty - n.allocated;
      if (ok) {
        for (const x of draws) x.d!.allocated += x.qty;
        n.allocated += sum;
        if (n.allocated === n.qty) n.open = false;
      }
      const args = { campaign: c.id, need: n?.id ?? 'zz', draws: draws.map((x, i) => ({ donation: ids[i]!, quantity: x.qty })) };
      return { command: 'allocate', args, signer: `member:${by}`, ok, after: (id) => m.allocs.push({ id, hospital: n!.hospital, qty: sum, confirmed: 0 }) };
    }
    case 'confirm': {
      // mode 0: the other hospital signs; 1-2: raw quantity; 3-9: quantity clamped to what is unconfirmed.
      const a = at(m.allocs, op.alloc);
      const hospital = a === undefined ? HOSPITALS[op.mode % 2]! : op.mode === 0 ? HOSPITALS.find((h) => h !== a.hospital)! : a.hospital;
      const qty = a !== undefined && op.mode >= 3 ? Math.max(1, Math.min(op.qty, a.qty - a.confirmed)) : op.qty;
      const ok = a !== undefined && a.hospital === hospital && qty <= a.qty - a.confirmed;
      if (ok) a.confirmed += qty;
      return { command: 'confirm', args: { allocation: a?.id ?? unknown, quantity: qty, proofHash: 'cd'.repeat(32) }, signer: `member:${hospital}`, ok };
    }
  }
}

type Rec = Record<string, number | string>;
const sumBy = (rows: ReadonlyArray<readonly [string, Value]>, pick: (v: Rec) => boolean, f = 'quantity'): number =>
  rows.reduce((s, [, v]) => (pick(v as Rec) ? s + ((v as Rec)[f] as number) : s), 0);

/** Conservation laws over the whole committed state of the module. */
function assertConserved(c: ScenarioChain, m: Model): void {
  const read = readCharity(c);
  const donations = scanAll(c, 'donation/');
  const allocs = scanAll(c, 'allocation/');
  const confs = scanAll(c, 'confirmation/');
  const allocRecs = allocs.map(([, v]) => v as unknown as { id: string; quantity: number; campaign: string; asset: string; hospital: string; need: string; draws: Array<{ donation: string; quantity: number }> });
  for (const [, v] of donations) {
    const d = v as Rec;
    const st = read(`donation-state/${d['id']}`) as Rec;
    const entries = scanAll(c, `alloc-by-donation/${d['id']}/`);
    assert.ok((st['allocated'] as number) <= (d['quantity'] as number), 'allocated ≤ received per donation');
    assert.equal(st['allocated'], sumBy(entries, () => true));
    assert.equal(st['allocations'], entries.length);
    assert.equal(st['allocated'], m.donations.find((x) => x.id === d['id'])!.allocated, 'model agrees per donation');
  }
  for (const a of allocRecs) {
    assert.equal(a.quantity, a.draws.reduce((s, x) => s + x.quantity, 0));
    const st = read(`allocation-state/${a.id}`) as Rec;
    assert.ok((st['confirmed'] as number) <= a.quantity, 'confirmed ≤ allocated per allocation');
    assert.equal(st['confirmed'], sumBy(confs, (x) => x['allocation'] === a.id));
  }
  for (const [k, v] of scanAll(c, 'campaign-total/')) {
    const [, campaign, asset] = k.split('/') as [string, string, string];
    const t = v as Rec;
    const mine = allocRecs.filter((a) => a.campaign === campaign && a.asset === asset);
    assert.equal(t['received'], sumBy(donations, (d) => d['campaign'] === campaign && d['asset'] === asset), 'received = Σ donations');
    assert.equal(t['donations'], donations.filter(([, d]) => (d as Rec)['campaign'] === campaign && (d as Rec)['asset'] === asset).length);
    assert.equal(t['allocated'], mine.reduce((s, a) => s + a.quantity, 0), 'allocated = Σ allocations');
    assert.equal(t['confirmed'], sumBy(confs, (x) => mine.some((a) => a.id === x['allocation'])), 'confirmed = Σ confirmations');
    assert.ok((t['allocated'] as number) <= (t['received'] as number) && (t['confirmed'] as number) <= (t['allocated'] as number), 'per item type');
  }
  for (const [k, v] of scanAll(c, 'hospital-total/')) {
    const [, hospital, asset] = k.split('/') as [string, string, string];
    const mine = allocRecs.filter((a) => a.hospital === hospital && a.asset === asset);
    assert.equal((v as Rec)['allocated'], mine.reduce((s, a) => s + a.quantity, 0));
    assert.equal((v as Rec)['confirmed'], sumBy(confs, (x) => mine.some((a) => a.id === x['allocation'])));
  }
  for (const [, v] of scanAll(c, 'need/')) {
    const n = v as Rec;
    const st = read(`need-state/${n['id']}`) as Rec;
    const mine = allocRecs.filter((a) => a.need === n['id']);
    assert.equal(st['allocated'], mine.reduce((s, a) => s + a.quantity, 0));
    assert.ok((st['allocated'] as number) <= (n['quantity'] as number), 'allocated ≤ need');
    assert.equal(st['confirmed'], sumBy(confs, (x) => x['need'] === n['id']));
    assert.equal(st['status'] === 'open', read(`open-need/${n['id']}`) !== undefined);
  }
}

test('property: model agreement and conservation over random sequences; rejected blocks leave the root unchanged', () => {
  const signers = new Map<string, SyncSigner>();
  const sign = (label: string): SyncSigner => signers.get(label) ?? (signers.set(label, fixtureSigner(label)), fixtureSigner(label));
  const genesisModules = charityTestGenesis((l) => sign(l).publicKey);
  const accepted = new Map<string, number>();
  fc.assert(
    fc.property(fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 5, maxLength: 30, size: 'max' }), (blocks) => {
      const c = createScenarioChain({ modules: [charityModule], genesisModules });
      for (const camp of CAMPAIGNS) {
        const items = camp.accepts.filter((a) => a !== 'funds').map(item);
        const b = c.run(sign(`member:${camp.org}`), 'charity', 'open-campaign', { id: camp.id, title: camp.id, goal: 1000, accepts: { funds: camp.accepts.includes('funds'), items } });
        assert.equal(b.txs[0]!.receipt.ok, true);
      }
      const m: Model = { donations: [], needs: [], allocs: [] };
      let needNo = 0;
      for (const ops of blocks) {
        const steps = ops.map((op) => step(m, op, () => `n${needNo++}`));
        const before = c.head().header.stateRoot;
        const b = c.block(steps.map((s) => c.tx({ module: 'charity', command: s.command, args: s.args, signer: sign(s.signer) })));
        b.txs.forEach((t, i) => {
          const s = steps[i]!;
          assert.equal(t.receipt.ok, s.ok, `${s.command} ${JSON.stringify(s.args)}: ${t.receipt.code} ${t.receipt.message}`);
          if (t.receipt.ok) s.after?.(bytesToHex(t.id));
          if (t.receipt.ok) accepted.set(s.command, (accepted.get(s.command) ?? 0) + 1);
        });
        if (steps.every((s) => !s.ok)) assert.deepEqual(b.header.stateRoot, before, 'rejections change nothing');
      }
      assertConserved(c, m);
    }),
    { numRuns: 100, seed: 20200123 },
  );
  // The sequences must exercise the interesting paths, not only rejections.
  console.log(Object.fromEntries(accepted));
  for (const cmd of ['donate', 'post-need', 'allocate', 'confirm']) assert.ok((accepted.get(cmd) ?? 0) >= 50, `${cmd} accepted ${accepted.get(cmd) ?? 0} times`);
});
