// One block's writes applied to the tree (docs/spec/state.md §Batch update): a depth-first walk over the sorted
// writes rebuilds only the touched subtrees, hashing each new node once.
import type { NodeArena, NodeRef } from './arena.js';
import { sortWrites, type SortedWrites } from './sorted-writes.js';
import type { StateTreeWrite } from './types.js';

// Local constant, not an import: it sits in the hottest loops, where a module binding can cost a lookup.
const H = 32;

/** The new root of a batch, the change in the number of entries, and the nodes the new version dropped. */
export interface BatchOutcome {
  readonly root: NodeRef;
  readonly leafDelta: number;
  /** Nodes of the previous version that the new one no longer reaches (free once older versions go). */
  readonly stale: Int32Array;
}

class BatchRun {
  readonly arena: NodeArena;
  readonly w: SortedWrites;
  delta = 0;
  stale = new Int32Array(1024);
  staleLen = 0;

  /** Paths then value hashes of the writes, as 32-bit words: a leaf copies them 8 words at a time. */
  readonly words: Int32Array;

  constructor(arena: NodeArena, w: SortedWrites) {
    this.arena = arena;
    this.w = w;
    this.words = new Int32Array(w.path.buffer, 0, 16 * w.count);
  }

  drop(ref: NodeRef): void {
    if (this.staleLen === this.stale.length) {
      const next = new Int32Array(this.stale.length * 2);
      next.set(this.stale);
      this.stale = next;
    }
    this.stale[this.staleLen++] = ref;
  }

  /** The first write in [lo, hi) whose path bit `depth` is 1 (they share bits 0 .. depth - 1, so it is sorted). */
  split(lo: number, hi: number, depth: number): number {
    const path = this.w.path;
    const byte = depth >>> 3;
    const mask = 0x80 >>> (depth & 7);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((path[mid * H + byte]! & mask) === 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rebuilds the subtree `ref` at `depth` under writes [lo, hi), which all lie in it. */
  update(ref: NodeRef, depth: number, lo: number, hi: number): NodeRef {
    if (lo === hi) return ref;
    if (ref <= 0) return this.build(lo, hi, depth, ref);
    const a = this.arena;
    const l = a.left(ref);
    const r = a.right(ref);
    const mid = this.split(lo, hi, depth);
    const nl = this.update(l, depth + 1, lo, mid);
    const nr = this.update(r, depth + 1, mid, hi);
    if (nl === l && nr === r) return ref;
    this.drop(ref);
    return this.join(nl, nr);
  }

  /** The subtree at `depth` holding `extra` (empty or one existing leaf) overridden by writes [lo, hi). */
  build(lo: number, hi: number, depth: number, extra: NodeRef): NodeRef {
    if (lo === hi) return extra;
    if (hi - lo === 1 && (extra === 0 || this.arena.leafPathEquals(extra, this.w.path, lo * H))) return this.settle(lo, extra);
    // Two distinct paths (writes, or a write and `extra`) part before bit 256: depth stays below it.
    const mid = this.split(lo, hi, depth);
    const extraBit = extra === 0 ? -1 : this.arena.leafBit(extra, depth);
    const nl = this.build(lo, mid, depth + 1, extraBit === 0 ? extra : 0);
    const nr = this.build(mid, hi, depth + 1, extraBit === 1 ? extra : 0);
    return this.join(nl, nr);
  }

  /** Write `k` applied where `extra` is empty or the leaf of the same path. */
  settle(k: number, extra: NodeRef): NodeRef {
    const { arena: a, w } = this;
    if (w.del[k] === 1) {
      if (extra !== 0) {
        this.delta--;
        this.drop(extra);
      }
      return 0;
    }
    if (extra === 0) this.delta++;
    else if (a.leafValueEquals(extra, w.value, k * H)) return extra;
    else this.drop(extra);
    return a.newLeaf(this.words, k * 8, w.count * 8 + k * 8);
  }

  /** The canonical subtree over two children: a lone leaf (or nothing) moves up, anything else gets a node. */
  join(l: NodeRef, r: NodeRef): NodeRef {
    if (l === 0 && r <= 0) return r;
    if (r === 0 && l < 0) return l;
    return this.arena.newNode(l, r);
  }
}

/**
 * Applies `writes` on top of the tree `root`, which it leaves intact: the new version shares its unchanged nodes.
 * Duplicate paths: the last write wins. Deleting an absent path, or rewriting a value, changes nothing.
 * @throws STATE_WRITE_INVALID, STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID, before anything is changed
 * @example const { root } = applyWrites(arena, oldRoot, [{ path, valueHash }]);
 */
export function applyWrites(arena: NodeArena, root: NodeRef, writes: readonly StateTreeWrite[]): BatchOutcome {
  const run = new BatchRun(arena, sortWrites(writes));
  const newRoot = run.update(root, 0, 0, run.w.count);
  return { root: newRoot, leafDelta: run.delta, stale: run.stale.slice(0, run.staleLen) };
}
