// Transactions (docs/spec/transactions.md): body, signature, canonical bytes, id, signing digest, stateless checks.
import { bytesToHex } from './bytes.js';
import { DOMAIN, domainDigest } from './domain.js';
import { decode, encode, type Value } from './encoding.js';
import { GongxinError } from './errors.js';
import { expectBytes, expectInt, expectMap, expectString } from './fields.js';
import type { HashFn, Suite } from './suite.js';

/** What a signer states: which chain, which module command with which arguments, and when it may be included. */
export interface TxBody {
  readonly chainId: string;
  readonly module: string;
  readonly command: string;
  readonly args: Value;
  /** The signer's public key (the suite's encoding). */
  readonly signer: Uint8Array;
  /** Client-chosen uniqueness (not a sequence: concurrent txs of one key never serialise). */
  readonly nonce: number;
  /** Inclusive validity window in block-timestamp milliseconds. */
  readonly notBefore: number;
  readonly notAfter: number;
}

/** A body with its signature. */
export interface SignedTx {
  readonly body: TxBody;
  readonly signature: Uint8Array;
}

/** A decoded transaction with the bytes and id it was decoded from. */
export interface DecodedTx extends SignedTx {
  readonly bytes: Uint8Array;
  readonly id: Uint8Array;
}

const BODY_FIELDS = ['chainId', 'module', 'command', 'args', 'signer', 'nonce', 'notBefore', 'notAfter'] as const;
const NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Canonical value of a body (the map that is signed). */
export function txBodyToValue(body: TxBody): Value {
  return {
    chainId: body.chainId,
    module: body.module,
    command: body.command,
    args: body.args,
    signer: body.signer,
    nonce: body.nonce,
    notBefore: body.notBefore,
    notAfter: body.notAfter,
  };
}

/**
 * The 32-byte digest a signer signs: H(encode(["gongxin/tx/v1", chainId, body])).
 * @example const sig = await signer.sign(txSigningDigest(suite.hash, body));
 */
export function txSigningDigest(hash: HashFn, body: TxBody): Uint8Array {
  return domainDigest(hash, DOMAIN.tx, body.chainId, txBodyToValue(body));
}

/** Canonical bytes of a signed tx: encode({ body, sig }). */
export function encodeTx(tx: SignedTx): Uint8Array {
  return encode({ body: txBodyToValue(tx.body), sig: tx.signature });
}

/** Tx id: the suite hash of the canonical signed bytes. */
export function txIdOf(hash: HashFn, bytes: Uint8Array): Uint8Array {
  return hash(bytes);
}

function bodyFromValue(v: Value | undefined): TxBody {
  const m = expectMap(v, 'body', 'TX_MALFORMED', BODY_FIELDS);
  const module = expectString(m.module, 'body.module', 'TX_MALFORMED', 64, 1);
  const command = expectString(m.command, 'body.command', 'TX_MALFORMED', 64, 1);
  if (!NAME.test(module) || !NAME.test(command)) {
    throw new GongxinError('TX_MALFORMED', 'module and command names are lowercase words with dashes', { module, command });
  }
  if (m.args === undefined) throw new GongxinError('TX_MALFORMED', 'body.args is missing', { field: 'body.args' });
  return {
    chainId: expectString(m.chainId, 'body.chainId', 'TX_MALFORMED', 64, 1),
    module,
    command,
    args: m.args,
    signer: expectBytes(m.signer, 'body.signer', 'TX_MALFORMED', 32, 65),
    nonce: expectInt(m.nonce, 'body.nonce', 'TX_MALFORMED'),
    notBefore: expectInt(m.notBefore, 'body.notBefore', 'TX_MALFORMED'),
    notAfter: expectInt(m.notAfter, 'body.notAfter', 'TX_MALFORMED'),
  };
}

/**
 * Decodes signed tx bytes (canonical encoding only) and computes the id.
 * @throws TX_TOO_LARGE, ENCODING_* (not canonical), TX_MALFORMED (wrong shape)
 */
export function decodeTx(hash: HashFn, bytes: Uint8Array, maxBytes: number): DecodedTx {
  if (bytes.length > maxBytes) throw new GongxinError('TX_TOO_LARGE', `transaction is ${bytes.length} bytes; the limit is ${maxBytes}`, { size: bytes.length, limit: maxBytes });
  const m = expectMap(decode(bytes), 'tx', 'TX_MALFORMED', ['body', 'sig']);
  const body = bodyFromValue(m.body);
  const signature = expectBytes(m.sig, 'sig', 'TX_MALFORMED', 1, 128);
  return { body, signature, bytes, id: txIdOf(hash, bytes) };
}

/** Chain parameters the stateless checks need. */
export interface TxRules {
  readonly chainId: string;
  readonly maxTxBytes: number;
  readonly maxValidityMs: number;
}

/**
 * Checks what needs no state: chain id, validity window shape and (optionally) time, signer key form, signature.
 * Used by the mempool (with `now`) and by the executor (with the block timestamp).
 * @throws TX_WRONG_CHAIN, TX_WINDOW_INVALID, TX_NOT_YET_VALID, TX_EXPIRED, TX_BAD_SIGNER, TX_BAD_SIGNATURE
 */
export function assertTxStateless(suite: Suite, rules: TxRules, tx: DecodedTx, at: number | undefined, signatureKnownValid = false): void {
  const b = tx.body;
  const id = bytesToHex(tx.id);
  if (b.chainId !== rules.chainId) throw new GongxinError('TX_WRONG_CHAIN', `transaction is for chain "${b.chainId}", this is "${rules.chainId}"`, { txId: id });
  if (b.notAfter < b.notBefore || b.notAfter - b.notBefore > rules.maxValidityMs) {
    throw new GongxinError('TX_WINDOW_INVALID', `validity window must be 0..${rules.maxValidityMs} ms long`, { txId: id });
  }
  if (at !== undefined && at < b.notBefore) throw new GongxinError('TX_NOT_YET_VALID', 'transaction is not valid yet', { txId: id, notBefore: b.notBefore });
  if (at !== undefined && at > b.notAfter) throw new GongxinError('TX_EXPIRED', 'transaction validity window has passed', { txId: id, notAfter: b.notAfter });
  if (!suite.isPublicKey(b.signer)) throw new GongxinError('TX_BAD_SIGNER', `signer is not a ${suite.id} public key`, { txId: id });
  if (!signatureKnownValid && !suite.verify(b.signer, txSigningDigest(suite.hash, b), tx.signature)) {
    throw new GongxinError('TX_BAD_SIGNATURE', 'signature does not verify for this body and signer', { txId: id });
  }
}
