// Receipts as text (docs/api.md §Receipt): ok or the failure code and message, then each event on one line.
import { bytesToHex } from '@gongxin/core';
import type { ReceiptView } from '@gongxin/sdk';
import { brief } from './output.js';

/**
 * Lines describing a receipt.
 * @example receiptLines(receipt) // ['ok', '  event notary.anchored {"digest":"…"}']
 */
export function receiptLines(r: ReceiptView, indent = ''): string[] {
  const head = r.ok ? `${indent}ok` : `${indent}failed ${r.code}: ${r.message}`;
  return [head, ...r.events.map((e) => `${indent}  event ${e.module}.${e.type} ${brief(e.attrs)}`)];
}

/** A receipt's JSON view (docs/api.md shape). */
export function receiptJson(r: ReceiptView): { [key: string]: unknown } {
  return { txId: bytesToHex(r.txId), ok: r.ok, code: r.code, message: r.message, events: r.events, receiptHex: bytesToHex(r.receiptBytes) };
}
