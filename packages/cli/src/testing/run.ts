// Test helper (not shipped): runs the CLI in-process with captured output, a fixed clock and an injected peer.
import type { FetchFn } from '@gongxin/sdk';
import type { CliContext } from '../context.js';
import { runCli } from '../program.js';

/** What a CLI run printed and returned. */
export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `gongxin <argv>` in-process.
 * @example const r = await run(['status'], { fetch: fakePeerFetch(chain) }); assert.equal(r.code, 0);
 */
export async function run(
  argv: readonly string[],
  opts: {
    readonly fetch?: FetchFn;
    readonly env?: Record<string, string>;
    readonly cwd?: string;
    readonly stop?: AbortSignal;
    readonly now?: number;
    /** Sees stdout as it is written (for long-running commands). */
    readonly onOut?: (text: string) => void;
  } = {},
): Promise<RunResult> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    out: (t) => {
      out += t;
      opts.onOut?.(out);
    },
    err: (t) => void (err += t),
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    interactive: false,
    now: () => opts.now ?? Date.now(),
    ...(opts.fetch !== undefined ? { fetch: opts.fetch } : {}),
    ...(opts.stop !== undefined ? { stop: opts.stop } : {}),
  };
  const code = await runCli(argv, ctx);
  return { code, out, err };
}
