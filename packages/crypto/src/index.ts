// @gongxin/crypto: the ed25519-sha256 and sm2-sm3 suites for Node (OpenSSL where it is correct), key files
// encrypted at rest, and hybrid encryption of private payloads. Browser code imports '@gongxin/crypto/portable'.
export { getSuite } from './suite-node.js';
export { getPortableSuite } from './portable/suite-portable.js';
export { createSigner, generateKeyPair, publicKeyFromPrivate, signMessage } from './signer-node.js';
export { encryptKeyFile, decryptKeyFile } from './key-file.js';
export type { EncryptKeyFileParams } from './key-file.js';
export { DEFAULT_KDF, KDF_LIMITS } from './key-file-format.js';
export type { KeyFile, KeyFileKdf } from './key-file-format.js';
export { sealTo, open, generateSealKeyPair, sealPublicKeyFromPrivate } from './seal.js';
export { aeadEncrypt, aeadDecrypt } from './aead.js';
export type { AeadName } from './aead.js';
export type { AeadSealed } from './portable/aead-params.js';
export { CRYPTO_ERROR_CODES } from './error-codes.js';
export type { CryptoErrorCode } from './error-codes.js';
export type { CryptoSuite, KeyPair } from './portable/types.js';
