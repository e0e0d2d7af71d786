// The SDK client the commands use: the context's transport, with every request also ended by the context's stop
// signal (Ctrl-C aborts a pending request instead of waiting for its timeout).
import { GongxinError, SUITE_IDS, type SuiteId } from '@gongxin/core';
import { createClient, SDK_ERROR_CODES, type FetchFn, type GongxinClient } from '@gongxin/sdk';
import type { CliContext } from './context.js';

/**
 * A client for the peer at `url` that honours `ctx.fetch` and (unless `abortOnStop: false`, for commands that
 * wind down gracefully on a stop) `ctx.stop`.
 * @throws SDK_INVALID_ARGUMENT for a malformed url
 * @example const status = await clientFor(ctx, opts.url).status();
 */
export function clientFor(ctx: CliContext, url: string, opts: { readonly timeoutMs?: number; readonly abortOnStop?: boolean } = {}): GongxinClient {
  const base: FetchFn = ctx.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const stop = opts.abortOnStop === false ? undefined : ctx.stop;
  const fetch: FetchFn =
    stop === undefined
      ? base
      : (input, init) => {
          const signals = init?.signal ? [init.signal, stop] : [stop];
          return base(input, { ...init, signal: AbortSignal.any(signals) });
        };
  return createClient({ url, fetch, ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) });
}

/**
 * A suite id the peer reported, checked.
 * @throws SDK_BAD_RESPONSE for a suite this CLI does not know
 * @example const suite = getPortableSuite(chainSuite(status.suite));
 */
export function chainSuite(id: string): SuiteId {
  if (!(SUITE_IDS as readonly string[]).includes(id)) {
    throw new GongxinError(SDK_ERROR_CODES.badResponse, `the peer reports suite "${id}", which this gongxin does not know`, { suite: id });
  }
  return id as SuiteId;
}
