// What every command runs with (docs/cli.md): output streams, environment, clock, and the peer transport.
// Injected so the whole program runs in-process in tests, with captured output and a fake peer.
import type { FetchFn } from '@gongxin/sdk';

/** The command's world. `processContext()` is the real one; tests build their own. */
export interface CliContext {
  /** Standard output (text is written as is; commands end lines themselves). */
  readonly out: (text: string) => void;
  /** Standard error: errors, hints, progress. */
  readonly err: (text: string) => void;
  /** Environment variables (GONGXIN_DATA_DIR, GONGXIN_URL, GONGXIN_PORT, GONGXIN_KEY_PASSWORD …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against this directory. */
  readonly cwd: string;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  readonly interactive: boolean;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** HTTP transport for the SDK client (default: global fetch). */
  readonly fetch?: FetchFn;
  /**
   * Ends long-running commands (start, load) as SIGINT/SIGTERM do. main.ts wires the process signals;
   * tests abort it themselves.
   */
  readonly stop?: AbortSignal;
}

/**
 * The context of the real process: stdout/stderr, process.env, process.cwd(), Date.now.
 * @example const code = await runCli(process.argv.slice(2), processContext());
 */
export function processContext(stop?: AbortSignal): CliContext {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    interactive: process.stderr.isTTY,
    now: () => Date.now(),
    ...(stop !== undefined ? { stop } : {}),
  };
}

/**
 * Writes lines to stdout.
 * @example println(ctx, 'height 12', 'head 9f86…');
 */
export function println(ctx: CliContext, ...lines: readonly string[]): void {
  ctx.out(lines.map((l) => `${l}\n`).join(''));
}

/**
 * Writes lines to stderr.
 * @example eprintln(ctx, 'note: no keys imported');
 */
export function eprintln(ctx: CliContext, ...lines: readonly string[]): void {
  ctx.err(lines.map((l) => `${l}\n`).join(''));
}
