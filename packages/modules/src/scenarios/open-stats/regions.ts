// GB/T 2260 administrative division codes (SCENARIOS.md §6): 6 digits, province = first 2 digits + 0000,
// city (prefecture level) = first 4 digits + 00, county = anything else. Pure string arithmetic, no table of names.
import { GongxinError } from '@gongxin/core';
import { STATS_ERRORS } from './errors.js';

/** The two-digit province prefixes of GB/T 2260 (31 provincial divisions, plus Taiwan, Hong Kong and Macao). */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
];
const PREFIXES = new Set(PROVINCE_PREFIXES);

/** Level of a division in the code: province, city (prefecture) or county. */
export type RegionLevel = 'province' | 'city' | 'county';

/**
 * True when `code` is a well-formed GB/T 2260 code: 6 digits, a known province prefix, and no county digits
 * without city digits (e.g. `110001` is not a code).
 * @example isRegionCode('420100') // true (Wuhan); isRegionCode('990000') // false
 */
export function isRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code) || !PREFIXES.has(code.slice(0, 2))) return false;
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00');
}

/**
 * Throws unless `code` is a GB/T 2260 code.
 * @throws STATS_BAD_REGION
 * @example assertRegion('420000');
 */
export function assertRegion(code: string, field = 'region'): void {
  if (!isRegionCode(code)) throw new GongxinError(STATS_ERRORS.BAD_REGION, `${field} "${code.slice(0, 16)}" is not a GB/T 2260 region code`, { field });
}

/**
 * Level of a (valid) code.
 * @example regionLevel('420000') // 'province'; regionLevel('420100') // 'city'; regionLevel('420102') // 'county'
 */
export function regionLevel(code: string): RegionLevel {
  if (code.slice(2) === '0000') return 'province';
  return code.slice(4) === '00' ? 'city' : 'county';
}

/**
 * The province a code belongs to (`first 2 digits + 0000`).
 * @example provinceOf('420102') // '420000'
 */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/**
 * The city (prefecture) a code belongs to (`first 4 digits + 00`); a province code maps to itself.
 * @example cityOf('420102') // '420100'
 */
export function cityOf(code: string): string {
  return code.slice(2, 4) === '00' ? code : `${code.slice(0, 4)}00`;
}

/**
 * The direct parent of a code: county → city, city → province, province → null.
 * @example parentRegion('420102') // '420100'; parentRegion('420100') // '420000'; parentRegion('420000') // null
 */
export function parentRegion(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'province') return null;
  return level === 'city' ? provinceOf(code) : cityOf(code);
}

/**
 * True when `child` is a direct child of `parent` (a city of a province, or a county of a city).
 * @example isDirectChild('420000', '420100') // true; isDirectChild('420000', '420102') // false
 */
export function isDirectChild(parent: string, child: string): boolean {
  return child !== parent && parentRegion(child) === parent;
}
