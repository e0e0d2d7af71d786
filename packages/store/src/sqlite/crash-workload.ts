// The crash test's workload (crash.test.ts, crash-child.ts): block contents derived from the height alone, so a
// restarted writer recommits the same block and the checker can replay every write.
import type { StateWrite } from '@gongxin/core';
import type { TestBlockSpec } from '../test-chain.js';

/** Txs in the block at `height`. */
export function crashTxCount(height: number): number {
  return 40 + ((height * 37) % 160);
}

/** State writes of the block at `height`: one per tx, every seventh a delete, over 400 keys in 3 modules. */
export function crashWrites(height: number): StateWrite[] {
  return Array.from({ length: crashTxCount(height) }, (_, i) => {
    const module = `mod${i % 3}`;
    const key = `k/${(height * 31 + i * 17) % 400}`;
    if ((height + i) % 7 === 0) return { module, key, value: null };
    const value = new Uint8Array(100).fill((height + i) & 255);
    value[0] = height & 255;
    return { module, key, value };
  });
}

/** The full block spec at `height`. */
export function crashBlockSpec(height: number): TestBlockSpec {
  return { txs: crashTxCount(height), writes: crashWrites(height) };
}
