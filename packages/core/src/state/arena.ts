// The state tree's node arena (docs/spec/state.md §Memory): nodes live in two typed arrays of records, not
// objects, so a million-key tree costs ~160 bytes per key.
import type { HashFn } from '../suite.js';

/** A node reference: 0 is the empty subtree, n > 0 internal node n, n < 0 leaf -n. */
export type NodeRef = number;

const H = 32;
/** A leaf record: path (bytes 0..31), value hash (32..63), leaf hash (64..95). */
const LEAF = 96;
const MIN_CAPACITY = 1024;

function grownU8(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}

function grownI32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** An internal node record, in 32-bit words: hash (words 0..7), left child (8), right child (9). */
const NODE_WORDS = 10;

/**
 * Internal nodes and leaves, each in one typed array of fixed-size records so that a node's hash and its
 * children share a cache line or two (a batch is bound by memory latency as much as by hashing), each with a
 * free stack. Slot 0 of both is unused so that 0 can mean "empty". Nodes are immutable once made; the tree
 * frees them when no retained version reaches them (see tree.ts). Arrays are replaced when they grow:
 * never keep one across a call that allocates.
 */
export class NodeArena {
  readonly hash: HashFn;
  /** Internal node n's record at words 10n .. 10n + 9 (see NODE_WORDS). */
  nodes: Int32Array;
  /** Byte view of `nodes`: hash of node n at bytes 40n .. 40n + 31. */
  nodeBytes: Uint8Array;
  nodeFree: Int32Array;
  nodeCap: number;
  nodeTop = 1;
  nodeFreeLen = 0;
  /** Leaf n's record at bytes 96n .. 96n + 95: path, value hash, leaf hash. */
  leaves: Uint8Array;
  leafFree: Int32Array;
  leafCap: number;
  leafTop = 1;
  leafFreeLen = 0;
  /** 32-bit view of `leaves`: a hash copies as 8 words. */
  private leaves32: Int32Array;
  /** Preimage buffer: byte 3 is the prefix, words 1..8 and 9..16 the two halves, so both are word-aligned. */
  private readonly scratch32 = new Int32Array(17);
  private readonly scratch = new Uint8Array(this.scratch32.buffer, 3, 1 + 2 * H);

  constructor(hash: HashFn, nodeCapacity = MIN_CAPACITY, leafCapacity = MIN_CAPACITY) {
    this.hash = hash;
    this.nodeCap = Math.max(MIN_CAPACITY, nodeCapacity);
    this.nodes = new Int32Array(NODE_WORDS * this.nodeCap);
    this.nodeBytes = new Uint8Array(this.nodes.buffer);
    this.nodeFree = new Int32Array(this.nodeCap);
    this.leafCap = Math.max(MIN_CAPACITY, leafCapacity);
    this.leaves = new Uint8Array(LEAF * this.leafCap);
    this.leaves32 = new Int32Array(this.leaves.buffer);
    this.leafFree = new Int32Array(this.leafCap);
  }

  get liveNodes(): number {
    return this.nodeTop - 1 - this.nodeFreeLen;
  }

  get liveLeaves(): number {
    return this.leafTop - 1 - this.leafFreeLen;
  }

  get bytes(): number {
    return this.nodes.byteLength + this.nodeFree.byteLength + this.leaves.byteLength + this.leafFree.byteLength;
  }

  /** Left child of internal node `ref`. */
  left(ref: NodeRef): NodeRef {
    return this.nodes[ref * NODE_WORDS + 8]!;
  }

  /** Right child of internal node `ref`. */
  right(ref: NodeRef): NodeRef {
    return this.nodes[ref * NODE_WORDS + 9]!;
  }

  private allocNode(): number {
    if (this.nodeFreeLen > 0) return this.nodeFree[--this.nodeFreeLen]!;
    if (this.nodeTop === this.nodeCap) {
      const cap = Math.ceil(this.nodeCap * 1.5);
      this.nodes = grownI32(this.nodes, NODE_WORDS * cap);
      this.nodeBytes = new Uint8Array(this.nodes.buffer);
      this.nodeFree = grownI32(this.nodeFree, cap);
      this.nodeCap = cap;
    }
    return this.nodeTop++;
  }

  private allocLeaf(): number {
    if (this.leafFreeLen > 0) return this.leafFree[--this.leafFreeLen]!;
    if (this.leafTop === this.leafCap) {
      const cap = Math.ceil(this.leafCap * 1.5);
      this.leaves = grownU8(this.leaves, LEAF * cap);
      this.leaves32 = new Int32Array(this.leaves.buffer);
      this.leafFree = grownI32(this.leafFree, cap);
      this.leafCap = cap;
    }
    return this.leafTop++;
  }

  /** Copies the hash of `ref` into scratch words w .. w + 7 (zeros when empty). */
  private loadHash(ref: NodeRef, w: number): void {
    const s = this.scratch32;
    let src: Int32Array;
    let base: number;
    if (ref > 0) {
      src = this.nodes;
      base = ref * NODE_WORDS;
    } else if (ref < 0) {
      src = this.leaves32;
      base = -ref * (LEAF / 4) + 16;
    } else {
      for (let i = 0; i < 8; i++) s[w + i] = 0;
      return;
    }
    for (let i = 0; i < 8; i++) s[w + i] = src[base + i]!;
  }

  /**
   * A new leaf from word-aligned path and value hash in `src` (8 words each, at word offsets `pathWord` and
   * `valueWord`): hashes it once.
   */
  newLeaf(src: Int32Array, pathWord: number, valueWord: number): NodeRef {
    const idx = this.allocLeaf();
    const rec = this.leaves32;
    const base = idx * (LEAF / 4);
    for (let i = 0; i < 8; i++) {
      rec[base + i] = src[pathWord + i]!;
      rec[base + 8 + i] = src[valueWord + i]!;
    }
    this.hashLeaf(-idx);
    return -idx;
  }

  /** A new leaf record whose hash is still to be computed by `hashLeaf` (the bulk build defers it). */
  newLeafUnhashed(path: Uint8Array, value: Uint8Array): NodeRef {
    const idx = this.allocLeaf();
    this.leaves.set(path, idx * LEAF);
    this.leaves.set(value, idx * LEAF + H);
    return -idx;
  }

  /** Computes leaf `ref`'s hash, H(0x00 ‖ path ‖ valueHash), into its record. */
  hashLeaf(ref: NodeRef): void {
    const rec = this.leaves32;
    const base = -ref * (LEAF / 4);
    const s = this.scratch32;
    for (let i = 0; i < 16; i++) s[1 + i] = rec[base + i]!;
    this.scratch[0] = 0x00;
    this.leaves.set(this.hash(this.scratch), -ref * LEAF + 2 * H);
  }

  /** A new internal node over two children: hashes it once. */
  newNode(l: NodeRef, r: NodeRef): NodeRef {
    const idx = this.allocNode();
    const base = idx * NODE_WORDS;
    this.scratch[0] = 0x01;
    this.loadHash(l, 1);
    this.loadHash(r, 9);
    this.nodeBytes.set(this.hash(this.scratch), base * 4);
    this.nodes[base + 8] = l;
    this.nodes[base + 9] = r;
    return idx;
  }

  /** Returns the slots of `refs` (nodes no retained version reaches) to the free stacks. */
  free(refs: Int32Array): void {
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      if (ref > 0) this.nodeFree[this.nodeFreeLen++] = ref;
      else this.leafFree[this.leafFreeLen++] = -ref;
    }
  }

  /** A fresh copy of the hash of `ref`. */
  hashOf(ref: NodeRef): Uint8Array {
    if (ref === 0) return new Uint8Array(H);
    return ref > 0 ? this.nodeBytes.slice(ref * 4 * NODE_WORDS, ref * 4 * NODE_WORDS + H) : this.leaves.slice(-ref * LEAF + 2 * H, -ref * LEAF + 3 * H);
  }

  /** A fresh copy of leaf `ref`'s path. */
  leafPathOf(ref: NodeRef): Uint8Array {
    return this.leaves.slice(-ref * LEAF, -ref * LEAF + H);
  }

  /** A fresh copy of leaf `ref`'s value hash. */
  leafValueOf(ref: NodeRef): Uint8Array {
    return this.leaves.slice(-ref * LEAF + H, -ref * LEAF + 2 * H);
  }

  /** Bit `depth` of leaf `ref`'s path. */
  leafBit(ref: NodeRef, depth: number): number {
    return (this.leaves[-ref * LEAF + (depth >>> 3)]! >>> (7 - (depth & 7))) & 1;
  }

  /** True when leaf `ref`'s path equals the 32 bytes of `b` at `off`. */
  leafPathEquals(ref: NodeRef, b: Uint8Array, off: number): boolean {
    const base = -ref * LEAF;
    for (let i = 0; i < H; i++) if (this.leaves[base + i] !== b[off + i]) return false;
    return true;
  }

  /** True when leaf `ref`'s value hash equals the 32 bytes of `b` at `off`. */
  leafValueEquals(ref: NodeRef, b: Uint8Array, off: number): boolean {
    const base = -ref * LEAF + H;
    for (let i = 0; i < H; i++) if (this.leaves[base + i] !== b[off + i]) return false;
    return true;
  }
}
