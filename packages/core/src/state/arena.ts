// The state tree's node arena (docs/spec/state.md §Memory): nodes live in typed arrays, not objects, so a
// million-key tree costs ~150 bytes per key. Nodes are shared between versions and reference-counted.
import type { HashFn } from '../suite.js';

/** A node reference: 0 is the empty subtree, n > 0 internal node n, n < 0 leaf -n. */
export type NodeRef = number;

const H = 32;
const MIN_CAPACITY = 1024;

function grownU8(a: Uint8Array, cap: number): Uint8Array {
  const b = new Uint8Array(cap * H);
  b.set(a);
  return b;
}

function grownI32(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/**
 * Internal nodes (hash, left, right, refcount) and leaves (path, value hash, hash, refcount), each with a
 * free stack. Slot 0 of both is unused so that 0 can mean "empty". Typed arrays may be replaced when they
 * grow: never keep one across a call that allocates.
 */
export class NodeArena {
  readonly hash: HashFn;
  nodeHash: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  nodeRc: Int32Array;
  nodeFree: Int32Array;
  nodeCap: number;
  nodeTop = 1;
  nodeFreeLen = 0;
  leafPath: Uint8Array;
  leafValue: Uint8Array;
  leafHash: Uint8Array;
  leafRc: Int32Array;
  leafFree: Int32Array;
  leafCap: number;
  leafTop = 1;
  leafFreeLen = 0;
  /** 32-bit views of the hash arrays (rebuilt when they grow): a hash copies as 8 words, not 32 bytes. */
  private nodeHash32: Int32Array;
  private leafHash32: Int32Array;
  /** Preimage buffer: byte 3 is the prefix, words 1..8 and 9..16 the children, so both are word-aligned. */
  private readonly scratch32 = new Int32Array(17);
  private readonly scratch = new Uint8Array(this.scratch32.buffer, 3, 1 + 2 * H);

  constructor(hash: HashFn, nodeCapacity = MIN_CAPACITY, leafCapacity = MIN_CAPACITY) {
    this.hash = hash;
    this.nodeCap = Math.max(MIN_CAPACITY, nodeCapacity);
    this.nodeHash = new Uint8Array(this.nodeCap * H);
    this.left = new Int32Array(this.nodeCap);
    this.right = new Int32Array(this.nodeCap);
    this.nodeRc = new Int32Array(this.nodeCap);
    this.nodeFree = new Int32Array(this.nodeCap);
    this.nodeHash32 = new Int32Array(this.nodeHash.buffer);
    this.leafCap = Math.max(MIN_CAPACITY, leafCapacity);
    this.leafPath = new Uint8Array(this.leafCap * H);
    this.leafValue = new Uint8Array(this.leafCap * H);
    this.leafHash = new Uint8Array(this.leafCap * H);
    this.leafRc = new Int32Array(this.leafCap);
    this.leafFree = new Int32Array(this.leafCap);
    this.leafHash32 = new Int32Array(this.leafHash.buffer);
  }

  get liveNodes(): number {
    return this.nodeTop - 1 - this.nodeFreeLen;
  }

  get liveLeaves(): number {
    return this.leafTop - 1 - this.leafFreeLen;
  }

  get bytes(): number {
    return this.nodeCap * (H + 16) + this.leafCap * (3 * H + 8);
  }

  private allocNode(): number {
    if (this.nodeFreeLen > 0) return this.nodeFree[--this.nodeFreeLen]!;
    if (this.nodeTop === this.nodeCap) {
      const cap = Math.ceil(this.nodeCap * 1.5);
      this.nodeHash = grownU8(this.nodeHash, cap);
      this.left = grownI32(this.left, cap);
      this.right = grownI32(this.right, cap);
      this.nodeRc = grownI32(this.nodeRc, cap);
      this.nodeFree = grownI32(this.nodeFree, cap);
      this.nodeHash32 = new Int32Array(this.nodeHash.buffer);
      this.nodeCap = cap;
    }
    return this.nodeTop++;
  }

  private allocLeaf(): number {
    if (this.leafFreeLen > 0) return this.leafFree[--this.leafFreeLen]!;
    if (this.leafTop === this.leafCap) {
      const cap = Math.ceil(this.leafCap * 1.5);
      this.leafPath = grownU8(this.leafPath, cap);
      this.leafValue = grownU8(this.leafValue, cap);
      this.leafHash = grownU8(this.leafHash, cap);
      this.leafRc = grownI32(this.leafRc, cap);
      this.leafFree = grownI32(this.leafFree, cap);
      this.leafHash32 = new Int32Array(this.leafHash.buffer);
      this.leafCap = cap;
    }
    return this.leafTop++;
  }

  /** Copies the hash of `ref` into scratch words w .. w+7 (zeros when empty). */
  private loadHash(ref: NodeRef, w: number): void {
    const s = this.scratch32;
    if (ref === 0) {
      s.fill(0, w, w + 8);
      return;
    }
    const src = ref > 0 ? this.nodeHash32 : this.leafHash32;
    const base = (ref > 0 ? ref : -ref) * 8;
    s[w] = src[base]!;
    s[w + 1] = src[base + 1]!;
    s[w + 2] = src[base + 2]!;
    s[w + 3] = src[base + 3]!;
    s[w + 4] = src[base + 4]!;
    s[w + 5] = src[base + 5]!;
    s[w + 6] = src[base + 6]!;
    s[w + 7] = src[base + 7]!;
  }

  /** A new leaf (refcount 0) from 32-byte windows of `path` and `value`: hashes it once. */
  newLeaf(path: Uint8Array, pathOff: number, value: Uint8Array, valueOff: number): NodeRef {
    const idx = this.allocLeaf();
    const base = idx * H;
    const p = path.subarray(pathOff, pathOff + H);
    const v = value.subarray(valueOff, valueOff + H);
    this.leafPath.set(p, base);
    this.leafValue.set(v, base);
    const s = this.scratch;
    s[0] = 0x00;
    s.set(p, 1);
    s.set(v, 1 + H);
    this.leafHash.set(this.hash(s), base);
    this.leafRc[idx] = 0;
    return -idx;
  }

  /** A new internal node (refcount 0) over two children, which it retains: hashes it once. */
  newNode(l: NodeRef, r: NodeRef): NodeRef {
    const idx = this.allocNode();
    this.left[idx] = l;
    this.right[idx] = r;
    this.nodeRc[idx] = 0;
    this.retain(l);
    this.retain(r);
    this.scratch[0] = 0x01;
    this.loadHash(l, 1);
    this.loadHash(r, 9);
    this.nodeHash.set(this.hash(this.scratch), idx * H);
    return idx;
  }

  retain(ref: NodeRef): void {
    if (ref > 0) this.nodeRc[ref]!++;
    else if (ref < 0) this.leafRc[-ref]!++;
  }

  /** Drops one reference; frees the node, and releases its children, when none is left. */
  release(ref: NodeRef): void {
    if (ref < 0) {
      if (--this.leafRc[-ref]! === 0) this.leafFree[this.leafFreeLen++] = -ref;
      return;
    }
    if (ref === 0 || --this.nodeRc[ref]! !== 0) return;
    this.nodeFree[this.nodeFreeLen++] = ref;
    const l = this.left[ref]!;
    const r = this.right[ref]!;
    this.release(l);
    this.release(r);
  }

  /** A fresh copy of the hash of `ref`. */
  hashOf(ref: NodeRef): Uint8Array {
    if (ref === 0) return new Uint8Array(H);
    return ref > 0 ? this.nodeHash.slice(ref * H, ref * H + H) : this.leafHash.slice(-ref * H, -ref * H + H);
  }

  /** True when leaf `ref`'s path equals the 32 bytes of `b` at `off`. */
  leafPathEquals(ref: NodeRef, b: Uint8Array, off: number): boolean {
    const base = -ref * H;
    for (let i = 0; i < H; i++) if (this.leafPath[base + i] !== b[off + i]) return false;
    return true;
  }

  /** True when leaf `ref`'s value hash equals the 32 bytes of `b` at `off`. */
  leafValueEquals(ref: NodeRef, b: Uint8Array, off: number): boolean {
    const base = -ref * H;
    for (let i = 0; i < H; i++) if (this.leafValue[base + i] !== b[off + i]) return false;
    return true;
  }
}
