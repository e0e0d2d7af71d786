// The open-stats bad-input table: every refused call has a stable code and leaves the state root unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, isGongxinError, type Value } from '@gongxin/core';
import { createScenarioChain } from '@gongxin/testkit';
import { openStatsModule } from './index.js';

const M = 'open-stats';
const d = '2020-02-01';
const ok = { region: '420000', date: d, metrics: { 'new-confirmed': 1 } };

test('bad input: stable codes, nothing written', () => {
  const c = createScenarioChain({ modules: [openStatsModule] });
  const first = c.run(c.member('authority-a'), M, 'publish', ok as Value);
  assert.equal(first.txs[0]!.receipt.ok, true);
  const rev1 = bytesToHex(first.txs[0]!.id);
  const fix = (over: Record<string, unknown>) => ({ region: '420000', date: d, corrects: rev1, metrics: { 'new-confirmed': 2 }, reason: 'r', ...over }) as Value;
  const dis = (over: Record<string, unknown>) => ({ region: '420000', date: d, revision: 1, reason: 'r', ...over }) as Value;
  const pubWith = (over: Record<string, unknown>) => ({ ...ok, ...over }) as Value;
  const A = 'authority-a';
  const B = 'authority-b';
  const table: Array<[string, string, string, Value, string]> = [
    ['missing region', A, 'publish', { date: d, metrics: { tests: 1 } }, 'TX_INVALID_ARGS'],
    ['missing metrics', A, 'publish', { region: '420100', date: d }, 'TX_INVALID_ARGS'],
    ['args not a map', A, 'publish', 'nope', 'TX_INVALID_ARGS'],
    ['extra field', A, 'publish', pubWith({ region: '420100', extra: 1 }), 'TX_INVALID_ARGS'],
    ['region a number', A, 'publish', pubWith({ region: 420100 }), 'TX_INVALID_ARGS'],
    ['metric as text', A, 'publish', pubWith({ region: '420100', metrics: { tests: '5' } }), 'TX_INVALID_ARGS'],
    ['unknown metric', A, 'publish', pubWith({ region: '420100', metrics: { cured: 5 } }), 'TX_INVALID_ARGS'],
    ['negative value', A, 'publish', pubWith({ region: '420100', metrics: { tests: -1 } }), 'TX_INVALID_ARGS'],
    ['huge value', A, 'publish', pubWith({ region: '420100', metrics: { tests: 2_000_000_001 } }), 'TX_INVALID_ARGS'],
    ['bigint value', A, 'publish', pubWith({ region: '420100', metrics: { tests: 1n << 62n } }), 'TX_INVALID_ARGS'],
    ['no metric', A, 'publish', pubWith({ region: '420100', metrics: {} }), 'STATS_NO_METRICS'],
    ['region 5 digits', A, 'publish', pubWith({ region: '42000' }), 'STATS_BAD_REGION'],
    ['region unknown province', A, 'publish', pubWith({ region: '990000' }), 'STATS_BAD_REGION'],
    ['region county without city', A, 'publish', pubWith({ region: '420001' }), 'STATS_BAD_REGION'],
    ['region letters', A, 'publish', pubWith({ region: '42a000' }), 'STATS_BAD_REGION'],
    ['date format', A, 'publish', pubWith({ date: '2020/02/01' }), 'STATS_BAD_DATE'],
    ['date Feb 30', A, 'publish', pubWith({ date: '2020-02-30' }), 'STATS_BAD_DATE'],
    ['date 2021-02-29', A, 'publish', pubWith({ date: '2021-02-29' }), 'STATS_BAD_DATE'],
    ['date month 13', A, 'publish', pubWith({ date: '2020-13-01' }), 'STATS_BAD_DATE'],
    ['future date', A, 'publish', pubWith({ region: '420100', date: '2030-01-01' }), 'STATS_FUTURE_DATE'],
    ['republish own', A, 'publish', ok as Value, 'STATS_FIGURE_EXISTS'],
    ['publish over another org', B, 'publish', ok as Value, 'STATS_FIGURE_EXISTS'],
    ['wrong role', 'hospital-a', 'publish', pubWith({ region: '420100' }), 'TX_UNAUTHORIZED'],
    ['wrong role correct', 'clinic-a', 'correct', fix({}), 'TX_UNAUTHORIZED'],
    ['correct another org', B, 'correct', fix({}), 'STATS_NOT_PUBLISHER'],
    ['correct unknown figure', A, 'correct', fix({ date: '2020-02-02' }), 'STATS_FIGURE_NOT_FOUND'],
    ['correct unknown revision', A, 'correct', fix({ corrects: 'f'.repeat(64) }), 'STATS_STALE_REVISION'],
    ['correct bad tx id', A, 'correct', fix({ corrects: 'F'.repeat(64) }), 'TX_INVALID_ARGS'],
    ['correct no change', A, 'correct', fix({ metrics: { 'new-confirmed': 1 } }), 'STATS_NO_CHANGE'],
    ['correct without reason', A, 'correct', fix({ reason: '' }), 'TX_INVALID_ARGS'],
    ['dispute own figure', A, 'dispute', dis({}), 'STATS_OWN_FIGURE'],
    ['dispute unknown revision', B, 'dispute', dis({ revision: 2 }), 'STATS_REVISION_NOT_FOUND'],
    ['dispute revision 0', B, 'dispute', dis({ revision: 0 }), 'TX_INVALID_ARGS'],
    ['dispute unknown figure', B, 'dispute', dis({ region: '420100' }), 'STATS_FIGURE_NOT_FOUND'],
    ['dispute long reason', B, 'dispute', dis({ reason: 'x'.repeat(501) }), 'TX_INVALID_ARGS'],
    ['dispute wrong role', 'hospital-b', 'dispute', dis({}), 'TX_UNAUTHORIZED'],
  ];
  const root = c.head().header.stateRoot;
  const b = c.block(table.map(([, org, command, args]) => c.tx({ module: M, command, args, signer: c.member(org) })));
  assert.deepEqual(
    b.txs.map((t, i) => `${table[i]![0]}: ${t.receipt.code}`),
    table.map(([name, , , , code]) => `${name}: ${code}`),
  );
  assert.deepEqual(b.header.stateRoot, root, 'state root unchanged');
  assert.equal(c.run(c.member(B), M, 'dispute', dis({})).txs[0]!.receipt.ok, true, 'the same chain still accepts good calls');
  const again = c.block([c.tx({ module: M, command: 'dispute', args: dis({}), signer: c.member(B) })]);
  assert.equal(again.txs[0]!.receipt.code, 'STATS_ALREADY_DISPUTED');
});

test('floats never reach a tx (the encoding refuses them); parse refuses them too', () => {
  for (const name of ['publish', 'correct'] as const) {
    const args = { region: '420000', date: d, metrics: { tests: 1.5 }, ...(name === 'correct' ? { corrects: 'a'.repeat(64), reason: 'r' } : {}) };
    assert.throws(() => openStatsModule.commands[name]!.parse(args), (e) => isGongxinError(e, 'TX_INVALID_ARGS') && e.details.field === 'args.metrics.tests');
  }
  assert.throws(() => openStatsModule.commands.dispute!.parse({ region: '420000', date: d, revision: 1.5, reason: 'r' }), (e) => isGongxinError(e, 'TX_INVALID_ARGS'));
});
