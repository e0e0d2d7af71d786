// Verifies GET /v1/state/{module}/{key} (docs/api.md, docs/spec/state.md): the value's canonical bytes are hashed
// here and proven (or proven absent) at path H(["gongxin/state-key/v1", module, key]) under header.stateRoot.
import { decode, statePath, utf8Encode, verifyStateProof as coreVerifyStateProof, type BlockHeader, type Value } from '@gongxin/core';
import { stateSchema } from '../wire/responses.js';
import { checkHeaderHash, checkTrust, fail, guard, parseInput, same, type HashSuite, type TrustAnchor } from './common.js';
import { stateProofFromInput } from './state-proof-input.js';

/** Options of `verifyStateProof`: the entry the caller asked about, and optionally the header it trusts. */
export interface VerifyStateParams extends TrustAnchor {
  readonly module: string;
  readonly key: string;
}

/** A verified state entry: its value (decoded from the proven bytes, never from the JSON view) at `height`. */
export interface VerifiedState {
  readonly module: string;
  readonly key: string;
  readonly found: boolean;
  /** The canonical value, or null when absent. */
  readonly value: Value | null;
  readonly valueBytes: Uint8Array | null;
  readonly height: number;
  readonly header: BlockHeader;
  /** Recomputed here. */
  readonly headerHash: Uint8Array;
}

/**
 * Verifies a state response: module/key are the ones asked for, the header hashes to headerHash (and is the
 * trusted one when given), and the proof shows H(valueBytes) — or absence when not found — under its stateRoot.
 * Not core's verifyStateProof (which takes a decoded proof and a root): this one takes the whole API response.
 * @param response the GET /v1/state body, raw JSON or as `client.getState` returned it
 * @throws ProofError (reason PROOF_MALFORMED, FIELD_MISMATCH, HEADER_HASH_MISMATCH, TRUSTED_HEADER_MISMATCH,
 *   VALUE_MALFORMED, or core's STATE_PROOF_* codes)
 * @example
 * const r = await client.getState('charity', 'fund/42');
 * const { found, value } = verifyStateProof(suite, r, { module: 'charity', key: 'fund/42', trustedHeader });
 */
export function verifyStateProof(suite: HashSuite, response: unknown, params: VerifyStateParams): VerifiedState {
  const r = parseInput(stateSchema, response, 'state response');
  same(r.module, params.module, 'FIELD_MISMATCH', `the response is about module "${r.module}", not "${params.module}"`);
  same(r.key, params.key, 'FIELD_MISMATCH', `the response is about key "${r.key}", not "${params.key}"`);
  const hdrHash = checkHeaderHash(suite.hash, r.header, r.headerHash);
  same(r.height, r.header.height, 'FIELD_MISMATCH', `height ${r.height} but the header is at ${r.header.height}`);
  if (r.found !== (r.valueBytes !== null)) fail('FIELD_MISMATCH', r.found ? 'found but no valueHex' : 'not found but a valueHex is given');
  const proof = stateProofFromInput(r.proof);
  const path = guard('state key', undefined, () => statePath(suite.hash, params.module, utf8Encode(params.key)));
  const valueHash = r.valueBytes === null ? null : suite.hash(r.valueBytes);
  guard('state proof', undefined, () => coreVerifyStateProof(suite.hash, { root: r.header.stateRoot, path, valueHash, proof }));
  checkTrust(suite.hash, hdrHash, r.header.height, params);
  let value: Value | null = null;
  if (r.valueBytes !== null) {
    try {
      value = decode(r.valueBytes);
    } catch (e) {
      fail('VALUE_MALFORMED', `the proven value is not canonical bytes: ${e instanceof Error ? e.message : String(e)}`, undefined, e);
    }
  }
  return { module: r.module, key: r.key, found: r.found, value, valueBytes: r.valueBytes, height: r.header.height, header: r.header, headerHash: hdrHash };
}
