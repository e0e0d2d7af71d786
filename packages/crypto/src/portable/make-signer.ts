// Wraps a digest-signing function as core's SyncSigner: checks the 32-byte digest, offers the async form,
// and prints without key material.
import { GongxinError, bytesToHex, type SuiteId, type SyncSigner } from '@gongxin/core';
import { withRedaction } from './redact.js';

/** Length of every signed digest (core's domainDigest output). */
export const DIGEST_LENGTH = 32;

/**
 * Throws unless `digest` is a 32-byte Uint8Array.
 * @throws CRYPTO_DIGEST_LENGTH
 */
export function assertDigest(digest: Uint8Array): void {
  if (!(digest instanceof Uint8Array) || digest.length !== DIGEST_LENGTH) {
    throw new GongxinError('CRYPTO_DIGEST_LENGTH', 'signers sign 32-byte digests only (see domainDigest)', {
      length: digest instanceof Uint8Array ? digest.length : -1,
    });
  }
}

/** A SyncSigner for `suite`/`publicKey` whose signatures come from `signDigest` (called with checked digests). */
export function makeSyncSigner(suite: SuiteId, publicKey: Uint8Array, signDigest: (digest: Uint8Array) => Uint8Array): SyncSigner {
  const signSync = (digest: Uint8Array): Uint8Array => {
    assertDigest(digest);
    return signDigest(digest);
  };
  const signer: SyncSigner = {
    suite,
    publicKey,
    signSync,
    sign: async (digest: Uint8Array): Promise<Uint8Array> => signSync(digest),
  };
  return Object.freeze(withRedaction(signer, () => ({ suite, publicKey: bytesToHex(publicKey), privateKey: '[redacted]' })));
}
