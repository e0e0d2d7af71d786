// Progress bars for long commands (export, import, load pre-signing) on an interactive stderr; silent otherwise,
// so logs and captured test output stay clean.
import cliProgress from 'cli-progress';
import type { CliContext } from './context.js';

/** A progress bar (or nothing, when stderr is not a terminal). */
export interface Progress {
  update(value: number, payload?: Record<string, string | number>): void;
  setTotal(total: number): void;
  stop(): void;
}

/**
 * A bar counting `unit`s up to `total`; `extra` names a payload field shown after the count (e.g. 'txs').
 * @example const bar = createProgress(ctx, 'import', 'blocks', n, 'txs'); bar.update(h + 1, { txs }); bar.stop();
 */
export function createProgress(ctx: CliContext, label: string, unit: string, total: number, extra?: string): Progress {
  if (!ctx.interactive) return { update: () => undefined, setTotal: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(8)} {bar} {percentage}% | {value}/{total} ${unit}${extra !== undefined ? ` | {${extra}} ${extra}` : ''} | {duration_formatted} (eta {eta_formatted})`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, extra !== undefined ? { [extra]: 0 } : {});
  return {
    update: (v, payload) => bar.update(v, payload ?? {}),
    setTotal: (t) => bar.setTotal(t),
    stop: () => bar.stop(),
  };
}
