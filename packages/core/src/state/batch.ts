// One block's writes applied to the tree (docs/spec/state.md §Batch update): the writes are partitioned by
// path bit as the walk descends, only touched subtrees are rebuilt, and each new node is hashed once.
import { GongxinError } from '../errors.js';
import type { NodeArena, NodeRef } from './arena.js';
import { assertHash32 } from './hashing.js';
import type { StateTreeWrite } from './types.js';

// Local constants, not imports: they sit in the hottest loops, where a module binding can cost a lookup.
const H = 32;
const PATH_BITS = 256;

/** The new root of a batch (not yet retained) and the change in the number of entries. */
export interface BatchOutcome {
  readonly root: NodeRef;
  readonly leafDelta: number;
}

/** Writes copied into flat arrays; `order` is permuted in place as the walk partitions it. */
class BatchRun {
  readonly arena: NodeArena;
  readonly path: Uint8Array;
  readonly value: Uint8Array;
  readonly del: Uint8Array;
  readonly order: Int32Array;
  delta = 0;

  constructor(arena: NodeArena, writes: readonly StateTreeWrite[]) {
    const n = writes.length;
    this.arena = arena;
    this.path = new Uint8Array(n * H);
    this.value = new Uint8Array(n * H);
    this.del = new Uint8Array(n);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const w = writes[i]!;
      this.path.set(w.path, i * H);
      if (w.valueHash === null) this.del[i] = 1;
      else this.value.set(w.valueHash, i * H);
      this.order[i] = i;
    }
  }

  /** Reorders order[lo, hi) so writes with path bit `depth` = 0 come first; returns the first with bit 1. */
  partition(lo: number, hi: number, depth: number): number {
    const { path, order } = this;
    const byte = depth >>> 3;
    const mask = 0x80 >>> (depth & 7);
    let i = lo;
    let j = hi - 1;
    for (;;) {
      while (i <= j && (path[order[i]! * H + byte]! & mask) === 0) i++;
      while (i <= j && (path[order[j]! * H + byte]! & mask) !== 0) j--;
      if (i >= j) return i;
      const t = order[i]!;
      order[i++] = order[j]!;
      order[j--] = t;
    }
  }

  /** Rebuilds the subtree `ref` at `depth` under writes order[lo, hi), which all lie in it. */
  update(ref: NodeRef, depth: number, lo: number, hi: number): NodeRef {
    if (lo === hi) return ref;
    if (ref <= 0) return this.build(lo, hi, depth, ref);
    const l = this.arena.left[ref]!;
    const r = this.arena.right[ref]!;
    const mid = this.partition(lo, hi, depth);
    const nl = this.update(l, depth + 1, lo, mid);
    const nr = this.update(r, depth + 1, mid, hi);
    return nl === l && nr === r ? ref : this.join(nl, nr);
  }

  /** The subtree at `depth` holding `extra` (empty or one existing leaf) overridden by writes order[lo, hi). */
  build(lo: number, hi: number, depth: number, extra: NodeRef): NodeRef {
    if (lo === hi) return extra;
    if (depth === PATH_BITS) return this.settle(this.lastWrite(lo, hi), extra);
    if (hi - lo === 1) {
      const w = this.order[lo]!;
      if (extra === 0 || this.arena.leafPathEquals(extra, this.path, w * H)) return this.settle(w, extra);
    }
    const mid = this.partition(lo, hi, depth);
    let extraBit = -1;
    if (extra !== 0) {
      const b = this.arena.leafPath[-extra * H + (depth >>> 3)]!;
      extraBit = (b >>> (7 - (depth & 7))) & 1;
    }
    const nl = this.build(lo, mid, depth + 1, extraBit === 0 ? extra : 0);
    const nr = this.build(mid, hi, depth + 1, extraBit === 1 ? extra : 0);
    return this.join(nl, nr);
  }

  /** Write `w` applied where `extra` is empty or the leaf of the same path. */
  settle(w: number, extra: NodeRef): NodeRef {
    const a = this.arena;
    if (this.del[w] === 1) {
      if (extra !== 0) this.delta--;
      return 0;
    }
    if (extra === 0) this.delta++;
    else if (a.leafValueEquals(extra, this.value, w * H)) return extra;
    return a.newLeaf(this.path, w * H, this.value, w * H);
  }

  /** The last of duplicate writes to one path: the one given last in the batch wins. */
  lastWrite(lo: number, hi: number): number {
    let w = -1;
    for (let i = lo; i < hi; i++) w = Math.max(w, this.order[i]!);
    return w;
  }

  /** The canonical subtree over two children: a lone leaf (or nothing) moves up, anything else gets a node. */
  join(l: NodeRef, r: NodeRef): NodeRef {
    if (l === 0 && r <= 0) return r;
    if (r === 0 && l < 0) return l;
    return this.arena.newNode(l, r);
  }
}

/**
 * Applies `writes` on top of the tree `root` (which it leaves intact: new nodes share the old ones).
 * Duplicate paths: the last write wins. Deleting an absent path, or rewriting a value, changes nothing.
 * @throws STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID, before anything is changed
 * @example const { root } = applyWrites(arena, oldRoot, [{ path, valueHash }]);
 */
export function applyWrites(arena: NodeArena, root: NodeRef, writes: readonly StateTreeWrite[]): BatchOutcome {
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i];
    if (typeof w !== 'object' || w === null) throw new GongxinError('STATE_WRITE_INVALID', 'a write must be { path, valueHash }', { index: i });
    assertHash32(w.path, 'STATE_PATH_INVALID', `writes[${i}].path`);
    if (w.valueHash !== null) assertHash32(w.valueHash, 'STATE_VALUE_HASH_INVALID', `writes[${i}].valueHash`);
  }
  const run = new BatchRun(arena, writes);
  const newRoot = run.update(root, 0, 0, writes.length);
  return { root: newRoot, leafDelta: run.delta };
}
