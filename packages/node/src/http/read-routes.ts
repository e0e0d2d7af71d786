// Read routes of the HTTP API (docs/api.md): txs and their proofs, blocks, receipts, history proofs, state, queries.
import {
  bytesToHex,
  decode,
  encode,
  encodeStateProof,
  genesisToValue,
  GongxinError,
  inclusionProof,
  leafHash,
  statePath,
  utf8Encode,
  type QueryContext,
  type Value,
} from '@gongxin/core';
import type { FastifyInstance } from 'fastify';
import type { Peer } from '../peer.js';
import { jsonToValue, parseHeight, parseId } from './json-input.js';
import { headerToJson, receiptToJson, valueToJson } from './json-view.js';

function blockHeight(peer: Peer, s: string): number {
  const h = s === 'latest' ? peer.head().header.height : parseHeight(s, 'height');
  if (h > peer.head().header.height) throw new GongxinError('BLOCK_NOT_FOUND', `no block at height ${h} yet`, { height: h });
  return h;
}

/** Registers the read-only routes. */
export function registerReadRoutes(app: FastifyInstance, peer: Peer): void {
  const { store, suite } = peer;

  app.get('/v1/genesis', async () => {
    const value = genesisToValue(peer.genesis);
    return { genesis: valueToJson(value), genesisHash: bytesToHex(peer.genesisHash), genesisHex: bytesToHex(encode(value)) };
  });

  app.get('/v1/txs/:txId', async (req) => {
    const { txId } = req.params as { txId: string };
    const id = parseId(txId, 'txId');
    const t = store.getTx(id);
    if (t) return { txId: bytesToHex(id), status: t.receipt.ok ? 'committed' : 'rejected', height: t.height, index: t.index, receipt: receiptToJson(t.receipt) };
    if (peer.mempool.isPending(bytesToHex(id))) return { txId: bytesToHex(id), status: 'pending' };
    throw new GongxinError('TX_NOT_FOUND', 'no such transaction (never received, or expired before inclusion)', { txId: bytesToHex(id) });
  });

  app.get('/v1/txs/:txId/proof', async (req) => {
    const { txId } = req.params as { txId: string };
    const id = parseId(txId, 'txId');
    const t = store.getTx(id);
    if (!t) throw new GongxinError('TX_NOT_FOUND', 'transaction is not in a committed block', { txId: bytesToHex(id) });
    const ids = store.getBlockTxIds(t.height);
    const leaves = ids.map((x) => leafHash(suite.hash, x));
    const head = store.getHeader(t.height)!;
    return {
      txId: bytesToHex(id),
      height: t.height,
      leafIndex: t.index,
      treeSize: ids.length,
      leafHash: bytesToHex(leaves[t.index]!),
      auditPath: inclusionProof(suite.hash, leaves, t.index).map(bytesToHex),
      txRoot: bytesToHex(head.header.txRoot),
      header: headerToJson(head.header),
      headerHash: bytesToHex(head.hash),
    };
  });

  app.get('/v1/blocks/:height', async (req) => {
    const h = blockHeight(peer, (req.params as { height: string }).height);
    const b = store.getHeader(h)!;
    return { header: headerToJson(b.header), headerHash: bytesToHex(b.hash), txIds: store.getBlockTxIds(h).map(bytesToHex) };
  });

  app.get('/v1/blocks/:height/receipts', async (req) => {
    const h = blockHeight(peer, (req.params as { height: string }).height);
    return { height: h, receipts: store.getBlockTxs(h).map((t) => receiptToJson(t.receipt)) };
  });

  app.get('/v1/history/inclusion', async (req) => {
    const q = req.query as { height?: string; treeSize?: string };
    const height = parseHeight(q.height, 'height');
    const treeSize = parseHeight(q.treeSize, 'treeSize');
    if (height >= treeSize || treeSize > peer.history.size) {
      throw new GongxinError('REQUEST_INVALID', `need height < treeSize ≤ ${peer.history.size}`, { height, treeSize });
    }
    const hh = store.getHeader(height)!.hash;
    return {
      height,
      treeSize,
      headerHash: bytesToHex(hh),
      leafHash: bytesToHex(leafHash(suite.hash, hh)),
      auditPath: peer.history.inclusionProof(height, treeSize).map(bytesToHex),
      root: bytesToHex(peer.history.rootAt(treeSize)),
    };
  });

  app.get('/v1/history/consistency', async (req) => {
    const q = req.query as { first?: string; second?: string };
    const first = parseHeight(q.first, 'first');
    const second = parseHeight(q.second, 'second');
    if (first < 1 || first > second || second > peer.history.size) {
      throw new GongxinError('REQUEST_INVALID', `need 0 < first ≤ second ≤ ${peer.history.size}`, { first, second });
    }
    return {
      first,
      second,
      firstRoot: bytesToHex(peer.history.rootAt(first)),
      secondRoot: bytesToHex(peer.history.rootAt(second)),
      proof: peer.history.consistencyProof(first, second).map(bytesToHex),
    };
  });

  app.get('/v1/state/:module/*', async (req) => {
    const { module, '*': key } = req.params as { module: string; '*': string };
    const head = peer.head();
    const value = store.get(module, key);
    const proof = peer.stateTree.proveAt(head.header.height, statePath(suite.hash, module, utf8Encode(key)));
    const proofBytes = encode(encodeStateProof(proof));
    return {
      module,
      key,
      height: head.header.height,
      found: value !== undefined,
      value: value === undefined ? null : valueToJson(decode(value)),
      valueHex: value === undefined ? null : bytesToHex(value),
      proof: valueToJson(encodeStateProof(proof)),
      proofHex: bytesToHex(proofBytes),
      header: headerToJson(head.header),
      headerHash: bytesToHex(head.hash),
    };
  });

  app.get('/v1/query/:module/:name', async (req) => {
    const { module, name } = req.params as { module: string; name: string };
    const mod = peer.modules.get(module);
    const q = mod && Object.hasOwn(mod.queries, name) ? mod.queries[name] : undefined;
    if (!mod || !q) throw new GongxinError('QUERY_NOT_FOUND', `no query ${module}.${name}`, { module, name });
    const raw = (req.query as { params?: string }).params;
    let params: Value = {};
    if (raw !== undefined) {
      try {
        params = jsonToValue(JSON.parse(raw));
      } catch (e) {
        if (e instanceof GongxinError) throw e;
        throw new GongxinError('REQUEST_MALFORMED_JSON', 'params is not valid JSON');
      }
    }
    const read = (m: string, k: string): Value | undefined => {
      const v = store.get(m, k);
      return v === undefined ? undefined : decode(v);
    };
    const ctx: QueryContext = {
      height: peer.head().header.height,
      get: (k) => read(module, k),
      read,
      scan: (prefix, opts) => store.scan(module, prefix, opts?.after, Math.min(opts?.limit ?? 100, 1000)).map(([k, v]) => [k, decode(v)] as const),
    };
    const run = q.run as (c: QueryContext, p: never) => Value;
    return { height: ctx.height, result: valueToJson(run(ctx, (q.parse as (v: Value) => never)(params))) };
  });
}
