// Argument helpers for requests: ids as lowercase hex, heights checked, values turned into the API's JSON view
// (docs/api.md: Uint8Array → hex, bigint → decimal string, the rest as is).
import { bytesToHex, valueToJsonView, type Value } from '@gongxin/core';
import { invalidArgument } from './errors.js';
import type { JsonValue } from './types.js';

/** A 32-byte id (tx id, header hash) as bytes or hex. */
export type IdLike = Uint8Array | string;

/**
 * Lowercase hex of a 32-byte id given as bytes or hex.
 * @throws SDK_INVALID_ARGUMENT
 * @example idToHex(tx.id) // '9f86…'
 */
export function idToHex(id: IdLike, what = 'id'): string {
  if (id instanceof Uint8Array) {
    if (id.length !== 32) invalidArgument(`${what} must be 32 bytes`, { length: id.length });
    return bytesToHex(id);
  }
  if (typeof id !== 'string' || !/^[0-9a-fA-F]{64}$/.test(id)) invalidArgument(`${what} must be 32 bytes as 64 hex digits`);
  return id.toLowerCase();
}

/**
 * Checks a height / size argument: a non-negative safe integer.
 * @throws SDK_INVALID_ARGUMENT
 * @example checkHeight(12, 'height')
 */
export function checkHeight(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) invalidArgument(`${what} must be a non-negative integer`, { [what]: String(n) });
  return n;
}

/**
 * The API's JSON view of a canonical value (core's valueToJsonView): bytes → hex, bigint → decimal string.
 * @example toJsonView({ id: new Uint8Array([1]), n: 5n }) // { id: '01', n: '5' }
 */
export const toJsonView: (v: Value) => JsonValue = valueToJsonView;
