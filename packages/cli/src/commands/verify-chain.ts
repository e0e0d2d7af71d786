// `gongxin verify-chain`: checks a data directory's ledger from genesis — every block re-executed to its stored
// header and receipts, the stored state and history rebuilt to the head's roots. docs/cli.md §verify-chain.
import { bytesToHex } from '@gongxin/core';
import type { Command } from 'commander';
import { verifyChain } from '../archive/verify-chain.js';
import type { CliContext } from '../context.js';
import { absPath, dataDirOption } from '../options.js';
import { emit } from '../output.js';
import { createProgress, type Progress } from '../progress.js';

/** Registers `verify-chain`. */
export function registerVerifyChain(program: Command, ctx: CliContext): void {
  program
    .command('verify-chain')
    .summary("replay a data directory's ledger from genesis and check it")
    .description(
      "Replays the ledger of --data-dir from genesis in memory: every block must pass the block rules and re-execute\n" +
        'to its stored header hash and receipts; then the stored state and history must rebuild to the head\'s state\n' +
        'root and the replayed history root. Read-only: a peer may keep running on the directory.',
    )
    .addOption(dataDirOption(ctx))
    .action(async (o: { readonly dataDir: string }, cmd: Command) => {
      let bar: Progress | undefined;
      let txs = 0;
      try {
        const r = await verifyChain({
          dataDir: absPath(ctx, o.dataDir),
          onStart: (blocks) => {
            bar = createProgress(ctx, 'verify', 'blocks', blocks, 'txs');
          },
          onBlock: (h, n) => {
            txs += n;
            bar?.update(h + 1, { txs });
          },
        });
        bar?.stop();
        const json = { height: r.height, blocks: r.blocks, txs: r.txs, headHash: bytesToHex(r.headHash), stateRoot: bytesToHex(r.stateRoot), genesisHash: bytesToHex(r.genesisHash), stateEntries: r.stateEntries, stateHeight: r.stateHeight };
        emit(ctx, cmd, json, () => [
          `verified ${r.blocks} blocks (${r.txs} txs) from genesis: every block re-executes to its stored header and receipts`,
          `head:       height ${r.height}, hash ${json.headHash}`,
          r.stateHeight === r.height
            ? `state root: ${json.stateRoot} (${r.stateEntries} stored entries rebuild to it)`
            : `state root: ${json.stateRoot}; the peer committed up to ${r.stateHeight} meanwhile, and the ${r.stateEntries} stored entries rebuild to that head's root`,
          `genesis:    ${json.genesisHash}`,
        ]);
      } finally {
        bar?.stop();
      }
    });
}
