// The proof kinds `gongxin verify` knows, and how a file's kind and suite are found. Add a kind by writing its
// handler file (see kind.ts) and listing it here.
import { GongxinError, SUITE_IDS, type SuiteId } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { CLI_ERRORS } from '../errors.js';
import type { ProofKindHandler } from './kind.js';
import { bundleKind } from './kind-bundle.js';
import { historyConsistencyKind, historyInclusionKind } from './kind-history.js';
import { stateProofKind } from './kind-state.js';
import { txProofKind } from './kind-tx.js';
import type { ProofFile } from './proof-file.js';

/** Every kind, in detection order. */
export const PROOF_KINDS: readonly ProofKindHandler[] = [txProofKind, stateProofKind, historyInclusionKind, historyConsistencyKind, bundleKind];

/**
 * The handler for a file: by its wrapper's `kind`, else by the shape of the bare body.
 * @throws CLI_PROOF_FILE_INVALID
 */
export function handlerFor(file: ProofFile, kinds: readonly ProofKindHandler[] = PROOF_KINDS): ProofKindHandler {
  const known = kinds.map((k) => k.kind).join(', ');
  if (file.kind !== undefined) {
    const h = kinds.find((k) => k.kind === file.kind);
    if (h === undefined) throw new GongxinError(CLI_ERRORS.proofFileInvalid, `no handler for proof kind "${file.kind}" (known: ${known})`, { kind: file.kind });
    return h;
  }
  const h = kinds.find((k) => k.matches(file.proof));
  if (h === undefined) throw new GongxinError(CLI_ERRORS.proofFileInvalid, `not a proof of a known kind (${known}): save one from the API or with --out`);
  return h;
}

/** How the suite was chosen, for the report. */
export type SuiteSource = 'option' | 'file' | 'detected' | 'default';

/**
 * The suite to verify with: --suite, else the file's, else the one under which the body's own hashes recompute,
 * else ed25519-sha256 (the default suite).
 * @example const { id, source } = suiteFor(file, handler, opts.suite);
 */
export function suiteFor(file: ProofFile, handler: ProofKindHandler, given: SuiteId | undefined): { id: SuiteId; source: SuiteSource } {
  if (given !== undefined) return { id: given, source: 'option' };
  if (file.suite !== undefined) return { id: file.suite, source: 'file' };
  const fits = handler.fitsSuite;
  if (fits !== undefined) {
    const hits = SUITE_IDS.filter((id) => fits(file.proof, getPortableSuite(id)));
    if (hits.length === 1) return { id: hits[0]!, source: 'detected' };
  }
  return { id: 'ed25519-sha256', source: 'default' };
}
