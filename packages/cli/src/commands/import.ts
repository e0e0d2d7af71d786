// `gongxin import FILE`: replays an archive into a new data directory — block rules checked, every block
// re-executed and its header hash required to match — and reports the final state root. docs/cli.md §import.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, genesisToValue, GongxinError } from '@gongxin/core';
import type { Command } from 'commander';
import { createLedger } from '../archive/open-ledger.js';
import { replayArchive } from '../archive/replay.js';
import { defaultRuntime } from '../archive/runtime.js';
import type { CliContext } from '../context.js';
import { CLI_ERRORS } from '../errors.js';
import { loadNodeApi } from '../node-api.js';
import { absPath, dataDirOption } from '../options.js';
import { emit } from '../output.js';
import { createProgress, type Progress } from '../progress.js';

interface ImportOptions {
  readonly dataDir: string;
  readonly keysFrom?: string;
}

/** Registers `import`. */
export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .summary('replay an archive into a new data directory, checking every block')
    .description(
      'Replays an archive written by "gongxin export" into a new data directory: each block is checked against the\n' +
        'block rules, re-executed from genesis, and its re-executed header hash must equal the archived one.\n' +
        'Prints the final state root. The archive carries no keys: --keys-from copies keys/ from another data\n' +
        'directory so a peer can run on the result ("gongxin start" needs the "peer" key).',
    )
    .argument('<file>', 'archive file')
    .addOption(dataDirOption(ctx, 'new data directory to create (must not hold a chain)'))
    .option('--keys-from <dir>', 'copy keys/ from this data directory')
    .action(async (file: string, o: ImportOptions, cmd: Command) => {
      const dir = absPath(ctx, o.dataDir);
      const node = await loadNodeApi();
      const paths = node.dataPaths(dir);
      if (node.hasGenesis(dir) || existsSync(paths.ledger)) throw new GongxinError(CLI_ERRORS.dataDirExists, `${dir} already holds a chain`, { dataDir: dir });
      const keysFrom = o.keysFrom === undefined ? undefined : join(absPath(ctx, o.keysFrom), 'keys');
      if (keysFrom !== undefined && !existsSync(keysFrom)) throw new GongxinError(CLI_ERRORS.fileUnreadable, `no keys/ in ${o.keysFrom}`, { path: keysFrom });
      const runtime = await defaultRuntime();
      const madeDir = !existsSync(dir);
      mkdirSync(dir, { recursive: true });
      const store = await createLedger(dir);
      let bar: Progress | undefined;
      let txs = 0;
      let r;
      try {
        r = replayArchive({
          path: absPath(ctx, file),
          target: store,
          ...runtime,
          onOpen: (a) => {
            bar = createProgress(ctx, 'import', 'blocks', a.blockCount, 'txs');
          },
          onBlock: (b) => {
            txs += b.txs.length;
            bar?.update(b.header.height + 1, { txs });
          },
        });
      } catch (e) {
        // A chain that does not replay must not be left behind as if it were usable.
        bar?.stop();
        store.close();
        rmSync(paths.ledger, { force: true });
        rmSync(`${paths.ledger}-wal`, { force: true });
        rmSync(`${paths.ledger}-shm`, { force: true });
        if (madeDir) rmSync(dir, { recursive: true, force: true });
        throw e;
      }
      bar?.stop();
      store.close();
      writeFileSync(paths.genesis, JSON.stringify(node.valueToJson(genesisToValue(r.genesis)), null, 2) + '\n');
      if (keysFrom !== undefined) cpSync(keysFrom, paths.keys, { recursive: true });
      const json = {
        dataDir: dir,
        chainId: r.genesis.chainId,
        blocks: r.blocks,
        txs: r.txs,
        height: r.height,
        headHash: bytesToHex(r.headHash),
        stateRoot: bytesToHex(r.stateRoot),
        genesisHash: bytesToHex(r.genesisHash),
      };
      emit(ctx, cmd, json, () => [
        `replayed ${r.blocks} blocks (${r.txs} txs) of chain "${r.genesis.chainId}" into ${dir}: every block re-executed to its archived header`,
        `head:       height ${r.height}, hash ${json.headHash}`,
        `state root: ${json.stateRoot}`,
        `genesis:    ${json.genesisHash}`,
        ...(keysFrom === undefined ? ['no keys were imported: to run a peer here, add a "peer" key (gongxin keys import FILE --name peer) or use --keys-from'] : []),
      ]);
    });
}
