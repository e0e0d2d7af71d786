// Alerts raised by the module itself (SCENARIOS.md §2): threshold in the same block, one open alert per rule,
// city/province rules count the counties below, windows expire, duplicates count once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from '@gongxin/core';
import { DAY, HOUR, newChain, patient, query, reportArgs, setRules } from './helpers.test.js';
import type { AlertRecord, ReportRecord } from './index.js';

const events = (b: { txs: ReadonlyArray<{ receipt: { events: ReadonlyArray<{ type: string }> } }> }) => b.txs.map((t) => t.receipt.events.map((e) => e.type));

test('reports reaching the threshold raise exactly one alert, in the same block, by the report that reaches it', () => {
  const c = newChain();
  setRules(c, [{ id: 'wuhan-covid', disease: 'U07.1', region: '420100', windowMs: DAY, threshold: 3 }]);
  const at = c.head().header.timestamp + 1000;
  const txs = [0, 1, 2, 3].map(() => c.tx({ module: 'early-warning', command: 'report', args: reportArgs(at - 60_000), signer: c.member('clinic-a'), at }));
  const b = c.block(txs, at);
  assert.deepEqual(events(b), [['report-filed'], ['report-filed'], ['report-filed', 'alert-raised'], ['report-filed']]);
  const open = query(c, 'alerts', {}) as AlertRecord[];
  assert.equal(open.length, 1);
  const a = open[0]!;
  assert.equal(a.id, 'wuhan-covid.1');
  assert.equal(a.count, 3);
  assert.equal(a.raisedAt, at);
  assert.equal(a.raisedHeight, b.header.height);
  assert.deepEqual(a.reports, b.txs.slice(0, 3).map((t) => Buffer.from(t.id).toString('hex')));
  // While it is open, more reports raise nothing new.
  const more = c.run(c.member('hospital-a'), 'early-warning', 'report', reportArgs(at));
  assert.deepEqual(events(more), [['report-filed']]);
  assert.equal((query(c, 'alerts', { status: 'all' }) as unknown[]).length, 1);
});

test('a city rule counts its counties, a province rule every county in the province, a county rule only itself', () => {
  const c = newChain();
  setRules(c, [
    { id: 'county', disease: 'A00', region: '420106', windowMs: DAY, threshold: 2 },
    { id: 'city', disease: 'A00', region: '420100', windowMs: DAY, threshold: 2 },
    { id: 'province', disease: 'A00', region: '420000', windowMs: DAY, threshold: 3 },
  ]);
  const r = (region: string) => c.run(c.member('hospital-a'), 'early-warning', 'report', reportArgs(c.head().header.timestamp, { disease: 'A00', region }));
  assert.deepEqual(events(r('420102')), [['report-filed']]); // 江岸区, Wuhan
  assert.deepEqual(events(r('110101')), [['report-filed']]); // Beijing: counts nowhere in Hubei
  assert.deepEqual(events(r('420106')), [['report-filed', 'alert-raised']]); // city reaches 2
  assert.deepEqual(events(r('420502')), [['report-filed', 'alert-raised']]); // Yichang: province reaches 3
  assert.deepEqual(events(r('420106')), [['report-filed', 'alert-raised']]); // the county reaches 2
  const ids = (query(c, 'alerts', {}) as AlertRecord[]).map((a) => `${a.id}:${a.count}`);
  assert.deepEqual(ids, ['city.1:2', 'county.1:2', 'province.1:3']);
});

test('reports outside the window do not count, and rules of other diseases are not touched', () => {
  const c = newChain();
  setRules(c, [{ id: 'dengue', disease: 'A90', region: '440000', windowMs: 2 * HOUR, threshold: 2 }]);
  const t = c.head().header.timestamp;
  const r = (at: number, disease = 'A90') => events(c.run(c.member('clinic-b'), 'early-warning', 'report', reportArgs(at, { disease, region: '440106' }), at))[0];
  assert.deepEqual(r(t + 1000), ['report-filed']);
  assert.deepEqual(r(t + 3 * HOUR), ['report-filed'], 'the first report has left the 2-hour window');
  assert.deepEqual(r(t + 3 * HOUR + 1000, 'B05'), ['report-filed'], 'measles is not dengue');
  assert.deepEqual(r(t + 4 * HOUR), ['report-filed', 'alert-raised']);
  assert.equal((query(c, 'alerts', {}) as AlertRecord[])[0]!.count, 2);
});

test('duplicates: the same patient hash and disease within the window count once; the report is kept and marked', () => {
  const c = newChain();
  setRules(c, [{ id: 'measles', disease: 'B05', region: '420100', windowMs: DAY, threshold: 2 }]);
  const h = patient(42);
  const at = c.head().header.timestamp;
  const first = c.run(c.member('clinic-a'), 'early-warning', 'report', reportArgs(at, { disease: 'B05', patientHash: h }));
  const dup = c.run(c.member('hospital-a'), 'early-warning', 'report', reportArgs(at, { disease: 'B05', patientHash: h, region: '420102' }));
  assert.deepEqual(events(dup), [['report-filed', 'report-duplicate']]);
  const rec = decode(c.store.get('early-warning', `report/${Buffer.from(dup.txs[0]!.id).toString('hex')}`)!) as unknown as ReportRecord;
  assert.equal(rec.duplicateOf, Buffer.from(first.txs[0]!.id).toString('hex'));
  assert.equal((query(c, 'alerts', {}) as unknown[]).length, 0, 'two reports of one patient are one case');
  // The same patient with another disease is another case.
  c.run(c.member('clinic-a'), 'early-warning', 'report', reportArgs(at, { disease: 'A09', patientHash: h }));
  // After the window the same patient counts again, and with a new patient the rule fires.
  const later = at + 2 * DAY;
  const again = c.run(c.member('clinic-a'), 'early-warning', 'report', reportArgs(later, { disease: 'B05', patientHash: h }), later);
  assert.deepEqual(events(again), [['report-filed']]);
  const fires = c.run(c.member('clinic-a'), 'early-warning', 'report', reportArgs(later, { disease: 'B05' }));
  assert.deepEqual(events(fires), [['report-filed', 'alert-raised']]);
  const counts = query(c, 'reports', { region: '420000', from: '2025-11-25', to: '2025-11-27' }) as { total: number; byDisease: Record<string, number> };
  assert.deepEqual(counts.byDisease, { A09: 1, B05: 3 }, 'the duplicate is not counted');
});
