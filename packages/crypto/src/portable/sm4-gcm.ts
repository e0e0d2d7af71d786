// SM4-GCM (GB/T 32907 block cipher in NIST SP 800-38D GCM mode; RFC 8998 §2.1) through sm-crypto-v2,
// restricted to 128-bit keys, 96-bit IVs and 128-bit tags. Node 20's OpenSSL has no sm4-gcm.
import { GongxinError } from '@gongxin/core';
import { sm4 } from 'sm-crypto-v2';
import { assertAeadParams, type AeadSealed } from './aead-params.js';

/**
 * SM4-GCM encryption.
 * @throws CRYPTO_AEAD_PARAMS_INVALID (key must be 16 bytes, iv 12)
 * @example const { ciphertext, tag } = sm4GcmEncrypt(key, iv, plaintext, aad);
 */
export function sm4GcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): AeadSealed {
  assertAeadParams('sm4-gcm', key, [16], iv);
  const out = sm4.encrypt(plaintext, key, { mode: 'gcm', iv, associatedData: aad, output: 'array', outputTag: true, padding: 'none' });
  if (out.tag === undefined) throw new GongxinError('CRYPTO_AEAD_PARAMS_INVALID', 'sm4-gcm produced no tag', { cipher: 'sm4-gcm' });
  return { ciphertext: out.output, tag: out.tag };
}

/**
 * SM4-GCM decryption with tag check.
 * @throws CRYPTO_AEAD_PARAMS_INVALID, CRYPTO_AEAD_AUTH_FAILED (wrong key, tag, iv, aad or ciphertext)
 * @example const plaintext = sm4GcmDecrypt(key, iv, ciphertext, tag, aad);
 */
export function sm4GcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: Uint8Array): Uint8Array {
  assertAeadParams('sm4-gcm', key, [16], iv, tag);
  try {
    return sm4.decrypt(ciphertext, key, { mode: 'gcm', iv, associatedData: aad, tag, output: 'array', padding: 'none' });
  } catch (e) {
    throw new GongxinError('CRYPTO_AEAD_AUTH_FAILED', 'sm4-gcm: authentication failed', { cipher: 'sm4-gcm' }, { cause: e });
  }
}
