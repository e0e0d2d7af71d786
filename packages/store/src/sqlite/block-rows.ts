// Turns a BlockRecord into SQLite rows and writes them (docs/architecture.md §Store). Encoding happens before
// the write transaction starts; the writes themselves run inside the caller's one transaction per block.
import { encodeReceipt, type BlockRecord } from '@gongxin/core';
import { encodeHeader } from '../record-codec.js';
import { packTxChunk, TX_CHUNK_SIZE } from '../tx-chunk.js';
import type { PackedTx } from '../tx-chunk.js';
import type { Statements } from './statements.js';
import { chunkPos, indexTx } from './tx-locator.js';

/** A block encoded for storage. */
export interface BlockRows {
  readonly block: BlockRecord;
  readonly header: Uint8Array;
  readonly chunks: readonly Uint8Array[];
}

/** Encodes the header and packs the txs with their canonical receipts into chunks. */
export function blockRows(block: BlockRecord): BlockRows {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < block.txs.length; start += TX_CHUNK_SIZE) {
    const part: PackedTx[] = block.txs.slice(start, start + TX_CHUNK_SIZE).map((t) => ({ id: t.id, bytes: t.bytes, receipt: t.receiptBytes ?? encodeReceipt(t.receipt) }));
    chunks.push(packTxChunk(part));
  }
  return { block, header: encodeHeader(block.header), chunks };
}

/**
 * Writes a checked block: header, tx chunks, tx-id index, state writes (null deletes), history nodes.
 * Must run inside a transaction. @throws STORE_CORRUPT (from the tx-id index)
 */
export function writeBlockRows(s: Statements, rows: BlockRows): void {
  const { block } = rows;
  const height = block.header.height;
  s.putHeader.run(height, block.hash, rows.header);
  rows.chunks.forEach((chunk, i) => s.putChunk.run(chunkPos(height, i), chunk));
  block.txs.forEach((t, i) => {
    indexTx(s, t.id, height, i);
  });
  for (const w of block.writes) {
    if (w.value === null) s.deleteState.run(w.module, w.key);
    else s.putState.run(w.module, w.key, w.value);
  }
  for (const n of block.historyNodes) s.putHistory.run(n.level, n.index, n.hash);
}
