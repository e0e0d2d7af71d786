// The ledger store interface (docs/architecture.md §Store). Core declares it; @gongxin/store implements it
// (SQLite and memory). Every method is synchronous: better-sqlite3 is, and the executor must not yield mid-block.
import type { GenesisDoc } from './genesis.js';
import type { BlockHeader } from './header.js';
import type { HistoryNode } from './merkle/index.js';
import type { Receipt } from './receipt.js';
import type { StateReader, StateWrite } from './state-reader.js';


/** One tx as stored: where it is, its bytes and its receipt. */
export interface StoredTx {
  readonly id: Uint8Array;
  readonly height: number;
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly receipt: Receipt;
}

/** Everything one block changes, committed atomically. */
export interface BlockRecord {
  readonly header: BlockHeader;
  readonly hash: Uint8Array;
  /** `receiptBytes`, when given, must be encodeReceipt(receipt): stores use it instead of encoding again. */
  readonly txs: ReadonlyArray<{ readonly id: Uint8Array; readonly bytes: Uint8Array; readonly receipt: Receipt; readonly receiptBytes?: Uint8Array }>;
  readonly writes: readonly StateWrite[];
  /** History-tree nodes created by appending this block's header hash. */
  readonly historyNodes: readonly HistoryNode[];
}

/** The head of the stored chain. */
export interface ChainHead {
  readonly header: BlockHeader;
  readonly hash: Uint8Array;
}

/**
 * The ledger store. `commitBlock` is all-or-nothing: after a crash the store holds a prefix of whole blocks.
 * Heights are contiguous from 0 (genesis).
 */
export interface LedgerStore extends StateReader {
  /** The genesis document this store was created for, if any. */
  getGenesis(): GenesisDoc | undefined;
  /** Stores the genesis document together with block 0. @throws STORE_GENESIS_EXISTS */
  commitGenesis(genesis: GenesisDoc, block0: BlockRecord): void;
  /** Commits the next block (height = head + 1) in one transaction. @throws STORE_HEIGHT_MISMATCH */
  commitBlock(block: BlockRecord): void;
  head(): ChainHead | undefined;
  getHeader(height: number): ChainHead | undefined;
  /** Tx ids of a block in order. */
  getBlockTxIds(height: number): Uint8Array[];
  /** Txs of a block in order, with receipts. */
  getBlockTxs(height: number): StoredTx[];
  getTx(txId: Uint8Array): StoredTx | undefined;
  hasTx(txId: Uint8Array): boolean;
  /** All stored history nodes, to rebuild the in-memory history tree at start. */
  loadHistoryNodes(): Iterable<HistoryNode>;
  /** Every current state entry (module, key, value), to rebuild the state tree at start. */
  loadState(): Iterable<readonly [module: string, key: string, value: Uint8Array]>;
  close(): void;
}
