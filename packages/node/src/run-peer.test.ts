// runPeer on a port that is taken fails and releases the store, so the same data dir opens again at once.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runPeer } from './run-peer.js';

test('a taken port fails cleanly and the data dir can be opened again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongxin-port-'));
  const first = await runPeer({ dataDir: join(dir, 'a'), port: 0, demo: false, verifyThreads: 1 });
  try {
    const port = Number(new URL(first.url).port);
    await assert.rejects(runPeer({ dataDir: join(dir, 'b'), port, demo: false, verifyThreads: 1 }), /EADDRINUSE|address already in use/);
    // SQLite removes the WAL file when the last connection closes: its absence shows the store was released.
    assert.equal(existsSync(join(dir, 'b', 'ledger.sqlite-wal')), false, 'the failed start left the ledger open');
    assert.equal(existsSync(join(dir, 'b', 'ledger.sqlite')), true);
    const again = await runPeer({ dataDir: join(dir, 'b'), port: 0, demo: false, verifyThreads: 1 });
    assert.equal(again.created, false, 'the chain made by the failed start is reopened');
    await again.close();
  } finally {
    await first.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
