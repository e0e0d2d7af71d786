// The SM2 curve (GB/T 32918.5-2017, "sm2p256v1") on @noble/curves' generic short-Weierstrass arithmetic,
// with the key encodings the ledger accepts: private d as 32 bytes big-endian, public key 04‖x‖y (65 bytes).
import { weierstrass, type WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { be256 } from './scalar-bytes.js';

/** GB/T 32918.5 recommended curve parameters. */
export const SM2_P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
export const SM2_A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
export const SM2_B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
export const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
export const SM2_GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
export const SM2_GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** Point constructor for the SM2 curve (cofactor 1: every point on the curve except infinity is in the group). */
export const Sm2Point = weierstrass({ p: SM2_P, n: SM2_N, h: 1n, a: SM2_A, b: SM2_B, Gx: SM2_GX, Gy: SM2_GY });
/** An SM2 curve point. */
export type Sm2PointType = WeierstrassPoint<bigint>;

// Window-8 table for G (lazy: built on first use, ~4k points, shared by every signature and verification).
Sm2Point.BASE.precompute(8);

/** SM2 public key length: 0x04 ‖ x ‖ y. */
export const SM2_PUBLIC_KEY_LENGTH = 65;
/** SM2 private key length: d, big-endian. */
export const SM2_PRIVATE_KEY_LENGTH = 32;
/** SM2 signature length: r ‖ s, each 32 bytes big-endian. */
export const SM2_SIGNATURE_LENGTH = 64;

/** x mod n, non-negative. */
export function modN(x: bigint): bigint {
  const r = x % SM2_N;
  return r < 0n ? r + SM2_N : r;
}

/**
 * Decodes an uncompressed SM2 public key (04‖x‖y) and checks it is a point on the curve (not infinity,
 * coordinates below p). Compressed and hybrid encodings are refused: the ledger has one encoding per key.
 * Returns null for anything else.
 */
export function decodeSm2PublicKey(publicKey: Uint8Array): Sm2PointType | null {
  if (publicKey.length !== SM2_PUBLIC_KEY_LENGTH || publicKey[0] !== 0x04) return null;
  try {
    return Sm2Point.fromBytes(publicKey);
  } catch {
    return null;
  }
}

/** The private scalar d of a 32-byte key, or null unless 1 ≤ d ≤ n − 2 (GB/T 32918.1 §6.1: 1 + d must be invertible). */
export function decodeSm2PrivateKey(privateKey: Uint8Array): bigint | null {
  if (privateKey.length !== SM2_PRIVATE_KEY_LENGTH) return null;
  const d = be256(privateKey, 0);
  return d >= 1n && d <= SM2_N - 2n ? d : null;
}

/** The public key 04‖x‖y of private scalar d (constant-time multiplication). */
export function sm2PublicKeyOf(d: bigint): Uint8Array {
  return Sm2Point.BASE.multiply(d).toBytes(false);
}
