// Opening a data directory's SQLite ledger for reading (export, verifyChain) or for a fresh import; the only file
// that loads @gongxin/store, on demand.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GongxinError, type LedgerStore } from '@gongxin/core';
import { CLI_ERRORS } from '../errors.js';

/** The ledger file of a data directory (node data-dir.ts layout). */
export function ledgerPath(dataDir: string): string {
  return join(dataDir, 'ledger.sqlite');
}

/**
 * Opens an existing ledger. Read-only: a peer may keep running on it (SQLite WAL lets this read committed blocks meanwhile).
 * @throws CLI_LEDGER_MISSING
 * @example const store = await openExistingLedger('./data'); try { … } finally { store.close(); }
 */
export async function openExistingLedger(dataDir: string): Promise<LedgerStore> {
  const path = ledgerPath(dataDir);
  if (!existsSync(path)) throw new GongxinError(CLI_ERRORS.ledgerMissing, `no ledger at ${path}`, { path });
  const { openSqliteStore } = await import('@gongxin/store');
  return openSqliteStore({ path, readonly: true });
}

/**
 * Creates the ledger of a new data directory.
 * @throws CLI_DATA_DIR_EXISTS when there is one already
 */
export async function createLedger(dataDir: string): Promise<LedgerStore> {
  const path = ledgerPath(dataDir);
  if (existsSync(path)) throw new GongxinError(CLI_ERRORS.dataDirExists, `${path} already exists`, { path });
  const { openSqliteStore } = await import('@gongxin/store');
  return openSqliteStore({ path });
}
