// Runs the state tree vectors of vectors/state/ (docs/spec/state.md §Test vectors) through core: entry paths and
// value hashes, roots after each batch (incremental and rebuilt), proofs and their canonical encodings.
import assert from 'node:assert/strict';
import { hash as nodeCryptoHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bytesToHex, hexToBytes } from '@gongxin/core';
import { decode } from '@gongxin/core';
import { isGongxinError } from '@gongxin/core';
import {
  createStateTree,
  createStateTreeFromLeaves,
  decodeStateProof,
  statePath,
  verifyStateProof,
} from '@gongxin/core';
import type { StateProof } from '@gongxin/core';
import type { HashFn } from '@gongxin/core';

const HASHES: Record<string, HashFn> = {
  sha256: (d) => new Uint8Array(nodeCryptoHash('sha256', d, 'buffer')),
  sm3: (d) => new Uint8Array(nodeCryptoHash('sm3', d, 'buffer')),
};

interface JsonWrite {
  module?: string;
  key?: string;
  value?: string | null;
  path: string;
  valueHash: string | null;
}
interface JsonProof {
  path: string;
  leaf: { path: string; valueHash: string } | null;
  siblings: string[];
}
interface ProofCase {
  desc: string;
  root: string;
  path: string;
  valueHash: string | null;
  proof: JsonProof;
  proofCbor?: string;
  wantErr: boolean;
  errCode?: string;
}
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./state/${name}`, import.meta.url), 'utf8')) as T;
const parseProof = (p: JsonProof): StateProof => ({
  path: hexToBytes(p.path),
  leaf: p.leaf === null ? null : { path: hexToBytes(p.leaf.path), valueHash: hexToBytes(p.leaf.valueHash) },
  siblings: p.siblings.map(hexToBytes),
});
const proofHex = (p: StateProof): JsonProof => ({
  path: bytesToHex(p.path),
  leaf: p.leaf === null ? null : { path: bytesToHex(p.leaf.path), valueHash: bytesToHex(p.leaf.valueHash) },
  siblings: p.siblings.map(bytesToHex),
});

for (const suite of ['sha256', 'sm3']) {
  const hash = HASHES[suite]!;

  test(`state vectors (${suite}): entry paths, value hashes and the root after every batch`, () => {
    const file = read<{ hash: string; cases: { desc: string; batches: JsonWrite[][]; roots: string[] }[] }>(`roots-${suite}.json`);
    assert.equal(file.hash, suite);
    assert.ok(file.cases.length >= 10);
    for (const c of file.cases) {
      const tree = createStateTree(hash);
      const entries = new Map<string, string>();
      assert.equal(c.batches.length, c.roots.length, c.desc);
      c.batches.forEach((batch, v) => {
        for (const w of batch) {
          if (w.module !== undefined) {
            assert.equal(bytesToHex(statePath(hash, w.module, hexToBytes(w.key!))), w.path, `${c.desc}: path of ${w.module}/${w.key}`);
            assert.equal(w.value === null ? null : bytesToHex(hash(hexToBytes(w.value!))), w.valueHash, `${c.desc}: value hash`);
          }
          if (w.valueHash === null) entries.delete(w.path);
          else entries.set(w.path, w.valueHash);
        }
        const writes = batch.map((w) => ({ path: hexToBytes(w.path), valueHash: w.valueHash === null ? null : hexToBytes(w.valueHash) }));
        assert.equal(bytesToHex(tree.applyBatch(v, writes)), c.roots[v], `${c.desc}: root after batch ${v}`);
      });
      const leaves = [...entries].map(([p, h]) => ({ path: hexToBytes(p), valueHash: hexToBytes(h) }));
      assert.equal(bytesToHex(createStateTreeFromLeaves(hash, leaves).root()), c.roots.at(-1), `${c.desc}: rebuilt from its entries`);
    }
  });

  test(`state vectors (${suite}): proofs verify or fail as wantErr says; encodings decode to the same proof`, () => {
    const file = read<{ hash: string; cases: ProofCase[]; codecCases: { desc: string; proofCbor: string; errCode: string }[] }>(`proofs-${suite}.json`);
    assert.equal(file.hash, suite);
    assert.ok(file.cases.filter((c) => !c.wantErr).length >= 8);
    assert.ok(file.cases.filter((c) => c.wantErr).length >= 50);
    const kinds = new Set(file.cases.map((c) => /: (inclusion|absence \(empty slot\)|absence \(another leaf\))/.exec(c.desc)?.[1]));
    assert.deepEqual([...kinds].sort(), ['absence (another leaf)', 'absence (empty slot)', 'inclusion']);
    for (const c of file.cases) {
      const proof = parseProof(c.proof);
      let code: string | undefined;
      try {
        verifyStateProof(hash, { root: hexToBytes(c.root), path: hexToBytes(c.path), valueHash: c.valueHash === null ? null : hexToBytes(c.valueHash), proof });
      } catch (e) {
        assert.ok(isGongxinError(e), `${c.desc}: ${String(e)}`);
        code = e.code;
      }
      assert.equal(code !== undefined, c.wantErr, `${c.desc}: got ${code ?? 'ok'}`);
      assert.equal(code, c.errCode, c.desc);
      if (c.proofCbor !== undefined) assert.deepEqual(proofHex(decodeStateProof(decode(hexToBytes(c.proofCbor)))), c.proof, `${c.desc}: proofCbor`);
      else assert.ok(c.proof.siblings.length > 256, `${c.desc}: only an over-long proof has no encoding`);
    }
    assert.ok(file.codecCases.length >= 5);
    for (const c of file.codecCases) {
      assert.throws(() => decodeStateProof(decode(hexToBytes(c.proofCbor))), (e: unknown) => isGongxinError(e, c.errCode), c.desc);
    }
  });
}
