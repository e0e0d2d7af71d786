// Tests of verifyStateProof (docs/spec/state.md §Verification): proofs the tree makes verify; every mutation
// of a proof, of the claim or of the root is rejected with a typed STATE_ code.
import assert from 'node:assert/strict';
import { hash as nodeHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from '../bytes.js';
import { isGongxinError } from '../errors.js';
import type { HashFn } from '../suite.js';
import { createStateTree } from './tree.js';
import type { StateProof, StateTree } from './types.js';
import { verifyStateProof, type VerifyStateProofParams } from './verify.js';

const sha256: HashFn = (d) => new Uint8Array(nodeHash('sha256', d, 'buffer'));
const P = (prefix: string): Uint8Array => hexToBytes(prefix.padEnd(64, '0'));
const V = (n: number): Uint8Array => sha256(Uint8Array.of(n));
const flip = (b: Uint8Array, bit: number): Uint8Array => {
  const c = b.slice();
  c[(bit >> 3) % c.length]! ^= 0x80 >> (bit & 7);
  return c;
};
const codeOf = (f: () => void): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    assert.ok(isGongxinError(e), `not a GongxinError: ${String(e)}`);
    return e.code;
  }
};

/** a = 00.., c = 01.., b = 80..: root = node(node(a, c), b). */
function small(): StateTree {
  const t = createStateTree(sha256);
  t.applyBatch(0, [
    { path: P('00'), valueHash: V(1) },
    { path: P('40'), valueHash: V(3) },
    { path: P('80'), valueHash: V(2) },
  ]);
  return t;
}

test('inclusion, absence at an empty slot, absence beside another leaf', () => {
  const t = small();
  const root = t.root();
  const inc = t.proveAt(0, P('40'));
  assert.equal(inc.siblings.length, 2);
  assert.equal(bytesToHex(inc.leaf!.path), bytesToHex(P('40')));
  verifyStateProof(sha256, { root, path: P('40'), valueHash: V(3), proof: inc });
  // 0x20.. = 001.. shares its first two bits with a = 000.., the leaf at depth 2 where its walk ends.
  const beside = t.proveAt(0, P('20'));
  assert.equal(bytesToHex(beside.leaf!.path), bytesToHex(P('00')));
  verifyStateProof(sha256, { root, path: P('20'), valueHash: null, proof: beside });
  const empty = createStateTree(sha256);
  empty.applyBatch(0, [{ path: P('00'), valueHash: V(1) }, { path: P('40'), valueHash: V(3) }]);
  const hole = empty.proveAt(0, P('c0'));
  assert.equal(hole.leaf, null);
  assert.equal(hole.siblings.length, 1);
  verifyStateProof(sha256, { root: empty.root(), path: P('c0'), valueHash: null, proof: hole });
  // The empty tree: absence with no siblings; the one-leaf tree: the leaf is the root.
  const none = createStateTree(sha256, { version: 0 });
  verifyStateProof(sha256, { root: none.root(), path: P('12'), valueHash: null, proof: none.proveAt(0, P('12')) });
  const one = createStateTree(sha256);
  one.applyBatch(0, [{ path: P('12'), valueHash: V(7) }]);
  verifyStateProof(sha256, { root: one.root(), path: P('12'), valueHash: V(7), proof: one.proveAt(0, P('12')) });
  verifyStateProof(sha256, { root: one.root(), path: P('13'), valueHash: null, proof: one.proveAt(0, P('13')) });
});

test('wrong claims and bad arguments get their own codes', () => {
  const t = small();
  const root = t.root();
  const inc = t.proveAt(0, P('40'));
  const abs = t.proveAt(0, P('20'));
  const v = (p: Partial<VerifyStateProofParams>): string => codeOf(() => verifyStateProof(sha256, { root, path: P('40'), valueHash: V(3), proof: inc, ...p }));
  assert.equal(v({}), 'ok');
  assert.equal(v({ valueHash: V(4) }), 'STATE_PROOF_VALUE_MISMATCH');
  assert.equal(v({ valueHash: null }), 'STATE_PROOF_VALUE_MISMATCH');
  assert.equal(v({ path: P('20'), valueHash: V(1), proof: abs }), 'STATE_PROOF_VALUE_MISMATCH');
  assert.equal(v({ path: P('41') }), 'STATE_PROOF_PATH_MISMATCH');
  assert.equal(v({ root: flip(root, 9) }), 'STATE_PROOF_INVALID');
  assert.equal(v({ root: root.subarray(1) }), 'STATE_ROOT_INVALID');
  assert.equal(v({ path: new Uint8Array(3) }), 'STATE_PATH_INVALID');
  assert.equal(v({ valueHash: new Uint8Array(31) }), 'STATE_VALUE_HASH_INVALID');
  assert.equal(v({ proof: { ...inc, siblings: [...inc.siblings, new Uint8Array(31)] } }), 'STATE_PROOF_MALFORMED');
  assert.equal(v({ proof: { ...inc, siblings: Array.from({ length: 257 }, () => V(0)) } }), 'STATE_PROOF_MALFORMED');
  assert.equal(v({ proof: { ...inc, leaf: { path: P('40'), valueHash: new Uint8Array(1) } } }), 'STATE_PROOF_MALFORMED');
  assert.equal(v({ proof: null as unknown as StateProof }), 'STATE_PROOF_MALFORMED');
  // The checks before the root is recomputed say why (redundant with the root check, but clearer).
  const reason = (p: Partial<VerifyStateProofParams>): unknown => {
    try {
      verifyStateProof(sha256, { root, path: P('40'), valueHash: V(3), proof: inc, ...p });
    } catch (e) {
      return isGongxinError(e, 'STATE_PROOF_INVALID') ? e.details.reason : e;
    }
    return 'ok';
  };
  // An absence proof whose terminal leaf does not share the path's prefix.
  assert.equal(reason({ path: P('c0'), valueHash: null, proof: { ...abs, path: P('c0') } }), 'leaf-off-path');
  // Non-canonical: an empty sibling next to the terminal (that subtree would have been lifted).
  const lifted = { path: P('40'), leaf: inc.leaf, siblings: [new Uint8Array(32), ...inc.siblings] };
  assert.equal(reason({ proof: lifted }), 'not-canonical');
  assert.equal(reason({ root: flip(root, 200) }), 'root-mismatch');
});

/** Random trees of up to ~40 entries, paths clustered so that proofs get long. */
const pathArb = fc.oneof(
  fc.uint8Array({ minLength: 32, maxLength: 32 }),
  fc.tuple(fc.nat(7), fc.nat(255)).map(([a, b]) => P(((a << 5) | 3).toString(16).padStart(2, '0') + b.toString(16).padStart(2, '0'))),
);
const writesArb = fc.array(fc.record({ path: pathArb, valueHash: fc.nat(3).map(V) }), { minLength: 1, maxLength: 40 });

type Mutation = (p: VerifyStateProofParams, r: number) => VerifyStateProofParams;
const withProof = (p: VerifyStateProofParams, proof: Partial<StateProof>): VerifyStateProofParams => ({ ...p, proof: { ...p.proof, ...proof } });
const MUTATIONS: Record<string, Mutation> = {
  siblingBit: (p, r) => (p.proof.siblings.length === 0 ? { ...p, root: flip(p.root, r) } : withProof(p, { siblings: p.proof.siblings.map((s, i) => (i === r % p.proof.siblings.length ? flip(s, r) : s)) })),
  leafPathBit: (p, r) => (p.proof.leaf === null ? withProof(p, { leaf: { path: flip(p.path, r), valueHash: V(0) } }) : withProof(p, { leaf: { ...p.proof.leaf, path: flip(p.proof.leaf.path, r) } })),
  leafValueBit: (p, r) => (p.proof.leaf === null ? { ...p, root: flip(p.root, r) } : withProof(p, { leaf: { ...p.proof.leaf, valueHash: flip(p.proof.leaf.valueHash, r) } })),
  wrongValue: (p, r) => ({ ...p, valueHash: p.valueHash === null ? V(r % 4) : flip(p.valueHash, r) }),
  claimAbsent: (p, r) => (p.valueHash === null ? { ...p, valueHash: V(r % 4) } : { ...p, valueHash: null }),
  dropBottom: (p) => withProof(p, { siblings: p.proof.siblings.length === 0 ? [V(9)] : p.proof.siblings.slice(1) }),
  dropTop: (p) => withProof(p, { siblings: p.proof.siblings.length === 0 ? [V(9)] : p.proof.siblings.slice(0, -1) }),
  addBottom: (p, r) => withProof(p, { siblings: [r % 2 === 0 ? new Uint8Array(32) : V(r % 4), ...p.proof.siblings] }),
  addTop: (p, r) => withProof(p, { siblings: [...p.proof.siblings, r % 2 === 0 ? new Uint8Array(32) : V(r % 4)] }),
  otherPath: (p, r) => withProof(p, { path: flip(p.path, r) }),
  dropLeaf: (p, r) => (p.proof.leaf === null ? withProof(p, { leaf: { path: p.path, valueHash: V(r % 4) } }) : withProof(p, { leaf: null })),
  wrongRoot: (p, r) => ({ ...p, root: flip(p.root, r) }),
};

test('every mutated proof, claim or root is rejected with a STATE_ code', () => {
  fc.assert(
    fc.property(writesArb, pathArb, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(255), fc.boolean(), (writes, probe, name, r, useStored) => {
      const t = createStateTree(sha256);
      t.applyBatch(0, writes);
      const path = useStored ? writes[r % writes.length]!.path : probe;
      const ok: VerifyStateProofParams = { root: t.root(), path, valueHash: t.getAt(0, path), proof: t.proveAt(0, path) };
      verifyStateProof(sha256, ok);
      const code = codeOf(() => verifyStateProof(sha256, MUTATIONS[name]!(ok, r)));
      assert.match(code, /^STATE_PROOF_/, `${name} gave ${code}`);
    }),
  );
});

test("another path's proof passes exactly when it is the proof the tree gives for this path", () => {
  fc.assert(
    fc.property(writesArb, pathArb, pathArb, (writes, p, q) => {
      const t = createStateTree(sha256);
      t.applyBatch(0, writes);
      const borrowed = { ...t.proveAt(0, q), path: p };
      const code = codeOf(() => verifyStateProof(sha256, { root: t.root(), path: p, valueHash: t.getAt(0, p), proof: borrowed }));
      assert.equal(code === 'ok', equalProofs(borrowed, t.proveAt(0, p)), code);
    }),
  );
});

test('a proof from one version fails against another version whose root differs', () => {
  fc.assert(
    fc.property(writesArb, writesArb, pathArb, (w0, w1, path) => {
      const t = createStateTree(sha256);
      t.applyBatch(0, w0);
      t.applyBatch(1, w1);
      const proof = t.proveAt(0, path);
      const code = codeOf(() => verifyStateProof(sha256, { root: t.rootAt(1), path, valueHash: t.getAt(0, path), proof }));
      assert.equal(code === 'ok', bytesToHex(t.rootAt(0)) === bytesToHex(t.rootAt(1)), code);
    }),
  );
});

function equalProofs(a: StateProof, b: StateProof): boolean {
  const h = (p: StateProof): string => [p.leaf ? bytesToHex(p.leaf.path) + bytesToHex(p.leaf.valueHash) : '-', ...p.siblings.map(bytesToHex)].join(',');
  return h(a) === h(b);
}
