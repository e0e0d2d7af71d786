// The two suites on Node: OpenSSL for SHA-256, SM3 and Ed25519; SM2 arithmetic on @noble/curves with OpenSSL's
// SM3 for Z_A and e (Node's own SM2 ignores the standard distinguishing id, so it cannot be used).
import { cachedKeyCheck } from './portable/cached-key-check.js';
import type { SuiteId } from '@gongxin/core';
import { verifyEd25519Node } from './ed25519-node.js';
import { sha256Node, sm3Node } from './node-hash.js';
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, isEd25519PublicKey } from './portable/ed25519-keys.js';
import { DIGEST_LENGTH } from './portable/make-signer.js';
import { SM2_PUBLIC_KEY_LENGTH, SM2_SIGNATURE_LENGTH, decodeSm2PublicKey } from './portable/sm2-curve.js';
import { createSm2Verifier } from './portable/sm2-verify.js';
import { assertSuiteId } from './portable/suite-id.js';
import type { CryptoSuite } from './portable/types.js';

/** The SM2 verifier of the Node suite (OpenSSL SM3), with its own public-key cache. */
const sm2NodeVerifier = createSm2Verifier(sm3Node);

const ED25519_SHA256: CryptoSuite = Object.freeze({
  id: 'ed25519-sha256',
  hash: sha256Node,
  verify: (pk: Uint8Array, digest: Uint8Array, sig: Uint8Array): boolean =>
    digest instanceof Uint8Array && digest.length === DIGEST_LENGTH && verifyEd25519Node(pk, digest, sig),
  verifyMessage: verifyEd25519Node,
  isPublicKey: cachedKeyCheck(isEd25519PublicKey),
  publicKeyLength: ED25519_PUBLIC_KEY_LENGTH,
  signatureLength: ED25519_SIGNATURE_LENGTH,
});

const SM2_SM3: CryptoSuite = Object.freeze({
  id: 'sm2-sm3',
  hash: sm3Node,
  verify: (pk: Uint8Array, digest: Uint8Array, sig: Uint8Array): boolean =>
    digest instanceof Uint8Array && digest.length === DIGEST_LENGTH && sm2NodeVerifier.verifyMessage(pk, digest, sig),
  verifyMessage: sm2NodeVerifier.verifyMessage,
  isPublicKey: cachedKeyCheck((pk: Uint8Array): boolean => pk instanceof Uint8Array && decodeSm2PublicKey(pk) !== null),
  publicKeyLength: SM2_PUBLIC_KEY_LENGTH,
  signatureLength: SM2_SIGNATURE_LENGTH,
});

/**
 * The Node implementation of a suite (fast path for peers). Hash and verify are synchronous and pure;
 * verify never throws and agrees with getPortableSuite(id) on every input.
 * @throws CRYPTO_UNKNOWN_SUITE
 * @example const suite = getSuite('ed25519-sha256'); suite.verify(publicKey, digest, signature)
 */
export function getSuite(id: SuiteId): CryptoSuite {
  assertSuiteId(id);
  return id === 'ed25519-sha256' ? ED25519_SHA256 : SM2_SM3;
}
