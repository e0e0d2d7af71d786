// The history tree (docs/spec/merkle.md §History tree): an append-only RFC 9162 tree over header hashes, one
// leaf per block, with roots and proofs for any past size in O(log n) from stored perfect-subtree nodes.
import { equalBytes } from '../bytes.js';
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { isSize, shiftRight } from './bits.js';
import { createMemoryHistoryStore } from './history-store.js';
import type { HistoryNode, HistoryNodeStore } from './history-store.js';
import { consistencyPath, inclusionPath, rangeRoot } from './perfect-paths.js';
import type { PerfectNode } from './perfect-paths.js';
import { copyHash, emptyRoot, MERKLE_HASH_LENGTH, nodeHash } from './tree-hash.js';

/** An append-only RFC 9162 Merkle tree that serves roots and proofs for every size it has had. */
export interface HistoryTree {
  /** Number of leaves. */
  readonly size: number;
  /**
   * Appends a leaf hash (H(0x00 ‖ data), 32 bytes). Returns the nodes it created, leaf first (1 + the number of
   * trailing one bits of the old size), already written to the store: persist them with the block. If the
   * store's `put` throws part-way, drop this tree and reopen it from the persisted nodes.
   * @throws MERKLE_BAD_HASH, MERKLE_STORE_CORRUPT, and whatever the store's put throws
   */
  append(leafHash: Uint8Array): HistoryNode[];
  /** Root of the current tree (H("") when empty). */
  root(): Uint8Array;
  /** Root of the tree as it was with `size` leaves. @throws MERKLE_BAD_SIZE */
  rootAt(size: number): Uint8Array;
  /** Audit path of leaf `index` in the tree of `treeSize` leaves. @throws MERKLE_BAD_INDEX, MERKLE_BAD_SIZE */
  inclusionProof(index: number, treeSize: number): Uint8Array[];
  /** Consistency proof from size1 to size2, 0 < size1 ≤ size2 ≤ size. @throws MERKLE_BAD_SIZE */
  consistencyProof(size1: number, size2: number): Uint8Array[];
}

/**
 * Opens a history tree over `store` (a new in-memory store by default), whose size is the number of level-0
 * nodes. Checks that every level holds exactly floor(size / 2^level) nodes; use `checkHistoryStore` to also
 * re-hash them. Every read returns fresh copies, so callers cannot alter stored nodes.
 * @param hash the chain suite's hash
 * @param store where perfect-subtree nodes live (rebuilt from persisted nodes at start)
 * @throws MERKLE_STORE_CORRUPT when the store's levels do not describe one tree
 * @example
 * const tree = createHistoryTree(sha256);
 * const nodes = tree.append(headerHash); // save with the block
 * const proof = tree.inclusionProof(h, tree.size);
 */
export function createHistoryTree(hash: HashFn, store: HistoryNodeStore = createMemoryHistoryStore()): HistoryTree {
  let size = store.count(0);
  assertLevelCounts(store, size);
  let cachedRoot: Uint8Array | undefined;

  const node: PerfectNode = (level, index) => {
    const h = store.get(level, index);
    if (h === undefined) throw new GongxinError('MERKLE_STORE_CORRUPT', `history node (${level}, ${index}) is missing`, { level, index });
    return h;
  };
  const checkTreeSize = (n: number, what: string): void => {
    if (!isSize(n) || n > size) {
      throw new GongxinError('MERKLE_BAD_SIZE', `${what} ${String(n)} is not a size the tree has had (now ${size})`, { [what]: String(n), size });
    }
  };
  const rootOf = (n: number): Uint8Array => (n === 0 ? emptyRoot(hash) : copyHash(rangeRoot(hash, node, 0, n)));
  const currentRoot = (): Uint8Array => {
    cachedRoot ??= rootOf(size);
    return copyHash(cachedRoot);
  };

  return {
    get size(): number {
      return size;
    },
    append(leafHash: Uint8Array): HistoryNode[] {
      if (!(leafHash instanceof Uint8Array) || leafHash.length !== MERKLE_HASH_LENGTH) {
        throw new GongxinError('MERKLE_BAD_HASH', `a leaf hash must be ${MERKLE_HASH_LENGTH} bytes`, { index: size });
      }
      // Compute every new node before writing any, so a bad store read leaves the store untouched.
      const created: HistoryNode[] = [{ level: 0, index: size, hash: copyHash(leafHash) }];
      let h = created[0]!.hash;
      let index = size;
      for (let level = 0; index % 2 === 1; level++) {
        h = nodeHash(hash, node(level, index - 1), h);
        index = (index - 1) / 2;
        created.push({ level: level + 1, index, hash: h });
      }
      for (const c of created) store.put(c.level, c.index, c.hash);
      size++;
      cachedRoot = undefined;
      return created.map((c) => ({ level: c.level, index: c.index, hash: copyHash(c.hash) }));
    },
    root: currentRoot,
    rootAt(n: number): Uint8Array {
      checkTreeSize(n, 'size');
      return n === size ? currentRoot() : rootOf(n);
    },
    inclusionProof(index: number, treeSize: number): Uint8Array[] {
      checkTreeSize(treeSize, 'treeSize');
      if (!isSize(index) || index >= treeSize) {
        throw new GongxinError('MERKLE_BAD_INDEX', `leaf index ${String(index)} is not in a tree of ${treeSize} leaves`, { index: String(index), treeSize });
      }
      return inclusionPath(hash, node, index, treeSize).map(copyHash);
    },
    consistencyProof(size1: number, size2: number): Uint8Array[] {
      checkTreeSize(size2, 'size2');
      if (!isSize(size1) || size1 === 0 || size1 > size2) {
        throw new GongxinError('MERKLE_BAD_SIZE', `no consistency proof from size ${String(size1)} to ${size2}`, { size1: String(size1), size2 });
      }
      return consistencyPath(hash, node, size1, size2).map(copyHash);
    },
  };
}

function assertLevelCounts(store: HistoryNodeStore, size: number): void {
  for (let level = 1; ; level++) {
    const want = shiftRight(size, level);
    const got = store.count(level);
    if (got !== want) {
      throw new GongxinError('MERKLE_STORE_CORRUPT', `level ${level} holds ${got} nodes, a tree of ${size} leaves has ${want}`, { level, got, want });
    }
    if (want === 0) return;
  }
}

/**
 * Full audit of a store: re-hashes every interior node from its children (O(n) hashes). Run it at start when
 * the stored nodes may have been tampered with or damaged, then compare `tree.root()` with the last header.
 * @throws MERKLE_STORE_CORRUPT naming the first bad node
 * @example checkHistoryStore(sha256, store);
 */
export function checkHistoryStore(hash: HashFn, store: HistoryNodeStore): void {
  const size = store.count(0);
  assertLevelCounts(store, size);
  const read = (level: number, index: number): Uint8Array => {
    const h = store.get(level, index);
    if (h === undefined || h.length !== MERKLE_HASH_LENGTH) {
      throw new GongxinError('MERKLE_STORE_CORRUPT', `history node (${level}, ${index}) is missing`, { level, index });
    }
    return h;
  };
  for (let i = 0; i < size; i++) read(0, i);
  for (let level = 1; shiftRight(size, level) > 0; level++) {
    const count = shiftRight(size, level);
    for (let i = 0; i < count; i++) {
      const want = nodeHash(hash, read(level - 1, 2 * i), read(level - 1, 2 * i + 1));
      const got = read(level, i);
      if (!equalBytes(got, want)) throw new GongxinError('MERKLE_STORE_CORRUPT', `history node (${level}, ${i}) does not match its children`, { level, index: i });
    }
  }
}
