// Every error code @gongxin/crypto throws (STYLE.md §4: a code is API, never reused or renamed).

/** Error codes of @gongxin/crypto, with when each is thrown. */
export const CRYPTO_ERROR_CODES = {
  CRYPTO_UNKNOWN_SUITE: 'a suite id other than ed25519-sha256 or sm2-sm3',
  CRYPTO_PRIVATE_KEY_INVALID: 'a private key of the wrong length or out of range (SM2: d outside [1, n-2])',
  CRYPTO_PUBLIC_KEY_INVALID: 'a sealing recipient key that is malformed or unusable (X25519 small order)',
  CRYPTO_DIGEST_LENGTH: 'a signer was given something other than a 32-byte digest',
  CRYPTO_AEAD_PARAMS_INVALID: 'an AEAD key, IV (must be 12 bytes) or tag (16 bytes) of the wrong length, or an unknown AEAD',
  CRYPTO_AEAD_AUTH_FAILED: 'AEAD decryption failed: wrong key, IV, associated data, tag or ciphertext',
  CRYPTO_SEAL_INVALID: 'a sealed payload that is truncated or has an unknown scheme byte',
  CRYPTO_DECRYPT_FAILED: 'a sealed payload that does not open: wrong private key, wrong aad, or tampered',
  KEYFILE_BAD_PASSWORD: 'the password does not match the key file',
  KEYFILE_CORRUPT: 'a key file that is malformed or was modified',
  KEYFILE_UNSUPPORTED: 'a key file version, suite, kdf or cipher this code does not know',
  KEYFILE_KDF_PARAMS_INVALID: 'scrypt parameters outside the accepted bounds',
  KEYFILE_PASSWORD_EMPTY: 'encryptKeyFile was given an empty password',
} as const;

/** An error code of @gongxin/crypto. */
export type CryptoErrorCode = keyof typeof CRYPTO_ERROR_CODES;
