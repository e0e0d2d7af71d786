// `gongxin init`: creates a development consortium in a data directory (genesis.json, keys/), refusing to touch
// a directory that already holds a chain. docs/cli.md §init.
import { existsSync } from 'node:fs';
import { bytesToHex, genesisHash, GongxinError, SUITE_IDS, type SuiteId } from '@gongxin/core';
import { getSuite } from '@gongxin/crypto';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { CLI_ERRORS } from '../errors.js';
import { loadNodeApi } from '../node-api.js';
import { absPath, dataDirOption, passwordOption } from '../options.js';
import { emit } from '../output.js';

interface InitOptions {
  readonly dataDir: string;
  readonly suite: SuiteId;
  readonly chainId: string;
  readonly password?: string;
}

/** Parses a chain id: lowercase letters, digits and dashes, at most 64 (core genesis rules). @throws InvalidArgumentError */
export function parseChainId(value: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(value)) throw new InvalidArgumentError('lowercase letters, digits and dashes, at most 64, not starting with a dash');
  return value;
}

/** Registers `init`. */
export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .summary('create a dev consortium in a data directory')
    .description(
      'Creates a development consortium: a genesis.json with 12 organisations of the demo story, and for each an\n' +
        'admin key and a member key (plus one peer key), encrypted at rest in keys/ with a public keys/index.json.\n' +
        'Refuses a directory that already holds a chain. For trying Gongxin out, not for production keys.',
    )
    .addOption(dataDirOption(ctx))
    .addOption(new Option('--suite <suite>', 'crypto suite of the chain').choices(SUITE_IDS).default('ed25519-sha256'))
    .addOption(new Option('--chain-id <id>', 'chain id').default('gongxin-dev').argParser(parseChainId))
    .addOption(passwordOption('password for the new key files; env GONGXIN_KEY_PASSWORD (default: the dev password)'))
    .action(async (o: InitOptions, cmd: Command) => {
      const node = await loadNodeApi();
      const dir = absPath(ctx, o.dataDir);
      const paths = node.dataPaths(dir);
      if (node.hasGenesis(dir) || existsSync(paths.ledger)) {
        throw new GongxinError(CLI_ERRORS.dataDirExists, `${dir} already holds a chain`, { dataDir: dir });
      }
      const password = o.password ?? ctx.env.GONGXIN_KEY_PASSWORD ?? node.DEV_KEY_PASSWORD;
      const dev = node.createDevConsortium({ suite: o.suite, chainId: o.chainId, timestamp: ctx.now() });
      node.writeDevConsortium(dir, dev, password);
      const gHash = bytesToHex(genesisHash(getSuite(o.suite).hash, dev.genesis));
      const orgs = node.DEV_ORGS.map((org) => ({
        id: org.id,
        name: org.name,
        nameZh: org.nameZh,
        roles: [...org.roles],
        keys: dev.keys.filter((k) => k.org === org.id && k.name !== 'peer').map((k) => k.name),
      }));
      const keys = dev.keys.map((k) => ({ name: k.name, org: k.org, roles: [...k.roles], publicKey: bytesToHex(k.pair.publicKey) }));
      const devPassword = password === node.DEV_KEY_PASSWORD;
      emit(ctx, cmd, { dataDir: dir, chainId: o.chainId, suite: o.suite, genesisHash: gHash, orgs, keys, devPassword }, () => {
        const w = Math.max(...orgs.map((x) => x.id.length));
        return [
          `created chain "${o.chainId}" (${o.suite}) in ${dir}`,
          `genesis hash ${gHash}`,
          '',
          'organisations and their keys:',
          ...orgs.map((x) => `  ${x.id.padEnd(w)}  ${x.name} (${x.nameZh})  [${x.roles.join(', ')}]\n  ${''.padEnd(w)}  keys: ${x.keys.join(', ')}`),
          `  peer key: peer (run by ${dev.peerKey.org ?? 'the first organisation'})`,
          '',
          devPassword
            ? `key files are encrypted with the dev password "${node.DEV_KEY_PASSWORD}" (set GONGXIN_KEY_PASSWORD to choose your own)`
            : 'key files are encrypted with the password you gave',
          'next: "gongxin start" to run a peer, "gongxin keys list" to see the public keys',
        ];
      });
    });
}
