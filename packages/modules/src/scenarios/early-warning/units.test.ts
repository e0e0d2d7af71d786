// Unit tests of the pure helpers: GB/T 2260 levels and containment, ISO 8601 parsing by hand, the disease table
// and its statutory deadlines, and the report-count query's date checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGongxinError } from '@gongxin/core';
import { DISEASES, diseaseInfo, isCounty, isWithin, parseDateDays, parseIsoMs, regionAncestors, regionLevel, reportingDeadlineMs, validateRules } from './index.js';
import { cstDate, hourOf } from './time.js';
import { newChain, query } from './helpers.test.js';

test('regions: levels by trailing zeros, ancestry and containment from the digits', () => {
  assert.equal(regionLevel('420000'), 'province');
  assert.equal(regionLevel('420100'), 'city');
  assert.equal(regionLevel('420106'), 'county');
  assert.equal(regionLevel('110101'), 'county');
  for (const bad of ['000000', '990000', '420006', '42010', '4201066', 'abcdef', '100000']) assert.equal(regionLevel(bad), undefined, bad);
  assert.equal(isCounty('420106'), true);
  assert.equal(isCounty('420100'), false);
  assert.deepEqual(regionAncestors('420106'), ['420106', '420100', '420000']);
  assert.equal(isWithin('420106', '420106'), true);
  assert.equal(isWithin('420106', '420100'), true);
  assert.equal(isWithin('420106', '420000'), true);
  assert.equal(isWithin('420106', '420200'), false);
  assert.equal(isWithin('420106', '420102'), false);
  assert.equal(isWithin('420106', '430000'), false);
  assert.equal(isWithin('420100', '420000'), false, 'only counties are within anything');
  assert.equal(isWithin('420106', '990000'), false);
});

test('ISO 8601 and dates are read by hand, agreeing with Date.UTC', () => {
  assert.equal(parseIsoMs('2025-01-01T08:00+08:00', 'x'), Date.UTC(2025, 0, 1, 0, 0));
  assert.equal(parseIsoMs('2024-02-29T23:59:59.5Z', 'x'), Date.UTC(2024, 1, 29, 23, 59, 59, 500));
  assert.equal(parseIsoMs('2000-03-01T00:00:00-05:30', 'x'), Date.UTC(2000, 2, 1, 5, 30));
  assert.equal(parseIsoMs('1969-12-31T23:00Z', 'x'), -3_600_000);
  for (let i = 0; i < 200; i++) {
    const ms = Date.UTC(1990 + (i % 60), (i * 7) % 12, 1 + ((i * 13) % 28), i % 24, (i * 11) % 60, (i * 17) % 60);
    assert.equal(parseIsoMs(new Date(ms).toISOString(), 'x'), ms);
    assert.equal(cstDate(ms), new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
  }
  assert.equal(parseDateDays('1970-01-02', 'x'), 1);
  for (const bad of ['2023-02-29T00:00Z', '2025-04-31T00:00Z', '2025-01-01T24:00Z', '2025-01-01T10:60Z', '2025-01-01 10:00Z', '2025-01-01T10:00', '2025-01-01T10:00+15:00', 'yesterday']) {
    assert.throws(() => parseIsoMs(bad, 'args.diagnosedAt'), (e) => isGongxinError(e, 'WARNING_TIME_INVALID'), bad);
  }
  assert.throws(() => parseDateDays('2025-00-10', 'x'), (e) => isGongxinError(e, 'WARNING_TIME_INVALID'));
  assert.equal(hourOf(7_199_999), 1);
});

test('disease table: legal classes and statutory deadlines (2 h for 甲类 and 乙类按甲类, 24 h otherwise)', () => {
  assert.equal(diseaseInfo('A00')?.legalClass, 'A');
  assert.equal(diseaseInfo('A20')?.zh, '鼠疫');
  assert.equal(diseaseInfo('U07.1')?.legalClass, 'B-as-A');
  assert.equal(diseaseInfo('B05')?.legalClass, 'B');
  assert.equal(diseaseInfo('J10')?.legalClass, 'C');
  assert.equal(diseaseInfo('Z99'), undefined);
  assert.equal(diseaseInfo('toString'), undefined, 'no prototype keys');
  assert.equal(reportingDeadlineMs('A'), 7_200_000);
  assert.equal(reportingDeadlineMs('B-as-A'), 7_200_000);
  assert.equal(reportingDeadlineMs('B'), 86_400_000);
  assert.equal(reportingDeadlineMs('C'), 86_400_000);
  for (const [code, d] of Object.entries(DISEASES)) {
    assert.equal(d.code, code);
    assert.match(code, /^[A-Z]\d{2}(\.\d{1,2})?$/);
    assert.ok(d.zh.length > 0 && d.en.length > 0);
  }
});

test('validateRules: deterministic, sorted by id, first id wins, more than 64 set aside', () => {
  const rule = (id: string) => ({ id, disease: 'A00', region: '420000', windowMs: 3_600_000, threshold: 2 });
  const many = Array.from({ length: 66 }, (_, i) => rule(`r${String(i).padStart(2, '0')}`));
  const rs = validateRules(many.reverse());
  assert.equal(rs.active.length, 64);
  assert.equal(rs.active[0]!.id, 'r02');
  assert.deepEqual(rs.invalid.map((x) => x.index), [64, 65]);
  assert.deepEqual(validateRules(undefined), { active: [], invalid: [] });
  assert.deepEqual(validateRules(null), { active: [], invalid: [] });
});

test('the reports query checks its region and date range', () => {
  const c = newChain();
  const code = (params: Record<string, string>) => {
    try {
      query(c, 'reports', params);
      return 'ok';
    } catch (e) {
      return isGongxinError(e) ? e.code : 'other';
    }
  };
  assert.equal(code({ region: '420000', from: '2025-01-01', to: '2025-01-31' }), 'ok');
  assert.equal(code({ region: '990000', from: '2025-01-01', to: '2025-01-31' }), 'WARNING_REGION_INVALID');
  assert.equal(code({ region: '420000', from: '2025-02-01', to: '2025-01-31' }), 'QUERY_INVALID_PARAMS');
  assert.equal(code({ region: '420000', from: '2024-01-01', to: '2025-01-31' }), 'QUERY_INVALID_PARAMS');
  assert.equal(code({ region: '420000', from: '2025-02-30', to: '2025-03-01' }), 'WARNING_TIME_INVALID');
  assert.equal(code({ region: '42', from: '2025-01-01', to: '2025-01-31' }), 'QUERY_INVALID_PARAMS');
});
