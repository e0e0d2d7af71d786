// The SQLite LedgerStore on better-sqlite3 (docs/architecture.md §Storage): one immediate transaction per
// block, prepared statements, WAL. After a crash the file holds a prefix of whole blocks.
import { GongxinError, isGongxinError } from '@gongxin/core';
import type { BlockRecord, ChainHead, GenesisDoc, HistoryNode, LedgerStore, StoredTx } from '@gongxin/core';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { checkBlockZero, checkHistoryNodes, checkNextBlock } from '../check-block.js';
import type { HeadLink } from '../check-block.js';
import { assertKeyText, assertLimit, compareUtf8, prefixUpperBound } from '../keys.js';
import { decodeStoredGenesis, decodeStoredHeader, decodeStoredReceipt, encodeGenesis } from '../record-codec.js';
import { unpackTxChunk } from '../tx-chunk.js';
import { blockRows, writeBlockRows } from './block-rows.js';
import type { BlockRows } from './block-rows.js';
import { plainBytes as u8 } from './plain-bytes.js';
import { applyPragmas } from './pragmas.js';
import type { SqliteTuning } from './pragmas.js';
import { assertSchema, migrate } from './schema.js';
import { prepareStatements } from './statements.js';
import type { Statements } from './statements.js';
import { blockChunkRange, locateTx } from './tx-locator.js';

/** Where and how to open a ledger file. */
export interface OpenSqliteStoreParams extends SqliteTuning {
  /** The database file; created (with its directory's WAL files) unless `readonly`. */
  readonly path: string;
  /** Open for reading only: the file must exist and be at the current schema version. */
  readonly readonly?: boolean;
}


function ioError(e: unknown): unknown {
  if (!(e instanceof Database.SqliteError)) return e;
  return new GongxinError('STORE_IO', `SQLite failed: ${e.message}`, { sqliteCode: e.code }, { cause: e });
}

/** Runs `fn`, turning SQLite failures into STORE_IO (GongxinErrors and bugs pass through). */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw ioError(e);
  }
}

/**
 * The SQLite ledger store. One writer per file; readers may open it `readonly` from other processes.
 * @example
 * const store = new SqliteStore({ path: 'data/ledger.db' });
 */
export class SqliteStore implements LedgerStore {
  readonly path: string;
  readonly readonly: boolean;
  readonly #db: BetterSqlite3.Database;
  readonly #s: Statements;
  readonly #commitBlock: (rows: BlockRows) => void;
  readonly #commitGenesis: (genesis: Uint8Array, rows: BlockRows) => void;
  #closed = false;

  /** Opens (creating and migrating if writable) the ledger at `params.path`. @throws STORE_OPEN_FAILED, STORE_NOT_A_LEDGER, STORE_SCHEMA_VERSION */
  constructor(params: OpenSqliteStoreParams) {
    this.path = params.path;
    this.readonly = params.readonly === true;
    let db: BetterSqlite3.Database;
    try {
      db = new Database(params.path, { readonly: this.readonly, fileMustExist: this.readonly });
    } catch (e) {
      throw new GongxinError('STORE_OPEN_FAILED', `cannot open ledger file ${params.path}`, { path: params.path }, { cause: e });
    }
    try {
      applyPragmas(db, this.readonly, params);
      if (this.readonly) assertSchema(db, params.path);
      else migrate(db, params.path);
      this.#s = prepareStatements(db);
    } catch (e) {
      db.close();
      if (isGongxinError(e)) throw e;
      throw new GongxinError('STORE_OPEN_FAILED', `cannot open ledger file ${params.path}`, { path: params.path }, { cause: e });
    }
    this.#db = db;
    const s = this.#s;
    // IMMEDIATE: take the write lock first, so the head read for the checks is the head written after.
    const next = db.transaction((rows: BlockRows) => {
      checkNextBlock(this.#headLink(), rows.block);
      checkHistoryNodes(rows.block.historyNodes, (level) => this.#historyCount(level));
      writeBlockRows(s, rows);
    });
    this.#commitBlock = (rows) => next.immediate(rows);
    const first = db.transaction((genesis: Uint8Array, rows: BlockRows) => {
      if (s.getGenesis.get() !== undefined || this.#headLink() !== undefined) {
        throw new GongxinError('STORE_GENESIS_EXISTS', `${this.path} already holds a genesis document`, { path: this.path });
      }
      checkBlockZero(rows.block);
      checkHistoryNodes(rows.block.historyNodes, (level) => this.#historyCount(level));
      s.putGenesis.run(genesis);
      writeBlockRows(s, rows);
    });
    this.#commitGenesis = (genesis, rows) => first.immediate(genesis, rows);
  }

  #open(): Statements {
    if (this.#closed) throw new GongxinError('STORE_CLOSED', `the store ${this.path} is closed`, { path: this.path });
    return this.#s;
  }

  #writable(): void {
    this.#open();
    if (this.readonly) throw new GongxinError('STORE_READONLY', `the store ${this.path} was opened read-only`, { path: this.path });
  }

  #headLink(): HeadLink | undefined {
    const row = this.#s.headLink.get() as { height: number; hash: Uint8Array } | undefined;
    return row === undefined ? undefined : { height: row.height, hash: u8(row.hash) };
  }

  #historyCount(level: number): number {
    return (this.#s.historyCount.get(level) as number | undefined) ?? 0;
  }

  /** @throws STORE_CLOSED, STORE_CORRUPT, STORE_IO */
  getGenesis(): GenesisDoc | undefined {
    const s = this.#open();
    const doc = guard(() => s.getGenesis.get() as Uint8Array | undefined);
    return doc === undefined ? undefined : decodeStoredGenesis(u8(doc));
  }

  /** @throws STORE_CLOSED, STORE_READONLY, STORE_GENESIS_EXISTS, STORE_HEIGHT_MISMATCH, STORE_TX_COUNT_MISMATCH, STORE_INVALID_KEY, STORE_HISTORY_OUT_OF_ORDER, STORE_IO */
  commitGenesis(genesis: GenesisDoc, block0: BlockRecord): void {
    this.#writable();
    const doc = encodeGenesis(genesis);
    const rows = blockRows(block0);
    guard(() => {
      this.#commitGenesis(doc, rows);
    });
  }

  /**
   * Commits the next block in one transaction.
   * @throws STORE_CLOSED, STORE_READONLY, STORE_NO_GENESIS, STORE_HEIGHT_MISMATCH, STORE_PREV_HASH_MISMATCH,
   *   STORE_TX_COUNT_MISMATCH, STORE_INVALID_KEY, STORE_HISTORY_OUT_OF_ORDER, STORE_CORRUPT, STORE_IO; core's ENCODING_*
   *   codes for a header or receipt that has no canonical encoding
   */
  commitBlock(block: BlockRecord): void {
    this.#writable();
    const rows = blockRows(block);
    guard(() => {
      this.#commitBlock(rows);
    });
  }

  #chainHead(row: { hash: Uint8Array; header: Uint8Array } | undefined): ChainHead | undefined {
    return row === undefined ? undefined : { header: decodeStoredHeader(u8(row.header)), hash: u8(row.hash) };
  }

  /** @throws STORE_CLOSED, STORE_CORRUPT, STORE_IO */
  head(): ChainHead | undefined {
    const s = this.#open();
    return this.#chainHead(guard(() => s.head.get() as { hash: Uint8Array; header: Uint8Array } | undefined));
  }

  /** @throws STORE_CLOSED, STORE_CORRUPT, STORE_IO */
  getHeader(height: number): ChainHead | undefined {
    const s = this.#open();
    if (!Number.isSafeInteger(height)) return undefined;
    return this.#chainHead(guard(() => s.getHeader.get(height) as { hash: Uint8Array; header: Uint8Array } | undefined));
  }

  #blockChunks(height: number): Uint8Array[] {
    const s = this.#open();
    if (!Number.isSafeInteger(height) || height < 0) return [];
    const [from, to] = blockChunkRange(height);
    return guard(() => s.getChunks.all(from, to) as Uint8Array[]).map(u8);
  }

  /** @throws STORE_CLOSED, STORE_CORRUPT, STORE_IO */
  getBlockTxIds(height: number): Uint8Array[] {
    return this.#blockChunks(height).flatMap((c) => unpackTxChunk(c).map((t) => t.id.slice()));
  }

  /** @throws STORE_CLOSED, STORE_CORRUPT, STORE_IO */
  getBlockTxs(height: number): StoredTx[] {
    const out: StoredTx[] = [];
    for (const c of this.#blockChunks(height)) {
      for (const t of unpackTxChunk(c)) {
        out.push({ id: t.id.slice(), height, index: out.length, bytes: t.bytes.slice(), receipt: decodeStoredReceipt(t.receipt) });
      }
    }
    return out;
  }

  /** @throws STORE_CLOSED, STORE_CORRUPT, STORE_IO */
  getTx(txId: Uint8Array): StoredTx | undefined {
    const s = this.#open();
    const at = guard(() => locateTx(s, txId));
    if (at === undefined) return undefined;
    return { id: at.tx.id.slice(), height: at.height, index: at.index, bytes: at.tx.bytes.slice(), receipt: decodeStoredReceipt(at.tx.receipt) };
  }

  /** @throws STORE_CLOSED, STORE_CORRUPT, STORE_IO */
  hasTx(txId: Uint8Array): boolean {
    const s = this.#open();
    return guard(() => locateTx(s, txId)) !== undefined;
  }

  /** @throws STORE_CLOSED, STORE_INVALID_KEY, STORE_IO */
  get(module: string, key: string): Uint8Array | undefined {
    const s = this.#open();
    assertKeyText('module', module);
    assertKeyText('key', key);
    const v = guard(() => s.getState.get(module, key) as Uint8Array | undefined);
    return v === undefined ? undefined : u8(v);
  }

  /** @throws STORE_CLOSED, STORE_INVALID_KEY, STORE_INVALID_LIMIT, STORE_IO */
  scan(module: string, prefix: string, after: string | undefined, limit: number): Array<readonly [string, Uint8Array]> {
    const s = this.#open();
    assertKeyText('module', module);
    const upper = prefixUpperBound(prefix);
    if (after !== undefined) assertKeyText('after', after);
    assertLimit(limit);
    if (limit === 0) return [];
    const fromAfter = after !== undefined && compareUtf8(after, prefix) >= 0;
    const lower = fromAfter ? after : prefix;
    const rows = guard(() => {
      if (upper === undefined) return (fromAfter ? s.scanGt : s.scanGe).all(module, lower, limit);
      return (fromAfter ? s.scanGtLt : s.scanGeLt).all(module, lower, upper, limit);
    }) as Array<[string, Uint8Array]>;
    return rows.map(([k, v]) => [k, u8(v)] as const);
  }

  /**
   * History nodes in (level, index) order, read lazily. Do not commit before the iteration ends.
   * @throws STORE_CLOSED, STORE_IO
   */
  *loadHistoryNodes(): Iterable<HistoryNode> {
    this.#open();
    const rows = guard(() => this.#db.prepare('SELECT level, idx, hash FROM history ORDER BY level, idx').raw().iterate()) as Iterator<[number, number, Uint8Array]>;
    try {
      for (;;) {
        const r = guard(() => rows.next());
        if (r.done === true) return;
        yield { level: r.value[0], index: r.value[1], hash: u8(r.value[2]) };
      }
    } finally {
      rows.return?.(); // an abandoned loop frees the statement
    }
  }

  /**
   * Every state entry in (module, key) UTF-8 order, read lazily. Do not commit before the iteration ends.
   * @throws STORE_CLOSED, STORE_IO
   */
  *loadState(): Iterable<readonly [module: string, key: string, value: Uint8Array]> {
    this.#open();
    const rows = guard(() => this.#db.prepare('SELECT module, key, value FROM state ORDER BY module, key').raw().iterate()) as Iterator<
      [string, string, Uint8Array]
    >;
    try {
      for (;;) {
        const r = guard(() => rows.next());
        if (r.done === true) return;
        yield [r.value[0], r.value[1], u8(r.value[2])] as const;
      }
    } finally {
      rows.return?.();
    }
  }

  /** Closes the connection (checkpointing the WAL). Closing twice is allowed. @throws STORE_IO */
  close(): void {
    if (this.#closed) return;
    guard(() => this.#db.close());
    this.#closed = true;
  }
}

/**
 * Opens a SQLite ledger store.
 * @throws STORE_OPEN_FAILED, STORE_NOT_A_LEDGER, STORE_SCHEMA_VERSION
 * @example
 * const store = openSqliteStore({ path: 'data/ledger.db' });
 * const head = store.head();
 */
export function openSqliteStore(params: OpenSqliteStoreParams): SqliteStore {
  return new SqliteStore(params);
}
