// Sealed payloads for ed25519-sha256 chains (docs/spec/signatures.md §Sealed payloads, scheme 0x01): X25519 with
// an ephemeral key, HKDF-SHA256 to an AES-256-GCM key and IV (like HPKE's base mode).
import { hkdfSync } from 'node:crypto';
import { GongxinError, utf8Encode } from '@gongxin/core';
import { aesGcmDecrypt, aesGcmEncrypt } from './aes-gcm.js';
import { x25519PublicKey, x25519RandomPrivateKey, x25519SharedSecret } from './x25519.js';

/** Scheme byte of X25519 sealed payloads. */
export const SEAL_X25519 = 0x01;
const INFO = utf8Encode('gongxin/seal/v1/x25519-hkdf-sha256-aes-256-gcm');
const HEADER = 1 + 32;
const TAG = 16;

function keySchedule(shared: Uint8Array, epk: Uint8Array, rpk: Uint8Array): { key: Uint8Array; iv: Uint8Array } {
  const salt = new Uint8Array(64);
  salt.set(epk);
  salt.set(rpk, 32);
  const okm = new Uint8Array(hkdfSync('sha256', shared, salt, INFO, 44));
  shared.fill(0);
  return { key: okm.subarray(0, 32), iv: okm.subarray(32, 44) };
}

/**
 * Seals `plaintext` to an X25519 public key (fresh ephemeral key per call).
 * @throws CRYPTO_PUBLIC_KEY_INVALID (not 32 bytes, or of small order)
 */
export function sealX25519(recipientPublicKey: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  const esk = x25519RandomPrivateKey();
  const epk = x25519PublicKey(esk);
  const { key, iv } = keySchedule(x25519SharedSecret(esk, recipientPublicKey), epk, recipientPublicKey);
  esk.fill(0);
  const { ciphertext, tag } = aesGcmEncrypt(key, iv, plaintext, aad);
  key.fill(0);
  const out = new Uint8Array(HEADER + ciphertext.length + TAG);
  out[0] = SEAL_X25519;
  out.set(epk, 1);
  out.set(ciphertext, HEADER);
  out.set(tag, HEADER + ciphertext.length);
  return out;
}

/**
 * Opens an X25519 sealed payload with the recipient's 32-byte private key.
 * @throws CRYPTO_PRIVATE_KEY_INVALID, CRYPTO_SEAL_INVALID (too short), CRYPTO_DECRYPT_FAILED (wrong key, aad, or tampered)
 */
export function openX25519(recipientPrivateKey: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array {
  const rpk = x25519PublicKey(recipientPrivateKey);
  if (sealed.length < HEADER + TAG || sealed[0] !== SEAL_X25519) {
    throw new GongxinError('CRYPTO_SEAL_INVALID', 'not an X25519 sealed payload', { length: sealed.length });
  }
  const epk = sealed.subarray(1, HEADER);
  try {
    const { key, iv } = keySchedule(x25519SharedSecret(recipientPrivateKey, epk), epk, rpk);
    const body = sealed.subarray(HEADER, sealed.length - TAG);
    const plaintext = aesGcmDecrypt(key, iv, body, sealed.subarray(sealed.length - TAG), aad);
    key.fill(0);
    return plaintext;
  } catch (e) {
    throw new GongxinError('CRYPTO_DECRYPT_FAILED', 'cannot open sealed payload: wrong key, wrong aad or tampered', { scheme: SEAL_X25519 }, { cause: e });
  }
}
