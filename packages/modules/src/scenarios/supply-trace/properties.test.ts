// Properties over random split / transfer / recall sequences (fast-check): the sum over all holders of a batch and
// every lot split from it stays the registered quantity, and each holding matches a reference model of the rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from '@gongxin/core';
import { createScenarioChain } from '@gongxin/testkit';
import fc from 'fast-check';
import { supplyTraceModule } from './index.js';
import { batchArgs, GTIN, M, ssccOf } from './test-support.js';

const BATCH = `${GTIN}-L2026A`;
const TOTAL = 1000;
const ORGS = ['maker-a', 'logistics-a', 'hospital-a', 'hospital-b'];
const CODES = [BATCH, ...[1, 2, 3, 4, 5].map(ssccOf)];

const opArb = fc.record({
  kind: fc.constantFrom('transfer', 'transfer', 'split', 'recall'),
  org: fc.constantFrom(...ORGS),
  to: fc.constantFrom(...ORGS),
  code: fc.constantFrom(...CODES),
  sscc: fc.constantFrom(...CODES.slice(1)),
  quantity: fc.integer({ min: 1, max: 700 }),
});
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

/** The rules, restated: holdings per code and org, each unit's parent, recalled codes. */
class Model {
  hold = new Map<string, number>([[`${BATCH}|maker-a`, TOTAL]]);
  parent = new Map<string, string>();
  recalled = new Set<string>();
  get = (code: string, org: string): number => this.hold.get(`${code}|${org}`) ?? 0;
  add(code: string, org: string, d: number): void {
    const n = this.get(code, org) + d;
    if (n === 0) this.hold.delete(`${code}|${org}`);
    else this.hold.set(`${code}|${org}`, n);
  }
  exists = (code: string): boolean => code === BATCH || this.parent.has(code);
  blocked(code: string): boolean {
    for (let c: string | undefined = code; c !== undefined; c = this.parent.get(c)) if (this.recalled.has(c)) return true;
    return false;
  }
  /** Applies `op` if the rules allow it; returns whether they do. */
  apply(op: Op): boolean {
    if (!this.exists(op.code)) return false;
    if (op.kind === 'recall') {
      if (this.blocked(op.code)) return false;
      this.recalled.add(op.code);
      return true;
    }
    if (this.blocked(op.code) || this.get(op.code, op.org) < op.quantity) return false;
    if (op.kind === 'transfer') {
      if (op.to === op.org) return false;
      this.add(op.code, op.org, -op.quantity);
      this.add(op.code, op.to, op.quantity);
      return true;
    }
    if (this.exists(op.sscc)) return false;
    this.parent.set(op.sscc, op.code);
    this.add(op.code, op.org, -op.quantity);
    this.add(op.sscc, op.org, op.quantity);
    return true;
  }
}

test('splits and transfers conserve quantities; every holding matches the model', () => {
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
      const c = createScenarioChain({ modules: [supplyTraceModule] });
      assert.equal(c.run(c.member('maker-a'), M, 'register-batch', batchArgs({ quantity: TOTAL })).txs[0]!.receipt.code, '');
      const model = new Model();
      const txs = ops.map((op) => {
        if (op.kind === 'recall') return c.tx({ module: M, command: 'recall', args: { code: op.code, reason: 'random' }, signer: c.member('authority-a') });
        const args = op.kind === 'transfer' ? { code: op.code, to: op.to, quantity: op.quantity } : { code: op.code, sscc: op.sscc, quantity: op.quantity };
        return c.tx({ module: M, command: op.kind, args, signer: c.member(op.org) });
      });
      const b = c.block(txs);
      ops.forEach((op, i) => assert.equal(b.txs[i]!.receipt.ok, model.apply(op), `op ${i} ${JSON.stringify(op)}: ${b.txs[i]!.receipt.code}`));
      const held = c.store.scan(M, 'hold/', undefined, 1000).map(([k, v]) => [k.slice(5).replace(/\/(?=[^/]*$)/, '|'), decode(v) as number] as const);
      assert.equal(held.reduce((s, [, q]) => s + q, 0), TOTAL);
      assert.deepEqual(new Map(held), model.hold);
      const byOrg = c.store.scan(M, 'org-hold/', undefined, 1000).length;
      assert.equal(byOrg, held.length);
    }),
    { numRuns: 60 },
  );
});
