// The key file format (docs/spec/signatures.md §Key files): a JSON object, version 1, whose header fields are
// authenticated as the AEAD's associated data. Parsing here is strict; nothing is derived or decrypted.
import { GongxinError, SUITE_IDS, encode, hexToBytes, type SuiteId } from '@gongxin/core';
import { aeadForSuite, type AeadName } from './aead.js';

/** scrypt parameters as stored in a key file. */
export interface KeyFileKdf {
  readonly name: 'scrypt';
  /** CPU/memory cost N (a power of two). */
  readonly n: number;
  readonly r: number;
  readonly p: number;
  /** 16 random bytes, hex. */
  readonly salt: string;
}

/** A private key encrypted at rest. Plain JSON: safe to write to disk and print. */
export interface KeyFile {
  readonly version: 1;
  readonly suite: SuiteId;
  /** Public key, lowercase hex (Ed25519 32 bytes; SM2 04‖x‖y). */
  readonly publicKey: string;
  readonly kdf: KeyFileKdf;
  readonly cipher: {
    /** aes-256-gcm for ed25519-sha256, sm4-gcm for sm2-sm3. */
    readonly name: AeadName;
    readonly iv: string;
    readonly ciphertext: string;
    readonly tag: string;
  };
  /** Suite hash of the second half of the scrypt output: tells a wrong password from a damaged file. */
  readonly passwordCheck: string;
}

/** Bounds on accepted scrypt parameters (also a guard against files that would exhaust memory). */
export const KDF_LIMITS = { minLogN: 10, maxLogN: 20, maxR: 16, maxP: 4, maxMemory: 2 ** 30 } as const;
/** Default scrypt parameters: N = 2^17, r = 8, p = 1 (128 MiB, a few hundred ms). */
export const DEFAULT_KDF = { n: 2 ** 17, r: 8, p: 1 } as const;

/** Binary form of a key file, checked. */
export interface ParsedKeyFile {
  readonly suite: SuiteId;
  readonly publicKey: Uint8Array;
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Uint8Array;
  readonly cipher: AeadName;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
  readonly tag: Uint8Array;
  readonly passwordCheck: Uint8Array;
}

/**
 * Checks scrypt parameters against KDF_LIMITS.
 * @throws KEYFILE_KDF_PARAMS_INVALID
 */
export function assertKdfParams(n: unknown, r: unknown, p: unknown): void {
  const ok =
    typeof n === 'number' && typeof r === 'number' && typeof p === 'number' &&
    Number.isInteger(n) && Number.isInteger(r) && Number.isInteger(p) &&
    n >= 2 ** KDF_LIMITS.minLogN && n <= 2 ** KDF_LIMITS.maxLogN && (n & (n - 1)) === 0 &&
    r >= 1 && r <= KDF_LIMITS.maxR && p >= 1 && p <= KDF_LIMITS.maxP && 128 * n * r <= KDF_LIMITS.maxMemory;
  if (!ok) {
    throw new GongxinError('KEYFILE_KDF_PARAMS_INVALID', 'scrypt parameters out of bounds (N power of two in [2^10, 2^20], r ≤ 16, p ≤ 4, 128·N·r ≤ 1 GiB)', {
      n: String(n), r: String(r), p: String(p),
    });
  }
}

const PUBLIC_KEY_LENGTH: Readonly<Record<SuiteId, number>> = { 'ed25519-sha256': 32, 'sm2-sm3': 65 };

function field(obj: unknown, name: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[name] : undefined;
}

function hexField(obj: unknown, name: string, min: number, max: number = min): Uint8Array {
  const v = field(obj, name);
  let bytes: Uint8Array | null = null;
  try {
    bytes = typeof v === 'string' ? hexToBytes(v) : null;
  } catch {
    bytes = null;
  }
  if (bytes === null || bytes.length < min || bytes.length > max) {
    throw new GongxinError('KEYFILE_CORRUPT', `key file field "${name}" is not hex of the expected length`, { field: name });
  }
  return bytes;
}

/**
 * Parses and checks a key file object (e.g. from JSON.parse).
 * @throws KEYFILE_UNSUPPORTED (version, suite, kdf or cipher unknown), KEYFILE_CORRUPT (missing or malformed
 *   fields), KEYFILE_KDF_PARAMS_INVALID
 */
export function parseKeyFile(file: unknown): ParsedKeyFile {
  if (typeof file !== 'object' || file === null) throw new GongxinError('KEYFILE_CORRUPT', 'key file is not an object', {});
  const version = field(file, 'version');
  const suite = field(file, 'suite');
  const kdf = field(file, 'kdf');
  const cipher = field(file, 'cipher');
  if (version !== 1) throw new GongxinError('KEYFILE_UNSUPPORTED', 'unsupported key file version', { version: String(version) });
  if (!(SUITE_IDS as readonly unknown[]).includes(suite)) throw new GongxinError('KEYFILE_UNSUPPORTED', 'unknown suite in key file', { suite: String(suite) });
  const suiteId = suite as SuiteId;
  if (field(kdf, 'name') !== 'scrypt') throw new GongxinError('KEYFILE_UNSUPPORTED', 'unsupported key derivation', { kdf: String(field(kdf, 'name')) });
  if (field(cipher, 'name') !== aeadForSuite(suiteId)) {
    throw new GongxinError('KEYFILE_UNSUPPORTED', `cipher must be ${aeadForSuite(suiteId)} for ${suiteId}`, { cipher: String(field(cipher, 'name')) });
  }
  const [n, r, p] = [field(kdf, 'n'), field(kdf, 'r'), field(kdf, 'p')];
  assertKdfParams(n, r, p);
  return {
    suite: suiteId,
    publicKey: hexField(file, 'publicKey', PUBLIC_KEY_LENGTH[suiteId]),
    n: n as number,
    r: r as number,
    p: p as number,
    salt: hexField(kdf, 'salt', 16, 64),
    cipher: aeadForSuite(suiteId),
    iv: hexField(cipher, 'iv', 12),
    ciphertext: hexField(cipher, 'ciphertext', 32),
    tag: hexField(cipher, 'tag', 16),
    passwordCheck: hexField(file, 'passwordCheck', 32),
  };
}

/** The AEAD associated data: canonical encoding of every header field (a changed header fails decryption). */
export function keyFileAad(f: Omit<ParsedKeyFile, 'ciphertext' | 'tag' | 'passwordCheck'>): Uint8Array {
  return encode(['gongxin/keyfile/v1', f.suite, f.publicKey, 'scrypt', f.n, f.r, f.p, f.salt, f.cipher, f.iv]);
}
