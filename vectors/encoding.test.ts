import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bytesToHex, decode, encode, GongxinError, hexToBytes } from '@gongxin/core';
import { fromJsonValue, type JsonValue } from './json-value.js';

const file = JSON.parse(readFileSync(new URL('./encoding.json', import.meta.url), 'utf8')) as {
  valid: Array<{ desc: string; hex: string; json: JsonValue }>;
  invalid: Array<{ desc: string; hex: string; code: string }>;
};

test('encoding vectors: every valid value encodes to its hex and back', () => {
  assert.ok(file.valid.length >= 20);
  for (const c of file.valid) {
    const v = fromJsonValue(c.json);
    assert.equal(bytesToHex(encode(v)), c.hex, c.desc);
    assert.deepEqual(decode(hexToBytes(c.hex)), v, c.desc);
  }
});

test('encoding vectors: every invalid case is rejected with its code', () => {
  assert.ok(file.invalid.length >= 20);
  for (const c of file.invalid) {
    assert.throws(() => decode(hexToBytes(c.hex)), (e: unknown) => e instanceof GongxinError && e.code === c.code, c.desc);
  }
});
