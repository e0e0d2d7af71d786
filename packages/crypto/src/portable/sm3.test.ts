// SM3: GB/T 32905 examples, agreement with OpenSSL's SM3 and sm-crypto-v2's on many lengths, streaming updates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { bytesToHex, utf8Encode } from '@gongxin/core';
import { sm3 as smCryptoSm3 } from 'sm-crypto-v2';
import { sm3 } from './sm3.js';

test('GB/T 32905 example 1: SM3("abc")', () => {
  assert.equal(bytesToHex(sm3(utf8Encode('abc'))), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
});

test('GB/T 32905 example 2: SM3("abcd" × 16), a full 64-byte block', () => {
  assert.equal(bytesToHex(sm3(utf8Encode('abcd'.repeat(16)))), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
});

test('SM3 of the empty string', () => {
  assert.equal(bytesToHex(sm3(new Uint8Array(0))), '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
});

test('pure SM3 equals OpenSSL SM3 and sm-crypto-v2 on lengths 0..300 (padding boundaries included)', () => {
  for (let len = 0; len <= 300; len++) {
    const data = new Uint8Array(randomBytes(len));
    const ours = bytesToHex(sm3(data));
    assert.equal(ours, createHash('sm3').update(data).digest('hex'), `len ${len}`);
    if (len % 7 === 0) assert.equal(ours, smCryptoSm3(data), `sm-crypto len ${len}`);
  }
});

test('streaming updates give the one-shot digest', () => {
  const data = new Uint8Array(randomBytes(1000));
  for (const cut of [1, 55, 56, 63, 64, 65, 128, 999]) {
    const h = sm3.create();
    h.update(data.subarray(0, cut)).update(data.subarray(cut));
    assert.equal(bytesToHex(h.digest()), bytesToHex(sm3(data)), `cut ${cut}`);
  }
});

test('a one-bit change changes the digest', () => {
  const a = utf8Encode('gongxin');
  const b = a.slice();
  b[0]! ^= 1;
  assert.notEqual(bytesToHex(sm3(a)), bytesToHex(sm3(b)));
});
