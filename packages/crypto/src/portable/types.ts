// Types shared by the Node and portable halves of @gongxin/crypto.
import type { Suite, SuiteId } from '@gongxin/core';

/**
 * A crypto suite: core's `Suite` (hash + verify over 32-byte digests) plus the raw scheme over arbitrary
 * messages, which test vectors and interoperability checks use. `verify(pk, d, sig)` is
 * `d.length === 32 && verifyMessage(pk, d, sig)`.
 */
export interface CryptoSuite extends Suite {
  /** The signature scheme on an arbitrary message (Ed25519: pure RFC 8032; SM2: e = SM3(Z_A ‖ M)). Never throws. */
  verifyMessage(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** A key pair of a suite. Printing it (console.log, JSON.stringify) shows only the public key. */
export interface KeyPair {
  readonly suite: SuiteId;
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
}
