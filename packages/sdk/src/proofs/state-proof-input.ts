// Reads a state proof as a peer may send it (docs/spec/state.md §Proof encoding): the canonical value
// { path, leaf, depth, bitmap, siblings } in JSON view (hex), its CBOR bytes as hex, or the expanded form
// { path, leaf, siblings } with every sibling listed. All become core's StateProof.
import { decode, decodeStateProof, hexToBytes, type StateProof, type Value } from '@gongxin/core';
import { z } from 'zod';
import { anyBytes, hash32, hashList, uint } from '../wire/primitives.js';
import { fail, guard } from './common.js';

const leafSchema = z.object({ path: hash32, valueHash: hash32 }).nullable();

const compactSchema = z.object({ path: hash32, leaf: leafSchema, depth: uint, bitmap: anyBytes, siblings: hashList });

const expandedSchema = z.object({ path: hash32, leaf: leafSchema, siblings: hashList });

/**
 * core's StateProof from whichever form the peer used.
 * @throws ProofError PROOF_MALFORMED or STATE_PROOF_MALFORMED (core's decoder, which rejects non-canonical forms)
 * @example const proof = stateProofFromInput(response.proof);
 */
export function stateProofFromInput(input: unknown): StateProof {
  if (typeof input === 'string') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(input)) fail('PROOF_MALFORMED', 'state proof: a string proof must be hex of its canonical bytes');
    return guard('state proof', undefined, () => decodeStateProof(decode(hexToBytes(input))));
  }
  if (input instanceof Uint8Array) return guard('state proof', undefined, () => decodeStateProof(decode(input)));
  const compact = compactSchema.safeParse(input);
  if (compact.success) {
    const c = compact.data;
    const value: Value = { path: c.path, leaf: c.leaf, depth: c.depth, bitmap: c.bitmap, siblings: c.siblings };
    return guard('state proof', undefined, () => decodeStateProof(value));
  }
  const expanded = expandedSchema.safeParse(input);
  if (expanded.success) return expanded.data;
  return fail('PROOF_MALFORMED', 'state proof: expected { path, leaf, depth, bitmap, siblings } (hex), its canonical bytes as hex, or { path, leaf, siblings }');
}
