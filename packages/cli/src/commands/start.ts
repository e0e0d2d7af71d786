// `gongxin start`: runs a peer on a data directory (creating a dev consortium on first start) until SIGINT or
// SIGTERM, then stops it cleanly (the block in progress is committed or dropped whole). docs/cli.md §start.
import { bytesToHex, GongxinError, SUITE_IDS, type SuiteId } from '@gongxin/core';
import { Option, type Command } from 'commander';
import { clientFor } from '../client.js';
import { eprintln, println, type CliContext } from '../context.js';
import { CLI_ERRORS, usageError } from '../errors.js';
import { loadNodeApi } from '../node-api.js';
import { absPath, dataDirOption, intParser, parsePort, passwordOption, portOption } from '../options.js';
import { parseChainId } from './init.js';

interface StartOptions {
  readonly port: number | string;
  readonly host: string;
  readonly dataDir: string;
  readonly demo: boolean;
  readonly password?: string;
  readonly suite: SuiteId;
  readonly chainId: string;
  readonly verifyThreads?: number;
  readonly log: boolean;
}

function portOf(v: number | string): number {
  if (typeof v === 'number') return v;
  try {
    return parsePort(v);
  } catch {
    return usageError(`GONGXIN_PORT="${v}" is not a port (0-65535)`);
  }
}

/** Runs `start`, turning "cannot listen" into CLI_PORT_UNAVAILABLE. */
async function listen<T>(start: () => Promise<T>, host: string, port: number): Promise<T> {
  try {
    return await start();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new GongxinError(CLI_ERRORS.portUnavailable, `cannot listen on ${host}:${port} (${code})`, { host, port });
    }
    throw e;
  }
}

/** Resolves when `signal` aborts (never when there is none). */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Registers `start`. */
export function registerStart(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .summary('run a peer (solo ordering, SQLite ledger, HTTP API)')
    .description(
      'Runs a peer on --data-dir: the SQLite ledger, solo ordering and the HTTP API (docs/api.md) with its OpenAPI\n' +
        'page at /docs. An empty data directory gets a dev consortium first (as "gongxin init" makes) and, unless\n' +
        '--no-demo, the demo story (governance, members, notarised documents).\n' +
        'Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.',
    )
    .addOption(portOption(ctx))
    .addOption(new Option('--host <host>', 'interface to listen on (0.0.0.0: all); env GONGXIN_HOST').default(ctx.env.GONGXIN_HOST ?? '127.0.0.1'))
    .addOption(dataDirOption(ctx))
    .option('--no-demo', 'do not load the demo story into a new chain')
    .addOption(passwordOption())
    .addOption(new Option('--suite <suite>', 'suite of a new dev consortium (first start only)').choices(SUITE_IDS).default('ed25519-sha256'))
    .addOption(new Option('--chain-id <id>', 'chain id of a new dev consortium (first start only)').default('gongxin-dev').argParser(parseChainId))
    .addOption(new Option('--verify-threads <n>', 'signature verification worker threads').argParser(intParser(1, 64)))
    .option('--log', 'log every HTTP request (JSON lines on stdout)', false)
    .action(async (o: StartOptions) => {
      const port = portOf(o.port);
      const dataDir = absPath(ctx, o.dataDir);
      const node = await loadNodeApi();
      const running = await listen(() =>
        node.runPeer({
        dataDir,
        port,
        host: o.host,
        suite: o.suite,
        chainId: o.chainId,
        logger: o.log,
        demo: o.demo,
        ...(o.password !== undefined ? { password: o.password } : {}),
        ...(o.verifyThreads !== undefined ? { verifyThreads: o.verifyThreads } : {}),
        }),
        o.host,
        port,
      );
      let head = running.peer.head();
      try {
        const url = running.url;
        println(
          ctx,
          `${running.created ? 'created a dev consortium and started' : 'started'} a peer on ${dataDir}`,
          `  API     ${url}/v1/status`,
          `  docs    ${url}/docs`,
          `  events  ${url}/v1/events`,
          `  metrics ${url}/metrics`,
        );
        if (running.created && o.demo) println(ctx, `  demo    ${url}/v1/demo (sample ids of the demo story)`);
        const st = await clientFor(ctx, url).status();
        println(ctx, `chain ${st.chainId} (${st.suite}) at height ${st.height}, head ${bytesToHex(st.headerHash)}`, 'press Ctrl-C to stop');
        await untilStopped(ctx.stop);
        eprintln(ctx, 'stopping…');
      } finally {
        head = running.peer.head();
        await running.close();
      }
      println(ctx, `stopped at height ${head.header.height}, head ${bytesToHex(head.hash)}`);
    });
}
