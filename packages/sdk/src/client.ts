// The HTTP client (docs/api.md): one typed method per route. Transport only: it holds no keys and trusts
// nothing for verification — pass its proofs to verifyTxProof / verifyStateResponse / LightClient.
import { bytesToHex, type Value } from '@gongxin/core';
import { invalidArgument } from './errors.js';
import { openEventStream, streamEvents, type EventConnectParams, type StreamEventsParams } from './events.js';
import { requestJson, requestText, type FetchFn, type HttpContext } from './http.js';
import { checkHeight, idToHex, toJsonView, type IdLike } from './json-view.js';
import type {
  BlockInfo,
  BlockReceipts,
  ChainStatus,
  GenesisInfo,
  HistoryConsistencyProof,
  HistoryInclusionProof,
  JsonValue,
  LedgerStreamEvent,
  StateResponse,
  SubmitBatchResult,
  SubmitResult,
  TxProof,
  TxStatus,
} from './types.js';
import { z } from 'zod';
import {
  blockSchema,
  genesisSchema,
  historyConsistencySchema,
  historyInclusionSchema,
  receiptsSchema,
  stateSchema,
  statusSchema,
  submitBatchSchema,
  submitSchema,
  txProofSchema,
  txStatusSchema,
} from './wire/responses.js';
import { jsonValue } from './wire/primitives.js';

/** Options of `createClient`. */
export interface ClientParams {
  /** The peer's base URL, e.g. `http://127.0.0.1:7070` (a path prefix is kept). */
  readonly url: string;
  /** Defaults to the global fetch (browsers, Node ≥ 18). */
  readonly fetch?: FetchFn;
  /** Per-request deadline in ms; default 30,000. The event stream only uses it for connecting. */
  readonly timeoutMs?: number;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Per-call options. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
}

/** Options of `submitTx`: the tx id, when known, is put on errors. */
export interface SubmitOptions extends RequestOptions {
  readonly txId?: IdLike;
}

/** A typed client for one peer. Every method throws SubmitError (transport) or RejectedError (4xx). */
export interface GongxinClient {
  /** The normalised base URL. */
  readonly url: string;
  /** Connection details, for the event stream and custom requests. */
  readonly http: HttpContext;
  /** GET /healthz → true when the peer answers `{ ok: true }`. */
  health(opts?: RequestOptions): Promise<boolean>;
  /** GET /metrics → Prometheus text. */
  metrics(opts?: RequestOptions): Promise<string>;
  /** GET /v1/status. */
  status(opts?: RequestOptions): Promise<ChainStatus>;
  /** GET /v1/genesis (document decoded from its canonical bytes). */
  genesis(opts?: RequestOptions): Promise<GenesisInfo>;
  /** POST /v1/txs `{ tx }` → the id the peer computed. Admission refusals are RejectedError (TX_DUPLICATE is 409). */
  submitTx(tx: Uint8Array, opts?: SubmitOptions): Promise<SubmitResult>;
  /** POST /v1/txs `{ txs }` → accepted ids and per-tx refusals (a batch is never refused as a whole for one bad tx). */
  submitTxs(txs: readonly Uint8Array[], opts?: RequestOptions): Promise<SubmitBatchResult>;
  /** GET /v1/txs/{txId}; RejectedError TX_NOT_FOUND (404) when the peer does not know it. */
  getTx(txId: IdLike, opts?: RequestOptions): Promise<TxStatus>;
  /** GET /v1/txs/{txId}/proof. */
  getTxProof(txId: IdLike, opts?: RequestOptions): Promise<TxProof>;
  /** GET /v1/blocks/{height}. */
  getBlock(height: number | 'latest', opts?: RequestOptions): Promise<BlockInfo>;
  /** GET /v1/blocks/{height}/receipts. */
  getReceipts(height: number | 'latest', opts?: RequestOptions): Promise<BlockReceipts>;
  /** GET /v1/history/inclusion?height=H&treeSize=N. */
  historyInclusion(params: { readonly height: number; readonly treeSize: number }, opts?: RequestOptions): Promise<HistoryInclusionProof>;
  /** GET /v1/history/consistency?first=M&second=N. */
  historyConsistency(params: { readonly first: number; readonly second: number }, opts?: RequestOptions): Promise<HistoryConsistencyProof>;
  /** GET /v1/state/{module}/{key} (key URL-encoded for you). */
  getState(module: string, key: string, opts?: RequestOptions): Promise<StateResponse>;
  /** GET /v1/query/{module}/{name}?params={json}: a module query's JSON view. */
  query(module: string, name: string, params?: Value, opts?: RequestOptions): Promise<JsonValue>;
  /** GET /v1/events as an async iterable, reconnecting and resuming (see subscribeEvents). Stops when `signal` aborts. */
  events(params?: Omit<StreamEventsParams, 'connect'>): AsyncIterable<LedgerStreamEvent>;
  /** Opens one raw SSE connection to GET /v1/events (used by `events`; no reconnection). */
  openEvents(params: EventConnectParams): Promise<ReadableStream<Uint8Array>>;
}

function normaliseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return invalidArgument('url must be an absolute http(s) URL', { url });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') invalidArgument('url must be http: or https:', { url });
  return (u.origin + u.pathname).replace(/\/+$/, '');
}

function heightPath(height: number | 'latest'): string {
  return height === 'latest' ? 'latest' : String(checkHeight(height, 'height'));
}

const healthSchema = z.object({ ok: z.boolean() });

/**
 * A client for the peer at `url`.
 * @throws SDK_INVALID_ARGUMENT for a malformed url
 * @example
 * const client = createClient({ url: 'http://127.0.0.1:7070' });
 * const { height } = await client.status();
 * const block = await client.getBlock(height);
 */
export function createClient(params: ClientParams): GongxinClient {
  const timeoutMs = params.timeoutMs ?? 30_000;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) invalidArgument('timeoutMs must be a positive integer', { timeoutMs: String(timeoutMs) });
  // Bound to globalThis: browsers throw "Illegal invocation" for an unbound window.fetch.
  const fetchFn: FetchFn = params.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const http: HttpContext = { baseUrl: normaliseUrl(params.url), fetch: fetchFn, timeoutMs, headers: { ...(params.headers ?? {}) } };
  const get = <T>(path: string, schema: z.ZodType<T, unknown>, opts?: RequestOptions, txId?: string): Promise<T> =>
    requestJson(http, { path, signal: opts?.signal, txId }, schema);

  const client: GongxinClient = {
    url: http.baseUrl,
    http,
    health: async (opts) => (await get('/healthz', healthSchema, opts)).ok,
    metrics: async (opts) => requestText(http, { path: '/metrics', signal: opts?.signal }, 'text/plain'),
    status: async (opts) => get('/v1/status', statusSchema, opts),
    genesis: async (opts) => get('/v1/genesis', genesisSchema, opts),
    submitTx: async (tx, opts) => {
      if (!(tx instanceof Uint8Array)) invalidArgument('submitTx takes the signed tx bytes (BuiltTx.bytes)');
      const txId = opts?.txId === undefined ? undefined : idToHex(opts.txId, 'txId');
      return requestJson(http, { method: 'POST', path: '/v1/txs', body: { tx: bytesToHex(tx) }, signal: opts?.signal, txId }, submitSchema);
    },
    submitTxs: async (txs, opts) => {
      if (!Array.isArray(txs) || !txs.every((t) => t instanceof Uint8Array)) invalidArgument('submitTxs takes an array of signed tx bytes');
      return requestJson(http, { method: 'POST', path: '/v1/txs', body: { txs: txs.map(bytesToHex) }, signal: opts?.signal }, submitBatchSchema);
    },
    getTx: async (txId, opts) => {
      const id = idToHex(txId, 'txId');
      return get(`/v1/txs/${id}`, txStatusSchema, opts, id);
    },
    getTxProof: async (txId, opts) => {
      const id = idToHex(txId, 'txId');
      return get(`/v1/txs/${id}/proof`, txProofSchema, opts, id);
    },
    getBlock: async (height, opts) => get(`/v1/blocks/${heightPath(height)}`, blockSchema, opts),
    getReceipts: async (height, opts) => get(`/v1/blocks/${heightPath(height)}/receipts`, receiptsSchema, opts),
    historyInclusion: async (p, opts) =>
      get(`/v1/history/inclusion?height=${checkHeight(p.height, 'height')}&treeSize=${checkHeight(p.treeSize, 'treeSize')}`, historyInclusionSchema, opts),
    historyConsistency: async (p, opts) =>
      get(`/v1/history/consistency?first=${checkHeight(p.first, 'first')}&second=${checkHeight(p.second, 'second')}`, historyConsistencySchema, opts),
    getState: async (module, key, opts) => {
      if (typeof module !== 'string' || module === '' || typeof key !== 'string') invalidArgument('getState takes a module name and a string key');
      return get(`/v1/state/${encodeURIComponent(module)}/${encodeURIComponent(key)}`, stateSchema, opts);
    },
    query: async (module, name, params, opts) => {
      if (typeof module !== 'string' || module === '' || typeof name !== 'string' || name === '') invalidArgument('query takes a module and a query name');
      const qs = params === undefined ? '' : `?params=${encodeURIComponent(JSON.stringify(toJsonView(params)))}`;
      return get(`/v1/query/${encodeURIComponent(module)}/${encodeURIComponent(name)}${qs}`, jsonValue, opts);
    },
    events: (p = {}) => streamEvents({ ...p, connect: (c) => openEventStream(http, c) }),
    openEvents: (c) => openEventStream(http, c),
  };
  return client;
}
