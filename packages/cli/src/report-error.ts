// How failures reach the user (docs/cli.md §Errors): `error CODE: message`, the error's details, and a hint of
// what to do. No stack trace for a GongxinError (an expected failure); one for anything else (a bug).
import { isGongxinError } from '@gongxin/core';
import { USAGE_CODES } from './errors.js';

/** What to try next, by code. */
const HINTS: Readonly<Record<string, string>> = {
  CLI_USAGE: 'see the usage with --help',
  CLI_JSON_INVALID: 'pass JSON with integers only, e.g. --args \'{"amount":100}\' (quote it for the shell)',
  CLI_DATA_DIR_EXISTS: 'pick another --data-dir, or remove the directory if you mean to start over',
  CLI_LEDGER_MISSING: 'is --data-dir right? A peer creates ledger.sqlite on its first start ("gongxin start")',
  CLI_PASSWORD_REQUIRED: 'pass --password or set GONGXIN_KEY_PASSWORD (the CLI never prompts)',
  CLI_KEY_EXISTS: 'choose another --name, or remove the existing key file first',
  CLI_FILE_EXISTS: 'choose another --out path; key files are never overwritten',
  CLI_FILE_UNREADABLE: 'check the path and its permissions',
  CLI_PROOF_FILE_INVALID: 'save proofs with "gongxin tx-proof TXID --out FILE" or "gongxin state MODULE KEY --out FILE"',
  CLI_ARCHIVE_MALFORMED: 'the archive is damaged or truncated: export it again with "gongxin export"',
  CLI_REPLAY_MISMATCH: 'the chain does not verify from genesis: do not trust this ledger copy',
  CLI_STORE_MISMATCH: 'the stored ledger differs from its own replay: restore it from another peer or an archive',
  CLI_PORT_UNAVAILABLE: 'another process may be listening there: pick another --port (0 picks a free one) or stop it',
  CLI_LOAD_INVALID: 'check the tx factory (module, command, args) against the chain',
  SDK_SUBMIT_FAILED: 'is a peer running there? Start one with "gongxin start", or pass --url / set GONGXIN_URL',
  SDK_ABORTED: 'the command was interrupted',
  SDK_BAD_RESPONSE: 'the peer answered something unexpected: is --url a Gongxin peer of a compatible version?',
  SDK_COMMIT_TIMEOUT: 'the tx may still commit before it expires: check with "gongxin tx-proof TXID"',
  SDK_PROOF_INVALID: 'the proof does not check out: do not rely on what it claims',
  SDK_INVALID_ARGUMENT: 'check the command arguments (see --help)',
  SDK_SIGNER_INVALID: 'the key file does not match its public key: re-import or regenerate it',
  SDK_REJECTED: 'the peer refused the request',
  KEYFILE_BAD_PASSWORD: 'pass the right --password or set GONGXIN_KEY_PASSWORD (dev data dirs use "gongxin-dev")',
  KEYFILE_CORRUPT: 'the key file is damaged or was tampered with: restore it from a backup',
  KEYFILE_UNSUPPORTED: 'this key file was written by another version or tool',
  PEER_KEY_NOT_FOUND: 'list the keys with "gongxin keys list", or pass a key file path to --as',
  PEER_GENESIS_MISSING: 'create a chain with "gongxin init" (or "gongxin start", which does it on first start)',
  PEER_GENESIS_MISMATCH: 'this data directory holds another chain',
  TX_UNAUTHORIZED: 'sign with a key that holds one of the roles (see "gongxin keys list")',
  TX_UNKNOWN_MODULE: 'list the modules with "gongxin status"; module names are case-sensitive',
  TX_UNKNOWN_COMMAND: 'check the command name in the module README',
  TX_INVALID_ARGS: 'check --args against the command schema in the module README',
  TX_DUPLICATE: 'this exact transaction was already submitted',
  TX_NOT_FOUND: 'the peer does not know this tx (yet): check the id, or wait for it to commit',
  QUERY_INVALID_PARAMS: 'check --params against the query schema in the module README',
};

/** The hint for an error code, if there is one. */
export function hintFor(code: string): string | undefined {
  return HINTS[code];
}

/** Exit code for an error: 2 for usage errors, 1 otherwise. */
export function exitCodeFor(e: unknown): number {
  return isGongxinError(e) && USAGE_CODES.has(e.code) ? 2 : 1;
}

/**
 * The lines printed on stderr for a failure.
 * @example formatError(new GongxinError('TX_UNAUTHORIZED', 'needs admin')) // ['error TX_UNAUTHORIZED: needs admin', 'hint: …']
 */
export function formatError(e: unknown): string[] {
  if (isGongxinError(e)) {
    const lines = [`error ${e.code}: ${e.message}`];
    for (const [k, v] of Object.entries(e.details)) lines.push(`  ${k}: ${String(v)}`);
    const hint = hintFor(e.code);
    if (hint !== undefined) lines.push(`hint: ${hint}`);
    return lines;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return [`error INTERNAL: ${err.message}`, ...(err.stack ?? '').split('\n').slice(1), 'hint: this is a bug in gongxin; please report it with the command line'];
}
