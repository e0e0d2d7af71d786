// The two suites in pure JS (no node:*): SHA-256/Ed25519 from @noble, SM3/SM2 from this package on @noble.
// Same answers as the Node suites (suite-node.ts) on every input; browsers and light clients use these.
import { cachedKeyCheck } from './cached-key-check.js';
import type { SuiteId } from '@gongxin/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, isEd25519PublicKey } from './ed25519-keys.js';
import { verifyEd25519Portable } from './ed25519-verify.js';
import { DIGEST_LENGTH } from './make-signer.js';
import { SM2_PUBLIC_KEY_LENGTH, SM2_SIGNATURE_LENGTH, decodeSm2PublicKey } from './sm2-curve.js';
import { createSm2Verifier } from './sm2-verify.js';
import { sm3 } from './sm3.js';
import { assertSuiteId } from './suite-id.js';
import type { CryptoSuite } from './types.js';

const sm2Verifier = createSm2Verifier(sm3);

const ED25519_SHA256: CryptoSuite = Object.freeze({
  id: 'ed25519-sha256',
  hash: (data: Uint8Array): Uint8Array => sha256(data),
  verify: (pk: Uint8Array, digest: Uint8Array, sig: Uint8Array): boolean =>
    digest instanceof Uint8Array && digest.length === DIGEST_LENGTH && verifyEd25519Portable(pk, digest, sig),
  verifyMessage: verifyEd25519Portable,
  isPublicKey: cachedKeyCheck(isEd25519PublicKey),
  publicKeyLength: ED25519_PUBLIC_KEY_LENGTH,
  signatureLength: ED25519_SIGNATURE_LENGTH,
});

const SM2_SM3: CryptoSuite = Object.freeze({
  id: 'sm2-sm3',
  hash: (data: Uint8Array): Uint8Array => sm3(data),
  verify: (pk: Uint8Array, digest: Uint8Array, sig: Uint8Array): boolean =>
    digest instanceof Uint8Array && digest.length === DIGEST_LENGTH && sm2Verifier.verifyMessage(pk, digest, sig),
  verifyMessage: sm2Verifier.verifyMessage,
  isPublicKey: cachedKeyCheck((pk: Uint8Array): boolean => pk instanceof Uint8Array && decodeSm2PublicKey(pk) !== null),
  publicKeyLength: SM2_PUBLIC_KEY_LENGTH,
  signatureLength: SM2_SIGNATURE_LENGTH,
});

/**
 * The portable (pure JS, browser-safe) implementation of a suite.
 * @throws CRYPTO_UNKNOWN_SUITE
 * @example getPortableSuite('sm2-sm3').verify(publicKey, digest, signature)
 */
export function getPortableSuite(id: SuiteId): CryptoSuite {
  assertSuiteId(id);
  return id === 'ed25519-sha256' ? ED25519_SHA256 : SM2_SM3;
}
