// The client against a local HTTP server with canned docs/api.md bodies: requests it sends, typed results
// (hex → Uint8Array, header → BlockHeader), and the mapping of every failure to a step error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, equalBytes, isGongxinError } from '@gongxin/core';
import { createClient } from './client.js';
import { RejectedError, SubmitError } from './errors.js';
import { buildFakeChain } from './testing/fake-chain.js';
import { sendJson, startServer, type Handler } from './testing/test-server.js';

const chain = buildFakeChain({ blocks: 6 });
const b3 = chain.blocks[3]!;
const txHex = bytesToHex(b3.txIds[1]!);
const receiptJson = { txId: txHex, ok: true, code: '', message: '', events: [{ module: 'demo', type: 'set', attrs: { key: 'k3', n: '12' } }], receiptHex: 'a1616101' };

const routes: Record<string, (body: string) => [number, unknown]> = {
  'GET /healthz': () => [200, { ok: true }],
  'GET /v1/status': () => [
    200,
    { chainId: 'test-chain', suite: 'ed25519-sha256', height: 5, headerHash: bytesToHex(chain.blocks[5]!.hash), stateRoot: '11'.repeat(32), historyRoot: '22'.repeat(32), timestamp: 1, mempool: { size: 3, capacity: 100 }, version: '0.1.0' },
  ],
  'GET /v1/genesis': () => [200, chain.genesisJson()],
  'POST /v1/txs': (body) => {
    const b = JSON.parse(body) as { tx?: string; txs?: string[] };
    if (b.tx !== undefined) return [202, { txId: txHex }];
    return [202, { accepted: [txHex], rejected: [{ index: 1, txId: '33'.repeat(32), code: 'TX_BAD_SIGNATURE', message: 'bad' }, { index: 2, code: 'TX_MALFORMED', message: 'junk' }] }];
  },
  [`GET /v1/txs/${txHex}`]: () => [200, { txId: txHex, status: 'committed', height: 3, index: 1, receipt: receiptJson }],
  [`GET /v1/txs/${'44'.repeat(32)}`]: () => [200, { txId: '44'.repeat(32), status: 'pending' }],
  [`GET /v1/txs/${txHex}/proof`]: () => [200, chain.txProofJson(3, 1)],
  'GET /v1/blocks/latest': () => [200, chain.blockJson(5)],
  'GET /v1/blocks/3/receipts': () => [200, { height: 3, receipts: [receiptJson] }],
  'GET /v1/history/inclusion?height=2&treeSize=5': () => [200, chain.historyInclusionJson(2, 5)],
  'GET /v1/history/consistency?first=2&second=5': () => [200, chain.historyConsistencyJson(2, 5)],
  'GET /v1/state/demo/a%2Fb%20%E7%8A%B6': () => [200, { ...chain.stateJson('demo', 'k4', 4), key: 'a/b 状' }],
  'GET /v1/query/demo/by-owner?params=%7B%22owner%22%3A%22ab%22%2C%22n%22%3A%2212%22%7D': () => [200, { items: [1, 2] }],
};

const cannedHandler: Handler = (req, res) => {
  if (req.url === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('gongxin_height 5\n');
    return;
  }
  const route = routes[`${req.method} ${req.url}`];
  if (route === undefined) return sendJson(res, 404, { code: 'TEST_NO_ROUTE', message: `${req.method} ${req.url}` });
  const [status, body] = route(req.body);
  sendJson(res, status, body);
};

test('every route: the request sent and the typed result', { timeout: 10_000 }, async () => {
  const server = await startServer(cannedHandler);
  const c = createClient({ url: server.url + '/', headers: { 'x-api-key': 'k' } });
  try {
    assert.equal(await c.health(), true);
    assert.match(await c.metrics(), /gongxin_height 5/);
    const st = await c.status();
    assert.equal(st.height, 5);
    assert.ok(equalBytes(st.headerHash, chain.blocks[5]!.hash));
    assert.equal(st.mempool.capacity, 100);
    const g = await c.genesis();
    assert.equal(g.genesis.chainId, 'test-chain');
    assert.deepEqual(g.genesis.params, chain.genesis.params);
    assert.ok(equalBytes(g.genesisHash, chain.genesisHash));

    const sub = await c.submitTx(new Uint8Array([0xa2, 1]));
    assert.equal(bytesToHex(sub.txId), txHex);
    const batch = await c.submitTxs([new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])]);
    assert.equal(batch.accepted.length, 1);
    assert.deepEqual(batch.rejected.map((r) => [r.index, r.code, r.txId === undefined]), [[1, 'TX_BAD_SIGNATURE', false], [2, 'TX_MALFORMED', true]]);

    const t = await c.getTx(b3.txIds[1]!);
    assert.equal(t.status, 'committed');
    assert.equal(t.height, 3);
    assert.equal(t.receipt?.events[0]?.attrs.n, '12');
    assert.ok(equalBytes(t.receipt!.receiptBytes, Uint8Array.of(0xa1, 0x61, 0x61, 0x01)));
    const pending = await c.getTx('44'.repeat(32));
    assert.equal(pending.status, 'pending');
    assert.equal(pending.receipt, undefined);

    const proof = await c.getTxProof(txHex.toUpperCase());
    assert.equal(proof.header.height, 3);
    assert.ok(proof.header.txRoot instanceof Uint8Array);
    assert.ok(equalBytes(proof.headerHash, b3.hash));
    const latest = await c.getBlock('latest');
    assert.deepEqual(latest.header, chain.blocks[5]!.header);
    const rs = await c.getReceipts(3);
    assert.equal(rs.receipts.length, 1);
    const hi = await c.historyInclusion({ height: 2, treeSize: 5 });
    assert.equal(hi.auditPath.length, chain.history.inclusionProof(2, 5).length);
    const hc = await c.historyConsistency({ first: 2, second: 5 });
    assert.ok(equalBytes(hc.secondRoot, chain.history.rootAt(5)));
    const s = await c.getState('demo', 'a/b 状');
    assert.equal(s.found, true);
    assert.ok(s.valueBytes instanceof Uint8Array);
    assert.deepEqual(await c.query('demo', 'by-owner', { owner: new Uint8Array([0xab]), n: 12n }), { items: [1, 2] });

    const posts = server.requests.filter((r) => r.method === 'POST');
    assert.deepEqual(JSON.parse(posts[0]!.body), { tx: 'a201' });
    assert.deepEqual(JSON.parse(posts[1]!.body), { txs: ['01', '02', '03'] });
    assert.equal(posts[0]!.headers['content-type'], 'application/json');
    assert.ok(server.requests.every((r) => r.headers['x-api-key'] === 'k'));
    assert.ok(server.requests.some((r) => r.url === `/v1/txs/${txHex}/proof`), 'ids are sent as lowercase hex');
  } finally {
    await server.close();
  }
});

test('error mapping: 4xx → RejectedError with the peer code; 429/503/5xx → SubmitError; bad bodies → SDK_BAD_RESPONSE', { timeout: 10_000 }, async () => {
  const answers: Array<[number, string, Record<string, string> | undefined]> = [];
  const server = await startServer((_req, res) => {
    const [status, body, headers] = answers.shift()!;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  });
  const c = createClient({ url: server.url });
  const tx = new Uint8Array([1]);
  const id = '55'.repeat(32);
  const next = (status: number, body: unknown, headers?: Record<string, string>): void => {
    answers.push([status, typeof body === 'string' ? body : JSON.stringify(body), headers]);
  };
  try {
    next(400, { code: 'TX_BAD_SIGNATURE', message: 'signature does not verify', details: { txId: id } });
    await assert.rejects(c.submitTx(tx), (e) => e instanceof RejectedError && e.code === 'TX_BAD_SIGNATURE' && e.status === 400 && e.txId === id);
    next(409, { code: 'TX_DUPLICATE', message: 'already known' });
    await assert.rejects(c.submitTx(tx, { txId: id }), (e) => e instanceof RejectedError && e.code === 'TX_DUPLICATE' && e.txId === id);
    next(413, { code: 'TX_TOO_LARGE', message: 'too large', details: { size: 99, limit: 10 } });
    await assert.rejects(c.submitTx(tx), (e) => e instanceof RejectedError && e.code === 'TX_TOO_LARGE' && e.details.limit === 10);
    next(429, { code: 'MEMPOOL_FULL', message: 'mempool is full' }, { 'retry-after': '3' });
    await assert.rejects(
      c.submitTx(tx),
      (e) => e instanceof SubmitError && e.code === 'SDK_SUBMIT_FAILED' && e.status === 429 && e.retryAfter === 3 && e.peerCode === 'MEMPOOL_FULL',
    );
    next(503, { code: 'MEMPOOL_FULL', message: 'busy' }, { 'retry-after': '1' });
    await assert.rejects(c.submitTx(tx), (e) => e instanceof SubmitError && e.status === 503 && e.retryAfter === 1);
    next(500, 'internal error, not json');
    await assert.rejects(c.status(), (e) => e instanceof SubmitError && e.code === 'SDK_SUBMIT_FAILED' && e.status === 500);
    next(404, { code: 'TX_NOT_FOUND', message: 'unknown tx' });
    await assert.rejects(c.getTx(id), (e) => e instanceof RejectedError && e.code === 'TX_NOT_FOUND' && e.status === 404 && e.txId === id);
    next(404, '<html>not found</html>');
    await assert.rejects(c.getBlock(99), (e) => e instanceof RejectedError && e.code === 'SDK_REJECTED' && e.status === 404);
    next(200, 'not json');
    await assert.rejects(c.status(), (e) => e instanceof SubmitError && e.code === 'SDK_BAD_RESPONSE');
    next(200, { chainId: 'x', height: -1 });
    await assert.rejects(c.status(), (e) => e instanceof SubmitError && e.code === 'SDK_BAD_RESPONSE' && /height|suite/.test(e.message));
    next(200, { ...chain.blockJson(1), header: { ...chain.blockJson(1).header as object, txRoot: 'abcd' } });
    await assert.rejects(c.getBlock(1), (e) => e instanceof SubmitError && e.code === 'SDK_BAD_RESPONSE' && /txRoot/.test(e.message));
    next(200, { txId: 'zz' });
    await assert.rejects(c.submitTx(tx), (e) => e instanceof SubmitError && e.code === 'SDK_BAD_RESPONSE');
    assert.equal(answers.length, 0);
  } finally {
    await server.close();
  }
});

test('transport failures: timeout, abort, connection refused → SubmitError', { timeout: 10_000 }, async () => {
  const server = await startServer(() => undefined); // never answers
  try {
    const slow = createClient({ url: server.url, timeoutMs: 100 });
    await assert.rejects(slow.status(), (e) => e instanceof SubmitError && e.code === 'SDK_SUBMIT_FAILED' && e.details.reason === 'timeout');
    const patient = createClient({ url: server.url });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    await assert.rejects(patient.status({ signal: ctl.signal }), (e) => e instanceof SubmitError && e.code === 'SDK_ABORTED');
  } finally {
    await server.close();
  }
  const gone = createClient({ url: server.url });
  await assert.rejects(gone.status(), (e) => e instanceof SubmitError && e.code === 'SDK_SUBMIT_FAILED' && e.details.reason === 'network' && e.cause !== undefined);
});

test('a custom fetch is used; bad arguments are SDK_INVALID_ARGUMENT (rejections) and send nothing', async () => {
  const seen: string[] = [];
  const fetch = (input: string): Promise<Response> => {
    seen.push(input);
    return Promise.resolve(new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  const c = createClient({ url: 'https://peer.example/api/', fetch });
  assert.equal(await c.health(), true);
  assert.deepEqual(seen, ['https://peer.example/api/healthz']);
  assert.throws(() => createClient({ url: 'not a url' }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  assert.throws(() => createClient({ url: 'ftp://x' }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(c.getTx('abc'), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(c.getTx(new Uint8Array(31)), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(c.getBlock(-1), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(c.historyInclusion({ height: 1.5, treeSize: 2 }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(c.submitTx('00' as unknown as Uint8Array), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  assert.equal(seen.length, 1);
});
