// X25519 (RFC 7748) through Node's OpenSSL, for sealing payloads on ed25519-sha256 chains: raw 32-byte keys,
// public keys read as RFC 7748 says; an all-zero shared secret (small-order public key) is refused.
import { createPrivateKey, createPublicKey, diffieHellman, randomBytes } from 'node:crypto';
import { GongxinError } from '@gongxin/core';

const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

function privateKeyObject(privateKey: Uint8Array): ReturnType<typeof createPrivateKey> {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32) {
    throw new GongxinError('CRYPTO_PRIVATE_KEY_INVALID', 'invalid X25519 private key: expected 32 bytes', {
      length: privateKey instanceof Uint8Array ? privateKey.length : -1,
    });
  }
  const der = Buffer.concat([PKCS8_PREFIX, privateKey]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/**
 * X25519(privateKey, publicKey): the 32-byte shared secret.
 * @throws CRYPTO_PRIVATE_KEY_INVALID (not 32 bytes), CRYPTO_PUBLIC_KEY_INVALID (not 32 bytes, or the shared
 *   secret is all zero: a small-order public key)
 * @example const shared = x25519SharedSecret(myPrivate, theirPublic);
 */
export function x25519SharedSecret(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  const priv = privateKeyObject(privateKey);
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) {
    throw new GongxinError('CRYPTO_PUBLIC_KEY_INVALID', 'invalid X25519 public key: expected 32 bytes', {
      length: publicKey instanceof Uint8Array ? publicKey.length : -1,
    });
  }
  try {
    const pub = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    return new Uint8Array(diffieHellman({ privateKey: priv, publicKey: pub }));
  } catch (e) {
    // OpenSSL refuses to output an all-zero secret (RFC 7748 §6.1 check).
    throw new GongxinError('CRYPTO_PUBLIC_KEY_INVALID', 'X25519 public key of small order (all-zero shared secret)', {}, { cause: e });
  }
}

/**
 * The X25519 public key of a 32-byte private key.
 * @throws CRYPTO_PRIVATE_KEY_INVALID
 * @example x25519PublicKey(privateKey) // 32 bytes
 */
export function x25519PublicKey(privateKey: Uint8Array): Uint8Array {
  const der = createPublicKey(privateKeyObject(privateKey)).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(SPKI_PREFIX.length));
}

/** A random X25519 private key (32 bytes; clamping happens inside X25519). */
export function x25519RandomPrivateKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}
