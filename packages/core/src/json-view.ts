// The readable JSON view of canonical values the HTTP API serves (docs/api.md §JSON shapes): bytes as lowercase
// hex, bigints as decimal strings, everything else as is. One definition for the peer, the SDK and tools.
import { bytesToHex } from './bytes.js';
import type { Value } from './encoding.js';
import { headerToValue, type BlockHeader } from './header.js';

/** A JSON value as the API serves it. */
export type JsonView = null | boolean | number | string | readonly JsonView[] | { readonly [key: string]: JsonView };

/**
 * JSON view of a canonical value (for reading; the canonical bytes, not this view, are what proofs cover).
 * @example valueToJsonView({ id: new Uint8Array([1]), n: 5n }) // { id: '01', n: '5' }
 */
export function valueToJsonView(v: Value): JsonView {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return bytesToHex(v);
  if (Array.isArray(v)) return (v as readonly Value[]).map(valueToJsonView);
  const out: { [key: string]: JsonView } = {};
  for (const [k, x] of Object.entries(v as Record<string, Value>)) out[k] = valueToJsonView(x);
  return out;
}

/** Header JSON (hashes as hex); a client rebuilds the canonical header from exactly these fields. */
export function headerToJsonView(h: BlockHeader): JsonView {
  return valueToJsonView(headerToValue(h));
}
