// Portable signers and key generation (pure JS; randomness from globalThis.crypto.getRandomValues via @noble).
import type { SuiteId, SyncSigner } from '@gongxin/core';
import { ed25519 } from '@noble/curves/ed25519.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { makeSyncSigner } from './make-signer.js';
import { assertEd25519PrivateKey, sm2ScalarOf } from './private-key.js';
import { makeKeyPair } from './redact.js';
import { decodeSm2PrivateKey, sm2PublicKeyOf } from './sm2-curve.js';
import { sm2SignMessage, sm2SignerInverse } from './sm2-sign.js';
import { sm2Z } from './sm2-z.js';
import { sm3 } from './sm3.js';
import { assertSuiteId } from './suite-id.js';
import type { KeyPair } from './types.js';

/**
 * The public key of a private key: Ed25519 32 bytes, SM2 04‖x‖y.
 * @throws CRYPTO_UNKNOWN_SUITE, CRYPTO_PRIVATE_KEY_INVALID
 * @example portablePublicKeyFromPrivate('sm2-sm3', d) // 65 bytes
 */
export function portablePublicKeyFromPrivate(suite: SuiteId, privateKey: Uint8Array): Uint8Array {
  assertSuiteId(suite);
  if (suite === 'ed25519-sha256') {
    assertEd25519PrivateKey(privateKey);
    return ed25519.getPublicKey(privateKey);
  }
  return sm2PublicKeyOf(sm2ScalarOf(privateKey));
}

/**
 * A synchronous signer holding `privateKey` (copied). Signs 32-byte digests; same signatures as createSigner.
 * SM2 nonces are deterministic (RFC 6979 HMAC-DRBG with HMAC-SM3), Ed25519 is deterministic by design.
 * @throws CRYPTO_UNKNOWN_SUITE, CRYPTO_PRIVATE_KEY_INVALID; signSync throws CRYPTO_DIGEST_LENGTH
 * @example const s = createPortableSigner('ed25519-sha256', seed); s.signSync(digest)
 */
export function createPortableSigner(suite: SuiteId, privateKey: Uint8Array): SyncSigner {
  assertSuiteId(suite);
  if (suite === 'ed25519-sha256') {
    assertEd25519PrivateKey(privateKey);
    const seed = privateKey.slice();
    return makeSyncSigner(suite, ed25519.getPublicKey(seed), (digest) => ed25519.sign(digest, seed));
  }
  const d = sm2ScalarOf(privateKey);
  const publicKey = sm2PublicKeyOf(d);
  const z = sm2Z(sm3, publicKey);
  const dInv = sm2SignerInverse(d);
  return makeSyncSigner(suite, publicKey, (digest) => sm2SignMessage(sm3, d, dInv, z, digest));
}

/**
 * A fresh random key pair (prints redacted).
 * @throws CRYPTO_UNKNOWN_SUITE
 * @example const { publicKey, privateKey } = generatePortableKeyPair('sm2-sm3');
 */
export function generatePortableKeyPair(suite: SuiteId): KeyPair {
  assertSuiteId(suite);
  for (;;) {
    const privateKey = randomBytes(32);
    if (suite === 'ed25519-sha256') return makeKeyPair(suite, privateKey, ed25519.getPublicKey(privateKey));
    const d = decodeSm2PrivateKey(privateKey);
    if (d !== null) return makeKeyPair(suite, privateKey, sm2PublicKeyOf(d));
  }
}
