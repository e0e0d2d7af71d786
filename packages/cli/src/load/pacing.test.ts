// The pure parts of the load generator: pacing, batching, percentiles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchSizes, dueBy, MAX_INTERVAL_MS, MIN_INTERVAL_MS, pacingIntervalMs, percentile, perSecond, summarizeLatencies } from './pacing.js';

test('the send interval fills a batch at high rates and is bounded at low and very high rates', () => {
  assert.equal(pacingIntervalMs(13_000, 500), 38);
  assert.equal(pacingIntervalMs(10_000, 500), 50);
  assert.equal(pacingIntervalMs(100, 500), MAX_INTERVAL_MS, 'low rates still send every 100 ms');
  assert.equal(pacingIntervalMs(1, 1), MAX_INTERVAL_MS);
  assert.equal(pacingIntervalMs(1_000_000, 500), MIN_INTERVAL_MS, 'never a busy loop');
});

test('dueBy follows rate × time, never exceeds the total, and sends nothing before the start', () => {
  assert.equal(dueBy(0, 1000, 5000), 0);
  assert.equal(dueBy(-5, 1000, 5000), 0);
  assert.equal(dueBy(1, 1000, 5000), 1);
  assert.equal(dueBy(999, 1000, 5000), 999);
  assert.equal(dueBy(1500, 2000, 100_000), 3000);
  assert.equal(dueBy(60_000, 2000, 100_000), 100_000);
  assert.equal(dueBy(333, 3, 10), 0, '3 tx/s: the first is due at 334 ms');
  assert.equal(dueBy(334, 3, 10), 1);
  // Over any second the count due grows by exactly the rate.
  for (const t of [0, 250, 1234, 9999]) assert.equal(dueBy(t + 1000, 777, 1e9) - dueBy(t, 777, 1e9), 777);
});

test('a paced run over simulated time sends exactly the rate each second, in batches of at most `batch`', () => {
  const rate = 1300;
  const batch = 100;
  const total = rate * 3;
  const interval = pacingIntervalMs(rate, batch);
  let sent = 0;
  const perSecondSent = [0, 0, 0, 0];
  for (let t = 0; sent < total; t += interval) {
    for (const n of batchSizes(dueBy(t, rate, total) - sent, batch)) {
      assert.ok(n >= 1 && n <= batch);
      sent += n;
      perSecondSent[Math.floor(t / 1000)]! += n;
    }
  }
  assert.equal(sent, total);
  // Each second's sends are within one interval's worth of the rate.
  for (const s of perSecondSent.slice(1, 3)) assert.ok(Math.abs(s - rate) <= Math.ceil((rate * interval) / 1000), String(s));
});

test('batchSizes cuts a count into batches', () => {
  assert.deepEqual(batchSizes(0, 500), []);
  assert.deepEqual(batchSizes(-3, 500), []);
  assert.deepEqual(batchSizes(500, 500), [500]);
  assert.deepEqual(batchSizes(1200, 500), [500, 500, 200]);
  assert.deepEqual(batchSizes(3, 1), [1, 1, 1]);
});

test('percentiles by nearest rank, and the latency summary', () => {
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.equal(percentile([7], 99), 7);
  assert.equal(percentile([10, 20, 30, 40], 50), 20);
  assert.equal(percentile([10, 20, 30, 40], 75), 30);
  assert.equal(percentile([10, 20, 30, 40], 100), 40);
  assert.equal(percentile([10, 20, 30, 40], 0), 10);
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  const s = summarizeLatencies(hundred);
  assert.deepEqual(s, { p50Ms: 50, p90Ms: 90, p99Ms: 99, maxMs: 100, meanMs: 50.5 });
  assert.deepEqual(hundred[0], 100, 'the input is not sorted in place');
  const empty = summarizeLatencies([]);
  assert.ok(Number.isNaN(empty.p50Ms) && Number.isNaN(empty.maxMs) && Number.isNaN(empty.meanMs));
  assert.equal(perSecond(500, 250), 2000);
  assert.equal(perSecond(5, 0), 0);
});
