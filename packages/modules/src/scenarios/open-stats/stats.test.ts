// open-stats rules on a real executor chain: publish, correct, dispute, province vs cities flags, queries, bundles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, decode, hexToBytes, isGongxinError, type QueryContext, type Value } from '@gongxin/core';
import { createScenarioChain, type ScenarioChain } from '@gongxin/testkit';
import { openStatsModule, statsBundleKeys, STATS_KEYS } from './index.js';

const M = 'open-stats';
type Row = Record<string, unknown>;

function setup(): ScenarioChain {
  return createScenarioChain({ modules: [openStatsModule] });
}
function get(c: ScenarioChain, key: string): Value | undefined {
  const v = c.store.get(M, key);
  return v === undefined ? undefined : decode(v);
}
function queryCtx(c: ScenarioChain): QueryContext {
  const read = (m: string, k: string): Value | undefined => {
    const v = c.store.get(m, k);
    return v === undefined ? undefined : decode(v);
  };
  return {
    height: c.head().header.height,
    get: (k) => read(M, k),
    read,
    scan: (prefix, o) => c.store.scan(M, prefix, o?.after, o?.limit ?? 100).map(([k, v]) => [k, decode(v)] as const),
  };
}
function query(c: ScenarioChain, name: string, params: Value): unknown {
  const q = openStatsModule.queries[name]!;
  return q.run(queryCtx(c), q.parse(params) as never);
}
function run(c: ScenarioChain, org: string, command: string, args: Value): { ok: boolean; code: string; txId: string; events: Array<{ type: string; attrs: Row }> } {
  const b = c.run(c.member(org), M, command, args);
  const t = b.txs[0]!;
  return { ok: t.receipt.ok, code: t.receipt.code, txId: bytesToHex(t.id), events: t.receipt.events.map((e) => ({ type: e.type, attrs: e.attrs as Row })) };
}
const pub = (c: ScenarioChain, org: string, region: string, date: string, metrics: Row) => run(c, org, 'publish', { region, date, metrics } as Value);

test('publish: revision 1 signed by the caller, one figure per region and date', () => {
  const c = setup();
  const r = pub(c, 'authority-a', '420000', '2020-02-01', { 'new-confirmed': 10, tests: 100 });
  assert.equal(r.ok, true, r.code);
  assert.deepEqual(r.events.map((e) => e.type), ['figure-published']);
  const rev = get(c, STATS_KEYS.revision('420000', '2020-02-01', 1)) as Row;
  assert.equal(rev.revision, 1);
  assert.equal(rev.org, 'authority-a');
  assert.equal(rev.signer, bytesToHex(c.member('authority-a').publicKey));
  assert.equal(rev.txId, r.txId);
  assert.equal(rev.corrects, null);
  assert.deepEqual(rev.metrics, { 'new-confirmed': 10, tests: 100 });
  assert.equal(pub(c, 'authority-b', '420000', '2020-02-01', { tests: 1 }).code, 'STATS_FIGURE_EXISTS');
  assert.equal(pub(c, 'authority-a', '420000', '2020-02-01', { tests: 1 }).code, 'STATS_FIGURE_EXISTS');
  assert.equal(pub(c, 'authority-b', '420000', '2020-02-02', { tests: 1 }).ok, true, 'another date is another figure');
});

test('correct: a new revision pointing at the latest; older revisions stay as they were', () => {
  const c = setup();
  const r1 = pub(c, 'authority-a', '420000', '2020-02-01', { 'new-confirmed': 10 });
  const before = c.store.get(M, STATS_KEYS.revision('420000', '2020-02-01', 1));
  const r2 = run(c, 'authority-a', 'correct', { region: '420000', date: '2020-02-01', corrects: r1.txId, metrics: { 'new-confirmed': 12, tests: 50 }, reason: 'late lab results' });
  assert.equal(r2.ok, true, r2.code);
  assert.deepEqual(r2.events.map((e) => [e.type, e.attrs.revision, e.attrs.corrects]), [['figure-corrected', 2, r1.txId]]);
  assert.deepEqual(c.store.get(M, STATS_KEYS.revision('420000', '2020-02-01', 1)), before);
  const rev2 = get(c, STATS_KEYS.revision('420000', '2020-02-01', 2)) as Row;
  assert.equal(rev2.corrects, r1.txId);
  assert.equal(rev2.reason, 'late lab results');
  const fix = (corrects: string, metrics: Row) => ({ region: '420000', date: '2020-02-01', corrects, metrics, reason: 'x' }) as Value;
  assert.equal(run(c, 'authority-a', 'correct', fix(r1.txId, { 'new-confirmed': 13 })).code, 'STATS_STALE_REVISION');
  assert.equal(run(c, 'authority-a', 'correct', fix(r2.txId, { 'new-confirmed': 12, tests: 50 })).code, 'STATS_NO_CHANGE');
  assert.equal(run(c, 'authority-b', 'correct', fix(r2.txId, { 'new-confirmed': 13 })).code, 'STATS_NOT_PUBLISHER');
  const r3 = run(c, 'authority-a', 'correct', fix(r2.txId, { 'new-confirmed': 13 }));
  assert.equal(r3.ok, true, r3.code);
  const h = query(c, 'history', { region: '420000', date: '2020-02-01' }) as { revisions: Row[]; diffs: Row[] };
  assert.deepEqual(h.revisions.map((r) => r.revision), [1, 2, 3]);
  assert.deepEqual(h.diffs, [
    { from: 1, to: 2, txId: r2.txId, reason: 'late lab results', changes: [{ metric: 'new-confirmed', old: 10, new: 12 }, { metric: 'tests', old: null, new: 50 }] },
    { from: 2, to: 3, txId: r3.txId, reason: 'x', changes: [{ metric: 'new-confirmed', old: 12, new: 13 }, { metric: 'tests', old: 50, new: null }] },
  ]);
});

test('dispute: another org contests a revision; own figure, duplicates and unknown revisions are refused', () => {
  const c = setup();
  const r1 = pub(c, 'authority-a', '420000', '2020-02-01', { 'new-deaths': 3 });
  run(c, 'authority-a', 'correct', { region: '420000', date: '2020-02-01', corrects: r1.txId, metrics: { 'new-deaths': 4 }, reason: 'r' });
  const d = run(c, 'authority-b', 'dispute', { region: '420000', date: '2020-02-01', revision: 1, reason: 'our count is 5' });
  assert.equal(d.ok, true, d.code);
  assert.deepEqual(d.events.map((e) => [e.type, e.attrs.revision, e.attrs.org]), [['figure-disputed', 1, 'authority-b']]);
  assert.equal(run(c, 'authority-b', 'dispute', { region: '420000', date: '2020-02-01', revision: 1, reason: 'again' }).code, 'STATS_ALREADY_DISPUTED');
  assert.equal(run(c, 'authority-b', 'dispute', { region: '420000', date: '2020-02-01', revision: 2, reason: 'still wrong' }).ok, true);
  assert.equal(run(c, 'authority-b', 'dispute', { region: '420000', date: '2020-02-01', revision: 3, reason: 'x' }).code, 'STATS_REVISION_NOT_FOUND');
  assert.equal(run(c, 'authority-a', 'dispute', { region: '420000', date: '2020-02-01', revision: 2, reason: 'x' }).code, 'STATS_OWN_FIGURE');
  assert.equal(run(c, 'authority-b', 'dispute', { region: '420000', date: '2020-02-02', revision: 1, reason: 'x' }).code, 'STATS_FIGURE_NOT_FOUND');
  const list = query(c, 'disputes', { region: '420000', date: '2020-02-01' }) as Row[];
  assert.deepEqual(list.map((x) => [x.seq, x.revision, x.org, x.reason]), [[1, 1, 'authority-b', 'our count is 5'], [2, 2, 'authority-b', 'still wrong']]);
  assert.equal(list[0]!.revisionTxId, r1.txId);
  const series = query(c, 'series', { region: '420000', from: '2020-02-01', to: '2020-02-01' }) as { rows: Row[] };
  assert.equal(series.rows[0]!.disputes, 2);
});

test('figures dated after the block day (China Standard Time) are refused; wrong roles are unauthorized', () => {
  const c = setup(); // genesis 1_764_000_000_000 ms = 2025-11-25 00:00 CST
  assert.equal(pub(c, 'authority-a', '420000', '2025-11-26', { tests: 1 }).code, 'STATS_FUTURE_DATE');
  assert.equal(pub(c, 'authority-a', '420000', '2025-11-25', { tests: 1 }).ok, true);
  assert.equal(pub(c, 'hospital-a', '420000', '2020-01-01', { tests: 1 }).code, 'TX_UNAUTHORIZED');
  const b = c.run(c.stranger(), M, 'publish', { region: '420000', date: '2020-01-01', metrics: { tests: 1 } });
  assert.equal(b.txs[0]!.receipt.code, 'TX_UNAUTHORIZED');
});

test('province vs cities: a mismatch is flagged beside both, never rejected, and clears when corrected', () => {
  const c = setup();
  const d = '2020-02-01';
  assert.equal(pub(c, 'authority-a', '420100', d, { 'new-confirmed': 10, tests: 7 }).events.length, 1, 'no parent yet: no comparison');
  pub(c, 'authority-a', '420200', d, { 'new-confirmed': 5 });
  const p = pub(c, 'authority-b', '420000', d, { 'new-confirmed': 16, tests: 99 });
  assert.equal(p.ok, true, 'a mismatch is not a rejection');
  const mm = p.events.find((e) => e.type === 'sum-mismatch');
  assert.ok(mm, 'sum-mismatch emitted');
  assert.equal(mm.attrs.metrics, 'new-confirmed', 'tests is not reported by every city: not compared');
  const flagKey = STATS_KEYS.flag('420000', d, p.txId);
  assert.deepEqual((get(c, flagKey) as Row).mismatches, [{ metric: 'new-confirmed', parent: 16, childrenSum: 15 }]);
  for (const region of ['420000', '420100', '420200']) {
    const s = query(c, 'series', { region, from: d, to: d }) as { rows: Row[] };
    assert.deepEqual(s.rows[0]!.flags, [flagKey], `flag shown beside ${region}`);
  }
  assert.deepEqual((query(c, 'series', { region: '420000', from: d, to: d }) as { rows: Row[] }).rows[0]!.flags, [flagKey]);
  // A city correction that makes the sum match clears the open flag; the flag record stays.
  const city = get(c, STATS_KEYS.figure('420200', d)) as Row;
  const fix = run(c, 'authority-a', 'correct', { region: '420200', date: d, corrects: city.latestTxId as string, metrics: { 'new-confirmed': 6 }, reason: 'r' });
  assert.equal(fix.events.some((e) => e.type === 'sum-mismatch'), false);
  assert.equal(get(c, STATS_KEYS.openFlag('420000', d)), undefined);
  const flags = query(c, 'flags', { region: '420100', date: d }) as Row[];
  assert.deepEqual(flags.map((f) => [f.proofKey, f.open]), [[flagKey, false]]);
  // A new city joins with a figure: the province no longer matches the sum.
  const joined = pub(c, 'authority-a', '420300', d, { 'new-confirmed': 1 });
  assert.deepEqual(joined.events.map((e) => e.type), ['figure-published', 'sum-mismatch']);
});

test('city vs counties, and a parent published after its children', () => {
  const c = setup();
  const d = '2020-02-03';
  pub(c, 'authority-a', '420102', d, { 'current-severe': 2 });
  pub(c, 'authority-a', '420103', d, { 'current-severe': 3 });
  assert.equal(pub(c, 'authority-a', '420100', d, { 'current-severe': 5 }).events.length, 1, 'sum matches: no flag');
  assert.equal(get(c, STATS_KEYS.openFlag('420100', d)), undefined);
  const bad = pub(c, 'authority-a', '420104', d, { 'current-severe': 1 });
  assert.deepEqual(bad.events.map((e) => [e.type, e.attrs.parent]), [['figure-published', undefined], ['sum-mismatch', '420100']]);
  assert.deepEqual(get(c, STATS_KEYS.children('420100', d)), ['420102', '420103', '420104']);
});

test('series and export: latest revision per date in range; CSV and JSON rows carry signer and proof key', () => {
  const c = setup();
  const r1 = pub(c, 'authority-a', '110000', '2020-03-01', { 'new-confirmed': 1, tests: 20 });
  pub(c, 'authority-a', '110000', '2020-03-02', { 'new-confirmed': 2 });
  pub(c, 'authority-a', '110000', '2020-03-05', { 'new-confirmed': 9 });
  const r2 = run(c, 'authority-a', 'correct', { region: '110000', date: '2020-03-01', corrects: r1.txId, metrics: { 'new-confirmed': 3, tests: 20 }, reason: 'r' });
  const s = query(c, 'series', { region: '110000', from: '2020-03-01', to: '2020-03-04' }) as { rows: Row[] };
  assert.deepEqual(s.rows.map((r) => [r.date, r.revision, r.txId === r2.txId]), [['2020-03-01', 2, true], ['2020-03-02', 1, false]]);
  const signer = bytesToHex(c.member('authority-a').publicKey);
  const csv = query(c, 'export', { regions: ['110000'], from: '2020-03-01', to: '2020-03-01', format: 'csv' }) as { csv: string; count: number };
  const key = STATS_KEYS.revision('110000', '2020-03-01', 2);
  const h = c.head().header.height - 0;
  const rev2 = get(c, key) as Row;
  assert.equal(
    csv.csv,
    'region,date,metric,value,revision,org,signer,tx_id,height,proof_key\r\n' +
      `110000,2020-03-01,new-confirmed,3,2,authority-a,${signer},${r2.txId},${String(rev2.height)},${key}\r\n` +
      `110000,2020-03-01,tests,20,2,authority-a,${signer},${r2.txId},${String(rev2.height)},${key}\r\n`,
  );
  assert.equal(rev2.height, h);
  const json = query(c, 'export', { regions: ['110000'], from: '2020-03-01', to: '2020-03-31', format: 'json', revisions: 'all' }) as { rows: Row[] };
  assert.deepEqual(json.rows.map((r) => [r.date, r.revision, r.metric, r.value]), [
    ['2020-03-01', 1, 'new-confirmed', 1], ['2020-03-01', 1, 'tests', 20], ['2020-03-01', 2, 'new-confirmed', 3], ['2020-03-01', 2, 'tests', 20],
    ['2020-03-02', 1, 'new-confirmed', 2], ['2020-03-05', 1, 'new-confirmed', 9],
  ]);
  for (const r of json.rows) {
    const rec = get(c, r.proofKey as string) as Row;
    assert.equal(rec.txId, r.tx_id, 'proof key names the revision record the row came from');
    assert.equal(r.proofPath, `/v1/state/open-stats/${encodeURIComponent(r.proofKey as string)}`);
  }
  assert.throws(() => query(c, 'series', { region: '110000', from: '2020-03-05', to: '2020-03-01' }), (e) => isGongxinError(e, 'STATS_BAD_RANGE'));
  assert.throws(() => query(c, 'export', { regions: ['110000'], from: '2020-03-01', to: '2020-03-01', format: 'xml' }), (e) => isGongxinError(e, 'QUERY_INVALID_PARAMS'));
  assert.equal(query(c, 'history', { region: '110000', date: '2020-04-01' }), null);
});

test('statsBundleKeys: head, every revision, disputes and open flags, with their tx ids', () => {
  const c = setup();
  const d = '2020-02-01';
  const c1 = pub(c, 'authority-a', '420100', d, { tests: 4 });
  const r1 = pub(c, 'authority-b', '420000', d, { tests: 5 });
  const r2 = run(c, 'authority-b', 'correct', { region: '420000', date: d, corrects: r1.txId, metrics: { tests: 6 }, reason: 'r' });
  const dd = run(c, 'authority-a', 'dispute', { region: '420000', date: d, revision: 2, reason: 'sum is 4' });
  const read = (k: string): Value | undefined => get(c, k);
  const b = statsBundleKeys('figure', `420000/${d}`, read);
  assert.deepEqual(b.keys, [
    STATS_KEYS.figure('420000', d), STATS_KEYS.revision('420000', d, 1), STATS_KEYS.revision('420000', d, 2), STATS_KEYS.dispute('420000', d, 1),
    STATS_KEYS.openFlag('420000', d), STATS_KEYS.flag('420000', d, r2.txId),
  ]);
  assert.deepEqual(b.txIds, [r1.txId, r2.txId, dd.txId]);
  for (const k of b.keys) assert.notEqual(read(k), undefined, k);
  for (const t of b.txIds) assert.equal(c.store.hasTx(hexToBytes(t)), true);
  assert.deepEqual(statsBundleKeys('figure', `420100/${d}`, read).txIds, [c1.txId, r2.txId]);
  assert.throws(() => statsBundleKeys('figure', '420000-2020-02-01', read), (e) => isGongxinError(e, 'STATS_BAD_BUNDLE_ID'));
  assert.throws(() => statsBundleKeys('donation' as 'figure', `420000/${d}`, read), (e) => isGongxinError(e, 'STATS_BAD_BUNDLE_ID'));
  assert.throws(() => statsBundleKeys('figure', '990000/2020-02-01', read), (e) => isGongxinError(e, 'STATS_BAD_REGION'));
  assert.throws(() => statsBundleKeys('figure', `420000/2020-02-09`, read), (e) => isGongxinError(e, 'STATS_FIGURE_NOT_FOUND'));
});
