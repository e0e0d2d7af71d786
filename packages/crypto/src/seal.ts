// Hybrid encryption of private payloads (medical records, exposure details) to a recipient's public key.
// The scheme follows the recipient key: 32 bytes → X25519 (ed25519-sha256 chains), 65 bytes → SM2 (sm2-sm3 chains).
import { GongxinError, type SuiteId } from '@gongxin/core';
import { makeKeyPair } from './portable/redact.js';
import { assertSuiteId } from './portable/suite-id.js';
import type { KeyPair } from './portable/types.js';
import { SEAL_SM2, openSm2, sealSm2 } from './seal-sm2.js';
import { SEAL_X25519, openX25519, sealX25519 } from './seal-x25519.js';
import { generateKeyPair, publicKeyFromPrivate } from './signer-node.js';
import { x25519PublicKey, x25519RandomPrivateKey } from './x25519.js';

const EMPTY = new Uint8Array(0);

/**
 * Encrypts `plaintext` so only the holder of the recipient's private key can read it; `aad` (not encrypted) must
 * be given again to open. Every call uses fresh randomness, so sealing twice gives different bytes.
 * @throws CRYPTO_PUBLIC_KEY_INVALID (neither a 32-byte X25519 key nor a 65-byte SM2 key, or unusable)
 * @example const sealed = sealTo(doctorSealKey, record, utf8Encode('case-42'));
 */
export function sealTo(recipientPublicKey: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = EMPTY): Uint8Array {
  if (recipientPublicKey instanceof Uint8Array && recipientPublicKey.length === 32) return sealX25519(recipientPublicKey, plaintext, aad);
  if (recipientPublicKey instanceof Uint8Array && recipientPublicKey.length === 65) return sealSm2(recipientPublicKey, plaintext, aad);
  throw new GongxinError('CRYPTO_PUBLIC_KEY_INVALID', 'recipient key must be X25519 (32 bytes) or SM2 (65 bytes)', {
    length: recipientPublicKey instanceof Uint8Array ? recipientPublicKey.length : -1,
  });
}

/**
 * Decrypts a payload made by sealTo. The scheme is read from its first byte.
 * @throws CRYPTO_SEAL_INVALID (malformed), CRYPTO_PRIVATE_KEY_INVALID, CRYPTO_DECRYPT_FAILED (wrong key or aad, tampered)
 * @example const record = open(mySealPrivateKey, sealed, utf8Encode('case-42'));
 */
export function open(recipientPrivateKey: Uint8Array, sealed: Uint8Array, aad: Uint8Array = EMPTY): Uint8Array {
  if (!(sealed instanceof Uint8Array) || sealed.length === 0) {
    throw new GongxinError('CRYPTO_SEAL_INVALID', 'empty sealed payload', {});
  }
  if (sealed[0] === SEAL_X25519) return openX25519(recipientPrivateKey, sealed, aad);
  if (sealed[0] === SEAL_SM2) return openSm2(recipientPrivateKey, sealed, aad);
  throw new GongxinError('CRYPTO_SEAL_INVALID', `unknown sealed-payload scheme ${sealed[0]!}`, { scheme: sealed[0]! });
}

/**
 * A fresh key pair for receiving sealed payloads on a chain of `suite`: X25519 for ed25519-sha256 (Ed25519 signing
 * keys are not reused for encryption), SM2 for sm2-sm3 (a separate SM2 encryption pair, as in GM dual-key practice).
 * @throws CRYPTO_UNKNOWN_SUITE
 * @example const { publicKey, privateKey } = generateSealKeyPair('ed25519-sha256');
 */
export function generateSealKeyPair(suite: SuiteId): KeyPair {
  assertSuiteId(suite);
  if (suite === 'sm2-sm3') return generateKeyPair(suite);
  const privateKey = x25519RandomPrivateKey();
  return makeKeyPair(suite, privateKey, x25519PublicKey(privateKey));
}

/**
 * The sealing public key of a sealing private key (X25519 or SM2 by suite).
 * @throws CRYPTO_UNKNOWN_SUITE, CRYPTO_PRIVATE_KEY_INVALID
 * @example sealPublicKeyFromPrivate('ed25519-sha256', privateKey) // 32-byte X25519 key
 */
export function sealPublicKeyFromPrivate(suite: SuiteId, privateKey: Uint8Array): Uint8Array {
  assertSuiteId(suite);
  return suite === 'sm2-sm3' ? publicKeyFromPrivate(suite, privateKey) : x25519PublicKey(privateKey);
}
