// Crash safety of the SQLite store: a child commits blocks in a loop and is SIGKILLed at random moments; each
// time, the reopened store must hold every block the child reported and only whole blocks (txs, state, nodes).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { bytesToHex, createHistoryTree, createMemoryHistoryStore } from '@gongxin/core';
import { loadedState, nonEmpty, replayWrites } from '../conformance/helpers.js';
import { compareUtf8 } from '../keys.js';
import { sha256, testTx } from '../test-chain.js';
import { crashTxCount, crashWrites } from './crash-workload.js';
import { openSqliteStore } from './sqlite-store.js';

const KILLS = 12;
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** What the child had said when it was killed. */
interface KillReport {
  /** The last height reported committed (-1: none). */
  readonly committed: number;
  /** The height being built or committed at the kill, if any. */
  readonly inFlight: number | undefined;
}

/** Runs the child until it is killed after a random delay. */
function runAndKill(path: string, delayMs: number): Promise<KillReport> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--conditions=gongxin-source', '--import', 'tsx', child, path], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      // Arm the kill once the child is committing, so kills land mid-stream rather than during start-up.
      timer ??= setTimeout(() => p.kill('SIGKILL'), delayMs);
    });
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own (${code}): ${err}`));
      const lines = out.split('\n').slice(0, -1); // a line without its newline was not fully reported
      const done = lines.filter((l) => !l.startsWith('>'));
      const last = lines.at(-1);
      resolve({
        committed: done.length === 0 ? -1 : Number(done.at(-1)),
        inFlight: last?.startsWith('>') === true ? Number(last.slice(1)) : undefined,
      });
    });
  });
}

/** Checks the store holds exactly the whole blocks 0..head; returns head. */
function verify(path: string, reported: number): number {
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('quick_check', { simple: true }), 'ok');
  raw.close();
  const store = openSqliteStore({ path });
  try {
    const head = store.head()?.header.height ?? -1;
    assert.ok(head >= reported, `head ${head} is behind the last reported commit ${reported}`);
    for (let h = 0; h <= head; h++) {
      const header = store.getHeader(h)?.header;
      assert.equal(header?.txCount, crashTxCount(h), `header ${h}`);
      const txs = store.getBlockTxs(h);
      assert.equal(txs.length, crashTxCount(h), `txs of block ${h}`);
      for (const i of [0, txs.length - 1]) assert.equal(bytesToHex(txs[i]!.bytes), bytesToHex(testTx(h, i).bytes));
    }
    const next = testTx(head + 1, 0).id;
    assert.equal(store.hasTx(next), false, 'a tx of the uncommitted block is visible');
    const writes = Array.from({ length: head + 1 }, (_, h) => crashWrites(h)).flat();
    assert.deepEqual(loadedState(store, compareUtf8), nonEmpty(replayWrites(writes)));
    const nodes = createMemoryHistoryStore();
    for (const n of store.loadHistoryNodes()) nodes.put(n.level, n.index, n.hash);
    assert.equal(createHistoryTree(sha256, nodes).size, head + 1);
    return head;
  } finally {
    store.close();
  }
}

test('SIGKILL at random moments leaves a prefix of whole blocks holding every reported commit', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gongxin-crash-'));
  const path = join(dir, 'ledger.db');
  try {
    let head = -1;
    let inFlight = 0;
    for (let i = 0; i < KILLS; i++) {
      const report = await runAndKill(path, Math.floor(Math.random() * 250));
      const before = head;
      head = verify(path, report.committed);
      assert.ok(head >= before, 'the head went backwards');
      if (report.inFlight !== undefined) {
        inFlight++;
        // Killed while building or committing block h: the store holds h - 1 or all of h.
        assert.ok(head === report.inFlight - 1 || head === report.inFlight, `head ${head} after a kill during block ${report.inFlight}`);
      }
    }
    assert.ok(head >= KILLS, `too few blocks committed (${head}) for the test to mean anything`);
    t.diagnostic(`${KILLS} kills, ${inFlight} while a block was being built or committed; head ${head}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
