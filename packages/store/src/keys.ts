// State-key rules shared by every store (docs/architecture.md §Store): keys are compared by their UTF-8 bytes,
// which is Unicode code-point order, so a string with a lone surrogate (no UTF-8 form) is not a key.
import { GongxinError } from '@gongxin/core';

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Asserts `s` has a UTF-8 form (no lone surrogates), so the byte order of keys is defined.
 * @param what - names the argument in the error.
 * @throws STORE_INVALID_KEY
 * @example assertKeyText('key', 'donation/42');
 */
export function assertKeyText(what: string, s: string): void {
  if (typeof s !== 'string' || LONE_SURROGATE.test(s)) {
    throw new GongxinError('STORE_INVALID_KEY', `${what} must be a string with a UTF-8 form (no lone surrogates)`, { field: what });
  }
}

/**
 * Compares two well-formed strings by their UTF-8 bytes (= code points), not by UTF-16 units as `<` does.
 * @returns negative, zero or positive.
 * @example compareUtf8('\uFFFF', '\u{10000}') < 0 // while '\uFFFF' > '\u{10000}' in UTF-16 order
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Units from 0xD800 up: surrogates (code points above U+FFFF) must sort after U+E000..U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) return fixup(x) - fixup(y);
    return x - y;
  }
  return a.length - b.length;
}

function fixup(u: number): number {
  return u >= 0xe000 ? u - 0x800 : u + 0x2000;
}

/**
 * The smallest string greater than every string that starts with `prefix` (in UTF-8 order), or undefined when
 * there is none (an empty prefix, or one made only of U+10FFFF). Lets a prefix scan run as an index range.
 * @throws STORE_INVALID_KEY when `prefix` has a lone surrogate
 * @example prefixUpperBound('ab') // 'ac'
 */
export function prefixUpperBound(prefix: string): string | undefined {
  assertKeyText('prefix', prefix);
  const cps = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (cps.length > 0) {
    const last = cps.pop()!;
    if (last === 0x10ffff) continue;
    cps.push(last === 0xd7ff ? 0xe000 : last + 1);
    return String.fromCodePoint(...cps);
  }
  return undefined;
}

/**
 * Asserts a scan limit is a non-negative safe integer.
 * @throws STORE_INVALID_LIMIT
 */
export function assertLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new GongxinError('STORE_INVALID_LIMIT', 'limit must be a non-negative integer', { limit: String(limit) });
  }
}
