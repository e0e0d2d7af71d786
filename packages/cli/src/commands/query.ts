// `gongxin query MODULE NAME`: runs a module query on a peer and prints its JSON view (read-only, unverified:
// use `state --verify` for values you must be able to prove). docs/cli.md §query.
import type { Command } from 'commander';
import { clientFor } from '../client.js';
import { println, type CliContext } from '../context.js';
import { parseJsonValue } from '../json-input.js';
import { urlOption } from '../options.js';

/** Registers `query`. */
export function registerQuery(program: Command, ctx: CliContext): void {
  program
    .command('query')
    .summary("run a module's query (JSON result)")
    .description("Runs query NAME of MODULE on the peer (GET /v1/query/{module}/{name}) and prints its result.\nQuery results are the peer's word; prove single entries with \"gongxin state MODULE KEY --verify\".")
    .argument('<module>', 'module name')
    .argument('<name>', 'query name')
    .option('--params <json>', 'query parameters as JSON (integers only)')
    .addOption(urlOption(ctx))
    .action(async (module: string, name: string, o: { readonly params?: string; readonly url: string }) => {
      const params = o.params === undefined ? undefined : parseJsonValue(o.params, '--params');
      const result = await clientFor(ctx, o.url).query(module, name, params);
      println(ctx, JSON.stringify(result, null, 2));
    });
}
