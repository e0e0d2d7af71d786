// `gongxin status`: where the peer's chain is (GET /v1/status). docs/cli.md §status.
import { bytesToHex } from '@gongxin/core';
import type { Command } from 'commander';
import { clientFor } from '../client.js';
import type { CliContext } from '../context.js';
import { urlOption } from '../options.js';
import { emit, jsonOf, table } from '../output.js';

/** Registers `status`. */
export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .summary("the peer's chain: height, head, roots, mempool")
    .description('Prints the peer status (GET /v1/status): chain, suite, height, head header hash, state and history roots.')
    .addOption(urlOption(ctx))
    .action(async (o: { readonly url: string }, cmd: Command) => {
      const client = clientFor(ctx, o.url);
      const s = await client.status();
      emit(ctx, cmd, jsonOf({ url: client.url, ...s }), () =>
        table([
          ['peer', client.url],
          ['chain', `${s.chainId} (${s.suite})`],
          ['height', String(s.height)],
          ['head', bytesToHex(s.headerHash)],
          ['time', `${new Date(s.timestamp).toISOString()} (${s.timestamp})`],
          ['stateRoot', bytesToHex(s.stateRoot)],
          ['historyRoot', bytesToHex(s.historyRoot)],
          ['mempool', `${s.mempool.size} / ${s.mempool.capacity}`],
          ['version', s.version],
        ]),
      );
    });
}
