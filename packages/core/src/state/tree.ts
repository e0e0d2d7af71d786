// The versioned state tree (docs/spec/state.md §Versions): one immutable root per block height, the last
// `retain` kept for roots and proofs, older ones released back to the arena.
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { NodeArena, type NodeRef } from './arena.js';
import { applyWrites } from './batch.js';
import { buildTree } from './build.js';
import { assertHash32, pathBit } from './hashing.js';
import type { StateLeaf, StateProof, StateTree, StateTreeFromLeavesOptions, StateTreeOptions, StateTreeStats, StateTreeWrite } from './types.js';

/** Versions kept by default: enough for light clients to ask about any recent header. */
export const DEFAULT_STATE_RETAIN = 256;
/** Node refs are 32-bit: a hint beyond this is a mistake, not a plan. */
const MAX_SIZE_HINT = 2 ** 30;

interface Options {
  readonly version: number;
  readonly retain: number;
  readonly maxHistoryBytes: number;
}

function checkOptions(opts: StateTreeOptions): Options {
  const version = opts.version ?? -1;
  const retain = opts.retain ?? DEFAULT_STATE_RETAIN;
  const maxHistoryBytes = opts.maxHistoryBytes ?? Infinity;
  if (!Number.isSafeInteger(version) || version < -1) {
    throw new GongxinError('STATE_OPTIONS_INVALID', 'version must be an integer >= -1', { version: String(version) });
  }
  if (!Number.isSafeInteger(retain) || retain < 1) {
    throw new GongxinError('STATE_OPTIONS_INVALID', 'retain must be an integer >= 1', { retain: String(retain) });
  }
  if (typeof maxHistoryBytes !== 'number' || !(maxHistoryBytes >= 0)) {
    throw new GongxinError('STATE_OPTIONS_INVALID', 'maxHistoryBytes must be a number >= 0', { maxHistoryBytes: String(maxHistoryBytes) });
  }
  return { version, retain, maxHistoryBytes };
}

/** Arena bytes a stale list holds: 44 per internal node (hash, children, free slot), 100 per leaf. */
function staleBytes(stale: Int32Array): number {
  let bytes = 0;
  for (let i = 0; i < stale.length; i++) bytes += stale[i]! > 0 ? 44 : 100;
  return bytes;
}

const NONE = new Int32Array(0);

/**
 * Versions first .. first + roots.length - 1. stale[i] lists the nodes version first + i dropped from
 * version first + i - 1: they belong only to older versions, so they are freed when version first + i - 1
 * is released (the stale-node index of Jellyfish). No reference counts: freeing is a sequential scan.
 */
class ArenaStateTree implements StateTree {
  private readonly arena: NodeArena;
  private readonly retain: number;
  private readonly maxHistoryBytes: number;
  /** Bytes of the stale lists of versions first + 1 .. latest: what history costs beyond the latest tree. */
  private historyBytes = 0;
  private first: number;
  private readonly roots: NodeRef[] = [];
  private readonly counts: number[] = [];
  private readonly stale: Int32Array[] = [];

  constructor(arena: NodeArena, root: NodeRef, count: number, opts: Options) {
    this.arena = arena;
    this.retain = opts.retain;
    this.maxHistoryBytes = opts.maxHistoryBytes;
    this.first = opts.version;
    this.roots.push(root);
    this.counts.push(count);
    this.stale.push(NONE);
  }

  get version(): number {
    return this.first + this.roots.length - 1;
  }

  get oldestVersion(): number {
    return this.first;
  }

  get leafCount(): number {
    return this.counts[this.counts.length - 1]!;
  }

  private rootRef(version: number): NodeRef {
    if (!Number.isSafeInteger(version) || version > this.version) {
      throw new GongxinError('STATE_VERSION_UNKNOWN', 'no such version yet', { version: String(version), latest: this.version });
    }
    if (version < this.first) {
      throw new GongxinError('STATE_VERSION_PRUNED', 'version no longer retained', { version, oldest: this.first });
    }
    return this.roots[version - this.first]!;
  }

  root(): Uint8Array {
    return this.arena.hashOf(this.roots[this.roots.length - 1]!);
  }

  rootAt(version: number): Uint8Array {
    return this.arena.hashOf(this.rootRef(version));
  }

  /** The terminal node on `path`'s walk from the root of `version`, and the refs of the siblings, root-down. */
  private walk(version: number, path: Uint8Array): { terminal: NodeRef; siblings: NodeRef[] } {
    assertHash32(path, 'STATE_PATH_INVALID', 'path');
    const a = this.arena;
    let ref = this.rootRef(version);
    const siblings: NodeRef[] = [];
    for (let depth = 0; ref > 0; depth++) {
      const bit = pathBit(path, depth);
      siblings.push(bit === 0 ? a.right(ref) : a.left(ref));
      ref = bit === 0 ? a.left(ref) : a.right(ref);
    }
    return { terminal: ref, siblings };
  }

  getAt(version: number, path: Uint8Array): Uint8Array | null {
    const { terminal } = this.walk(version, path);
    if (terminal === 0 || !this.arena.leafPathEquals(terminal, path, 0)) return null;
    return this.arena.leafValueOf(terminal);
  }

  proveAt(version: number, path: Uint8Array): StateProof {
    const { terminal, siblings } = this.walk(version, path);
    const a = this.arena;
    const leaf: StateLeaf | null = terminal < 0 ? { path: a.leafPathOf(terminal), valueHash: a.leafValueOf(terminal) } : null;
    return { path: path.slice(), leaf, siblings: siblings.reverse().map((s) => a.hashOf(s)) };
  }

  applyBatch(version: number, writes: readonly StateTreeWrite[]): Uint8Array {
    if (version !== this.version + 1) {
      throw new GongxinError('STATE_VERSION_SEQUENCE', 'versions must follow each other', { version: String(version), expected: this.version + 1 });
    }
    const a = this.arena;
    const { root, leafDelta, stale } = applyWrites(a, this.roots[this.roots.length - 1]!, writes);
    this.roots.push(root);
    this.counts.push(this.leafCount + leafDelta);
    this.stale.push(stale);
    this.historyBytes += staleBytes(stale);
    while (this.roots.length > this.retain || (this.historyBytes > this.maxHistoryBytes && this.roots.length > 1)) {
      this.roots.shift();
      this.counts.shift();
      this.stale.shift();
      this.first++;
      a.free(this.stale[0]!);
      this.historyBytes -= staleBytes(this.stale[0]!);
      this.stale[0] = NONE;
    }
    return a.hashOf(root);
  }

  stats(): StateTreeStats {
    const a = this.arena;
    return { internalNodes: a.liveNodes, leafNodes: a.liveLeaves, arenaBytes: a.bytes };
  }
}

/**
 * An empty state tree at `opts.version` (default -1, so that genesis applies as version 0), keeping the last
 * `opts.retain` versions (default 256), fewer if `opts.maxHistoryBytes` would be exceeded.
 * @throws STATE_OPTIONS_INVALID
 * @example
 * const tree = createStateTree(sha256);
 * const root0 = tree.applyBatch(0, [{ path: statePath(sha256, 'identity', key), valueHash: sha256(value) }]);
 * const proof = tree.proveAt(0, path);
 */
export function createStateTree(hash: HashFn, opts: StateTreeOptions = {}): StateTree {
  return new ArenaStateTree(new NodeArena(hash), 0, 0, checkOptions(opts));
}

/**
 * The tree holding exactly `leaves` (any order) at `opts.version`: how a node rebuilds its tree at start
 * from the stored state entries. Same root as applying them in any batches. When `leaves` is not an array,
 * `opts.sizeHint` (the expected count) lets the arena be sized once instead of grown.
 * @throws STATE_OPTIONS_INVALID, STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID, STATE_DUPLICATE_PATH
 * @example const tree = createStateTreeFromLeaves(sha256, store.stateLeaves(), { version: height });
 */
export function createStateTreeFromLeaves(hash: HashFn, leaves: Iterable<StateLeaf>, opts: StateTreeFromLeavesOptions = {}): StateTree {
  const checked = checkOptions(opts);
  const sizeHint = opts.sizeHint ?? 0;
  if (!Number.isSafeInteger(sizeHint) || sizeHint < 0 || sizeHint > MAX_SIZE_HINT) {
    throw new GongxinError('STATE_OPTIONS_INVALID', `sizeHint must be an integer in [0, ${MAX_SIZE_HINT}]`, { sizeHint: String(sizeHint) });
  }
  const built = buildTree(hash, leaves, sizeHint);
  return new ArenaStateTree(built.arena, built.root, built.count, checked);
}
