// SM2 signing (GB/T 32918.2-2016 §6.1) with a deterministic nonce: k from the RFC 6979 §3.2 HMAC-DRBG
// instantiated with HMAC-SM3 and seeded with int2octets(d) ‖ int2octets(e mod n). Same key and message → same signature.
import type { HashFn } from '@gongxin/core';
import { createHmacDrbg } from '@noble/curves/utils.js';
import { hmacWith } from './hmac.js';
import { be256, bigintToBe256 } from './scalar-bytes.js';
import { SM2_N, Sm2Point, modN } from './sm2-curve.js';

/** Inverse of (1 + d) mod n, computed once per signer. */
export function sm2SignerInverse(d: bigint): bigint {
  return Sm2Point.Fn.inv(modN(1n + d));
}

/**
 * Signs `message` with private scalar `d` whose Z_A is `z` (see sm2Z); `dInv` = (1 + d)^-1 mod n.
 * Retries per the standard when r = 0, r + k = n or s = 0 (the DRBG yields the next candidate k).
 * @example sm2SignMessage(sm3, d, sm2SignerInverse(d), z, message) // r ‖ s, 64 bytes
 */
export function sm2SignMessage(hash: HashFn, d: bigint, dInv: bigint, z: Uint8Array, message: Uint8Array): Uint8Array {
  const input = new Uint8Array(32 + message.length);
  input.set(z);
  input.set(message, 32);
  const e = be256(hash(input), 0); // A1, A2
  const seed = new Uint8Array(64);
  seed.set(bigintToBe256(d));
  seed.set(bigintToBe256(modN(e)), 32);
  const drbg = createHmacDrbg<Uint8Array>(32, 32, (key: Uint8Array, msg: Uint8Array) => hmacWith(hash, key, msg));
  const signature = drbg(seed, (candidate) => {
    const k = be256(candidate, 0); // bits2int: qlen = hlen = 256
    if (k < 1n || k >= SM2_N) return undefined; // A3
    const x1 = Sm2Point.BASE.multiply(k).toAffine().x; // A4
    const r = modN(e + x1); // A5
    if (r === 0n || r + k === SM2_N) return undefined;
    const s = modN(dInv * modN(k - r * d)); // A6
    if (s === 0n) return undefined;
    const out = new Uint8Array(64); // A7
    out.set(bigintToBe256(r));
    out.set(bigintToBe256(s), 32);
    return out;
  });
  seed.fill(0);
  return signature;
}
