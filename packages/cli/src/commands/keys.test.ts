// `gongxin keys …` on temp dirs: generate needs a password and never overwrites; list/show print public keys only;
// export re-encrypts under a new password; import re-encrypts under the data directory's and joins the index.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bytesToHex, isGongxinError } from '@gongxin/core';
import { decryptKeyFile } from '@gongxin/crypto';
import type { KeyIndexEntry } from '@gongxin/node';
import { run } from '../testing/run.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-keys-'));
const dir = join(root, 'data');
after(() => rmSync(root, { recursive: true, force: true }));
before(async () => {
  assert.equal((await run(['init', '-d', dir])).code, 0);
});

const readKey = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

test('keys generate: needs a password, writes a key file that decrypts with it, never overwrites', async () => {
  const out = join(root, 'new.key.json');
  const none = await run(['keys', 'generate', '--out', out]);
  assert.equal(none.code, 1);
  assert.match(none.err, /^error CLI_PASSWORD_REQUIRED: a password is needed: pass --password or set GONGXIN_KEY_PASSWORD\n/);
  const r = await run(['keys', 'generate', '--suite', 'sm2-sm3', '--out', out], { env: { GONGXIN_KEY_PASSWORD: 's3cret' } });
  assert.equal(r.code, 0, r.err);
  const pair = decryptKeyFile(readKey(out), 's3cret');
  assert.equal(pair.suite, 'sm2-sm3');
  assert.match(r.out, new RegExp(`publicKey +${bytesToHex(pair.publicKey)}`));
  assert.ok(!r.out.includes(bytesToHex(pair.privateKey)));
  const before = readFileSync(out, 'utf8');
  const again = await run(['keys', 'generate', '--out', out, '--password', 'x']);
  assert.equal(again.code, 1);
  assert.match(again.err, /^error CLI_FILE_EXISTS: /);
  assert.equal(readFileSync(out, 'utf8'), before, 'the existing key file is untouched');
});

test('keys list and show print the public index, never a private key', async () => {
  const index = JSON.parse(readFileSync(join(dir, 'keys', 'index.json'), 'utf8')) as KeyIndexEntry[];
  const l = await run(['--json', 'keys', 'list', '-d', dir]);
  assert.equal(l.code, 0, l.err);
  assert.deepEqual(JSON.parse(l.out), index);
  const text = await run(['keys', 'list', '-d', dir]);
  assert.match(text.out, /^hubei-cdc-admin +hubei-cdc +admin +[0-9a-f]{16}…$/m);
  const s = await run(['keys', 'show', 'wuhan-hc-admin', '-d', dir]);
  assert.equal(s.code, 0, s.err);
  const entry = index.find((k) => k.name === 'wuhan-hc-admin')!;
  assert.match(s.out, new RegExp(`publicKey +${entry.publicKey}\n`));
  const pair = decryptKeyFile(readKey(join(dir, 'keys', entry.file)), 'gongxin-dev');
  for (const o of [l.out, text.out, s.out]) assert.ok(!o.includes(bytesToHex(pair.privateKey)));
  const qr = await run(['keys', 'show', 'peer', '-d', dir, '--qr']);
  assert.equal(qr.code, 0, qr.err);
  assert.ok(qr.out.split('\n').length > 15, 'a QR code is drawn');
  const missing = await run(['keys', 'show', 'nobody', '-d', dir]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /^error PEER_KEY_NOT_FOUND: no key "nobody"/);
  assert.match(missing.err, /hint: list the keys with "gongxin keys list"/);
});

test('keys export re-encrypts under a new password; keys import brings it back under the data directory password', async () => {
  const file = join(root, 'exported.key.json');
  const noNew = await run(['keys', 'export', 'hubei-cdc-admin', '--out', file, '-d', dir]);
  assert.equal(noNew.code, 1);
  assert.match(noNew.err, /CLI_PASSWORD_REQUIRED: .*--new-password or set GONGXIN_NEW_KEY_PASSWORD/);
  const wrong = await run(['keys', 'export', 'hubei-cdc-admin', '--out', file, '-d', dir, '--password', 'wrong', '--new-password', 'n']);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /^error KEYFILE_BAD_PASSWORD: /);
  const r = await run(['keys', 'export', 'hubei-cdc-admin', '--out', file, '-d', dir, '--new-password', 'elsewhere']);
  assert.equal(r.code, 0, r.err);
  const original = decryptKeyFile(readKey(join(dir, 'keys', 'hubei-cdc-admin.key.json')), 'gongxin-dev');
  const exported = decryptKeyFile(readKey(file), 'elsewhere');
  assert.deepEqual(exported.publicKey, original.publicKey);
  assert.throws(() => decryptKeyFile(readKey(file), 'gongxin-dev'), (e: unknown) => isGongxinError(e, 'KEYFILE_BAD_PASSWORD'));

  const badPw = await run(['keys', 'import', file, '--name', 'copy', '-d', dir]);
  assert.equal(badPw.code, 1);
  assert.match(badPw.err, /^error KEYFILE_BAD_PASSWORD: .*pass --file-password/);
  const imp = await run(['keys', 'import', file, '--name', 'copy', '-d', dir, '--file-password', 'elsewhere', '--org', 'hubei-cdc', '--roles', 'admin, auditor']);
  assert.equal(imp.code, 0, imp.err);
  const copy = decryptKeyFile(readKey(join(dir, 'keys', 'copy.key.json')), 'gongxin-dev');
  assert.deepEqual(copy.publicKey, original.publicKey);
  const index = JSON.parse(readFileSync(join(dir, 'keys', 'index.json'), 'utf8')) as KeyIndexEntry[];
  assert.deepEqual(index.at(-1), { name: 'copy', org: 'hubei-cdc', roles: ['admin', 'auditor'], publicKey: bytesToHex(original.publicKey), file: 'copy.key.json' });
  const dup = await run(['keys', 'import', file, '--name', 'copy', '-d', dir, '--file-password', 'elsewhere']);
  assert.equal(dup.code, 1);
  assert.match(dup.err, /^error CLI_KEY_EXISTS: /);
  const badName = await run(['keys', 'import', file, '--name', '../escape', '-d', dir]);
  assert.equal(badName.code, 2);
  assert.match(badName.err, /^error CLI_USAGE: --name must be/);
  writeFileSync(join(root, 'junk.json'), '{"not":"a key"}');
  const junk = await run(['keys', 'import', join(root, 'junk.json'), '--name', 'junk', '-d', dir]);
  assert.equal(junk.code, 1);
  assert.match(junk.err, /^error KEYFILE_/);
});
