// Properties over random publish / correct / dispute sequences (fast-check): every revision, dispute and flag
// ever written stays readable and byte-for-byte unchanged; a refused tx leaves the state root as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareBytes, decode, type Value } from '@gongxin/core';
import { createScenarioChain } from '@gongxin/testkit';
import fc from 'fast-check';
import { openStatsModule, STATS_KEYS } from './index.js';

const M = 'open-stats';
const REGIONS = ['420000', '420100', '420200', '420102'];
const DATES = ['2020-02-01', '2020-02-02'];
const ORGS = ['authority-a', 'authority-b'];
const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => compareBytes(a, b) === 0;
const WRITE_ONCE = ['rev/', 'dispute/', 'dby/', 'flag/'];

const metricsArb = fc.dictionary(fc.constantFrom('new-confirmed', 'tests', 'new-deaths'), fc.integer({ min: 0, max: 20 }), { minKeys: 1 });
const opArb = fc.record({
  kind: fc.constantFrom('publish', 'correct', 'correct-stale', 'dispute'),
  org: fc.constantFrom(...ORGS),
  region: fc.constantFrom(...REGIONS),
  date: fc.constantFrom(...DATES),
  metrics: metricsArb,
  revision: fc.integer({ min: 1, max: 4 }),
});

test('nothing is ever overwritten; refused txs change nothing', () => {
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 1, maxLength: 14 }), (ops) => {
      const c = createScenarioChain({ modules: [openStatsModule] });
      const seen = new Map<string, Uint8Array>();
      let revisions = 0;
      for (const op of ops) {
        const head = c.store.get(M, STATS_KEYS.figure(op.region, op.date));
        const h = head === undefined ? undefined : (decode(head) as { latestTxId: string; latest: number });
        let args: Value;
        if (op.kind === 'publish') args = { region: op.region, date: op.date, metrics: op.metrics };
        else if (op.kind === 'dispute') args = { region: op.region, date: op.date, revision: op.revision, reason: 'r' };
        else {
          const corrects = op.kind === 'correct-stale' || h === undefined ? 'e'.repeat(64) : h.latestTxId;
          args = { region: op.region, date: op.date, corrects, metrics: op.metrics, reason: 'r' };
        }
        const root = c.head().header.stateRoot;
        const b = c.run(c.member(op.org), M, op.kind === 'correct-stale' ? 'correct' : op.kind, args);
        const r = b.txs[0]!.receipt;
        if (!r.ok) assert.ok(bytesEqual(b.header.stateRoot, root), `refused ${op.kind} (${r.code}) changed the state root`);
        else if (op.kind !== 'dispute') revisions++;
        for (const prefix of WRITE_ONCE) {
          for (const [k, v] of c.store.scan(M, prefix, undefined, 100_000)) {
            const before = seen.get(k);
            if (before === undefined) seen.set(k, v);
            else assert.ok(bytesEqual(before, v), `${k} changed`);
          }
        }
        for (const [k, v] of seen) {
          const now = c.store.get(M, k);
          assert.ok(now !== undefined && bytesEqual(now, v), `${k} vanished or changed`);
        }
      }
      assert.equal(c.store.scan(M, 'rev/', undefined, 100_000).length, revisions, 'one revision record per accepted publish or correct');
    }),
    { numRuns: 40 },
  );
});
