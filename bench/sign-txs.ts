// Pre-signs benchmark transactions (notary.anchor, or the scenario mix) on worker threads, before any timed phase.
import { availableParallelism } from 'node:os';
import { createModuleWorker } from '@gongxin/node';
import type { MixPlan } from './mix-setup.js';

/** Signs `count` anchor txs for `chainId`, spread over all cores; returns their bytes. */
export async function preSignTxs(p: { chainId: string; count: number; validFromMs: number; validForMs: number; seed: number; mix?: MixPlan }): Promise<Uint8Array[]> {
  const n = availableParallelism();
  const per = Math.ceil(p.count / n);
  const url = new URL('./sign-worker.ts', import.meta.url);
  const parts = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      new Promise<Uint8Array[]>((resolve, reject) => {
        const w = createModuleWorker(url, { workerData: { ...p, from: i * per, to: Math.min(p.count, (i + 1) * per) } });
        w.once('message', (txs: Uint8Array[]) => {
          resolve(txs);
          void w.terminate();
        });
        w.once('error', reject);
      }),
    ),
  );
  return parts.flat();
}
