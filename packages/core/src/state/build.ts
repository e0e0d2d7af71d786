// Building a whole tree from its leaves (docs/spec/state.md §Rebuild): how a node restarts from the stored
// state entries. An MSD radix partition on path bits both sorts the leaves and shapes the tree.
import { bytesToHex } from '../bytes.js';
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { NodeArena, type NodeRef } from './arena.js';
import { assertHash32 } from './hashing.js';
import type { StateLeaf } from './types.js';

// Local constants, not imports: they sit in the hottest loops, where a module binding can cost a lookup.
const LEAF = 96;
const PATH_BITS = 256;

/** A built tree: the arena, its root and its number of entries. */
export interface BuiltTree {
  readonly arena: NodeArena;
  readonly root: NodeRef;
  readonly count: number;
}

/**
 * Leaf indices to place (`order`) with the first 32 bits of each path beside them (`keys`), moved together:
 * the top 32 levels partition a small sequential array instead of chasing each leaf's record in memory.
 */
class Builder {
  readonly arena: NodeArena;
  order: Int32Array;
  keys: Uint32Array;

  constructor(arena: NodeArena, capacity: number) {
    this.arena = arena;
    this.order = new Int32Array(capacity);
    this.keys = new Uint32Array(capacity);
  }

  push(n: number, leafIdx: number, path: Uint8Array): void {
    if (n === this.order.length) {
      const order = new Int32Array(n * 2);
      const keys = new Uint32Array(n * 2);
      order.set(this.order);
      keys.set(this.keys);
      this.order = order;
      this.keys = keys;
    }
    this.order[n] = leafIdx;
    this.keys[n] = ((path[0]! << 24) | (path[1]! << 16) | (path[2]! << 8) | path[3]!) >>> 0;
  }

  bit(i: number, depth: number): number {
    if (depth < 32) return (this.keys[i]! >>> (31 - depth)) & 1;
    return (this.arena.leaves[this.order[i]! * LEAF + (depth >>> 3)]! >>> (7 - (depth & 7))) & 1;
  }

  /** Reorders [lo, hi) so path bit `depth` = 0 comes first; returns the first index with bit 1. */
  partition(lo: number, hi: number, depth: number): number {
    const { order, keys } = this;
    let i = lo;
    let j = hi - 1;
    for (;;) {
      while (i <= j && this.bit(i, depth) === 0) i++;
      while (i <= j && this.bit(j, depth) === 1) j--;
      if (i >= j) return i;
      const o = order[i]!;
      order[i] = order[j]!;
      order[j] = o;
      const k = keys[i]!;
      keys[i++] = keys[j]!;
      keys[j--] = k;
    }
  }

  /** The subtree at `depth` over the leaves [lo, hi); leaves are hashed here, in path order. */
  build(lo: number, hi: number, depth: number): NodeRef {
    if (hi === lo) return 0;
    if (hi - lo === 1) {
      const ref = -this.order[lo]!;
      this.arena.hashLeaf(ref);
      return ref;
    }
    if (depth === PATH_BITS) {
      throw new GongxinError('STATE_DUPLICATE_PATH', 'two leaves have the same path', { path: bytesToHex(this.arena.leafPathOf(-this.order[lo]!)) });
    }
    const mid = this.partition(lo, hi, depth);
    const l = this.build(lo, mid, depth + 1);
    const r = this.build(mid, hi, depth + 1);
    if (l === 0 && r < 0) return r;
    if (r === 0 && l < 0) return l;
    return this.arena.newNode(l, r);
  }
}

/**
 * Builds the tree holding exactly `leaves` (any order), hashing each leaf and node once.
 * @throws STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID, STATE_DUPLICATE_PATH
 * @example const { arena, root } = buildTree(sha256, storedLeaves, 0);
 */
export function buildTree(hash: HashFn, leaves: Iterable<StateLeaf>, sizeHint: number): BuiltTree {
  const hint = Math.max(sizeHint, Array.isArray(leaves) ? (leaves as readonly StateLeaf[]).length : 0);
  // A random-path tree of n leaves has about n / ln 2 ≈ 1.44 n internal nodes: size the arena once.
  const arena = new NodeArena(hash, Math.ceil(hint * 1.5) + 16, hint + 16);
  const b = new Builder(arena, Math.max(16, hint));
  let n = 0;
  for (const leaf of leaves) {
    assertHash32(leaf.path, 'STATE_PATH_INVALID', `leaves[${n}].path`);
    assertHash32(leaf.valueHash, 'STATE_VALUE_HASH_INVALID', `leaves[${n}].valueHash`);
    b.push(n, -arena.newLeafUnhashed(leaf.path, leaf.valueHash), leaf.path);
    n++;
  }
  return { arena, root: b.build(0, n, 0), count: n };
}
