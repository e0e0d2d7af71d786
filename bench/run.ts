// `npm run bench`: the single-peer benchmark (issue 3). In one run: the raw Ed25519 verify rate on all cores, the
// peer's sustained committed tx/s for signed txs over HTTP in batches, submit→commit latency at half that load,
// and the peer's RSS. Human table by default; `--json` prints one JSON line. Options: --txs N (default 200000).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchBlocks } from './block-watch.js';
import { measureRawVerify } from './raw-verify.js';
import { bytesToHex as hexOf, encodeTx, hexToBytes, txSigningDigest, type Value } from '@gongxin/core';
import { createSigner, getSuite } from '@gongxin/crypto';
import { mixPlan, mixSetupCalls } from './mix-setup.js';
import { preSignTxs } from './sign-txs.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const txsArg = args.indexOf('--txs');
const TOTAL = txsArg >= 0 ? Number(args[txsArg + 1]) : 200_000;
const BATCH = 2000;
const log = (s: string): void => {
  if (!json) console.log(s);
};
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

async function startPeer(dir: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const root = new URL('..', import.meta.url).pathname;
  const child = spawn(process.execPath, [join(root, 'bench/peer-process.mjs'), dir, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`peer exited with ${c}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise((r) => {
      child.once('exit', () => r());
      child.kill('SIGTERM');
    }),
  };
}

async function post(url: string, txs: readonly Uint8Array[]): Promise<void> {
  for (;;) {
    const res = await fetch(`${url}/v1/txs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ txs: txs.map(hex) }) });
    if (res.status === 202) {
      const body = (await res.json()) as { rejected: unknown[] };
      if (body.rejected.length > 0) throw new Error(`peer rejected txs: ${JSON.stringify(body.rejected.slice(0, 2))}`);
      return;
    }
    if (res.status === 503 || res.status === 429) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    throw new Error(`POST /v1/txs: ${res.status} ${await res.text()}`);
  }
}

async function status(url: string): Promise<{ chainId: string; height: number }> {
  return (await (await fetch(`${url}/v1/status`)).json()) as { chainId: string; height: number };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Throughput: submit every tx in batches (4 requests in flight) and time until all are committed. */
async function throughput(url: string, txs: Uint8Array[]): Promise<number> {
  const { height } = await status(url);
  const ac = new AbortController();
  let committed = 0;
  let lastAt = 0;
  const done = new Promise<void>((resolve) => {
    void watchBlocks(url, height + 1, (b) => {
      committed += b.txCount;
      lastAt = b.at;
      if (committed >= txs.length) resolve();
    }, ac.signal);
  });
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < txs.length) {
      const from = next;
      next += BATCH;
      await post(url, txs.slice(from, from + BATCH));
    }
  }));
  await done;
  ac.abort();
  return (txs.length * 1000) / (lastAt - t0);
}

/** Latency at a fixed rate: batches every 20 ms; commit time from each block's tx ids. */
async function latency(url: string, txs: Uint8Array[], rate: number): Promise<{ p50: number; p99: number; n: number }> {
  const { height } = await status(url);
  const sentAt = new Map<string, number>();
  const lat: number[] = [];
  const ac = new AbortController();
  const pendingBlocks: Promise<void>[] = [];
  void watchBlocks(url, height + 1, (b) => {
    pendingBlocks.push((async () => {
      const blk = (await (await fetch(`${url}/v1/blocks/${b.height}`)).json()) as { txIds: string[] };
      for (const id of blk.txIds) {
        const s = sentAt.get(id);
        if (s !== undefined) lat.push(b.at - s);
      }
    })());
  }, ac.signal);
  const perTick = Math.max(1, Math.round(rate / 50));
  const t0 = performance.now();
  let i = 0;
  const posts: Promise<void>[] = [];
  while (i < txs.length) {
    const due = t0 + (i / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const chunk = txs.slice(i, i + perTick);
    const now = performance.now();
    for (const t of chunk) sentAt.set(createHash('sha256').update(t).digest('hex'), now);
    posts.push(post(url, chunk));
    i += chunk.length;
  }
  await Promise.all(posts);
  const deadline = performance.now() + 10_000;
  while (lat.length < txs.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await Promise.all(pendingBlocks);
  ac.abort();
  lat.sort((a, b) => a - b);
  const q = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? Number.NaN;
  return { p50: q(0.5), p99: q(0.99), n: lat.length };
}

/** The issue-4 scenario mix: set up a campaign and a batch, then donations, transfers and reports in turn. */
async function mixPhase(url: string, dataDir: string, chainId: string, count: number): Promise<{ txPerSec: number; okShare: number; txs: number }> {
  const plan = mixPlan(dataDir);
  const suite = getSuite('ed25519-sha256');
  const now = Date.now();
  const setup = mixSetupCalls(plan).map((c, i) => {
    const s = createSigner('ed25519-sha256', hexToBytes(c.key));
    const body = { chainId, module: c.module, command: c.command, args: c.args as Value, signer: s.publicKey, nonce: 9_000_000 + i, notBefore: now - 60_000, notAfter: now + 600_000 };
    return encodeTx({ body, signature: s.signSync(txSigningDigest(suite.hash, body)) });
  });
  await post(url, setup);
  const ids = setup.map((t) => hexOf(suite.hash(t)));
  for (let tries = 0; tries < 200; tries++) {
    const st = await Promise.all(ids.map(async (id) => ((await (await fetch(`${url}/v1/txs/${id}`)).json()) as { status: string }).status));
    if (st.every((x) => x === 'committed')) break;
    if (st.includes('rejected')) throw new Error(`mix setup failed: ${JSON.stringify(st)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const txs = await preSignTxs({ chainId, count, validFromMs: now - 60_000, validForMs: 50 * 60_000, seed: now + 7, mix: plan });
  const head = (await status(url)).height;
  const txPerSec = await throughput(url, txs);
  const last = (await status(url)).height;
  let ok = 0;
  let all = 0;
  for (let h = Math.max(head + 1, last - 4); h <= last; h++) {
    const r = (await (await fetch(`${url}/v1/blocks/${h}/receipts`)).json()) as { receipts: Array<{ ok: boolean }> };
    all += r.receipts.length;
    ok += r.receipts.filter((x) => x.ok).length;
  }
  return { txPerSec, okShare: all === 0 ? 0 : Number((ok / all).toFixed(3)), txs: count };
}

const dir = mkdtempSync(join(tmpdir(), 'gongxin-bench-'));
// The peer runs from compiled JS, as in production: build first.
if (spawnSync(join(new URL('..', import.meta.url).pathname, 'node_modules/.bin/tsc'), ['-b'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
try {
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, ${new Date().toISOString()}`);
  const rawVerifyPerSec = await measureRawVerify();
  log(`raw Ed25519 verify, all cores: ${rawVerifyPerSec.toFixed(0)}/s`);
  const peer = await startPeer(dir);
  const { chainId } = await status(peer.url);
  log(`signing ${TOTAL} txs…`);
  const now = Date.now();
  const txs = await preSignTxs({ chainId, count: TOTAL, validFromMs: now - 60_000, validForMs: 50 * 60_000, seed: now });
  log('throughput phase…');
  const committedTxPerSec = await throughput(peer.url, txs);
  log(`committed: ${committedTxPerSec.toFixed(0)} tx/s`);
  const rate = committedTxPerSec / 2;
  const latTxs = await preSignTxs({ chainId, count: Math.round(rate * 10), validFromMs: now - 60_000, validForMs: 50 * 60_000, seed: now + 1 });
  log(`latency phase at ${rate.toFixed(0)} tx/s for 10 s…`);
  const lat = await latency(peer.url, latTxs, rate);
  const rss = rssMb(peer.pid);
  log('scenario mix phase (donations, transfers, case reports)…');
  const mix = await mixPhase(peer.url, dir, chainId, Math.min(TOTAL, 60_000));
  log(`mix: ${mix.txPerSec.toFixed(0)} tx/s, ${mix.okShare * 100}% ok receipts in the sampled blocks`);
  await peer.stop();
  const result = {
    rawVerifyPerSec: Math.round(rawVerifyPerSec),
    committedTxPerSec: Math.round(committedTxPerSec),
    ratio: Number((committedTxPerSec / rawVerifyPerSec).toFixed(3)),
    p50Ms: Number(lat.p50.toFixed(1)),
    p99Ms: Number(lat.p99.toFixed(1)),
    rssMb: Math.round(rss),
    txs: TOTAL + latTxs.length,
    latencySamples: lat.n,
    mixCommittedTxPerSec: Math.round(mix.txPerSec),
    mixOkShare: mix.okShare,
    mixTxs: mix.txs,
  };
  if (json) console.log(JSON.stringify(result));
  else console.table(result);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
