// `gongxin verify FILE`: checks a saved proof offline (no peer needed) and prints what it proves and what it
// rests on; exit 1 with the failed check's reason when it does not verify. docs/cli.md §verify.
import { readVerifyFile } from '../verify/kind-bundle.js';
import { SUITE_IDS, type SuiteId } from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { absPath, parseHash } from '../options.js';
import { emit } from '../output.js';
import { handlerFor, PROOF_KINDS, suiteFor } from '../verify/kinds.js';

interface VerifyCmdOptions {
  readonly suite?: SuiteId;
  readonly trustedHeaderHash?: string;
  readonly txId?: string;
  readonly module?: string;
  readonly key?: string;
}

/** Registers `verify`. */
export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .summary('verify a saved proof file offline')
    .description(
      'Verifies a proof saved from the API or with --out (tx-proof, state), with no peer running: every hash is\n' +
        'recomputed here. Prints what is proven and what it rests on; exits 1 with the reason when it fails.\n' +
        'FILE is a proof body as the API serves it, or { "kind", "proof", "suite"?, "trustedHeaderHash"?, "trustedHeader"? }.\n' +
        'Kinds:\n' +
        PROOF_KINDS.map((k) => `  ${k.kind.padEnd(20)} ${k.description}`).join('\n'),
    )
    .argument('<file>', 'proof file (JSON)')
    .addOption(new Option('--suite <suite>', "the chain's suite (default: the file's, else detected from the proof's hashes)").choices(SUITE_IDS))
    .addOption(new Option('--trusted-header-hash <hash>', 'require the proof to rest on this header hash').argParser(parseHash))
    .addOption(new Option('--tx-id <id>', 'tx proofs: the tx you ask about (default: the one in the proof)').argParser(parseHash))
    .option('--module <module>', 'state proofs: the module you ask about (default: the one in the proof)')
    .option('--key <key>', 'state proofs: the key you ask about (default: the one in the proof)')
    .action(async (path: string, o: VerifyCmdOptions, cmd: Command) => {
      const file = readVerifyFile(absPath(ctx, path));
      const handler = handlerFor(file);
      const suite = suiteFor(file, handler, o.suite);
      const report = await handler.verify(file, getPortableSuite(suite.id), o);
      const suiteNote = suite.source === 'default' ? ' (default; pass --suite if the chain uses another)' : suite.source === 'detected' ? ' (detected)' : '';
      emit(ctx, cmd, { ok: true, ...report.json, suite: suite.id }, () => [
        `verified: ${handler.kind} proof (suite ${suite.id}${suiteNote})`,
        ...report.proven.map((l) => `  ${l}`),
        ...report.trust,
      ]);
    });
}
