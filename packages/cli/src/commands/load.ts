// `gongxin load`: a steady stream of signed txs at --rate for --duration, printing sent/s and committed/s every
// second and, at the end, throughput and send → commit latency percentiles. docs/cli.md §load.
import { createSigner, generateKeyPair } from '@gongxin/crypto';
import { Option, type Command } from 'commander';
import { clientFor } from '../client.js';
import { eprintln, type CliContext } from '../context.js';
import { parseJsonValue } from '../json-input.js';
import { loadSigner } from '../key-store.js';
import { blocksSource, eventsSource } from '../load/commit-tracker.js';
import { runLoad, type LoadResult } from '../load/run-load.js';
import { callFactory, notaryAnchorFactory } from '../load/tx-factory.js';
import { dataDirOption, intParser, passwordOption, urlOption } from '../options.js';
import { emit, jsonOf } from '../output.js';
import { createProgress, type Progress } from '../progress.js';

interface LoadOptions {
  readonly url: string;
  readonly rate: number;
  readonly duration: number;
  readonly batch: number;
  readonly as?: string;
  readonly keys: number;
  readonly dataDir: string;
  readonly password?: string;
  readonly module?: string;
  readonly command?: string;
  readonly args?: string;
  readonly track: 'events' | 'blocks';
  readonly drain: number;
  readonly concurrency: number;
}

const ms = (x: number): string => (Number.isNaN(x) ? '-' : `${Math.round(x)} ms`);

/** The closing lines of a run. */
export function loadSummary(r: LoadResult, track: LoadOptions['track']): string[] {
  const seen = track === 'blocks' ? `committed ${r.committed} (included in blocks; --track events tells failed receipts apart)` : `committed ${r.committed}${r.failed > 0 ? ` + ${r.failed} failed receipts` : ''}`;
  const lines = [
    `sent ${r.sent} of ${r.planned} planned in ${(r.sendMs / 1000).toFixed(1)} s (${Math.round(r.sentPerSec)} tx/s; offered ${r.rate})`,
    `${seen}, refused ${r.refused}, not seen committed ${r.uncommitted}`,
    `throughput ${Math.round(r.txPerSec)} tx/s committed; latency (send → commit seen) p50 ${ms(r.p50Ms)}, p90 ${ms(r.p90Ms)}, p99 ${ms(r.p99Ms)}, max ${ms(r.maxMs)}`,
  ];
  for (const [code, x] of Object.entries(r.refusals)) lines.push(`  refused ${x.count} × ${code}: ${x.message}`);
  return lines;
}

/** Registers `load`. */
export function registerLoad(program: Command, ctx: CliContext): void {
  program
    .command('load')
    .summary('load-test a peer: steady signed txs, throughput and latency')
    .description(
      'Sends --rate signed txs per second for --duration seconds in batches (POST /v1/txs { txs }), pre-signed before\n' +
        'the timed phase, and tracks each commit. Prints sent/s and committed/s every second, then committed tx/s\n' +
        'and the send → commit latency p50/p90/p99. Calls --module/--command (default notary.anchor with a distinct digest per tx).',
    )
    .addOption(urlOption(ctx))
    .addOption(new Option('--rate <n>', 'txs per second').default(1000).argParser(intParser(1, 1_000_000)))
    .addOption(new Option('--duration <s>', 'seconds of sending').default(10).argParser(intParser(1, 86_400)))
    .addOption(new Option('--batch <n>', 'largest batch per request').default(500).argParser(intParser(1, 20_000)))
    .option('--as <key>', 'sign with this key (data directory name or key file); default: fresh keys')
    .addOption(new Option('--keys <n>', 'fresh keys to sign with, in turn (without --as)').default(4).argParser(intParser(1, 1000)))
    .addOption(dataDirOption(ctx, 'data directory holding the --as key'))
    .addOption(passwordOption())
    .option('--module <module>', 'module to call (default notary, with command anchor)')
    .option('--command <command>', 'command to call')
    .option('--args <json>', 'fixed command args as JSON (default: { "n": i })')
    .addOption(
      new Option('--track <how>', 'how commits are seen: polling blocks (light; inclusion only) or the SSE stream (receipts: ok/failed)').choices(['blocks', 'events']).default('blocks'),
    )
    .addOption(new Option('--drain <s>', 'seconds to wait for pending txs after sending').default(15).argParser(intParser(0, 3600)))
    .addOption(new Option('--concurrency <n>', 'requests in flight').default(4).argParser(intParser(1, 64)))
    .action(async (o: LoadOptions, cmd: Command) => {
      const args = o.args === undefined ? undefined : parseJsonValue(o.args, '--args');
      // Ctrl-C ends the sending phase; the drain and the closing figures still need the peer.
      const client = clientFor(ctx, o.url, { abortOnStop: false });
      const g = await client.genesis();
      const signers =
        o.as !== undefined
          ? [(await loadSigner(ctx, { as: o.as, dataDir: o.dataDir, password: o.password })).signer]
          : Array.from({ length: o.keys }, () => {
              const pair = generateKeyPair(g.genesis.suite);
              return createSigner(pair.suite, pair.privateKey);
            });
      let bar: Progress | undefined;
      eprintln(ctx, `load: ${o.rate} tx/s for ${o.duration} s of ${o.module ?? 'notary'}.${o.command ?? 'anchor'} to ${client.url} (batches of ≤ ${o.batch})`);
      const result = await runLoad({
        client,
        rate: o.rate,
        durationSec: o.duration,
        batch: o.batch,
        signers,
        factory: o.module === undefined && o.command === undefined && args === undefined ? notaryAnchorFactory : callFactory(o.module ?? 'notary', o.command ?? 'anchor', args),
        commits: o.track === 'blocks' ? blocksSource() : eventsSource,
        drainMs: o.drain * 1000,
        concurrency: o.concurrency,
        wallClock: ctx.now,
        ...(ctx.stop !== undefined ? { signal: ctx.stop } : {}),
        onPresign: (done, total) => {
          bar ??= createProgress(ctx, 'signing', 'txs', total);
          bar.update(done);
          if (done === total) bar.stop();
        },
        onTick: (t) => {
          eprintln(ctx, `${String(t.second).padStart(4)}s ${t.phase === 'drain' ? 'drain' : 'send '}  sent ${String(t.sentPerSec).padStart(6)}/s  committed ${String(t.committedPerSec).padStart(6)}/s  pending ${t.pending}  refused ${t.refused}`);
        },
      });
      emit(ctx, cmd, jsonOf({ ...result, track: o.track }), () => loadSummary(result, o.track));
    });
}
