// Variable-time SM2 point arithmetic for verification only (public scalars): Jacobian coordinates with the a = −3
// doubling (dbl-2001-b) and mixed additions (madd-2007-bl) with their exceptional cases handled exactly, wNAF and
// signed fixed-window tables. About twice as fast as the generic projective formulas. Never used with secrets.
import { SM2_N, SM2_P } from './sm2-curve.js';

const p = SM2_P;

/** An affine point (x, y) with coordinates in [0, p). */
export interface Affine {
  readonly x: bigint;
  readonly y: bigint;
}

/** A mutable Jacobian point: x = X/Z², y = Y/Z³; Z = 0 is infinity. */
interface Jacobian {
  X: bigint;
  Y: bigint;
  Z: bigint;
}

const md = (a: bigint): bigint => {
  const r = a % p;
  return r < 0n ? r + p : r;
};

/** Modular inverse by the extended Euclidean algorithm (a ≠ 0 mod p). */
function invert(a: bigint): bigint {
  let [lm, hm, low, high] = [1n, 0n, md(a), p];
  while (low > 1n) {
    const q = high / low;
    [lm, hm, low, high] = [hm - lm * q, lm, high - low * q, low];
  }
  return md(lm);
}

/** acc = 2·acc (a = −3). */
function dbl(acc: Jacobian): void {
  const { X, Y, Z } = acc;
  if (Z === 0n) return;
  const delta = (Z * Z) % p;
  const gamma = (Y * Y) % p;
  const beta = (X * gamma) % p;
  const alpha = (3n * (((X - delta) * (X + delta)) % p)) % p;
  const X3 = md(alpha * alpha - 8n * beta);
  acc.Z = md((Y + Z) * (Y + Z) - gamma - delta);
  acc.Y = md(alpha * (4n * beta - X3) - 8n * ((gamma * gamma) % p));
  acc.X = X3;
}

/** acc = acc + (x, y) for an affine point that is not infinity. */
function madd(acc: Jacobian, x: bigint, y: bigint): void {
  const { X, Y, Z } = acc;
  if (Z === 0n) {
    acc.X = x;
    acc.Y = y;
    acc.Z = 1n;
    return;
  }
  const zz = (Z * Z) % p;
  const h = md(((x * zz) % p) - X);
  const r = md(2n * ((((y * Z) % p) * zz) % p - Y));
  if (h === 0n) {
    if (r === 0n) dbl(acc); // same point
    else acc.Z = 0n; // opposite points
    return;
  }
  const hh = (h * h) % p;
  const i = (4n * hh) % p;
  const j = (h * i) % p;
  const v = (X * i) % p;
  const X3 = md(r * r - j - 2n * v);
  acc.Y = md(r * (v - X3) - 2n * ((Y * j) % p));
  acc.Z = md((Z + h) * (Z + h) - zz - hh);
  acc.X = X3;
}

/** Converts Jacobian points to affine with one inversion (none may be infinity). */
function toAffineAll(points: readonly Jacobian[]): Affine[] {
  const prefix: bigint[] = [1n];
  for (const q of points) prefix.push((prefix[prefix.length - 1]! * q.Z) % p);
  let inv = invert(prefix[points.length]!);
  const out: Affine[] = new Array<Affine>(points.length);
  for (let i = points.length - 1; i >= 0; i--) {
    const q = points[i]!;
    const zi = (inv * prefix[i]!) % p;
    inv = (inv * q.Z) % p;
    const zi2 = (zi * zi) % p;
    out[i] = { x: (q.X * zi2) % p, y: (((q.Y * zi2) % p) * zi) % p };
  }
  return out;
}

/** Odd multiples P, 3P, …, (2^(w−1) − 1)P of a point of order n, affine, for wNAF of width w. */
export function oddMultiples(point: Affine, w: number): Affine[] {
  const two: Jacobian = { X: point.x, Y: point.y, Z: 1n };
  dbl(two);
  const [t] = toAffineAll([two]);
  const jac: Jacobian[] = [{ X: point.x, Y: point.y, Z: 1n }];
  for (let i = 1; i < 1 << (w - 2); i++) {
    const next = { ...jac[i - 1]! };
    madd(next, t!.x, t!.y);
    jac.push(next);
  }
  return toAffineAll(jac);
}

/** Signed fixed-window table of width w: entry [j][d − 1] = d · 2^(w·j) · P for d = 1 … 2^(w−1). */
export function fixedWindowTable(point: Affine, w: number): Affine[][] {
  const windows = Math.ceil(256 / w) + 1;
  const jac: Jacobian[] = [];
  let base: Jacobian = { X: point.x, Y: point.y, Z: 1n };
  for (let j = 0; j < windows; j++) {
    const [b] = toAffineAll([base]);
    const acc: Jacobian = { X: b!.x, Y: b!.y, Z: 1n };
    for (let d = 1; d <= 1 << (w - 1); d++) {
      if (d > 1) madd(acc, b!.x, b!.y);
      jac.push({ ...acc });
    }
    base = { ...acc }; // 2^(w−1)·base: double once more below to get 2^w·base
    dbl(base);
  }
  const flat = toAffineAll(jac);
  const per = 1 << (w - 1);
  return Array.from({ length: windows }, (_, j) => flat.slice(j * per, (j + 1) * per));
}

function addSigned(acc: Jacobian, entry: Affine, negative: boolean): void {
  madd(acc, entry.x, negative ? p - entry.y : entry.y);
}

/** acc += k·P using a table from fixedWindowTable(P, w): one mixed addition per window, no doublings. */
function addFixed(acc: Jacobian, k: bigint, table: readonly (readonly Affine[])[], w: number): void {
  const mask = (1n << BigInt(w)) - 1n;
  const half = 1 << (w - 1);
  for (let j = 0; k > 0n; j++) {
    let d = Number(k & mask);
    k >>= BigInt(w);
    if (d > half) {
      d -= 1 << w;
      k += 1n;
    }
    if (d !== 0) addSigned(acc, table[j]![Math.abs(d) - 1]!, d < 0);
  }
}

/** acc = k·P by width-w NAF over a table from oddMultiples(P, w) (doublings included). */
function mulWnaf(acc: Jacobian, k: bigint, odd: readonly Affine[], w: number): void {
  const digits: number[] = [];
  const full = 1n << BigInt(w);
  const half = full >> 1n;
  while (k > 0n) {
    let d = 0n;
    if (k & 1n) {
      d = k & (full - 1n);
      if (d >= half) d -= full;
      k -= d;
    }
    digits.push(Number(d));
    k >>= 1n;
  }
  for (let i = digits.length - 1; i >= 0; i--) {
    dbl(acc);
    const d = digits[i]!;
    if (d !== 0) addSigned(acc, odd[(Math.abs(d) - 1) >> 1]!, d < 0);
  }
}

/** Precomputed tables of one public key: always the wNAF odd multiples, and for hot keys a fixed-window table. */
export interface Sm2KeyTables {
  readonly odd: readonly Affine[];
  fixed: readonly (readonly Affine[])[] | null;
}

/** wNAF width for keys without a fixed-window table. */
export const KEY_WNAF_WIDTH = 5;
/** Fixed-window width for hot keys: 65 × 8 affine points (~80 KB). */
export const KEY_FIXED_WIDTH = 4;
const G_FIXED_WIDTH = 8;
let gTable: Affine[][] | null = null;

/**
 * The affine x of s·G + t·P for public scalars 0 ≤ s, t < n, or null if the sum is infinity.
 * @example mulAddX(s, t, { odd: oddMultiples(P, 5), fixed: null }, G)
 */
export function mulAddX(s: bigint, t: bigint, tables: Sm2KeyTables, g: Affine): bigint | null {
  if (s >= SM2_N || t >= SM2_N || s < 0n || t < 0n) return null;
  gTable ??= fixedWindowTable(g, G_FIXED_WIDTH);
  const acc: Jacobian = { X: 0n, Y: 1n, Z: 0n };
  if (tables.fixed !== null) addFixed(acc, t, tables.fixed, KEY_FIXED_WIDTH);
  else mulWnaf(acc, t, tables.odd, KEY_WNAF_WIDTH);
  addFixed(acc, s, gTable, G_FIXED_WIDTH);
  if (acc.Z === 0n) return null;
  const zi = invert(acc.Z);
  return (((acc.X * zi) % p) * zi) % p;
}
