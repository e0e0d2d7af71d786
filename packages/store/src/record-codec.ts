// How the stores keep headers, genesis documents and receipts: their canonical encodings (docs/spec/encoding.md),
// so stored bytes are what was hashed. Reading back a row that does not decode means the file is damaged.
import {
  decode,
  encode,
  expectArray,
  expectBool,
  expectBytes,
  expectMap,
  expectString,
  genesisFromValue,
  genesisToValue,
  GongxinError,
  headerFromValue,
  headerToValue,
  isGongxinError,
} from '@gongxin/core';
import type { BlockHeader, GenesisDoc, LedgerEvent, Receipt, Value } from '@gongxin/core';

const CORRUPT = 'STORE_CORRUPT';

function corrupt(what: string, e: unknown): GongxinError {
  const reason = isGongxinError(e) ? e.code : 'unknown';
  return new GongxinError(CORRUPT, `stored ${what} does not decode (${reason})`, { what, reason }, { cause: e });
}

/** Canonical header bytes. @throws ENCODING_* for a header with out-of-range fields */
export function encodeHeader(h: BlockHeader): Uint8Array {
  return encode(headerToValue(h));
}

/** @throws STORE_CORRUPT */
export function decodeStoredHeader(bytes: Uint8Array): BlockHeader {
  try {
    return headerFromValue(decode(bytes));
  } catch (e) {
    throw corrupt('header', e);
  }
}

/** Canonical genesis bytes. @throws ENCODING_* for a document that cannot be encoded */
export function encodeGenesis(g: GenesisDoc): Uint8Array {
  return encode(genesisToValue(g));
}

/** @throws STORE_CORRUPT */
export function decodeStoredGenesis(bytes: Uint8Array): GenesisDoc {
  try {
    return genesisFromValue(decode(bytes));
  } catch (e) {
    throw corrupt('genesis', e);
  }
}

function eventFromValue(v: Value): LedgerEvent {
  const m = expectMap(v, 'receipt.event', CORRUPT, ['module', 'type', 'attrs']);
  return {
    module: expectString(m.module, 'event.module', CORRUPT, Number.MAX_SAFE_INTEGER),
    type: expectString(m.type, 'event.type', CORRUPT, Number.MAX_SAFE_INTEGER),
    attrs: expectMap(m.attrs, 'event.attrs', CORRUPT),
  };
}

/**
 * Receipt from its canonical bytes (the inverse of encodeReceipt).
 * @throws STORE_CORRUPT
 */
export function decodeStoredReceipt(bytes: Uint8Array): Receipt {
  try {
    const m = expectMap(decode(bytes), 'receipt', CORRUPT, ['txId', 'ok', 'code', 'message', 'events']);
    return {
      txId: expectBytes(m.txId, 'receipt.txId', CORRUPT, 0, Number.MAX_SAFE_INTEGER),
      ok: expectBool(m.ok, 'receipt.ok', CORRUPT),
      code: expectString(m.code, 'receipt.code', CORRUPT, Number.MAX_SAFE_INTEGER),
      message: expectString(m.message, 'receipt.message', CORRUPT, Number.MAX_SAFE_INTEGER),
      events: expectArray(m.events, 'receipt.events', CORRUPT, Number.MAX_SAFE_INTEGER).map(eventFromValue),
    };
  } catch (e) {
    throw corrupt('receipt', e);
  }
}
