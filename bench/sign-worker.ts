// Worker: signs a range of benchmark txs — notary anchors, or the scenario mix when a mix plan is given.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { bytesToHex, encodeTx, hexToBytes, txSigningDigest, type SyncSigner, type Value } from '@gongxin/core';
import { createSigner, getSuite } from '@gongxin/crypto';
import { mixCall, type MixPlan } from './mix-setup.js';

const d = workerData as { chainId: string; from: number; to: number; validFromMs: number; validForMs: number; seed: number; mix?: MixPlan };
const suite = getSuite('ed25519-sha256');
const seeded = (label: string): SyncSigner => createSigner('ed25519-sha256', new Uint8Array(createHash('sha256').update(label).digest()));
const signer = seeded(`bench-key-${d.seed}-${d.from}`);
const donors = Array.from({ length: 8 }, (_, k) => bytesToHex(seeded(`bench-donor-${d.seed}-${d.from}-${k}`).publicKey));
const donorSigners = new Map<string, SyncSigner>();
const signers = new Map<string, SyncSigner>();
const byKey = (hex: string): SyncSigner => {
  let s = signers.get(hex) ?? donorSigners.get(hex);
  if (!s) {
    s = createSigner('ed25519-sha256', hexToBytes(hex));
    signers.set(hex, s);
  }
  return s;
};
for (let k = 0; k < 8; k++) donorSigners.set(donors[k]!, seeded(`bench-donor-${d.seed}-${d.from}-${k}`));
const out: Uint8Array[] = [];
for (let i = d.from; i < d.to; i++) {
  let module = 'notary';
  let command = 'anchor';
  let args: Value = { digest: bytesToHex(new Uint8Array(createHash('sha256').update(`doc-${d.seed}-${i}`).digest())) };
  let s = signer;
  if (d.mix) {
    const c = mixCall(d.mix, i, donors[i % 8]!, d.validFromMs + 60_000);
    module = c.module;
    command = c.command;
    args = c.args as Value;
    s = byKey(c.key);
  }
  const body = { chainId: d.chainId, module, command, args, signer: s.publicKey, nonce: i, notBefore: d.validFromMs, notAfter: d.validFromMs + d.validForMs };
  out.push(encodeTx({ body, signature: s.signSync(txSigningDigest(suite.hash, body)) }));
}
parentPort!.postMessage(out);
