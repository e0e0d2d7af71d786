// Signers and keys on Node: Ed25519 by OpenSSL, SM2 by this package's GB/T 32918.2 code with OpenSSL's SM3.
// Key generation is the one place with randomness (crypto.randomBytes), at the edge.
import { randomBytes } from 'node:crypto';
import type { SuiteId, SyncSigner } from '@gongxin/core';
import { ed25519PrivateKeyObject, ed25519PublicKeyNode, signEd25519Node } from './ed25519-node.js';
import { sm3Node } from './node-hash.js';
import { makeSyncSigner } from './portable/make-signer.js';
import { assertEd25519PrivateKey, sm2ScalarOf } from './portable/private-key.js';
import { makeKeyPair } from './portable/redact.js';
import { decodeSm2PrivateKey, sm2PublicKeyOf } from './portable/sm2-curve.js';
import { sm2SignMessage, sm2SignerInverse } from './portable/sm2-sign.js';
import { sm2Z } from './portable/sm2-z.js';
import { assertSuiteId } from './portable/suite-id.js';
import type { KeyPair } from './portable/types.js';

/**
 * The public key of a private key: Ed25519 32 bytes (from the RFC 8032 seed), SM2 04‖x‖y (65 bytes).
 * @throws CRYPTO_UNKNOWN_SUITE, CRYPTO_PRIVATE_KEY_INVALID
 * @example publicKeyFromPrivate('ed25519-sha256', seed) // 32 bytes
 */
export function publicKeyFromPrivate(suite: SuiteId, privateKey: Uint8Array): Uint8Array {
  assertSuiteId(suite);
  if (suite === 'ed25519-sha256') {
    assertEd25519PrivateKey(privateKey);
    return ed25519PublicKeyNode(ed25519PrivateKeyObject(privateKey));
  }
  return sm2PublicKeyOf(sm2ScalarOf(privateKey));
}

/** Raw signing function of a suite over arbitrary messages (no digest-length check). */
function messageSigner(suite: SuiteId, privateKey: Uint8Array): { publicKey: Uint8Array; sign: (m: Uint8Array) => Uint8Array } {
  if (suite === 'ed25519-sha256') {
    assertEd25519PrivateKey(privateKey);
    const key = ed25519PrivateKeyObject(privateKey);
    return { publicKey: ed25519PublicKeyNode(key), sign: (m) => signEd25519Node(key, m) };
  }
  const d = sm2ScalarOf(privateKey);
  const publicKey = sm2PublicKeyOf(d);
  const z = sm2Z(sm3Node, publicKey);
  const dInv = sm2SignerInverse(d);
  return { publicKey, sign: (m) => sm2SignMessage(sm3Node, d, dInv, z, m) };
}

/**
 * A synchronous signer over 32-byte digests holding `privateKey` (Ed25519 seed or SM2 d). Deterministic:
 * Ed25519 per RFC 8032, SM2 with RFC 6979-style nonces (HMAC-DRBG, HMAC-SM3). Prints without key material.
 * @throws CRYPTO_UNKNOWN_SUITE, CRYPTO_PRIVATE_KEY_INVALID; signSync/sign throw CRYPTO_DIGEST_LENGTH
 * @example const signer = createSigner('sm2-sm3', privateKey); const sig = signer.signSync(digest);
 */
export function createSigner(suite: SuiteId, privateKey: Uint8Array): SyncSigner {
  assertSuiteId(suite);
  const { publicKey, sign } = messageSigner(suite, privateKey);
  return makeSyncSigner(suite, publicKey, sign);
}

/**
 * Signs an arbitrary message with the raw scheme (for test vectors and interoperability checks; ledger code
 * signs digests through createSigner).
 * @throws CRYPTO_UNKNOWN_SUITE, CRYPTO_PRIVATE_KEY_INVALID
 * @example signMessage('sm2-sm3', privateKey, utf8Encode('message digest'))
 */
export function signMessage(suite: SuiteId, privateKey: Uint8Array, message: Uint8Array): Uint8Array {
  assertSuiteId(suite);
  return messageSigner(suite, privateKey).sign(message);
}

/**
 * A fresh random key pair from crypto.randomBytes (SM2: d redrawn until 1 ≤ d ≤ n − 2). Prints redacted.
 * @throws CRYPTO_UNKNOWN_SUITE
 * @example const { publicKey, privateKey } = generateKeyPair('ed25519-sha256');
 */
export function generateKeyPair(suite: SuiteId): KeyPair {
  assertSuiteId(suite);
  for (;;) {
    const privateKey = new Uint8Array(randomBytes(32));
    if (suite === 'ed25519-sha256') return makeKeyPair(suite, privateKey, publicKeyFromPrivate(suite, privateKey));
    const d = decodeSm2PrivateKey(privateKey);
    if (d !== null) return makeKeyPair(suite, privateKey, sm2PublicKeyOf(d));
  }
}
