// Storage of the history tree's perfect-subtree nodes (docs/spec/merkle.md §History tree storage): node
// (level L, index i) is the root of leaves [i·2^L, (i+1)·2^L). Nodes are written once, in order, never changed.
import { GongxinError } from '../errors.js';
import { MERKLE_HASH_LENGTH } from './tree-hash.js';

/** A perfect-subtree node of the history tree: level 0 holds the leaf hashes. */
export interface HistoryNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

/**
 * Where a history tree keeps its nodes. Each level is dense and append-only: `put(level, i, h)` is only
 * ever called with `i === count(level)`, and a level's first node comes after its children's. A persistent
 * store keys rows by (level, index); rows loaded back in append order or in (level, index) order both work.
 */
export interface HistoryNodeStore {
  /** Number of nodes stored at `level` (0 for a level never written). */
  count(level: number): number;
  /** The node's hash, or undefined when it is not stored. Callers must not modify the returned bytes. */
  get(level: number, index: number): Uint8Array | undefined;
  /** Stores a node. @throws MERKLE_STORE_OUT_OF_ORDER, MERKLE_BAD_HASH (the memory store does) */
  put(level: number, index: number, hash: Uint8Array): void;
}

/** The in-memory store: one growable byte array per level, 32 bytes per node, no object per node. */
export interface MemoryHistoryStore extends HistoryNodeStore {
  /** Bytes currently allocated for node storage. */
  readonly byteLength: number;
}

const INITIAL_NODES = 64;

/**
 * An empty in-memory node store. About 64 bytes per leaf (all levels together): 1,000,000 leaves take ~64 MB.
 * To rebuild a tree at start, `put` the persisted nodes back, then `createHistoryTree(hash, store)`.
 * @throws MERKLE_STORE_OUT_OF_ORDER from put when a node is not the next one of its level
 * @example
 * const store = createMemoryHistoryStore();
 * for (const row of rows) store.put(row.level, row.index, row.hash);
 * const tree = createHistoryTree(sha256, store);
 */
export function createMemoryHistoryStore(): MemoryHistoryStore {
  const bufs: Uint8Array[] = [];
  const counts: number[] = [];
  return {
    get byteLength(): number {
      let n = 0;
      for (const b of bufs) n += b.length;
      return n;
    },
    count(level: number): number {
      return counts[level] ?? 0;
    },
    get(level: number, index: number): Uint8Array | undefined {
      const buf = bufs[level];
      if (buf === undefined || !Number.isInteger(index) || index < 0 || index >= counts[level]!) return undefined;
      const o = index * MERKLE_HASH_LENGTH;
      return buf.subarray(o, o + MERKLE_HASH_LENGTH);
    },
    put(level: number, index: number, hash: Uint8Array): void {
      if (!(hash instanceof Uint8Array) || hash.length !== MERKLE_HASH_LENGTH) {
        throw new GongxinError('MERKLE_BAD_HASH', `a node hash must be ${MERKLE_HASH_LENGTH} bytes`, { level, index });
      }
      if (!Number.isSafeInteger(level) || level < 0 || level > bufs.length || index !== (counts[level] ?? 0)) {
        throw new GongxinError('MERKLE_STORE_OUT_OF_ORDER', `node (${level}, ${index}) is not the next node of its level`, {
          level,
          index,
          expected: counts[level] ?? 0,
        });
      }
      if (level === bufs.length) {
        bufs.push(new Uint8Array(INITIAL_NODES * MERKLE_HASH_LENGTH));
        counts.push(0);
      }
      let buf = bufs[level]!;
      const o = index * MERKLE_HASH_LENGTH;
      if (o + MERKLE_HASH_LENGTH > buf.length) {
        const grown = new Uint8Array(buf.length * 2);
        grown.set(buf);
        bufs[level] = grown;
        buf = grown;
      }
      buf.set(hash, o);
      counts[level] = index + 1;
    },
  };
}
