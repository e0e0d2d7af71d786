// Test helpers for the early-warning tests (a scenario chain, rules set through real governance, query context),
// plus the test that governance is what puts rules in force.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, type QueryContext, type Value } from '@gongxin/core';
import { createScenarioChain, SCENARIO_ORGS, type ScenarioChain } from '@gongxin/testkit';
import { earlyWarningModule } from './index.js';

/** Genesis time of the test chain: 2025-11-24T16:00:00Z, the start of an hour bucket. */
export const T0 = 1_764_000_000_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function newChain(): ScenarioChain {
  return createScenarioChain({ modules: [earlyWarningModule], timestamp: T0 });
}

/** Sets the rules parameter through governance: authority-a proposes, five more org admins approve (6 of 11). */
export function setRules(c: ScenarioChain, rules: Value, id = 'rules'): void {
  const action = { type: 'set-param', module: 'early-warning', name: 'rules', value: rules };
  const p = c.run(c.admin('authority-a'), 'consortium', 'propose', { id, action });
  assert.equal(p.txs[0]!.receipt.code, '', 'propose');
  const voters = Object.keys(SCENARIO_ORGS).filter((o) => o !== 'authority-a').slice(0, 5);
  for (const org of voters) assert.equal(c.run(c.admin(org), 'consortium', 'approve', { id }).txs[0]!.receipt.code, '', `approve by ${org}`);
}

let seq = 0;
/** A fresh 64-hex patient hash (or the one for `n`). */
export function patient(n?: number): string {
  return (n ?? ++seq + 1_000_000).toString(16).padStart(64, '0');
}

/** Report args with defaults: COVID-19 in Wuhan Wuchang (420106), diagnosed at `at`. */
export function reportArgs(at: number, over: Record<string, Value> = {}): Value {
  return { disease: 'U07.1', symptoms: ['fever', 'cough'], onsetDate: '2025-11-20', diagnosedAt: at, region: '420106', patientHash: patient(), ...over };
}

/** A query context over the committed state of the chain. */
export function queryCtx(c: ScenarioChain): QueryContext {
  const read = (m: string, k: string): Value | undefined => {
    const v = c.store.get(m, k);
    return v === undefined ? undefined : decode(v);
  };
  return {
    height: c.head().header.height,
    get: (k) => read('early-warning', k),
    read,
    scan: (prefix, o) => c.store.scan('early-warning', prefix, o?.after, o?.limit ?? 1000).map(([k, v]) => [k, decode(v)] as const),
  };
}

/** Runs a query by name. */
export function query(c: ScenarioChain, name: string, params: Value): unknown {
  const q = earlyWarningModule.queries[name]!;
  return q.run(queryCtx(c), q.parse(params as never) as never);
}

test('rules are in force only once governance has approved them', () => {
  const c = newChain();
  const rule = { id: 'wuhan-covid', disease: 'U07.1', region: '420100', windowMs: DAY, threshold: 3 };
  const action = { type: 'set-param', module: 'early-warning', name: 'rules', value: [rule] };
  c.run(c.admin('authority-a'), 'consortium', 'propose', { id: 'half', action });
  for (const org of ['authority-b', 'clinic-a', 'clinic-b', 'hospital-a']) c.run(c.admin(org), 'consortium', 'approve', { id: 'half' });
  assert.deepEqual((query(c, 'rules', {}) as { active: unknown[] }).active, [], '5 of 11 approvals are not a majority');
  c.run(c.admin('hospital-b'), 'consortium', 'approve', { id: 'half' });
  assert.deepEqual((query(c, 'rules', null) as { active: unknown[] }).active, [rule]);
  setRules(c, [], 'clear');
  assert.deepEqual((query(c, 'rules', {}) as { active: unknown[] }).active, []);
});
