// Signs and submits txs to an in-process peer and waits for their receipts: used by the demo seed and tests.
import { bytesToHex, encodeTx, GongxinError, txSigningDigest, type Receipt, type SyncSigner, type Value } from '@gongxin/core';
import type { Peer } from './peer.js';

/** One call to sign: module, command, args, signer. */
export interface LocalCall {
  readonly module: string;
  readonly command: string;
  readonly args: Value;
  readonly signer: SyncSigner;
}

let nonceCounter = 0;

/** Builds signed tx bytes for a call, valid for ten minutes from `now`. */
export function signCall(peer: Peer, call: LocalCall, now = Date.now()): Uint8Array {
  const body = {
    chainId: peer.genesis.chainId,
    module: call.module,
    command: call.command,
    args: call.args,
    signer: call.signer.publicKey,
    nonce: now * 1000 + (nonceCounter++ % 1000),
    notBefore: now - 60_000,
    notAfter: now + 9 * 60_000,
  };
  return encodeTx({ body, signature: call.signer.signSync(txSigningDigest(peer.suite.hash, body)) });
}

/**
 * Submits calls in one batch and resolves with their receipts once committed.
 * @throws the admission error of the first refused call (GongxinError)
 */
export async function submitLocal(peer: Peer, calls: readonly LocalCall[], timeoutMs = 30_000): Promise<Receipt[]> {
  const txs = calls.map((c) => signCall(peer, c));
  const wanted = new Map<string, Receipt | undefined>();
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new GongxinError('LOCAL_COMMIT_TIMEOUT', `txs not committed within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = peer.onBlock(({ result }) => {
      for (const t of result.txs) {
        const id = bytesToHex(t.id);
        if (wanted.has(id)) wanted.set(id, t.receipt);
      }
      if ([...wanted.values()].every((r) => r !== undefined)) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
  const results = await peer.mempool.admit(txs);
  for (const r of results) {
    if (!r.ok) throw new GongxinError(r.code, r.message, r.txId ? { txId: r.txId } : {});
    wanted.set(r.txId, undefined);
  }
  await done;
  return [...wanted.values()] as Receipt[];
}
