// AES-GCM (NIST SP 800-38D) through Node's OpenSSL, restricted like sm4-gcm.ts: 96-bit IVs, 128-bit tags.
// Keys of 16, 24 or 32 bytes select AES-128/192/256; the ledger's formats use AES-256 only.
import { createCipheriv, createDecipheriv, type CipherGCMTypes } from 'node:crypto';
import { GongxinError } from '@gongxin/core';
import { assertAeadParams, type AeadSealed } from './portable/aead-params.js';

function algorithm(key: Uint8Array): CipherGCMTypes {
  return key.length === 16 ? 'aes-128-gcm' : key.length === 24 ? 'aes-192-gcm' : 'aes-256-gcm';
}

/**
 * AES-GCM encryption.
 * @throws CRYPTO_AEAD_PARAMS_INVALID (key 16/24/32 bytes, iv 12 bytes)
 * @example const { ciphertext, tag } = aesGcmEncrypt(key32, iv12, plaintext, aad);
 */
export function aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): AeadSealed {
  assertAeadParams('aes-gcm', key, [16, 24, 32], iv);
  const c = createCipheriv(algorithm(key), key, iv, { authTagLength: 16 });
  c.setAAD(aad);
  const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
  return { ciphertext: new Uint8Array(ciphertext), tag: new Uint8Array(c.getAuthTag()) };
}

/**
 * AES-GCM decryption with tag check.
 * @throws CRYPTO_AEAD_PARAMS_INVALID, CRYPTO_AEAD_AUTH_FAILED (wrong key, tag, iv, aad or ciphertext)
 * @example const plaintext = aesGcmDecrypt(key32, iv12, ciphertext, tag, aad);
 */
export function aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array): Uint8Array {
  assertAeadParams('aes-gcm', key, [16, 24, 32], iv, tag);
  const d = createDecipheriv(algorithm(key), key, iv, { authTagLength: 16 });
  d.setAAD(aad);
  d.setAuthTag(tag);
  const head = d.update(ciphertext);
  try {
    return new Uint8Array(Buffer.concat([head, d.final()]));
  } catch (e) {
    head.fill(0);
    throw new GongxinError('CRYPTO_AEAD_AUTH_FAILED', 'aes-gcm: authentication failed', { cipher: 'aes-gcm' }, { cause: e });
  }
}
