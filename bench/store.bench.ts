// Ledger store benchmark (ARCHITECTURE.md §CPU budget): commits 100 blocks of 10,000 txs (~150-byte txs,
// ~65-byte receipts, 1.5 state writes per tx with 100-byte values: one new random key, every other tx an update
// of one of 10,000 hot keys; ~2 history nodes per block) into a temp SQLite file, then iterates the resulting
// ~1,000,000-key state with loadState and times point reads. Run: npx tsx --conditions=gongxin-source bench/store.bench.ts
// Flags: --blocks=N --txs=N --sync=NORMAL|FULL --cache=MiB --keys=random|sequential --keep (leave the file).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistoryTree, encodeReceipt, leafHash } from '@gongxin/core';
import type { BlockHeader, BlockRecord, Receipt, StateWrite } from '@gongxin/core';
import { openSqliteStore } from '@gongxin/store';

const flag = (name: string, dflt: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const BLOCKS = Number(flag('blocks', '100'));
const TXS = Number(flag('txs', '10000'));
const SYNC = flag('sync', 'NORMAL') === 'FULL' ? 'FULL' : 'NORMAL';
const CACHE_MIB = Number(flag('cache', '256'));
/** random: each tx stores a record under a hash-derived key (worst case for the B-tree); sequential: under height/index. */
const KEYS = flag('keys', 'random') === 'sequential' ? 'sequential' : 'random';
const HOT_KEYS = 10_000;

const sha256 = (d: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(d).digest());
const rnd = (n: number): Uint8Array => new Uint8Array(randomBytes(n));
// Tx bodies and values are views into one random pool (less garbage, so GC does not blur the commit timings).
const POOL = rnd(16 << 20);
let poolAt = 0;
const pooled = (n: number): Uint8Array => {
  if (poolAt + n > POOL.length) poolAt = (poolAt * 7 + 13) % 4096;
  const out = POOL.subarray(poolAt, poolAt + n);
  poolAt += n;
  return out;
};
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const dir = mkdtempSync(join(tmpdir(), 'gongxin-store-bench-'));
const path = join(dir, 'ledger.db');
const store = openSqliteStore({ path, synchronous: SYNC, cacheMiB: CACHE_MIB });
const tree = createHistoryTree(sha256);

function makeBlock(height: number, prevHash: Uint8Array): BlockRecord {
  const txs: Array<{ id: Uint8Array; bytes: Uint8Array; receipt: Receipt; receiptBytes: Uint8Array }> = [];
  const writes: StateWrite[] = [];
  const txCount = height === 0 ? 0 : TXS;
  const ids = rnd(32 * txCount);
  for (let i = 0; i < txCount; i++) {
    const id = ids.subarray(32 * i, 32 * i + 32);
    const receipt: Receipt = { txId: id, ok: true, code: '', message: '', events: [] };
    // Encoded before timing, as the executor hands a peer's store each receipt's bytes.
    txs.push({ id, bytes: pooled(150), receipt, receiptBytes: encodeReceipt(receipt) });
    const rec = KEYS === 'random' ? hex(id.subarray(0, 12)) : `${String(height).padStart(8, '0')}/${String(i).padStart(5, '0')}`;
    writes.push({ module: 'records', key: `rec/${rec}`, value: pooled(100) });
    if (i % 2 === 1) writes.push({ module: 'accounts', key: `acct/${(Math.random() * HOT_KEYS) | 0}`, value: pooled(100) });
  }
  const header: BlockHeader = {
    chainId: 'bench',
    height,
    prevHash,
    timestamp: 1_750_000_000_000 + height * 1000,
    txCount,
    txRoot: rnd(32),
    receiptsRoot: rnd(32),
    stateRoot: rnd(32),
    historyRoot: tree.root(),
    proposer: rnd(32),
  };
  const hash = sha256(header.txRoot);
  return { header, hash, txs, writes, historyNodes: tree.append(leafHash(sha256, hash)) };
}

const genesis = {
  chainId: 'bench',
  suite: 'ed25519-sha256' as const,
  timestamp: 1_750_000_000_000,
  params: { maxTxBytes: 65_536, maxBlockTxs: 20_000, maxBlockBytes: 33_554_432, maxValidityMs: 3_600_000 },
  modules: {},
};
const b0 = makeBlock(0, rnd(32));
store.commitGenesis(genesis, b0);

console.log(`store bench: ${BLOCKS} blocks x ${TXS} txs, synchronous=${SYNC}, cache ${CACHE_MIB} MiB, ${KEYS} record keys, file ${path}`);
let prev = b0.hash;
const times: number[] = [];
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let commitCpu = 0;
let historyNodes = 0;
let writes = 0;
for (let h = 1; h <= BLOCKS; h++) {
  const block = makeBlock(h, prev);
  historyNodes += block.historyNodes.length;
  writes += block.writes.length;
  const c0 = cpuMs();
  const t0 = performance.now();
  store.commitBlock(block);
  times.push(performance.now() - t0);
  commitCpu += cpuMs() - c0;
  prev = block.hash;
  if (h % 20 === 0) {
    const last = times.slice(-20);
    console.log(`  blocks ${h - 19}-${h}: mean ${(last.reduce((a, b) => a + b, 0) / last.length).toFixed(1)} ms`);
  }
}
const total = times.reduce((a, b) => a + b, 0);
const sorted = [...times].sort((a, b) => a - b);
const pct = (p: number): string => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
const size = (f: string): string => {
  try {
    return (statSync(f).size / 1e6).toFixed(0);
  } catch {
    return '0';
  }
};
console.log(`commit: ${Math.round((BLOCKS * TXS) / (total / 1000))} tx/s; ms per block mean ${(total / BLOCKS).toFixed(1)}, p50 ${pct(0.5)}, p90 ${pct(0.9)}, max ${pct(1)}`);
console.log(`  CPU time in commitBlock (this process, user+sys): ${(commitCpu / BLOCKS).toFixed(1)} ms per block = ${Math.round((BLOCKS * TXS) / (commitCpu / 1000))} tx/s per core`);
console.log(`  ${writes} state writes, ${historyNodes} history nodes; db ${size(path)} MB, wal ${size(path + '-wal')} MB`);

// Point reads: hasTx misses (the executor's replay check for new txs), hits, and state gets.
const lastTxs = makeBlock(BLOCKS + 1, prev).txs; // never committed: all misses
let t0 = performance.now();
for (const t of lastTxs) if (store.hasTx(t.id)) throw new Error('unexpected hit');
const missRate = lastTxs.length / ((performance.now() - t0) / 1000);
const stored = store.getBlockTxIds(BLOCKS);
t0 = performance.now();
for (const id of stored) if (!store.hasTx(id)) throw new Error('unexpected miss');
const hitRate = stored.length / ((performance.now() - t0) / 1000);
t0 = performance.now();
for (let i = 0; i < 10_000; i++) store.get('accounts', `acct/${i}`);
const getRate = 10_000 / ((performance.now() - t0) / 1000);
console.log(`reads: hasTx miss ${Math.round(missRate)}/s, hit ${Math.round(hitRate)}/s, get ${Math.round(getRate)}/s`);

// Start-up: reopen, then iterate the whole state (to rebuild the state tree) and the history nodes.
store.close();
t0 = performance.now();
const reopened = openSqliteStore({ path, readonly: true });
const head = reopened.head();
const openMs = performance.now() - t0;
t0 = performance.now();
let keys = 0;
let bytes = 0;
for (const [, , v] of reopened.loadState()) {
  keys++;
  bytes += v.length;
}
const loadMs = performance.now() - t0;
t0 = performance.now();
let nodes = 0;
for (const n of reopened.loadHistoryNodes()) nodes += n.hash.length === 32 ? 1 : 0;
const histMs = performance.now() - t0;
console.log(`start-up: open + head ${openMs.toFixed(1)} ms (height ${head?.header.height}); loadState ${keys} keys (${(bytes / 1e6).toFixed(0)} MB) in ${loadMs.toFixed(0)} ms (${Math.round(keys / (loadMs / 1000))} keys/s); ${nodes} history nodes in ${histMs.toFixed(1)} ms`);
reopened.close();
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
