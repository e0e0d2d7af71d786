// Byte helpers used everywhere: lowercase hex, strict UTF-8, concat, compare. No Buffer (runs in browsers).
import { GongxinError } from './errors.js';

const HEX = '0123456789abcdef';

/** Lowercase hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b >> 4]! + HEX[b & 15]!;
  return s;
}

/**
 * Parses lowercase or uppercase hex (no 0x prefix, even length).
 * @throws HEX_INVALID
 */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new GongxinError('HEX_INVALID', 'expected an even-length hex string', { length: hex.length });
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Byte-wise equality. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/** Lexicographic byte order: negative, zero or positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * UTF-8 encoding of a string. Lone surrogates are rejected: they have no UTF-8 form.
 * @throws ENCODING_INVALID_UTF8
 */
export function utf8Encode(s: string): Uint8Array {
  // Fast path: ASCII strings (keys, ids, hex) are one byte per code unit.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return b;
  }
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) throw new GongxinError('ENCODING_INVALID_UTF8', 'lone surrogate in string', { index: i });
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      throw new GongxinError('ENCODING_INVALID_UTF8', 'lone surrogate in string', { index: i });
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function asciiOnly(b: Uint8Array): string | undefined {
  if (b.length <= 64) {
    // Short ASCII (field names, ids, hex): one code unit per byte.
    let t = '';
    for (let k = 0; k < b.length; k++) {
      const c = b[k]!;
      if (c >= 0x80) return undefined;
      t += String.fromCharCode(c);
    }
    return t;
  }
  if (b.length > 4096) return undefined;
  for (let k = 0; k < b.length; k++) if (b[k]! >= 0x80) return undefined;
  return String.fromCharCode.apply(null, b as unknown as number[]);
}

/**
 * Strict UTF-8 decoding (RFC 3629): rejects overlongs, surrogates, code points above U+10FFFF, truncation.
 * @throws ENCODING_INVALID_UTF8
 */
export function utf8Decode(b: Uint8Array): string {
  const ascii = asciiOnly(b);
  if (ascii !== undefined) return ascii;
  let s = '';
  let i = 0;
  const bad = (): never => {
    throw new GongxinError('ENCODING_INVALID_UTF8', 'invalid UTF-8 sequence', { offset: i });
  };
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, cp, min] = [1, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, cp, min] = [2, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, cp, min] = [3, c & 0x07, 0x10000];
    else return bad();
    if (i + need >= b.length) return bad();
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return bad();
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return bad();
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}
