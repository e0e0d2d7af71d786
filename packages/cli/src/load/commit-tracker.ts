// Seeing a load run's txs commit: a tracker of send times and latencies, fed by a commit source — block polling (light,
// inclusion only) or the SSE receipts (docs/api.md GET /v1/events; ok and failed told apart).
import { bytesToHex } from '@gongxin/core';
import { SubmitError, subscribeEvents, type GongxinClient } from '@gongxin/sdk';

/** Pending txs and what became of them. */
export interface CommitTracker {
  /** Records txs as sent at `atMs` (before the request, so a fast commit is never missed). */
  sent(ids: readonly string[], atMs: number): void;
  /** Forgets txs the peer refused. */
  refused(ids: readonly string[]): void;
  /** A commit seen at `atMs`; ids not sent by this run are ignored. */
  committed(idHex: string, atMs: number, ok: boolean): void;
  readonly pending: number;
  readonly committedCount: number;
  readonly failedCount: number;
  /** Latencies of committed txs (send → commit seen), ms. */
  readonly latencies: readonly number[];
  /** When the last commit of this run was seen (ms; NaN before any). */
  readonly lastCommitAt: number;
}

/**
 * An empty tracker.
 * @example const t = createCommitTracker(); t.sent(ids, now()); … t.committed(id, now(), true);
 */
export function createCommitTracker(): CommitTracker {
  const pending = new Map<string, number>();
  const latencies: number[] = [];
  let committedCount = 0;
  let failedCount = 0;
  let lastCommitAt = Number.NaN;
  return {
    sent(ids, at) {
      for (const id of ids) pending.set(id, at);
    },
    refused(ids) {
      for (const id of ids) pending.delete(id);
    },
    committed(id, at, ok) {
      const sentAt = pending.get(id);
      if (sentAt === undefined) return;
      pending.delete(id);
      latencies.push(at - sentAt);
      lastCommitAt = at;
      if (ok) committedCount++;
      else failedCount++;
    },
    get pending() {
      return pending.size;
    },
    get committedCount() {
      return committedCount;
    },
    get failedCount() {
      return failedCount;
    },
    latencies,
    get lastCommitAt() {
      return lastCommitAt;
    },
  };
}

/** Feeds commits of blocks from `fromHeight` on into the tracker until `signal` aborts. */
export type CommitSource = (p: {
  readonly client: GongxinClient;
  readonly fromHeight: number;
  readonly tracker: CommitTracker;
  readonly now: () => number;
  readonly signal: AbortSignal;
}) => Promise<void>;

/**
 * Commits from the SSE stream's receipt events (ok and failed receipts told apart).
 * @example await eventsSource({ client, fromHeight, tracker, now, signal });
 */
export const eventsSource: CommitSource = async ({ client, fromHeight, tracker, now, signal }) => {
  await subscribeEvents(client, {
    from: fromHeight,
    signal,
    onEvent: (ev) => {
      if (ev.kind === 'receipt') tracker.committed(bytesToHex(ev.txId), now(), ev.receipt.ok);
    },
  });
};

/**
 * Commits from polling the latest block (every `pollMs`) and fetching any skipped ones: inclusion only, all
 * counted as committed. Latency is measured to within one poll interval.
 * @example await blocksSource(20)({ client, fromHeight, tracker, now, signal });
 */
export function blocksSource(pollMs = 20): CommitSource {
  return async ({ client, fromHeight, tracker, now, signal }) => {
    let next = fromHeight;
    while (!signal.aborted) {
      try {
        const latest = await client.getBlock('latest', { signal });
        const at = now();
        for (let h = next; h < latest.header.height; h++) {
          for (const id of (await client.getBlock(h, { signal })).txIds) tracker.committed(bytesToHex(id), at, true);
        }
        if (latest.header.height >= next) for (const id of latest.txIds) tracker.committed(bytesToHex(id), at, true);
        next = Math.max(next, latest.header.height + 1);
      } catch (e) {
        if (signal.aborted) return;
        // A busy peer may time out a poll: try again next round; anything else is a real failure.
        if (!(e instanceof SubmitError)) throw e;
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
}
