// The named-AEAD entry point: dispatch, per-name key lengths, suite mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGongxinError } from '@gongxin/core';
import { aeadDecrypt, aeadEncrypt, aeadForSuite, aeadKeyLength, type AeadName } from './aead.js';
import { aesGcmEncrypt } from './aes-gcm.js';
import { sm4GcmEncrypt } from './portable/sm4-gcm.js';

test('suites map to their AEADs and key lengths', () => {
  assert.equal(aeadForSuite('ed25519-sha256'), 'aes-256-gcm');
  assert.equal(aeadForSuite('sm2-sm3'), 'sm4-gcm');
  assert.equal(aeadKeyLength('aes-256-gcm'), 32);
  assert.equal(aeadKeyLength('sm4-gcm'), 16);
});

test('each name dispatches to its cipher and round-trips', () => {
  const iv = new Uint8Array(12).fill(1);
  const msg = new Uint8Array([5, 6, 7]);
  const aes = aeadEncrypt('aes-256-gcm', new Uint8Array(32).fill(2), iv, msg);
  assert.deepEqual(aes, aesGcmEncrypt(new Uint8Array(32).fill(2), iv, msg, new Uint8Array(0)));
  assert.deepEqual(aeadDecrypt('aes-256-gcm', new Uint8Array(32).fill(2), iv, aes.ciphertext, aes.tag), msg);
  const sm4 = aeadEncrypt('sm4-gcm', new Uint8Array(16).fill(2), iv, msg, new Uint8Array([9]));
  assert.deepEqual(sm4, sm4GcmEncrypt(new Uint8Array(16).fill(2), iv, msg, new Uint8Array([9])));
  assert.deepEqual(aeadDecrypt('sm4-gcm', new Uint8Array(16).fill(2), iv, sm4.ciphertext, sm4.tag, new Uint8Array([9])), msg);
});

test('aes-256-gcm refuses 128/192-bit keys; unknown names refused', () => {
  const iv = new Uint8Array(12);
  assert.throws(() => aeadEncrypt('aes-256-gcm', new Uint8Array(16), iv, new Uint8Array(1)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
  assert.throws(() => aeadDecrypt('aes-256-gcm', new Uint8Array(24), iv, new Uint8Array(1), new Uint8Array(16)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
  assert.throws(() => aeadEncrypt('chacha' as AeadName, new Uint8Array(32), iv, new Uint8Array(1)), (e) => isGongxinError(e, 'CRYPTO_AEAD_PARAMS_INVALID'));
});
