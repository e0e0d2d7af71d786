// @gongxin/crypto/portable: the browser-safe half (imports nothing from node:*). Same suites and signatures as
// the Node entry, in pure JS on @noble/curves, @noble/hashes and sm-crypto-v2.
export { getPortableSuite } from './suite-portable.js';
export { createPortableSigner, generatePortableKeyPair, portablePublicKeyFromPrivate } from './signer-portable.js';
export { sm4GcmEncrypt, sm4GcmDecrypt } from './sm4-gcm.js';
export type { AeadSealed } from './aead-params.js';
export type { CryptoSuite, KeyPair } from './types.js';
