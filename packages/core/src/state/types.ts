// Shared types of the authenticated state tree (docs/spec/state.md): leaves, writes, proofs, options.

/** One state entry as the tree sees it: its 32-byte path and the 32-byte hash of its value. */
export interface StateLeaf {
  /** H(encode(["gongxin/state-key/v1", module, key])), see `statePath`. */
  readonly path: Uint8Array;
  /** H(value bytes). */
  readonly valueHash: Uint8Array;
}

/** One write of a batch: set `path` to `valueHash`, or delete it when `valueHash` is null. */
export interface StateTreeWrite {
  readonly path: Uint8Array;
  readonly valueHash: Uint8Array | null;
}

/**
 * A proof of a path's value, or of its absence, under one state root (docs/spec/state.md §Proofs).
 * The proof walks from the root along `path`'s bits to a terminal position at depth `siblings.length`,
 * which is empty (`leaf` null) or holds `leaf`. Inclusion: `leaf.path` equals `path`. Absence: the terminal is
 * empty, or holds a leaf with another path sharing the first `siblings.length` bits of `path`.
 */
export interface StateProof {
  /** The path the proof is about. */
  readonly path: Uint8Array;
  /** The leaf at the terminal position, or null when that position is empty. */
  readonly leaf: StateLeaf | null;
  /**
   * Sibling hashes bottom-up: `siblings[0]` is the sibling of the terminal position (depth `siblings.length`),
   * the last is the sibling of the root's child on the path (depth 1). An empty sibling is 32 zero bytes.
   */
  readonly siblings: readonly Uint8Array[];
}

/** Options of `createStateTree` and `createStateTreeFromLeaves`. */
export interface StateTreeOptions {
  /**
   * The version (block height) of the initial state. Default -1: "before genesis", so that block 0's writes
   * are applied as version 0.
   */
  readonly version?: number;
  /** How many versions, the latest included, keep serving roots and proofs. Default 256; at least 1. */
  readonly retain?: number;
  /**
   * Upper bound on the arena bytes held only by older versions (their superseded nodes, ~0.5 KB per changed
   * key per version). When a batch pushes past it, the oldest versions are released early, never the latest.
   * Default: no bound (only `retain` limits history).
   */
  readonly maxHistoryBytes?: number;
}

/** Options of `createStateTreeFromLeaves`. */
export interface StateTreeFromLeavesOptions extends StateTreeOptions {
  /** Expected number of leaves when `leaves` is not an array (an iterator over the store): sizes the arena once. */
  readonly sizeHint?: number;
}

/** Arena occupancy, for metrics and the bench. */
export interface StateTreeStats {
  /** Live internal nodes, summed over all retained versions (shared nodes counted once). */
  readonly internalNodes: number;
  /** Live leaf nodes, summed over all retained versions (shared leaves counted once). */
  readonly leafNodes: number;
  /** Bytes held by the arena's typed arrays (allocated capacity, live or free). */
  readonly arenaBytes: number;
}

/**
 * The authenticated state tree: one immutable version per block, the last `retain` kept for proofs.
 * @example
 * const tree = createStateTree(sha256);
 * const root = tree.applyBatch(0, [{ path: statePath(sha256, 'identity', key), valueHash: sha256(value) }]);
 * const proof = tree.proveAt(0, path); // check with verifyStateProof(sha256, { root, path, valueHash, proof })
 */
export interface StateTree {
  /** The latest version. */
  readonly version: number;
  /** The oldest version still served. */
  readonly oldestVersion: number;
  /** The number of entries at the latest version. */
  readonly leafCount: number;
  /** The latest root (a fresh copy). */
  root(): Uint8Array;
  /**
   * The root at a retained version (a fresh copy).
   * @throws STATE_VERSION_PRUNED, STATE_VERSION_UNKNOWN
   */
  rootAt(version: number): Uint8Array;
  /**
   * The value hash of `path` at a retained version (a fresh copy), or null when absent.
   * @throws STATE_PATH_INVALID, STATE_VERSION_PRUNED, STATE_VERSION_UNKNOWN
   */
  getAt(version: number, path: Uint8Array): Uint8Array | null;
  /**
   * Applies one block's writes as `version` (the latest version plus one) and returns the new root. The last
   * write to a path wins. On a throw nothing has changed.
   * @throws STATE_VERSION_SEQUENCE, STATE_WRITE_INVALID, STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID
   */
  applyBatch(version: number, writes: readonly StateTreeWrite[]): Uint8Array;
  /**
   * An inclusion or absence proof of `path` at a retained version (fresh arrays, independent of the tree).
   * @throws STATE_PATH_INVALID, STATE_VERSION_PRUNED, STATE_VERSION_UNKNOWN
   */
  proveAt(version: number, path: Uint8Array): StateProof;
  /** Arena occupancy. */
  stats(): StateTreeStats;
}
