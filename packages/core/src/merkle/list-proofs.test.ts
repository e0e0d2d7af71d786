// Unit tests for list-based proofs: the RFC 6962 reference proofs (transparency-dev/merkle) and argument checks.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import { bytesToHex, hexToBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { consistencyProof, inclusionProof } from './list-proofs.js';
import { leafHash } from './tree-hash.js';

// A plain Uint8Array view of the digest (a Buffer's slice would be a view, and deepEqual compares prototypes).
const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  leafHash(sha256, hexToBytes(h)),
);
const hex = (proof: Uint8Array[]): string[] => proof.map(bytesToHex);

test('inclusion proofs of the RFC 6962 reference tree', () => {
  const cases: [number, number, string[]][] = [
    [0, 1, []],
    [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
    [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
    [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
    [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  ];
  for (const [index, size, want] of cases) assert.deepEqual(hex(inclusionProof(sha256, leaves.slice(0, size), index)), want, `${index} of ${size}`);
});

test('consistency proofs of the RFC 6962 reference tree', () => {
  const cases: [number, number, string[]][] = [
    [1, 1, []],
    [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
    [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
    [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
    [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  ];
  for (const [m, n, want] of cases) assert.deepEqual(hex(consistencyProof(sha256, leaves, m, n)), want, `${m} to ${n}`);
});

test('proof hashes are copies: changing them leaves the input intact', () => {
  const before = leaves.map((l) => l.slice());
  for (const p of [...inclusionProof(sha256, leaves, 3), ...consistencyProof(sha256, leaves, 3, 8)]) p.fill(0);
  assert.deepEqual(leaves, before);
});

test('inclusion proof rejects an index outside the tree', () => {
  for (const index of [-1, 8, 1.5, Number.NaN, 2 ** 53, '1' as unknown as number]) {
    assert.throws(() => inclusionProof(sha256, leaves, index), (e) => isGongxinError(e, 'MERKLE_BAD_INDEX'), String(index));
  }
  assert.throws(() => inclusionProof(sha256, [], 0), (e) => isGongxinError(e, 'MERKLE_BAD_INDEX'));
});

test('consistency proof rejects sizes that are not 0 < size1 ≤ size2 ≤ n', () => {
  const bad: [number, number][] = [[0, 0], [0, 3], [4, 3], [1, 9], [-1, 2], [1.5, 3], [1, Number.POSITIVE_INFINITY]];
  for (const [m, n] of bad) assert.throws(() => consistencyProof(sha256, leaves, m, n), (e) => isGongxinError(e, 'MERKLE_BAD_SIZE'), `${m} ${n}`);
});

test('proofs reject leaf hashes that are not 32 bytes', () => {
  const bad = [...leaves.slice(0, 3), new Uint8Array(5)];
  assert.throws(() => inclusionProof(sha256, bad, 0), (e) => isGongxinError(e, 'MERKLE_BAD_HASH'));
  assert.throws(() => consistencyProof(sha256, bad, 1, 4), (e) => isGongxinError(e, 'MERKLE_BAD_HASH'));
});
