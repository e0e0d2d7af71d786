// Receipts read back from their canonical bytes (docs/spec/blocks.md §Receipt): the inverse of core's
// encodeReceipt, strict about fields, for bundles that carry receipt bytes.
import { decode, expectArray, expectBool, expectBytes, expectMap, expectString, isGongxinError, type LedgerEvent, type Receipt } from '@gongxin/core';
import { ProofError } from '../errors.js';

const C = 'RECEIPT_MALFORMED';

/**
 * A receipt from canonical receipt bytes.
 * @throws ProofError RECEIPT_MALFORMED (or the ENCODING_* code of non-canonical bytes)
 * @example const r = receiptFromBytes(hexToBytes(view.receiptHex));
 */
export function receiptFromBytes(bytes: Uint8Array, txId?: string): Receipt {
  try {
    const m = expectMap(decode(bytes), 'receipt', C, ['txId', 'ok', 'code', 'message', 'events']);
    const events = expectArray(m.events, 'receipt.events', C, 10_000).map((e, i): LedgerEvent => {
      const em = expectMap(e, `receipt.events[${i}]`, C, ['module', 'type', 'attrs']);
      return {
        module: expectString(em.module, `events[${i}].module`, C),
        type: expectString(em.type, `events[${i}].type`, C),
        attrs: expectMap(em.attrs, `events[${i}].attrs`, C),
      };
    });
    return {
      txId: expectBytes(m.txId, 'receipt.txId', C, 32),
      ok: expectBool(m.ok, 'receipt.ok', C),
      code: expectString(m.code, 'receipt.code', C, 1024),
      message: expectString(m.message, 'receipt.message', C, 64 * 1024),
      events,
    };
  } catch (e) {
    if (isGongxinError(e)) throw new ProofError(e.code, `receipt: ${e.message}`, { txId, cause: e });
    throw e;
  }
}
