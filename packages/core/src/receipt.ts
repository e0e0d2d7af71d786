// Receipts and events (docs/spec/blocks.md §Receipts): one per tx, committed by the receipts root.
import { encode, type Value } from './encoding.js';

/** An event a module emits while applying a command; part of the receipt. */
export interface LedgerEvent {
  readonly module: string;
  readonly type: string;
  readonly attrs: { readonly [key: string]: Value };
}

/** The outcome of one transaction. A failed tx changes no state; its receipt says why with a stable code. */
export interface Receipt {
  readonly txId: Uint8Array;
  readonly ok: boolean;
  /** '' when ok, else a stable error code. */
  readonly code: string;
  readonly message: string;
  readonly events: readonly LedgerEvent[];
}

/** The receipt as a canonical value. */
export function receiptToValue(r: Receipt): Value {
  return {
    txId: r.txId,
    ok: r.ok,
    code: r.code,
    message: r.message,
    events: r.events.map((e) => ({ module: e.module, type: e.type, attrs: e.attrs })),
  };
}

/** Canonical receipt bytes (the receipts tree's leaf data). */
export function encodeReceipt(r: Receipt): Uint8Array {
  return encode(receiptToValue(r));
}
