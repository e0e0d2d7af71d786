// The `gongxin` command line (docs/cli.md): builds the commander program from one file per command and runs it
// in-process, returning the exit code (0 ok, 1 failure, 2 usage error) instead of calling process.exit.
import { Command, CommanderError } from 'commander';
import { registerBlock } from './commands/block.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerKeys } from './commands/keys.js';
import { registerLoad } from './commands/load.js';
import { registerQuery } from './commands/query.js';
import { registerStart } from './commands/start.js';
import { registerState } from './commands/state.js';
import { registerStatus } from './commands/status.js';
import { registerTxProof } from './commands/tx-proof.js';
import { registerTx } from './commands/tx.js';
import { registerVerifyChain } from './commands/verify-chain.js';
import { registerVerify } from './commands/verify.js';
import { eprintln, type CliContext } from './context.js';
import { exitCodeFor, formatError } from './report-error.js';

/** The CLI's version (the API's `version` is the peer's). */
export const CLI_VERSION = '0.1.0';

const EXAMPLES = `
Examples:
  $ gongxin init --data-dir ./data             create a dev consortium (12 organisations, their keys)
  $ gongxin start                              run a peer on http://127.0.0.1:7070
  $ gongxin status                             where the chain is
  $ gongxin tx notary anchor --args '{"digest":"<64 hex>"}' --as hubei-cdc-admin
  $ gongxin state consortium org/hubei-cdc --verify
  $ gongxin tx-proof <txid> --out proof.json && gongxin verify proof.json
  $ gongxin export --out chain.gxa && gongxin import chain.gxa --data-dir ./replayed
  $ gongxin load --rate 2000 --duration 30

Environment: GONGXIN_DATA_DIR, GONGXIN_URL, GONGXIN_PORT, GONGXIN_KEY_PASSWORD.
Exit codes: 0 success, 1 failure (error CODE: message), 2 usage error.`;

/** Every command below `root`, root included. */
function allCommands(root: Command): Command[] {
  return [root, ...root.commands.flatMap((c) => allCommands(c))];
}

/** "gongxin keys show" for the `show` subcommand. */
function fullName(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x !== null; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

/**
 * Builds the program. Usage errors are recorded (not printed) so `runCli` can print them in the CLI's format.
 * @example const program = createProgram(ctx); program.outputHelp();
 */
export function createProgram(ctx: CliContext, onUsageError?: (message: string, command: string) => void): Command {
  const program = new Command('gongxin')
    .description('Gongxin (公信链): a consortium ledger for public-health emergencies.\nRun a peer, manage keys, sign transactions, read state and verify proofs.')
    .version(CLI_VERSION, '-V, --version', 'print the CLI version')
    .option('--json', 'print results as JSON (for scripts)')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXAMPLES);
  program.commandsGroup('Chain:');
  registerInit(program, ctx);
  registerStart(program, ctx);
  registerStatus(program, ctx);
  registerKeys(program, ctx);
  program.commandsGroup('Transactions and reads:');
  registerTx(program, ctx);
  registerQuery(program, ctx);
  registerState(program, ctx);
  registerBlock(program, ctx);
  registerTxProof(program, ctx);
  program.commandsGroup('Offline verification and archives:');
  registerVerify(program, ctx);
  registerExport(program, ctx);
  registerImport(program, ctx);
  registerVerifyChain(program, ctx);
  program.commandsGroup('Load:');
  registerLoad(program, ctx);
  for (const c of allCommands(program)) {
    const name = fullName(c);
    c.exitOverride();
    c.configureOutput({
      writeOut: ctx.out,
      writeErr: ctx.err,
      outputError: (str) => onUsageError?.(str.replace(/^error: /, '').trimEnd(), name),
    });
  }
  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the exit code.
 * @example process.exitCode = await runCli(process.argv.slice(2), processContext());
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  let usage: { message: string; command: string } | undefined;
  const program = createProgram(ctx, (message, command) => {
    usage = { message, command };
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (usage !== undefined) eprintln(ctx, `error CLI_USAGE: ${usage.message}`, `hint: see "${usage.command} --help"`);
      return 2;
    }
    eprintln(ctx, ...formatError(e));
    return exitCodeFor(e);
  }
}
