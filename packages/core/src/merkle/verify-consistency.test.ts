// Unit tests for consistency verification: all proofs of small trees, each error code, garbage input, and a
// BigInt transcription of the RFC 9162 §2.1.4.2 loop as an independent oracle up to sizes of 2^53 - 1.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { concatBytes, equalBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { consistencyProof } from './list-proofs.js';
import { merkleRoot } from './root.js';
import { leafHash } from './tree-hash.js';
import { verifyConsistency } from './verify-consistency.js';

const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const leaves = Array.from({ length: 20 }, (_, i) => leafHash(sha256, Uint8Array.of(i)));
const roots = Array.from({ length: 21 }, (_, n) => merkleRoot(sha256, leaves.slice(0, n)));
const good = (m: number, n: number) => ({ size1: m, size2: n, root1: roots[m]!, root2: roots[n]!, proof: consistencyProof(sha256, leaves, m, n) });
const code = (c: string) => (e: unknown) => isGongxinError(e, c);
const node = (l: Uint8Array, r: Uint8Array): Uint8Array => sha256(concatBytes(Uint8Array.of(1), l, r));

/** RFC 9162 §2.1.4.2 in BigInt: the (first, second) roots a proof leads to, or undefined where it says "fail". */
function rfcConsistencyRoots(first: bigint, second: bigint, firstHash: Uint8Array, path: readonly Uint8Array[]): [Uint8Array, Uint8Array] | undefined {
  if (path.length === 0) return undefined;
  const p = (first & (first - 1n)) === 0n ? [firstHash, ...path] : [...path];
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) [fn, sn] = [fn >> 1n, sn >> 1n];
  let fr = p[0]!;
  let sr = p[0]!;
  for (const c of p.slice(1)) {
    if (sn === 0n) return undefined;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    } else {
      sr = node(sr, c);
    }
    [fn, sn] = [fn >> 1n, sn >> 1n];
  }
  return sn === 0n ? [fr, sr] : undefined;
}

/** Number of proof hashes the RFC loop consumes for (first, second). */
function rfcProofLength(first: bigint, second: bigint): number {
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) [fn, sn] = [fn >> 1n, sn >> 1n];
  let n = 1;
  while (sn !== 0n) {
    if ((fn & 1n) === 0n && fn === sn) while ((fn & 1n) === 0n && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    [fn, sn] = [fn >> 1n, sn >> 1n];
    n++;
  }
  return (first & (first - 1n)) === 0n ? n - 1 : n;
}

test('every consistency proof between sizes 1..20 verifies, and no other pair of roots does', () => {
  for (let n = 1; n <= 20; n++) {
    for (let m = 1; m <= n; m++) {
      verifyConsistency(sha256, good(m, n));
      if (m < n) {
        assert.throws(() => verifyConsistency(sha256, { ...good(m, n), root1: roots[m - 1]! }), code('PROOF_ROOT_MISMATCH'));
        assert.throws(() => verifyConsistency(sha256, { ...good(m, n), root2: roots[n - 1]! }), code('PROOF_ROOT_MISMATCH'));
      }
    }
  }
});

test('a root mismatch says which root', () => {
  assert.throws(() => verifyConsistency(sha256, { ...good(3, 7), root1: roots[4]! }), (e) => isGongxinError(e, 'PROOF_ROOT_MISMATCH') && e.details.root === 'root1');
  assert.throws(() => verifyConsistency(sha256, { ...good(3, 7), root2: roots[6]! }), (e) => isGongxinError(e, 'PROOF_ROOT_MISMATCH') && e.details.root === 'root2');
  assert.throws(() => verifyConsistency(sha256, { ...good(5, 5), root2: roots[6]! }), code('PROOF_ROOT_MISMATCH'));
});

test('sizes: size1 = 0 and size1 > size2 are rejected, as are non-integers', () => {
  assert.throws(() => verifyConsistency(sha256, { ...good(1, 1), size1: 0, size2: 0, root1: roots[0]!, root2: roots[0]! }), code('PROOF_BAD_SIZE'));
  assert.throws(() => verifyConsistency(sha256, { ...good(3, 8), size1: 0 }), code('PROOF_BAD_SIZE'));
  assert.throws(() => verifyConsistency(sha256, { ...good(3, 8), size1: 9 }), code('PROOF_BAD_SIZE'));
  for (const bad of [-1, 2.5, 2 ** 53, Number.NaN, '3', 3n, undefined]) {
    assert.throws(() => verifyConsistency(sha256, { ...good(3, 8), size1: bad as number }), code('PROOF_BAD_SIZE'), String(bad));
    assert.throws(() => verifyConsistency(sha256, { ...good(3, 8), size2: bad as number }), code('PROOF_BAD_SIZE'), String(bad));
  }
});

test('wrong proof lengths are rejected before hashing', () => {
  const g = good(6, 13);
  let calls = 0;
  const counted: HashFn = (d) => {
    calls++;
    return sha256(d);
  };
  for (const proof of [[], g.proof.slice(1), [...g.proof, roots[6]!], [roots[6]!, ...g.proof]]) {
    assert.throws(() => verifyConsistency(counted, { ...g, proof }), code('PROOF_WRONG_LENGTH'));
  }
  assert.throws(() => verifyConsistency(sha256, { ...good(4, 4), proof: [roots[4]!] }), code('PROOF_WRONG_LENGTH'));
  assert.equal(calls, 0);
});

test('hashes of the wrong type or length are malformed', () => {
  const g = good(3, 9);
  const cases: unknown[] = [
    { ...g, root1: new Uint8Array(12) },
    { ...g, root2: 'x' },
    { ...g, proof: [...g.proof.slice(1), new Uint8Array(0)] },
    { ...g, proof: {} },
    undefined,
  ];
  for (const c of cases) assert.throws(() => verifyConsistency(sha256, c as never), code('PROOF_MALFORMED'));
});

test('garbage of any shape raises only GongxinError', () => {
  const anyField = fc.oneof(fc.anything(), fc.uint8Array({ minLength: 30, maxLength: 34 }), fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 6 }));
  fc.assert(
    fc.property(fc.record({ size1: anyField, size2: anyField, root1: anyField, root2: anyField, proof: anyField }, { requiredKeys: [] }), (p) => {
      try {
        verifyConsistency(sha256, p as never);
      } catch (e) {
        assert.ok(isGongxinError(e), `threw ${String(e)}`);
      }
    }),
    { numRuns: 3000 },
  );
});

test('agrees with the RFC 9162 §2.1.4.2 loop on random proofs between sizes up to 2^53 - 1', () => {
  const size = fc.oneof(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 2, max: 2 ** 34 }), fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }));
  let accepted = 0;
  fc.assert(
    fc.property(size, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, 0, 0, 0, 1), fc.nat(255), (size2, frac, delta, seed) => {
      const size1 = Math.max(1, Math.min(size2 - 1, Math.floor(frac * size2)));
      const len = Math.max(0, rfcProofLength(BigInt(size1), BigInt(size2)) + delta);
      const proof = Array.from({ length: len }, (_, k) => sha256(Uint8Array.of(k, seed)));
      const seedRoot = sha256(Uint8Array.of(255, seed));
      const ref = rfcConsistencyRoots(BigInt(size1), BigInt(size2), seedRoot, proof);
      if (ref === undefined) {
        // Wrong length for these sizes: the RFC loop fails, and so must we, whatever the roots.
        assert.throws(() => verifyConsistency(sha256, { size1, size2, root1: seedRoot, root2: seedRoot, proof }), code('PROOF_WRONG_LENGTH'));
        return;
      }
      const [root1, root2] = ref;
      verifyConsistency(sha256, { size1, size2, root1, root2, proof });
      accepted++;
      const flipped = proof.map((h) => new Uint8Array(h));
      flipped[seed % flipped.length]![0]! ^= 1;
      const after = rfcConsistencyRoots(BigInt(size1), BigInt(size2), seedRoot, flipped);
      const stillValid = after !== undefined && equalBytes(after[0], root1) && equalBytes(after[1], root2);
      assert.equal(stillValid, false);
      assert.throws(() => verifyConsistency(sha256, { size1, size2, root1, root2, proof: flipped }), code('PROOF_ROOT_MISMATCH'));
    }),
    { numRuns: 4000 },
  );
  assert.ok(accepted > 1000, `only ${accepted} valid proofs were generated`);
});
