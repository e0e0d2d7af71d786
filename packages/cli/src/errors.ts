// Stable error codes of the CLI (docs/cli.md §Errors). SDK, core, crypto and node codes pass through unchanged.
import { GongxinError } from '@gongxin/core';

/** Codes the CLI itself raises. A code is API: never rename or reuse one. */
export const CLI_ERRORS = {
  /** A bad argument or option value (exit code 2). */
  usage: 'CLI_USAGE',
  /** --args / --params is not JSON of integers, strings, booleans, null, arrays and maps (exit code 2). */
  jsonInvalid: 'CLI_JSON_INVALID',
  /** init/import into a data directory that already holds a chain. */
  dataDirExists: 'CLI_DATA_DIR_EXISTS',
  /** The data directory has no ledger (ledger.sqlite) to read. */
  ledgerMissing: 'CLI_LEDGER_MISSING',
  /** A password is needed and none was given (the CLI never prompts). */
  passwordRequired: 'CLI_PASSWORD_REQUIRED',
  /** A key name is already taken in the data directory. */
  keyExists: 'CLI_KEY_EXISTS',
  /** A file the command must not overwrite already exists. */
  fileExists: 'CLI_FILE_EXISTS',
  /** A file to read is missing or unreadable. */
  fileUnreadable: 'CLI_FILE_UNREADABLE',
  /** A proof file is not JSON, or not a proof of a known kind. */
  proofFileInvalid: 'CLI_PROOF_FILE_INVALID',
  /** A chain archive is malformed or truncated. */
  archiveMalformed: 'CLI_ARCHIVE_MALFORMED',
  /** Replaying a block did not reproduce its header (the chain does not verify from genesis). */
  replayMismatch: 'CLI_REPLAY_MISMATCH',
  /** The stored state or history does not match the replayed chain. */
  storeMismatch: 'CLI_STORE_MISMATCH',
  /** `start` cannot listen on the port (in use, or not allowed). */
  portUnavailable: 'CLI_PORT_UNAVAILABLE',
  /** The tx factory of a load run produced a tx the chain would refuse. */
  loadInvalid: 'CLI_LOAD_INVALID',
} as const;

/** One of the CLI's own codes. */
export type CliErrorCode = (typeof CLI_ERRORS)[keyof typeof CLI_ERRORS];

/** Codes that mean "the command line was wrong": exit code 2. */
export const USAGE_CODES: ReadonlySet<string> = new Set([CLI_ERRORS.usage, CLI_ERRORS.jsonInvalid]);

/**
 * Throws a usage error (exit code 2).
 * @throws CLI_USAGE
 * @example if (rate <= 0) usageError('--rate must be a positive integer');
 */
export function usageError(message: string, details: Record<string, string | number> = {}): never {
  throw new GongxinError(CLI_ERRORS.usage, message, details);
}
