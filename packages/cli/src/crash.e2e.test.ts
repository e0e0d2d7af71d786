// Crash safety (issue 3): SIGKILL the peer at random moments under load, 20 times, restarting it each time. Then:
// the chain verifies from genesis by full re-execution (`gongxin verify-chain`), and every tx the API reported
// committed is in it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bytesToHex, encodeTx, hexToBytes, txSigningDigest } from '@gongxin/core';
import { createSigner, generateKeyPair, getSuite } from '@gongxin/crypto';
import { createSseParser } from '@gongxin/sdk';
import { openSqliteStore } from '@gongxin/store';
import { dataPaths } from '@gongxin/node';
import { verifyChain } from './archive/verify-chain.js';

const KILLS = 20;
const suite = getSuite('ed25519-sha256');
const signer = createSigner('ed25519-sha256', generateKeyPair('ed25519-sha256').privateKey);

function start(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=gongxin-source', '--import', 'tsx', new URL('./testing/crash-child.ts', import.meta.url).pathname, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`peer exited early (${code})`)));
  });
}

let n = 0;
function anchors(chainId: string, count: number): Uint8Array[] {
  const now = Date.now();
  return Array.from({ length: count }, () => {
    const i = n++;
    const body = { chainId, module: 'notary', command: 'anchor', args: { digest: i.toString(16).padStart(64, '0') }, signer: signer.publicKey, nonce: i, notBefore: now - 60_000, notAfter: now + 600_000 };
    return encodeTx({ body, signature: signer.signSync(txSigningDigest(suite.hash, body)) });
  });
}

/** Records every tx id the API reports committed (ok receipts over SSE) until aborted. */
function follow(url: string, from: number, committed: Set<string>, signal: AbortSignal): Promise<void> {
  return (async () => {
    const res = await fetch(`${url}/v1/events?from=${from}`, { signal });
    const parser = createSseParser();
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const m of parser.push(value)) {
        if (m.event === 'receipt') {
          const r = JSON.parse(m.data) as { txId: string; receipt: { ok: boolean } };
          if (r.receipt.ok) committed.add(r.txId);
        }
      }
    }
  })().catch(() => undefined);
}

test(`kill -9 under load ${KILLS} times: no reported-committed tx is lost, the chain replays from genesis`, { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongxin-crash-'));
  const committed = new Set<string>();
  try {
    for (let round = 0; round < KILLS; round++) {
      const { child, url } = await start(dir);
      const status = (await (await fetch(`${url}/v1/status`)).json()) as { chainId: string; height: number };
      const ac = new AbortController();
      const following = follow(url, status.height + 1, committed, ac.signal);
      const killAt = Date.now() + 150 + Math.floor(Math.random() * 600);
      while (Date.now() < killAt) {
        await fetch(`${url}/v1/txs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ txs: anchors(status.chainId, 100).map(bytesToHex) }) }).catch(() => undefined);
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      ac.abort();
      await following;
    }
    assert.ok(committed.size > 0, 'some txs were reported committed');
    let storedRoot: string;
    const store = openSqliteStore({ path: dataPaths(dir).ledger, readonly: true });
    try {
      for (const id of committed) assert.ok(store.hasTx(hexToBytes(id)), `reported-committed tx ${id} is missing`);
      storedRoot = bytesToHex(store.head()!.header.stateRoot);
    } finally {
      store.close();
    }
    const r = await verifyChain(dir);
    assert.equal(bytesToHex(r.stateRoot), storedRoot, 'the stored state root is the replayed one');
    assert.ok(r.txs >= committed.size);
    assert.equal(r.stateHeight, r.height, 'the stored state is the replayed state of the head');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
