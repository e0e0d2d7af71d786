// HMAC over a plain hash function: equal to OpenSSL's HMAC-SHA256/HMAC-SM3, and Wycheproof HMAC-SM3 passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@gongxin/core';
import { hmacWith } from './hmac.js';
import { sm3 } from './sm3.js';

const sha256 = (d: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(d).digest());

interface MacTest { tcId: number; key: string; msg: string; tag: string; result: string }
interface MacGroup { keySize: number; tagSize: number; tests: MacTest[] }
const wycheproof = JSON.parse(readFileSync(new URL('../../test-vectors/wycheproof/hmac_sm3_test.json', import.meta.url), 'utf8')) as { testGroups: MacGroup[] };

test('HMAC-SHA256 and HMAC-SM3 equal OpenSSL for key lengths 0..130', () => {
  for (let kl = 0; kl <= 130; kl += 13) {
    const key = new Uint8Array(randomBytes(kl));
    const msg = new Uint8Array(randomBytes(kl * 3));
    assert.equal(bytesToHex(hmacWith(sha256, key, msg)), createHmac('sha256', key).update(msg).digest('hex'));
    assert.equal(bytesToHex(hmacWith(sm3, key, msg)), createHmac('sm3', key).update(msg).digest('hex'));
  }
});

test('Wycheproof HMAC-SM3: every valid tag matches, every invalid tag differs', () => {
  let valid = 0;
  let invalid = 0;
  for (const g of wycheproof.testGroups) {
    for (const t of g.tests) {
      const full = hmacWith(sm3, hexToBytes(t.key), hexToBytes(t.msg));
      const got = bytesToHex(full.subarray(0, g.tagSize / 8));
      if (t.result === 'valid') {
        assert.equal(got, t.tag, `tcId ${t.tcId}`);
        valid++;
      } else {
        assert.notEqual(got, t.tag, `tcId ${t.tcId}`);
        invalid++;
      }
    }
  }
  assert.deepEqual([valid, invalid], [66, 108]);
});
