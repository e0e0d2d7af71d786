// The event stream against a local SSE server: typed events, resumption after a connection dropped mid-block
// (Last-Event-ID, nothing lost, nothing twice), fatal errors, and clean shutdown on abort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, isGongxinError } from '@gongxin/core';
import { createClient } from './client.js';
import { subscribeEvents } from './events.js';
import { RejectedError } from './errors.js';
import { buildFakeChain, headerJson } from './testing/fake-chain.js';
import { sendJson, sse, startServer } from './testing/test-server.js';
import type { LedgerStreamEvent } from './types.js';

const chain = buildFakeChain({ blocks: 10, txsIn: () => 2 });

/** All events of block h, in the order a peer sends them: block, receipts, module events. */
function blockEvents(h: number): string[] {
  const b = chain.blocks[h]!;
  const out = [sse('block', h, { height: h, headerHash: bytesToHex(b.hash), header: headerJson(b.header), txCount: b.txIds.length })];
  b.txIds.forEach((id, index) => {
    const receipt = { txId: bytesToHex(id), ok: true, code: '', message: '', events: [], receiptHex: 'a0' };
    out.push(sse('receipt', h, { height: h, index, txId: bytesToHex(id), receipt }));
  });
  b.txIds.forEach((id) => out.push(sse('event', h, { height: h, txId: bytesToHex(id), module: 'demo', type: 'touched', attrs: { n: '1' } })));
  return out;
}

function label(e: LedgerStreamEvent): string {
  if (e.kind === 'block') return `block ${e.height}`;
  if (e.kind === 'receipt') return `receipt ${e.height}/${e.index}`;
  return `event ${e.height}/${bytesToHex(e.txId).slice(0, 6)}`;
}

function expectedLabels(from: number, to: number): string[] {
  const out: string[] = [];
  for (let h = from; h <= to; h++) {
    out.push(`block ${h}`);
    chain.blocks[h]!.txIds.forEach((_, i) => out.push(`receipt ${h}/${i}`));
    chain.blocks[h]!.txIds.forEach((id) => out.push(`event ${h}/${bytesToHex(id).slice(0, 6)}`));
  }
  return out;
}

test('drop mid-block: reconnects with Last-Event-ID = previous height, skips what was delivered, loses nothing', { timeout: 10_000 }, async () => {
  let connections = 0;
  const server = await startServer((_req, res) => {
    connections++;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (connections === 1) {
      // Blocks 3 and 4 whole, then block 5 torn after its block event and first receipt (and half a line).
      const torn = blockEvents(5);
      res.write(':hello\n\n' + [...blockEvents(3), ...blockEvents(4), torn[0], torn[1]].join('') + torn[2]!.slice(0, 10));
      setTimeout(() => res.socket?.destroy(), 30);
      return;
    }
    if (connections === 2) {
      res.write([...blockEvents(5), ...blockEvents(6)].join(''));
      res.end(); // a clean end also triggers a resume
      return;
    }
    res.write(blockEvents(6).join('') + blockEvents(7).join(''));
  });
  const client = createClient({ url: server.url });
  const ctl = new AbortController();
  const seen: string[] = [];
  const retries: number[] = [];
  await subscribeEvents(client, {
    from: 3,
    signal: ctl.signal,
    retryMs: 5,
    onRetry: (_e, delay) => retries.push(delay),
    onEvent: (e) => {
      seen.push(label(e));
      if (e.kind === 'block') assert.equal(e.header.height, e.height);
      if (e.kind === 'event' && e.height === 7 && seen.filter((s) => s.startsWith('event 7/')).length === 2) ctl.abort();
    },
  });
  await server.close();
  assert.deepEqual(seen, expectedLabels(3, 7));
  assert.deepEqual(
    server.requests.map((r) => [r.url, r.headers['last-event-id']]),
    [
      ['/v1/events?from=3', undefined],
      ['/v1/events', '4'],
      ['/v1/events', '5'],
    ],
  );
  assert.equal(server.requests[0]!.headers.accept, 'text/event-stream');
  assert.equal(retries.length, 2);
});

test('client.events(): async iteration; breaking out closes the connection', { timeout: 10_000 }, async () => {
  const server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(blockEvents(0).join('') + blockEvents(1).join(''));
  });
  const client = createClient({ url: server.url });
  const got: string[] = [];
  for await (const e of client.events({ from: 0 })) {
    got.push(label(e));
    if (got.length === 4) break;
  }
  assert.deepEqual(got, expectedLabels(0, 1).slice(0, 4));
  await server.close();
});

test('a resume after height 0 asks ?from=0 again (there is no Last-Event-ID before 0)', { timeout: 10_000 }, async () => {
  let n = 0;
  const server = await startServer((_req, res) => {
    n++;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (n === 1) {
      res.end(blockEvents(0).join(''));
      return;
    }
    res.write(blockEvents(0).join('') + blockEvents(1).join(''));
  });
  const ctl = new AbortController();
  const seen: string[] = [];
  await subscribeEvents(createClient({ url: server.url }), {
    signal: ctl.signal,
    retryMs: 5,
    onEvent: (e) => {
      seen.push(label(e));
      if (e.kind === 'block' && e.height === 1) ctl.abort();
    },
  });
  await server.close();
  assert.deepEqual(seen, ['block 0', 'block 1']);
  assert.deepEqual(
    server.requests.map((r) => [r.url, r.headers['last-event-id']]),
    [
      ['/v1/events', undefined],
      ['/v1/events?from=0', undefined],
    ],
  );
});

test('blocksOnly: ?blocks=1 on the first connection and on every resume', { timeout: 10_000 }, async () => {
  let n = 0;
  const server = await startServer((_req, res) => {
    n++;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const blocks = (from: number, to: number): string =>
      Array.from({ length: to - from + 1 }, (_, i) => blockEvents(from + i)[0]!).join('');
    if (n === 1) res.end(blocks(2, 3));
    else res.write(blocks(3, 5));
  });
  const ctl = new AbortController();
  const seen: string[] = [];
  await subscribeEvents(createClient({ url: server.url }), {
    from: 2,
    blocksOnly: true,
    signal: ctl.signal,
    retryMs: 5,
    onEvent: (e) => {
      seen.push(label(e));
      if (e.height === 5) ctl.abort();
    },
  });
  await server.close();
  assert.deepEqual(seen, ['block 2', 'block 3', 'block 4', 'block 5']);
  assert.deepEqual(
    server.requests.map((r) => [r.url, r.headers['last-event-id']]),
    [
      ['/v1/events?from=2&blocks=1', undefined],
      ['/v1/events?blocks=1', '2'],
    ],
  );
});

test('4xx is fatal (RejectedError); a malformed event is fatal (SDK_BAD_RESPONSE); a 503 is retried', { timeout: 10_000 }, async () => {
  let mode = 'reject';
  let calls = 0;
  const server = await startServer((_req, res) => {
    calls++;
    if (mode === 'reject') return sendJson(res, 400, { code: 'EVENTS_BAD_FROM', message: 'from is beyond the head' });
    if (mode === 'busy' && calls === 1) return sendJson(res, 503, { code: 'BUSY', message: 'later' }, { 'retry-after': '0' });
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(sse('block', 1, { height: 1, headerHash: 'zz' }));
  });
  const client = createClient({ url: server.url });
  const signal = new AbortController().signal;
  await assert.rejects(subscribeEvents(client, { from: 99, signal, onEvent: () => undefined }), (e) => e instanceof RejectedError && e.code === 'EVENTS_BAD_FROM');
  mode = 'bad';
  await assert.rejects(subscribeEvents(client, { signal, onEvent: () => undefined }), (e) => isGongxinError(e, 'SDK_BAD_RESPONSE'));
  mode = 'busy';
  calls = 0;
  await assert.rejects(subscribeEvents(client, { signal, retryMs: 5, onEvent: () => undefined }), (e) => isGongxinError(e, 'SDK_BAD_RESPONSE'));
  assert.equal(calls, 2);
  await server.close();
});

test('a handler that throws ends the subscription with its error; a non-SSE content type is refused', { timeout: 10_000 }, async () => {
  const server = await startServer((req, res) => {
    if (req.url.includes('from=1')) return sendJson(res, 200, { not: 'sse' });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    res.write(blockEvents(0).join(''));
  });
  const client = createClient({ url: server.url });
  const signal = new AbortController().signal;
  const boom = new Error('handler failed');
  await assert.rejects(
    subscribeEvents(client, {
      signal,
      onEvent: () => {
        throw boom;
      },
    }),
    (e) => e === boom,
  );
  await assert.rejects(subscribeEvents(client, { from: 1, signal, onEvent: () => undefined }), (e) => isGongxinError(e, 'SDK_BAD_RESPONSE'));
  await server.close();
});

test('aborting while waiting to reconnect resolves at once', { timeout: 10_000 }, async () => {
  const server = await startServer((_req, res) => sendJson(res, 502, { code: 'DOWN', message: 'down' }));
  const ctl = new AbortController();
  const started = Date.now();
  const p = subscribeEvents(createClient({ url: server.url }), { signal: ctl.signal, retryMs: 60_000, onEvent: () => undefined, onRetry: () => ctl.abort() });
  await p;
  assert.ok(Date.now() - started < 5000);
  await server.close();
});
