// GS1 codes: check digits (vectors and broken ones), element strings, Digital Link parse/format, scanned-code forms, dates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGongxinError } from '@gongxin/core';
import { assertSscc, gs1CheckDigit, hasValidCheckDigit, normaliseGtin, parseElementString } from './gs1.js';
import { isoDayOfMs, normaliseDate, isoToGs1Date } from './gs1-date.js';
import { batchDigitalLink, formatDigitalLink, formatSsccLink, parseDigitalLink, parseScannedCode } from './gs1-link.js';
import { breakCheckDigit, GTIN, ssccOf } from './test-support.js';

const code = (c: string) => (e: unknown) => isGongxinError(e, c);
const BAD_DIGIT = code('SUPPLY_BAD_CHECK_DIGIT');
const BAD_CODE = code('SUPPLY_BAD_CODE');

test('check digits: published vectors and every wrong digit', () => {
  assert.equal(gs1CheckDigit('0950600013435'), 2);
  assert.equal(gs1CheckDigit('400638133393'), 1); // EAN-13 4006381333931
  assert.equal(gs1CheckDigit('9638507'), 4); // GTIN-8 96385074
  assert.equal(normaliseGtin('4006381333931'), '04006381333931');
  assert.equal(normaliseGtin('96385074'), '00000096385074');
  for (let d = 0; d < 10; d++) {
    const g = GTIN.slice(0, 13) + String(d);
    if (d === 2) assert.equal(normaliseGtin(g), GTIN);
    else assert.throws(() => normaliseGtin(g), BAD_DIGIT);
  }
  assert.equal(assertSscc(ssccOf(1)), ssccOf(1));
  assert.throws(() => assertSscc(breakCheckDigit(ssccOf(1))), BAD_DIGIT);
  assert.throws(() => assertSscc('12345'), BAD_CODE);
  assert.throws(() => normaliseGtin('12345678901'), BAD_CODE);
  assert.equal(hasValidCheckDigit(GTIN), true);
  assert.equal(hasValidCheckDigit(breakCheckDigit(GTIN)), false);
});

test('element strings: bracketed, raw with GS, symbology identifier; errors', () => {
  const want = { gtin: GTIN, expiry: '271031', lot: 'L2026A', serial: '000123' };
  assert.deepEqual(parseElementString(`(01)${GTIN}(17)271031(10)L2026A(21)000123`), want);
  assert.deepEqual(parseElementString(`01${GTIN}17271031` + '10L2026A\u001d21000123'), want);
  assert.deepEqual(parseElementString(`]d201${GTIN}17271031` + '10L2026A\u001d21000123'), want);
  assert.deepEqual(parseElementString(`\u001d01${GTIN}10L2026A`), { gtin: GTIN, lot: 'L2026A' });
  assert.deepEqual(parseElementString(`(00)${ssccOf(7)}`), { sscc: ssccOf(7) });
  assert.throws(() => parseElementString(`(01)${breakCheckDigit(GTIN)}(10)A`), BAD_DIGIT);
  assert.throws(() => parseElementString(`(00)${breakCheckDigit(ssccOf(7))}`), BAD_DIGIT);
  assert.throws(() => parseElementString(`(01)${GTIN}(99)x`), BAD_CODE);
  assert.throws(() => parseElementString(`(01)${GTIN}(17)271340`), BAD_CODE);
  assert.throws(() => parseElementString(`(01)${GTIN}(10)${'A'.repeat(21)}`), BAD_CODE);
  assert.throws(() => parseElementString(`(01)${GTIN}(01)${GTIN}`), BAD_CODE);
  assert.throws(() => parseElementString('(10)A1'), BAD_CODE);
  assert.throws(() => parseElementString(`(01)${GTIN}junk`), BAD_CODE);
});

test('Digital Link: any domain, path prefix, short names, query; format round trip', () => {
  assert.deepEqual(parseDigitalLink(`https://id.gs1.org/01/${GTIN}/10/L2026A/21/000123?17=271031`), { gtin: GTIN, lot: 'L2026A', serial: '000123', expiry: '271031' });
  assert.deepEqual(parseDigitalLink(`HTTPS://example.cn/gs1/gtin/${GTIN}/lot/A%2D1?linkType=all&exp=271031#x`), { gtin: GTIN, lot: 'A-1', expiry: '271031' });
  assert.deepEqual(parseDigitalLink(`http://x.y/00/${ssccOf(3)}`), { sscc: ssccOf(3) });
  assert.deepEqual(parseDigitalLink(`https://d.example/01/4006381333931`), { gtin: '04006381333931' });
  assert.throws(() => parseDigitalLink(`https://id.gs1.org/01/${breakCheckDigit(GTIN)}`), BAD_DIGIT);
  assert.throws(() => parseDigitalLink('https://id.gs1.org/10/A1'), BAD_CODE);
  assert.throws(() => parseDigitalLink(`https://id.gs1.org/01/${GTIN}/10`), BAD_CODE);
  assert.throws(() => parseDigitalLink(`https://id.gs1.org/01/${GTIN}/99/x`), BAD_CODE);
  assert.throws(() => parseDigitalLink(`https://id.gs1.org/01/${GTIN}/10/%E0%A4%A`), BAD_CODE);
  assert.throws(() => parseDigitalLink('ftp://id.gs1.org/01/x'), BAD_CODE);
  const link = formatDigitalLink({ gtin: GTIN, lot: 'L2026A', serial: '7', expiry: '271031' });
  assert.equal(link, `https://id.gs1.org/01/${GTIN}/10/L2026A/21/7?17=271031`);
  assert.deepEqual(parseDigitalLink(link), { gtin: GTIN, lot: 'L2026A', serial: '7', expiry: '271031' });
  assert.equal(batchDigitalLink({ gtin: GTIN, lot: 'L 1'.replace(' ', '_'), expiryDate: '2027-10-31' }), `https://id.gs1.org/01/${GTIN}/10/L_1?17=271031`);
  assert.equal(batchDigitalLink({ gtin: GTIN, lot: 'L1', expiryDate: null }, 'https://g.example'), `https://g.example/01/${GTIN}/10/L1`);
  assert.equal(formatSsccLink(ssccOf(3), 'https://gongxin.example'), `https://gongxin.example/00/${ssccOf(3)}`);
});

test('scanned codes: each form, and a bad check digit is an error in every form', () => {
  assert.equal(parseScannedCode(`https://id.gs1.org/01/${GTIN}`).form, 'digital-link');
  assert.equal(parseScannedCode(`(01)${GTIN}(10)A`).form, 'element-string');
  assert.equal(parseScannedCode(`01${GTIN}10A`).form, 'element-string');
  assert.deepEqual(parseScannedCode(` ${ssccOf(2)} `), { form: 'sscc', sscc: ssccOf(2) });
  assert.deepEqual(parseScannedCode(`00${ssccOf(2)}`), { form: 'element-string', sscc: ssccOf(2) });
  assert.deepEqual(parseScannedCode(`${GTIN}-L-1`), { form: 'batch-id', gtin: GTIN, lot: 'L-1' });
  assert.deepEqual(parseScannedCode('L2026A'), { form: 'lot', lot: 'L2026A' });
  for (const bad of [breakCheckDigit(ssccOf(2)), `${breakCheckDigit(GTIN)}-L`, `(01)${breakCheckDigit(GTIN)}`, `https://a.b/01/${breakCheckDigit(GTIN)}`]) {
    assert.throws(() => parseScannedCode(bad), BAD_DIGIT, bad);
  }
  assert.throws(() => parseScannedCode('not a code!'), BAD_CODE);
});

test('dates: ISO, YYMMDD with the GS1 century rule and DD 00, block day', () => {
  const now = Date.UTC(2026, 0, 15);
  assert.equal(isoDayOfMs(now), '2026-01-15');
  assert.equal(isoDayOfMs(0), '1970-01-01');
  assert.equal(isoDayOfMs(Date.UTC(2024, 1, 29, 23, 59)), '2024-02-29');
  assert.equal(normaliseDate('2025-11-01', now), '2025-11-01');
  assert.equal(normaliseDate('251101', now), '2025-11-01');
  assert.equal(normaliseDate('760101', now), '2076-01-01');
  assert.equal(normaliseDate('770101', now), '1977-01-01');
  assert.equal(normaliseDate('240200', now), '2024-02-29');
  assert.equal(isoToGs1Date('2027-10-31'), '271031');
  for (const bad of ['2025-02-29', '2025-13-01', '2025-01-00', '251301', '250132', '25-1-1', 'tomorrow']) {
    assert.throws(() => normaliseDate(bad, now), code('SUPPLY_BAD_DATE'), bad);
  }
});
