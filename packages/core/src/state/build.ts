// Building a whole tree from its leaves (docs/spec/state.md §Rebuild): how a node restarts from the stored
// state entries. An MSD radix partition on path bits both sorts the leaves and shapes the tree.
import { bytesToHex } from '../bytes.js';
import { GongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { NodeArena, type NodeRef } from './arena.js';
import { assertHash32 } from './hashing.js';
import type { StateLeaf } from './types.js';

// Local constants, not imports: they sit in the hottest loops, where a module binding can cost a lookup.
const H = 32;
const PATH_BITS = 256;

/** A built tree: the arena, its root (not yet retained) and its number of entries. */
export interface BuiltTree {
  readonly arena: NodeArena;
  readonly root: NodeRef;
  readonly count: number;
}

function partition(path: Uint8Array, order: Int32Array, lo: number, hi: number, depth: number): number {
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

function buildRange(arena: NodeArena, order: Int32Array, lo: number, hi: number, depth: number): NodeRef {
  if (hi - lo === 0) return 0;
  if (hi - lo === 1) return -order[lo]!;
  if (depth === PATH_BITS) {
    const base = order[lo]! * H;
    const path = bytesToHex(arena.leafPath.subarray(base, base + H));
    throw new GongxinError('STATE_DUPLICATE_PATH', 'two leaves have the same path', { path });
  }
  // The leaves' paths never move once written, so one read of the array serves the whole partition.
  const mid = partition(arena.leafPath, order, lo, hi, depth);
  const l = buildRange(arena, order, lo, mid, depth + 1);
  const r = buildRange(arena, order, mid, hi, depth + 1);
  if (l === 0 && r < 0) return r;
  if (r === 0 && l < 0) return l;
  return arena.newNode(l, r);
}

/**
 * Builds the tree holding exactly `leaves` (any order), hashing each leaf and node once.
 * @throws STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID, STATE_DUPLICATE_PATH
 * @example const { arena, root } = buildTree(sha256, storedLeaves);
 */
export function buildTree(hash: HashFn, leaves: Iterable<StateLeaf>): BuiltTree {
  const hint = Array.isArray(leaves) ? (leaves as readonly StateLeaf[]).length : 0;
  // A random-path tree of n leaves has about n / ln 2 ≈ 1.44 n internal nodes: size the arena once.
  const arena = new NodeArena(hash, Math.ceil(hint * 1.5) + 16, hint + 16);
  let order = new Int32Array(Math.max(16, hint));
  let n = 0;
  for (const leaf of leaves) {
    assertHash32(leaf.path, 'STATE_PATH_INVALID', `leaves[${n}].path`);
    assertHash32(leaf.valueHash, 'STATE_VALUE_HASH_INVALID', `leaves[${n}].valueHash`);
    if (n === order.length) {
      const next = new Int32Array(order.length * 2);
      next.set(order);
      order = next;
    }
    order[n++] = -arena.newLeaf(leaf.path, 0, leaf.valueHash, 0);
  }
  const root = buildRange(arena, order, 0, n, 0);
  return { arena, root, count: n };
}
