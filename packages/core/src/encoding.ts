// Canonical encoding (docs/spec/encoding.md): a strict subset of deterministically encoded CBOR
// (RFC 8949 §4.2.1). One value has exactly one encoding; the decoder rejects every other byte string.
import { compareBytes, utf8Decode, utf8Encode } from './bytes.js';
import { GongxinError } from './errors.js';

/** A value the canonical encoding can carry. Integers only (no floats); map keys are text. */
export type Value = null | boolean | number | bigint | string | Uint8Array | readonly Value[] | { readonly [key: string]: Value };

/** Largest integer magnitude the encoding carries: CBOR's 64-bit argument. */
const MAX_U64 = (1n << 64n) - 1n;
/** Nesting limit: deep enough for any record, shallow enough that garbage can't exhaust the stack. */
export const MAX_DEPTH = 32;

class Writer {
  buf: Uint8Array;
  len = 0;
  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  head(major: number, argIn: number | bigint): void {
    const m = major << 5;
    const arg = typeof argIn === 'bigint' && argIn <= 0xffffffffn ? Number(argIn) : argIn;
    if (typeof arg === 'number' && arg < 24) return this.byte(m | arg);
    if (typeof arg === 'number' && arg < 0x100) return this.bytes(Uint8Array.of(m | 24, arg));
    if (typeof arg === 'number' && arg < 0x10000) return this.bytes(Uint8Array.of(m | 25, arg >> 8, arg & 255));
    if (typeof arg === 'number' && arg < 0x100000000) {
      return this.bytes(Uint8Array.of(m | 26, (arg >>> 24) & 255, (arg >>> 16) & 255, (arg >>> 8) & 255, arg & 255));
    }
    let v = BigInt(arg);
    const out = new Uint8Array(9);
    out[0] = m | 27;
    for (let i = 8; i >= 1; i--) {
      out[i] = Number(v & 255n);
      v >>= 8n;
    }
    this.bytes(out);
  }
}

// Map keys repeat constantly (field names): keep their encodings instead of re-encoding each time.
const KEY_CACHE_MAX = 4096;
const keyCache = new Map<string, Uint8Array>();

function encodedKey(k: string): Uint8Array {
  let out = keyCache.get(k);
  if (out !== undefined) return out;
  const kb = utf8Encode(k);
  const kw = new Writer(kb.length + 9);
  kw.head(3, kb.length);
  kw.bytes(kb);
  out = kw.buf.slice(0, kw.len);
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(k, out);
  return out;
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function encodeInto(w: Writer, v: Value, depth: number): void {
  if (depth > MAX_DEPTH) throw new GongxinError('ENCODING_TOO_DEEP', `nesting deeper than ${MAX_DEPTH}`);
  if (v === null) return w.byte(0xf6);
  if (v === false) return w.byte(0xf4);
  if (v === true) return w.byte(0xf5);
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new GongxinError('ENCODING_FLOAT', 'only integers can be encoded', { value: String(v) });
    if (!Number.isSafeInteger(v)) throw new GongxinError('ENCODING_INTEGER_RANGE', 'number beyond 2^53: pass a bigint', { value: String(v) });
    return v >= 0 ? w.head(0, v) : w.head(1, -1 - v);
  }
  if (typeof v === 'bigint') {
    if (v > MAX_U64 || v < -MAX_U64 - 1n) throw new GongxinError('ENCODING_INTEGER_RANGE', 'integer outside the 64-bit range', { value: v.toString() });
    return v >= 0n ? w.head(0, v) : w.head(1, -1n - v);
  }
  if (typeof v === 'string') {
    const b = utf8Encode(v);
    w.head(3, b.length);
    return w.bytes(b);
  }
  if (v instanceof Uint8Array) {
    w.head(2, v.length);
    return w.bytes(v);
  }
  if (Array.isArray(v)) {
    w.head(4, v.length);
    for (const item of v as readonly Value[]) encodeInto(w, item, depth + 1);
    return;
  }
  if (typeof v === 'object' && isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => (v as Record<string, Value | undefined>)[k] !== undefined);
    const encoded = keys.map(encodedKey);
    const order = keys.map((_, i) => i);
    if (keys.length > 1) order.sort((a, b) => compareBytes(encoded[a]!, encoded[b]!));
    w.head(5, keys.length);
    for (const i of order) {
      w.bytes(encoded[i]!);
      encodeInto(w, (v as Record<string, Value>)[keys[i]!]!, depth + 1);
    }
    return;
  }
  throw new GongxinError('ENCODING_UNSUPPORTED_TYPE', `cannot encode a value of type ${typeof v}`);
}

/**
 * Canonical bytes of `value`. Map keys are sorted by their encoded bytes; integers use the shortest form;
 * properties whose value is `undefined` are left out (absent), everything else unsupported throws.
 * @throws ENCODING_FLOAT, ENCODING_INTEGER_RANGE, ENCODING_UNSUPPORTED_TYPE, ENCODING_INVALID_UTF8, ENCODING_TOO_DEEP
 * @example encode({ a: 1, b: [true, null] }) // a2 61 61 01 61 62 82 f5 f6
 */
const scratch = new Writer(64 * 1024);

export function encode(value: Value): Uint8Array {
  // One scratch buffer for every call (encoding is synchronous and never re-enters encode), copied out at the end.
  scratch.len = 0;
  try {
    encodeInto(scratch, value, 0);
    return scratch.buf.slice(0, scratch.len);
  } finally {
    if (scratch.buf.length > 1024 * 1024) scratch.buf = new Uint8Array(64 * 1024);
  }
}

class Reader {
  pos = 0;
  readonly b: Uint8Array;
  constructor(b: Uint8Array) {
    this.b = b;
  }
  fail(code: string, message: string): never {
    throw new GongxinError(code, message, { offset: this.pos });
  }
  take(n: number): Uint8Array {
    if (n > this.b.length - this.pos) this.fail('ENCODING_TRUNCATED', 'input ends inside a value');
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** Reads a head; returns major type and argument, enforcing the shortest form. */
  head(): { major: number; arg: number | bigint } {
    const first = this.take(1)[0]!;
    const major = first >> 5;
    const info = first & 31;
    if (info < 24) return { major, arg: info };
    if (info === 24) {
      const v = this.take(1)[0]!;
      if (v < 24) this.fail('ENCODING_NON_CANONICAL', 'integer not in its shortest form');
      return { major, arg: v };
    }
    if (info === 25) {
      const b = this.take(2);
      const v = (b[0]! << 8) | b[1]!;
      if (v < 0x100) this.fail('ENCODING_NON_CANONICAL', 'integer not in its shortest form');
      return { major, arg: v };
    }
    if (info === 26) {
      const b = this.take(4);
      const v = b[0]! * 0x1000000 + ((b[1]! << 16) | (b[2]! << 8) | b[3]!);
      if (v < 0x10000) this.fail('ENCODING_NON_CANONICAL', 'integer not in its shortest form');
      return { major, arg: v };
    }
    if (info === 27) {
      const b = this.take(8);
      let v = 0n;
      for (const x of b) v = (v << 8n) | BigInt(x);
      if (v < 0x100000000n) this.fail('ENCODING_NON_CANONICAL', 'integer not in its shortest form');
      return { major, arg: v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v };
    }
    if (info === 31) this.fail('ENCODING_UNSUPPORTED_TYPE', 'indefinite lengths are not canonical');
    return this.fail('ENCODING_UNSUPPORTED_TYPE', 'reserved additional information');
  }
  length(arg: number | bigint): number {
    if (typeof arg === 'bigint' || arg > this.b.length - this.pos) this.fail('ENCODING_TRUNCATED', 'length runs past the end of input');
    return arg as number;
  }
}

function decodeFrom(r: Reader, depth: number): Value {
  if (depth > MAX_DEPTH) r.fail('ENCODING_TOO_DEEP', `nesting deeper than ${MAX_DEPTH}`);
  const start = r.pos;
  const { major, arg } = r.head();
  switch (major) {
    case 0:
      return arg;
    case 1:
      if (typeof arg === 'bigint') return -1n - arg;
      return arg === Number.MAX_SAFE_INTEGER ? -1n - BigInt(arg) : -1 - arg;
    case 2:
      return r.take(r.length(arg)).slice();
    case 3: {
      const b = r.take(r.length(arg));
      try {
        return utf8Decode(b);
      } catch {
        r.pos = start;
        return r.fail('ENCODING_INVALID_UTF8', 'text string is not valid UTF-8');
      }
    }
    case 4: {
      const n = r.length(arg); // each item takes at least one byte
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push(decodeFrom(r, depth + 1));
      return out;
    }
    case 5: {
      const n = r.length(arg);
      const out: Record<string, Value> = {};
      let prev: Uint8Array | null = null;
      for (let i = 0; i < n; i++) {
        const keyStart = r.pos;
        const key = decodeFrom(r, depth + 1);
        if (typeof key !== 'string') r.fail('ENCODING_NON_TEXT_KEY', 'map keys must be text strings');
        const keyBytes = r.b.subarray(keyStart, r.pos);
        if (prev !== null) {
          const c = compareBytes(prev, keyBytes);
          if (c === 0) r.fail('ENCODING_DUPLICATE_KEY', `duplicate map key "${key}"`);
          if (c > 0) r.fail('ENCODING_UNSORTED_KEYS', `map key "${key}" out of canonical order`);
        }
        prev = keyBytes;
        const value = decodeFrom(r, depth + 1);
        // Plain assignment keeps objects fast; only "__proto__" needs defineProperty to stay an ordinary key.
        if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
    case 6:
      return r.fail('ENCODING_UNSUPPORTED_TYPE', 'tags are not part of the canonical encoding');
    default: {
      // major 7
      if (arg === 20) return false;
      if (arg === 21) return true;
      if (arg === 22) return null;
      const first = r.b[start]!;
      if (first >= 0xf9 && first <= 0xfb) {
        r.pos = start;
        return r.fail('ENCODING_FLOAT', 'floating-point numbers are not allowed');
      }
      r.pos = start;
      return r.fail('ENCODING_UNSUPPORTED_TYPE', 'simple value not allowed (only false, true, null)');
    }
  }
}

/**
 * Decodes canonical bytes. Rejects anything `encode` would not have produced.
 * @throws ENCODING_TRUNCATED, ENCODING_TRAILING_BYTES, ENCODING_NON_CANONICAL, ENCODING_UNSORTED_KEYS,
 *   ENCODING_DUPLICATE_KEY, ENCODING_FLOAT, ENCODING_UNSUPPORTED_TYPE, ENCODING_NON_TEXT_KEY, ENCODING_INVALID_UTF8,
 *   ENCODING_TOO_DEEP
 * @example decode(hexToBytes('a1616101')) // { a: 1 }
 */
export function decode(bytes: Uint8Array): Value {
  const r = new Reader(bytes);
  const v = decodeFrom(r, 0);
  if (r.pos !== bytes.length) r.fail('ENCODING_TRAILING_BYTES', `${bytes.length - r.pos} bytes after the value`);
  return v;
}
