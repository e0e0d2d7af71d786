// The HTTP transport under every client method: fetch with a timeout and the caller's AbortSignal, JSON in and
// out, and one mapping from failures to step errors (docs/api.md errors: `{ code, message, details }`).
import type { z } from 'zod';
import { RejectedError, SDK_ERROR_CODES, SubmitError } from './errors.js';
import { describeIssues, errorBodySchema } from './wire/responses.js';

/** The fetch the client uses: the global one, or any compatible function (node-fetch, a test double, a proxy). */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** What every request needs to know about the peer. */
export interface HttpContext {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:7070`. */
  readonly baseUrl: string;
  readonly fetch: FetchFn;
  /** Per-request deadline in ms (headers and body). */
  readonly timeoutMs: number;
  /** Extra headers sent with every request (e.g. an API gateway token). */
  readonly headers: Readonly<Record<string, string>>;
}

/** One request. */
export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  /** Path and query, starting with '/'. */
  readonly path: string;
  /** JSON body (POST). */
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
  /** Hex tx id to put on errors, when the request is about one tx. */
  readonly txId?: string | undefined;
}

/**
 * An AbortController that aborts when any of `signals` does; `dispose` unhooks the listeners.
 * @example const link = linkSignals([user]); try { await fetch(url, { signal: link.signal }); } finally { link.dispose(); }
 */
export function linkSignals(signals: readonly (AbortSignal | undefined)[]): { readonly signal: AbortSignal; abort(reason: unknown): void; dispose(): void } {
  const ctl = new AbortController();
  const hooks: Array<() => void> = [];
  for (const s of signals) {
    if (s === undefined) continue;
    if (s.aborted) {
      ctl.abort(s.reason);
      break;
    }
    const on = (): void => ctl.abort(s.reason);
    s.addEventListener('abort', on, { once: true });
    hooks.push(() => s.removeEventListener('abort', on));
  }
  return { signal: ctl.signal, abort: (reason) => ctl.abort(reason), dispose: () => hooks.forEach((h) => h()) };
}

/**
 * Seconds from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent.
 * @example parseRetryAfter('2') // 2
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The step error for a non-2xx response: 429/503 and 5xx → SubmitError (transport, retryable), other 4xx →
 * RejectedError with the peer's code (SDK_REJECTED when the body has none).
 * @example throw httpError(res.status, res.headers.get('retry-after'), await res.text(), txId);
 */
export function httpError(status: number, retryAfterHeader: string | null, bodyText: string, txId?: string): RejectedError | SubmitError {
  let parsed: { code: string; message: string; details: Record<string, unknown> } | undefined;
  try {
    const r = errorBodySchema.safeParse(JSON.parse(bodyText));
    if (r.success) parsed = r.data;
  } catch {
    parsed = undefined;
  }
  const peerTxId = typeof parsed?.details.txId === 'string' ? parsed.details.txId : undefined;
  const id = txId ?? peerTxId;
  const details = flatDetails(parsed?.details ?? {});
  if (status === 429 || status === 503 || status >= 500 || status < 400) {
    const retryAfter = parseRetryAfter(retryAfterHeader);
    const msg = parsed ? `peer answered ${status}: ${parsed.message}` : `peer answered HTTP ${status}`;
    return new SubmitError(SDK_ERROR_CODES.submitFailed, msg, { txId: id, status, retryAfter, peerCode: parsed?.code, details });
  }
  if (parsed) return new RejectedError(parsed.code, parsed.message, { txId: id, status, details });
  const snippet = bodyText.slice(0, 200);
  return new RejectedError(SDK_ERROR_CODES.rejected, `peer refused with HTTP ${status}${snippet ? `: ${snippet}` : ''}`, { txId: id, status });
}

function flatDetails(d: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (v !== undefined) out[k] = JSON.stringify(v);
  }
  return out;
}

/** The SubmitError for a fetch that threw: the caller aborted, the deadline passed, or the network failed. */
export function transportError(e: unknown, user: AbortSignal | undefined, timedOut: boolean, what: string, txId?: string): SubmitError {
  if (user?.aborted === true) return new SubmitError(SDK_ERROR_CODES.aborted, `${what}: aborted`, { txId, cause: user.reason });
  if (timedOut) return new SubmitError(SDK_ERROR_CODES.submitFailed, `${what}: no answer in time`, { txId, cause: e, details: { reason: 'timeout' } });
  const msg = e instanceof Error ? e.message : String(e);
  return new SubmitError(SDK_ERROR_CODES.submitFailed, `${what}: ${msg}`, { txId, cause: e, details: { reason: 'network' } });
}

/**
 * Sends one request and returns the raw response text of a 2xx; every failure is a step error.
 * @throws SubmitError (SDK_SUBMIT_FAILED, SDK_ABORTED), RejectedError (4xx)
 * @example const text = await requestText(ctx, { path: '/metrics' });
 */
export async function requestText(ctx: HttpContext, req: HttpRequest, accept = 'application/json'): Promise<string> {
  const method = req.method ?? 'GET';
  const what = `${method} ${req.path}`;
  const link = linkSignals([req.signal]);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    link.abort(new SubmitError(SDK_ERROR_CODES.submitFailed, `${what}: timed out after ${ctx.timeoutMs} ms`));
  }, ctx.timeoutMs);
  try {
    const headers: Record<string, string> = { accept, ...ctx.headers };
    const init: RequestInit = { method, headers, signal: link.signal };
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(req.body);
    }
    let res: Response;
    let text: string;
    try {
      res = await ctx.fetch(ctx.baseUrl + req.path, init);
      text = await res.text();
    } catch (e) {
      throw transportError(e, req.signal, timedOut, what, req.txId);
    }
    if (!res.ok) throw httpError(res.status, res.headers.get('retry-after'), text, req.txId);
    return text;
  } finally {
    clearTimeout(timer);
    link.dispose();
  }
}

/**
 * Sends one request and parses the 2xx JSON body with `schema`.
 * @throws SubmitError (SDK_SUBMIT_FAILED, SDK_ABORTED, SDK_BAD_RESPONSE), RejectedError (4xx)
 * @example const status = await requestJson(ctx, { path: '/v1/status' }, statusSchema);
 */
export async function requestJson<T>(ctx: HttpContext, req: HttpRequest, schema: z.ZodType<T, unknown>): Promise<T> {
  const text = await requestText(ctx, req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SubmitError(SDK_ERROR_CODES.badResponse, `${req.method ?? 'GET'} ${req.path}: the body is not JSON`, { txId: req.txId, cause: e });
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    throw new SubmitError(SDK_ERROR_CODES.badResponse, `${req.method ?? 'GET'} ${req.path}: unexpected body (${describeIssues(r.error)})`, {
      txId: req.txId,
      cause: r.error,
    });
  }
  return r.data;
}
