// Sealed payloads for sm2-sm3 chains (docs/spec/signatures.md §Sealed payloads, scheme 0x02): a random SM4 key
// wrapped by SM2 encryption (GB/T 32918.4, C1‖C3‖C2), the payload under SM4-GCM. National algorithms only.
import { randomBytes } from 'node:crypto';
import { GongxinError, bytesToHex, hexToBytes } from '@gongxin/core';
import { sm2 } from 'sm-crypto-v2';
import { sm2ScalarOf } from './portable/private-key.js';
import { decodeSm2PublicKey } from './portable/sm2-curve.js';
import { sm4GcmDecrypt, sm4GcmEncrypt } from './portable/sm4-gcm.js';

/** Scheme byte of SM2 sealed payloads. */
export const SEAL_SM2 = 0x02;
const WRAP = 65 + 32 + 16; // C1 ‖ C3 ‖ C2 for a 16-byte key
const HEADER = 1 + WRAP + 12;
const TAG = 16;
const C1C3C2 = 1;

/**
 * Seals `plaintext` to an SM2 public key (04‖x‖y).
 * @throws CRYPTO_PUBLIC_KEY_INVALID
 */
export function sealSm2(recipientPublicKey: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  if (!(recipientPublicKey instanceof Uint8Array) || decodeSm2PublicKey(recipientPublicKey) === null) {
    throw new GongxinError('CRYPTO_PUBLIC_KEY_INVALID', 'recipient is not an SM2 public key (04‖x‖y on the curve)', {});
  }
  const k = new Uint8Array(randomBytes(16));
  const iv = new Uint8Array(randomBytes(12));
  // sm-crypto-v2 writes C1 without its 0x04 prefix; the standard form has it.
  const wrapped = hexToBytes('04' + sm2.doEncrypt(k, bytesToHex(recipientPublicKey), C1C3C2));
  const { ciphertext, tag } = sm4GcmEncrypt(k, iv, plaintext, aad);
  k.fill(0);
  const out = new Uint8Array(HEADER + ciphertext.length + TAG);
  out[0] = SEAL_SM2;
  out.set(wrapped, 1);
  out.set(iv, 1 + WRAP);
  out.set(ciphertext, HEADER);
  out.set(tag, HEADER + ciphertext.length);
  return out;
}

/**
 * Opens an SM2 sealed payload with the recipient's SM2 private key (32 bytes).
 * @throws CRYPTO_PRIVATE_KEY_INVALID, CRYPTO_SEAL_INVALID (too short or C1 not 04‖…), CRYPTO_DECRYPT_FAILED
 */
export function openSm2(recipientPrivateKey: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array {
  sm2ScalarOf(recipientPrivateKey);
  if (sealed.length < HEADER + TAG || sealed[0] !== SEAL_SM2 || sealed[1] !== 0x04) {
    throw new GongxinError('CRYPTO_SEAL_INVALID', 'not an SM2 sealed payload', { length: sealed.length });
  }
  let k: Uint8Array = new Uint8Array(0);
  try {
    const wrapped = bytesToHex(sealed.subarray(2, 1 + WRAP));
    k = Uint8Array.from(sm2.doDecrypt(wrapped, bytesToHex(recipientPrivateKey), C1C3C2, { output: 'array' }));
    if (k.length !== 16) throw new GongxinError('CRYPTO_DECRYPT_FAILED', 'SM2 key unwrap failed (C3 mismatch)');
    const body = sealed.subarray(HEADER, sealed.length - TAG);
    return sm4GcmDecrypt(k, sealed.subarray(1 + WRAP, HEADER), body, sealed.subarray(sealed.length - TAG), aad);
  } catch (e) {
    throw new GongxinError('CRYPTO_DECRYPT_FAILED', 'cannot open sealed payload: wrong key, wrong aad or tampered', { scheme: SEAL_SM2 }, { cause: e });
  } finally {
    k.fill(0);
  }
}
