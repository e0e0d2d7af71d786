// Worker: signs a range of benchmark txs with a key derived from the seed and worker range.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { bytesToHex, encodeTx, txSigningDigest } from '@gongxin/core';
import { createSigner, getSuite } from '@gongxin/crypto';

const d = workerData as { chainId: string; from: number; to: number; validFromMs: number; validForMs: number; seed: number };
const suite = getSuite('ed25519-sha256');
const seed = createHash('sha256').update(`bench-key-${d.seed}-${d.from}`).digest();
const signer = createSigner('ed25519-sha256', new Uint8Array(seed));
const out: Uint8Array[] = [];
for (let i = d.from; i < d.to; i++) {
  const digest = bytesToHex(new Uint8Array(createHash('sha256').update(`doc-${d.seed}-${i}`).digest()));
  const body = {
    chainId: d.chainId,
    module: 'notary',
    command: 'anchor',
    args: { digest },
    signer: signer.publicKey,
    nonce: i,
    notBefore: d.validFromMs,
    notAfter: d.validFromMs + d.validForMs,
  };
  out.push(encodeTx({ body, signature: signer.signSync(txSigningDigest(suite.hash, body)) }));
}
parentPort!.postMessage(out);
