// SM2 signature verification (GB/T 32918.2-2016 §7.1) with a per-public-key cache of Z_A and point tables; keys
// seen a few times get a fixed-window table that makes s·G + t·P several times cheaper. Parametrised by the SM3.
import type { HashFn } from '@gongxin/core';
import { KeyCache, bytesKey } from './key-cache.js';
import { be256 } from './scalar-bytes.js';
import { SM2_GX, SM2_GY, SM2_N, SM2_SIGNATURE_LENGTH, decodeSm2PublicKey } from './sm2-curve.js';
import { KEY_FIXED_WIDTH, KEY_WNAF_WIDTH, fixedWindowTable, mulAddX, oddMultiples, type Affine, type Sm2KeyTables } from './sm2-jacobian.js';
import { sm2Z } from './sm2-z.js';

/** Decoded public key state kept between verifications. */
interface Sm2KeyEntry {
  readonly point: Affine;
  readonly z: Uint8Array;
  readonly tables: Sm2KeyTables;
  uses: number;
}

const G: Affine = { x: SM2_GX, y: SM2_GY };
/** Verifications of one key after which its fixed-window table is built (~80 KB, a few ms, repaid in ~10 checks). */
const FIXED_TABLE_AFTER_USES = 8;
/** Entries per cache generation: at most 512 keys, so tables stay under ~40 MB. */
const CACHE_GENERATION = 256;

/** An SM2 verifier bound to one SM3 implementation. */
export interface Sm2Verifier {
  /** GB/T 32918.2 verification of `signature` (r‖s) over `message` by `publicKey` with the default id. Never throws. */
  verifyMessage(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** Z_A (default id) of a valid public key, cached; null if the key is not a valid 04‖x‖y point. */
  zOf(publicKey: Uint8Array): Uint8Array | null;
}

/**
 * Creates an SM2 verifier using `hash` (SM3) for Z_A and e. Node passes OpenSSL's SM3, browsers the pure one.
 * @example const v = createSm2Verifier(sm3); v.verifyMessage(pub, msg, sig)
 */
export function createSm2Verifier(hash: HashFn): Sm2Verifier {
  const cache = new KeyCache<Sm2KeyEntry | null>(CACHE_GENERATION);

  function entryOf(publicKey: Uint8Array): Sm2KeyEntry | null {
    const key = bytesKey(publicKey);
    let entry = cache.get(key);
    if (entry === undefined) {
      const decoded = decodeSm2PublicKey(publicKey);
      if (decoded === null) entry = null;
      else {
        const point = decoded.toAffine();
        entry = { point, z: sm2Z(hash, publicKey), tables: { odd: oddMultiples(point, KEY_WNAF_WIDTH), fixed: null }, uses: 0 };
      }
      cache.set(key, entry);
    }
    return entry;
  }

  function digestE(z: Uint8Array, message: Uint8Array): bigint {
    const input = new Uint8Array(32 + message.length);
    input.set(z);
    input.set(message, 32);
    return be256(hash(input), 0);
  }

  function verifyMessage(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    try {
      if (!(publicKey instanceof Uint8Array && message instanceof Uint8Array && signature instanceof Uint8Array)) return false;
      if (signature.length !== SM2_SIGNATURE_LENGTH) return false;
      const entry = entryOf(publicKey);
      if (entry === null) return false;
      const r = be256(signature, 0);
      const s = be256(signature, 32);
      if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false; // B1, B2
      const t = (r + s) % SM2_N; // B5
      if (t === 0n) return false;
      if (++entry.uses === FIXED_TABLE_AFTER_USES) entry.tables.fixed = fixedWindowTable(entry.point, KEY_FIXED_WIDTH);
      const e = digestE(entry.z, message); // B3, B4
      const x1 = mulAddX(s, t, entry.tables, G); // B6
      if (x1 === null) return false;
      return (e + x1) % SM2_N === r; // B7
    } catch {
      return false;
    }
  }

  function zOf(publicKey: Uint8Array): Uint8Array | null {
    return entryOf(publicKey)?.z ?? null;
  }

  return { verifyMessage, zOf };
}
