// Proof files (docs/cli.md §Proof files): a proof body as the API serves it, bare or wrapped as
// { kind, proof, suite?, trustedHeaderHash?, trustedHeader? }. Parsed here; checked by the kind handlers.
import { GongxinError, SUITE_IDS, type SuiteId } from '@gongxin/core';
import type { JsonValue } from '@gongxin/sdk';
import { CLI_ERRORS } from '../errors.js';

/** Current version of the wrapper format. */
export const PROOF_FILE_VERSION = 1;

/** A proof file after parsing: which kind (when the wrapper says), the body, and what the file asks to trust. */
export interface ProofFile {
  /** The wrapper's `kind`, or undefined for a bare proof body (the kind is then detected from its shape). */
  readonly kind: string | undefined;
  readonly proof: unknown;
  readonly suite: SuiteId | undefined;
  readonly trustedHeaderHash: string | undefined;
  /** A header JSON the history kinds can anchor to. */
  readonly trustedHeader: unknown;
  /** The whole file, for handlers of richer kinds (bundles). */
  readonly raw: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(message: string): never {
  throw new GongxinError(CLI_ERRORS.proofFileInvalid, message);
}

/**
 * Reads the wrapper, if any.
 * @throws CLI_PROOF_FILE_INVALID
 * @example const file = parseProofFile(JSON.parse(text));
 */
export function parseProofFile(json: unknown): ProofFile {
  if (!isRecord(json)) return invalid('a proof file holds a JSON object');
  if (typeof json.kind !== 'string') {
    return { kind: undefined, proof: json, suite: undefined, trustedHeaderHash: undefined, trustedHeader: undefined, raw: json };
  }
  const suite = json.suite;
  if (suite !== undefined && !(SUITE_IDS as readonly unknown[]).includes(suite)) invalid(`unknown suite ${JSON.stringify(suite)}; expected one of ${SUITE_IDS.join(', ')}`);
  const trusted = json.trustedHeaderHash;
  if (trusted !== undefined && (typeof trusted !== 'string' || !/^[0-9a-fA-F]{64}$/.test(trusted))) invalid('trustedHeaderHash must be 64 hex digits');
  return {
    kind: json.kind,
    proof: json.proof,
    suite: suite as SuiteId | undefined,
    trustedHeaderHash: trusted?.toLowerCase(),
    trustedHeader: json.trustedHeader,
    raw: json,
  };
}

/**
 * The wrapper the CLI writes (`tx-proof --out`, `state --out`).
 * @example writeFileSync(out, JSON.stringify(proofFileJson('tx', 'ed25519-sha256', jsonOf(proof)), null, 2));
 */
export function proofFileJson(kind: string, suite: SuiteId, proof: JsonValue, extra: Record<string, JsonValue> = {}): JsonValue {
  return { kind, version: PROOF_FILE_VERSION, suite, ...extra, proof };
}
