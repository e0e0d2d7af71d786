// The event stream (docs/api.md GET /v1/events): SSE over fetch streaming, typed events, and reconnection that
// resumes at the block where the connection dropped — events already delivered are skipped, none are lost.
import { RejectedError, SDK_ERROR_CODES, SubmitError } from './errors.js';
import { httpError, linkSignals, transportError, type HttpContext } from './http.js';
import { checkHeight } from './json-view.js';
import { isAborted, sleep } from './sleep.js';
import { createSseParser, type SseMessage } from './sse-parser.js';
import type { LedgerStreamEvent } from './types.js';
import { parseStreamEvent } from './wire/stream-events.js';

/** How to open one connection. */
export interface EventConnectParams {
  /** `?from=H`: the first height wanted. */
  readonly from?: number | undefined;
  /** `Last-Event-ID: H`: resume after height H. */
  readonly lastEventId?: string | undefined;
  /** `&blocks=1`: block events only (no receipts, no module events). */
  readonly blocksOnly?: boolean | undefined;
  readonly signal: AbortSignal;
}

/** Options of `streamEvents`. */
export interface StreamEventsParams {
  /** Opens one connection (a GongxinClient's `openEvents`). */
  readonly connect: (p: EventConnectParams) => Promise<ReadableStream<Uint8Array>>;
  /** First height to deliver; default: whatever the peer sends first (new blocks). */
  readonly from?: number;
  /** Block events only (`&blocks=1`), kept on every reconnection. */
  readonly blocksOnly?: boolean;
  /** Ends the stream (quietly: the iteration just finishes). */
  readonly signal?: AbortSignal;
  /** First reconnect delay in ms (default 1000, or the server's `retry:`); doubles per failure up to maxRetryMs. */
  readonly retryMs?: number;
  /** Longest reconnect delay, default 30,000 ms. */
  readonly maxRetryMs?: number;
  /** Told about each reconnection: the error that dropped the stream (undefined when it just ended) and the delay. */
  readonly onRetry?: (error: unknown, delayMs: number) => void;
}

/**
 * Opens one SSE connection to GET /v1/events; the connect deadline is the client's timeoutMs.
 * @throws RejectedError (4xx), SubmitError (network, 5xx, SDK_BAD_RESPONSE when not an event stream)
 * @example const body = await openEventStream(client.http, { from: 10, signal });
 */
export async function openEventStream(http: HttpContext, p: EventConnectParams): Promise<ReadableStream<Uint8Array>> {
  const query: string[] = [];
  if (p.from !== undefined) query.push(`from=${checkHeight(p.from, 'from')}`);
  if (p.blocksOnly === true) query.push('blocks=1');
  const qs = query.length === 0 ? '' : `?${query.join('&')}`;
  const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache', ...http.headers };
  if (p.lastEventId !== undefined) headers['last-event-id'] = p.lastEventId;
  const link = linkSignals([p.signal]);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    link.abort(new SubmitError(SDK_ERROR_CODES.submitFailed, 'GET /v1/events: no answer in time'));
  }, http.timeoutMs);
  let res: Response;
  try {
    res = await http.fetch(`${http.baseUrl}/v1/events${qs}`, { method: 'GET', headers, signal: link.signal });
  } catch (e) {
    link.dispose();
    throw transportError(e, p.signal, timedOut, 'GET /v1/events');
  } finally {
    clearTimeout(timer);
  }
  // From here on only the caller's signal ends the stream (the link keeps forwarding it to fetch).
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    link.dispose();
    throw httpError(res.status, res.headers.get('retry-after'), text);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream') || res.body === null) {
    link.dispose();
    await res.body?.cancel().catch(() => undefined);
    throw new SubmitError(SDK_ERROR_CODES.badResponse, `GET /v1/events: expected text/event-stream, got "${type}"`);
  }
  return res.body;
}

function messageHeight(msg: SseMessage): number | undefined {
  if (/^\d+$/.test(msg.id)) return Number(msg.id);
  try {
    const h = (JSON.parse(msg.data) as { height?: unknown }).height;
    return typeof h === 'number' && Number.isSafeInteger(h) && h >= 0 ? h : undefined;
  } catch {
    return undefined;
  }
}

function isFatal(e: unknown): boolean {
  if (e instanceof RejectedError) return true;
  return e instanceof SubmitError && (e.code === SDK_ERROR_CODES.badResponse || e.code === SDK_ERROR_CODES.aborted);
}

/**
 * Typed events from GET /v1/events, forever (until `signal` aborts or the consumer stops iterating).
 * Events carry their block height as SSE id. After a dropped connection it reconnects with
 * `Last-Event-ID: H-1`, where H is the height of the last delivered event, and skips the events of H it
 * already delivered (the peer replays a block's events in the same order): each event is delivered once.
 * @throws RejectedError (4xx), SubmitError SDK_BAD_RESPONSE (a malformed event): both end the stream
 * @example for await (const ev of streamEvents({ connect: client.openEvents, from: 0, signal })) console.log(ev.kind, ev.height);
 */
export async function* streamEvents(p: StreamEventsParams): AsyncGenerator<LedgerStreamEvent, void, undefined> {
  const signal = p.signal;
  const maxRetry = p.maxRetryMs ?? 30_000;
  let baseRetry = p.retryMs ?? 1000;
  let lastHeight = -1; // height of the last delivered event
  let delivered = 0; // events delivered at lastHeight (their order within a block is fixed)
  let failures = 0;
  while (!isAborted(signal)) {
    const link = linkSignals([signal]);
    let error: unknown;
    let retryAfter: number | undefined;
    try {
      const resume: Omit<EventConnectParams, 'signal'> =
        lastHeight < 0 ? { from: p.from } : lastHeight === 0 ? { from: 0 } : { lastEventId: String(lastHeight - 1) };
      const body = await p.connect({ ...resume, blocksOnly: p.blocksOnly, signal: link.signal });
      const parser = createSseParser();
      const reader = body.getReader();
      let connHeight = -1;
      let connIndex = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const msg of parser.push(value)) {
            if (isAborted(signal)) return; // one read may hold many messages: stop between them, not after
            const h = messageHeight(msg);
            if (h === undefined) continue;
            if (h !== connHeight) [connHeight, connIndex] = [h, 0];
            const i = connIndex++;
            if (h < lastHeight || (h === lastHeight && i < delivered)) continue;
            const ev = parseStreamEvent(msg);
            [lastHeight, delivered, failures] = [h, i + 1, 0];
            if (ev !== undefined) yield ev;
          }
        }
      } finally {
        parser.end();
        if (parser.retry !== undefined) baseRetry = parser.retry;
        await reader.cancel().catch(() => undefined);
      }
    } catch (e) {
      if (isAborted(signal)) return;
      if (isFatal(e)) throw e;
      error = e;
      failures++;
      if (e instanceof SubmitError) retryAfter = e.retryAfter;
    } finally {
      link.abort(undefined);
      link.dispose();
    }
    const delay = retryAfter !== undefined ? Math.max(retryAfter * 1000, baseRetry) : Math.min(maxRetry, baseRetry * 2 ** Math.max(0, failures - 1));
    p.onRetry?.(error, delay);
    if (!(await sleep(delay, signal))) return;
  }
}

/** Options of `subscribeEvents`. */
export interface SubscribeEventsParams {
  /** First height to deliver (default: new blocks only). */
  readonly from?: number;
  /** Block events only (no receipts, no module events). */
  readonly blocksOnly?: boolean;
  /** Called for each event in order; awaited, so a slow handler slows the stream instead of queueing. */
  readonly onEvent: (event: LedgerStreamEvent) => void | Promise<void>;
  /** Aborting it ends the subscription; the returned promise then resolves. */
  readonly signal: AbortSignal;
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  readonly onRetry?: (error: unknown, delayMs: number) => void;
}

/**
 * Subscribes to a peer's events with automatic, gap-free resumption (see streamEvents).
 * Resolves when `signal` aborts; rejects when the handler throws or the stream fails fatally.
 * @throws RejectedError, SubmitError SDK_BAD_RESPONSE, or whatever `onEvent` throws
 * @example
 * const ctl = new AbortController();
 * await subscribeEvents(client, { from: 0, signal: ctl.signal, onEvent: (ev) => { if (ev.kind === 'block') console.log(ev.height); } });
 */
export async function subscribeEvents(
  client: { openEvents(p: EventConnectParams): Promise<ReadableStream<Uint8Array>> },
  params: SubscribeEventsParams,
): Promise<void> {
  const opts: StreamEventsParams = {
    connect: (c) => client.openEvents(c),
    signal: params.signal,
    ...(params.from === undefined ? {} : { from: params.from }),
    ...(params.blocksOnly === undefined ? {} : { blocksOnly: params.blocksOnly }),
    ...(params.retryMs === undefined ? {} : { retryMs: params.retryMs }),
    ...(params.maxRetryMs === undefined ? {} : { maxRetryMs: params.maxRetryMs }),
    ...(params.onRetry === undefined ? {} : { onRetry: params.onRetry }),
  };
  for await (const ev of streamEvents(opts)) await params.onEvent(ev);
}
