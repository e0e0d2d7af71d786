// `gongxin keys …`: the keys of a data directory — list the public index, show one public key (optionally as a
// QR code), and the key-file commands in keys-files.ts. docs/cli.md §keys.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GongxinError } from '@gongxin/core';
import { type Command } from 'commander';
import QRCode from 'qrcode';
import type { CliContext } from '../context.js';
import { keyFilePublic, readIndex } from '../key-store.js';
import { absPath, dataDirOption } from '../options.js';
import { emit, table } from '../output.js';
import { registerKeyFileCommands } from './keys-files.js';

interface DirOptions {
  readonly dataDir: string;
}

/** Registers `keys` and its subcommands. */
export function registerKeys(program: Command, ctx: CliContext): void {
  const keys = program
    .command('keys')
    .summary('manage keys: generate, list, show, export, import')
    .description('Keys of a data directory (keys/: encrypted key files and a public index.json) and standalone key files.');

  keys
    .command('list')
    .description("list the data directory's keys (public index: name, organisation, roles, public key)")
    .addOption(dataDirOption(ctx))
    .action((o: DirOptions, cmd: Command) => {
      const dir = absPath(ctx, o.dataDir);
      const entries = readIndex(dir);
      emit(ctx, cmd, entries.map((e) => ({ ...e, roles: [...e.roles] })), () =>
        entries.length === 0
          ? [`no keys in ${join(dir, 'keys')} (create a dev consortium with "gongxin init")`]
          : table(entries.map((e) => [e.name, `${(e.org ?? '-').padEnd(20)} ${(e.roles.join(',') || '-').padEnd(18)} ${e.publicKey.slice(0, 16)}…`])),
      );
    });

  keys
    .command('show')
    .description('show the public key of a key (never the private key)')
    .argument('<name>', 'key name in the data directory')
    .addOption(dataDirOption(ctx))
    .option('--qr', 'also print the public key as a QR code')
    .action(async (name: string, o: DirOptions & { readonly qr?: boolean }, cmd: Command) => {
      const dir = absPath(ctx, o.dataDir);
      const entry = readIndex(dir).find((e) => e.name === name);
      const file = join(dir, 'keys', entry?.file ?? `${name}.key.json`);
      if (!existsSync(file)) throw new GongxinError('PEER_KEY_NOT_FOUND', `no key "${name}" in ${join(dir, 'keys')}`, { name });
      const pub = keyFilePublic(file);
      const info = { name, suite: pub.suite, publicKey: pub.publicKey, org: entry?.org ?? null, roles: [...(entry?.roles ?? [])], file };
      const qr = o.qr === true ? await QRCode.toString(pub.publicKey, { type: 'terminal', small: true }) : undefined;
      emit(ctx, cmd, info, () => [
        ...table([
          ['name', name],
          ['suite', pub.suite],
          ['publicKey', pub.publicKey],
          ['org', info.org ?? '-'],
          ['roles', info.roles.join(', ') || '-'],
          ['file', file],
        ]),
        ...(qr !== undefined ? ['', qr] : []),
      ]);
    });

  registerKeyFileCommands(keys, ctx);
}
