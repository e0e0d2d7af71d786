// The SQLite ledger schema and its migrations (docs/architecture.md §Store). Version 1 layout:
// headers by height; a block's txs packed in chunks of 64 (append-only rows); a compact tx-id index keyed by
// the id's first 8 bytes as an INTEGER, with an overflow table for ids sharing those bytes; state by
// (module, key) WITHOUT ROWID for ordered prefix scans; history-tree nodes by (level, index).
import { GongxinError } from '@gongxin/core';
import type BetterSqlite3 from 'better-sqlite3';

/** 'GXL1': marks a file as a Gongxin ledger (PRAGMA application_id). */
export const APPLICATION_ID = 0x47584c31;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE genesis (id INTEGER PRIMARY KEY CHECK (id = 0), doc BLOB NOT NULL);
   CREATE TABLE headers (height INTEGER PRIMARY KEY, hash BLOB NOT NULL, header BLOB NOT NULL);
   CREATE TABLE tx_chunks (pos INTEGER PRIMARY KEY, data BLOB NOT NULL);
   CREATE TABLE tx_ids (prefix INTEGER PRIMARY KEY, height INTEGER NOT NULL, idx INTEGER NOT NULL);
   CREATE TABLE tx_id_overflow (id BLOB PRIMARY KEY, height INTEGER NOT NULL, idx INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE state (module TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (module, key)) WITHOUT ROWID;
   CREATE TABLE history (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;`,
];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.length;

function readVersion(db: BetterSqlite3.Database): { appId: number; version: number; tables: number } {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
  const hasVersion = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'schema_version'").pluck().get() as number;
  const version = hasVersion === 0 ? 0 : ((db.prepare('SELECT version FROM schema_version WHERE id = 0').pluck().get() as number | undefined) ?? 0);
  return { appId, version, tables };
}

function assertOurs(path: string, v: { appId: number; tables: number }): void {
  if (v.tables > 0 && v.appId !== APPLICATION_ID) {
    throw new GongxinError('STORE_NOT_A_LEDGER', `${path} is an SQLite file of another application`, { path, applicationId: v.appId });
  }
}

function versionError(path: string, found: number, why: string): GongxinError {
  return new GongxinError('STORE_SCHEMA_VERSION', `${path} has ledger schema version ${found}: ${why}`, { path, found, supported: SCHEMA_VERSION });
}

/**
 * Brings a writable database to SCHEMA_VERSION, applying the missing migrations in one transaction.
 * @throws STORE_NOT_A_LEDGER, STORE_SCHEMA_VERSION (the file is newer than this code)
 */
export function migrate(db: BetterSqlite3.Database, path: string): void {
  db.transaction(() => {
    const v = readVersion(db);
    assertOurs(path, v);
    if (v.version > SCHEMA_VERSION) throw versionError(path, v.version, 'written by a newer Gongxin');
    if (v.version === SCHEMA_VERSION) return;
    if (v.version === 0) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec('CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 0), version INTEGER NOT NULL)');
      db.exec('INSERT INTO schema_version VALUES (0, 0)');
    }
    for (let i = v.version; i < SCHEMA_VERSION; i++) db.exec(MIGRATIONS[i]!);
    db.prepare('UPDATE schema_version SET version = ? WHERE id = 0').run(SCHEMA_VERSION);
  }).immediate();
}

/**
 * Asserts a read-only database is a ledger at exactly SCHEMA_VERSION (a reader cannot migrate).
 * @throws STORE_NOT_A_LEDGER, STORE_SCHEMA_VERSION
 */
export function assertSchema(db: BetterSqlite3.Database, path: string): void {
  const v = readVersion(db);
  assertOurs(path, v);
  if (v.version !== SCHEMA_VERSION) throw versionError(path, v.version, 'open it writable once to migrate it');
}
