// Messages between the verify pool and its workers.
import type { TxBody } from '@gongxin/core';

/** A batch of tx bytes to check at time `now`. */
export interface VerifyRequest {
  readonly seq: number;
  readonly now: number;
  readonly txs: readonly Uint8Array[];
}

/** The outcome for one tx: its id when it decoded, and ok or a stable code. */
export type VerifyResult =
  | { readonly ok: true; readonly id: Uint8Array; readonly body: TxBody; readonly signature: Uint8Array }
  | { readonly ok: false; readonly id: Uint8Array | undefined; readonly code: string; readonly message: string };

/** A worker's answer. */
export interface VerifyResponse {
  readonly seq: number;
  readonly results: VerifyResult[];
}
