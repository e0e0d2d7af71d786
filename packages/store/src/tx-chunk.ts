// The stored form of a block's txs (docs/architecture.md §Store): consecutive txs packed into chunks of
// TX_CHUNK_SIZE, each entry = u32 idLen, u32 bytesLen, u32 receiptLen (little-endian), then the three byte strings.
// One row per chunk keeps commits append-only while a single tx is found by reading one ~16 KB chunk.
import { GongxinError } from '@gongxin/core';

/** Txs per chunk; part of the on-disk format (schema version 1). */
export const TX_CHUNK_SIZE = 64;

/** One stored tx: its id, its canonical bytes and its canonical receipt bytes. */
export interface PackedTx {
  readonly id: Uint8Array;
  readonly bytes: Uint8Array;
  readonly receipt: Uint8Array;
}

const ENTRY_HEAD = 12;

/**
 * Packs txs (at most TX_CHUNK_SIZE, not checked) into one chunk.
 * @example const chunk = packTxChunk([{ id, bytes, receipt }]);
 */
export function packTxChunk(txs: readonly PackedTx[]): Uint8Array {
  let n = 0;
  for (const t of txs) n += ENTRY_HEAD + t.id.length + t.bytes.length + t.receipt.length;
  const out = new Uint8Array(n);
  const view = new DataView(out.buffer);
  let o = 0;
  for (const t of txs) {
    view.setUint32(o, t.id.length, true);
    view.setUint32(o + 4, t.bytes.length, true);
    view.setUint32(o + 8, t.receipt.length, true);
    o += ENTRY_HEAD;
    out.set(t.id, o);
    o += t.id.length;
    out.set(t.bytes, o);
    o += t.bytes.length;
    out.set(t.receipt, o);
    o += t.receipt.length;
  }
  return out;
}

function bad(offset: number): GongxinError {
  return new GongxinError('STORE_CORRUPT', 'a stored tx chunk is truncated', { what: 'tx chunk', offset });
}

/**
 * Visits the entries of a chunk in order; stops early when `visit` returns false (true: go on).
 * The arrays passed are views into `chunk` (copy them to keep them past a later write to `chunk`).
 * @throws STORE_CORRUPT
 */
export function forEachPackedTx(chunk: Uint8Array, visit: (tx: PackedTx, i: number) => boolean): void {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let o = 0;
  for (let i = 0; o < chunk.length; i++) {
    if (o + ENTRY_HEAD > chunk.length) throw bad(o);
    const idLen = view.getUint32(o, true);
    const bytesLen = view.getUint32(o + 4, true);
    const receiptLen = view.getUint32(o + 8, true);
    const start = o + ENTRY_HEAD;
    const end = start + idLen + bytesLen + receiptLen;
    if (end > chunk.length) throw bad(o);
    const tx = {
      id: chunk.subarray(start, start + idLen),
      bytes: chunk.subarray(start + idLen, start + idLen + bytesLen),
      receipt: chunk.subarray(start + idLen + bytesLen, end),
    };
    if (!visit(tx, i)) return;
    o = end;
  }
}

/**
 * Unpacks all entries of a chunk (views into `chunk`).
 * @throws STORE_CORRUPT
 */
export function unpackTxChunk(chunk: Uint8Array): PackedTx[] {
  const out: PackedTx[] = [];
  forEachPackedTx(chunk, (tx) => {
    out.push(tx);
    return true;
  });
  return out;
}

/**
 * The entry at position `i` of a chunk, or undefined past its end.
 * @throws STORE_CORRUPT
 */
export function packedTxAt(chunk: Uint8Array, i: number): PackedTx | undefined {
  let found: PackedTx | undefined;
  forEachPackedTx(chunk, (tx, j) => {
    if (j === i) found = tx;
    return j < i;
  });
  return found;
}
