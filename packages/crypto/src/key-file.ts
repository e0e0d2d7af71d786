// Private keys encrypted at rest with a password: scrypt → AES-256-GCM (ed25519-sha256) or SM4-GCM (sm2-sm3).
// Format and checks in key-file-format.ts; spec in docs/spec/signatures.md §Key files.
import { randomBytes, scryptSync } from 'node:crypto';
import { GongxinError, bytesToHex, equalBytes, utf8Encode, type SuiteId } from '@gongxin/core';
import { aeadDecrypt, aeadEncrypt, aeadForSuite, aeadKeyLength } from './aead.js';
import { DEFAULT_KDF, assertKdfParams, keyFileAad, parseKeyFile, type KeyFile } from './key-file-format.js';
import { sha256Node, sm3Node } from './node-hash.js';
import { makeKeyPair } from './portable/redact.js';
import { assertSuiteId } from './portable/suite-id.js';
import type { KeyPair } from './portable/types.js';
import { publicKeyFromPrivate } from './signer-node.js';

/** Input of encryptKeyFile. */
export interface EncryptKeyFileParams {
  readonly suite: SuiteId;
  readonly privateKey: Uint8Array;
  /** A string (UTF-8 of its NFC form) or raw bytes. */
  readonly password: string | Uint8Array;
  /** scrypt cost; default N = 2^17, r = 8, p = 1. */
  readonly kdf?: { readonly n: number; readonly r: number; readonly p: number };
}

function passwordBytes(password: string | Uint8Array): Uint8Array {
  return typeof password === 'string' ? utf8Encode(password.normalize('NFC')) : password;
}

/** scrypt(password, salt, N, r, p) → 64 bytes: the AEAD key from the first half, the password check from the second. */
function derive(suite: SuiteId, password: Uint8Array, salt: Uint8Array, n: number, r: number, p: number): { key: Uint8Array; check: Uint8Array } {
  const dk = new Uint8Array(scryptSync(password, salt, 64, { N: n, r, p, maxmem: 128 * r * (n + p + 2) + 65536 }));
  const hash = suite === 'sm2-sm3' ? sm3Node : sha256Node;
  const check = hash(dk.subarray(32));
  const key = dk.slice(0, aeadKeyLength(aeadForSuite(suite)));
  dk.fill(0);
  return { key, check };
}

/**
 * Encrypts a private key under a password. The result is plain JSON (JSON.stringify it to save).
 * @throws CRYPTO_UNKNOWN_SUITE, CRYPTO_PRIVATE_KEY_INVALID, KEYFILE_PASSWORD_EMPTY, KEYFILE_KDF_PARAMS_INVALID
 * @example writeFileSync('peer.key.json', JSON.stringify(encryptKeyFile({ suite, privateKey, password })));
 */
export function encryptKeyFile(params: EncryptKeyFileParams): KeyFile {
  const { suite, privateKey } = params;
  assertSuiteId(suite);
  const publicKey = publicKeyFromPrivate(suite, privateKey);
  const password = passwordBytes(params.password);
  if (password.length === 0) throw new GongxinError('KEYFILE_PASSWORD_EMPTY', 'a key file needs a non-empty password', {});
  const { n, r, p } = params.kdf ?? DEFAULT_KDF;
  assertKdfParams(n, r, p);
  const salt = new Uint8Array(randomBytes(16));
  const iv = new Uint8Array(randomBytes(12));
  const cipher = aeadForSuite(suite);
  const { key, check } = derive(suite, password, salt, n, r, p);
  const aad = keyFileAad({ suite, publicKey, n, r, p, salt, cipher, iv });
  const { ciphertext, tag } = aeadEncrypt(cipher, key, iv, privateKey, aad);
  key.fill(0);
  return {
    version: 1,
    suite,
    publicKey: bytesToHex(publicKey),
    kdf: { name: 'scrypt', n, r, p, salt: bytesToHex(salt) },
    cipher: { name: cipher, iv: bytesToHex(iv), ciphertext: bytesToHex(ciphertext), tag: bytesToHex(tag) },
    passwordCheck: bytesToHex(check),
  };
}

/**
 * Decrypts a key file. The returned key pair prints redacted.
 * @throws KEYFILE_BAD_PASSWORD (the password check fails), KEYFILE_CORRUPT (malformed, tampered, or the key does
 *   not match the stored public key), KEYFILE_UNSUPPORTED, KEYFILE_KDF_PARAMS_INVALID
 * @example const { privateKey } = decryptKeyFile(JSON.parse(readFileSync(path, 'utf8')), password);
 */
export function decryptKeyFile(file: unknown, password: string | Uint8Array): KeyPair {
  const f = parseKeyFile(file);
  const { key, check } = derive(f.suite, passwordBytes(password), f.salt, f.n, f.r, f.p);
  if (!equalBytes(check, f.passwordCheck)) {
    key.fill(0);
    throw new GongxinError('KEYFILE_BAD_PASSWORD', 'wrong password for this key file', { suite: f.suite });
  }
  let privateKey: Uint8Array;
  try {
    privateKey = aeadDecrypt(f.cipher, key, f.iv, f.ciphertext, f.tag, keyFileAad(f));
  } catch (e) {
    throw new GongxinError('KEYFILE_CORRUPT', 'key file was modified: authentication failed', { suite: f.suite }, { cause: e });
  } finally {
    key.fill(0);
  }
  let derived: Uint8Array | null = null;
  try {
    derived = publicKeyFromPrivate(f.suite, privateKey);
  } catch {
    derived = null;
  }
  if (derived === null || !equalBytes(derived, f.publicKey)) {
    privateKey.fill(0);
    throw new GongxinError('KEYFILE_CORRUPT', 'decrypted key does not match the stored public key', { suite: f.suite });
  }
  return makeKeyPair(f.suite, privateKey, f.publicKey);
}
