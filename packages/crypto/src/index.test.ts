// API snapshot of both entry points, the portable tree's "no node:*" rule, and the error-code list kept complete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as api from './index.js';
import * as portable from './portable/index.js';
import { CRYPTO_ERROR_CODES } from './error-codes.js';

const srcDir = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

test('@gongxin/crypto exports exactly these names', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'CRYPTO_ERROR_CODES', 'DEFAULT_KDF', 'KDF_LIMITS', 'aeadDecrypt', 'aeadEncrypt', 'createSigner', 'decryptKeyFile',
    'encryptKeyFile', 'generateKeyPair', 'generateSealKeyPair', 'getPortableSuite', 'getSuite', 'open', 'publicKeyFromPrivate',
    'sealPublicKeyFromPrivate', 'sealTo', 'signMessage',
  ]);
});

test('@gongxin/crypto/portable exports exactly these names', () => {
  assert.deepEqual(Object.keys(portable).sort(), [
    'createPortableSigner', 'generatePortableKeyPair', 'getPortableSuite', 'portablePublicKeyFromPrivate', 'sm4GcmDecrypt', 'sm4GcmEncrypt',
  ]);
});

test('the portable tree imports nothing from node:* and nothing from outside itself but packages', () => {
  const files = sources(join(srcDir, 'portable'));
  assert.ok(files.length > 10);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const specifiers = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const s of specifiers) {
      assert.ok(!s.startsWith('node:') && !['crypto', 'fs', 'util', 'buffer'].includes(s), `${f} imports ${s}`);
      assert.ok(!s.startsWith('../'), `${f} reaches outside portable/: ${s}`);
    }
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.ok(!/\bBuffer\b/.test(code), `${f} uses Buffer`);
  }
});

test('every error code thrown in src is listed in CRYPTO_ERROR_CODES, and every listed code is thrown', () => {
  const thrown = new Set<string>();
  for (const f of sources(srcDir)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/'((?:CRYPTO|KEYFILE)_[A-Z0-9_]+)'/g)) thrown.add(m[1]!);
  }
  for (const code of thrown) assert.ok(code in CRYPTO_ERROR_CODES, `${code} missing from CRYPTO_ERROR_CODES`);
  const listed = Object.keys(CRYPTO_ERROR_CODES);
  const used = new Set<string>();
  for (const f of sources(srcDir).filter((x) => !x.endsWith('error-codes.ts'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/'((?:CRYPTO|KEYFILE)_[A-Z0-9_]+)'/g)) used.add(m[1]!);
  }
  for (const code of listed) assert.ok(used.has(code), `${code} listed but never thrown`);
});
