// Writes the Merkle proof vectors of vectors/merkle/ (docs/spec/merkle.md §Test vectors): RFC 9162 inclusion and
// consistency cases over fixed leaves, for SHA-256 (inclusion/, consistency/) and SM3 (sm3/...), each with
// mutated negatives. Same JSON shape as vectors/merkle/rfc9162 (transparency-dev/merkle). Run: npx tsx vectors/generate-merkle.ts
import { hash as nodeCryptoHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from '@gongxin/core';
import type { HashFn } from '@gongxin/core';

/** Leaf i's data: the ASCII bytes of `leaf-<i>` (decimal). Leaf hash = H(0x00 ‖ data). */
export const leafData = (i: number): Uint8Array => new TextEncoder().encode(`leaf-${i}`);
/** Suites and the folder each one's vectors go to (relative to vectors/merkle). */
export const SUITES: readonly { readonly name: string; readonly folder: string; readonly hash: HashFn }[] = [
  { name: 'sha256', folder: '', hash: (d) => new Uint8Array(nodeCryptoHash('sha256', d, 'buffer')) },
  { name: 'sm3', folder: 'sm3', hash: (d) => new Uint8Array(nodeCryptoHash('sm3', d, 'buffer')) },
];
const INCLUSION: readonly [number, number][] = [[0, 1], [1, 2], [2, 3], [6, 7], [3, 8], [5, 13], [16, 17], [40, 100]];
const CONSISTENCY: readonly [number, number][] = [[2, 2], [1, 2], [2, 3], [3, 7], [4, 8], [6, 8], [16, 17], [37, 100]];

interface InclusionCase { leafIdx: number; treeSize: number; root: Uint8Array; leafHash: Uint8Array; proof: Uint8Array[]; desc: string; wantErr: boolean }
interface ConsistencyCase { size1: number; size2: number; root1: Uint8Array; root2: Uint8Array; proof: Uint8Array[]; desc: string; wantErr: boolean }

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const flipped = (b: Uint8Array): Uint8Array => {
  const c = new Uint8Array(b);
  c[0]! ^= 0x08;
  return c;
};
const slug = (desc: string): string => desc.replace(/ /g, '-');
const fails = (f: () => void): boolean => {
  try {
    f();
    return false;
  } catch {
    return true;
  }
};

function inclusionCases(hash: HashFn, leaves: readonly Uint8Array[], index: number, size: number): InclusionCase[] {
  const root = merkleRoot(hash, leaves.slice(0, size));
  const proof = inclusionProof(hash, leaves.slice(0, size), index);
  const base: InclusionCase = { leafIdx: index, treeSize: size, root, leafHash: leaves[index]!, proof, desc: 'happy path', wantErr: false };
  const bad: InclusionCase[] = [
    { ...base, desc: 'leafIdx plus 1', leafIdx: index + 1 },
    { ...base, desc: 'leafIdx sub 1', leafIdx: index - 1 },
    { ...base, desc: 'treeSize plus 1', treeSize: size + 1 },
    { ...base, desc: 'treeSize mul 2', treeSize: size * 2 },
    { ...base, desc: 'treeSize sub 1', treeSize: size - 1 },
    { ...base, desc: 'wrong leaf', leafHash: flipped(base.leafHash) },
    { ...base, desc: 'wrong root', root: flipped(root) },
    { ...base, desc: 'extra element', proof: [...proof, root] },
    { ...base, desc: 'preceding element', proof: [leaves[index]!, ...proof] },
  ];
  if (proof.length > 0) {
    bad.push({ ...base, desc: 'missing element', proof: proof.slice(0, -1) });
    for (const k of new Set([0, proof.length - 1])) bad.push({ ...base, desc: `modified proof[${k}] bit 3`, proof: proof.map((p, i) => (i === k ? flipped(p) : p)) });
  }
  if (proof.length > 1) bad.push({ ...base, desc: 'swapped elements', proof: [proof[1]!, proof[0]!, ...proof.slice(2)] });
  assertOutcome(() => verifyInclusion(hash, { ...base, leafIndex: index }), false, base.desc);
  return [base, ...keepFailing(`inclusion ${index} of ${size}`, bad, (c) => () => verifyInclusion(hash, { ...c, leafIndex: c.leafIdx }))];
}

function consistencyCases(hash: HashFn, leaves: readonly Uint8Array[], size1: number, size2: number): ConsistencyCase[] {
  const root1 = merkleRoot(hash, leaves.slice(0, size1));
  const root2 = merkleRoot(hash, leaves.slice(0, size2));
  const proof = consistencyProof(hash, leaves, size1, size2);
  const base: ConsistencyCase = { size1, size2, root1, root2, proof, desc: 'happy path', wantErr: false };
  const bad: ConsistencyCase[] = [
    { ...base, desc: 'size1 plus 1', size1: size1 + 1 },
    { ...base, desc: 'size1 sub 1', size1: size1 - 1 },
    { ...base, desc: 'size2 plus 1', size2: size2 + 1 },
    { ...base, desc: 'size2 sub 1', size2: size2 - 1 },
    { ...base, desc: 'wrong root1', root1: flipped(root1) },
    { ...base, desc: 'wrong root2', root2: flipped(root2) },
    { ...base, desc: 'extra element', proof: [...proof, root2] },
    { ...base, desc: 'preceding element', proof: [root1, ...proof] },
  ];
  if (size1 !== size2) bad.push({ ...base, desc: 'swapped roots', root1: root2, root2: root1 });
  if (proof.length > 0) {
    bad.push({ ...base, desc: 'missing element', proof: proof.slice(0, -1) });
    bad.push({ ...base, desc: 'empty proof', proof: [] });
    for (const k of new Set([0, proof.length - 1])) bad.push({ ...base, desc: `modified proof[${k}] bit 3`, proof: proof.map((p, i) => (i === k ? flipped(p) : p)) });
  }
  assertOutcome(() => verifyConsistency(hash, base), false, base.desc);
  return [base, ...keepFailing(`consistency ${size1} to ${size2}`, bad, (c) => () => verifyConsistency(hash, c))];
}

function assertOutcome(f: () => void, wantErr: boolean, desc: string): void {
  if (fails(f) !== wantErr) throw new Error(`generator bug: "${desc}" should ${wantErr ? 'fail' : 'verify'}`);
}

/** A mutation that still verifies is a real proof for other parameters (RFC 9162 allows that for some sizes): drop it, say so. */
function keepFailing<T extends { desc: string; wantErr: boolean }>(label: string, cases: T[], run: (c: T) => () => void): T[] {
  const out: T[] = [];
  for (const c of cases) {
    if (fails(run(c))) out.push({ ...c, wantErr: true });
    else log.push(`${label}: skipped "${c.desc}", it is a valid proof too`);
  }
  return out;
}
const log: string[] = [];

const toJson = (c: InclusionCase | ConsistencyCase): string => {
  const enc = (v: unknown): unknown => (v instanceof Uint8Array ? b64(v) : Array.isArray(v) ? v.map(enc) : v);
  const ordered = 'leafIdx' in c
    ? { leafIdx: c.leafIdx, treeSize: c.treeSize, root: c.root, leafHash: c.leafHash, proof: c.proof, desc: c.desc, wantErr: c.wantErr }
    : { size1: c.size1, size2: c.size2, root1: c.root1, root2: c.root2, proof: c.proof, desc: c.desc, wantErr: c.wantErr };
  return `${JSON.stringify(Object.fromEntries(Object.entries(ordered).map(([k, v]) => [k, enc(v)])), null, 2)}\n`;
};

/** Every vector file, as path (relative to vectors/merkle) → contents. Deterministic. */
export function merkleVectorFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const suite of SUITES) {
    const leaves = Array.from({ length: 100 }, (_, i) => leafHash(suite.hash, leafData(i)));
    for (const [index, size] of INCLUSION) {
      for (const c of inclusionCases(suite.hash, leaves, index, size)) files.set(join(suite.folder, 'inclusion', `${index}-of-${size}`, `${slug(c.desc)}.json`), toJson(c));
    }
    for (const [size1, size2] of CONSISTENCY) {
      for (const c of consistencyCases(suite.hash, leaves, size1, size2)) files.set(join(suite.folder, 'consistency', `${size1}-to-${size2}`, `${slug(c.desc)}.json`), toJson(c));
    }
  }
  return files;
}

/** Folder of the generated vectors. */
export const MERKLE_VECTOR_DIR = join(dirname(fileURLToPath(import.meta.url)), 'merkle');

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = merkleVectorFiles();
  for (const d of ['inclusion', 'consistency', 'sm3']) rmSync(join(MERKLE_VECTOR_DIR, d), { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(MERKLE_VECTOR_DIR, path)), { recursive: true });
    writeFileSync(join(MERKLE_VECTOR_DIR, path), text);
  }
  for (const line of new Set(log)) console.log(line);
  console.log(`wrote ${files.size} vector files under ${MERKLE_VECTOR_DIR} (rfc9162/ is copied, not generated)`);
}
