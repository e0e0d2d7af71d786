// Worker thread: decodes txs and runs the stateless admission checks (chain, window, signature) off the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { assertTxStateless, decodeTx, isGongxinError, type SuiteId, type TxRules } from '@gongxin/core';
import { getSuite } from '@gongxin/crypto';
import type { VerifyRequest, VerifyResult } from './verify-protocol.js';

const { suiteId, rules } = workerData as { suiteId: SuiteId; rules: TxRules };
const suite = getSuite(suiteId);

parentPort!.on('message', (req: VerifyRequest) => {
  const results: VerifyResult[] = req.txs.map((bytes) => {
    let id: Uint8Array | undefined;
    try {
      const tx = decodeTx(suite.hash, bytes, rules.maxTxBytes);
      id = tx.id;
      assertTxStateless(suite, rules, tx, req.now);
      return { ok: true, id, body: tx.body, signature: tx.signature };
    } catch (e) {
      if (!isGongxinError(e)) return { ok: false, id, code: 'TX_MALFORMED', message: String(e) };
      return { ok: false, id, code: e.code, message: e.message };
    }
  });
  parentPort!.postMessage({ seq: req.seq, results });
});
