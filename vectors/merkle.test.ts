// Runs every Merkle proof vector under vectors/merkle/ through the core verifiers (docs/spec/merkle.md §Test
// vectors): rfc9162/ (copied from transparency-dev/merkle), our generated SHA-256 cases, and the sm3/ cases.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { isGongxinError } from '@gongxin/core';
import { verifyConsistency, verifyInclusion } from '@gongxin/core';
import type { HashFn } from '@gongxin/core';
import { MERKLE_VECTOR_DIR, merkleVectorFiles } from './generate-merkle.js';

const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);
const sha256: HashFn = (d) => plain(nodeCryptoHash('sha256', d, 'buffer'));
const sm3: HashFn = (d) => plain(nodeCryptoHash('sm3', d, 'buffer'));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

const bytes = (v: unknown): unknown => (typeof v === 'string' ? plain(Buffer.from(v, 'base64')) : v);
const proofOf = (v: unknown): unknown => (v === null ? [] : Array.isArray(v) ? v.map(bytes) : v);

/** Runs one vector file; returns undefined when it behaved as wantErr says, else a description of the failure. */
function check(file: string): string | undefined {
  const rel = relative(MERKLE_VECTOR_DIR, file);
  const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const hash = rel.split(sep).includes('sm3') ? sm3 : sha256;
  const kind = rel.split(sep).includes('inclusion') ? 'inclusion' : 'consistency';
  assert.equal(typeof v.wantErr, 'boolean', `${rel}: wantErr`);
  let error: unknown;
  try {
    if (kind === 'inclusion') {
      verifyInclusion(hash, { leafIndex: v.leafIdx, treeSize: v.treeSize, leafHash: bytes(v.leafHash), proof: proofOf(v.proof), root: bytes(v.root) } as never);
    } else {
      verifyConsistency(hash, { size1: v.size1, size2: v.size2, root1: bytes(v.root1), root2: bytes(v.root2), proof: proofOf(v.proof) } as never);
    }
  } catch (e) {
    if (!isGongxinError(e)) return `${rel}: threw a non-Gongxin error: ${String(e)}`;
    error = e;
  }
  if (v.wantErr === true && error === undefined) return `${rel}: accepted, but wantErr is true (${String(v.desc)})`;
  if (v.wantErr === false && error !== undefined) return `${rel}: rejected (${String(error)}), but wantErr is false`;
  return undefined;
}

const groups: readonly [string, string, number][] = [
  ['RFC 9162 vectors (transparency-dev/merkle)', 'rfc9162', 196],
  ['generated SHA-256 inclusion vectors', 'inclusion', 80],
  ['generated SHA-256 consistency vectors', 'consistency', 90],
  ['generated SM3 vectors', 'sm3', 180],
];

for (const [name, folder, atLeast] of groups) {
  test(`${name}: every case is accepted or rejected as wantErr says`, () => {
    const files = walk(join(MERKLE_VECTOR_DIR, folder));
    assert.ok(files.length >= atLeast, `${files.length} files in ${folder}/, expected at least ${atLeast}`);
    if (folder === 'rfc9162') assert.equal(files.length, 196, 'the RFC 9162 set has 196 cases');
    let positives = 0;
    for (const f of files) if ((JSON.parse(readFileSync(f, 'utf8')) as { wantErr: boolean }).wantErr === false) positives++;
    assert.ok(positives > 0 && positives < files.length, `${folder}/ needs both positive and negative cases`);
    const failures = files.map(check).filter((x) => x !== undefined);
    assert.deepEqual(failures, []);
  });
}

test('SHA-256 vectors do not verify with SM3, nor SM3 vectors with SHA-256', () => {
  for (const [folder, other] of [['inclusion', sm3], [join('sm3', 'inclusion'), sha256]] as const) {
    for (const f of walk(join(MERKLE_VECTOR_DIR, folder)).filter((x) => x.endsWith('happy-path.json'))) {
      const v = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
      const proof = proofOf(v.proof) as Uint8Array[];
      if (proof.length === 0) continue; // one leaf: nothing is hashed
      assert.throws(
        () => verifyInclusion(other, { leafIndex: v.leafIdx as number, treeSize: v.treeSize as number, leafHash: bytes(v.leafHash) as Uint8Array, proof, root: bytes(v.root) as Uint8Array }),
        (e) => isGongxinError(e, 'PROOF_ROOT_MISMATCH'),
        f,
      );
    }
  }
});

test('the generated vectors on disk are exactly what vectors/generate-merkle.ts produces', () => {
  const want = merkleVectorFiles();
  const onDisk = ['inclusion', 'consistency', 'sm3'].flatMap((d) => walk(join(MERKLE_VECTOR_DIR, d))).map((f) => relative(MERKLE_VECTOR_DIR, f));
  assert.deepEqual(onDisk.sort(), [...want.keys()].sort(), 'file list differs: run npx tsx vectors/generate-merkle.ts and read the diff');
  for (const rel of onDisk) assert.equal(readFileSync(join(MERKLE_VECTOR_DIR, rel), 'utf8'), want.get(rel), `${rel} differs from the generator's output`);
});
