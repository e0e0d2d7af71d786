// JSON views of ledger objects for the HTTP API (docs/api.md §JSON shapes): bytes as lowercase hex.
import { bytesToHex, encodeReceipt, headerToJsonView, valueToJsonView, type BlockHeader, type JsonView, type Receipt, type Value } from '@gongxin/core';

/** A JSON value as the API serves it. */
export type Json = JsonView;

/** Readable JSON view of a canonical value: bytes → hex, bigint → decimal string (core's valueToJsonView). */
export const valueToJson: (v: Value) => Json = valueToJsonView;

/** Header JSON; the SDK rebuilds the canonical header from exactly these fields (core's headerToJsonView). */
export const headerToJson: (h: BlockHeader) => Json = headerToJsonView;

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
