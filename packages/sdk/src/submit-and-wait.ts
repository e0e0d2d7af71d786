// Submit one transaction and wait for its receipt (docs/api.md POST /v1/txs, GET /v1/txs/{id}): retries
// back-pressure, treats TX_DUPLICATE as "already submitted", polls until committed, rejected or the deadline.
import { bytesToHex } from '@gongxin/core';
import { CommitTimeoutError, RejectedError, SDK_ERROR_CODES, SubmitError, invalidArgument } from './errors.js';
import type { GongxinClient } from './client.js';
import { linkSignals } from './http.js';
import { idToHex, type IdLike } from './json-view.js';
import { isAborted, sleep } from './sleep.js';
import type { CommittedReceipt, TxStatus } from './types.js';

/** Options of `submitAndWait`. */
export interface SubmitAndWaitParams {
  /** Deadline for the whole operation (submission and commit), default 30,000 ms. */
  readonly timeoutMs?: number;
  /** Delay between status polls, default 500 ms. */
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

/** A tx to submit: a BuiltTx, `{ bytes, id }`, or bare bytes (the id is then the one the peer reports). */
export type SubmittableTx = { readonly bytes: Uint8Array; readonly id?: IdLike } | Uint8Array;

type WaitClient = Pick<GongxinClient, 'submitTx' | 'getTx'>;

interface Deadline {
  readonly signal: AbortSignal;
  readonly user: AbortSignal | undefined;
  expired(): boolean;
  left(): number;
}

function aborted(d: Deadline, txId: string | undefined): SubmitError {
  return new SubmitError(SDK_ERROR_CODES.aborted, 'submitAndWait: aborted', { txId, cause: d.user?.reason });
}

async function submit(client: WaitClient, bytes: Uint8Array, localId: string | undefined, d: Deadline, pollMs: number): Promise<string> {
  for (;;) {
    try {
      const r = await client.submitTx(bytes, localId === undefined ? { signal: d.signal } : { signal: d.signal, txId: localId });
      const peerId = bytesToHex(r.txId);
      if (localId !== undefined && peerId !== localId) {
        throw new SubmitError(SDK_ERROR_CODES.badResponse, `peer reported tx id ${peerId}, expected ${localId}`, { txId: localId });
      }
      return peerId;
    } catch (e) {
      // A duplicate means an earlier attempt (ours, after a lost response) got in: go and wait for it.
      const dupId = e instanceof RejectedError && e.code === 'TX_DUPLICATE' ? (localId ?? e.txId) : undefined;
      if (dupId !== undefined) return dupId;
      if (isAborted(d.user)) throw aborted(d, localId);
      if (!(e instanceof SubmitError) || e.code === SDK_ERROR_CODES.badResponse) throw e;
      // Retry-After: 0 still waits a little, so a peer under pressure is not hammered in a tight loop.
      const wait = Math.min(e.retryAfter !== undefined ? Math.max(10, e.retryAfter * 1000) : pollMs, d.left());
      if (d.expired() || !(await sleep(wait, d.signal)) || d.expired()) {
        if (isAborted(d.user)) throw aborted(d, localId);
        throw new SubmitError(SDK_ERROR_CODES.submitFailed, `not submitted within the deadline: ${e.message}`, {
          txId: localId,
          status: e.status,
          retryAfter: e.retryAfter,
          peerCode: e.peerCode,
          cause: e,
        });
      }
    }
  }
}

function outcome(st: TxStatus, txId: string): CommittedReceipt | undefined {
  if (st.status === 'pending') return undefined;
  const r = st.receipt;
  if (r === undefined || st.height === undefined || st.index === undefined) {
    throw new SubmitError(SDK_ERROR_CODES.badResponse, `tx is ${st.status} but the peer sent no receipt/height/index`, { txId });
  }
  if (bytesToHex(r.txId) !== txId || bytesToHex(st.txId) !== txId) {
    throw new SubmitError(SDK_ERROR_CODES.badResponse, 'the peer answered about another transaction', { txId });
  }
  if (st.status === 'rejected' || !r.ok) {
    throw new RejectedError(r.code === '' ? SDK_ERROR_CODES.rejected : r.code, r.message, { txId, height: st.height, details: { index: st.index } });
  }
  return { ...r, height: st.height, index: st.index };
}

/**
 * Submits `tx` and resolves with its receipt once it is committed with `ok` true.
 * Back-pressure (429/503) and network failures are retried until the deadline; a 409 TX_DUPLICATE counts as
 * submitted (safe to call again after a lost response). Polls GET /v1/txs/{id}; 404 is read as "not yet".
 * @throws RejectedError (refused at admission, or included with a failed receipt: `code` is the reason),
 *   CommitTimeoutError (accepted but not committed in time), SubmitError (could not submit; SDK_ABORTED)
 * @example
 * const tx = await buildTx({ chainId, module: 'charity', command: 'donate', args, signer });
 * const receipt = await submitAndWait(client, tx, { timeoutMs: 20_000 });
 * console.log(receipt.height, receipt.events);
 */
export async function submitAndWait(client: WaitClient, tx: SubmittableTx, params: SubmitAndWaitParams = {}): Promise<CommittedReceipt> {
  const bytes = tx instanceof Uint8Array ? tx : tx.bytes;
  if (!(bytes instanceof Uint8Array)) invalidArgument('submitAndWait takes a BuiltTx or signed tx bytes');
  const localId = tx instanceof Uint8Array || tx.id === undefined ? undefined : idToHex(tx.id, 'tx.id');
  const timeoutMs = params.timeoutMs ?? 30_000;
  const pollMs = params.pollMs ?? 500;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) invalidArgument('timeoutMs must be a positive integer');
  if (!Number.isSafeInteger(pollMs) || pollMs <= 0) invalidArgument('pollMs must be a positive integer');
  const end = Date.now() + timeoutMs;
  const link = linkSignals([params.signal]);
  const timer = setTimeout(() => link.abort(new CommitTimeoutError('deadline', { lastStatus: 'unknown', timeoutMs })), timeoutMs);
  const d: Deadline = { signal: link.signal, user: params.signal, expired: () => Date.now() >= end, left: () => end - Date.now() };
  try {
    const txId = await submit(client, bytes, localId, d, pollMs);
    let lastStatus = 'unknown';
    let lastError: unknown;
    for (;;) {
      try {
        const done = outcome(await client.getTx(txId, { signal: d.signal }), txId);
        if (done !== undefined) return done;
        lastStatus = 'pending';
      } catch (e) {
        if (e instanceof RejectedError && e.status === 404) lastError = e;
        else if (e instanceof SubmitError && e.code !== SDK_ERROR_CODES.badResponse) lastError = e;
        else throw e;
        if (isAborted(d.user)) throw aborted(d, txId);
      }
      if (d.expired() || !(await sleep(Math.min(pollMs, d.left()), d.signal)) || d.expired()) {
        if (isAborted(d.user)) throw aborted(d, txId);
        throw new CommitTimeoutError(`tx ${txId} not committed within ${timeoutMs} ms (last status: ${lastStatus})`, {
          txId,
          lastStatus,
          timeoutMs,
          cause: lastError,
        });
      }
    }
  } finally {
    clearTimeout(timer);
    link.dispose();
  }
}
