// submitAndWait over a scripted client: committed, rejected in a block, refused at admission, duplicate,
// back-pressure retries, 404 while propagating, timeout, abort, and a peer that lies about the id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, hexToBytes, isGongxinError } from '@gongxin/core';
import type { GongxinClient } from './client.js';
import { CommitTimeoutError, RejectedError, SubmitError } from './errors.js';
import { submitAndWait } from './submit-and-wait.js';
import type { ReceiptView, TxStatus } from './types.js';

const ID = '7a'.repeat(32);
const TX = { bytes: new Uint8Array([1, 2, 3]), id: hexToBytes(ID) };

type Step = (() => Promise<unknown>) | unknown;

function receipt(ok: boolean, code = ''): ReceiptView {
  return { txId: hexToBytes(ID), ok, code, message: ok ? '' : 'over allocation', events: [], receiptBytes: new Uint8Array([0xa0]) };
}
const pending: TxStatus = { txId: hexToBytes(ID), status: 'pending', height: undefined, index: undefined, receipt: undefined };
const committed: TxStatus = { txId: hexToBytes(ID), status: 'committed', height: 9, index: 2, receipt: receipt(true) };
const failed: TxStatus = { txId: hexToBytes(ID), status: 'rejected', height: 9, index: 2, receipt: receipt(false, 'CHARITY_OVER_ALLOCATION') };
const notFound = (): RejectedError => new RejectedError('TX_NOT_FOUND', 'unknown', { status: 404, txId: ID });

/** A client whose submitTx / getTx answers follow the scripts (the last answer repeats); errors are thrown. */
function scripted(submits: Step[], polls: Step[]): Pick<GongxinClient, 'submitTx' | 'getTx'> & { submitCalls: number; pollCalls: number } {
  const answer = async (list: Step[], i: number): Promise<unknown> => {
    const step = list[Math.min(i, list.length - 1)];
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? (step as () => Promise<unknown>)() : step;
  };
  const c = {
    submitCalls: 0,
    pollCalls: 0,
    submitTx: async () => (await answer(submits, c.submitCalls++)) as { txId: Uint8Array },
    getTx: async () => (await answer(polls, c.pollCalls++)) as TxStatus,
  };
  return c;
}

const accepted = { txId: hexToBytes(ID) };

test('pending, then committed: resolves with the receipt and where it landed', async () => {
  const c = scripted([accepted], [notFound(), pending, pending, committed]);
  const r = await submitAndWait(c, TX, { pollMs: 5, timeoutMs: 5000 });
  assert.equal(r.ok, true);
  assert.equal(r.height, 9);
  assert.equal(r.index, 2);
  assert.equal(bytesToHex(r.txId), ID);
  assert.equal(c.pollCalls, 4);
});

test('included with a failed receipt → RejectedError with the module code, txId and height', async () => {
  const c = scripted([accepted], [pending, failed]);
  await assert.rejects(
    submitAndWait(c, TX, { pollMs: 5 }),
    (e) => e instanceof RejectedError && e.code === 'CHARITY_OVER_ALLOCATION' && e.txId === ID && e.height === 9 && e.status === undefined,
  );
});

test('refused at admission → that RejectedError, no polling', async () => {
  const c = scripted([new RejectedError('TX_EXPIRED', 'window passed', { status: 400, txId: ID })], [committed]);
  await assert.rejects(submitAndWait(c, TX, { pollMs: 5 }), (e) => e instanceof RejectedError && e.code === 'TX_EXPIRED');
  assert.equal(c.pollCalls, 0);
});

test('TX_DUPLICATE (an earlier attempt got in) → waits for that tx', async () => {
  const c = scripted([new RejectedError('TX_DUPLICATE', 'known', { status: 409, txId: ID })], [committed]);
  const r = await submitAndWait(c, TX, { pollMs: 5 });
  assert.equal(r.height, 9);
});

test('429 / network errors are retried (Retry-After honoured) until accepted', async () => {
  const busy = new SubmitError('SDK_SUBMIT_FAILED', 'full', { status: 429, retryAfter: 0 });
  const net = new SubmitError('SDK_SUBMIT_FAILED', 'reset', { details: { reason: 'network' } });
  const c = scripted([busy, net, busy, accepted], [committed]);
  const r = await submitAndWait(c, TX, { pollMs: 5 });
  assert.equal(r.ok, true);
  assert.equal(c.submitCalls, 4);
});

test('never accepted within the deadline → SubmitError (the submit step failed), with the last error as cause', async () => {
  const busy = new SubmitError('SDK_SUBMIT_FAILED', 'full', { status: 503, retryAfter: 0 });
  const c = scripted([busy], []);
  await assert.rejects(
    submitAndWait(c, TX, { pollMs: 10, timeoutMs: 100 }),
    (e) => e instanceof SubmitError && e.code === 'SDK_SUBMIT_FAILED' && e.status === 503 && e.cause === busy && e.txId === ID,
  );
});

test('accepted but never committed → CommitTimeoutError with the last status', async () => {
  const c = scripted([accepted], [pending]);
  const started = Date.now();
  await assert.rejects(
    submitAndWait(c, TX, { pollMs: 10, timeoutMs: 150 }),
    (e) => e instanceof CommitTimeoutError && e.code === 'SDK_COMMIT_TIMEOUT' && e.lastStatus === 'pending' && e.txId === ID,
  );
  assert.ok(Date.now() - started < 2000);
  assert.ok(c.pollCalls >= 3);
});

test('a getTx that hangs is cut at the deadline (CommitTimeoutError, not a hang)', async () => {
  // Answers only when aborted, as a fetch on a dead connection would.
  const slowClient: Pick<GongxinClient, 'submitTx' | 'getTx'> = {
    submitTx: () => Promise.resolve(accepted),
    getTx: (_id, opts) =>
      new Promise((_resolve, reject) => {
        opts?.signal?.addEventListener('abort', () => reject(new SubmitError('SDK_ABORTED', 'aborted')));
      }),
  };
  await assert.rejects(submitAndWait(slowClient, TX, { pollMs: 10, timeoutMs: 100 }), (e) => e instanceof CommitTimeoutError);
});

test('abort → SubmitError SDK_ABORTED', async () => {
  const c = scripted([accepted], [pending]);
  const ctl = new AbortController();
  setTimeout(() => ctl.abort(), 40);
  await assert.rejects(submitAndWait(c, TX, { pollMs: 10, timeoutMs: 5000, signal: ctl.signal }), (e) => isGongxinError(e, 'SDK_ABORTED'));
});

test('a peer that reports another id, or a status about another tx, is caught (SDK_BAD_RESPONSE)', async () => {
  const other = { txId: hexToBytes('00'.repeat(32)) };
  await assert.rejects(submitAndWait(scripted([other], [committed]), TX, { pollMs: 5 }), (e) => isGongxinError(e, 'SDK_BAD_RESPONSE'));
  const wrongReceipt: TxStatus = { ...committed, receipt: { ...receipt(true), txId: hexToBytes('00'.repeat(32)) } };
  await assert.rejects(submitAndWait(scripted([accepted], [wrongReceipt]), TX, { pollMs: 5 }), (e) => isGongxinError(e, 'SDK_BAD_RESPONSE'));
  const noReceipt: TxStatus = { ...committed, receipt: undefined };
  await assert.rejects(submitAndWait(scripted([accepted], [noReceipt]), TX, { pollMs: 5 }), (e) => isGongxinError(e, 'SDK_BAD_RESPONSE'));
});

test('bare bytes: the peer-reported id is used for polling; bad options are SDK_INVALID_ARGUMENT', async () => {
  const r = await submitAndWait(scripted([accepted], [committed]), TX.bytes, { pollMs: 5 });
  assert.equal(bytesToHex(r.txId), ID);
  await assert.rejects(submitAndWait(scripted([accepted], [committed]), TX, { pollMs: 0 }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
  await assert.rejects(submitAndWait(scripted([accepted], [committed]), { bytes: 'x' as unknown as Uint8Array }), (e) => isGongxinError(e, 'SDK_INVALID_ARGUMENT'));
});
