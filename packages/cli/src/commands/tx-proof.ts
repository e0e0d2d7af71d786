// `gongxin tx-proof TXID`: fetches a tx's inclusion proof, checks it (always against the header's recomputed hash;
// with --verify also against the chain history up to the peer's head) and saves it with --out. docs/cli.md §tx-proof.
import { bytesToHex } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { verifyTxProof } from '@gongxin/sdk';
import { Option, type Command } from 'commander';
import { chainSuite, clientFor } from '../client.js';
import type { CliContext } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { anchorLines, anchorToHead, historyFor } from '../light.js';
import { absPath, parseHash, urlOption } from '../options.js';
import { emit, jsonOf } from '../output.js';
import { proofFileJson } from '../verify/proof-file.js';

interface TxProofOptions {
  readonly verify?: boolean;
  readonly out?: string;
  readonly genesisHash?: string;
  readonly url: string;
}

/** Registers `tx-proof`. */
export function registerTxProof(program: Command, ctx: CliContext): void {
  program
    .command('tx-proof')
    .summary("a tx's inclusion proof, verified (--verify) and saved (--out)")
    .description(
      'Fetches the inclusion proof of a committed tx (GET /v1/txs/{id}/proof) and checks it against the header,\n' +
        "whose hash is recomputed here. --verify also proves that header is in the history of the peer's head,\n" +
        'reached from genesis along history proofs (pin the chain with --genesis-hash). --out saves the proof.',
    )
    .argument('<txid>', 'tx id (64 hex digits)', parseHash)
    .option('--verify', 'prove the block is in the chain history (see above)')
    .option('-o, --out <file>', 'save the proof as a proof file for "gongxin verify"')
    .addOption(new Option('--genesis-hash <hash>', 'with --verify: the genesis hash the chain must have').argParser(parseHash))
    .addOption(urlOption(ctx))
    .action(async (txId: string, o: TxProofOptions, cmd: Command) => {
      const client = clientFor(ctx, o.url);
      const [proof, status] = await Promise.all([client.getTxProof(txId), client.status()]);
      const suite = chainSuite(status.suite);
      const v = verifyTxProof(getPortableSuite(suite), proof, { txId });
      let anchored: string[] | undefined;
      let head: Record<string, unknown> = {};
      if (o.verify === true || o.genesisHash !== undefined) {
        const a = await anchorToHead(client, { genesisHash: o.genesisHash, atLeast: v.height });
        a.lc.verifyTx(proof, txId, await historyFor(client, a.lc, v.height));
        anchored = anchorLines(a, o.genesisHash !== undefined, v.header, v.headerHash);
        head = { headHeight: a.lc.height, headHash: a.lc.headerHash, genesisHash: a.genesisHash };
      }
      if (o.out !== undefined) writeFileAtomic(absPath(ctx, o.out), JSON.stringify(proofFileJson('tx', suite, jsonOf(proof)), null, 2) + '\n');
      const json = { txId, height: v.height, leafIndex: v.leafIndex, headerHash: v.headerHash, verified: anchored !== undefined, ...head };
      emit(ctx, cmd, jsonOf(json), () => [
        `tx ${txId} is tx ${v.leafIndex} of the ${v.header.txCount} in block ${v.height} (header ${bytesToHex(v.headerHash)})`,
        ...(anchored ?? ['checked against the header (hash recomputed); add --verify to prove the block is in the chain history']),
        ...(o.out !== undefined ? [`saved the proof to ${absPath(ctx, o.out)} (check it offline with "gongxin verify")`] : []),
      ]);
    });
}
