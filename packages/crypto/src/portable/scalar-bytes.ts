// Fixed-width big-endian / little-endian conversions between bytes and bigint, without hex round trips
// (the hot path of SM2 and portable Ed25519 verification).

/** Unsigned big-endian integer of bytes[offset, offset + 32). */
export function be256(bytes: Uint8Array, offset: number): bigint {
  const v = new DataView(bytes.buffer, bytes.byteOffset + offset, 32);
  return (v.getBigUint64(0) << 192n) | (v.getBigUint64(8) << 128n) | (v.getBigUint64(16) << 64n) | v.getBigUint64(24);
}

/** Unsigned little-endian integer of bytes[offset, offset + 32). */
export function le256(bytes: Uint8Array, offset: number): bigint {
  const v = new DataView(bytes.buffer, bytes.byteOffset + offset, 32);
  return (v.getBigUint64(24, true) << 192n) | (v.getBigUint64(16, true) << 128n) | (v.getBigUint64(8, true) << 64n) | v.getBigUint64(0, true);
}

/** Unsigned little-endian integer of a whole byte string (any length, e.g. a 64-byte SHA-512 output). */
export function leBytesToBigint(bytes: Uint8Array): bigint {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let n = 0n;
  let i = bytes.length;
  for (; i % 8 !== 0; i--) n = (n << 8n) | BigInt(bytes[i - 1]!);
  for (; i > 0; i -= 8) n = (n << 64n) | v.getBigUint64(i - 8, true);
  return n;
}

/** 32-byte big-endian encoding of 0 ≤ n < 2^256. */
export function bigintToBe256(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  const v = new DataView(out.buffer);
  v.setBigUint64(0, (n >> 192n) & 0xffffffffffffffffn);
  v.setBigUint64(8, (n >> 128n) & 0xffffffffffffffffn);
  v.setBigUint64(16, (n >> 64n) & 0xffffffffffffffffn);
  v.setBigUint64(24, n & 0xffffffffffffffffn);
  return out;
}
