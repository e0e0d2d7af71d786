// The machine's raw Ed25519 verify rate on all cores (node:crypto, one cached key object per worker): the
// ceiling the peer's committed tx/s is compared against.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const c = require('node:crypto');
const { publicKey, privateKey } = c.generateKeyPairSync('ed25519');
const msg = c.randomBytes(32);
const sig = c.sign(null, msg, privateKey);
let n = 0;
const end = Date.now() + workerData.ms;
while (Date.now() < end) { for (let i = 0; i < 100; i++) if (c.verify(null, msg, publicKey, sig)) n++; }
parentPort.postMessage(n);
`;

/** Verifies for `ms` on every core; returns verifications per second in total. */
export async function measureRawVerify(ms = 3000): Promise<number> {
  const n = availableParallelism();
  const counts = await Promise.all(
    Array.from({ length: n }, () => new Promise<number>((resolve, reject) => {
      const w = new Worker(WORKER, { eval: true, workerData: { ms } });
      w.once('message', (c: number) => {
        resolve(c);
        void w.terminate();
      });
      w.once('error', reject);
    })),
  );
  return (counts.reduce((a, b) => a + b, 0) * 1000) / ms;
}
