// SHA-256 and SM3 through Node's OpenSSL. `crypto.hash` (Node ≥ 20.12) is the fastest one-shot path (no Hash
// object); older Nodes fall back to createHash. Results are plain Uint8Array views of the returned Buffer.
import { createHash, hash as oneShotHash } from 'node:crypto';
import type { HashFn } from '@gongxin/core';

type Algorithm = 'sha256' | 'sm3';

function makeHash(algorithm: Algorithm): HashFn {
  // `hash` is undefined on Node < 20.12 even though the types declare it.
  if (typeof oneShotHash === 'function') {
    return (data: Uint8Array): Uint8Array => {
      const b = oneShotHash(algorithm, data, 'buffer');
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    };
  }
  return (data: Uint8Array): Uint8Array => {
    const b = createHash(algorithm).update(data).digest();
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  };
}

/** SHA-256 (FIPS 180-4) via OpenSSL. */
export const sha256Node: HashFn = makeHash('sha256');
/** SM3 (GB/T 32905) via OpenSSL. */
export const sm3Node: HashFn = makeHash('sm3');
