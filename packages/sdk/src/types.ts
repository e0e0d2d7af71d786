// Typed results of the HTTP API (docs/api.md): hex fields become Uint8Array, headers become core BlockHeader.
// JSON views of module values stay JSON (JsonValue): they are for reading; verify with the canonical bytes.
import type { BlockHeader, GenesisDoc } from '@gongxin/core';

/** A value as JSON carries it (bytes as hex, bigints as decimal strings). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** GET /v1/status. */
export interface ChainStatus {
  readonly chainId: string;
  readonly suite: string;
  readonly height: number;
  readonly headerHash: Uint8Array;
  readonly stateRoot: Uint8Array;
  readonly historyRoot: Uint8Array;
  readonly timestamp: number;
  readonly mempool: { readonly size: number; readonly capacity: number };
  readonly version: string;
}

/** GET /v1/genesis: the document decoded from its canonical bytes (`genesisHex`), plus the peer's JSON view. */
export interface GenesisInfo {
  readonly genesis: GenesisDoc;
  readonly genesisHash: Uint8Array;
  readonly genesisBytes: Uint8Array;
  readonly json: JsonValue;
}

/** A module event inside a receipt. */
export interface ReceiptEvent {
  readonly module: string;
  readonly type: string;
  /** JSON view of the attributes. */
  readonly attrs: { readonly [key: string]: JsonValue };
}

/** A receipt as the API serves it; `receiptBytes` is the canonical receipt (the receipts-tree leaf data). */
export interface ReceiptView {
  readonly txId: Uint8Array;
  readonly ok: boolean;
  readonly code: string;
  readonly message: string;
  readonly events: readonly ReceiptEvent[];
  readonly receiptBytes: Uint8Array;
}

/** A receipt of a committed transaction, with where it was committed. */
export interface CommittedReceipt extends ReceiptView {
  readonly height: number;
  readonly index: number;
}

/** POST /v1/txs with one tx. */
export interface SubmitResult {
  readonly txId: Uint8Array;
}

/** One refused tx of a batch. */
export interface BatchRejection {
  readonly index: number;
  readonly txId: Uint8Array | undefined;
  readonly code: string;
  readonly message: string;
}

/** POST /v1/txs with a batch. */
export interface SubmitBatchResult {
  readonly accepted: readonly Uint8Array[];
  readonly rejected: readonly BatchRejection[];
}

/** Where a tx is: in the mempool, committed (receipt ok) or rejected (included with a failed receipt). */
export type TxStatusName = 'pending' | 'committed' | 'rejected';

/** GET /v1/txs/{txId}. `height`, `index`, `receipt` are set once the tx is in a block. */
export interface TxStatus {
  readonly txId: Uint8Array;
  readonly status: TxStatusName;
  readonly height: number | undefined;
  readonly index: number | undefined;
  readonly receipt: ReceiptView | undefined;
}

/** GET /v1/txs/{txId}/proof: RFC 9162 inclusion of the tx id in its block's tx tree. Verify with verifyTxProof. */
export interface TxProof {
  readonly txId: Uint8Array;
  readonly height: number;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly auditPath: readonly Uint8Array[];
  readonly txRoot: Uint8Array;
  readonly header: BlockHeader;
  readonly headerHash: Uint8Array;
}

/** GET /v1/blocks/{height}. */
export interface BlockInfo {
  readonly header: BlockHeader;
  readonly headerHash: Uint8Array;
  readonly txIds: readonly Uint8Array[];
}

/** GET /v1/blocks/{height}/receipts. */
export interface BlockReceipts {
  readonly height: number;
  readonly receipts: readonly ReceiptView[];
}

/** GET /v1/history/inclusion: header `height` in the history tree of `treeSize` headers. */
export interface HistoryInclusionProof {
  readonly height: number;
  readonly treeSize: number;
  readonly headerHash: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly auditPath: readonly Uint8Array[];
  readonly root: Uint8Array;
}

/** GET /v1/history/consistency: the history tree of `first` headers is a prefix of the one of `second`. */
export interface HistoryConsistencyProof {
  readonly first: number;
  readonly second: number;
  readonly firstRoot: Uint8Array;
  readonly secondRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/**
 * GET /v1/state/{module}/{key}. `proof` is kept as the peer sent it (JSON) and parsed by verifyStateResponse;
 * `value` is the peer's JSON view, `valueBytes` the canonical bytes the proof commits to.
 */
export interface StateResponse {
  readonly module: string;
  readonly key: string;
  readonly height: number;
  readonly found: boolean;
  readonly value: JsonValue;
  readonly valueBytes: Uint8Array | null;
  readonly proof: unknown;
  readonly header: BlockHeader;
  readonly headerHash: Uint8Array;
}

/** SSE `block`: a block was committed. */
export interface BlockEvent {
  readonly kind: 'block';
  readonly height: number;
  readonly headerHash: Uint8Array;
  readonly header: BlockHeader;
  readonly txCount: number;
}

/** SSE `receipt`: one per tx of the block, in block order. */
export interface ReceiptStreamEvent {
  readonly kind: 'receipt';
  readonly height: number;
  readonly index: number;
  readonly txId: Uint8Array;
  readonly receipt: ReceiptView;
}

/** SSE `event`: one per module event, in block order. */
export interface ModuleStreamEvent {
  readonly kind: 'event';
  readonly height: number;
  readonly txId: Uint8Array;
  readonly module: string;
  readonly type: string;
  readonly attrs: { readonly [key: string]: JsonValue };
}

/** Anything GET /v1/events delivers, discriminated by `kind`. */
export type LedgerStreamEvent = BlockEvent | ReceiptStreamEvent | ModuleStreamEvent;
