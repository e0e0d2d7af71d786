// @gongxin/sdk: client, tx builder, events and light-client proof verification. Browser-safe: no node:*, no Buffer;
// holds no keys (takes a signer). Imports @gongxin/core and @gongxin/crypto/portable only.
export { createClient } from './client.js';
export type { ClientParams, GongxinClient, RequestOptions, SubmitOptions } from './client.js';
export type { FetchFn, HttpContext } from './http.js';
export { SDK_ERROR_CODES, RejectedError, SubmitError, CommitTimeoutError, ProofError } from './errors.js';
export type { SdkErrorCode, StepErrorOptions } from './errors.js';
export { buildTx, randomNonce, DEFAULT_VALID_FOR_MS, DEFAULT_CLOCK_SKEW_MS } from './tx-builder.js';
export type { BuildTxParams, BuiltTx } from './tx-builder.js';
export { submitAndWait } from './submit-and-wait.js';
export type { SubmitAndWaitParams, SubmittableTx } from './submit-and-wait.js';
export { createSseParser } from './sse-parser.js';
export type { SseMessage, SseParser, SseParserParams } from './sse-parser.js';
export { streamEvents, subscribeEvents, openEventStream } from './events.js';
export type { EventConnectParams, StreamEventsParams, SubscribeEventsParams } from './events.js';
export { verifyTxProof } from './proofs/verify-tx-proof.js';
export type { VerifyTxProofParams, VerifiedTxProof } from './proofs/verify-tx-proof.js';
export { verifyHistoryInclusion, verifyHistoryConsistency } from './proofs/verify-history.js';
export type {
  HistoryAnchor,
  VerifyHistoryInclusionParams,
  VerifiedHistoryInclusion,
  VerifyHistoryConsistencyParams,
  VerifiedHistoryConsistency,
} from './proofs/verify-history.js';
export { verifyStateProof } from './proofs/verify-state.js';
export type { VerifyStateParams, VerifiedState } from './proofs/verify-state.js';
export { stateProofFromInput } from './proofs/state-proof-input.js';
export type { HashSuite, TrustAnchor } from './proofs/common.js';
export { LightClient } from './light-client.js';
export type { LightClientParams, LightClientTransport, AdvanceProofs } from './light-client.js';
export { toJsonView } from './json-view.js';
export type { IdLike } from './json-view.js';
export type {
  JsonValue,
  ChainStatus,
  GenesisInfo,
  ReceiptEvent,
  ReceiptView,
  CommittedReceipt,
  SubmitResult,
  BatchRejection,
  SubmitBatchResult,
  TxStatusName,
  TxStatus,
  TxProof,
  BlockInfo,
  BlockReceipts,
  HistoryInclusionProof,
  HistoryConsistencyProof,
  StateResponse,
  BlockEvent,
  ReceiptStreamEvent,
  ModuleStreamEvent,
  LedgerStreamEvent,
} from './types.js';
export { verifyBundle, bundleBytes } from './bundles/verify-bundle.js';
export type { VerifyBundleOptions, VerifiedBundle, VerifiedBundleEntry, VerifiedBundleTx } from './bundles/verify-bundle.js';
export { BUNDLE_VERSION, QR_PREFIX, QR_MAX_BUNDLE_BYTES, bundleFromValue, bundleValueFromJson, bundleToQrText, bundleFromQrText } from './bundles/format.js';
export type { Bundle, BundleEntry, BundleTx } from './bundles/format.js';
export { receiptFromBytes } from './bundles/receipt.js';
