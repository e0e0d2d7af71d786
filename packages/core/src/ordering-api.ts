// The ordering service interface (docs/architecture.md §Ordering). Solo implements it in-process; the etcd
// orderer implements the same contract for a consortium. Like Fabric: broadcast txs in, deliver ordered batches out.

/** An ordered batch: the content of block `height`, before execution. */
export interface OrderedBatch {
  readonly height: number;
  /** Block timestamp (ms) chosen by the orderer; never below the previous batch's. */
  readonly timestamp: number;
  /** Public key of the orderer member that cut the batch. */
  readonly proposer: Uint8Array;
  readonly txs: readonly Uint8Array[];
}

/** What the peer knows of its chain when it (re)starts delivery. */
export interface DeliverFrom {
  /** First height to deliver (the peer's head + 1). */
  readonly height: number;
  /** Timestamp of the peer's head block, so time never runs backwards across restarts. */
  readonly lastTimestamp: number;
}

/** The part of an AbortSignal the orderer uses (core has no DOM or node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/**
 * An ordering service. `broadcast` hands admitted txs over for ordering (may apply back-pressure by
 * rejecting with ORDERER_BUSY); `deliver` yields every batch from a height on, in order, exactly once per call.
 */
export interface Orderer {
  broadcast(txs: readonly Uint8Array[]): void;
  deliver(from: DeliverFrom, signal?: AbortSignalLike): AsyncIterable<OrderedBatch>;
  /** Txs accepted but not yet delivered. */
  pendingCount(): number;
  close(): Promise<void>;
}
