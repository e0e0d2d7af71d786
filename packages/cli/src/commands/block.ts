// `gongxin block [HEIGHT|latest]`: a block's header (its hash recomputed here), tx ids, and optionally receipts.
// docs/cli.md §block.
import { bytesToHex, equalBytes, headerHash } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { ProofError } from '@gongxin/sdk';
import { InvalidArgumentError, type Command } from 'commander';
import { chainSuite, clientFor } from '../client.js';
import type { CliContext } from '../context.js';
import { urlOption } from '../options.js';
import { emit, headerRows, jsonOf, table } from '../output.js';
import { receiptJson, receiptLines } from '../receipt-text.js';

/** Parses HEIGHT or `latest`. @throws InvalidArgumentError */
export function parseHeightArg(value: string): number | 'latest' {
  if (value === 'latest') return 'latest';
  if (!/^\d{1,15}$/.test(value)) throw new InvalidArgumentError('expected a block height (0, 1, …) or "latest"');
  return Number(value);
}

const SHOWN_TXS = 20;

/** Registers `block`. */
export function registerBlock(program: Command, ctx: CliContext): void {
  program
    .command('block')
    .summary('a block: header, tx ids, receipts')
    .description("Prints a block's header (its hash recomputed from the fields), its tx ids and, with --receipts, the receipts.")
    .argument('[height]', 'block height or "latest"', parseHeightArg, 'latest')
    .option('-r, --receipts', 'also print the receipts')
    .option('--all', `list every tx id (default: the first ${SHOWN_TXS})`)
    .addOption(urlOption(ctx))
    .action(async (height: number | 'latest', o: { readonly receipts?: boolean; readonly all?: boolean; readonly url: string }, cmd: Command) => {
      const client = clientFor(ctx, o.url);
      const [status, block] = await Promise.all([client.status(), client.getBlock(height)]);
      const receipts = o.receipts === true ? (await client.getReceipts(block.header.height)).receipts : undefined;
      const computed = headerHash(getPortableSuite(chainSuite(status.suite)).hash, block.header);
      const hashOk = equalBytes(computed, block.headerHash);
      const json = jsonOf({ ...block, hashVerified: hashOk, receipts: receipts?.map(receiptJson) });
      emit(ctx, cmd, json, () => {
        const shown = o.all === true ? block.txIds : block.txIds.slice(0, SHOWN_TXS);
        const lines = table(headerRows(block.header, block.headerHash));
        lines[1] += hashOk ? '  (recomputed from the fields: matches)' : `  (MISMATCH: the fields hash to ${bytesToHex(computed)})`;
        lines.push(`tx ids (${block.txIds.length}):`);
        shown.forEach((id, i) => {
          lines.push(`  ${i}  ${bytesToHex(id)}`);
          const r = receipts?.[i];
          if (r !== undefined) lines.push(...receiptLines(r, '       '));
        });
        if (shown.length < block.txIds.length) lines.push(`  … ${block.txIds.length - shown.length} more (--all to list them)`);
        return lines;
      });
      if (!hashOk) throw new ProofError('HEADER_HASH_MISMATCH', `the header of block ${block.header.height} does not hash to the headerHash the peer sent`);
    });
}
