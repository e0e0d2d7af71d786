// SM2 user identity hash Z_A (GB/T 32918.2-2016 §5.5): Z_A = H(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A),
// with the standard default distinguishing id "1234567812345678" (GB/T 35276-2017 §10), ENTL = 0x0080.
import type { HashFn } from '@gongxin/core';
import { bigintToBe256 } from './scalar-bytes.js';
import { SM2_A, SM2_B, SM2_GX, SM2_GY } from './sm2-curve.js';

/** The default distinguishing id, as bytes: ASCII "1234567812345678". */
export const SM2_DEFAULT_ID: Uint8Array = Uint8Array.from('1234567812345678', (c) => c.charCodeAt(0));

const CURVE_BYTES = [SM2_A, SM2_B, SM2_GX, SM2_GY].map(bigintToBe256);

function zPrefix(id: Uint8Array): Uint8Array {
  const bits = id.length * 8;
  const out = new Uint8Array(2 + id.length + 128);
  out[0] = (bits >> 8) & 0xff;
  out[1] = bits & 0xff;
  out.set(id, 2);
  CURVE_BYTES.forEach((b, i) => out.set(b, 2 + id.length + 32 * i));
  return out;
}

const DEFAULT_PREFIX = zPrefix(SM2_DEFAULT_ID);

/**
 * Z_A of a public key 04‖x‖y (65 bytes, not checked here) for distinguishing id `id` (at most 8191 bytes).
 * @example sm2Z(sm3, publicKey) // 32 bytes, default id
 */
export function sm2Z(hash: HashFn, publicKey: Uint8Array, id: Uint8Array = SM2_DEFAULT_ID): Uint8Array {
  const prefix = id === SM2_DEFAULT_ID ? DEFAULT_PREFIX : zPrefix(id);
  const input = new Uint8Array(prefix.length + 64);
  input.set(prefix);
  input.set(publicKey.subarray(1, 65), prefix.length);
  return hash(input);
}
