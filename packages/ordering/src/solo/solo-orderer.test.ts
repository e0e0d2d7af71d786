import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GongxinError, type OrderedBatch } from '@gongxin/core';
import { createSoloOrderer } from './solo-orderer.js';

const tx = (n: number, size = 10): Uint8Array => new Uint8Array(size).fill(n);

async function next(it: AsyncIterator<OrderedBatch>): Promise<OrderedBatch> {
  const r = await it.next();
  assert.equal(r.done, false);
  return r.value as OrderedBatch;
}

test('solo cuts batches in arrival order with consecutive heights and non-decreasing time', async () => {
  let clock = 1000;
  const o = createSoloOrderer({ proposer: new Uint8Array(32), now: () => clock, lingerMs: 0 });
  const it = o.deliver({ height: 5, lastTimestamp: 2000 })[Symbol.asyncIterator]();
  o.broadcast([tx(1), tx(2)]);
  const a = await next(it);
  assert.equal(a.height, 5);
  assert.deepEqual(a.txs, [tx(1), tx(2)]);
  assert.equal(a.timestamp, 2000, 'clock behind the last block: time must not regress');
  clock = 3000;
  o.broadcast([tx(3)]);
  const b = await next(it);
  assert.equal(b.height, 6);
  assert.equal(b.timestamp, 3000);
  assert.deepEqual(b.txs, [tx(3)]);
  await o.close();
  assert.equal((await it.next()).done, true);
});

test('solo respects maxTxs and maxBytes and keeps the rest for the next batch', async () => {
  const o = createSoloOrderer({ proposer: new Uint8Array(32), maxTxs: 3, maxBytes: 25, lingerMs: 0 });
  const it = o.deliver({ height: 1, lastTimestamp: 0 })[Symbol.asyncIterator]();
  o.broadcast([tx(1), tx(2), tx(3), tx(4), tx(5)]);
  assert.equal((await next(it)).txs.length, 2, 'bytes limit: 10+10 fits, +10 does not');
  assert.equal((await next(it)).txs.length, 2);
  assert.equal((await next(it)).txs.length, 1);
  assert.equal(o.pendingCount(), 0);
  await o.close();
});

test('solo applies back-pressure with ORDERER_BUSY and stays usable', async () => {
  const o = createSoloOrderer({ proposer: new Uint8Array(32), capacity: 2, lingerMs: 0 });
  o.broadcast([tx(1), tx(2)]);
  assert.throws(() => o.broadcast([tx(3)]), (e: unknown) => e instanceof GongxinError && e.code === 'ORDERER_BUSY');
  const it = o.deliver({ height: 1, lastTimestamp: 0 })[Symbol.asyncIterator]();
  assert.equal((await next(it)).txs.length, 2);
  o.broadcast([tx(3)]);
  assert.equal((await next(it)).txs.length, 1);
  await o.close();
  assert.throws(() => o.broadcast([tx(4)]), (e: unknown) => e instanceof GongxinError && e.code === 'ORDERER_CLOSED');
});

test('deliver stops when its signal aborts while waiting', async () => {
  const o = createSoloOrderer({ proposer: new Uint8Array(32) });
  const ac = new AbortController();
  const it = o.deliver({ height: 1, lastTimestamp: 0 }, ac.signal)[Symbol.asyncIterator]();
  const pending = it.next();
  ac.abort();
  assert.equal((await pending).done, true);
  await o.close();
});
