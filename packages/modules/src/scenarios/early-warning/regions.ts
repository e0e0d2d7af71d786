// GB/T 2260 administrative division codes (SCENARIOS.md §2): six digits, province XX0000, city XXXX00, county XXXXXX.
// The hierarchy is in the digits, so a city or province rule covers a county by prefix.

/** Province-level prefixes in use (GB/T 2260): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
const PROVINCES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/** Level of a division code. */
export type RegionLevel = 'province' | 'city' | 'county';

/**
 * The level of a code, or undefined when it is not a valid GB/T 2260 code (six digits, a known province, no county
 * digits under a city part of 00).
 * @example regionLevel('420106') // 'county'; regionLevel('420100') // 'city'; regionLevel('420000') // 'province'
 */
export function regionLevel(code: string): RegionLevel | undefined {
  if (!/^\d{6}$/.test(code) || !PROVINCES.has(code.slice(0, 2))) return undefined;
  const city = code.slice(2, 4);
  const county = code.slice(4, 6);
  if (city === '00') return county === '00' ? 'province' : undefined;
  return county === '00' ? 'city' : 'county';
}

/**
 * True when `code` is a valid county-level code.
 * @example isCounty('420106') // true
 */
export function isCounty(code: string): boolean {
  return regionLevel(code) === 'county';
}

/**
 * The county, its city and its province, most specific first.
 * @example regionAncestors('420106') // ['420106', '420100', '420000']
 */
export function regionAncestors(county: string): [string, string, string] {
  return [county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`];
}

/**
 * True when `county` lies within `ruleRegion` (the same county, a county of that city, or of that province).
 * @example isWithin('420106', '420000') // true; isWithin('420106', '110000') // false
 */
export function isWithin(county: string, ruleRegion: string): boolean {
  const level = regionLevel(ruleRegion);
  if (level === undefined || !isCounty(county)) return false;
  if (level === 'province') return county.slice(0, 2) === ruleRegion.slice(0, 2);
  if (level === 'city') return county.slice(0, 4) === ruleRegion.slice(0, 4);
  return county === ruleRegion;
}
