// Private key checks per suite: Ed25519 takes a 32-byte RFC 8032 seed; SM2 a 32-byte big-endian d in [1, n − 2].
import { GongxinError, type SuiteId } from '@gongxin/core';
import { ED25519_PRIVATE_KEY_LENGTH } from './ed25519-keys.js';
import { decodeSm2PrivateKey } from './sm2-curve.js';

function invalid(suite: SuiteId, reason: string, length: number): GongxinError {
  return new GongxinError('CRYPTO_PRIVATE_KEY_INVALID', `invalid ${suite} private key: ${reason}`, { suite, length });
}

/**
 * Checks an Ed25519 seed.
 * @throws CRYPTO_PRIVATE_KEY_INVALID unless it is a 32-byte Uint8Array
 */
export function assertEd25519PrivateKey(privateKey: Uint8Array): void {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== ED25519_PRIVATE_KEY_LENGTH) {
    throw invalid('ed25519-sha256', 'expected 32 bytes', privateKey instanceof Uint8Array ? privateKey.length : -1);
  }
}

/**
 * Decodes an SM2 private key to its scalar d.
 * @throws CRYPTO_PRIVATE_KEY_INVALID unless 32 bytes with 1 ≤ d ≤ n − 2
 */
export function sm2ScalarOf(privateKey: Uint8Array): bigint {
  const d = privateKey instanceof Uint8Array ? decodeSm2PrivateKey(privateKey) : null;
  if (d === null) {
    throw invalid('sm2-sm3', 'expected 32 bytes big-endian with 1 <= d <= n-2', privateKey instanceof Uint8Array ? privateKey.length : -1);
  }
  return d;
}
