// The versioned state tree (docs/spec/state.md §Versions): one immutable root per block height, the last
// `retain` kept for roots and proofs, older ones released back to the arena.
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { NodeArena, type NodeRef } from './arena.js';
import { applyWrites } from './batch.js';
import { buildTree } from './build.js';
import { STATE_HASH_BYTES as H, assertHash32, pathBit } from './hashing.js';
import type { StateLeaf, StateProof, StateTree, StateTreeOptions, StateTreeStats, StateTreeWrite } from './types.js';


/** Versions kept by default: enough for light clients to ask about any recent header. */
export const DEFAULT_STATE_RETAIN = 256;

function checkOptions(opts: StateTreeOptions): { version: number; retain: number } {
  const version = opts.version ?? -1;
  const retain = opts.retain ?? DEFAULT_STATE_RETAIN;
  if (!Number.isSafeInteger(version) || version < -1) {
    throw new GongxinError('STATE_OPTIONS_INVALID', 'version must be an integer >= -1', { version: String(version) });
  }
  if (!Number.isSafeInteger(retain) || retain < 1) {
    throw new GongxinError('STATE_OPTIONS_INVALID', 'retain must be an integer >= 1', { retain: String(retain) });
  }
  return { version, retain };
}

class ArenaStateTree implements StateTree {
  private readonly arena: NodeArena;
  private readonly retain: number;
  private first: number;
  /** roots[i] and counts[i] belong to version first + i; each root holds one reference. */
  private readonly roots: NodeRef[] = [];
  private readonly counts: number[] = [];

  constructor(arena: NodeArena, root: NodeRef, count: number, version: number, retain: number) {
    this.arena = arena;
    this.retain = retain;
    this.first = version;
    arena.retain(root);
    this.roots.push(root);
    this.counts.push(count);
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
      siblings.push(bit === 0 ? a.right[ref]! : a.left[ref]!);
      ref = bit === 0 ? a.left[ref]! : a.right[ref]!;
    }
    return { terminal: ref, siblings };
  }

  getAt(version: number, path: Uint8Array): Uint8Array | null {
    const { terminal } = this.walk(version, path);
    if (terminal === 0 || !this.arena.leafPathEquals(terminal, path, 0)) return null;
    return this.arena.leafValue.slice(-terminal * H, -terminal * H + H);
  }

  proveAt(version: number, path: Uint8Array): StateProof {
    const { terminal, siblings } = this.walk(version, path);
    const a = this.arena;
    let leaf: StateLeaf | null = null;
    if (terminal < 0) {
      const base = -terminal * H;
      leaf = { path: a.leafPath.slice(base, base + H), valueHash: a.leafValue.slice(base, base + H) };
    }
    return { path: path.slice(), leaf, siblings: siblings.reverse().map((s) => a.hashOf(s)) };
  }

  applyBatch(version: number, writes: readonly StateTreeWrite[]): Uint8Array {
    if (version !== this.version + 1) {
      throw new GongxinError('STATE_VERSION_SEQUENCE', 'versions must follow each other', { version: String(version), expected: this.version + 1 });
    }
    if (!Array.isArray(writes)) throw new GongxinError('STATE_WRITE_INVALID', 'writes must be an array');
    const a = this.arena;
    const { root, leafDelta } = applyWrites(a, this.roots[this.roots.length - 1]!, writes);
    a.retain(root);
    this.roots.push(root);
    this.counts.push(this.leafCount + leafDelta);
    while (this.roots.length > this.retain) {
      a.release(this.roots.shift()!);
      this.counts.shift();
      this.first++;
    }
    return a.hashOf(root);
  }

  stats(): StateTreeStats {
    const a = this.arena;
    return { internalNodes: a.liveNodes, leafNodes: a.liveLeaves, arenaBytes: a.bytes };
  }
}

/**
 * An empty state tree at `opts.version` (default -1, so that genesis applies as version 0).
 * @throws STATE_OPTIONS_INVALID
 * @example
 * const tree = createStateTree(sha256);
 * const root0 = tree.applyBatch(0, [{ path: statePath(sha256, 'identity', key), valueHash: sha256(value) }]);
 * const proof = tree.proveAt(0, path);
 */
export function createStateTree(hash: HashFn, opts: StateTreeOptions = {}): StateTree {
  const { version, retain } = checkOptions(opts);
  return new ArenaStateTree(new NodeArena(hash), 0, 0, version, retain);
}

/**
 * The tree holding exactly `leaves` (any order) at `opts.version`: how a node rebuilds its tree at start
 * from the stored state entries. Same root as applying them in any batches.
 * @throws STATE_OPTIONS_INVALID, STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID, STATE_DUPLICATE_PATH
 * @example const tree = createStateTreeFromLeaves(sha256, store.stateLeaves(), { version: height });
 */
export function createStateTreeFromLeaves(hash: HashFn, leaves: Iterable<StateLeaf>, opts: StateTreeOptions = {}): StateTree {
  const { version, retain } = checkOptions(opts);
  const built = buildTree(hash, leaves);
  return new ArenaStateTree(built.arena, built.root, built.count, version, retain);
}
