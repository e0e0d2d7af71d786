// Known answers for the state tree's hashes (docs/spec/state.md §Hashes), computed independently (Python hashlib,
// hand-written CBOR), plus argument checks.
import assert from 'node:assert/strict';
import { hash as nodeHash } from 'node:crypto';
import { test } from 'node:test';
import { bytesToHex, hexToBytes, utf8Encode } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { EMPTY_STATE_ROOT, isZeroHash, pathBit, stateLeafHash, stateNodeHash, statePath } from './hashing.js';

const sha256: HashFn = (d) => new Uint8Array(nodeHash('sha256', d, 'buffer'));
const sm3: HashFn = (d) => new Uint8Array(nodeHash('sm3', d, 'buffer'));
const seq = Uint8Array.from({ length: 32 }, (_, i) => i);
const ones = new Uint8Array(32).fill(0xff);

test('statePath is H(encode(["gongxin/state-key/v1", module, key])) without a chain id', () => {
  assert.equal(bytesToHex(statePath(sha256, 'charity', utf8Encode('fund/42'))), '7ab3aab0655ac77e42fd9cf42660d0cf91b79472416bf5f1efe18ee6a43f3294');
  assert.equal(bytesToHex(statePath(sha256, '', new Uint8Array(0))), 'eddb7bd474c49d1dd9913d4ff008287fd30643c1d7b15ce6422d9117d0838d28');
  assert.equal(bytesToHex(statePath(sm3, 'charity', utf8Encode('fund/42'))), '7151f7483bfca3fd472c4b7c78555a6326373db1ebfdc3b65bbcb84cc2360d52');
});

test('statePath separates module and key (no concatenation ambiguity)', () => {
  const a = statePath(sha256, 'ab', utf8Encode('c'));
  const b = statePath(sha256, 'a', utf8Encode('bc'));
  assert.notEqual(bytesToHex(a), bytesToHex(b));
});

test('leaf and node hashes use the RFC 9162 prefixes 0x00 and 0x01', () => {
  assert.equal(bytesToHex(stateLeafHash(sha256, seq, ones)), '6140a3f1442c89c9a6f09ff4cace498ad111d06858f7b7a0da5b5c7a2290fee1');
  assert.equal(bytesToHex(stateNodeHash(sha256, seq, ones)), 'b3ccd02db8323a01e336453e98ff188c1b8596f192436c045451adf606bca4a2');
});

test('stateLeafHash rejects wrong lengths with typed codes', () => {
  const bad = (f: () => unknown, code: string): void => assert.throws(f, (e: unknown) => isGongxinError(e, code));
  bad(() => stateLeafHash(sha256, seq.subarray(1), ones), 'STATE_PATH_INVALID');
  bad(() => stateLeafHash(sha256, seq, new Uint8Array(33)), 'STATE_VALUE_HASH_INVALID');
});

test('the empty root is 32 zero bytes; pathBit reads most significant bit first', () => {
  assert.equal(bytesToHex(EMPTY_STATE_ROOT), '00'.repeat(32));
  assert.ok(isZeroHash(EMPTY_STATE_ROOT));
  assert.ok(!isZeroHash(hexToBytes('00'.repeat(31) + '01')));
  const p = hexToBytes('80' + '00'.repeat(30) + '01');
  assert.equal(pathBit(p, 0), 1);
  assert.equal(pathBit(p, 1), 0);
  assert.equal(pathBit(p, 254), 0);
  assert.equal(pathBit(p, 255), 1);
});
