// Pure date arithmetic for reports (SCENARIOS.md §2): ISO 8601 dates and times to ms, hour and day buckets.
// No Date: modules are deterministic, so calendar maths is done by hand (days-from-civil, proleptic Gregorian).
import { GongxinError } from '@gongxin/core';
import { WARNING_ERRORS } from './errors.js';

/** One hour in ms: the bucket of window counting. */
export const HOUR_MS = 3_600_000;
/** One day in ms. */
export const DAY_MS = 86_400_000;
/** China Standard Time offset (UTC+8): report-count days are calendar days in CST. */
export const CST_OFFSET_MS = 8 * HOUR_MS;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function bad(what: string, text: string): GongxinError {
  return new GongxinError(WARNING_ERRORS.timeInvalid, `${what} is not a valid date/time: ${text}`, { field: what, value: text.slice(0, 40) });
}

/**
 * Days since 1970-01-01 of a calendar date `YYYY-MM-DD`.
 * @throws WARNING_TIME_INVALID for bad text or an impossible date (2025-02-30)
 * @example parseDateDays('1970-01-02', 'onsetDate') // 1
 */
export function parseDateDays(text: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) throw bad(field, text);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw bad(field, text);
  return daysFromCivil(y, mo, d);
}

/**
 * ms since the epoch of an ISO 8601 date-time with an explicit offset (`Z` or `±HH:MM`), seconds and fraction optional.
 * @throws WARNING_TIME_INVALID for bad text, impossible dates or times, or a missing offset
 * @example parseIsoMs('2025-01-01T08:00+08:00', 'diagnosedAt') // 1735689600000
 */
export function parseIsoMs(text: string, field: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (m === null) throw bad(field, text);
  const days = parseDateDays(m[1]!, field);
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  const ms = Number((m[5] ?? '0').padEnd(3, '0'));
  if (h > 23 || mi > 59 || s > 59) throw bad(field, text);
  const tz = m[6]!;
  let offset = 0;
  if (tz !== 'Z') {
    const [oh, om] = [Number(tz.slice(1, 3)), Number(tz.slice(4, 6))];
    if (oh > 14 || om > 59) throw bad(field, text);
    offset = (tz.startsWith('-') ? -1 : 1) * (oh * HOUR_MS + om * 60_000);
  }
  return days * DAY_MS + h * HOUR_MS + mi * 60_000 + s * 1000 + ms - offset;
}

/**
 * The hour bucket (whole UTC hours since the epoch) of a time.
 * @example hourOf(7_200_000) // 2
 */
export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

/**
 * The CST calendar date (`YYYY-MM-DD`) of a time: the day reports are counted under.
 * @example cstDate(0) // '1970-01-01'
 */
export function cstDate(ms: number): string {
  return civilFromDays(Math.floor((ms + CST_OFFSET_MS) / DAY_MS));
}

/**
 * The CST date of a day number (days since 1970-01-01), for comparing onset dates with diagnosis days.
 * @example cstDay(DAY_MS - CST_OFFSET_MS) // 1
 */
export function cstDay(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}
