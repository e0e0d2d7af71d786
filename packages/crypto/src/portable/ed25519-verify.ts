// Portable Ed25519 verification with the ledger's rules (docs/spec/signatures.md §ed25519-sha256): libsodium's
// checks and the cofactorless equation OpenSSL uses (noble's own verify is cofactored: it differs on mixed-order keys).
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { KeyCache, bytesKey } from './key-cache.js';
import { ED25519_SIGNATURE_LENGTH, isSmallOrderEncoding, passesEd25519KeyPolicy } from './ed25519-keys.js';
import { le256, leBytesToBigint } from './scalar-bytes.js';

const Point = ed25519.Point;
type EdPoint = ReturnType<typeof Point.fromBytes>;
/** Group order L = 2^252 + 27742317777372353535851937790883648493. */
const L = Point.Fn.ORDER;

interface EdKeyEntry {
  readonly point: EdPoint;
  uses: number;
}
const PRECOMPUTE_AFTER_USES = 3;
const KEY_WINDOW = 4;
const cache = new KeyCache<EdKeyEntry | null>(512);

function entryOf(publicKey: Uint8Array): EdKeyEntry | null {
  const key = bytesKey(publicKey);
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = null;
    if (passesEd25519KeyPolicy(publicKey)) {
      try {
        entry = { point: Point.fromBytes(publicKey, false), uses: 0 };
      } catch {
        entry = null;
      }
    }
    cache.set(key, entry);
  }
  return entry;
}

function equal32(a: Uint8Array, b: Uint8Array): boolean {
  let d = 0;
  for (let i = 0; i < 32; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/**
 * Ed25519 verification of `signature` over an arbitrary `message`, pure JS. Never throws.
 * @example verifyEd25519Portable(pub, msg, sig) // boolean
 */
export function verifyEd25519Portable(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (!(publicKey instanceof Uint8Array && message instanceof Uint8Array && signature instanceof Uint8Array)) return false;
    if (signature.length !== ED25519_SIGNATURE_LENGTH || isSmallOrderEncoding(signature)) return false;
    const entry = entryOf(publicKey);
    if (entry === null) return false;
    const s = le256(signature, 32);
    if (s >= L) return false;
    const r = signature.subarray(0, 32);
    const hin = new Uint8Array(64 + message.length);
    hin.set(r);
    hin.set(publicKey, 32);
    hin.set(message, 64);
    const k = leBytesToBigint(sha512(hin)) % L;
    if (++entry.uses === PRECOMPUTE_AFTER_USES) entry.point.precompute(KEY_WINDOW, false);
    const check = Point.BASE.multiplyUnsafe(s).subtract(entry.point.multiplyUnsafe(k));
    return equal32(check.toBytes(), r);
  } catch {
    return false;
  }
}
