// Test fixture (not shipped): the HTTP API (docs/api.md) of a TestChain as a fetch function, so commands run
// in-process against real blocks and proofs. `tamper` lets a test play a lying peer.
import {
  bytesToHex,
  decodeTx,
  encode,
  encodeReceipt,
  encodeStateProof,
  genesisToValue,
  hexToBytes,
  inclusionProof,
  leafHash,
  statePath,
  utf8Encode,
  type Receipt,
  type StoredTx,
} from '@gongxin/core';
import type { FetchFn, JsonValue } from '@gongxin/sdk';
import { jsonOf } from '../output.js';
import type { TestChain } from './test-chain.js';

/** A JSON response body. */
export type Body = { [key: string]: JsonValue };

function receiptJson(r: Receipt): Body {
  return { txId: bytesToHex(r.txId), ok: r.ok, code: r.code, message: r.message, events: r.events.map((e) => jsonOf(e)), receiptHex: bytesToHex(encodeReceipt(r)) };
}

class HttpStatus {
  readonly status: number;
  readonly body: Body;
  constructor(status: number, code: string, message: string) {
    this.status = status;
    this.body = { code, message, details: {} };
  }
}

function routes(c: TestChain, path: string, q: URLSearchParams, body: unknown): Body {
  const { store } = c;
  const head = store.head()!;
  const height = (s: string): number => (s === 'latest' ? head.header.height : Number(s));
  const block = (h: number): Body => {
    const b = store.getHeader(h);
    if (b === undefined) throw new HttpStatus(404, 'BLOCK_NOT_FOUND', `no block ${h}`);
    return { header: jsonOf(b.header), headerHash: bytesToHex(b.hash), txIds: store.getBlockTxIds(h).map(bytesToHex) };
  };
  const tx = (id: string): StoredTx => {
    const t = store.getTx(hexToBytes(id));
    if (t === undefined) throw new HttpStatus(404, 'TX_NOT_FOUND', `no tx ${id}`);
    return t;
  };
  let m: RegExpExecArray | null;
  if (path === '/v1/status') {
    return {
      chainId: c.genesis.chainId,
      suite: c.suite.id,
      height: head.header.height,
      headerHash: bytesToHex(head.hash),
      stateRoot: bytesToHex(head.header.stateRoot),
      historyRoot: bytesToHex(c.history.root()),
      timestamp: head.header.timestamp,
      mempool: { size: 0, capacity: 1000 },
      version: 'test',
    };
  }
  if (path === '/v1/genesis') {
    const v = genesisToValue(c.genesis);
    return { genesis: jsonOf(v), genesisHash: bytesToHex(c.genesisHash), genesisHex: bytesToHex(encode(v)) };
  }
  if ((m = /^\/v1\/blocks\/(\w+)$/.exec(path))) return block(height(m[1]!));
  if ((m = /^\/v1\/blocks\/(\w+)\/receipts$/.exec(path))) {
    const h = height(m[1]!);
    return { height: h, receipts: store.getBlockTxs(h).map((t) => receiptJson(t.receipt)) };
  }
  if ((m = /^\/v1\/txs\/([0-9a-f]{64})$/.exec(path))) {
    const t = tx(m[1]!);
    return { txId: m[1]!, status: t.receipt.ok ? 'committed' : 'rejected', height: t.height, index: t.index, receipt: receiptJson(t.receipt) };
  }
  if ((m = /^\/v1\/txs\/([0-9a-f]{64})\/proof$/.exec(path))) {
    const t = tx(m[1]!);
    const leaves = store.getBlockTxIds(t.height).map((id) => leafHash(c.suite.hash, id));
    const b = store.getHeader(t.height)!;
    return {
      txId: m[1]!,
      height: t.height,
      leafIndex: t.index,
      treeSize: leaves.length,
      leafHash: bytesToHex(leaves[t.index]!),
      auditPath: inclusionProof(c.suite.hash, leaves, t.index).map(bytesToHex),
      txRoot: bytesToHex(b.header.txRoot),
      header: jsonOf(b.header),
      headerHash: bytesToHex(b.hash),
    };
  }
  if (path === '/v1/history/inclusion') {
    const h = Number(q.get('height'));
    const n = Number(q.get('treeSize'));
    const hash = store.getHeader(h)!.hash;
    return {
      height: h,
      treeSize: n,
      headerHash: bytesToHex(hash),
      leafHash: bytesToHex(leafHash(c.suite.hash, hash)),
      auditPath: c.history.inclusionProof(h, n).map(bytesToHex),
      root: bytesToHex(c.history.rootAt(n)),
    };
  }
  if (path === '/v1/history/consistency') {
    const a = Number(q.get('first'));
    const b = Number(q.get('second'));
    return { first: a, second: b, firstRoot: bytesToHex(c.history.rootAt(a)), secondRoot: bytesToHex(c.history.rootAt(b)), proof: c.history.consistencyProof(a, b).map(bytesToHex) };
  }
  if ((m = /^\/v1\/state\/([^/]+)\/(.+)$/.exec(path))) {
    const [module, key] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
    const h = head.header.height;
    const value = store.get(module, key);
    const proof = c.stateTree.proveAt(h, statePath(c.suite.hash, module, utf8Encode(key)));
    return {
      module,
      key,
      height: h,
      found: value !== undefined,
      value: value === undefined ? null : { note: 'JSON view' },
      valueHex: value === undefined ? null : bytesToHex(value),
      proof: jsonOf(encodeStateProof(proof)),
      header: jsonOf(head.header),
      headerHash: bytesToHex(head.hash),
    };
  }
  if ((m = /^\/v1\/query\/([^/]+)\/([^/]+)$/.exec(path))) {
    const params = JSON.parse(q.get('params') ?? '{}') as { key?: string };
    const v = store.get(m[1]!, params.key ?? '');
    return { height: head.header.height, result: v === undefined ? null : { found: true } };
  }
  if (path === '/v1/txs') {
    const b = body as { tx?: string; txs?: string[] };
    const list = b.tx !== undefined ? [b.tx] : (b.txs ?? []);
    const ids = list.map((hex) => bytesToHex(decodeTx(c.suite.hash, hexToBytes(hex), 65536).id));
    c.commit(list.map(hexToBytes));
    return b.tx !== undefined ? { txId: ids[0]! } : { accepted: ids, rejected: [] };
  }
  throw new HttpStatus(404, 'ROUTE_NOT_FOUND', `no route ${path}`);
}

/** What the fake peer saw and how it may lie. */
export interface FakePeerOptions {
  /** Rewrites a response body before it is sent. */
  readonly tamper?: (path: string, body: Body) => Body;
  /** Every request path, in order. */
  readonly log?: string[];
}

/**
 * A fetch that serves `chain` as a peer would.
 * @example const fetch = fakePeerFetch(chain); await runCli(['status'], { ...ctx, fetch });
 */
/** GET /v1/events: the block and receipt events of blocks from `from` on (then the stream ends; clients reconnect). */
function eventStream(c: TestChain, url: URL, init: RequestInit | undefined): Response {
  const last = new Headers(init?.headers).get('last-event-id');
  const from = last !== null ? Number(last) + 1 : Number(url.searchParams.get('from') ?? c.store.head()!.header.height + 1);
  let text = 'retry: 20\n\n';
  for (let h = from; h <= c.store.head()!.header.height; h++) {
    const b = c.store.getHeader(h)!;
    const txs = c.store.getBlockTxs(h);
    text += `id: ${h}\nevent: block\ndata: ${JSON.stringify({ height: h, headerHash: bytesToHex(b.hash), header: jsonOf(b.header), txCount: txs.length })}\n\n`;
    for (const t of txs) {
      text += `id: ${h}\nevent: receipt\ndata: ${JSON.stringify({ height: h, index: t.index, txId: bytesToHex(t.id), receipt: receiptJson(t.receipt) })}\n\n`;
    }
  }
  return new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

export function fakePeerFetch(chain: TestChain, opts: FakePeerOptions = {}): FetchFn {
  return async (input, init) => {
    const url = new URL(input);
    opts.log?.push(url.pathname);
    if (url.pathname === '/v1/events') return eventStream(chain, url, init);
    let status = init?.method === 'POST' ? 202 : 200;
    let body: Body;
    try {
      body = routes(chain, url.pathname, url.searchParams, init?.body === undefined ? undefined : JSON.parse(init.body as string));
      if (opts.tamper !== undefined) body = opts.tamper(url.pathname, body);
    } catch (e) {
      if (!(e instanceof HttpStatus)) throw e;
      status = e.status;
      body = e.body;
    }
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}
