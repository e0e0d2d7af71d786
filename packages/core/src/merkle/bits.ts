// Integer bit helpers for tree sizes and indexes up to 2^53 - 1 (docs/spec/merkle.md §Sizes). JavaScript's
// bitwise operators stop at 32 bits, so values are split into high and low words.
const TWO32 = 2 ** 32;

function high(x: number): number {
  return Math.floor(x / TWO32);
}

/** Number of bits needed to write `x` (0 for 0). `x` is a non-negative safe integer. */
export function bitLength(x: number): number {
  if (x < TWO32) return 32 - Math.clz32(x);
  return 64 - Math.clz32(high(x));
}

/** Bit length of `a XOR b` for non-negative safe integers. */
export function xorBitLength(a: number, b: number): number {
  const h = high(a) ^ high(b);
  if (h !== 0) return 64 - Math.clz32(h);
  return 32 - Math.clz32((a >>> 0) ^ (b >>> 0));
}

function popCount32(v: number): number {
  let x = v >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of set bits of a non-negative safe integer. */
export function popCount(x: number): number {
  return popCount32(x >>> 0) + popCount32(high(x));
}

/** Number of trailing zero bits of a positive safe integer. */
export function trailingZeros(x: number): number {
  const lo = x >>> 0;
  if (lo !== 0) return 31 - Math.clz32(lo & -lo);
  const hi = high(x);
  return 63 - Math.clz32(hi & -hi);
}

/** floor(x / 2^k) for a non-negative safe integer. */
export function shiftRight(x: number, k: number): number {
  return k < 31 && x < TWO32 ? x >>> k : Math.floor(x / 2 ** k);
}

/** The largest power of two strictly below `n` (n ≥ 2): the MTH split point k of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  return 2 ** (bitLength(n - 1) - 1);
}

/** True when `v` is an integer in [0, 2^53 - 1]: the only sizes and indexes a proof may carry. */
export function isSize(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
