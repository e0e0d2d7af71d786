// Language-neutral JSON form of canonical values, used by the vector files (docs/spec/encoding.md §Test vectors).
import { bytesToHex, hexToBytes, type Value } from '@gongxin/core';

/** A canonical value in tagged JSON. */
export type JsonValue =
  | { int: string }
  | { bytes: string }
  | { text: string }
  | { bool: boolean }
  | { null: true }
  | { array: JsonValue[] }
  | { map: Array<[string, JsonValue]> };

export function toJsonValue(v: Value): JsonValue {
  if (v === null) return { null: true };
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'number' || typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'string') return { text: v };
  if (v instanceof Uint8Array) return { bytes: bytesToHex(v) };
  if (Array.isArray(v)) return { array: (v as Value[]).map(toJsonValue) };
  return { map: Object.entries(v as Record<string, Value>).map(([k, x]) => [k, toJsonValue(x)]) };
}

export function fromJsonValue(j: JsonValue): Value {
  if ('null' in j) return null;
  if ('bool' in j) return j.bool;
  if ('int' in j) {
    const b = BigInt(j.int);
    return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  if ('text' in j) return j.text;
  if ('bytes' in j) return hexToBytes(j.bytes);
  if ('array' in j) return j.array.map(fromJsonValue);
  const out: Record<string, Value> = {};
  for (const [k, x] of j.map) Object.defineProperty(out, k, { value: fromJsonValue(x), enumerable: true, writable: true, configurable: true });
  return out;
}
