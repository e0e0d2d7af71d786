// State tree benchmark (docs/spec/state.md §Performance): build a 1,000,000-key tree (time, heap), apply
// 10,000-key batches (median ms, hashes per batch next to the raw SHA-256 cost of that many hashes), memory per
// retained version, proof generation and verification rates, proof sizes.
//   npx tsx bench/state.bench.ts [--keys N] [--batch N] [--rounds N] [--retain N] [--json]
import { hash as nodeCryptoHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encode } from '@gongxin/core';
import { createStateTreeFromLeaves, encodeStateProof, verifyStateProof } from '@gongxin/core';
import type { StateLeaf, StateProof, StateTreeWrite } from '@gongxin/core';
import type { HashFn } from '@gongxin/core';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const KEYS = opt('keys', 1_000_000);
const BATCH = opt('batch', 10_000);
const ROUNDS = opt('rounds', 40);
const RETAIN = opt('retain', 256);
const JSON_OUT = args.includes('--json');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
let hashes = 0;
// Buffers are Uint8Arrays: no copy, the fastest HashFn node:crypto offers (crypto.hash, one shot).
const sha256: HashFn = (d) => {
  hashes++;
  return nodeCryptoHash('sha256', d, 'buffer');
};

// Deterministic pseudo-random numbers (xorshift32), so runs are comparable.
let seed = 0x9e3779b9;
const rand = (n: number): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const results: Record<string, number> = {};
const line = (key: string, label: string, value: number, unit: string): void => {
  results[key] = Math.round(value * 100) / 100;
  if (!JSON_OUT) console.log(`${label.padEnd(64)} ${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`);
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const MB = 1024 * 1024;
function memory(): { heap: number; buffers: number; rss: number } {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, rss: m.rss };
}

// The key set: path i = H("k" ‖ i), value hash = H("v" ‖ i), kept in one flat buffer so the bench itself
// holds no million objects while the heap is measured.
const flat = new Uint8Array(KEYS * 64);
const tag = (prefix: number, i: number, round = 0): Uint8Array => Uint8Array.of(prefix, i >>> 24, (i >>> 16) & 255, (i >>> 8) & 255, i & 255, round & 255, round >>> 8);
for (let i = 0; i < KEYS; i++) {
  flat.set(nodeCryptoHash('sha256', tag(1, i), 'buffer'), i * 64);
  flat.set(nodeCryptoHash('sha256', tag(2, i), 'buffer'), i * 64 + 32);
}
const pathOf = (i: number): Uint8Array => flat.subarray(i * 64, i * 64 + 32);
function* leaves(): Generator<StateLeaf> {
  for (let i = 0; i < KEYS; i++) yield { path: pathOf(i), valueHash: flat.subarray(i * 64 + 32, i * 64 + 64) };
}

// Raw cost of the hash on this machine, now: the floor under every tree operation.
const probe = new Uint8Array(65);
let t0 = performance.now();
for (let i = 0; i < 200_000; i++) nodeCryptoHash('sha256', probe, 'buffer');
const hashUs = ((performance.now() - t0) / 200_000) * 1000;
line('hashUs', 'SHA-256 of 65 bytes (crypto.hash), µs each', hashUs, 'µs');

// 1. Build.
const before = memory();
hashes = 0;
t0 = performance.now();
const tree = createStateTreeFromLeaves(sha256, leaves(), { version: 0, retain: RETAIN, sizeHint: KEYS });
const buildMs = performance.now() - t0;
const built = memory();
line('buildMs', `build from ${KEYS.toLocaleString('en-US')} leaves`, buildMs, 'ms');
line('buildHashes', '  hashes computed (leaves + internal nodes)', hashes, '');
line('internalNodes', '  internal nodes', tree.stats().internalNodes, '');
line('arenaMB', '  arena (typed arrays, allocated)', tree.stats().arenaBytes / MB, 'MB');
line('heapMB', '  JS heap used by the tree (heapUsed delta)', (built.heap - before.heap) / MB, 'MB');
line('buffersMB', '  array buffers held by the tree (arrayBuffers delta)', (built.buffers - before.buffers) / MB, 'MB');
line('bytesPerKey', '  heap + buffers per key', (built.heap - before.heap + built.buffers - before.buffers) / KEYS, 'B');
line('rssMB', '  process RSS', built.rss / MB, 'MB');

// 2. Batches: BATCH writes each, 90% updates of existing keys, 5% inserts, 5% deletes. Paths are fresh copies,
// as the executor's statePath results would be (not views into the bench's 64 MB key buffer).
const times: number[] = [];
const counts: number[] = [];
const floors: number[] = [];
let next = KEYS;
const batchOf = (round: number): StateTreeWrite[] =>
  Array.from({ length: BATCH }, (_, j) => {
    const r = j % 20;
    if (r === 0) return { path: nodeCryptoHash('sha256', tag(3, next++), 'buffer'), valueHash: nodeCryptoHash('sha256', tag(4, j, round), 'buffer') };
    if (r === 1) return { path: pathOf(rand(KEYS)).slice(), valueHash: null };
    return { path: pathOf(rand(KEYS)).slice(), valueHash: nodeCryptoHash('sha256', tag(5, j, round), 'buffer') };
  });
for (let v = 1; v <= ROUNDS; v++) {
  const writes = batchOf(v);
  hashes = 0;
  t0 = performance.now();
  tree.applyBatch(v, writes);
  times.push(performance.now() - t0);
  counts.push(hashes);
  // The same number of bare 65-byte hashes, right after: what the batch cost would be with zero tree overhead,
  // under the same machine load (this VM is shared, so absolute times drift).
  t0 = performance.now();
  for (let i = 0; i < hashes; i++) nodeCryptoHash('sha256', probe, 'buffer');
  floors.push(performance.now() - t0);
}
const steady = times.slice(Math.min(5, ROUNDS - 1));
line('batchMedianMs', `apply ${BATCH.toLocaleString('en-US')} writes, median of ${steady.length} (after 5 warm-up)`, median(steady), 'ms');
line('batchMinMs', '  fastest', Math.min(...steady), 'ms');
line('batchMaxMs', '  slowest', Math.max(...steady), 'ms');
line('batchHashes', '  hashes per batch (median)', median(counts), '');
line('batchHashFloorMs', '  bare SHA-256 of that many 65-byte inputs, timed after each batch (median)', median(floors.slice(times.length - steady.length)), 'ms');
line('batchOverheadMs', '  tree overhead: batch minus bare hashing (median of the differences)', median(steady.map((t, i) => t - floors[i + times.length - steady.length]!)), 'ms');
const after = memory();
const kept = tree.version - tree.oldestVersion + 1;
const s0 = { internalNodes: results.internalNodes!, leafNodes: KEYS };
const s1 = tree.stats();
line('retainedVersions', 'versions retained now', kept, '');
line('liveNodes', '  live internal nodes / leaves', s1.internalNodes, `/ ${s1.leafNodes.toLocaleString('en-US')}`);
// Live records (internal 40 B + free slot 4 B, leaf 96 B + 4 B) beyond the 1M-key tree, per older version.
const historyBytes = (s1.internalNodes - s0.internalNodes) * 44 + (s1.leafNodes - s0.leafNodes) * 100;
line('perVersionMB', '  live bytes per older version (records beyond the latest tree)', historyBytes / (kept - 1) / MB, 'MB');
line('arenaNowMB', '  arena now (allocated; grows x1.5, never shrinks)', s1.arenaBytes / MB, 'MB');
line('heapNowMB', '  JS heap + array buffers now, minus before the build', (after.heap + after.buffers - before.heap - before.buffers) / MB, 'MB');

// 3. Proofs at the latest version and at the oldest retained one: half present keys, half absent.
const latest = tree.version;
const oldest = tree.oldestVersion;
const probes = Array.from({ length: 4096 }, (_, i) => (i % 2 === 0 ? pathOf(rand(KEYS)) : nodeCryptoHash('sha256', tag(6, i), 'buffer')));
let p = 0;
const proofs: StateProof[] = [];
t0 = performance.now();
while (performance.now() - t0 < 1000 || p < 1000) {
  const path = probes[p % probes.length]!;
  const proof = tree.proveAt(p % 2 === 0 ? latest : oldest, path);
  if (p < probes.length) proofs.push(proof);
  p++;
}
line('provePerSec', 'proveAt, 1M-key tree (latest and oldest retained)', p / ((performance.now() - t0) / 1000), '/s');
const claims = proofs.map((proof, i) => ({
  root: tree.rootAt(i % 2 === 0 ? latest : oldest),
  path: proof.path,
  valueHash: tree.getAt(i % 2 === 0 ? latest : oldest, proof.path),
  proof,
}));
let n = 0;
t0 = performance.now();
while (performance.now() - t0 < 1000 || n < 1000) verifyStateProof(sha256, claims[n++ % claims.length]!);
line('verifyPerSec', 'verifyStateProof', n / ((performance.now() - t0) / 1000), '/s');
const sizes = proofs.map((proof) => encode(encodeStateProof(proof)).length);
line('proofBytes', 'encoded proof size, mean (canonical CBOR)', sizes.reduce((a, b) => a + b, 0) / sizes.length, 'B');
line('proofDepth', 'proof depth, mean', proofs.reduce((a, q) => a + q.siblings.length, 0) / proofs.length, '');
if (JSON_OUT) console.log(JSON.stringify({ keys: KEYS, batch: BATCH, rounds: ROUNDS, retain: RETAIN, ...results }));
