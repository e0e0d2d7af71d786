// Prometheus metrics of a peer (GET /metrics): height, txs committed, mempool size, verify rate, commit latency.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Peer } from './peer.js';

/** A peer's metrics registry. */
export interface PeerMetrics {
  readonly contentType: string;
  render(): Promise<string>;
}

/** Creates the registry and hooks it to the peer's block stream. */
export function createMetrics(peer: Peer): PeerMetrics {
  const registry = new Registry();
  new Gauge({ name: 'gongxin_height', help: 'Height of the last committed block', registers: [registry], collect() {
    this.set(peer.head().header.height);
  } });
  new Gauge({ name: 'gongxin_mempool_size', help: 'Transactions admitted and waiting to be committed', registers: [registry], collect() {
    this.set(peer.mempool.size);
  } });
  new Gauge({ name: 'gongxin_state_entries', help: 'Entries in the authenticated state', registers: [registry], collect() {
    this.set(peer.stateTree.leafCount);
  } });
  new Counter({ name: 'gongxin_verify_total', help: 'Transactions whose signatures were checked at admission', registers: [registry], collect() {
    this.reset();
    this.inc(peer.pool.checked);
  } });
  const txs = new Counter({ name: 'gongxin_txs_committed_total', help: 'Transactions committed in blocks (ok or failed)', registers: [registry] });
  const failed = new Counter({ name: 'gongxin_txs_failed_total', help: 'Committed transactions whose receipt is a failure', registers: [registry] });
  const blocks = new Counter({ name: 'gongxin_blocks_committed_total', help: 'Blocks committed', registers: [registry] });
  const latency = new Histogram({
    name: 'gongxin_commit_latency_seconds',
    help: 'Time from batch delivery to durable commit of a block',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  peer.onBlock(({ result, commitMs }) => {
    txs.inc(result.txs.length);
    failed.inc(result.txs.filter((t) => !t.receipt.ok).length);
    blocks.inc();
    latency.observe(commitMs / 1000);
  });
  return { contentType: registry.contentType, render: () => registry.metrics() };
}
