// GS1 Digital Link URIs (`https://{any domain}/01/{gtin}/10/{lot}/21/{serial}?17=YYMMDD`): parsing what a phone
// reads and formatting what the ledger prints; plus `parseScannedCode`, which takes any code form the lookup accepts.
import { GongxinError } from '@gongxin/core';
import { SUPPLY_ERRORS } from './errors.js';
import { assertLotText, assertSscc, normaliseGtin, parseElementString, setAiValue, type Gs1Code } from './gs1.js';

/** The resolver the ledger's printed links point at (any GS1 resolver reads them; so does Gongxin's verifier). */
export const DEFAULT_LINK_BASE = 'https://id.gs1.org';

/** Path keys a Digital Link may carry: numeric AIs, and the older short names. */
const PATH_KEYS: Readonly<Record<string, string>> = { '01': '01', gtin: '01', '00': '00', sscc: '00', '10': '10', lot: '10', '21': '21', ser: '21', '22': '22', cpv: '22' };
/** Query attributes that matter here; others (e.g. linkType, non-GS1 params) are ignored. */
const QUERY_KEYS: Readonly<Record<string, string>> = { '11': '11', '17': '17', exp: '17' };

const badLink = (s: string, why: string): GongxinError => new GongxinError(SUPPLY_ERRORS.BAD_CODE, `Digital Link: ${why}`, { code: s });

function decode(s: string, whole: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw badLink(whole, `bad percent-encoding in "${s}"`);
  }
}

/**
 * Parses a GS1 Digital Link URI on any domain (a path prefix before the primary key is allowed).
 * @throws SUPPLY_BAD_CODE (not a link, no GTIN/SSCC, odd path), SUPPLY_BAD_CHECK_DIGIT
 * @example parseDigitalLink('https://id.gs1.org/01/09506000134352/10/A1?17=261231') // { gtin, lot: 'A1', expiry: '261231' }
 */
export function parseDigitalLink(url: string): Gs1Code {
  const m = /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?(?:\?([^#\s]*))?(?:#\S*)?$/i.exec(url);
  if (!m) throw badLink(url, 'not an http(s) URL');
  const segs = (m[1] ?? '').split('/').filter((x) => x !== '');
  const start = segs.findIndex((x) => x === '01' || x === 'gtin' || x === '00' || x === 'sscc');
  if (start < 0) throw badLink(url, 'no /01/{gtin} or /00/{sscc} in the path');
  const rest = segs.slice(start);
  if (rest.length % 2 !== 0) throw badLink(url, 'path keys and values must pair up');
  const out: Gs1Code = {};
  for (let i = 0; i < rest.length; i += 2) {
    const ai = PATH_KEYS[rest[i]!];
    if (ai === undefined) throw badLink(url, `unknown path key "${rest[i]!}"`);
    const value = decode(rest[i + 1]!, url);
    // Digital Link carries GTIN-8/12/13 unpadded; the ledger keys on GTIN-14.
    if (ai !== '22') setAiValue(out, ai, ai === '01' ? normaliseGtin(value) : value, url);
  }
  for (const pair of (m[2] ?? '').split('&')) {
    const eq = pair.indexOf('=');
    const ai = QUERY_KEYS[eq < 0 ? pair : pair.slice(0, eq)];
    if (ai !== undefined && eq >= 0) setAiValue(out, ai, decode(pair.slice(eq + 1), url), url);
  }
  if (out.sscc !== undefined && out.gtin !== undefined) throw badLink(url, 'an SSCC link carries no GTIN');
  return out;
}

/** What to put in a printed link: a batch (GTIN + lot), a unit (+ serial), optionally its expiry as YYMMDD. */
export type DigitalLinkParams = { readonly gtin: string; readonly lot?: string; readonly serial?: string; readonly expiry?: string; readonly base?: string };

/**
 * Formats the Digital Link the ledger prints for a batch or a unit: one QR for Gongxin's verifier and any GS1 resolver.
 * @example formatDigitalLink({ gtin: '09506000134352', lot: 'A1', expiry: '261231' }) === 'https://id.gs1.org/01/09506000134352/10/A1?17=261231'
 */
export function formatDigitalLink(p: DigitalLinkParams): string {
  let s = `${p.base ?? DEFAULT_LINK_BASE}/01/${p.gtin}`;
  if (p.lot !== undefined) s += `/10/${encodeURIComponent(p.lot)}`;
  if (p.serial !== undefined) s += `/21/${encodeURIComponent(p.serial)}`;
  if (p.expiry !== undefined) s += `?17=${p.expiry}`;
  return s;
}

/** The Digital Link of a logistic unit (AI 00). */
export function formatSsccLink(sscc: string, base: string = DEFAULT_LINK_BASE): string {
  return `${base}/00/${sscc}`;
}

/** A batch's id on the ledger: its GTIN, a dash, its lot (unambiguous, as the GTIN is always 14 digits). */
export function batchIdOf(gtin: string, lot: string): string {
  return `${gtin}-${lot}`;
}

/** A scanned code, read: which form it came in, and what it says. */
export type ScannedCode = Gs1Code & { form: 'digital-link' | 'element-string' | 'sscc' | 'batch-id' | 'lot' };

/**
 * Reads whatever a phone camera or a person gives the lookup: a Digital Link URL, an element string (bracketed,
 * or raw with GS separators / a symbology identifier / starting `01`+14 digits), an 18-digit SSCC, a batch id
 * `{gtin}-{lot}`, or a plain lot.
 * @throws SUPPLY_BAD_CHECK_DIGIT for a wrong GTIN/SSCC check digit (never "not found"); SUPPLY_BAD_CODE otherwise
 */
export function parseScannedCode(input: string): ScannedCode {
  const s = input.trim();
  if (/^https?:\/\//i.test(s)) return { form: 'digital-link', ...parseDigitalLink(s) };
  if (s.startsWith('(') || s.startsWith(']') || s.includes('\u001d') || /^01\d{14}/.test(s) || /^00\d{18}$/.test(s)) return { form: 'element-string', ...parseElementString(s) };
  if (/^\d{18}$/.test(s)) return { form: 'sscc', sscc: assertSscc(s) };
  const b = /^(\d{14})-(.+)$/.exec(s);
  if (b) return { form: 'batch-id', gtin: normaliseGtin(b[1]!), lot: assertLotText('lot', b[2]!) };
  return { form: 'lot', lot: assertLotText('lot', s) };
}

/**
 * The Digital Link the ledger prints for a registered batch (GTIN + lot, with `?17=` when it has an expiry date).
 * @param batch a batch record's `gtin`, `lot` and ISO `expiryDate`
 * @example batchDigitalLink({ gtin: '09506000134352', lot: 'L1', expiryDate: '2027-10-31' }) === 'https://id.gs1.org/01/09506000134352/10/L1?17=271031'
 */
export function batchDigitalLink(batch: { readonly gtin: string; readonly lot: string; readonly expiryDate: string | null }, base: string = DEFAULT_LINK_BASE): string {
  const expiry = batch.expiryDate === null ? {} : { expiry: batch.expiryDate.slice(2, 4) + batch.expiryDate.slice(5, 7) + batch.expiryDate.slice(8, 10) };
  return formatDigitalLink({ gtin: batch.gtin, lot: batch.lot, base, ...expiry });
}
