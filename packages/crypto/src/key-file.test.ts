// Key files: round trips for both suites, wrong password vs tampering, strict parsing, KDF bounds, redaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { bytesToHex, isGongxinError, type SuiteId } from '@gongxin/core';
import { DEFAULT_KDF, type KeyFile } from './key-file-format.js';
import { decryptKeyFile, encryptKeyFile } from './key-file.js';
import { generateKeyPair } from './signer-node.js';

const FAST = { n: 1024, r: 8, p: 1 };
const IDS = ['ed25519-sha256', 'sm2-sm3'] as const satisfies readonly SuiteId[];
const isCode = (code: string) => (e: unknown): boolean => isGongxinError(e, code);
type Mutable = { -readonly [K in keyof KeyFile]: unknown } & Record<string, unknown>;
const clone = (f: KeyFile): Mutable => JSON.parse(JSON.stringify(f)) as Mutable;
const flipHex = (hex: string, at = 0): string => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

for (const id of IDS) {
  const pair = generateKeyPair(id);
  const file = encryptKeyFile({ suite: id, privateKey: pair.privateKey, password: 'correct horse', kdf: FAST });

  test(`${id}: the file is plain JSON with the documented fields and no key material in the clear`, () => {
    const text = JSON.stringify(file);
    assert.deepEqual(JSON.parse(text), file);
    assert.equal(file.version, 1);
    assert.equal(file.suite, id);
    assert.equal(file.publicKey, bytesToHex(pair.publicKey));
    assert.deepEqual({ ...file.kdf, salt: file.kdf.salt.length }, { name: 'scrypt', n: 1024, r: 8, p: 1, salt: 32 });
    assert.equal(file.cipher.name, id === 'sm2-sm3' ? 'sm4-gcm' : 'aes-256-gcm');
    assert.equal(file.cipher.iv.length, 24);
    assert.equal(file.cipher.tag.length, 32);
    assert.equal(file.cipher.ciphertext.length, 64);
    assert.equal(text.includes(bytesToHex(pair.privateKey)), false);
  });

  test(`${id}: decrypts with the password (also after a JSON round trip), result prints redacted`, () => {
    const back = decryptKeyFile(JSON.parse(JSON.stringify(file)), 'correct horse');
    assert.deepEqual(back.privateKey, pair.privateKey);
    assert.deepEqual(back.publicKey, pair.publicKey);
    assert.equal(back.suite, id);
    assert.equal(inspect(back).includes(bytesToHex(pair.privateKey)), false);
    assert.equal(JSON.stringify(back).includes(bytesToHex(pair.privateKey)), false);
  });

  test(`${id}: a wrong password is KEYFILE_BAD_PASSWORD`, () => {
    assert.throws(() => decryptKeyFile(file, 'correct horse!'), isCode('KEYFILE_BAD_PASSWORD'));
    assert.throws(() => decryptKeyFile(file, ''), isCode('KEYFILE_BAD_PASSWORD'));
  });

  test(`${id}: tampering with ciphertext, tag, iv or public key is KEYFILE_CORRUPT; salt or cost is caught too`, () => {
    for (const [path, at] of [['ciphertext', 0], ['ciphertext', 63], ['tag', 5], ['iv', 2]] as const) {
      const f = clone(file);
      const cipher = f.cipher as Record<string, string>;
      cipher[path] = flipHex(cipher[path]!, at);
      assert.throws(() => decryptKeyFile(f, 'correct horse'), isCode('KEYFILE_CORRUPT'), `${path}@${at}`);
    }
    const pk = clone(file);
    pk.publicKey = flipHex(file.publicKey, 10);
    assert.throws(() => decryptKeyFile(pk, 'correct horse'), isCode('KEYFILE_CORRUPT'));
    const salt = clone(file);
    (salt.kdf as Record<string, unknown>).salt = flipHex(file.kdf.salt);
    assert.throws(() => decryptKeyFile(salt, 'correct horse'), (e) => isGongxinError(e, 'KEYFILE_BAD_PASSWORD') || isGongxinError(e, 'KEYFILE_CORRUPT'));
    const cost = clone(file);
    (cost.kdf as Record<string, unknown>).n = 2048;
    assert.throws(() => decryptKeyFile(cost, 'correct horse'), (e) => isGongxinError(e, 'KEYFILE_BAD_PASSWORD') || isGongxinError(e, 'KEYFILE_CORRUPT'));
  });
}

test('a key file of one suite relabelled as the other is refused', () => {
  const pair = generateKeyPair('ed25519-sha256');
  const f = clone(encryptKeyFile({ suite: 'ed25519-sha256', privateKey: pair.privateKey, password: 'pw', kdf: FAST }));
  f.suite = 'sm2-sm3';
  assert.throws(() => decryptKeyFile(f, 'pw'), isCode('KEYFILE_UNSUPPORTED'), 'cipher does not match suite');
  (f.cipher as Record<string, unknown>).name = 'sm4-gcm';
  assert.throws(() => decryptKeyFile(f, 'pw'), isCode('KEYFILE_CORRUPT'), 'public key length');
});

test('unsupported or malformed files', () => {
  const pair = generateKeyPair('sm2-sm3');
  const good = encryptKeyFile({ suite: 'sm2-sm3', privateKey: pair.privateKey, password: 'pw', kdf: FAST });
  const cases: [(f: Mutable) => void, string][] = [
    [(f) => (f.version = 2), 'KEYFILE_UNSUPPORTED'],
    [(f) => (f.suite = 'rsa'), 'KEYFILE_UNSUPPORTED'],
    [(f) => ((f.kdf as Record<string, unknown>).name = 'pbkdf2'), 'KEYFILE_UNSUPPORTED'],
    [(f) => ((f.cipher as Record<string, unknown>).name = 'aes-256-gcm'), 'KEYFILE_UNSUPPORTED'],
    [(f) => delete f.passwordCheck, 'KEYFILE_CORRUPT'],
    [(f) => (f.publicKey = 'zz'), 'KEYFILE_CORRUPT'],
    [(f) => ((f.cipher as Record<string, unknown>).iv = '00'), 'KEYFILE_CORRUPT'],
    [(f) => ((f.cipher as Record<string, unknown>).ciphertext = 123), 'KEYFILE_CORRUPT'],
    [(f) => delete f.cipher, 'KEYFILE_UNSUPPORTED'],
    [(f) => ((f.kdf as Record<string, unknown>).n = 2 ** 24), 'KEYFILE_KDF_PARAMS_INVALID'],
    [(f) => ((f.kdf as Record<string, unknown>).n = 1000), 'KEYFILE_KDF_PARAMS_INVALID'],
    [(f) => ((f.kdf as Record<string, unknown>).r = 0), 'KEYFILE_KDF_PARAMS_INVALID'],
    [(f) => ((f.kdf as Record<string, unknown>).p = '1'), 'KEYFILE_KDF_PARAMS_INVALID'],
  ];
  for (const [mutate, code] of cases) {
    const f = clone(good);
    mutate(f);
    assert.throws(() => decryptKeyFile(f, 'pw'), isCode(code), `${mutate.toString()} → ${code}`);
  }
  for (const junk of [null, 'text', 42, []]) assert.throws(() => decryptKeyFile(junk, 'pw'), (e) => isGongxinError(e, 'KEYFILE_CORRUPT') || isGongxinError(e, 'KEYFILE_UNSUPPORTED'));
});

test('encryption checks: empty password, KDF bounds, bad private key; passwords are NFC-normalised', () => {
  const pair = generateKeyPair('ed25519-sha256');
  const base = { suite: 'ed25519-sha256' as const, privateKey: pair.privateKey };
  assert.throws(() => encryptKeyFile({ ...base, password: '', kdf: FAST }), isCode('KEYFILE_PASSWORD_EMPTY'));
  assert.throws(() => encryptKeyFile({ ...base, password: 'pw', kdf: { n: 1000, r: 8, p: 1 } }), isCode('KEYFILE_KDF_PARAMS_INVALID'));
  assert.throws(() => encryptKeyFile({ ...base, password: 'pw', kdf: { n: 2 ** 21, r: 8, p: 1 } }), isCode('KEYFILE_KDF_PARAMS_INVALID'));
  assert.throws(() => encryptKeyFile({ suite: 'sm2-sm3', privateKey: new Uint8Array(32), password: 'pw', kdf: FAST }), isCode('CRYPTO_PRIVATE_KEY_INVALID'));
  const f = encryptKeyFile({ ...base, password: 'caf\u00e9 密码', kdf: FAST });
  assert.deepEqual(decryptKeyFile(f, 'cafe\u0301 密码').privateKey, pair.privateKey, 'decomposed é equals composed é');
  assert.deepEqual(decryptKeyFile(f, new TextEncoder().encode('caf\u00e9 密码')).privateKey, pair.privateKey, 'bytes');
});

test('the default KDF is scrypt N = 2^17, r = 8, p = 1 and works end to end', () => {
  assert.deepEqual(DEFAULT_KDF, { n: 131072, r: 8, p: 1 });
  const pair = generateKeyPair('sm2-sm3');
  const f = encryptKeyFile({ suite: 'sm2-sm3', privateKey: pair.privateKey, password: 'slow but strong' });
  assert.equal(f.kdf.n, 131072);
  assert.deepEqual(decryptKeyFile(f, 'slow but strong').privateKey, pair.privateKey);
});
