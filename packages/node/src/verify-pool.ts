// Signature verification spread over all cores: verification is the peer's bottleneck (~13,400 Ed25519/s per core).
import { availableParallelism } from 'node:os';
import type { SuiteId, TxRules } from '@gongxin/core';
import { createModuleWorker } from './ts-worker.js';
import type { VerifyRequest, VerifyResponse, VerifyResult } from './verify-protocol.js';

/** Runs admission checks on worker threads. */
export interface VerifyPool {
  verify(txs: readonly Uint8Array[], now: number): Promise<VerifyResult[]>;
  /** Total txs checked so far (for metrics). */
  readonly checked: number;
  close(): Promise<void>;
}

const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './verify-worker.ts' : './verify-worker.js', import.meta.url);

/**
 * Starts `threads` workers (default: one per core).
 * @example const pool = createVerifyPool({ suiteId: 'ed25519-sha256', rules });
 */
export function createVerifyPool(p: { suiteId: SuiteId; rules: TxRules; threads?: number }): VerifyPool {
  const n = Math.max(1, p.threads ?? availableParallelism());
  const waiting = new Map<number, (r: VerifyResult[]) => void>();
  const workers = Array.from({ length: n }, () => {
    const w = createModuleWorker(workerUrl, { workerData: { suiteId: p.suiteId, rules: p.rules } });
    w.on('message', (m: VerifyResponse) => {
      const done = waiting.get(m.seq);
      waiting.delete(m.seq);
      done?.(m.results);
    });
    w.unref();
    return w;
  });
  let seq = 0;
  let next = 0;
  let checked = 0;
  const send = (txs: readonly Uint8Array[], now: number): Promise<VerifyResult[]> =>
    new Promise((resolve) => {
      const s = ++seq;
      waiting.set(s, resolve);
      const req: VerifyRequest = { seq: s, now, txs };
      workers[next++ % n]!.postMessage(req);
    });
  return {
    async verify(txs, now) {
      checked += txs.length;
      if (txs.length < 64 || n === 1) return send(txs, now);
      // Split big batches across all workers so one request uses every core.
      const size = Math.ceil(txs.length / n);
      const parts = await Promise.all(Array.from({ length: n }, (_, i) => send(txs.slice(i * size, (i + 1) * size), now)));
      return parts.flat();
    },
    get checked() {
      return checked;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
