// Bad input (SCENARIOS.md "What every scenario shares"): each bad call is refused with a stable code and the state
// root does not move; invalid rules from governance are set aside deterministically, never fatal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Value } from '@gongxin/core';
import { DAY, HOUR, newChain, query, reportArgs, setRules } from './helpers.test.js';
import type { RuleSet } from './index.js';

test('bad input table: stable codes, state root unchanged', () => {
  const c = newChain();
  setRules(c, [
    { id: 'closed-one', disease: 'A20', region: '630000', windowMs: DAY, threshold: 1 },
    { id: 'acked-one', disease: 'A00', region: '420000', windowMs: DAY, threshold: 1 },
    { id: 'open-one', disease: 'B05', region: '110000', windowMs: DAY, threshold: 1 },
  ]);
  const now0 = c.head().header.timestamp;
  const ok = (signer: string, command: string, args: Value) => assert.equal(c.run(c.member(signer), 'early-warning', command, args).txs[0]!.receipt.code, '', `${signer} ${command}`);
  ok('clinic-a', 'report', reportArgs(now0, { disease: 'A20', region: '632801' }));
  ok('clinic-a', 'report', reportArgs(now0, { disease: 'A00' }));
  ok('clinic-a', 'report', reportArgs(now0, { disease: 'B05', region: '110101' }));
  ok('authority-a', 'acknowledge', { alertId: 'closed-one.1' });
  ok('authority-a', 'close', { alertId: 'closed-one.1', note: 'done' });
  ok('authority-a', 'acknowledge', { alertId: 'acked-one.1' });

  const root = c.head().header.stateRoot;
  const at = c.head().header.timestamp + 1000;
  const r = (over: Record<string, Value>) => reportArgs(at - HOUR, over);
  const cases: Array<[string, string, string, Value, string]> = [
    ['missing fields', 'clinic-a', 'report', {}, 'TX_INVALID_ARGS'],
    ['args not a map', 'clinic-a', 'report', 'report', 'TX_INVALID_ARGS'],
    ['symptoms not a list', 'clinic-a', 'report', r({ symptoms: 'fever' }), 'TX_INVALID_ARGS'],
    ['negative diagnosis time', 'clinic-a', 'report', r({ diagnosedAt: -1 }), 'TX_INVALID_ARGS'],
    ['unknown field', 'clinic-a', 'report', r({ name: '张三' }), 'TX_INVALID_ARGS'],
    ['malformed disease code', 'clinic-a', 'report', r({ disease: 'covid' }), 'TX_INVALID_ARGS'],
    ['unknown disease', 'clinic-a', 'report', r({ disease: 'Z99' }), 'WARNING_UNKNOWN_DISEASE'],
    ['region not six digits', 'clinic-a', 'report', r({ region: '4201' }), 'TX_INVALID_ARGS'],
    ['unknown province', 'clinic-a', 'report', r({ region: '991001' }), 'WARNING_REGION_INVALID'],
    ['county under city 00', 'clinic-a', 'report', r({ region: '420006' }), 'WARNING_REGION_INVALID'],
    ['city-level region', 'clinic-a', 'report', r({ region: '420100' }), 'WARNING_REGION_NOT_COUNTY'],
    ['short hash', 'clinic-a', 'report', r({ patientHash: 'abc' }), 'TX_INVALID_ARGS'],
    ['uppercase hash', 'clinic-a', 'report', r({ patientHash: 'A'.repeat(64) }), 'TX_INVALID_ARGS'],
    ['impossible ISO date', 'clinic-a', 'report', r({ diagnosedAt: '2025-13-01T00:00Z' }), 'WARNING_TIME_INVALID'],
    ['ISO time without offset', 'clinic-a', 'report', r({ diagnosedAt: '2025-11-24T10:00' }), 'WARNING_TIME_INVALID'],
    ['impossible onset date', 'clinic-a', 'report', r({ onsetDate: '2025-02-29' }), 'WARNING_TIME_INVALID'],
    ['diagnosis in the future', 'clinic-a', 'report', r({ diagnosedAt: at + HOUR }), 'WARNING_DIAGNOSIS_IN_FUTURE'],
    ['onset after diagnosis', 'clinic-a', 'report', r({ onsetDate: '2026-01-01' }), 'WARNING_ONSET_AFTER_DIAGNOSIS'],
    ['a charity reports', 'charity-a', 'report', r({}), 'TX_UNAUTHORIZED'],
    ['an authority reports', 'authority-a', 'report', r({}), 'TX_UNAUTHORIZED'],
    ['a clinic acknowledges', 'clinic-a', 'acknowledge', { alertId: 'acked-one.1' }, 'TX_UNAUTHORIZED'],
    ['acknowledge unknown alert', 'authority-b', 'acknowledge', { alertId: 'nope.1' }, 'WARNING_ALERT_NOT_FOUND'],
    ['acknowledge malformed id', 'authority-b', 'acknowledge', { alertId: 'Nope' }, 'TX_INVALID_ARGS'],
    ['acknowledge twice by one org', 'authority-a', 'acknowledge', { alertId: 'acked-one.1' }, 'WARNING_ALREADY_ACKNOWLEDGED'],
    ['acknowledge a closed alert', 'authority-b', 'acknowledge', { alertId: 'closed-one.1' }, 'WARNING_ALERT_CLOSED'],
    ['close twice', 'authority-b', 'close', { alertId: 'closed-one.1', note: 'again' }, 'WARNING_ALERT_CLOSED'],
    ['close without a note', 'authority-a', 'close', { alertId: 'acked-one.1' }, 'TX_INVALID_ARGS'],
    ['close before acknowledging', 'authority-a', 'close', { alertId: 'open-one.1', note: 'x' }, 'WARNING_ALERT_NOT_ACKNOWLEDGED'],
    ['close unknown alert', 'authority-a', 'close', { alertId: 'nope.2', note: 'x' }, 'WARNING_ALERT_NOT_FOUND'],
  ];
  const txs = cases.map(([, org, command, args]) => c.tx({ module: 'early-warning', command, args, signer: c.member(org), at }));
  txs.push(c.tx({ module: 'early-warning', command: 'report', args: r({}), signer: c.stranger(), at }));
  const b = c.block(txs, at);
  assert.deepEqual(
    b.txs.map((t, i) => `${cases[i]?.[0] ?? 'a stranger reports'}: ${t.receipt.code}`),
    [...cases.map(([name, , , , code]) => `${name}: ${code}`), 'a stranger reports: TX_UNAUTHORIZED'],
  );
  assert.deepEqual(b.header.stateRoot, root);
  assert.deepEqual(c.head().header.stateRoot, root);
});

test('invalid rules from governance are set aside with reasons; valid ones still fire', () => {
  const c = newChain();
  const good = { id: 'good', disease: 'A01', region: '420100', windowMs: DAY, threshold: 1 };
  setRules(c, [
    { id: 'bad-window', disease: 'A01', region: '420100', windowMs: 90 * 60_000, threshold: 1 },
    { id: 'bad-disease', disease: 'Z99', region: '420100', windowMs: DAY, threshold: 1 },
    { id: 'bad-region', disease: 'A01', region: '990000', windowMs: DAY, threshold: 1 },
    { id: 'huge', disease: 'A01', region: '420100', windowMs: 31 * DAY, threshold: 1 },
    { id: 'zero', disease: 'A01', region: '420100', windowMs: DAY, threshold: 0 },
    'not a rule',
    good,
    { ...good, threshold: 5 },
  ]);
  const rs = query(c, 'rules', {}) as RuleSet;
  assert.deepEqual(rs.active, [good]);
  assert.deepEqual(rs.invalid.map((x) => [x.index, x.id]), [[0, 'bad-window'], [1, 'bad-disease'], [2, 'bad-region'], [3, 'huge'], [4, 'zero'], [5, null], [7, 'good']]);
  const b = c.run(c.member('clinic-a'), 'early-warning', 'report', reportArgs(c.head().header.timestamp, { disease: 'A01' }));
  assert.deepEqual(b.txs[0]!.receipt.events.map((e) => [e.type, e.attrs.alertId ?? null]), [['report-filed', null], ['alert-raised', 'good.1']]);
  // A parameter that is not a list sets nothing aside silently: it is reported.
  setRules(c, { id: 'x' }, 'not-a-list');
  assert.deepEqual((query(c, 'rules', {}) as RuleSet).invalid, [{ index: -1, id: null, reason: 'the rules parameter is not a list' }]);
});
