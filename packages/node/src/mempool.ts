// The mempool: admission (size, capacity, decode, chain, window, signature, duplicates) before ordering, and the
// set of pending txs. Bounded: when full it refuses with MEMPOOL_FULL (HTTP 429/503 + Retry-After), never grows.
import { bytesToHex, GongxinError, type DecodedTx, type Orderer, type Value } from '@gongxin/core';
import type { VerifyPool } from './verify-pool.js';

/** One tx's admission outcome. */
export type AdmitResult =
  | { readonly ok: true; readonly txId: string }
  | { readonly ok: false; readonly txId: string | undefined; readonly code: string; readonly message: string };

/** Mempool limits. */
export interface MempoolParams {
  readonly pool: VerifyPool;
  readonly orderer: Orderer;
  /** True when the tx id is already in a committed block. */
  readonly isCommitted: (txId: Uint8Array) => boolean;
  /** Stateful admission check against committed state (module, command, caller's roles); throws GongxinError. */
  readonly precheck?: (call: { module: string; command: string; signer: Uint8Array; args: Value }) => void;
  readonly maxTxBytes: number;
  /** Most pending txs (default 100,000). */
  readonly capacity?: number;
  readonly now?: () => number;
}

/** Pending txs and admission. */
export interface Mempool {
  admit(txs: readonly Uint8Array[]): Promise<AdmitResult[]>;
  /** True when the tx passed admission and is waiting to be committed (its signature is known valid). */
  isPending(txIdHex: string): boolean;
  /** The decoded form of tx bytes this mempool admitted (the same bytes object the orderer delivers), if known. */
  decoded(bytes: Uint8Array): DecodedTx | undefined;
  /** Forget txs that were committed (or failed in a block). */
  onCommitted(txIdsHex: readonly string[]): void;
  /** Drop pending txs whose validity window has passed; returns how many. */
  sweepExpired(): number;
  readonly size: number;
  readonly capacity: number;
}

/**
 * Creates a mempool feeding `orderer`.
 * @example const result = await mempool.admit([txBytes]);
 */
export function createMempool(p: MempoolParams): Mempool {
  const capacity = p.capacity ?? 100_000;
  const now = p.now ?? Date.now;
  const pending = new Map<string, number>(); // tx id hex → notAfter
  // The workers already decoded each admitted tx; keep that result, keyed by the bytes object itself, so the
  // executor need not decode it again (entries go when the bytes are dropped after commit).
  const decodedTxs = new WeakMap<Uint8Array, DecodedTx>();
  let reserved = 0; // txs being verified, counted against capacity
  const precheck = (call: { module: string; command: string; signer: Uint8Array; args: Value }): GongxinError | undefined => {
    try {
      p.precheck?.(call);
      return undefined;
    } catch (e) {
      if (e instanceof GongxinError) return e;
      throw e;
    }
  };

  return {
    async admit(txs) {
      if (pending.size + reserved + txs.length > capacity) {
        throw new GongxinError('MEMPOOL_FULL', 'the mempool is full; retry after the hinted delay', { size: pending.size, capacity, retryAfterMs: 500 });
      }
      const results: AdmitResult[] = new Array<AdmitResult>(txs.length);
      const toVerify: Uint8Array[] = [];
      const slots: number[] = [];
      txs.forEach((tx, i) => {
        if (tx.length > p.maxTxBytes) {
          results[i] = { ok: false, txId: undefined, code: 'TX_TOO_LARGE', message: `transaction is ${tx.length} bytes; the limit is ${p.maxTxBytes}` };
        } else {
          toVerify.push(tx);
          slots.push(i);
        }
      });
      reserved += toVerify.length;
      let verified;
      try {
        verified = toVerify.length > 0 ? await p.pool.verify(toVerify, now()) : [];
      } finally {
        reserved -= toVerify.length;
      }
      const accepted: Uint8Array[] = [];
      let rejected: GongxinError | undefined;
      verified.forEach((r, k) => {
        const i = slots[k]!;
        const txId = r.id ? bytesToHex(r.id) : undefined;
        if (!r.ok) {
          results[i] = { ok: false, txId, code: r.code, message: r.message };
        } else if (pending.has(txId!) || p.isCommitted(r.id)) {
          results[i] = { ok: false, txId, code: 'TX_DUPLICATE', message: 'transaction already received' };
        } else if ((rejected = precheck({ module: r.body.module, command: r.body.command, signer: r.body.signer, args: r.body.args })) !== undefined) {
          results[i] = { ok: false, txId, code: rejected.code, message: rejected.message };
        } else {
          pending.set(txId!, r.body.notAfter);
          decodedTxs.set(toVerify[k]!, { body: r.body, signature: r.signature, bytes: toVerify[k]!, id: r.id });
          accepted.push(toVerify[k]!);
          results[i] = { ok: true, txId: txId! };
        }
      });
      if (accepted.length > 0) {
        try {
          p.orderer.broadcast(accepted);
        } catch (e) {
          // The orderer refused (busy/closed): undo, so a retry is not taken for a duplicate.
          for (const r of results) if (r.ok) pending.delete(r.txId);
          throw e;
        }
      }
      return results;
    },
    isPending: (id) => pending.has(id),
    decoded: (bytes) => decodedTxs.get(bytes),
    onCommitted(ids) {
      for (const id of ids) pending.delete(id);
    },
    sweepExpired() {
      const t = now();
      let n = 0;
      for (const [id, notAfter] of pending) {
        if (notAfter < t) {
          pending.delete(id);
          n++;
        }
      }
      return n;
    },
    get size() {
      return pending.size;
    },
    capacity,
  };
}
