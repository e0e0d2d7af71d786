// The data directory of a peer: genesis.json, keys/ (encrypted key files + an index), ledger.sqlite.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, genesisFromValue, genesisToValue, GongxinError, type GenesisDoc } from '@gongxin/core';
import { decryptKeyFile, encryptKeyFile, type KeyPair } from '@gongxin/crypto';
import type { DevConsortium } from './dev-consortium.js';
import { jsonToValue } from './http/json-input.js';
import { valueToJson } from './http/json-view.js';

/** Password of the dev consortium's key files unless GONGXIN_KEY_PASSWORD says otherwise. Dev only. */
export const DEV_KEY_PASSWORD = 'gongxin-dev';
/** Lighter scrypt for dev keys so first start stays quick (N = 2^14); real keys use the default (2^17). */
const DEV_KDF = { n: 2 ** 14, r: 8, p: 1 };

/** An entry of keys/index.json: public facts about a key file. */
export interface KeyIndexEntry {
  readonly name: string;
  readonly org: string | null;
  readonly roles: readonly string[];
  readonly publicKey: string;
  readonly file: string;
}

/** Paths inside a data directory. */
export function dataPaths(dir: string): { genesis: string; keys: string; keyIndex: string; ledger: string } {
  return { genesis: join(dir, 'genesis.json'), keys: join(dir, 'keys'), keyIndex: join(dir, 'keys', 'index.json'), ledger: join(dir, 'ledger.sqlite') };
}

/** True when `dir` already holds a chain's genesis. */
export function hasGenesis(dir: string): boolean {
  return existsSync(dataPaths(dir).genesis);
}

/** Writes a dev consortium (genesis + encrypted keys + key index) into `dir`. */
export function writeDevConsortium(dir: string, dev: DevConsortium, password: string): void {
  const paths = dataPaths(dir);
  mkdirSync(paths.keys, { recursive: true, mode: 0o700 });
  writeFileSync(paths.genesis, JSON.stringify(valueToJson(genesisToValue(dev.genesis)), null, 2) + '\n');
  const index: KeyIndexEntry[] = [];
  for (const k of dev.keys) {
    const file = `${k.name}.key.json`;
    const kf = encryptKeyFile({ suite: k.pair.suite, privateKey: k.pair.privateKey, password, kdf: DEV_KDF });
    writeFileSync(join(paths.keys, file), JSON.stringify(kf, null, 2) + '\n', { mode: 0o600 });
    index.push({ name: k.name, org: k.org, roles: k.roles, publicKey: bytesToHex(k.pair.publicKey), file });
  }
  writeFileSync(paths.keyIndex, JSON.stringify(index, null, 2) + '\n');
}

/** @throws PEER_GENESIS_MISSING, GENESIS_INVALID */
export function readGenesis(dir: string): GenesisDoc {
  const path = dataPaths(dir).genesis;
  if (!existsSync(path)) throw new GongxinError('PEER_GENESIS_MISSING', `no genesis.json in ${dir}; run "gongxin init" first`);
  return genesisFromValue(jsonToValue(JSON.parse(readFileSync(path, 'utf8')) as unknown, 'genesis'));
}

/** The key index of a data dir (empty when none). */
export function readKeyIndex(dir: string): KeyIndexEntry[] {
  const path = dataPaths(dir).keyIndex;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as KeyIndexEntry[]) : [];
}

/**
 * Loads and decrypts a key by name from `dir/keys`.
 * @throws PEER_KEY_NOT_FOUND, KEYFILE_BAD_PASSWORD
 */
export function loadKey(dir: string, name: string, password: string): KeyPair {
  const entry = readKeyIndex(dir).find((k) => k.name === name);
  const path = join(dataPaths(dir).keys, entry?.file ?? `${name}.key.json`);
  if (!existsSync(path)) throw new GongxinError('PEER_KEY_NOT_FOUND', `no key "${name}" in ${dataPaths(dir).keys}`, { name });
  return decryptKeyFile(JSON.parse(readFileSync(path, 'utf8')) as unknown, password);
}
