// Test support (imported by the *.test.ts files only): a QueryContext over committed state, codes with correct
// check digits, and a ready batch's args. Pure; no testkit import, so the package build stays acyclic.
import { decode, type QueryContext, type StateReader, type Value } from '@gongxin/core';
import { gs1CheckDigit } from './gs1.js';

/** Module name the tests use. */
export const M = 'supply-trace';

/** `body` followed by its GS1 check digit. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

/** The same code with its check digit changed (always wrong). */
export function breakCheckDigit(code: string): string {
  return code.slice(0, -1) + String((Number(code.slice(-1)) + 1) % 10);
}

/** A GTIN-14 (GS1's documentation example) and a second one. */
export const GTIN = '09506000134352';
export const GTIN2 = withCheckDigit('0690123456789');
/** The n-th test SSCC (extension 0, GS1 China prefix 690123, serial reference n). */
export function ssccOf(n: number): string {
  return withCheckDigit(`0690123${String(n).padStart(10, '0')}`);
}

/** Args of a valid N95 batch; override any field. */
export function batchArgs(over: Record<string, Value> = {}): Record<string, Value> {
  return { gtin: GTIN, lot: 'L2026A', productType: 'n95-respirator', standard: 'GB 19083-2010', quantity: 1000, productionDate: '251101', expiryDate: '2027-10-31', ...over };
}

/** A QueryContext of module `M` over committed state at `height`. */
export function queryContextOf(state: StateReader, height: number): QueryContext {
  const read = (m: string, k: string): Value | undefined => {
    const v = state.get(m, k);
    return v === undefined ? undefined : decode(v);
  };
  return {
    height,
    get: (k) => read(M, k),
    read,
    scan: (prefix, o) => state.scan(M, prefix, o?.after, o?.limit ?? 100).map(([k, v]) => [k, decode(v)] as const),
  };
}
