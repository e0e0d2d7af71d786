// Calendar dates of daily figures (SCENARIOS.md §6): YYYY-MM-DD, checked without a clock (modules are pure).
// Day numbers count days since 1970-01-01; "today" is the block timestamp's day in China Standard Time (UTC+8).
import { GongxinError } from '@gongxin/core';
import { STATS_ERRORS } from './errors.js';

const MS_PER_DAY = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * True when `date` is a calendar date `YYYY-MM-DD` with a year from 1900 to 2999.
 * @example isCalendarDate('2020-02-29') // true; isCalendarDate('2021-02-29') // false
 */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Throws unless `date` is a calendar date.
 * @throws STATS_BAD_DATE
 * @example assertDate('2020-02-01');
 */
export function assertDate(date: string, field = 'date'): void {
  if (!isCalendarDate(date)) throw new GongxinError(STATS_ERRORS.BAD_DATE, `${field} "${date.slice(0, 16)}" is not a date YYYY-MM-DD`, { field });
}

/**
 * Days since 1970-01-01 of a (valid) calendar date (Howard Hinnant's days_from_civil).
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The day number of a block timestamp (ms) in China Standard Time.
 * @example blockDay(0) // 0
 */
export function blockDay(timestampMs: number): number {
  return Math.floor((timestampMs + CST_OFFSET_MS) / MS_PER_DAY);
}
