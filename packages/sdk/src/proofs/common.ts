// Shared steps of proof verification: parse untrusted input, recompute header hashes, compare against what the
// caller trusts, and turn every failure (core's or ours) into one ProofError that says which check failed.
import { bytesToHex, equalBytes, headerHash, hexToBytes, isGongxinError, type BlockHeader, type HashFn } from '@gongxin/core';
import type { z } from 'zod';
import { ProofError, invalidArgument } from '../errors.js';
import { idToHex, type IdLike } from '../json-view.js';
import { describeIssues } from '../wire/responses.js';
import { headerSchema } from '../wire/header.js';

/** What verification needs of a suite: its hash (a core Suite, or getPortableSuite(id) from @gongxin/crypto/portable). */
export interface HashSuite {
  readonly hash: HashFn;
}

/** What the caller already trusts about the header a proof rests on (either or both; none: self-consistency only). */
export interface TrustAnchor {
  /** A header obtained out of band or from a LightClient. */
  readonly trustedHeader?: BlockHeader | undefined;
  /** The hash of such a header (bytes or hex). */
  readonly trustedHeaderHash?: IdLike | undefined;
}

/**
 * Throws a ProofError.
 * @example fail('ROOT_MISMATCH', 'txRoot differs from the header', txId);
 */
export function fail(reason: string, message: string, txId?: string, cause?: unknown): never {
  throw new ProofError(reason, message, { txId, cause });
}

/**
 * Runs a core check; a GongxinError it throws becomes a ProofError whose reason is the core code.
 * @example guard('tx inclusion', txId, () => verifyInclusion(hash, params));
 */
export function guard<T>(what: string, txId: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ProofError) throw e;
    if (isGongxinError(e)) fail(e.code, `${what}: ${e.message}`, txId, e);
    throw e;
  }
}

/**
 * Parses untrusted proof input (raw JSON with hex, or an object the client already parsed).
 * @throws ProofError PROOF_MALFORMED
 * @example const p = parseInput(txProofSchema, json, 'tx proof');
 */
export function parseInput<T>(schema: z.ZodType<T, unknown>, input: unknown, what: string, txId?: string): T {
  const r = schema.safeParse(input);
  if (!r.success) fail('PROOF_MALFORMED', `${what}: ${describeIssues(r.error)}`, txId, r.error);
  return r.data;
}

/**
 * The 32 bytes of an id the caller supplied.
 * @throws SDK_INVALID_ARGUMENT
 */
export function idBytes(id: IdLike, what: string): Uint8Array {
  return hexToBytes(idToHex(id, what));
}

/**
 * A trusted header supplied by the caller, checked for shape (it may come from JSON too).
 * @throws SDK_INVALID_ARGUMENT when it is not a header
 */
export function trustedHeaderOf(h: unknown, what = 'trustedHeader'): BlockHeader {
  const r = headerSchema.safeParse(h);
  if (!r.success) invalidArgument(`${what} is not a block header: ${describeIssues(r.error)}`);
  return r.data;
}

/**
 * Recomputes the hash of `header` from its fields and checks it against the hash the peer sent.
 * @throws ProofError HEADER_HASH_MISMATCH
 */
export function checkHeaderHash(hash: HashFn, header: BlockHeader, claimed: Uint8Array, txId?: string): Uint8Array {
  const computed = guard('header', txId, () => headerHash(hash, header));
  if (!equalBytes(computed, claimed)) {
    fail('HEADER_HASH_MISMATCH', `header ${header.height}: its fields hash to ${bytesToHex(computed)}, not the ${bytesToHex(claimed)} the peer sent`, txId);
  }
  return computed;
}

/**
 * Checks that a header whose hash was recomputed is the one the caller trusts.
 * @throws ProofError TRUSTED_HEADER_MISMATCH
 */
export function checkTrust(hash: HashFn, computed: Uint8Array, height: number, anchor: TrustAnchor, txId?: string): void {
  if (anchor.trustedHeader !== undefined) {
    const trusted = trustedHeaderOf(anchor.trustedHeader);
    if (trusted.height !== height || !equalBytes(headerHash(hash, trusted), computed)) {
      fail('TRUSTED_HEADER_MISMATCH', `the proof rests on header ${height}, not on the trusted header ${trusted.height}`, txId);
    }
  }
  if (anchor.trustedHeaderHash !== undefined && !equalBytes(idBytes(anchor.trustedHeaderHash, 'trustedHeaderHash'), computed)) {
    fail('TRUSTED_HEADER_MISMATCH', `the proof rests on header ${bytesToHex(computed)}, not on the trusted hash`, txId);
  }
}

/**
 * Checks two values the peer sent that must agree.
 * @throws ProofError `reason`
 */
export function same(a: Uint8Array | number | string, b: Uint8Array | number | string, reason: string, message: string, txId?: string): void {
  const eq = a instanceof Uint8Array && b instanceof Uint8Array ? equalBytes(a, b) : a === b;
  if (!eq) fail(reason, message, txId);
}
