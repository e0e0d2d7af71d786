// Unit tests for merkleRoot: the RFC 6962 reference roots for sizes 1..8, edge cases and input checks.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import { bytesToHex, hexToBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { merkleRoot } from './root.js';
import { leafHash } from './tree-hash.js';

// A plain Uint8Array view of the digest (a Buffer's slice would be a view, and deepEqual compares prototypes).
const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));

// The RFC 6962 reference tree (also in transparency-dev/merkle): leaf data and the root of each prefix.
const REFERENCE_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const REFERENCE_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

test('roots of the RFC 6962 reference tree, sizes 1..8', () => {
  const leaves = REFERENCE_LEAVES.map((h) => leafHash(sha256, hexToBytes(h)));
  for (let n = 1; n <= 8; n++) assert.equal(bytesToHex(merkleRoot(sha256, leaves.slice(0, n))), REFERENCE_ROOTS[n - 1], `size ${n}`);
});

test('the empty tree has root H("")', () => {
  assert.equal(bytesToHex(merkleRoot(sha256, [])), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('a one-leaf root is a copy of the leaf hash', () => {
  const leaf = leafHash(sha256, hexToBytes('00'));
  const root = merkleRoot(sha256, [leaf]);
  assert.deepEqual(root, leaf);
  root[0]! ^= 1;
  assert.notDeepEqual(root, leaf);
});

test('a one-leaf root is a copy even when the suite hash returns Node Buffers (whose slice is a view)', () => {
  const bufferHash: HashFn = (d) => nodeCryptoHash('sha256', d, 'buffer');
  const leaf = leafHash(bufferHash, hexToBytes('00'));
  const before = bytesToHex(leaf);
  const root = merkleRoot(bufferHash, [leaf]);
  root[0]! ^= 1;
  assert.equal(bytesToHex(leaf), before);
});

test('does not modify its input and hashes each interior node once', () => {
  const leaves = Array.from({ length: 1000 }, (_, i) => leafHash(sha256, Uint8Array.of(i & 255, i >> 8)));
  const before = leaves.map((l) => l.slice());
  let calls = 0;
  const counted: HashFn = (d) => {
    calls++;
    return sha256(d);
  };
  merkleRoot(counted, leaves);
  assert.equal(calls, 999);
  assert.deepEqual(leaves, before);
});

test('rejects leaf hashes that are not 32 bytes', () => {
  const good = leafHash(sha256, new Uint8Array(0));
  for (const bad of [new Uint8Array(31), new Uint8Array(33), 'x' as unknown as Uint8Array]) {
    assert.throws(
      () => merkleRoot(sha256, [good, bad]),
      (e) => isGongxinError(e, 'MERKLE_BAD_HASH') && e.details.index === 1,
    );
  }
});
