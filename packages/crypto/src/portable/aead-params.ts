// Parameter checks and result type shared by the AEAD wrappers (AES-GCM on Node, SM4-GCM everywhere).
import { GongxinError } from '@gongxin/core';

/** AEAD output: ciphertext (same length as the plaintext) and a 16-byte tag. */
export interface AeadSealed {
  readonly ciphertext: Uint8Array;
  readonly tag: Uint8Array;
}

/**
 * Throws unless key, IV and (when given) tag have the lengths our AEAD wrappers accept.
 * @throws CRYPTO_AEAD_PARAMS_INVALID
 */
export function assertAeadParams(cipher: string, key: Uint8Array, keyLengths: readonly number[], iv: Uint8Array, tag?: Uint8Array): void {
  const bad = (what: string, length: number): never => {
    throw new GongxinError('CRYPTO_AEAD_PARAMS_INVALID', `${cipher}: invalid ${what} length`, { cipher, [what]: length });
  };
  if (!(key instanceof Uint8Array) || !keyLengths.includes(key.length)) bad('key', key instanceof Uint8Array ? key.length : -1);
  if (!(iv instanceof Uint8Array) || iv.length !== 12) bad('iv', iv instanceof Uint8Array ? iv.length : -1);
  if (tag !== undefined && (!(tag instanceof Uint8Array) || tag.length !== 16)) bad('tag', tag instanceof Uint8Array ? tag.length : -1);
}
