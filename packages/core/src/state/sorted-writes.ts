// A block's writes made ready for the tree (docs/spec/state.md §Batch update): checked, sorted by path, one per
// path (the last given wins), in flat arrays, so that every subtree's writes are one contiguous range.
import { GongxinError } from '../errors.js';
import type { StateTreeWrite } from './types.js';

// Local constants, not imports: they sit in the hottest loops, where a module binding can cost a lookup.
const H = 32;
const PATH_BITS = 256;

/**
 * Distinct writes in path order: write i has path bytes [32i, 32i + 32), value hash likewise, del[i] = 1 for a
 * delete. `path` and `value` share one buffer (paths, then values), so both can be read as aligned words.
 */
export interface SortedWrites {
  readonly count: number;
  readonly path: Uint8Array;
  readonly value: Uint8Array;
  readonly del: Uint8Array;
}

/** Reorders order[lo, hi) so that path bit `depth` = 0 comes first; returns the first index with bit 1. */
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

/**
 * MSD radix sort of order[lo, hi) by path, bit `depth` onwards. A group still together at bit 256 is one path
 * written several times: all but its last write (highest index) are marked in `dropped`.
 */
function sortRange(path: Uint8Array, order: Int32Array, dropped: Uint8Array, lo: number, hi: number, depth: number): void {
  while (hi - lo > 1) {
    if (depth === PATH_BITS) {
      let last = lo;
      for (let i = lo + 1; i < hi; i++) if (order[i]! > order[last]!) last = i;
      for (let i = lo; i < hi; i++) if (i !== last) dropped[order[i]!] = 1;
      return;
    }
    const mid = partition(path, order, lo, hi, depth);
    depth++;
    // Recurse on the smaller side, loop on the larger: the stack stays shallow whatever the paths.
    if (mid - lo < hi - mid) {
      sortRange(path, order, dropped, lo, mid, depth);
      lo = mid;
    } else {
      sortRange(path, order, dropped, mid, hi, depth);
      hi = mid;
    }
  }
}

function checkWrite(w: StateTreeWrite | null | undefined, index: number): StateTreeWrite {
  if (typeof w !== 'object' || w === null) throw new GongxinError('STATE_WRITE_INVALID', 'a write must be { path, valueHash }', { index });
  const { path, valueHash } = w;
  if (!(path instanceof Uint8Array) || path.length !== H) {
    throw new GongxinError('STATE_PATH_INVALID', 'a write path must be 32 bytes', { index, length: path instanceof Uint8Array ? path.length : -1 });
  }
  if (valueHash !== null && (!(valueHash instanceof Uint8Array) || valueHash.length !== H)) {
    const length = valueHash instanceof Uint8Array ? valueHash.length : -1;
    throw new GongxinError('STATE_VALUE_HASH_INVALID', 'a value hash must be 32 bytes or null (delete)', { index, length });
  }
  return w;
}

/**
 * Checks, copies, sorts and de-duplicates a batch of writes.
 * @throws STATE_WRITE_INVALID, STATE_PATH_INVALID, STATE_VALUE_HASH_INVALID
 * @example const w = sortWrites([{ path: p2, valueHash: v }, { path: p1, valueHash: null }]); // p1 first if p1 < p2
 */
export function sortWrites(writes: readonly StateTreeWrite[]): SortedWrites {
  if (!Array.isArray(writes)) throw new GongxinError('STATE_WRITE_INVALID', 'writes must be an array');
  const n = writes.length;
  // One pass over the caller's objects: paths in [0, 32n), value hashes in [32n, 64n), delete flags.
  const raw = new Uint8Array(2 * n * H);
  const rawDel = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = checkWrite(writes[i], i);
    raw.set(w.path, i * H);
    if (w.valueHash === null) rawDel[i] = 1;
    else raw.set(w.valueHash, (n + i) * H);
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const dropped = new Uint8Array(n);
  sortRange(raw, order, dropped, 0, n, 0);
  let count = 0;
  for (let i = 0; i < n; i++) if (dropped[order[i]!] === 0) order[count++] = order[i]!;
  const both = new Uint8Array(2 * count * H);
  const del = new Uint8Array(count);
  const from32 = new Int32Array(raw.buffer);
  const to32 = new Int32Array(both.buffer);
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    for (let j = 0; j < 8; j++) {
      to32[k * 8 + j] = from32[i * 8 + j]!;
      to32[(count + k) * 8 + j] = from32[(n + i) * 8 + j]!;
    }
    del[k] = rawDel[i]!;
  }
  return { count, path: both.subarray(0, count * H), value: both.subarray(count * H), del };
}
