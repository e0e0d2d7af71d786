// Unit tests for RFC 9162 §2.1.1 hashing: known SHA-256 and SM3 values, prefixes, scratch-buffer safety.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import { bytesToHex, concatBytes, hexToBytes } from '../bytes.js';
import type { HashFn } from '../suite.js';
import { emptyRoot, leafHash, MERKLE_HASH_LENGTH, nodeHash } from './tree-hash.js';

// A plain Uint8Array view of the digest (a Buffer's slice would be a view, and deepEqual compares prototypes).
const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const sm3: HashFn = (d) => plain(nodeCryptoHash('sm3', d, 'buffer'));

test('empty root is H("") for both suites', () => {
  assert.equal(bytesToHex(emptyRoot(sha256)), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  // GB/T 32905 SM3 of the empty message.
  assert.equal(bytesToHex(emptyRoot(sm3)), '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
});

test('leaf hash is H(0x00 ‖ data): RFC 6962 known values', () => {
  // From the RFC 6962 reference tree (transparency-dev/merkle testdata): leaves "" and 0x00.
  assert.equal(bytesToHex(leafHash(sha256, new Uint8Array(0))), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  assert.equal(bytesToHex(leafHash(sha256, hexToBytes('00'))), '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7');
  assert.deepEqual(leafHash(sm3, hexToBytes('abcd')), sm3(hexToBytes('00abcd')));
});

test('node hash is H(0x01 ‖ left ‖ right) and its two-leaf root is the RFC 6962 one', () => {
  const l0 = leafHash(sha256, new Uint8Array(0));
  const l1 = leafHash(sha256, hexToBytes('00'));
  assert.equal(bytesToHex(nodeHash(sha256, l0, l1)), 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125');
  assert.deepEqual(nodeHash(sha256, l0, l1), sha256(concatBytes(Uint8Array.of(1), l0, l1)));
  assert.notDeepEqual(nodeHash(sha256, l1, l0), nodeHash(sha256, l0, l1));
});

test('node hash of children that are not 32 bytes takes the general path', () => {
  const a = hexToBytes('0102');
  const b = hexToBytes('030405');
  assert.deepEqual(nodeHash(sha256, a, b), sha256(hexToBytes('010102030405')));
});

test('results do not alias the shared scratch buffer', () => {
  const l = new Uint8Array(MERKLE_HASH_LENGTH).fill(7);
  const r = new Uint8Array(MERKLE_HASH_LENGTH).fill(9);
  const first = nodeHash(sha256, l, r);
  const copy = first.slice();
  nodeHash(sha256, r, l);
  assert.deepEqual(first, copy);
  assert.deepEqual(l, new Uint8Array(MERKLE_HASH_LENGTH).fill(7));
});

test('leaf and node hashes are domain-separated', () => {
  const a = new Uint8Array(32).fill(1);
  const b = new Uint8Array(32).fill(2);
  assert.notDeepEqual(leafHash(sha256, concatBytes(a, b)), nodeHash(sha256, a, b));
});
