// Every prepared statement of the SQLite store, prepared once per connection (docs/architecture.md §Store).
import type BetterSqlite3 from 'better-sqlite3';

type S = BetterSqlite3.Statement;

/** The store's prepared statements, by purpose. */
export interface Statements {
  readonly getGenesis: S;
  readonly putGenesis: S;
  readonly headLink: S;
  readonly head: S;
  readonly getHeader: S;
  readonly putHeader: S;
  readonly putChunk: S;
  readonly getChunk: S;
  readonly getChunks: S;
  readonly putTxId: S;
  readonly getTxId: S;
  readonly putOverflow: S;
  readonly getOverflow: S;
  readonly getState: S;
  readonly putState: S;
  readonly deleteState: S;
  /** scan variants: lower bound inclusive (Ge) or exclusive (Gt), with or without an upper bound (Lt). */
  readonly scanGe: S;
  readonly scanGt: S;
  readonly scanGeLt: S;
  readonly scanGtLt: S;
  readonly historyCount: S;
  readonly putHistory: S;
}

/** Prepares the store's statements (writes prepare on a read-only connection too; running them is refused). */
export function prepareStatements(db: BetterSqlite3.Database): Statements {
  const p = (sql: string): S => db.prepare(sql);
  const w = p;
  const scan = (lower: '>=' | '>', upper: boolean): S =>
    p(`SELECT key, value FROM state WHERE module = ? AND key ${lower} ?${upper ? ' AND key < ?' : ''} ORDER BY key LIMIT ?`).raw();
  return {
    getGenesis: p('SELECT doc FROM genesis WHERE id = 0').pluck(),
    putGenesis: w('INSERT INTO genesis (id, doc) VALUES (0, ?)'),
    headLink: p('SELECT height, hash FROM headers ORDER BY height DESC LIMIT 1'),
    head: p('SELECT height, hash, header FROM headers ORDER BY height DESC LIMIT 1'),
    getHeader: p('SELECT height, hash, header FROM headers WHERE height = ?'),
    putHeader: w('INSERT INTO headers (height, hash, header) VALUES (?, ?, ?)'),
    putChunk: w('INSERT INTO tx_chunks (pos, data) VALUES (?, ?)'),
    getChunk: p('SELECT data FROM tx_chunks WHERE pos = ?').pluck(),
    getChunks: p('SELECT data FROM tx_chunks WHERE pos >= ? AND pos < ? ORDER BY pos').pluck(),
    putTxId: w('INSERT INTO tx_ids (prefix, height, idx) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    getTxId: p('SELECT height, idx FROM tx_ids WHERE prefix = ?').raw(),
    putOverflow: w('INSERT INTO tx_id_overflow (id, height, idx) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    getOverflow: p('SELECT height, idx FROM tx_id_overflow WHERE id = ?').raw(),
    getState: p('SELECT value FROM state WHERE module = ? AND key = ?').pluck(),
    putState: w('INSERT INTO state (module, key, value) VALUES (?, ?, ?) ON CONFLICT (module, key) DO UPDATE SET value = excluded.value'),
    deleteState: w('DELETE FROM state WHERE module = ? AND key = ?'),
    scanGe: scan('>=', false),
    scanGt: scan('>', false),
    scanGeLt: scan('>=', true),
    scanGtLt: scan('>', true),
    historyCount: p('SELECT idx + 1 FROM history WHERE level = ? ORDER BY idx DESC LIMIT 1').pluck(),
    putHistory: w('INSERT INTO history (level, idx, hash) VALUES (?, ?, ?)'),
  };
}
