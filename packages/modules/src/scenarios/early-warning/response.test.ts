// Late reports (statutory 2 h / 24 h deadlines), per-org lateness, acknowledging and closing alerts with response
// times, a new alert after closing, and the offline bundle keys of an alert (SCENARIOS.md §2, issue 4).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, decode } from '@gongxin/core';
import { DAY, HOUR, newChain, query, reportArgs, setRules } from './helpers.test.js';
import { warningBundleKeys, type AlertRecord, type LatenessRecord, type ReportRecord } from './index.js';

type Timed = AlertRecord & { timeline: Array<{ step: string; at: number; org: string | null }>; responseTimes: Record<string, number | null> };

test('late reports are flagged and still count; lateness is kept per reporting org', () => {
  const c = newChain();
  const now = c.head().header.timestamp + 1000;
  const file = (org: string, args: Record<string, unknown>) => c.run(c.member(org), 'early-warning', 'report', reportArgs(now, args as never), now);
  // 甲类 cholera, 3 h after diagnosis: late (2 h). 丙类 influenza, 3 h: on time (24 h).
  const lateA = file('clinic-a', { disease: 'A00', diagnosedAt: now - 3 * HOUR });
  assert.deepEqual(lateA.txs[0]!.receipt.events.map((e) => e.type), ['report-filed', 'report-late']);
  assert.deepEqual(lateA.txs[0]!.receipt.events[1]!.attrs, { reportId: bytesToHex(lateA.txs[0]!.id), org: 'clinic-a', delayMs: 3 * HOUR, deadlineMs: 2 * HOUR });
  assert.deepEqual(file('clinic-a', { disease: 'J10', diagnosedAt: now - 3 * HOUR }).txs[0]!.receipt.events.map((e) => e.type), ['report-filed']);
  // 乙类按甲类 COVID-19 exactly at 2 h is on time; ISO 8601 with +08:00 is read by hand.
  assert.deepEqual(file('hospital-a', { diagnosedAt: now - 2 * HOUR }).txs[0]!.receipt.events.map((e) => e.type), ['report-filed']);
  const iso = file('hospital-a', { disease: 'B05', diagnosedAt: '2025-11-24T10:00:00+08:00' }); // 2025-11-24T02:00Z, ~14 h before
  const rec = decode(c.store.get('early-warning', `report/${bytesToHex(iso.txs[0]!.id)}`)!) as unknown as ReportRecord;
  assert.equal(rec.diagnosedAt, Date.UTC(2025, 10, 24, 2, 0, 0));
  assert.equal(rec.late, false);
  file('hospital-a', { disease: 'B05', diagnosedAt: now - 25 * HOUR });
  const all = query(c, 'lateness', {}) as LatenessRecord[];
  assert.deepEqual(all.map((l) => [l.org, l.reports, l.late]), [['clinic-a', 2, 1], ['hospital-a', 3, 1]]);
  assert.equal((query(c, 'lateness', { org: 'hospital-a' }) as LatenessRecord).maxDelayMs, 25 * HOUR);
  const counts = query(c, 'reports', { region: '420106', from: '2025-11-25', to: '2025-11-25' }) as { total: number };
  assert.equal(counts.total, 5, 'late reports count');
});

test('authorities acknowledge and close; every step is timestamped and response times are derived', () => {
  const c = newChain();
  setRules(c, [{ id: 'plague', disease: 'A20', region: '630000', windowMs: DAY, threshold: 1 }]);
  const raised = c.run(c.member('hospital-b'), 'early-warning', 'report', reportArgs(c.head().header.timestamp, { disease: 'A20', region: '632801' }));
  const t0 = raised.header.timestamp;
  const ack1 = c.run(c.member('authority-a'), 'early-warning', 'acknowledge', { alertId: 'plague.1', note: 'team sent' }, t0 + 10 * 60_000);
  assert.deepEqual(ack1.txs[0]!.receipt.events.map((e) => e.type), ['alert-acknowledged']);
  const ack2 = c.run(c.member('authority-b'), 'early-warning', 'acknowledge', { alertId: 'plague.1' }, t0 + 20 * 60_000);
  const closed = c.run(c.member('authority-b'), 'early-warning', 'close', { alertId: 'plague.1', note: 'contained' }, t0 + 5 * HOUR);
  assert.deepEqual(closed.txs[0]!.receipt.events.map((e) => e.type), ['alert-closed']);
  const a = query(c, 'alert', { id: 'plague.1' }) as Timed;
  assert.equal(a.status, 'closed');
  assert.deepEqual(a.timeline.map((s) => [s.step, s.at - t0, s.org]), [['raised', 0, null], ['acknowledged', 600_000, 'authority-a'], ['acknowledged', 1_200_000, 'authority-b'], ['closed', 5 * HOUR, 'authority-b']]);
  assert.deepEqual(a.responseTimes, { toAcknowledgeMs: 600_000, toCloseMs: 5 * HOUR, acknowledgeToCloseMs: 5 * HOUR - 600_000 });
  assert.deepEqual(query(c, 'alerts', {}), []);
  assert.equal(query(c, 'alert', { id: 'plague.9' }), null);
  // Closed: the rule may fire again, as a new alert.
  const again = c.run(c.member('hospital-b'), 'early-warning', 'report', reportArgs(c.head().header.timestamp, { disease: 'A20', region: '632801' }));
  assert.deepEqual(again.txs[0]!.receipt.events.map((e) => e.type), ['report-filed', 'alert-raised']);
  assert.equal(again.txs[0]!.receipt.events[1]!.attrs.alertId, 'plague.2');
  // The offline bundle of the first alert: its record, the report, and every tx of its story.
  const get = (k: string) => {
    const v = c.store.get('early-warning', k);
    return v === undefined ? undefined : decode(v);
  };
  const bundle = warningBundleKeys('alert', 'plague.1', get);
  const rid = bytesToHex(raised.txs[0]!.id);
  assert.deepEqual(bundle.keys, ['alert/plague.1', `report/${rid}`]);
  const expected = [rid, bytesToHex(ack1.txs[0]!.id), bytesToHex(ack2.txs[0]!.id), bytesToHex(closed.txs[0]!.id)];
  assert.deepEqual([...bundle.txIds].sort(), expected.sort());
  assert.deepEqual(warningBundleKeys('alert', 'nope.1', get), { keys: [], txIds: [] });
});
