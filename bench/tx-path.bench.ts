// The per-tx verification path (issue 2 target): decode + chain/window checks + signing digest + signature verify,
// for both suites, side by side in one run with raw node:crypto Ed25519 verify (target: within 10 % of raw).
// Standalone: npx tsx --conditions=gongxin-source bench/tx-path.bench.ts [--json]
import { generateKeyPairSync, randomBytes, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { assertTxStateless, decodeTx, encodeTx, txSigningDigest, type SuiteId } from '@gongxin/core';
import { createSigner, getSuite } from '@gongxin/crypto';

const MS = Number(process.env.BENCH_MS ?? 1500);

function rate(fn: (i: number) => void): number {
  for (let i = 0; i < 200; i++) fn(i);
  let best = 0;
  for (let trial = 0; trial < 3; trial++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < MS / 3) for (let i = 0; i < 100; i++) fn(n++);
    best = Math.max(best, (n * 1000) / (performance.now() - t0));
  }
  return best;
}

function txs(suiteId: SuiteId, count: number): Uint8Array[] {
  const suite = getSuite(suiteId);
  const signers = Array.from({ length: 16 }, (_, i) => createSigner(suiteId, new Uint8Array(32).fill(i + 1)));
  return Array.from({ length: count }, (_, i) => {
    const s = signers[i % signers.length]!;
    const body = { chainId: 'bench', module: 'notary', command: 'anchor', args: { digest: i.toString(16).padStart(64, '0') }, signer: s.publicKey, nonce: i, notBefore: 0, notAfter: 3_600_000 };
    return encodeTx({ body, signature: s.signSync(txSigningDigest(suite.hash, body)) });
  });
}

const rules = { chainId: 'bench', maxTxBytes: 65536, maxValidityMs: 3_600_000 };
const results: Record<string, number> = {};

// Raw: node:crypto Ed25519 verify of a 32-byte message with a prepared KeyObject, 16 keys in turn.
const keys = Array.from({ length: 16 }, () => generateKeyPairSync('ed25519'));
const msgs = Array.from({ length: 16 }, () => randomBytes(32));
const sigs = msgs.map((m, i) => nodeSign(null, m, keys[i]!.privateKey));
results.rawEd25519VerifyPerSec = rate((i) => {
  const k = i % 16;
  if (!nodeVerify(null, msgs[k]!, keys[k]!.publicKey, sigs[k]!)) throw new Error('raw verify failed');
});

for (const suiteId of ['ed25519-sha256', 'sm2-sm3'] as const) {
  const suite = getSuite(suiteId);
  const list = txs(suiteId, suiteId === 'sm2-sm3' ? 2000 : 20000);
  results[`${suiteId}:txPathPerSec`] = rate((i) => {
    const tx = decodeTx(suite.hash, list[i % list.length]!, rules.maxTxBytes);
    assertTxStateless(suite, rules, tx, 1000);
  });
}
results.ed25519PathVsRaw = Number((results['ed25519-sha256:txPathPerSec']! / results.rawEd25519VerifyPerSec).toFixed(3));

if (process.argv.includes('--json')) console.log(JSON.stringify(results));
else console.table(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v * 1000) / 1000])));
