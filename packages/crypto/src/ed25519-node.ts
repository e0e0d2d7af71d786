// Ed25519 through Node's OpenSSL: verification with KeyObjects cached per public key (importing a raw key
// costs as much as a verification), signing with a cached private KeyObject. Same policy as the portable code.
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { ED25519_SIGNATURE_LENGTH, isSmallOrderEncoding, passesEd25519KeyPolicy } from './portable/ed25519-keys.js';
import { KeyCache } from './portable/key-cache.js';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE, AlgorithmIdentifier 1.3.101.112, BIT STRING. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** DER prefix of an Ed25519 PKCS #8 PrivateKeyInfo (RFC 8410) wrapping a 32-byte seed. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Up to 2 × 8192 KeyObjects: enough for every active account of a busy chain, a few MB at most. */
const keyObjects = new KeyCache<KeyObject | null>(8192);

function publicKeyObject(publicKey: Uint8Array): KeyObject | null {
  const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('latin1');
  let key = keyObjects.get(id);
  if (key === undefined) {
    key = null;
    if (passesEd25519KeyPolicy(publicKey)) {
      try {
        key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
      } catch {
        key = null;
      }
    }
    keyObjects.set(id, key);
  }
  return key;
}

/**
 * Ed25519 verification of `signature` over an arbitrary `message` by OpenSSL (cofactorless, S < L), after the
 * ledger's checks OpenSSL does not make: key policy and R not of small order. Never throws.
 * @example verifyEd25519Node(pub, msg, sig) // boolean
 */
export function verifyEd25519Node(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array && message instanceof Uint8Array && signature instanceof Uint8Array)) return false;
  if (signature.length !== ED25519_SIGNATURE_LENGTH || isSmallOrderEncoding(signature)) return false;
  const key = publicKeyObject(publicKey);
  if (key === null) return false;
  try {
    return nodeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}

/** A private KeyObject for a 32-byte seed (not checked here). */
export function ed25519PrivateKeyObject(seed: Uint8Array): KeyObject {
  const der = Buffer.concat([PKCS8_PREFIX, seed]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/** Signs `message` with a private KeyObject (RFC 8032, deterministic). */
export function signEd25519Node(key: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(nodeSign(null, message, key));
}

/** The raw 32-byte public key of a private KeyObject. */
export function ed25519PublicKeyNode(key: KeyObject): Uint8Array {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(SPKI_PREFIX.length));
}
