// File helpers with the CLI's error codes: read JSON, write without overwriting (key files), write atomically.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { GongxinError } from '@gongxin/core';
import { CLI_ERRORS } from './errors.js';

/**
 * Reads and parses a JSON file.
 * @throws CLI_FILE_UNREADABLE (missing, unreadable), `badJsonCode` (not JSON)
 * @example const kf = readJsonFile('key.json');
 */
export function readJsonFile(path: string, badJsonCode: string = CLI_ERRORS.fileUnreadable): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new GongxinError(CLI_ERRORS.fileUnreadable, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { path });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new GongxinError(badJsonCode, `${path} is not JSON: ${e instanceof Error ? e.message : String(e)}`, { path });
  }
}

/**
 * Creates a file that must not exist yet (key files are never overwritten).
 * @throws CLI_FILE_EXISTS, CLI_FILE_UNREADABLE (cannot write)
 * @example writeNewFile('alice.key.json', JSON.stringify(kf), 0o600);
 */
export function writeNewFile(path: string, text: string, mode = 0o644): void {
  try {
    writeFileSync(path, text, { flag: 'wx', mode });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new GongxinError(CLI_ERRORS.fileExists, `${path} already exists`, { path });
    throw new GongxinError(CLI_ERRORS.fileUnreadable, `cannot write ${path}: ${code ?? String(e)}`, { path });
  }
}

/**
 * Writes a file through a temporary name and a rename, so readers never see half of it.
 * @throws CLI_FILE_UNREADABLE
 * @example writeFileAtomic('proof.json', JSON.stringify(proof, null, 2));
 */
export function writeFileAtomic(path: string, text: string | Uint8Array, mode = 0o644): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text, { mode });
    renameSync(tmp, path);
  } catch (e) {
    throw new GongxinError(CLI_ERRORS.fileUnreadable, `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { path });
  }
}
