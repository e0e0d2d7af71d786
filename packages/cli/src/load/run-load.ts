// The load engine (docs/cli.md §load; reused by bench/): pre-signs a run's txs, sends them at a steady rate in
// batches (POST /v1/txs { txs }), tracks each commit, and reports throughput and send → commit latency.
import { GongxinError, type Suite, type SyncSigner } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { randomNonce, SubmitError, type GongxinClient } from '@gongxin/sdk';
import { CLI_ERRORS } from '../errors.js';
import { blocksSource, createCommitTracker, type CommitSource, type CommitTracker } from './commit-tracker.js';
import { batchSizes, dueBy, pacingIntervalMs, perSecond, summarizeLatencies, type LatencySummary } from './pacing.js';
import { createLoadSigner, type SignedLoadTx } from './presign.js';
import { notaryAnchorFactory, type TxFactory } from './tx-factory.js';

/** Options of `runLoad`. */
export interface RunLoadParams {
  readonly client: GongxinClient;
  /** Offered load, tx/s. */
  readonly rate: number;
  readonly durationSec: number;
  /** Largest batch per request (default 500). */
  readonly batch?: number;
  /** Keys to sign with, in turn. */
  readonly signers: readonly SyncSigner[];
  /** What to call (default notary.anchor with a distinct digest per tx). */
  readonly factory?: TxFactory;
  /** Where commits are seen (default: polling blocks, see blocksSource). */
  readonly commits?: CommitSource;
  /** Longest wait for pending txs after the last send (default 15,000 ms). */
  readonly drainMs?: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** Txs signed before the timed phase (default 500,000; the rest are signed as they are sent). */
  readonly preSignLimit?: number;
  /** Every second of the run (and of the drain). */
  readonly onTick?: (tick: LoadTick) => void;
  readonly onPresign?: (done: number, total: number) => void;
  /** Stops sending (the drain and the report still happen, shortened). */
  readonly signal?: AbortSignal;
  /** Monotonic clock in ms (default performance.now). */
  readonly clock?: () => number;
  /** Wall clock for tx validity windows (default Date.now). */
  readonly wallClock?: () => number;
}

/** One second of a run. */
export interface LoadTick {
  readonly second: number;
  readonly phase: 'send' | 'drain';
  readonly sentPerSec: number;
  readonly committedPerSec: number;
  readonly sent: number;
  readonly committed: number;
  readonly refused: number;
  readonly pending: number;
}

/** The outcome of a run. */
export interface LoadResult extends LatencySummary {
  readonly rate: number;
  /** Txs the run meant to send (rate × duration). */
  readonly planned: number;
  readonly sent: number;
  readonly accepted: number;
  readonly refused: number;
  /** Refusals by code, with the first message of each. */
  readonly refusals: Readonly<Record<string, { readonly count: number; readonly message: string }>>;
  /** Seen committed: with an ok receipt (events), or included in a block whatever its receipt (block polling). */
  readonly committed: number;
  /** Included with a failed receipt. */
  readonly failed: number;
  /** Accepted but not seen committed by the end of the drain. */
  readonly uncommitted: number;
  /** Length of the sending phase, ms. */
  readonly sendMs: number;
  readonly sentPerSec: number;
  /** Committed txs per second, from the first send to the last commit seen. */
  readonly txPerSec: number;
  readonly startHeight: number;
  readonly endHeight: number;
}

interface SendState {
  readonly tracker: CommitTracker;
  readonly refusals: Map<string, { count: number; message: string }>;
  accepted: number;
  refused: number;
}

function refuse(st: SendState, ids: readonly string[], code: string, message: string): void {
  st.tracker.refused(ids);
  st.refused += ids.length;
  const r = st.refusals.get(code) ?? { count: 0, message };
  r.count += ids.length;
  st.refusals.set(code, r);
}

async function sendBatch(client: GongxinClient, txs: readonly SignedLoadTx[], st: SendState, clock: () => number): Promise<void> {
  const ids = txs.map((t) => t.idHex);
  st.tracker.sent(ids, clock());
  try {
    const r = await client.submitTxs(txs.map((t) => t.bytes));
    st.accepted += r.accepted.length;
    for (const x of r.rejected) refuse(st, [ids[x.index] ?? ''], x.code, x.message);
  } catch (e) {
    if (!(e instanceof GongxinError)) throw e;
    refuse(st, ids, e instanceof SubmitError && e.peerCode !== undefined ? e.peerCode : e.code, e.message);
  }
}

/** How long after the planned end a run that fell behind may keep sending what was due. */
const CATCH_UP_MS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function checkParams(p: RunLoadParams, batch: number, concurrency: number): void {
  for (const [name, v] of [['rate', p.rate], ['durationSec', p.durationSec], ['batch', batch], ['concurrency', concurrency]] as const) {
    if (!Number.isSafeInteger(v) || v < 1) throw new GongxinError(CLI_ERRORS.usage, `${name} must be a positive integer`, { [name]: String(v) });
  }
}

/** A run in progress: what the send and drain phases share. */
interface Run {
  readonly p: RunLoadParams;
  readonly clock: () => number;
  readonly t0: number;
  readonly planned: number;
  readonly sign: (i: number) => SignedLoadTx;
  readonly pre: readonly SignedLoadTx[];
  readonly st: SendState;
  readonly failed: () => boolean;
  sent: number;
  second: number;
  last: { sent: number; committed: number };
}

/** Reports every whole second that has passed since the last report. */
function tick(run: Run, phase: LoadTick['phase']): void {
  const { tracker } = run.st;
  while (run.clock() - run.t0 >= run.second * 1000) {
    const committed = tracker.committedCount + tracker.failedCount;
    run.p.onTick?.({
      second: run.second,
      phase,
      sentPerSec: run.sent - run.last.sent,
      committedPerSec: committed - run.last.committed,
      sent: run.sent,
      committed,
      refused: run.st.refused,
      pending: tracker.pending,
    });
    run.last = { sent: run.sent, committed };
    run.second++;
  }
}

/** Sends what is due every interval, in batches, at most `concurrency` requests at once; stops at the planned end. */
async function sendPhase(run: Run, batch: number, concurrency: number): Promise<void> {
  const { p, clock, t0 } = run;
  const durationMs = p.durationSec * 1000;
  const interval = pacingIntervalMs(p.rate, batch);
  const inFlight = new Set<Promise<void>>();
  // A generator that fell behind (a busy event loop) may catch up for a moment; then sending stops, sent < planned.
  for (;;) {
    const elapsed = clock() - t0;
    if (run.sent >= run.planned || p.signal?.aborted === true || run.failed() || elapsed >= durationMs + CATCH_UP_MS) break;
    const due = dueBy(elapsed, p.rate, run.planned);
    for (const n of batchSizes(due - run.sent, batch)) {
      if (inFlight.size >= concurrency) break;
      const txs: SignedLoadTx[] = [];
      for (let i = run.sent; i < run.sent + n; i++) txs.push(run.pre[i] ?? run.sign(i));
      run.sent += n;
      const req = sendBatch(p.client, txs, run.st, clock).finally(() => inFlight.delete(req));
      inFlight.add(req);
    }
    tick(run, 'send');
    // Wake at the next interval boundary after `elapsed` (not after "now": a late wake-up must not skip a send).
    const wake = (Math.floor(elapsed / interval) + 1) * interval;
    await Promise.race([sleep(wake - (clock() - t0)), ...(inFlight.size >= concurrency ? inFlight : [])]);
  }
  await Promise.all(inFlight);
}

/** Waits for pending txs to commit, up to the drain time (2 s after an abort). */
async function drainPhase(run: Run): Promise<void> {
  const { p, clock } = run;
  const drainMs = p.drainMs ?? 15_000;
  const end = clock() + (p.signal?.aborted === true ? Math.min(2000, drainMs) : drainMs);
  while (run.st.tracker.pending > 0 && clock() < end && !run.failed()) {
    await sleep(Math.min(50, end - clock()));
    tick(run, 'drain');
  }
}

/**
 * Runs a load test against a peer and returns its figures.
 * @throws CLI_USAGE (bad parameters), CLI_LOAD_INVALID (the factory's tx is invalid), SDK errors from the first
 *   requests or from the commit source when it failed before seeing any commit
 * @example
 * const r = await runLoad({ client, rate: 2000, durationSec: 30, signers: [createSigner(suite, key)] });
 * console.log(r.txPerSec, r.p50Ms, r.p99Ms);
 */
export async function runLoad(p: RunLoadParams): Promise<LoadResult> {
  const batch = p.batch ?? 500;
  const concurrency = p.concurrency ?? 4;
  checkParams(p, batch, concurrency);
  const clock = p.clock ?? (() => performance.now());
  const { client } = p;
  const [g, status] = await Promise.all([client.genesis(), client.status()]);
  const suite: Suite = getPortableSuite(g.genesis.suite);
  const sign = createLoadSigner({
    chainId: g.genesis.chainId,
    suite,
    signers: p.signers,
    factory: p.factory ?? notaryAnchorFactory,
    maxTxBytes: g.genesis.params.maxTxBytes,
    maxValidityMs: g.genesis.params.maxValidityMs,
    nonceBase: randomNonce() % 2 ** 52,
    now: p.wallClock ?? (() => Date.now()),
  });
  const planned = p.rate * p.durationSec;
  const pre: SignedLoadTx[] = [];
  const preCount = Math.min(planned, p.preSignLimit ?? 500_000);
  for (let i = 0; i < preCount; i++) {
    pre.push(sign(i));
    if ((i + 1) % 10_000 === 0 || i + 1 === preCount) p.onPresign?.(i + 1, preCount);
  }
  const tracker = createCommitTracker();
  const stopTracking = new AbortController();
  let sourceError: unknown;
  const tracking = (p.commits ?? blocksSource())({ client, fromHeight: status.height + 1, tracker, now: clock, signal: stopTracking.signal }).catch(
    (e: unknown) => {
      sourceError = e ?? new Error('commit source failed');
    },
  );
  const st: SendState = { tracker, refusals: new Map(), accepted: 0, refused: 0 };
  const run: Run = { p, clock, t0: clock(), planned, sign, pre, st, failed: () => sourceError !== undefined, sent: 0, second: 1, last: { sent: 0, committed: 0 } };
  await sendPhase(run, batch, concurrency);
  const sendMs = clock() - run.t0;
  await drainPhase(run);
  stopTracking.abort();
  await tracking;
  const seen = tracker.committedCount + tracker.failedCount;
  if (sourceError !== undefined && seen === 0) throw sourceError;
  const endHeight = (await client.status().catch(() => status)).height;
  return {
    rate: p.rate,
    planned,
    sent: run.sent,
    accepted: st.accepted,
    refused: st.refused,
    refusals: Object.fromEntries(st.refusals),
    committed: tracker.committedCount,
    failed: tracker.failedCount,
    uncommitted: tracker.pending,
    sendMs,
    sentPerSec: perSecond(run.sent, sendMs),
    txPerSec: Number.isNaN(tracker.lastCommitAt) ? 0 : perSecond(seen, tracker.lastCommitAt - run.t0),
    ...summarizeLatencies(tracker.latencies),
    startHeight: status.height,
    endHeight,
  };
}
