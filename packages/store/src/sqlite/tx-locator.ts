// Where a tx lives in the SQLite store: its chunk row, and the compact id index (docs/architecture.md §Store).
// tx_ids is keyed by the id's first 8 bytes as a signed 64-bit INTEGER: a small random-key B-tree (~20 bytes a
// row) instead of one keyed by 32-byte blobs. An id whose 8 bytes are already taken by a different id goes to
// tx_id_overflow (keyed by the full id); the full id is always checked against the chunk, so lookups are exact.
import { equalBytes, GongxinError } from '@gongxin/core';
import { plainBytes } from './plain-bytes.js';
import type { Statements } from './statements.js';
import { packedTxAt, TX_CHUNK_SIZE } from '../tx-chunk.js';
import type { PackedTx } from '../tx-chunk.js';

/** Chunk rows per block are keyed pos = height · 2^20 + chunk number. */
const CHUNK_POS_SHIFT = 2 ** 20;

/** Row key of a block's `chunk`-th chunk. */
export function chunkPos(height: number, chunk: number): number {
  return height * CHUNK_POS_SHIFT + chunk;
}

/** Range [from, to) of a block's chunk row keys. */
export function blockChunkRange(height: number): readonly [number, number] {
  return [chunkPos(height, 0), chunkPos(height + 1, 0)];
}

/** The id's first 8 bytes (zero-padded) as a signed big-endian 64-bit integer. */
export function txIdPrefix(id: Uint8Array): bigint {
  if (id.length >= 8) return new DataView(id.buffer, id.byteOffset, 8).getBigInt64(0);
  const padded = new Uint8Array(8);
  padded.set(id);
  return new DataView(padded.buffer).getBigInt64(0);
}

/** A located tx: its place and its packed entry (views into the chunk). */
export interface LocatedTx {
  readonly height: number;
  readonly index: number;
  readonly tx: PackedTx;
}

/**
 * Reads the tx at (height, index).
 * @throws STORE_CORRUPT when an index row points at a missing entry
 */
export function readPackedTx(s: Statements, height: number, index: number): PackedTx {
  const chunk = s.getChunk.get(chunkPos(height, Math.floor(index / TX_CHUNK_SIZE))) as Uint8Array | undefined;
  const tx = chunk === undefined ? undefined : packedTxAt(plainBytes(chunk), index % TX_CHUNK_SIZE);
  if (tx === undefined) throw new GongxinError('STORE_CORRUPT', `tx ${height}/${index} is indexed but not stored`, { what: 'tx index', height, index });
  return tx;
}

/**
 * Finds a tx by id, exactly (the full id is compared).
 * @throws STORE_CORRUPT
 */
export function locateTx(s: Statements, id: Uint8Array): LocatedTx | undefined {
  const at = s.getTxId.get(txIdPrefix(id)) as [number, number] | undefined;
  if (at === undefined) return undefined; // overflow rows only exist for prefixes that tx_ids holds
  const first = readPackedTx(s, at[0], at[1]);
  if (equalBytes(first.id, id)) return { height: at[0], index: at[1], tx: first };
  const o = s.getOverflow.get(id) as [number, number] | undefined;
  return o === undefined ? undefined : { height: o[0], index: o[1], tx: readPackedTx(s, o[0], o[1]) };
}

/**
 * Indexes a tx whose chunk is already written. A repeated id keeps its first location.
 * @throws STORE_CORRUPT
 */
export function indexTx(s: Statements, id: Uint8Array, height: number, index: number): void {
  const prefix = txIdPrefix(id);
  if (s.putTxId.run(prefix, height, index).changes === 1) return;
  const at = s.getTxId.get(prefix) as [number, number];
  if (equalBytes(readPackedTx(s, at[0], at[1]).id, id)) return;
  s.putOverflow.run(id, height, index);
}
