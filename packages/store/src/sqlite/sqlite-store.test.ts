// The SQLite store against the LedgerStore conformance suite (with reopen), in a temp directory per store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { LedgerStore } from '@gongxin/core';
import { registerLedgerStoreConformance } from '../conformance.js';
import { openSqliteStore, SqliteStore } from './sqlite-store.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-store-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});
let n = 0;

registerLedgerStoreConformance('sqlite', {
  create: () => openSqliteStore({ path: join(root, `ledger-${n++}.db`) }),
  reopen: (store: LedgerStore) => {
    if (!(store instanceof SqliteStore)) throw new Error('not a SqliteStore');
    store.close();
    return openSqliteStore({ path: store.path });
  },
});
