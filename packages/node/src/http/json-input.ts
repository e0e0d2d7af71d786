// Turning request JSON into canonical values: integers only (no floats), strings, booleans, null, arrays, maps.
import { GongxinError, hexToBytes, type Value } from '@gongxin/core';

/**
 * JSON (already parsed) → canonical value. Floats are refused: amounts and counts are integers.
 * @throws REQUEST_INVALID
 */
export function jsonToValue(j: unknown, path = 'params'): Value {
  if (j === null || typeof j === 'boolean' || typeof j === 'string') return j;
  if (typeof j === 'number') {
    if (!Number.isSafeInteger(j)) throw new GongxinError('REQUEST_INVALID', `${path} must be an integer`, { field: path });
    return j;
  }
  if (Array.isArray(j)) return j.map((x, i) => jsonToValue(x, `${path}[${i}]`));
  if (typeof j === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(j as Record<string, unknown>)) {
      Object.defineProperty(out, k, { value: jsonToValue(x, `${path}.${k}`), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  throw new GongxinError('REQUEST_INVALID', `${path} has an unsupported type`, { field: path });
}

/** @throws REQUEST_INVALID unless `s` is a 32-byte hex id */
export function parseId(s: string, what: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(s)) throw new GongxinError('REQUEST_INVALID', `${what} must be 64 hex characters`, { field: what });
  return hexToBytes(s.toLowerCase());
}

/** @throws REQUEST_INVALID unless `s` is a non-negative integer */
export function parseHeight(s: string | undefined, what: string): number {
  if (s === undefined || !/^\d{1,15}$/.test(s)) throw new GongxinError('REQUEST_INVALID', `${what} must be a non-negative integer`, { field: what });
  return Number(s);
}
