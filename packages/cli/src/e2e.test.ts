// End to end against a real peer (`gongxin start` in-process, SQLite, solo ordering, demo story): status, block, tx,
// proofs, verify, export → import, verify-chain, load, a clean stop, and a second peer on the imported directory.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { run, type RunResult } from './testing/run.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-e2e-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Starts `gongxin start` in-process; resolves with its URL once it listens. */
async function startPeer(dataDir: string, extra: string[] = []): Promise<{ url: string; stop: () => Promise<RunResult> }> {
  const ctl = new AbortController();
  let resolveUrl: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => (resolveUrl = resolve));
  const done = run(['start', '-d', dataDir, '--port', '0', '--verify-threads', '1', ...extra], {
    stop: ctl.signal,
    onOut: (out) => {
      const m = /press Ctrl-C to stop/.test(out) ? /API +(http:\/\/[^/\s]+)\/v1\/status/.exec(out) : null;
      if (m) resolveUrl(m[1]!);
    },
  });
  const url = await Promise.race([listening, done.then((r) => assert.fail(`start ended: ${r.err}`))]);
  return {
    url,
    stop: () => {
      ctl.abort();
      return done;
    },
  };
}

const ok = (r: RunResult, what: string): RunResult => {
  assert.equal(r.code, 0, `${what}: ${r.err}`);
  return r;
};

test('a peer runs, takes a tx, proves it, exports, re-imports and verifies from genesis', async () => {
  const dir = join(root, 'peer');
  const peer = await startPeer(dir);
  try {
    const url = ['--url', peer.url];
    const status = JSON.parse(ok(await run(['--json', 'status', ...url]), 'status').out) as { height: number; chainId: string };
    assert.equal(status.chainId, 'gongxin-dev');
    assert.ok(status.height >= 1, 'the demo story made blocks');
    assert.match(ok(await run(['block', '0', ...url]), 'block 0').out, /^height +0\nhash +[0-9a-f]{64} {2}\(recomputed from the fields: matches\)/);

    const digest = 'd1'.repeat(32);
    const tx = ok(await run(['tx', 'notary', 'anchor', '--args', `{"digest":"${digest}","note":"e2e"}`, '--as', 'hubei-cdc-admin', '-d', dir, ...url]), 'tx');
    const txId = /^tx ([0-9a-f]{64}) committed in block (\d+)/.exec(tx.out)![1]!;
    assert.match(tx.out, /\nok\n {2}event notary\.anchored /);
    const refused = await run(['tx', 'notary', 'anchor', '--args', '{"digest":"nope"}', '--as', 'hubei-cdc-admin', '-d', dir, ...url]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /^error TX_INVALID_ARGS: /m);

    const proofFile = join(root, 'tx-proof.json');
    assert.match(ok(await run(['tx-proof', txId, '--verify', '--out', proofFile, ...url]), 'tx-proof').out, /in the history of the peer's head/);
    assert.match(ok(await run(['verify', proofFile]), 'verify').out, new RegExp(`^verified: tx proof \\(suite ed25519-sha256\\)\\n {2}tx ${txId}\\n`));
    const state = ok(await run(['state', 'notary', `anchor/${digest}/${txId}`, '--verify', ...url]), 'state');
    assert.match(state.out, new RegExp(`"digest":"${digest}"`));
    assert.match(state.out, /verified: the value is decoded from the proven bytes/);

    const load = ok(await run(['--json', 'load', ...url, '--rate', '200', '--duration', '1', '--module', 'notary', '--command', 'anchor', '--args', `{"digest":"${digest}"}`]), 'load');
    const figures = JSON.parse(load.out) as { sent: number; committed: number; uncommitted: number; p50Ms: number };
    assert.equal(figures.sent, 200);
    assert.equal(figures.committed, 200);
    assert.equal(figures.uncommitted, 0);
    assert.ok(figures.p50Ms >= 0);

    // Export while the peer runs, then replay into a new directory.
    const archive = join(root, 'chain.gxa');
    const exported = JSON.parse(ok(await run(['--json', 'export', '-d', dir, '--out', archive]), 'export').out) as { headHash: string; height: number; txs: number };
    assert.ok(exported.txs >= 202);
    const copy = join(root, 'copy');
    const imported = JSON.parse(ok(await run(['--json', 'import', archive, '-d', copy, '--keys-from', dir]), 'import').out) as { headHash: string; height: number; stateRoot: string };
    assert.equal(imported.headHash, exported.headHash);
    assert.equal(imported.height, exported.height);
    const block = JSON.parse(ok(await run(['--json', 'block', String(exported.height), ...url]), 'block').out) as { header: { stateRoot: string } };
    assert.equal(imported.stateRoot, block.header.stateRoot, 'the replayed state root is the one the peer committed');
    for (const d of [dir, copy]) assert.match(ok(await run(['verify-chain', '-d', d]), `verify-chain ${d}`).out, /^verified \d+ blocks \(\d+ txs\) from genesis/);
    // verify-chain on a ledger the peer is writing to: no false alarm.
    const [busyLoad, busyVerify] = await Promise.all([
      run(['load', ...url, '--rate', '300', '--duration', '2', '--module', 'notary', '--command', 'anchor', '--args', `{"digest":"${digest}"}`]),
      new Promise<RunResult>((resolve) => setTimeout(() => resolve(run(['verify-chain', '-d', dir])), 300)),
    ]);
    ok(busyLoad, 'load while verifying');
    ok(busyVerify, 'verify-chain while the peer commits');
    const again = await run(['import', archive, '-d', copy]);
    assert.equal(again.code, 1);
    assert.match(again.err, /^error CLI_DATA_DIR_EXISTS: /);

    // A second peer on the imported directory serves the same head.
    const second = await startPeer(copy, ['--no-demo']);
    try {
      const s2 = JSON.parse(ok(await run(['--json', 'status', '--url', second.url]), 'status 2').out) as { headerHash: string; height: number };
      assert.equal(s2.headerHash, exported.headHash);
    } finally {
      ok(await second.stop(), 'stop 2');
    }
    const busy = await run(['start', '-d', copy, '--port', new URL(peer.url).port]);
    assert.equal(busy.code, 1);
    assert.match(busy.err, /^error CLI_PORT_UNAVAILABLE: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
  } finally {
    const stopped = ok(await peer.stop(), 'stop');
    assert.match(stopped.out, /\nstopped at height \d+, head [0-9a-f]{64}\n$/);
    assert.match(stopped.err, /stopping…/);
  }
});
