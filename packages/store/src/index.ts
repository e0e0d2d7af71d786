// @gongxin/store: LedgerStore implementations — SQLite (better-sqlite3, WAL) for peers, memory for tests.
export { MemoryStore } from './memory/memory-store.js';
export { SqliteStore, openSqliteStore } from './sqlite/sqlite-store.js';
export type { OpenSqliteStoreParams } from './sqlite/sqlite-store.js';
export type { SqliteSynchronous, SqliteTuning } from './sqlite/pragmas.js';
export { SCHEMA_VERSION } from './sqlite/schema.js';
export { compareUtf8, prefixUpperBound } from './keys.js';
