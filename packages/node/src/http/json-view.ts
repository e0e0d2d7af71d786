// JSON views of ledger objects for the HTTP API (docs/api.md §JSON shapes): bytes as lowercase hex.
import { bytesToHex, encodeReceipt, type BlockHeader, type Receipt, type Value } from '@gongxin/core';

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Readable JSON view of a canonical value: bytes → hex, bigint → decimal string. */
export function valueToJson(v: Value): Json {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return bytesToHex(v);
  if (Array.isArray(v)) return (v as readonly Value[]).map(valueToJson);
  const out: { [key: string]: Json } = {};
  for (const [k, x] of Object.entries(v as Record<string, Value>)) out[k] = valueToJson(x);
  return out;
}

/** Header JSON; the SDK rebuilds the canonical header from exactly these fields. */
export function headerToJson(h: BlockHeader): Json {
  return {
    chainId: h.chainId,
    height: h.height,
    prevHash: bytesToHex(h.prevHash),
    timestamp: h.timestamp,
    txCount: h.txCount,
    txRoot: bytesToHex(h.txRoot),
    receiptsRoot: bytesToHex(h.receiptsRoot),
    stateRoot: bytesToHex(h.stateRoot),
    historyRoot: bytesToHex(h.historyRoot),
    proposer: bytesToHex(h.proposer),
  };
}

/** Receipt JSON with its canonical bytes. */
export function receiptToJson(r: Receipt): Json {
  return {
    txId: bytesToHex(r.txId),
    ok: r.ok,
    code: r.code,
    message: r.message,
    events: r.events.map((e) => ({ module: e.module, type: e.type, attrs: valueToJson(e.attrs) })),
    receiptHex: bytesToHex(encodeReceipt(r)),
  };
}
