// HMAC (RFC 2104) over any 64-byte-block hash given as a plain function, so SM2's deterministic nonces can use
// whichever SM3 the caller has (OpenSSL's in Node, the pure one in browsers) with identical results.
import type { HashFn } from '@gongxin/core';

const BLOCK = 64;

/**
 * HMAC-H(key, message) for a hash H with 64-byte blocks (SHA-256, SM3).
 * @example hmacWith(sm3, key, data) // 32 bytes
 */
export function hmacWith(hash: HashFn, key: Uint8Array, message: Uint8Array): Uint8Array {
  const k = new Uint8Array(BLOCK);
  k.set(key.length > BLOCK ? hash(key) : key);
  const inner = new Uint8Array(BLOCK + message.length);
  for (let i = 0; i < BLOCK; i++) inner[i] = k[i]! ^ 0x36;
  inner.set(message, BLOCK);
  const innerHash = hash(inner);
  const outer = new Uint8Array(BLOCK + innerHash.length);
  for (let i = 0; i < BLOCK; i++) outer[i] = k[i]! ^ 0x5c;
  outer.set(innerHash, BLOCK);
  const mac = hash(outer);
  k.fill(0);
  inner.fill(0, 0, BLOCK);
  outer.fill(0, 0, BLOCK);
  return mac;
}
