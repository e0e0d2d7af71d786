// GET /v1/events: server-sent events of committed blocks, receipts and module events. Each event's id is its
// block height; a client resumes with Last-Event-ID (or ?from=) and gets every later block exactly once.
import { bytesToHex, type StoredTx } from '@gongxin/core';
import type { FastifyInstance } from 'fastify';
import type { Peer } from '../peer.js';
import { headerToJson, receiptToJson, valueToJson, type Json } from './json-view.js';
import { parseHeight } from './json-input.js';

function blockEvents(peer: Peer, height: number, blocksOnly: boolean): string {
  const head = peer.store.getHeader(height)!;
  const txs: StoredTx[] = blocksOnly ? [] : peer.store.getBlockTxs(height);
  const id = `id: ${height}\n`;
  const out: string[] = [];
  const send = (event: string, data: Json): void => {
    out.push(`${id}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  send('block', { height, headerHash: bytesToHex(head.hash), header: headerToJson(head.header), txCount: head.header.txCount });
  for (const t of txs) {
    send('receipt', { height, index: t.index, txId: bytesToHex(t.id), receipt: receiptToJson(t.receipt) });
    for (const e of t.receipt.events) {
      send('event', { height, txId: bytesToHex(t.id), module: e.module, type: e.type, attrs: valueToJson(e.attrs) });
    }
  }
  return out.join('');
}

/** Registers the SSE route. */
export function registerEventsRoute(app: FastifyInstance, peer: Peer): void {
  app.get('/v1/events', async (req, reply) => {
    const q = req.query as { from?: string; blocks?: string };
    // ?blocks=1: block events only (monitors and load generators that do not need every receipt).
    const blocksOnly = q.blocks === '1';
    const last = req.headers['last-event-id'];
    let next = typeof last === 'string' && last !== '' ? parseHeight(last, 'Last-Event-ID') + 1 : q.from !== undefined ? parseHeight(q.from, 'from') : peer.head().header.height + 1;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': gongxin events\n\n');
    let closed = false;
    let waitingDrain = false;
    // Catch up from the store, then follow live blocks; one cursor serves both so nothing is skipped or repeated.
    const flush = (): void => {
      if (waitingDrain || closed) return;
      const head = peer.head().header.height;
      while (!closed && next <= head) {
        const ok = res.write(blockEvents(peer, next, blocksOnly));
        next++;
        if (!ok) {
          waitingDrain = true;
          res.once('drain', () => {
            waitingDrain = false;
            flush();
          });
          return;
        }
      }
    };
    const unsubscribe = peer.onBlock(() => flush());
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      closed = true;
      unsubscribe();
      clearInterval(ping);
    });
    flush();
  });
}
