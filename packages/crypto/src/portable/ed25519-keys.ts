// Ed25519 public-key policy shared by the Node and portable suites (docs/spec/signatures.md §Ed25519):
// a ledger key is 32 bytes, canonically encoded (y < p), decodes to a curve point, and is not of small order.
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';

/** Ed25519 public key length. */
export const ED25519_PUBLIC_KEY_LENGTH = 32;
/** Ed25519 private key (RFC 8032 seed) length. */
export const ED25519_PRIVATE_KEY_LENGTH = 32;
/** Ed25519 signature length: R ‖ S. */
export const ED25519_SIGNATURE_LENGTH = 64;

function hexToU8(hex: string): Uint8Array {
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/** The y coordinates (sign bit cleared) of the 8 points of order dividing 8: 0, 1, p − 1 and ±y of order 8. */
const SMALL_ORDER_Y: readonly Uint8Array[] = [...new Set(ED25519_TORSION_SUBGROUP.map((h) => h.slice(0, 62) + (parseInt(h.slice(62), 16) & 0x7f).toString(16).padStart(2, '0')))].map(hexToU8);

/** True iff the encoded y (sign bit ignored) is below p = 2^255 − 19 (RFC 8032 §5.1.3 step 1). */
function isCanonicalY(pk: Uint8Array): boolean {
  if ((pk[31]! & 0x7f) !== 0x7f) return true;
  for (let i = 30; i >= 1; i--) if (pk[i] !== 0xff) return true;
  return pk[0]! < 0xed;
}

function hasSmallOrderY(pk: Uint8Array): boolean {
  outer: for (const y of SMALL_ORDER_Y) {
    for (let i = 0; i < 31; i++) if (pk[i] !== y[i]) continue outer;
    if ((pk[31]! & 0x7f) === y[31]) return true;
  }
  return false;
}

/**
 * True iff the 32 bytes encode (or would, with either sign bit) one of the 8 small-order points. Signatures whose R
 * is such a point are refused, as libsodium does; OpenSSL alone would accept some (e.g. R = identity with S = k·a).
 */
export function isSmallOrderEncoding(bytes: Uint8Array): boolean {
  return bytes.length >= 32 && hasSmallOrderY(bytes);
}

/**
 * Cheap byte-level part of the key policy: length, canonical y, not a small-order point. A key passing it may
 * still fail to decode (y with no x on the curve); verification then fails in both implementations.
 */
export function passesEd25519KeyPolicy(publicKey: Uint8Array): boolean {
  return publicKey.length === ED25519_PUBLIC_KEY_LENGTH && isCanonicalY(publicKey) && !hasSmallOrderY(publicKey);
}

/**
 * True iff `publicKey` is a ledger-acceptable Ed25519 key: the byte policy plus a successful point decoding.
 * @example isEd25519PublicKey(ed25519.getPublicKey(seed)) // true
 */
export function isEd25519PublicKey(publicKey: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || !passesEd25519KeyPolicy(publicKey)) return false;
  try {
    ed25519.Point.fromBytes(publicKey, false);
    return true;
  } catch {
    return false;
  }
}
