// GS1 identifiers as printed on medical supplies: GTIN (AI 01) and SSCC (AI 00) check digits, lot (AI 10) and serial
// (AI 21) text, and element strings `(01)…(10)…` or FNC1/GS-separated. Pure; a wrong check digit is SUPPLY_BAD_CHECK_DIGIT.
import { GongxinError } from '@gongxin/core';
import { SUPPLY_ERRORS } from './errors.js';
import { isGs1Date } from './gs1-date.js';

/** What a GS1 code says: any of GTIN, lot, serial, SSCC, production (AI 11) and expiry (AI 17) dates as YYMMDD. */
export type Gs1Code = {
  gtin?: string;
  lot?: string;
  serial?: string;
  sscc?: string;
  production?: string;
  expiry?: string;
};

/** Lot and serial text the ledger carries: GS1's AI 10/21 limit of 20 characters, from a URL- and key-safe subset of GS1 set 82. */
export const LOT_PATTERN = /^[0-9A-Za-z._-]{1,20}$/;
/** The GS separator (ASCII 29) that ends a variable-length field; FNC1 reads as it. */
export const GS = '\u001d';

/**
 * The GS1 mod-10 check digit of `body` (the digits before the check digit): weights 3, 1, 3, … from the right.
 * @example gs1CheckDigit('0950600013435') === 2
 */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

function assertCheckDigit(kind: string, digits: string): void {
  const want = gs1CheckDigit(digits.slice(0, -1));
  if (Number(digits.slice(-1)) !== want) {
    throw new GongxinError(SUPPLY_ERRORS.BAD_CHECK_DIGIT, `${kind} ${digits} has a wrong check digit (expected ${want})`, { code: digits, kind, expected: want });
  }
}

/**
 * A GTIN-8/12/13/14 as the 14-digit GTIN the ledger keys on, check digit verified.
 * @throws SUPPLY_BAD_CODE when not 8, 12, 13 or 14 digits; SUPPLY_BAD_CHECK_DIGIT when the check digit is wrong
 * @example normaliseGtin('6901234567892') === '06901234567892'
 */
export function normaliseGtin(s: string): string {
  if (!/^(\d{8}|\d{12,14})$/.test(s)) throw new GongxinError(SUPPLY_ERRORS.BAD_CODE, `"${s}" is not a GTIN (8, 12, 13 or 14 digits)`, { code: s, kind: 'gtin' });
  const gtin = s.padStart(14, '0');
  assertCheckDigit('GTIN', gtin);
  return gtin;
}

/**
 * Checks an SSCC (18 digits with its check digit) and returns it.
 * @throws SUPPLY_BAD_CODE when not 18 digits; SUPPLY_BAD_CHECK_DIGIT when the check digit is wrong
 */
export function assertSscc(s: string): string {
  if (!/^\d{18}$/.test(s)) throw new GongxinError(SUPPLY_ERRORS.BAD_CODE, `"${s}" is not an SSCC (18 digits)`, { code: s, kind: 'sscc' });
  assertCheckDigit('SSCC', s);
  return s;
}

/** True when the digits carry a correct GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && Number(digits.slice(-1)) === gs1CheckDigit(digits.slice(0, -1));
}

/**
 * Checks lot or serial text against LOT_PATTERN.
 * @throws SUPPLY_BAD_CODE naming the field
 */
export function assertLotText(field: 'lot' | 'serial', s: string): string {
  if (!LOT_PATTERN.test(s)) throw new GongxinError(SUPPLY_ERRORS.BAD_CODE, `${field} "${s}" must be 1-20 characters of 0-9 A-Z a-z . _ -`, { field, code: s });
  return s;
}

type AiSpec = { readonly field: keyof Gs1Code | null; readonly fixed?: number; readonly max?: number };

/** Application identifiers the reader knows (GB/T 16986); others in a code are SUPPLY_BAD_CODE, as their lengths are unknown. */
const AIS: Readonly<Record<string, AiSpec>> = {
  '00': { field: 'sscc', fixed: 18 },
  '01': { field: 'gtin', fixed: 14 },
  '02': { field: null, fixed: 14 },
  '10': { field: 'lot', max: 20 },
  '11': { field: 'production', fixed: 6 },
  '13': { field: null, fixed: 6 },
  '15': { field: null, fixed: 6 },
  '16': { field: null, fixed: 6 },
  '17': { field: 'expiry', fixed: 6 },
  '21': { field: 'serial', max: 20 },
  '30': { field: null, max: 8 },
  '37': { field: null, max: 8 },
  '240': { field: null, max: 30 },
};

const badCode = (s: string, why: string): GongxinError => new GongxinError(SUPPLY_ERRORS.BAD_CODE, `element string: ${why}`, { code: s });

/**
 * Checks one AI's value and stores it on `out`.
 * @throws SUPPLY_BAD_CHECK_DIGIT, SUPPLY_BAD_CODE
 */
export function setAiValue(out: Gs1Code, ai: string, value: string, whole: string): void {
  const spec = AIS[ai];
  if (!spec) throw badCode(whole, `unknown application identifier (${ai})`);
  if (spec.fixed !== undefined && value.length !== spec.fixed) throw badCode(whole, `(${ai}) needs ${spec.fixed} characters`);
  if (spec.max !== undefined && (value.length === 0 || value.length > spec.max)) throw badCode(whole, `(${ai}) needs 1-${spec.max} characters`);
  if (spec.field === null) return;
  if (out[spec.field] !== undefined) throw badCode(whole, `(${ai}) appears twice`);
  if (spec.field === 'gtin') out.gtin = normaliseGtin(value);
  else if (spec.field === 'sscc') out.sscc = assertSscc(value);
  else if (spec.field === 'lot' || spec.field === 'serial') out[spec.field] = assertLotText(spec.field, value);
  else if (isGs1Date(value)) out[spec.field] = value;
  else throw badCode(whole, `(${ai}) is not a YYMMDD date`);
}

function parseBracketed(s: string): Gs1Code {
  const out: Gs1Code = {};
  const re = /\((\d{2,4})\)([^()]*)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < s.length && (m = re.exec(s)) !== null) setAiValue(out, m[1]!, m[2]!, s);
  if (re.lastIndex !== s.length) throw badCode(s, 'expected (AI)value groups');
  return out;
}

function parseRaw(s: string): Gs1Code {
  const out: Gs1Code = {};
  let i = 0;
  while (i < s.length) {
    if (s[i] === GS) {
      i++;
      continue;
    }
    const ai = [2, 3, 4].map((n) => s.slice(i, i + n)).find((a) => AIS[a] !== undefined);
    if (ai === undefined) throw badCode(s, `unknown application identifier at position ${i}`);
    const spec = AIS[ai]!;
    i += ai.length;
    let end: number;
    if (spec.fixed !== undefined) end = i + spec.fixed;
    else {
      const gs = s.indexOf(GS, i);
      end = gs < 0 ? s.length : gs;
    }
    setAiValue(out, ai, s.slice(i, end), s);
    i = end;
  }
  return out;
}

/**
 * Parses a GS1 element string: `(01)09506000134352(10)A1(21)7` (human-readable), or the raw form a scanner sends
 * (`0109506000134352` `10A1` GS `217`, optionally led by a symbology identifier `]d2`/`]Q3`/`]C1`/`]e0` or FNC1).
 * @throws SUPPLY_BAD_CODE (unknown AI, wrong length, bad text), SUPPLY_BAD_CHECK_DIGIT (GTIN or SSCC)
 */
export function parseElementString(input: string): Gs1Code {
  const s = input.replace(/^\][A-Za-z]\d/, '');
  if (s.length === 0) throw badCode(input, 'empty');
  const out = s.startsWith('(') ? parseBracketed(s) : parseRaw(s);
  if (out.gtin === undefined && out.sscc === undefined) throw badCode(input, 'no GTIN (01) or SSCC (00)');
  return out;
}
