// `gongxin init` into a temp dir: genesis.json, the public key index and encrypted key files that decrypt with the
// dev password (and only with it); a second init is refused; nothing secret is printed.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bytesToHex, genesisHash, isGongxinError } from '@gongxin/core';
import { decryptKeyFile, getSuite } from '@gongxin/crypto';
import { readGenesis, type KeyIndexEntry } from '@gongxin/node';
import { run } from '../testing/run.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-init-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('init creates genesis.json, keys/index.json and key files that decrypt with the dev password', async () => {
  const dir = join(root, 'a');
  const r = await run(['init', '--data-dir', dir, '--chain-id', 'test-init']);
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(join(dir, 'genesis.json')));
  const genesis = readGenesis(dir);
  assert.equal(genesis.chainId, 'test-init');
  assert.equal(genesis.suite, 'ed25519-sha256');
  assert.match(r.out, new RegExp(`genesis hash ${bytesToHex(genesisHash(getSuite('ed25519-sha256').hash, genesis))}`));
  const index = JSON.parse(readFileSync(join(dir, 'keys', 'index.json'), 'utf8')) as KeyIndexEntry[];
  assert.equal(index.length, 25, '12 orgs × (admin + member) + the peer key');
  assert.ok(index.some((k) => k.name === 'peer'));
  assert.ok(index.some((k) => k.name === 'hubei-cdc-admin' && k.org === 'hubei-cdc' && k.roles.includes('admin')));
  for (const k of [index[0]!, index.find((x) => x.name === 'peer')!]) {
    const file = JSON.parse(readFileSync(join(dir, 'keys', k.file), 'utf8')) as unknown;
    const pair = decryptKeyFile(file, 'gongxin-dev');
    assert.equal(bytesToHex(pair.publicKey), k.publicKey);
    assert.throws(() => decryptKeyFile(file, 'not-the-password'), (e: unknown) => isGongxinError(e, 'KEYFILE_BAD_PASSWORD'));
    assert.ok(!r.out.includes(bytesToHex(pair.privateKey)), 'the private key is never printed');
  }
  // Orgs and key names are listed for the user.
  assert.match(r.out, /hubei-cdc +Hubei Provincial Health Commission \(湖北省卫生健康委员会\) +\[health-authority\]/);
  assert.match(r.out, /keys: hubei-cdc-admin, hubei-cdc-health-authority/);
  assert.match(r.out, /dev password "gongxin-dev"/);
});

test('init refuses a directory that already holds a chain (exit 1, CLI_DATA_DIR_EXISTS) and leaves it alone', async () => {
  const dir = join(root, 'b');
  assert.equal((await run(['init', '-d', dir])).code, 0);
  const before = readFileSync(join(dir, 'genesis.json'), 'utf8');
  const r = await run(['init', '-d', dir]);
  assert.equal(r.code, 1);
  assert.match(r.err, /^error CLI_DATA_DIR_EXISTS: .* already holds a chain\n/);
  assert.match(r.err, /hint: pick another --data-dir/);
  assert.equal(readFileSync(join(dir, 'genesis.json'), 'utf8'), before);
});

test('init --suite sm2-sm3 with GONGXIN_KEY_PASSWORD and GONGXIN_DATA_DIR from the environment, --json output', async () => {
  const dir = join(root, 'c');
  const r = await run(['--json', 'init', '--suite', 'sm2-sm3'], { env: { GONGXIN_DATA_DIR: dir, GONGXIN_KEY_PASSWORD: 'correct horse' } });
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out) as { suite: string; dataDir: string; devPassword: boolean; orgs: { id: string; keys: string[] }[]; keys: { name: string; publicKey: string }[] };
  assert.equal(out.suite, 'sm2-sm3');
  assert.equal(out.dataDir, dir);
  assert.equal(out.devPassword, false);
  assert.equal(out.orgs.length, 12);
  assert.deepEqual(out.orgs[0]!.keys, ['hubei-cdc-admin', 'hubei-cdc-health-authority']);
  const k = out.keys.find((x) => x.name === 'hubei-cdc-admin')!;
  const pair = decryptKeyFile(JSON.parse(readFileSync(join(dir, 'keys', 'hubei-cdc-admin.key.json'), 'utf8')) as unknown, 'correct horse');
  assert.equal(pair.suite, 'sm2-sm3');
  assert.equal(bytesToHex(pair.publicKey), k.publicKey);
});
