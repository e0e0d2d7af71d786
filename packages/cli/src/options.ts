// Options shared by several commands (docs/cli.md §Common options): data dir, peer URL, port, with their
// environment defaults, and the parsers that turn option text into checked values.
import { isAbsolute, resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { CliContext } from './context.js';

/** Where a peer keeps its chain unless told otherwise. */
export const DEFAULT_DATA_DIR = './data';
/** The peer API unless told otherwise. */
export const DEFAULT_URL = 'http://127.0.0.1:7070';
/** The port `start` listens on unless told otherwise. */
export const DEFAULT_PORT = 7070;

/**
 * --data-dir DIR, default GONGXIN_DATA_DIR or ./data.
 * @example cmd.addOption(dataDirOption(ctx));
 */
export function dataDirOption(ctx: CliContext, what = 'data directory (genesis.json, keys/, ledger.sqlite)'): Option {
  return new Option('-d, --data-dir <dir>', `${what}; env GONGXIN_DATA_DIR`).default(ctx.env.GONGXIN_DATA_DIR ?? DEFAULT_DATA_DIR);
}

/**
 * --url URL, default GONGXIN_URL or http://127.0.0.1:7070.
 * @example cmd.addOption(urlOption(ctx));
 */
export function urlOption(ctx: CliContext): Option {
  return new Option('-u, --url <url>', 'peer API base URL; env GONGXIN_URL').default(ctx.env.GONGXIN_URL ?? DEFAULT_URL).argParser(parseUrl);
}

/**
 * --password P for the data directory's key files (default GONGXIN_KEY_PASSWORD, else the dev password).
 * @example cmd.addOption(passwordOption());
 */
export function passwordOption(what = "password of the data directory's key files; env GONGXIN_KEY_PASSWORD (default: the dev password)"): Option {
  return new Option('--password <password>', what);
}

/** Parses an http(s) URL option. @throws InvalidArgumentError */
export function parseUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected an absolute URL such as http://127.0.0.1:7070');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidArgumentError('expected an http: or https: URL');
  return value;
}

/**
 * An option parser for integers in [min, max].
 * @example new Option('--rate <n>').argParser(intParser(1))
 */
export function intParser(min: number, max: number = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected an integer${min === 0 ? ' ≥ 0' : min === 1 ? ' ≥ 1' : ''}`);
    const n = Number(value.trim());
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return n;
  };
}

/** Parses a TCP port (0 = any free port). @throws InvalidArgumentError */
export const parsePort: (value: string) => number = intParser(0, 65535);

/** Parses a 32-byte id as 64 hex digits (tx ids, header hashes). @throws InvalidArgumentError */
export function parseHash(value: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(value)) throw new InvalidArgumentError('expected 64 hex digits (a 32-byte hash)');
  return value.toLowerCase();
}

/**
 * The port `start` listens on: --port, else GONGXIN_PORT, else 7070.
 * @example portOption(ctx)
 */
export function portOption(ctx: CliContext): Option {
  const fromEnv = ctx.env.GONGXIN_PORT;
  const opt = new Option('-p, --port <port>', 'TCP port of the API (0: any free port); env GONGXIN_PORT').argParser(parsePort);
  return opt.default(fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_PORT);
}

/**
 * A path from the command line, absolute against the context's cwd.
 * @example const dir = absPath(ctx, opts.dataDir);
 */
export function absPath(ctx: CliContext, p: string): string {
  return isAbsolute(p) ? p : resolve(ctx.cwd, p);
}
