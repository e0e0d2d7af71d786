// `gongxin tx MODULE COMMAND`: builds a transaction, signs it with a key of the data directory (or a key file),
// submits it and waits for its receipt. docs/cli.md §tx; the tx format is docs/spec/encoding.md.
import { bytesToHex, GongxinError } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { buildTx, RejectedError, submitAndWait } from '@gongxin/sdk';
import { Option, type Command } from 'commander';
import { clientFor } from '../client.js';
import { eprintln, type CliContext } from '../context.js';
import { CLI_ERRORS } from '../errors.js';
import { parseJsonValue } from '../json-input.js';
import { loadSigner } from '../key-store.js';
import { dataDirOption, intParser, passwordOption, urlOption } from '../options.js';
import { emit, jsonOf } from '../output.js';
import { receiptJson, receiptLines } from '../receipt-text.js';

interface TxOptions {
  readonly args: string;
  readonly as: string;
  readonly dataDir: string;
  readonly url: string;
  readonly password?: string;
  readonly wait: boolean;
  readonly timeout: number;
}

/** Registers `tx`. */
export function registerTx(program: Command, ctx: CliContext): void {
  program
    .command('tx')
    .summary('sign and submit a transaction, wait for its receipt')
    .description(
      'Builds a transaction calling MODULE.COMMAND with --args, signs it with the key --as, submits it and waits\n' +
        'until it is committed, then prints the receipt (ok, or the failure code and message, and the events).\n' +
        'Args are JSON with integers only: no floats (amounts and counts are integers); big integers are exact.',
    )
    .argument('<module>', 'module name, e.g. consortium, notary')
    .argument('<command>', 'command of the module')
    .option('-a, --args <json>', 'command arguments as JSON', '{}')
    .requiredOption('--as <key>', 'key to sign with: a name in the data directory, or a key file path')
    .addOption(dataDirOption(ctx, 'data directory holding the key'))
    .addOption(urlOption(ctx))
    .addOption(passwordOption())
    .option('--no-wait', 'print the tx id once the peer accepts it, without waiting for the commit')
    .addOption(new Option('--timeout <ms>', 'how long to wait for the commit').default(30_000).argParser(intParser(1)))
    .action(async (module: string, command: string, o: TxOptions, cmd: Command) => {
      const args = parseJsonValue(o.args, '--args');
      const client = clientFor(ctx, o.url);
      const [key, g] = await Promise.all([loadSigner(ctx, { as: o.as, dataDir: o.dataDir, password: o.password }), client.genesis()]);
      const chain = g.genesis;
      if (key.suite !== chain.suite) {
        throw new GongxinError(CLI_ERRORS.usage, `key "${o.as}" is ${key.suite} but chain ${chain.chainId} uses ${chain.suite}`, { key: o.as });
      }
      const tx = await buildTx({
        chainId: chain.chainId,
        module,
        command,
        args,
        signer: key.signer,
        now: ctx.now(),
        maxValidityMs: chain.params.maxValidityMs,
        maxTxBytes: chain.params.maxTxBytes,
        suite: getPortableSuite(chain.suite),
      });
      if (!o.wait) {
        const r = await client.submitTx(tx.bytes, { txId: tx.id });
        emit(ctx, cmd, { txId: bytesToHex(r.txId), status: 'accepted' }, () => [`accepted tx ${bytesToHex(r.txId)} (not waiting for the commit)`]);
        return;
      }
      eprintln(ctx, `submitted tx ${tx.idHex}, waiting for the commit…`);
      try {
        const receipt = await submitAndWait(client, tx, { timeoutMs: o.timeout });
        emit(ctx, cmd, jsonOf({ ...receiptJson(receipt), height: receipt.height, index: receipt.index }), () => [
          `tx ${tx.idHex} committed in block ${receipt.height} (index ${receipt.index})`,
          ...receiptLines(receipt),
        ]);
      } catch (e) {
        // A failed receipt is the module's answer, not a transport failure: say where it was decided.
        if (e instanceof RejectedError && e.height !== undefined) {
          eprintln(ctx, `tx ${tx.idHex} was included in block ${e.height} but failed:`);
        }
        throw e;
      }
    });
}
