// Test fixture (not shipped): serves a FakeChain over HTTP with the docs/api.md routes the light client uses,
// with a movable head and a hook to tamper with any body (a lying peer).
import { bytesToHex } from '@gongxin/core';
import type { FakeChain } from './fake-chain.js';
import { sendJson, startServer, type TestServer } from './test-server.js';

/** A running fake peer. */
export interface FakePeer extends TestServer {
  /** The height the peer reports as latest (default the last block). */
  head: number;
  /** Rewrites a body before it is sent: (route path, body) → body. */
  tamper: ((path: string, body: Record<string, unknown>) => Record<string, unknown>) | undefined;
  /** Consulted first: answers routes the fake chain does not serve (POST /v1/txs, GET /v1/txs/{id} …). */
  extraRoute: ((method: string, path: string, body: string) => [number, Record<string, unknown>] | undefined) | undefined;
}

/** Serves `chain` (or, per request, whatever `chainFor()` returns: switch it to simulate a fork). */
export async function startFakePeer(chainFor: () => FakeChain): Promise<FakePeer> {
  const peer = { head: chainFor().blocks.length - 1, tamper: undefined, extraRoute: undefined } as FakePeer;
  const route = (path: string, q: URLSearchParams): [number, Record<string, unknown>] => {
    const c = chainFor();
    const num = (k: string): number => Number(q.get(k));
    let m: RegExpMatchArray | null;
    if (path === '/v1/genesis') return [200, c.genesisJson()];
    if ((m = /^\/v1\/blocks\/(\d+|latest)$/.exec(path))) {
      const h = m[1] === 'latest' ? peer.head : Number(m[1]);
      return h > peer.head ? [404, { code: 'BLOCK_NOT_FOUND', message: `no block ${h}` }] : [200, c.blockJson(h)];
    }
    if (path === '/v1/history/inclusion') {
      if (num('treeSize') > peer.head || num('height') >= num('treeSize')) return [400, { code: 'HISTORY_BAD_RANGE', message: 'bad range' }];
      return [200, c.historyInclusionJson(num('height'), num('treeSize'))];
    }
    if (path === '/v1/history/consistency') {
      if (num('second') > peer.head || num('first') < 1 || num('first') > num('second')) return [400, { code: 'HISTORY_BAD_RANGE', message: 'bad range' }];
      return [200, c.historyConsistencyJson(num('first'), num('second'))];
    }
    if ((m = /^\/v1\/txs\/([0-9a-f]{64})\/proof$/.exec(path))) {
      for (let h = 0; h <= peer.head; h++) {
        const i = c.blocks[h]!.txIds.findIndex((id) => bytesToHex(id) === m![1]);
        if (i >= 0) return [200, c.txProofJson(h, i)];
      }
      return [404, { code: 'TX_NOT_FOUND', message: 'unknown tx' }];
    }
    if ((m = /^\/v1\/state\/([^/]+)\/([^/]+)$/.exec(path))) return [200, c.stateJson(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), peer.head)];
    return [404, { code: 'TEST_NO_ROUTE', message: path }];
  };
  const server = await startServer((req, res) => {
    const url = new URL(req.url, 'http://peer');
    const [status, body] = peer.extraRoute?.(req.method, url.pathname, req.body) ?? route(url.pathname, url.searchParams);
    sendJson(res, status, status === 200 && peer.tamper ? peer.tamper(url.pathname, body) : body);
  });
  return Object.assign(peer, server);
}
