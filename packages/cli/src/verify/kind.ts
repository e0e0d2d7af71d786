// The contract of a proof kind handler (docs/cli.md §verify): recognise a proof body, check it with the SDK's
// verifiers and say what was proven. A new kind (e.g. the scenario bundles) is one file added to kinds.ts.
import type { SuiteId } from '@gongxin/core';
import type { HashSuite, JsonValue } from '@gongxin/sdk';
import type { ProofFile } from './proof-file.js';

/** What the user asked to check beyond the file itself. */
export interface VerifyOptions {
  /** The header hash the proof must rest on (overrides the file's trustedHeaderHash). */
  readonly trustedHeaderHash?: string | undefined;
  /** tx kind: the tx id asked about (default: the proof's). */
  readonly txId?: string | undefined;
  /** state kind: the entry asked about (default: the proof's). */
  readonly module?: string | undefined;
  readonly key?: string | undefined;
}

/** What a successful verification established, for people (lines) and scripts (json). */
export interface VerifyReport {
  /** What the proof shows, one fact per line. */
  readonly proven: readonly string[];
  /** What it rests on, and what is left to trust. */
  readonly trust: readonly string[];
  readonly json: { readonly [key: string]: JsonValue };
}

/** A kind of proof file. */
export interface ProofKindHandler {
  /** The wrapper's `kind`. */
  readonly kind: string;
  /** One line for --help. */
  readonly description: string;
  /** True when a bare proof body has this kind's shape. */
  matches(proof: unknown): boolean;
  /** True when the body is self-consistent under `suite` (recomputed hashes match): used to detect the suite. */
  fitsSuite?(proof: unknown, suite: HashSuite): boolean;
  /** Verifies; throws ProofError (or another GongxinError) with the reason when the proof fails. */
  verify(file: ProofFile, suite: HashSuite & { readonly id: SuiteId }, opts: VerifyOptions): VerifyReport | Promise<VerifyReport>;
}

/** True when `v` is an object with all of `keys`. */
export function hasKeys(v: unknown, keys: readonly string[]): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && keys.every((k) => k in v);
}
