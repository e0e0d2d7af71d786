// The load engine end to end against a fake peer serving a real chain (POST /v1/txs executes a block): every tx
// sent is seen committed, refusals are counted by code, per-second ticks are reported; `gongxin load` prints them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGongxinError } from '@gongxin/core';
import { createSigner, generateKeyPair } from '@gongxin/crypto';
import { createClient, type FetchFn } from '@gongxin/sdk';
import { fakePeerFetch } from '../testing/fake-peer.js';
import { run } from '../testing/run.js';
import { createTestChain, type TestChain } from '../testing/test-chain.js';
import { blocksSource, eventsSource } from './commit-tracker.js';
import { runLoad, type LoadTick } from './run-load.js';

const signers = (c: TestChain, n: number) => Array.from({ length: n }, () => createSigner(c.suite.id, generateKeyPair(c.suite.id).privateKey));
const chainTime = (c: TestChain) => (): number => c.store.head()!.header.timestamp;

test('runLoad sends rate × duration txs in paced batches and sees each one committed', async () => {
  const chain = createTestChain();
  const posts: number[] = [];
  const base = fakePeerFetch(chain);
  const fetch: FetchFn = async (input, init) => {
    if (init?.method === 'POST') posts.push((JSON.parse(init.body as string) as { txs: string[] }).txs.length);
    return base(input, init);
  };
  const ticks: LoadTick[] = [];
  const presigned: number[] = [];
  const r = await runLoad({
    client: createClient({ url: 'http://peer', fetch }),
    rate: 300,
    durationSec: 2,
    batch: 40,
    signers: signers(chain, 3),
    factory: (i) => ({ module: 'kv', command: 'set', args: { key: `n${i}`, value: i } }),
    commits: blocksSource(5),
    wallClock: chainTime(chain),
    onTick: (t) => ticks.push(t),
    onPresign: (done) => presigned.push(done),
  });
  assert.equal(r.planned, 600);
  assert.equal(r.sent, 600);
  assert.equal(r.accepted, 600);
  assert.equal(r.refused, 0);
  assert.equal(r.committed, 600);
  assert.equal(r.uncommitted, 0);
  assert.deepEqual(presigned, [600], 'all signed before the timed phase');
  assert.ok(posts.every((n) => n >= 1 && n <= 40), `batches ≤ 40: ${posts.join(',')}`);
  assert.equal(posts.reduce((a, b) => a + b, 0), 600);
  assert.ok(r.sendMs >= 1900 && r.sendMs < 4000, `sent over ~2 s, not at once (${r.sendMs} ms)`);
  assert.ok(r.txPerSec > 100 && r.txPerSec < 600, String(r.txPerSec));
  assert.ok(r.p50Ms >= 0 && r.p50Ms <= r.p90Ms && r.p90Ms <= r.p99Ms && r.p99Ms <= r.maxMs);
  assert.equal(r.endHeight - r.startHeight, posts.length, 'one block per request on this peer');
  const first = ticks.find((t) => t.second === 1)!;
  assert.equal(first.phase, 'send');
  assert.ok(first.sentPerSec >= 250 && first.sentPerSec <= 450, `about the rate in the first second: ${first.sentPerSec}`);
  for (let i = 0; i < 600; i++) assert.ok(chain.store.get('kv', `n${i}`) !== undefined, `tx ${i} executed`);
});

test('refusals are counted by code and not waited for', async () => {
  const chain = createTestChain();
  const base = fakePeerFetch(chain);
  let seen = 0;
  const fetch: FetchFn = async (input, init) => {
    if (init?.method !== 'POST') return base(input, init);
    // Every other tx of the run (counted across requests) is refused.
    const txs = (JSON.parse(init.body as string) as { txs: string[] }).txs.map((tx) => ({ tx, refuse: seen++ % 2 === 1 }));
    const res = (await (await base(input, { ...init, body: JSON.stringify({ txs: txs.filter((t) => !t.refuse).map((t) => t.tx) }) })).json()) as { accepted: string[] };
    const rejected = txs.flatMap((t, i) => (t.refuse ? [{ index: i, code: 'MEMPOOL_FULL', message: 'the mempool is full' }] : []));
    return new Response(JSON.stringify({ accepted: res.accepted, rejected }), { status: 202, headers: { 'content-type': 'application/json' } });
  };
  const r = await runLoad({
    client: createClient({ url: 'http://peer', fetch }),
    rate: 100,
    durationSec: 1,
    batch: 10,
    signers: signers(chain, 1),
    factory: (i) => ({ module: 'kv', command: 'set', args: { key: `n${i}`, value: i } }),
    commits: blocksSource(5),
    wallClock: chainTime(chain),
    drainMs: 2000,
  });
  assert.equal(r.sent, 100);
  assert.equal(r.refused, 50);
  assert.equal(r.accepted, 50);
  assert.equal(r.committed, 50);
  assert.equal(r.uncommitted, 0, 'refused txs are not pending');
  assert.deepEqual(r.refusals, { MEMPOOL_FULL: { count: 50, message: 'the mempool is full' } });
});

test('with the SSE source, failed receipts are told apart from committed ones', async () => {
  const chain = createTestChain();
  const r = await runLoad({
    client: createClient({ url: 'http://peer', fetch: fakePeerFetch(chain) }),
    rate: 100,
    durationSec: 1,
    batch: 10,
    signers: signers(chain, 1),
    factory: (i) => (i % 4 === 0 ? { module: 'kv', command: 'fail', args: {} } : { module: 'kv', command: 'set', args: { key: `n${i}`, value: i } }),
    commits: eventsSource,
    wallClock: chainTime(chain),
    drainMs: 3000,
  });
  assert.equal(r.sent, 100);
  assert.equal(r.committed, 75);
  assert.equal(r.failed, 25);
  assert.equal(r.uncommitted, 0);
});

test('bad parameters and an invalid tx factory fail before anything is sent', async () => {
  const chain = createTestChain();
  const client = createClient({ url: 'http://peer', fetch: fakePeerFetch(chain) });
  await assert.rejects(runLoad({ client, rate: 0, durationSec: 1, signers: signers(chain, 1) }), (e: unknown) => isGongxinError(e, 'CLI_USAGE'));
  await assert.rejects(runLoad({ client, rate: 10, durationSec: 1, signers: [] }), (e: unknown) => isGongxinError(e, 'CLI_LOAD_INVALID'));
  await assert.rejects(
    runLoad({ client, rate: 10, durationSec: 1, signers: signers(chain, 1), factory: () => ({ module: 'Not A Module', command: 'x', args: {} }) }),
    (e: unknown) => isGongxinError(e, 'CLI_LOAD_INVALID') && /TX_MALFORMED/.test(e.message),
  );
  assert.equal(chain.store.head()!.header.height, 0, 'nothing was sent');
});

test('gongxin load prints sent/committed per second and the closing figures', async () => {
  const chain = createTestChain();
  const r = await run(['load', '--rate', '50', '--duration', '1', '--batch', '10', '--keys', '2', '--module', 'kv', '--command', 'set', '--args', '{"key":"k","value":1}', '--track', 'blocks', '--drain', '2'], {
    fetch: fakePeerFetch(chain),
    now: chain.store.head()!.header.timestamp,
  });
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /^load: 50 tx\/s for 1 s of kv\.set to http:\/\/127\.0\.0\.1:7070 \(batches of ≤ 10\)\n/);
  assert.match(r.err, /\n {3}1s send +sent +\d+\/s +committed +\d+\/s +pending \d+ +refused 0\n/);
  assert.match(r.out, /^sent 50 of 50 planned in \d+\.\d s/);
  assert.match(r.out, /\ncommitted 50 \(included in blocks; --track events tells failed receipts apart\), refused 0, not seen committed 0\n/);
  assert.match(r.out, /\nthroughput \d+ tx\/s committed; latency \(send → commit seen\) p50 \d+ ms, p90 \d+ ms, p99 \d+ ms, max \d+ ms\n/);
});

test('a stop (Ctrl-C) ends the sending early; pending txs are still seen and the figures printed', async () => {
  const chain = createTestChain();
  const stop = new AbortController();
  const base = fakePeerFetch(chain);
  let posted = 0;
  // The user presses Ctrl-C once 50 txs went out.
  const fetch: FetchFn = async (input, init) => {
    if (init?.method === 'POST') {
      posted += (JSON.parse(init.body as string) as { txs: string[] }).txs.length;
      if (posted >= 50) stop.abort();
    }
    return base(input, init);
  };
  const r = await run(['--json', 'load', '--rate', '100', '--duration', '20', '--batch', '10', '--module', 'kv', '--command', 'set', '--args', '{"key":"k","value":1}'], {
    fetch,
    now: chain.store.head()!.header.timestamp,
    stop: stop.signal,
  });
  assert.equal(r.code, 0, r.err);
  const figures = JSON.parse(r.out) as { planned: number; sent: number; committed: number; uncommitted: number; sendMs: number };
  assert.equal(figures.planned, 2000);
  assert.ok(figures.sent >= 50 && figures.sent <= 90, `no new request after the stop: ${figures.sent}`);
  assert.ok(figures.sendMs < 10_000, 'the 20 s run ended early');
  assert.equal(figures.committed, figures.sent, 'what was sent before the stop is still seen committed');
  assert.equal(figures.uncommitted, 0);
});
