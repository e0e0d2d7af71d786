// Signing load txs fast (docs/spec/encoding.md): core's digest, encoding and id with an in-process signer, validated
// once (core decodeTx) on the first tx; pre-signed before the timed phase so the generator is not the bottleneck.
import { bytesToHex, decodeTx, encodeTx, GongxinError, isGongxinError, txIdOf, txSigningDigest, type Suite, type SyncSigner, type TxBody } from '@gongxin/core';
import { CLI_ERRORS } from '../errors.js';
import type { TxFactory } from './tx-factory.js';

/** A signed tx ready to send. */
export interface SignedLoadTx {
  readonly bytes: Uint8Array;
  readonly idHex: string;
}

/** What `createLoadSigner` needs. */
export interface LoadSignerParams {
  readonly chainId: string;
  readonly suite: Suite;
  readonly signers: readonly SyncSigner[];
  readonly factory: TxFactory;
  readonly maxTxBytes: number;
  readonly maxValidityMs: number;
  /** First nonce; tx i gets nonceBase + i (unique within a run; a random base keeps runs apart). */
  readonly nonceBase: number;
  /** Wall clock (ms since the epoch) for the validity windows. */
  readonly now: () => number;
}

const SKEW_MS = 60_000;

/**
 * A signer of the i-th tx of a run: signer i mod n, window [now − 60 s, now − 60 s + maxValidity).
 * @throws CLI_LOAD_INVALID (on the first tx) when the factory's call cannot be a valid tx
 * @example const sign = createLoadSigner(p); const { bytes, idHex } = sign(0);
 */
export function createLoadSigner(p: LoadSignerParams): (i: number) => SignedLoadTx {
  if (p.signers.length === 0) throw new GongxinError(CLI_ERRORS.loadInvalid, 'a load run needs at least one signer');
  const hash = p.suite.hash;
  let checked = false;
  return (i) => {
    const call = p.factory(i);
    const signer = p.signers[i % p.signers.length]!;
    const notBefore = Math.max(0, p.now() - SKEW_MS);
    const body: TxBody = {
      chainId: p.chainId,
      module: call.module,
      command: call.command,
      args: call.args,
      signer: signer.publicKey,
      nonce: p.nonceBase + i,
      notBefore,
      notAfter: notBefore + p.maxValidityMs - 1,
    };
    const signature = signer.signSync(txSigningDigest(hash, body));
    const bytes = encodeTx({ body, signature });
    if (!checked) {
      try {
        decodeTx(hash, bytes, p.maxTxBytes);
      } catch (e) {
        if (!isGongxinError(e)) throw e;
        throw new GongxinError(CLI_ERRORS.loadInvalid, `the first tx of the run is invalid: ${e.code}: ${e.message}`, { module: call.module, command: call.command });
      }
      checked = true;
    }
    return { bytes, idHex: bytesToHex(txIdOf(hash, bytes)) };
  };
}
