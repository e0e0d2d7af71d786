// Keys of a data directory (keys/index.json + encrypted key files, as node's data-dir writes them) and key files
// given by path. Private keys are decrypted only to build a signer and are never printed.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GongxinError, type SuiteId, type SyncSigner } from '@gongxin/core';
import { createSigner, decryptKeyFile } from '@gongxin/crypto';
import type { KeyIndexEntry } from '@gongxin/node';
import type { CliContext } from './context.js';
import { CLI_ERRORS } from './errors.js';
import { readJsonFile } from './files.js';
import { loadNodeApi } from './node-api.js';
import { absPath } from './options.js';

/** A signer ready to use, and what it is. */
export interface LoadedSigner {
  readonly name: string;
  readonly suite: SuiteId;
  readonly publicKey: Uint8Array;
  readonly signer: SyncSigner;
}

/**
 * The password of a data directory's key files: --password, else GONGXIN_KEY_PASSWORD, else the dev password.
 * @example const pw = await dataDirPassword(ctx, opts.password);
 */
export async function dataDirPassword(ctx: CliContext, given: string | undefined): Promise<string> {
  return given ?? ctx.env.GONGXIN_KEY_PASSWORD ?? (await loadNodeApi()).DEV_KEY_PASSWORD;
}

/**
 * A password that must be given (no default): the option, else the environment variable.
 * @throws CLI_PASSWORD_REQUIRED
 * @example requirePassword(ctx, opts.password, 'GONGXIN_KEY_PASSWORD', '--password')
 */
export function requirePassword(ctx: CliContext, given: string | undefined, envName: string, option: string): string {
  const pw = given ?? ctx.env[envName];
  if (pw === undefined || pw === '') {
    throw new GongxinError(CLI_ERRORS.passwordRequired, `a password is needed: pass ${option} or set ${envName}`, { option, env: envName });
  }
  return pw;
}

/** True when `as` names a key file rather than a key of the data directory. */
export function isKeyPath(as: string): boolean {
  return as.includes('/') || as.includes('\\') || as.endsWith('.json');
}

/**
 * Decrypts a key (a name in the data directory, or a key file path) and makes a signer of it.
 * @throws PEER_KEY_NOT_FOUND, KEYFILE_BAD_PASSWORD, KEYFILE_CORRUPT, CLI_FILE_UNREADABLE
 * @example const { signer } = await loadSigner(ctx, { as: 'hubei-cdc-admin', dataDir: './data' });
 */
export async function loadSigner(ctx: CliContext, p: { readonly as: string; readonly dataDir: string; readonly password?: string | undefined }): Promise<LoadedSigner> {
  const password = await dataDirPassword(ctx, p.password);
  let pair;
  if (isKeyPath(p.as)) {
    pair = decryptKeyFile(readJsonFile(absPath(ctx, p.as)), password);
  } else {
    pair = (await loadNodeApi()).loadKey(absPath(ctx, p.dataDir), p.as, password);
  }
  const signer = createSigner(pair.suite, pair.privateKey);
  pair.privateKey.fill(0);
  return { name: p.as, suite: pair.suite, publicKey: signer.publicKey, signer };
}

/**
 * Reads keys/index.json of a data directory (empty when there is none).
 * @throws CLI_FILE_UNREADABLE when it exists but is not JSON
 */
export function readIndex(dataDir: string): KeyIndexEntry[] {
  const path = join(dataDir, 'keys', 'index.json');
  if (!existsSync(path)) return [];
  const v = readJsonFile(path);
  if (!Array.isArray(v)) throw new GongxinError(CLI_ERRORS.fileUnreadable, `${path} is not a key index (expected a JSON array)`, { path });
  return v as KeyIndexEntry[];
}

/** Writes keys/index.json (the directory must exist). */
export function writeIndex(dataDir: string, entries: readonly KeyIndexEntry[]): void {
  writeFileSync(join(dataDir, 'keys', 'index.json'), JSON.stringify(entries, null, 2) + '\n');
}

/**
 * The public facts of a key file without decrypting it: its suite and public key fields.
 * @throws CLI_FILE_UNREADABLE
 */
export function keyFilePublic(path: string): { suite: string; publicKey: string } {
  const v = readJsonFile(path) as { suite?: unknown; publicKey?: unknown } | null;
  if (v === null || typeof v !== 'object' || typeof v.suite !== 'string' || typeof v.publicKey !== 'string') {
    throw new GongxinError(CLI_ERRORS.fileUnreadable, `${path} is not a Gongxin key file`, { path });
  }
  return { suite: v.suite, publicKey: v.publicKey };
}

