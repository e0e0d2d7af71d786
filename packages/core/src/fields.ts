// Typed readers for decoded canonical values: each failure names the field and carries the caller's stable code.
import type { Value } from './encoding.js';
import { GongxinError } from './errors.js';

/** A decoded map (text keys). */
export type ValueMap = { readonly [key: string]: Value };

/** True for a decoded map (not bytes, not an array). */
export function isValueMap(v: Value | undefined): v is ValueMap {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !Array.isArray(v);
}

/**
 * Asserts `v` is a map with exactly the `allowed` keys present among its keys (no unknown fields).
 * @throws `code` when it is not a map or has an unknown field
 */
export function expectMap(v: Value | undefined, what: string, code: string, allowed?: readonly string[]): ValueMap {
  if (!isValueMap(v)) throw new GongxinError(code, `${what} must be a map`, { field: what });
  if (allowed) {
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) throw new GongxinError(code, `${what} has an unknown field "${k}"`, { field: `${what}.${k}` });
    }
  }
  return v;
}

/** @throws `code` unless `v` is a string of at most `max` UTF-16 units (and at least `min`). */
export function expectString(v: Value | undefined, what: string, code: string, max = 256, min = 0): string {
  if (typeof v !== 'string') throw new GongxinError(code, `${what} must be a string`, { field: what });
  if (v.length > max || v.length < min) throw new GongxinError(code, `${what} must be ${min}..${max} characters`, { field: what });
  return v;
}

/** @throws `code` unless `v` is an integer in [min, max] (safe integers only). */
export function expectInt(v: Value | undefined, what: string, code: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new GongxinError(code, `${what} must be an integer in [${min}, ${max}]`, { field: what });
  }
  return v;
}

/** @throws `code` unless `v` is a byte string of length in [min, max] (exactly `min` when max omitted). */
export function expectBytes(v: Value | undefined, what: string, code: string, min: number, max: number = min): Uint8Array {
  if (!(v instanceof Uint8Array) || v.length < min || v.length > max) {
    const want = min === max ? `${min}` : `${min}..${max}`;
    throw new GongxinError(code, `${what} must be ${want} bytes`, { field: what });
  }
  return v;
}

/** @throws `code` unless `v` is a boolean. */
export function expectBool(v: Value | undefined, what: string, code: string): boolean {
  if (typeof v !== 'boolean') throw new GongxinError(code, `${what} must be a boolean`, { field: what });
  return v;
}

/** @throws `code` unless `v` is an array of at most `max` items. */
export function expectArray(v: Value | undefined, what: string, code: string, max: number): readonly Value[] {
  if (!Array.isArray(v)) throw new GongxinError(code, `${what} must be an array`, { field: what });
  const arr = v as readonly Value[];
  if (arr.length > max) throw new GongxinError(code, `${what} has more than ${max} items`, { field: what });
  return arr;
}
