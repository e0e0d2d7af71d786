// `gongxin keys generate|export|import`: standalone key files (scrypt + AEAD, docs/spec/signatures.md §Key files).
// New files are never written over an existing one; the private key is never printed.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, GongxinError, isGongxinError, SUITE_IDS, type SuiteId } from '@gongxin/core';
import { decryptKeyFile, encryptKeyFile, generateKeyPair, type KeyPair } from '@gongxin/crypto';
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { CLI_ERRORS } from '../errors.js';
import { readJsonFile, writeNewFile } from '../files.js';
import { dataDirPassword, readIndex, requirePassword, writeIndex } from '../key-store.js';
import { loadNodeApi } from '../node-api.js';
import { absPath, dataDirOption, passwordOption } from '../options.js';
import { emit, table } from '../output.js';

/** Parses --roles a,b,c. */
function parseRoles(value: string): string[] {
  return value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

function saveKeyFile(path: string, pair: KeyPair, password: string): void {
  const kf = encryptKeyFile({ suite: pair.suite, privateKey: pair.privateKey, password });
  writeNewFile(path, JSON.stringify(kf, null, 2) + '\n', 0o600);
}

/** Registers `keys generate`, `keys export`, `keys import` under `keys`. */
export function registerKeyFileCommands(keys: Command, ctx: CliContext): void {
  keys
    .command('generate')
    .description('generate a key pair into a new encrypted key file')
    .addOption(new Option('--suite <suite>', 'crypto suite (the chain’s)').choices(SUITE_IDS).default('ed25519-sha256'))
    .requiredOption('-o, --out <file>', 'key file to create (never overwritten)')
    .addOption(passwordOption('password to encrypt it with; env GONGXIN_KEY_PASSWORD (required: the CLI never prompts)'))
    .action((o: { readonly suite: SuiteId; readonly out: string; readonly password?: string }, cmd: Command) => {
      const password = requirePassword(ctx, o.password, 'GONGXIN_KEY_PASSWORD', '--password');
      const out = absPath(ctx, o.out);
      if (existsSync(out)) throw new GongxinError(CLI_ERRORS.fileExists, `${out} already exists`, { path: out });
      const pair = generateKeyPair(o.suite);
      saveKeyFile(out, pair, password);
      pair.privateKey.fill(0);
      const publicKey = bytesToHex(pair.publicKey);
      emit(ctx, cmd, { file: out, suite: o.suite, publicKey }, () => [
        ...table([
          ['file', out],
          ['suite', o.suite],
          ['publicKey', publicKey],
        ]),
        'keep the file and its password apart; add it to a data directory with "gongxin keys import"',
      ]);
    });

  keys
    .command('export')
    .description("export a data directory's key as a key file encrypted with a new password")
    .argument('<name>', 'key name in the data directory')
    .requiredOption('-o, --out <file>', 'key file to create (never overwritten)')
    .addOption(dataDirOption(ctx))
    .addOption(passwordOption())
    .addOption(new Option('--new-password <password>', 'password of the exported file; env GONGXIN_NEW_KEY_PASSWORD (required)'))
    .action(async (name: string, o: { readonly out: string; readonly dataDir: string; readonly password?: string; readonly newPassword?: string }, cmd: Command) => {
      const newPassword = requirePassword(ctx, o.newPassword, 'GONGXIN_NEW_KEY_PASSWORD', '--new-password');
      const out = absPath(ctx, o.out);
      if (existsSync(out)) throw new GongxinError(CLI_ERRORS.fileExists, `${out} already exists`, { path: out });
      const pair = (await loadNodeApi()).loadKey(absPath(ctx, o.dataDir), name, await dataDirPassword(ctx, o.password));
      saveKeyFile(out, pair, newPassword);
      pair.privateKey.fill(0);
      emit(ctx, cmd, { name, file: out, suite: pair.suite, publicKey: bytesToHex(pair.publicKey) }, () => [
        `exported key "${name}" (${pair.suite}, public key ${bytesToHex(pair.publicKey)}) to ${out}`,
      ]);
    });

  keys
    .command('import')
    .description("import a key file into the data directory (re-encrypted with the data directory's password)")
    .argument('<file>', 'key file to import')
    .requiredOption('-n, --name <name>', 'name for the key in the data directory')
    .addOption(dataDirOption(ctx))
    .addOption(passwordOption())
    .addOption(new Option('--file-password <password>', "password of the file; env GONGXIN_FILE_PASSWORD (default: the data directory's)"))
    .option('--org <org>', 'organisation the key belongs to (for the index; the chain decides roles)')
    .option('--roles <roles>', 'comma-separated roles (for the index)', parseRoles)
    .action(
      async (
        file: string,
        o: { readonly name: string; readonly dataDir: string; readonly password?: string; readonly filePassword?: string; readonly org?: string; readonly roles?: string[] },
        cmd: Command,
      ) => {
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(o.name)) {
          throw new GongxinError(CLI_ERRORS.usage, '--name must be letters, digits, dots, dashes or underscores (at most 64)', { name: o.name });
        }
        const dir = absPath(ctx, o.dataDir);
        const index = readIndex(dir);
        const fileName = `${o.name}.key.json`;
        if (index.some((e) => e.name === o.name) || existsSync(join(dir, 'keys', fileName))) {
          throw new GongxinError(CLI_ERRORS.keyExists, `a key named "${o.name}" already exists in ${join(dir, 'keys')}`, { name: o.name });
        }
        const password = await dataDirPassword(ctx, o.password);
        const filePassword = o.filePassword ?? ctx.env.GONGXIN_FILE_PASSWORD ?? password;
        const json = readJsonFile(absPath(ctx, file));
        let pair: KeyPair;
        try {
          pair = decryptKeyFile(json, filePassword);
        } catch (e) {
          if (isGongxinError(e, 'KEYFILE_BAD_PASSWORD') && o.filePassword === undefined && ctx.env.GONGXIN_FILE_PASSWORD === undefined) {
            throw new GongxinError('KEYFILE_BAD_PASSWORD', "the file is not encrypted with the data directory's password: pass --file-password", {});
          }
          throw e;
        }
        mkdirSync(join(dir, 'keys'), { recursive: true, mode: 0o700 });
        saveKeyFile(join(dir, 'keys', fileName), pair, password);
        pair.privateKey.fill(0);
        const entry = { name: o.name, org: o.org ?? null, roles: o.roles ?? [], publicKey: bytesToHex(pair.publicKey), file: fileName };
        writeIndex(dir, [...index, entry]);
        emit(ctx, cmd, { ...entry, suite: pair.suite }, () => [`imported key "${o.name}" (${pair.suite}, public key ${entry.publicKey}) into ${join(dir, 'keys')}`]);
      },
    );
}
