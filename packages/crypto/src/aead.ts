// The two AEADs the ledger's formats name: 'aes-256-gcm' (ed25519-sha256 chains) and 'sm4-gcm' (sm2-sm3 chains,
// national-standard algorithms only). One entry point so key files and sealed payloads pick by name.
import { GongxinError, type SuiteId } from '@gongxin/core';
import { aesGcmDecrypt, aesGcmEncrypt } from './aes-gcm.js';
import type { AeadSealed } from './portable/aead-params.js';
import { sm4GcmDecrypt, sm4GcmEncrypt } from './portable/sm4-gcm.js';

/** AEAD names used in key files and sealed payloads. */
export type AeadName = 'aes-256-gcm' | 'sm4-gcm';

/** Key length of an AEAD: 32 bytes for AES-256, 16 for SM4. */
export function aeadKeyLength(name: AeadName): number {
  return name === 'aes-256-gcm' ? 32 : 16;
}

/** The AEAD of a suite: aes-256-gcm for ed25519-sha256, sm4-gcm for sm2-sm3. */
export function aeadForSuite(suite: SuiteId): AeadName {
  return suite === 'sm2-sm3' ? 'sm4-gcm' : 'aes-256-gcm';
}

function assertName(name: AeadName): void {
  if (name !== 'aes-256-gcm' && name !== 'sm4-gcm') {
    throw new GongxinError('CRYPTO_AEAD_PARAMS_INVALID', `unknown AEAD "${String(name)}"`, { cipher: String(name) });
  }
}

/**
 * Encrypts with the named AEAD (96-bit IV, 128-bit tag).
 * @throws CRYPTO_AEAD_PARAMS_INVALID
 * @example const { ciphertext, tag } = aeadEncrypt('sm4-gcm', key16, iv12, data, aad);
 */
export function aeadEncrypt(name: AeadName, key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = new Uint8Array(0)): AeadSealed {
  assertName(name);
  if (name === 'sm4-gcm') return sm4GcmEncrypt(key, iv, plaintext, aad);
  if (!(key instanceof Uint8Array) || key.length !== 32) {
    throw new GongxinError('CRYPTO_AEAD_PARAMS_INVALID', 'aes-256-gcm: invalid key length', { cipher: name, key: key instanceof Uint8Array ? key.length : -1 });
  }
  return aesGcmEncrypt(key, iv, plaintext, aad);
}

/**
 * Decrypts and authenticates with the named AEAD.
 * @throws CRYPTO_AEAD_PARAMS_INVALID, CRYPTO_AEAD_AUTH_FAILED
 * @example const data = aeadDecrypt('aes-256-gcm', key32, iv12, ciphertext, tag, aad);
 */
export function aeadDecrypt(name: AeadName, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array = new Uint8Array(0)): Uint8Array {
  assertName(name);
  if (name === 'sm4-gcm') return sm4GcmDecrypt(key, iv, ciphertext, tag, aad);
  if (!(key instanceof Uint8Array) || key.length !== 32) {
    throw new GongxinError('CRYPTO_AEAD_PARAMS_INVALID', 'aes-256-gcm: invalid key length', { cipher: name, key: key instanceof Uint8Array ? key.length : -1 });
  }
  return aesGcmDecrypt(key, iv, ciphertext, tag, aad);
}
