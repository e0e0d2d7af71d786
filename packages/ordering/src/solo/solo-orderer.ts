// Solo ordering (the embedded default): one process orders txs by arrival and cuts a batch whenever the peer
// asks for the next one — small blocks at low load (low latency), big blocks at high load (throughput).
import { GongxinError, type AbortSignalLike, type DeliverFrom, type OrderedBatch, type Orderer } from '@gongxin/core';

/** Block-cutting limits and the clock (injected so tests can fix time). */
export interface SoloOrdererParams {
  /** Public key of this orderer, written into each block as proposer. */
  readonly proposer: Uint8Array;
  /** Cut at this many txs (default 10,000). */
  readonly maxTxs?: number;
  /** Cut at this many bytes (default 8 MiB). */
  readonly maxBytes?: number;
  /** After the first tx arrives, wait this long for more before cutting (default 2 ms). */
  readonly lingerMs?: number;
  /** Most txs waiting to be ordered; beyond it `broadcast` throws ORDERER_BUSY (default 200,000). */
  readonly capacity?: number;
  readonly now?: () => number;
}

/**
 * Creates the in-process solo orderer.
 * @example const orderer = createSoloOrderer({ proposer: peerKey.publicKey });
 */
export function createSoloOrderer(p: SoloOrdererParams): Orderer {
  const maxTxs = p.maxTxs ?? 10_000;
  const maxBytes = p.maxBytes ?? 8 * 1024 * 1024;
  const linger = p.lingerMs ?? 2;
  const capacity = p.capacity ?? 200_000;
  const now = p.now ?? Date.now;
  let queue: Uint8Array[] = [];
  let head = 0;
  let wake: (() => void) | null = null;
  let closed = false;

  const pending = (): number => queue.length - head;
  // One abort listener per deliver() call (not per wait), so long runs don't pile up listeners.
  const waitForTxs = (): Promise<void> =>
    new Promise((resolve) => {
      if (pending() > 0 || closed) return resolve();
      wake = resolve;
    });

  function take(): Uint8Array[] {
    const out: Uint8Array[] = [];
    let bytes = 0;
    while (head < queue.length && out.length < maxTxs) {
      const tx = queue[head]!;
      if (out.length > 0 && bytes + tx.length > maxBytes) break;
      out.push(tx);
      bytes += tx.length;
      head++;
    }
    if (head > 4096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    return out;
  }

  return {
    broadcast(txs) {
      if (closed) throw new GongxinError('ORDERER_CLOSED', 'the orderer is shut down');
      if (pending() + txs.length > capacity) {
        throw new GongxinError('ORDERER_BUSY', 'ordering queue is full; retry shortly', { pending: pending(), capacity });
      }
      for (const tx of txs) queue.push(tx);
      const w = wake;
      wake = null;
      w?.();
    },
    async *deliver(from: DeliverFrom, signal?: AbortSignalLike): AsyncIterable<OrderedBatch> {
      let height = from.height;
      let last = from.lastTimestamp;
      signal?.addEventListener(
        'abort',
        () => {
          const w = wake;
          wake = null;
          w?.();
        },
        { once: true },
      );
      while (!closed && !signal?.aborted) {
        await waitForTxs();
        if (closed || signal?.aborted) return;
        if (pending() < maxTxs && linger > 0) await new Promise((r) => setTimeout(r, linger));
        const txs = take();
        if (txs.length === 0) continue;
        last = Math.max(last, now());
        yield { height, timestamp: last, proposer: p.proposer, txs };
        height++;
      }
    },
    pendingCount: pending,
    async close() {
      closed = true;
      const w = wake;
      wake = null;
      w?.();
    },
  };
}
