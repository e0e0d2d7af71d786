// `gongxin state MODULE KEY`: reads a state entry; --verify proves it without trusting the peer (state proof, header in
// the history of the head), --out saves the proof for `verify`. docs/cli.md §state.
import { bytesToHex, type SuiteId } from '@gongxin/core';
import { Option, type Command } from 'commander';
import { chainSuite, clientFor } from '../client.js';
import type { CliContext } from '../context.js';
import { writeFileAtomic } from '../files.js';
import { anchorLines, anchorToHead, historyFor } from '../light.js';
import { absPath, parseHash, urlOption } from '../options.js';
import { brief, emit, jsonOf, stateResponseJson } from '../output.js';
import { proofFileJson } from '../verify/proof-file.js';

interface StateOptions {
  readonly verify?: boolean;
  readonly out?: string;
  readonly genesisHash?: string;
  readonly url: string;
}

/** Registers `state`. */
export function registerState(program: Command, ctx: CliContext): void {
  program
    .command('state')
    .summary('read a state entry, optionally proven (--verify) and saved (--out)')
    .description(
      'Reads state entry KEY of MODULE (GET /v1/state). With --verify nothing the peer says is taken on trust but\n' +
        'the head it reports: the value is decoded from bytes proven under the stateRoot of a header whose hash is\n' +
        "recomputed here, and that header is proven to be in the history of the peer's head, reached from genesis\n" +
        'along history proofs. Pin the chain with --genesis-hash. --out saves the proof for "gongxin verify".',
    )
    .argument('<module>', 'module name')
    .argument('<key>', 'state key within the module')
    .option('--verify', 'prove the value against the chain history (see above)')
    .option('-o, --out <file>', 'save the state proof as a proof file')
    .addOption(new Option('--genesis-hash <hash>', 'with --verify: the genesis hash the chain must have').argParser(parseHash))
    .addOption(urlOption(ctx))
    .action(async (module: string, key: string, o: StateOptions, cmd: Command) => {
      const client = clientFor(ctx, o.url);
      const r = await client.getState(module, key);
      let verified: { lines: string[]; json: Record<string, unknown> } | undefined;
      let suite: SuiteId | undefined;
      if (o.verify === true || o.genesisHash !== undefined) {
        const a = await anchorToHead(client, { genesisHash: o.genesisHash, atLeast: r.height });
        const v = a.lc.verifyState(r, { module, key }, await historyFor(client, a.lc, r.height));
        suite = chainSuite((await client.status()).suite);
        verified = {
          lines: [
            v.found ? `${module} / ${key} = ${brief(jsonOf(v.value), 2000)}` : `${module} / ${key} is absent`,
            'verified: the value is decoded from the proven bytes,',
            ...anchorLines(a, o.genesisHash !== undefined, v.header, v.headerHash),
          ],
          json: { value: v.value, headHeight: a.lc.height, headHash: a.lc.headerHash, genesisHash: a.genesisHash },
        };
      }
      if (o.out !== undefined) {
        suite ??= chainSuite((await client.status()).suite);
        writeFileAtomic(absPath(ctx, o.out), JSON.stringify(proofFileJson('state', suite, stateResponseJson(r)), null, 2) + '\n');
      }
      const base = { module, key, height: r.height, found: r.found, headerHash: r.headerHash };
      emit(ctx, cmd, jsonOf(verified === undefined ? { ...base, value: r.value, verified: false } : { ...base, ...verified.json, verified: true }), () => [
        ...(verified?.lines ?? [
          r.found ? `${module} / ${key} = ${brief(r.value, 2000)}` : `${module} / ${key} is absent`,
          `at height ${r.height} (header ${bytesToHex(r.headerHash)}); not verified: add --verify to prove it`,
        ]),
        ...(o.out !== undefined ? [`saved the proof to ${absPath(ctx, o.out)} (check it offline with "gongxin verify")`] : []),
      ]);
    });
}
