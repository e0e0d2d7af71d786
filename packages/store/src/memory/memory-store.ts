// The in-memory LedgerStore (docs/architecture.md §Store): plain maps, for tests. Stores the same canonical
// bytes as the SQLite store and decodes them on read, so both behave alike under the conformance suite.
import { bytesToHex, encodeReceipt, GongxinError } from '@gongxin/core';
import type { BlockRecord, ChainHead, GenesisDoc, HistoryNode, LedgerStore, StoredTx } from '@gongxin/core';
import { checkBlockZero, checkHistoryNodes, checkNextBlock } from '../check-block.js';
import { assertKeyText, assertLimit, compareUtf8 } from '../keys.js';
import { decodeStoredGenesis, decodeStoredHeader, decodeStoredReceipt, encodeGenesis, encodeHeader } from '../record-codec.js';
import { ModuleEntries } from './sorted-keys.js';

interface MemoryBlock {
  readonly header: Uint8Array;
  readonly hash: Uint8Array;
  readonly txs: ReadonlyArray<{ readonly id: Uint8Array; readonly bytes: Uint8Array; readonly receipt: Uint8Array }>;
}

const copy = (b: Uint8Array): Uint8Array => b.slice();

/**
 * A LedgerStore in plain maps. Nothing survives the process; use it in tests and tools.
 * @example
 * const store = new MemoryStore();
 * store.commitGenesis(genesis, block0);
 */
export class MemoryStore implements LedgerStore {
  #genesis: Uint8Array | undefined;
  readonly #blocks: MemoryBlock[] = [];
  readonly #txIndex = new Map<string, { height: number; index: number }>();
  readonly #state = new Map<string, ModuleEntries>();
  readonly #history: HistoryNode[] = [];
  readonly #levelCounts: number[] = [];
  #closed = false;

  #open(): void {
    if (this.#closed) throw new GongxinError('STORE_CLOSED', 'the store is closed');
  }

  /** @throws STORE_CLOSED */
  getGenesis(): GenesisDoc | undefined {
    this.#open();
    return this.#genesis === undefined ? undefined : decodeStoredGenesis(this.#genesis);
  }

  /** @throws STORE_CLOSED, STORE_GENESIS_EXISTS, STORE_HEIGHT_MISMATCH, STORE_TX_COUNT_MISMATCH, STORE_INVALID_KEY, STORE_HISTORY_OUT_OF_ORDER */
  commitGenesis(genesis: GenesisDoc, block0: BlockRecord): void {
    this.#open();
    if (this.#genesis !== undefined || this.#blocks.length > 0) {
      throw new GongxinError('STORE_GENESIS_EXISTS', 'the store already holds a genesis document');
    }
    checkBlockZero(block0);
    const bytes = encodeGenesis(genesis);
    this.#apply(block0);
    this.#genesis = bytes;
  }

  /**
   * @throws STORE_CLOSED, STORE_NO_GENESIS, STORE_HEIGHT_MISMATCH, STORE_PREV_HASH_MISMATCH, STORE_TX_COUNT_MISMATCH,
   *   STORE_INVALID_KEY, STORE_HISTORY_OUT_OF_ORDER
   */
  commitBlock(block: BlockRecord): void {
    this.#open();
    const last = this.#blocks.at(-1);
    checkNextBlock(last === undefined ? undefined : { height: this.#blocks.length - 1, hash: last.hash }, block);
    this.#apply(block);
  }

  /** Validates what is left to validate, encodes everything, then mutates: a throw changes nothing. */
  #apply(block: BlockRecord): void {
    checkHistoryNodes(block.historyNodes, (level) => this.#levelCounts[level] ?? 0);
    const stored: MemoryBlock = {
      header: encodeHeader(block.header),
      hash: copy(block.hash),
      txs: block.txs.map((t) => ({ id: copy(t.id), bytes: copy(t.bytes), receipt: t.receiptBytes ?? encodeReceipt(t.receipt) })),
    };
    const height = this.#blocks.length;
    this.#blocks.push(stored);
    stored.txs.forEach((t, index) => {
      const k = bytesToHex(t.id);
      if (!this.#txIndex.has(k)) this.#txIndex.set(k, { height, index });
    });
    for (const w of block.writes) {
      let entries = this.#state.get(w.module);
      if (w.value === null) {
        entries?.delete(w.key);
        continue;
      }
      if (entries === undefined) {
        entries = new ModuleEntries();
        this.#state.set(w.module, entries);
      }
      entries.set(w.key, copy(w.value));
    }
    for (const n of block.historyNodes) {
      this.#history.push({ level: n.level, index: n.index, hash: copy(n.hash) });
      this.#levelCounts[n.level] = (this.#levelCounts[n.level] ?? 0) + 1;
    }
  }

  /** @throws STORE_CLOSED */
  head(): ChainHead | undefined {
    this.#open();
    return this.getHeader(this.#blocks.length - 1);
  }

  /** @throws STORE_CLOSED */
  getHeader(height: number): ChainHead | undefined {
    this.#open();
    const b = Number.isSafeInteger(height) && height >= 0 ? this.#blocks[height] : undefined;
    return b === undefined ? undefined : { header: decodeStoredHeader(b.header), hash: copy(b.hash) };
  }

  /** @throws STORE_CLOSED */
  getBlockTxIds(height: number): Uint8Array[] {
    this.#open();
    return (this.#blocks[height]?.txs ?? []).map((t) => copy(t.id));
  }

  /** @throws STORE_CLOSED */
  getBlockTxs(height: number): StoredTx[] {
    this.#open();
    return (this.#blocks[height]?.txs ?? []).map((_, index) => this.#storedTx(height, index));
  }

  #storedTx(height: number, index: number): StoredTx {
    const t = this.#blocks[height]!.txs[index]!;
    return { id: copy(t.id), height, index, bytes: copy(t.bytes), receipt: decodeStoredReceipt(t.receipt) };
  }

  /** @throws STORE_CLOSED */
  getTx(txId: Uint8Array): StoredTx | undefined {
    this.#open();
    const at = this.#txIndex.get(bytesToHex(txId));
    return at === undefined ? undefined : this.#storedTx(at.height, at.index);
  }

  /** @throws STORE_CLOSED */
  hasTx(txId: Uint8Array): boolean {
    this.#open();
    return this.#txIndex.has(bytesToHex(txId));
  }

  /** @throws STORE_CLOSED */
  get(module: string, key: string): Uint8Array | undefined {
    this.#open();
    assertKeyText('module', module);
    assertKeyText('key', key);
    const v = this.#state.get(module)?.map.get(key);
    return v === undefined ? undefined : copy(v);
  }

  /** @throws STORE_CLOSED, STORE_INVALID_KEY, STORE_INVALID_LIMIT */
  scan(module: string, prefix: string, after: string | undefined, limit: number): Array<readonly [string, Uint8Array]> {
    this.#open();
    assertKeyText('module', module);
    assertKeyText('prefix', prefix);
    if (after !== undefined) assertKeyText('after', after);
    assertLimit(limit);
    const entries = this.#state.get(module);
    if (entries === undefined || limit === 0) return [];
    const keys = entries.sortedKeys();
    const fromAfter = after !== undefined && compareUtf8(after, prefix) >= 0;
    const out: Array<readonly [string, Uint8Array]> = [];
    for (let i = entries.lowerBound(fromAfter ? after : prefix, fromAfter); i < keys.length && out.length < limit; i++) {
      const k = keys[i]!;
      if (!k.startsWith(prefix)) break;
      out.push([k, copy(entries.map.get(k)!)]);
    }
    return out;
  }

  /** History nodes ordered by (level, index). @throws STORE_CLOSED */
  loadHistoryNodes(): Iterable<HistoryNode> {
    this.#open();
    const nodes = [...this.#history].sort((a, b) => a.level - b.level || a.index - b.index);
    return nodes.map((n) => ({ level: n.level, index: n.index, hash: copy(n.hash) }));
  }

  /** State entries ordered by module, then key (both in UTF-8 order). @throws STORE_CLOSED */
  *loadState(): Iterable<readonly [module: string, key: string, value: Uint8Array]> {
    this.#open();
    for (const module of [...this.#state.keys()].sort(compareUtf8)) {
      const entries = this.#state.get(module)!;
      for (const key of entries.sortedKeys()) {
        const v = entries.map.get(key);
        if (v !== undefined) yield [module, key, copy(v)] as const;
      }
    }
  }

  /** Closes the store; later calls throw STORE_CLOSED. Closing twice is allowed. */
  close(): void {
    this.#closed = true;
  }
}
