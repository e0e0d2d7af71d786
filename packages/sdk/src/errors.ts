// SDK errors, one class per step that can fail (STYLE.md §4): admission/execution, transport, commit wait, proof.
// Each extends core's GongxinError, so `isGongxinError(e)` and `e.code` work on everything the SDK throws.
import { GongxinError } from '@gongxin/core';

/** Stable codes the SDK itself raises (peer codes such as TX_DUPLICATE pass through RejectedError unchanged). */
export const SDK_ERROR_CODES = {
  /** A peer refused without a code of its own (a 4xx without a `{ code }` body). */
  rejected: 'SDK_REJECTED',
  /** Transport failure: network error, timeout, 5xx, 429/503 back-pressure. */
  submitFailed: 'SDK_SUBMIT_FAILED',
  /** The caller's AbortSignal fired. */
  aborted: 'SDK_ABORTED',
  /** The peer answered 2xx with a body that is not the documented shape. */
  badResponse: 'SDK_BAD_RESPONSE',
  /** The transaction was not committed before the deadline. */
  commitTimeout: 'SDK_COMMIT_TIMEOUT',
  /** A proof did not verify; `ProofError.reason` says which check failed. */
  proofInvalid: 'SDK_PROOF_INVALID',
  /** A local argument is wrong (URL, id, height, validity window, suite). */
  invalidArgument: 'SDK_INVALID_ARGUMENT',
  /** The signer returned a signature that does not verify under its own public key (wrong key or suite). */
  signerInvalid: 'SDK_SIGNER_INVALID',
} as const;

/** One of the SDK's own codes. */
export type SdkErrorCode = (typeof SDK_ERROR_CODES)[keyof typeof SDK_ERROR_CODES];

type Details = Record<string, string | number>;

function withTxId(details: Details, txId: string | undefined): Details {
  return txId === undefined ? details : { ...details, txId };
}

// Only set `cause` when there is one, so `'cause' in e` means something.
function causeOf(opts: { readonly cause?: unknown }): ErrorOptions | undefined {
  return opts.cause === undefined ? undefined : { cause: opts.cause };
}

/** Options shared by the step errors. */
export interface StepErrorOptions {
  /** Lowercase hex id of the transaction concerned, when known. */
  readonly txId?: string | undefined;
  readonly details?: Details;
  readonly cause?: unknown;
}

/**
 * A peer refused: at admission (HTTP 4xx on POST /v1/txs, `status` set) or in a block (the receipt is not ok,
 * `height` set). `code` is the peer's or module's stable code (TX_BAD_SIGNATURE, TX_DUPLICATE,
 * CHARITY_OVER_ALLOCATION …), or SDK_REJECTED when the peer gave none.
 * @example
 * try { await submitAndWait(client, tx); } catch (e) { if (e instanceof RejectedError) console.log(e.code, e.txId); }
 */
export class RejectedError extends GongxinError {
  readonly txId: string | undefined;
  /** HTTP status for an admission refusal; undefined for a failed receipt. */
  readonly status: number | undefined;
  /** Block height for a failed receipt; undefined for an admission refusal. */
  readonly height: number | undefined;
  constructor(code: string, message: string, opts: StepErrorOptions & { status?: number; height?: number } = {}) {
    super(code, message, withTxId(opts.details ?? {}, opts.txId), causeOf(opts));
    this.name = 'RejectedError';
    this.txId = opts.txId;
    this.status = opts.status;
    this.height = opts.height;
  }
}

/**
 * The request did not get an answer the SDK can use: network error, timeout, abort (code SDK_ABORTED),
 * 5xx, back-pressure 429/503 (`retryAfter` in seconds from the Retry-After header), or a 2xx body of the wrong
 * shape (SDK_BAD_RESPONSE). The transaction may or may not have reached the peer: resubmitting is safe
 * (a duplicate is refused with TX_DUPLICATE, never executed twice).
 * @example
 * catch (e) { if (e instanceof SubmitError && e.retryAfter !== undefined) await sleep(e.retryAfter * 1000); }
 */
export class SubmitError extends GongxinError {
  readonly txId: string | undefined;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Seconds to wait before retrying, from Retry-After (429/503). */
  readonly retryAfter: number | undefined;
  /** The peer's error code from the body, when it sent one. */
  readonly peerCode: string | undefined;
  constructor(
    code: SdkErrorCode,
    message: string,
    opts: StepErrorOptions & { status?: number | undefined; retryAfter?: number | undefined; peerCode?: string | undefined } = {},
  ) {
    const details: Details = { ...(opts.details ?? {}) };
    if (opts.status !== undefined) details.status = opts.status;
    if (opts.retryAfter !== undefined) details.retryAfter = opts.retryAfter;
    if (opts.peerCode !== undefined) details.peerCode = opts.peerCode;
    super(code, message, withTxId(details, opts.txId), causeOf(opts));
    this.name = 'SubmitError';
    this.txId = opts.txId;
    this.status = opts.status;
    this.retryAfter = opts.retryAfter;
    this.peerCode = opts.peerCode;
  }
}

/**
 * The transaction was accepted but not seen committed before the deadline. It may still commit later
 * (until its notAfter): poll `client.getTx(txId)`. `cause` is the last polling error, if any.
 * @example catch (e) { if (e instanceof CommitTimeoutError) console.log('still pending', e.txId, e.lastStatus); }
 */
export class CommitTimeoutError extends GongxinError {
  readonly txId: string | undefined;
  /** The last status the peer reported ('pending', 'unknown' when never found). */
  readonly lastStatus: string;
  constructor(message: string, opts: StepErrorOptions & { lastStatus: string; timeoutMs: number }) {
    super(SDK_ERROR_CODES.commitTimeout, message, withTxId({ ...(opts.details ?? {}), lastStatus: opts.lastStatus, timeoutMs: opts.timeoutMs }, opts.txId), causeOf(opts));
    this.name = 'CommitTimeoutError';
    this.txId = opts.txId;
    this.lastStatus = opts.lastStatus;
  }
}

/**
 * A proof, or the header it rests on, did not check out. `reason` names the failed check: a core code
 * (PROOF_ROOT_MISMATCH, PROOF_WRONG_LENGTH, STATE_PROOF_INVALID …) or an SDK one (HEADER_HASH_MISMATCH,
 * TRUSTED_HEADER_MISMATCH, TX_ID_MISMATCH, LEAF_HASH_MISMATCH, ROOT_MISMATCH, FIELD_MISMATCH, PROOF_MALFORMED …).
 * @example catch (e) { if (e instanceof ProofError) console.log(e.reason, e.message); }
 */
export class ProofError extends GongxinError {
  readonly txId: string | undefined;
  readonly reason: string;
  constructor(reason: string, message: string, opts: StepErrorOptions = {}) {
    super(SDK_ERROR_CODES.proofInvalid, message, withTxId({ ...(opts.details ?? {}), reason }, opts.txId), causeOf(opts));
    this.name = 'ProofError';
    this.txId = opts.txId;
    this.reason = reason;
  }
}

/**
 * Throws a GongxinError SDK_INVALID_ARGUMENT (a local mistake, nothing was sent).
 * @example invalidArgument('height must be a non-negative integer', { height: -1 });
 */
export function invalidArgument(message: string, details: Details = {}): never {
  throw new GongxinError(SDK_ERROR_CODES.invalidArgument, message, details);
}
