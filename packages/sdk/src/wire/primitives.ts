// Zod schemas for the API's JSON primitives (docs/api.md §JSON shapes): hex bytes, 32-byte hashes, heights.
// Each bytes schema also takes a Uint8Array, so verifiers accept raw JSON and already-parsed objects alike.
import { hexToBytes } from '@gongxin/core';
import { z } from 'zod';
import type { JsonValue } from '../types.js';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Bytes as hex (either case, no 0x) or a Uint8Array, `min`..`max` bytes long.
 * @example bytesSchema(32).parse('00'.repeat(32))
 */
export function bytesSchema(min = 0, max: number = min === 0 ? Number.MAX_SAFE_INTEGER : min): z.ZodType<Uint8Array, string | Uint8Array> {
  const want = min === max ? `${min} bytes` : `${min}..${max} bytes`;
  return z
    .union([z.string().regex(HEX, 'expected an even-length hex string').transform((s) => hexToBytes(s)), z.instanceof(Uint8Array)])
    .refine((b) => b.length >= min && b.length <= max, `expected ${want}`);
}

/** Any number of bytes. */
export const anyBytes: z.ZodType<Uint8Array, string | Uint8Array> = bytesSchema();
/** A 32-byte hash (tx ids, header hashes, roots). */
export const hash32: z.ZodType<Uint8Array, string | Uint8Array> = bytesSchema(32);
/** A list of 32-byte hashes (audit paths, consistency proofs). */
export const hashList: z.ZodType<Uint8Array[], (string | Uint8Array)[]> = z.array(hash32);
/** A non-negative safe integer (heights, counts, indexes, timestamps). */
export const uint: z.ZodType<number, number> = z.number().int().min(0);
/** A JSON view: anything JSON.parse produced. */
export const jsonValue: z.ZodType<JsonValue, unknown> = z.custom<JsonValue>(() => true);
/** A JSON object view (event attributes). */
export const jsonRecord: z.ZodType<{ readonly [key: string]: JsonValue }, unknown> = z.record(z.string(), jsonValue);
