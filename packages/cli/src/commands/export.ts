// `gongxin export`: writes a data directory's chain to an archive file read straight from the SQLite ledger (a peer
// may keep running). docs/cli.md §export and §Archive format.
import { bytesToHex } from '@gongxin/core';
import type { Command } from 'commander';
import { exportChain } from '../archive/export-chain.js';
import { openExistingLedger } from '../archive/open-ledger.js';
import type { CliContext } from '../context.js';
import { absPath, dataDirOption } from '../options.js';
import { emit } from '../output.js';
import { createProgress, type Progress } from '../progress.js';

/** Registers `export`. */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .summary('write the chain to an archive file')
    .description(
      "Writes the ledger's genesis and blocks 0..head (as of the start) to an archive: canonical blocks, length-\n" +
        'prefixed (docs/cli.md §Archive format). Reads ledger.sqlite directly; a peer may keep running on it.\n' +
        'Replay an archive with "gongxin import", which re-executes and checks every block.',
    )
    .addOption(dataDirOption(ctx))
    .requiredOption('-o, --out <file>', 'archive file to write (replaced if it exists)')
    .action(async (o: { readonly dataDir: string; readonly out: string }, cmd: Command) => {
      const dir = absPath(ctx, o.dataDir);
      const out = absPath(ctx, o.out);
      const store = await openExistingLedger(dir);
      let bar: Progress | undefined;
      let txs = 0;
      try {
        const r = exportChain({
          source: store,
          path: out,
          onStart: (blocks) => {
            bar = createProgress(ctx, 'export', 'blocks', blocks, 'txs');
          },
          onBlock: (h, n) => {
            txs += n;
            bar?.update(h + 1, { txs });
          },
        });
        bar?.stop();
        const headHash = bytesToHex(r.head.hash);
        emit(ctx, cmd, { file: out, blocks: r.blocks, txs: r.txs, bytes: r.bytes, height: r.head.header.height, headHash, genesisHash: bytesToHex(r.genesisHash) }, () => [
          `exported ${r.blocks} blocks (${r.txs} txs, ${r.bytes} bytes) to ${out}`,
          `head: height ${r.head.header.height}, hash ${headHash}`,
          `genesis ${bytesToHex(r.genesisHash)}`,
        ]);
      } finally {
        bar?.stop();
        store.close();
      }
    });
}
