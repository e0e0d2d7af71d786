// The crypto suite a chain fixes at genesis (docs/spec/signatures.md). Core declares it; @gongxin/crypto implements it.

/** Suite ids, fixed at genesis. */
export const SUITE_IDS = ['ed25519-sha256', 'sm2-sm3'] as const;
/** A suite id. */
export type SuiteId = (typeof SUITE_IDS)[number];

/** A hash function: 32-byte digests (SHA-256 or SM3). Synchronous, pure. */
export type HashFn = (data: Uint8Array) => Uint8Array;

/**
 * What core needs of a crypto suite: hashing and signature verification, both synchronous and pure.
 * Signatures are always over a 32-byte digest that already carries a domain tag and the chain id.
 */
export interface Suite {
  readonly id: SuiteId;
  /** The suite's hash (SHA-256 or SM3), 32 bytes out. */
  readonly hash: HashFn;
  /** True iff `signature` is a valid signature of `digest` by `publicKey`. Never throws on bad input. */
  verify(publicKey: Uint8Array, digest: Uint8Array, signature: Uint8Array): boolean;
  /** True iff `publicKey` is a well-formed public key of this suite. */
  isPublicKey(publicKey: Uint8Array): boolean;
  readonly publicKeyLength: number;
  readonly signatureLength: number;
}

/**
 * Signs digests. Keys never leave the signer (an HSM, a key file, a browser wallet).
 * @example const sig = await signer.sign(txDigest(suite, body));
 */
export interface Signer {
  readonly suite: SuiteId;
  readonly publicKey: Uint8Array;
  sign(digest: Uint8Array): Promise<Uint8Array>;
}

/** A signer that can also sign synchronously (in-process keys: peers signing certificates, load generators). */
export interface SyncSigner extends Signer {
  signSync(digest: Uint8Array): Uint8Array;
}
