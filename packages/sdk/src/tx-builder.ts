// The transaction builder (docs/spec/encoding.md §Domains, core tx.ts): body → signing digest → the caller's
// signer → canonical signed bytes and id. The SDK never sees a key (STYLE.md §2): it only calls signer.sign.
import {
  DEFAULT_CHAIN_PARAMS,
  GongxinError,
  bytesToHex,
  decodeTx,
  encodeTx,
  txIdOf,
  txSigningDigest,
  type Signer,
  type Suite,
  type TxBody,
  type Value,
} from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { SDK_ERROR_CODES, invalidArgument } from './errors.js';

/** How long a tx stays valid by default: 10 minutes after `now`. */
export const DEFAULT_VALID_FOR_MS = 10 * 60 * 1000;
/** How far before `now` the window opens, so a peer whose clock is a little behind still admits the tx. */
export const DEFAULT_CLOCK_SKEW_MS = 60 * 1000;

/** What `buildTx` needs. */
export interface BuildTxParams {
  readonly chainId: string;
  readonly module: string;
  readonly command: string;
  /** The command's arguments as a canonical value (bytes as Uint8Array, big integers as bigint). */
  readonly args: Value;
  /** Signs the 32-byte digest; its `suite` must be the chain's. */
  readonly signer: Signer;
  /** Uniqueness; default: 53 random bits from crypto.getRandomValues. */
  readonly nonce?: number;
  /** The window closes at now + validForMs (default 10 min, shortened to fit the chain's maximum). */
  readonly validForMs?: number;
  /** Milliseconds since the epoch; default Date.now(). */
  readonly now?: number;
  /** The window opens at now − skewMs (default 60 s). */
  readonly skewMs?: number;
  /** The chain's maxValidityMs (genesis params); default core's DEFAULT_CHAIN_PARAMS. */
  readonly maxValidityMs?: number;
  /** The chain's maxTxBytes; default core's DEFAULT_CHAIN_PARAMS. */
  readonly maxTxBytes?: number;
  /** The suite to hash and check with; default the portable suite of `signer.suite`. */
  readonly suite?: Suite;
  /** Verify the signature before returning (default true): catches a signer whose key is not its publicKey. */
  readonly verifySignature?: boolean;
}

/** A signed transaction ready for `client.submitTx(tx.bytes)`. */
export interface BuiltTx {
  /** Canonical signed bytes. */
  readonly bytes: Uint8Array;
  /** The tx id: suite hash of `bytes`. */
  readonly id: Uint8Array;
  /** `id` as lowercase hex (for URLs, logs, errors). */
  readonly idHex: string;
  readonly body: TxBody;
  readonly signature: Uint8Array;
}

function checkInt(v: number, what: string, min: number): number {
  if (!Number.isSafeInteger(v) || v < min) invalidArgument(`${what} must be an integer ≥ ${min}`, { [what]: String(v) });
  return v;
}

/**
 * A random nonce in [0, 2^53) from the platform CSPRNG (browsers and Node 20 both have globalThis.crypto).
 * @example const nonce = randomNonce();
 */
export function randomNonce(): number {
  const w = new Uint32Array(2);
  globalThis.crypto.getRandomValues(w);
  return (w[0]! & 0x1fffff) * 0x1_0000_0000 + w[1]!;
}

function checkSigner(signer: Signer): void {
  const s = signer as Partial<Signer> | null;
  if (typeof s !== 'object' || s === null || typeof s.sign !== 'function' || !(s.publicKey instanceof Uint8Array) || typeof s.suite !== 'string') {
    invalidArgument('signer must be { suite, publicKey: Uint8Array, sign(digest) }');
  }
}

function windowOf(p: BuildTxParams, maxValidity: number): { notBefore: number; notAfter: number } {
  const now = checkInt(p.now ?? Date.now(), 'now', 0);
  const skew = checkInt(p.skewMs ?? DEFAULT_CLOCK_SKEW_MS, 'skewMs', 0);
  const notBefore = Math.max(0, now - skew);
  const room = maxValidity - (now - notBefore);
  if (p.validForMs === undefined) {
    const validFor = Math.min(DEFAULT_VALID_FOR_MS, room);
    if (validFor < 1) invalidArgument('skewMs leaves no room in the chain maximum validity window', { skewMs: skew, maxValidityMs: maxValidity });
    return { notBefore, notAfter: now + validFor };
  }
  const validFor = checkInt(p.validForMs, 'validForMs', 1);
  if (validFor > room) {
    invalidArgument(`the window (skew ${skew} ms + validForMs ${validFor} ms) exceeds the chain maximum of ${maxValidity} ms`, {
      validForMs: validFor,
      maxValidityMs: maxValidity,
    });
  }
  return { notBefore, notAfter: now + validFor };
}

/**
 * Builds and signs a transaction: body with a validity window [now − skew, now + validForMs] and a nonce,
 * digest = txSigningDigest(H, body), signature from `signer`, canonical bytes checked by core's decodeTx.
 * @throws SDK_INVALID_ARGUMENT (signer, suite, window), SDK_SIGNER_INVALID (signature does not verify),
 *   TX_MALFORMED / TX_TOO_LARGE / ENCODING_* (core's rules, checked before anything is signed)
 * @example
 * const tx = await buildTx({ chainId: 'gongxin-dev', module: 'charity', command: 'donate', args: { fund: 'f1', amount: 100 }, signer });
 * await client.submitTx(tx.bytes);
 */
export async function buildTx(p: BuildTxParams): Promise<BuiltTx> {
  checkSigner(p.signer);
  const suite = p.suite ?? getPortableSuite(p.signer.suite);
  if (suite.id !== p.signer.suite) invalidArgument(`signer is ${p.signer.suite} but the suite is ${suite.id}`, { suite: suite.id });
  if (!suite.isPublicKey(p.signer.publicKey)) invalidArgument(`signer.publicKey is not a ${suite.id} public key`);
  const maxValidity = checkInt(p.maxValidityMs ?? DEFAULT_CHAIN_PARAMS.maxValidityMs, 'maxValidityMs', 1);
  const maxTxBytes = checkInt(p.maxTxBytes ?? DEFAULT_CHAIN_PARAMS.maxTxBytes, 'maxTxBytes', 1);
  const body: TxBody = {
    chainId: p.chainId,
    module: p.module,
    command: p.command,
    args: p.args,
    signer: p.signer.publicKey.slice(),
    nonce: p.nonce === undefined ? randomNonce() : checkInt(p.nonce, 'nonce', 0),
    ...windowOf(p, maxValidity),
  };
  // Core's own decoder checks names, sizes and encodability before the signer is asked (a wallet prompt,
  // an HSM round trip): a placeholder signature of the suite's length stands in for the real one.
  decodeTx(suite.hash, encodeTx({ body, signature: new Uint8Array(suite.signatureLength) }), maxTxBytes);
  const digest = txSigningDigest(suite.hash, body);
  const signature: unknown = await p.signer.sign(digest);
  if (!(signature instanceof Uint8Array)) invalidArgument('signer.sign must resolve to a Uint8Array');
  if (p.verifySignature !== false && !suite.verify(body.signer, digest, signature)) {
    throw new GongxinError(SDK_ERROR_CODES.signerInvalid, "the signer's signature does not verify under its public key", { suite: suite.id });
  }
  const bytes = encodeTx({ body, signature });
  decodeTx(suite.hash, bytes, maxTxBytes);
  const id = txIdOf(suite.hash, bytes);
  return { bytes, id, idHex: bytesToHex(id), body, signature };
}
