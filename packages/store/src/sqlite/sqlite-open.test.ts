// SQLite-specific behaviour: read-only handles, foreign or newer files, damaged rows, WAL durability settings.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { isGongxinError } from '@gongxin/core';
import { createTestChain, resumeTestChain } from '../test-chain.js';
import { SCHEMA_VERSION } from './schema.js';
import { openSqliteStore } from './sqlite-store.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-store-open-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});
let n = 0;
const fresh = (): string => join(root, `db-${n++}.db`);
const code = (c: string) => (e: unknown) => isGongxinError(e, c);

function seeded(): string {
  const path = fresh();
  const store = openSqliteStore({ path, synchronous: 'FULL' });
  const chain = createTestChain();
  store.commitGenesis(chain.genesis, chain.block0({ txs: 2, writes: [{ module: 'm', key: 'k', value: new Uint8Array([1]) }] }));
  store.commitBlock(chain.next({ txs: 3 }));
  store.close();
  return path;
}

test('a read-only handle reads what the writer committed and refuses to write', () => {
  const path = seeded();
  const writer = openSqliteStore({ path });
  const reader = openSqliteStore({ path, readonly: true });
  try {
    assert.equal(reader.head()?.header.height, 1);
    assert.deepEqual(reader.get('m', 'k'), new Uint8Array([1]));
    const b2 = resumeTestChain(writer).next({ txs: 1 });
    assert.throws(() => reader.commitBlock(b2), code('STORE_READONLY'));
    writer.commitBlock(b2);
    assert.equal(reader.head()?.header.height, 2); // a reader sees later commits
    assert.equal(reader.hasTx(b2.txs[0]!.id), true);
  } finally {
    reader.close();
    writer.close();
  }
});

test('missing, foreign and newer files are refused with stable codes', () => {
  assert.throws(() => openSqliteStore({ path: join(root, 'absent.db'), readonly: true }), code('STORE_OPEN_FAILED'));
  assert.throws(() => openSqliteStore({ path: join(root, 'no-such-dir', 'x.db') }), code('STORE_OPEN_FAILED'));
  const foreign = fresh();
  const db = new Database(foreign);
  db.exec('CREATE TABLE notes (x)');
  db.close();
  assert.throws(() => openSqliteStore({ path: foreign }), code('STORE_NOT_A_LEDGER'));
  const newer = seeded();
  const raw = new Database(newer);
  raw.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
  raw.close();
  assert.throws(() => openSqliteStore({ path: newer }), code('STORE_SCHEMA_VERSION'));
  assert.throws(() => openSqliteStore({ path: newer, readonly: true }), code('STORE_SCHEMA_VERSION'));
  const empty = fresh();
  new Database(empty).close();
  assert.throws(() => openSqliteStore({ path: empty, readonly: true }), code('STORE_SCHEMA_VERSION'));
});

test('damaged rows are reported as STORE_CORRUPT, not decoded into garbage', () => {
  const path = seeded();
  const raw = new Database(path);
  raw.prepare('UPDATE headers SET header = ? WHERE height = 1').run(new Uint8Array([0xa1, 0x61]));
  raw.prepare('UPDATE tx_chunks SET data = substr(data, 1, 20)').run();
  raw.close();
  const store = openSqliteStore({ path });
  try {
    assert.throws(() => store.head(), code('STORE_CORRUPT'));
    assert.throws(() => store.getBlockTxs(1), code('STORE_CORRUPT'));
    assert.throws(() => store.getTx(createTestChain().block0({ txs: 2 }).txs[1]!.id), code('STORE_CORRUPT'));
    assert.equal(store.getHeader(0)?.header.height, 0);
  } finally {
    store.close();
  }
});

test('the file is in WAL mode and tagged as a Gongxin ledger', () => {
  const path = seeded();
  const raw = new Database(path, { readonly: true });
  try {
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(raw.pragma('application_id', { simple: true }), 0x47584c31);
    assert.equal(raw.prepare('SELECT version FROM schema_version').pluck().get(), SCHEMA_VERSION);
  } finally {
    raw.close();
  }
});

test('a lock held elsewhere fails the commit with STORE_IO and leaves the store usable', () => {
  const path = seeded();
  const store = openSqliteStore({ path, busyTimeoutMs: 20 });
  const other = new Database(path);
  try {
    const b2 = resumeTestChain(store).next({ txs: 2 });
    other.exec('BEGIN IMMEDIATE');
    assert.throws(
      () => store.commitBlock(b2),
      (e: unknown) => isGongxinError(e, 'STORE_IO') && e.details.sqliteCode === 'SQLITE_BUSY',
    );
    other.exec('ROLLBACK');
    assert.equal(store.head()?.header.height, 1);
    store.commitBlock(b2);
    assert.equal(store.head()?.header.height, 2);
  } finally {
    other.close();
    store.close();
  }
});
