// Dates on GS1 codes: YYMMDD (AI 11, 17) with the GS1 century rule, ISO YYYY-MM-DD, and the ISO day of a block time.
// Pure arithmetic on the block timestamp; no clock.
import { GongxinError } from '@gongxin/core';
import { SUPPLY_ERRORS } from './errors.js';

const DAY_MS = 86_400_000;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * The ISO day (UTC) of a timestamp in ms, e.g. of the block time (civil-from-days, H. Hinnant).
 * @example isoDayOfMs(0) === '1970-01-01'
 */
export function isoDayOfMs(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** True when `s` is a YYMMDD date GS1 allows (DD 00 = last day of the month). */
export function isGs1Date(s: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return false;
  const mm = Number(m[2]);
  const dd = Number(m[3]);
  return mm >= 1 && mm <= 12 && dd <= 31;
}

/**
 * Normalises a production or expiry date to ISO YYYY-MM-DD. YYMMDD takes its century by the GS1 rule (General
 * Specifications §7.12: within 49 years back and 50 ahead of `nowMs`'s year); DD 00 means the month's last day.
 * @throws SUPPLY_BAD_DATE when the text is neither form or not a real day
 * @example normaliseDate('250300', nowMs) === '2025-03-31'
 */
export function normaliseDate(s: string, nowMs: number): string {
  const bad = (): GongxinError => new GongxinError(SUPPLY_ERRORS.BAD_DATE, `"${s}" is not a date (YYMMDD or YYYY-MM-DD)`, { date: s });
  let y: number;
  let mo: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (d === 0) throw bad();
  } else if (isGs1Date(s)) {
    const yy = Number(s.slice(0, 2));
    const now = Number(isoDayOfMs(nowMs).slice(0, 4));
    const diff = yy - (now % 100);
    const century = now - (now % 100) + (diff >= 51 ? -100 : diff <= -50 ? 100 : 0);
    [y, mo, d] = [century + yy, Number(s.slice(2, 4)), Number(s.slice(4, 6))];
    if (d === 0) d = daysInMonth(y, mo);
  } else throw bad();
  if (mo < 1 || mo > 12 || d > daysInMonth(y, mo)) throw bad();
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/**
 * The YYMMDD form of an ISO date, as AI 11/17 and Digital Link `?17=` carry it.
 * @example isoToGs1Date('2026-03-31') === '260331'
 */
export function isoToGs1Date(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}
