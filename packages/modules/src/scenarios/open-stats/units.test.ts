// Pure helpers of open-stats: GB/T 2260 codes, calendar dates, CSV quoting, metric comparison and diffs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { blockDay } from './dates.js';
import { cityOf, compareRevisions, csvField, dayNumber, diffMetrics, isCalendarDate, isDirectChild, isRegionCode, parentRegion, provinceOf, regionLevel, renderCsv, type RevisionRecord } from './index.js';

test('region codes: validity, level, parent', () => {
  for (const ok of ['110000', '110100', '110101', '420000', '420100', '420102', '810000', '429004']) assert.equal(isRegionCode(ok), true, ok);
  for (const bad of ['', '11000', '1100000', '990000', '000000', '100000', '110001', 'a10000', ' 11000']) assert.equal(isRegionCode(bad), false, bad);
  assert.deepEqual(['420000', '420100', '420102'].map(regionLevel), ['province', 'city', 'county']);
  assert.deepEqual(['420000', '420100', '420102'].map(parentRegion), [null, '420000', '420100']);
  assert.equal(provinceOf('420102'), '420000');
  assert.equal(cityOf('420102'), '420100');
  assert.equal(cityOf('420000'), '420000');
  assert.equal(isDirectChild('420000', '420100'), true);
  assert.equal(isDirectChild('420000', '420102'), false, 'a county is a grandchild of its province');
  assert.equal(isDirectChild('420000', '420000'), false);
  assert.equal(isDirectChild('420000', '430100'), false);
});

test('dates: calendar rules and day numbers', () => {
  for (const ok of ['2020-02-29', '2000-02-29', '1900-01-01', '2999-12-31', '2020-04-30']) assert.equal(isCalendarDate(ok), true, ok);
  for (const bad of ['2021-02-29', '1900-02-29', '2020-04-31', '2020-00-10', '2020-01-00', '1899-12-31', '3000-01-01', '2020-1-01', '20200101', '2020-01-01T']) {
    assert.equal(isCalendarDate(bad), false, bad);
  }
  assert.equal(dayNumber('1970-01-01'), 0);
  assert.equal(dayNumber('2000-03-01'), 11_017);
  assert.equal(dayNumber('1969-12-31'), -1);
  assert.equal(blockDay(Date.UTC(2020, 1, 1, 16, 0)), dayNumber('2020-02-02'), 'midnight CST is 16:00 UTC');
  assert.equal(blockDay(Date.UTC(2020, 1, 1, 15, 59)), dayNumber('2020-02-01'));
  // Against the platform's calendar (tests may use Date; the module may not).
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2999, 11, 31) }), (ms) => {
      const iso = new Date(ms).toISOString().slice(0, 10);
      assert.equal(isCalendarDate(iso), true);
      assert.equal(dayNumber(iso), Math.floor(ms / 86_400_000));
    }),
  );
});

test('csv: RFC 4180 quoting and CRLF lines', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField(42), '42');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\r'), '"cr\r"');
  assert.equal(csvField(' lead'), '" lead"');
  assert.equal(csvField(''), '');
  assert.equal(renderCsv(['a', 'b'], [['x,y', 1], ['z', 2]]), 'a,b\r\n"x,y",1\r\nz,2\r\n');
  assert.equal(renderCsv(['a'], []), 'a\r\n');
});

const rev = (metrics: RevisionRecord['metrics']): RevisionRecord => ({ region: '420100', date: '2020-02-01', revision: 1, metrics, org: 'o', signer: 's', txId: 't', height: 1, at: 0, corrects: null, reason: null });

test('compareRevisions: only metrics every side reports; diffMetrics: per metric old → new', () => {
  assert.deepEqual(compareRevisions(rev({ tests: 10, 'new-deaths': 1 }), [rev({ tests: 4 }), rev({ tests: 5, 'new-deaths': 1 })]), [{ metric: 'tests', parent: 10, childrenSum: 9 }]);
  assert.deepEqual(compareRevisions(rev({ tests: 9 }), [rev({ tests: 4 }), rev({ tests: 5 })]), []);
  assert.deepEqual(diffMetrics({ tests: 1, 'new-deaths': 2 }, { tests: 1, 'new-recovered': 3 }), [
    { metric: 'new-deaths', old: 2, new: null },
    { metric: 'new-recovered', old: null, new: 3 },
  ]);
  assert.deepEqual(diffMetrics({ tests: 1 }, { tests: 1 }), []);
});
