// Writes the state tree vectors of vectors/state/ (docs/spec/state.md §Test vectors): roots of fixed entry sets
// and batch sequences, inclusion and absence proofs with mutated negatives, for SHA-256 and SM3. Every root is
// cross-checked against a from-scratch reference before it is written. Run: npx tsx vectors/generate-state.ts
import { hash as nodeCryptoHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bytesToHex, utf8Encode } from '@gongxin/core';
import { decode, encode } from '@gongxin/core';
import { isGongxinError } from '@gongxin/core';
import { createStateTree, decodeStateProof, encodeStateProof, statePath, verifyStateProof } from '@gongxin/core';
import type { StateProof, StateTree, StateTreeWrite } from '@gongxin/core';
import type { HashFn } from '@gongxin/core';

export const STATE_VECTOR_DIR = join(dirname(fileURLToPath(import.meta.url)), 'state');
const SUITES: readonly { readonly name: string; readonly hash: HashFn }[] = [
  { name: 'sha256', hash: (d) => new Uint8Array(nodeCryptoHash('sha256', d, 'buffer')) },
  { name: 'sm3', hash: (d) => new Uint8Array(nodeCryptoHash('sm3', d, 'buffer')) },
];
const hex = bytesToHex;

/** A write in JSON: by entry (module, key, value) with its derived path and value hash, or by raw path. */
interface JsonWrite {
  module?: string;
  key?: string;
  value?: string | null;
  path: string;
  valueHash: string | null;
}
interface RootCase {
  desc: string;
  batches: JsonWrite[][];
  roots: string[];
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
  /** The proof's canonical encoding (absent when the proof has no encoding: more than 256 siblings). */
  proofCbor?: string;
  wantErr: boolean;
  errCode?: string;
}

/** The reference root: recomputed from scratch over the final entries, straight from the definition. */
function referenceRoot(hash: HashFn, entries: ReadonlyMap<string, string>): string {
  const bit = (p: string, i: number): number => (parseInt(p.slice(2 * (i >> 3), 2 * (i >> 3) + 2), 16) >> (7 - (i % 8))) & 1;
  const bytes = (h: string): number[] => Array.from({ length: h.length / 2 }, (_, i) => parseInt(h.slice(2 * i, 2 * i + 2), 16));
  const sub = (paths: string[], depth: number): number[] => {
    if (paths.length === 0) return new Array<number>(32).fill(0);
    if (paths.length === 1) return [...hash(Uint8Array.from([0, ...bytes(paths[0]!), ...bytes(entries.get(paths[0]!)!)]))];
    const l = sub(paths.filter((p) => bit(p, depth) === 0), depth + 1);
    const r = sub(paths.filter((p) => bit(p, depth) === 1), depth + 1);
    return [...hash(Uint8Array.from([1, ...l, ...r]))];
  };
  return hex(Uint8Array.from(sub([...entries.keys()], 0)));
}

const entryWrite = (hash: HashFn, module: string, key: string, value: string | null): JsonWrite => {
  const k = utf8Encode(key);
  const v = value === null ? null : utf8Encode(value);
  return { module, key: hex(k), value: v === null ? null : hex(v), path: hex(statePath(hash, module, k)), valueHash: v === null ? null : hex(hash(v)) };
};
const rawWrite = (path: string, valueHash: string | null): JsonWrite => ({ path: path.padEnd(64, '0'), valueHash });
const toWrites = (ws: readonly JsonWrite[]): StateTreeWrite[] =>
  ws.map((w) => ({ path: Uint8Array.from(Buffer.from(w.path, 'hex')), valueHash: w.valueHash === null ? null : Uint8Array.from(Buffer.from(w.valueHash, 'hex')) }));

function rootCase(hash: HashFn, desc: string, batches: JsonWrite[][]): RootCase {
  const tree = createStateTree(hash);
  const model = new Map<string, string>();
  const roots = batches.map((b, v) => {
    for (const w of b) {
      if (w.valueHash === null) model.delete(w.path);
      else model.set(w.path, w.valueHash);
    }
    const root = hex(tree.applyBatch(v, toWrites(b)));
    if (root !== referenceRoot(hash, model)) throw new Error(`${desc}: tree and reference disagree at batch ${v}`);
    return root;
  });
  return { desc, batches, roots };
}

function rootCases(hash: HashFn): RootCase[] {
  const e = (m: string, k: string, v: string | null): JsonWrite => entryWrite(hash, m, k, v);
  const hundred = Array.from({ length: 100 }, (_, i) => e(i % 3 === 0 ? 'identity' : 'charity', `key/${i}`, `value ${i}`));
  const v1 = hex(hash(utf8Encode('v1')));
  const v2 = hex(hash(utf8Encode('v2')));
  return [
    rootCase(hash, 'empty batch on the empty state: the zero root', [[]]),
    rootCase(hash, 'one entry: the root is its leaf hash', [[e('identity', 'member/org1', '{"name":"Org 1"}')]]),
    rootCase(hash, 'two entries', [[e('identity', 'member/org1', 'a'), e('identity', 'member/org2', 'b')]]),
    rootCase(hash, 'empty module name, empty key, empty value', [[e('', '', '')]]),
    rootCase(hash, '100 entries in one batch', [hundred]),
    rootCase(hash, 'the same 100 entries in 5 batches, reversed order: same final root', [0, 1, 2, 3, 4].map((b) => [...hundred].reverse().slice(b * 20, b * 20 + 20))),
    rootCase(hash, 'updates, deletes, last write wins, delete of an absent key, then delete all', [
      hundred.slice(0, 10),
      [e('charity', 'key/1', 'changed'), e('identity', 'key/0', null), e('charity', 'key/2', 'x'), e('charity', 'key/2', 'y'), e('charity', 'absent', null)],
      [e('charity', 'key/1', 'value 1'), e('identity', 'key/0', 'value 0'), e('charity', 'key/2', 'value 2')],
      hundred.slice(0, 10).map((w) => e(w.module!, Buffer.from(w.key!, 'hex').toString(), null)),
    ]),
    rootCase(hash, 'raw paths: siblings at depth 1 and 2', [[rawWrite('00', v1), rawWrite('40', v2), rawWrite('80', v1)]]),
    rootCase(hash, 'raw paths: a chain of 255 nodes (paths differ only in the last bit), then one deleted', [
      [rawWrite('00'.repeat(32), v1), rawWrite('00'.repeat(31) + '01', v2)],
      [rawWrite('00'.repeat(31) + '01', null)],
    ]),
    rootCase(hash, 'raw paths: all-ones and all-zeros', [[rawWrite('ff'.repeat(32), v1), rawWrite('00'.repeat(32), v2)]]),
  ];
}

const jsonProof = (p: StateProof): JsonProof => ({
  path: hex(p.path),
  leaf: p.leaf === null ? null : { path: hex(p.leaf.path), valueHash: hex(p.leaf.valueHash) },
  siblings: p.siblings.map(hex),
});
const flipHex = (h: string, byte: number): string => h.slice(0, 2 * byte) + (parseInt(h.slice(2 * byte, 2 * byte + 2), 16) ^ 0x01).toString(16).padStart(2, '0') + h.slice(2 * byte + 2);
const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
const parseProof = (p: JsonProof): StateProof => ({
  path: fromHex(p.path),
  leaf: p.leaf === null ? null : { path: fromHex(p.leaf.path), valueHash: fromHex(p.leaf.valueHash) },
  siblings: p.siblings.map(fromHex),
});

/** Runs our verifier on a case: the error code it gives, or undefined when it accepts. */
function verdict(hash: HashFn, c: Omit<ProofCase, 'wantErr' | 'errCode' | 'proofCbor'>): string | undefined {
  try {
    verifyStateProof(hash, { root: fromHex(c.root), path: fromHex(c.path), valueHash: c.valueHash === null ? null : fromHex(c.valueHash), proof: parseProof(c.proof) });
    return undefined;
  } catch (e) {
    if (!isGongxinError(e)) throw e;
    return e.code;
  }
}

/** Negatives: all kinds, a few (for long proofs: they are big), or none. */
type Negatives = 'all' | 'few' | 'none';
const FEW = ['wrong root', 'sibling 0 bit flip', 'empty sibling added at the top'];

function proofCases(hash: HashFn, tree: StateTree, label: string, paths: readonly Uint8Array[], negatives: Negatives): ProofCase[] {
  const out: ProofCase[] = [];
  for (const path of paths) {
    const proof = tree.proveAt(tree.version, path);
    const value = tree.getAt(tree.version, path);
    const kind = value !== null ? 'inclusion' : proof.leaf === null ? 'absence (empty slot)' : 'absence (another leaf)';
    const base = { desc: `${label}: ${kind}, depth ${proof.siblings.length}`, root: hex(tree.root()), path: hex(path), valueHash: value === null ? null : hex(value), proof: jsonProof(proof) };
    let all = [base];
    if (negatives !== 'none') {
      const p = base.proof;
      const withSiblings = (siblings: string[]): JsonProof => ({ ...p, siblings });
      all.push({ ...base, desc: `${base.desc}, wrong root`, root: flipHex(base.root, 31) });
      all.push({ ...base, desc: `${base.desc}, claimed ${value === null ? 'present' : 'absent'}`, valueHash: value === null ? hex(hash(Uint8Array.of(1))) : null });
      if (value !== null) all.push({ ...base, desc: `${base.desc}, wrong value hash`, valueHash: flipHex(base.valueHash!, 0) });
      if (p.siblings.length > 0) {
        all.push({ ...base, desc: `${base.desc}, sibling 0 bit flip`, proof: withSiblings([flipHex(p.siblings[0]!, 5), ...p.siblings.slice(1)]) });
        all.push({ ...base, desc: `${base.desc}, top sibling dropped`, proof: withSiblings(p.siblings.slice(0, -1)) });
        all.push({ ...base, desc: `${base.desc}, bottom sibling dropped`, proof: withSiblings(p.siblings.slice(1)) });
      }
      all.push({ ...base, desc: `${base.desc}, empty sibling added at the bottom`, proof: withSiblings(['00'.repeat(32), ...p.siblings]) });
      all.push({ ...base, desc: `${base.desc}, empty sibling added at the top`, proof: withSiblings([...p.siblings, '00'.repeat(32)]) });
      all.push({ ...base, desc: `${base.desc}, proof about another path`, proof: { ...p, path: flipHex(p.path, 31) } });
      if (p.leaf !== null) all.push({ ...base, desc: `${base.desc}, leaf path bit flip`, proof: { ...p, leaf: { ...p.leaf, path: flipHex(p.leaf.path, 31) } } });
      if (negatives === 'few') all = all.filter((c) => c === base || FEW.some((f) => c.desc.endsWith(f)));
    }
    for (const c of all) {
      const err = verdict(hash, c);
      const wantErr = c !== base;
      if ((err !== undefined) !== wantErr) throw new Error(`${c.desc}: verifier gave ${err ?? 'ok'}`);
      const cbor = c.proof.siblings.length <= 256 ? { proofCbor: hex(encode(encodeStateProof(parseProof(c.proof)))) } : {};
      out.push({ ...c, ...cbor, wantErr, ...(err === undefined ? {} : { errCode: err }) });
    }
  }
  return out;
}

/** Canonical-encoding negatives: well-formed CBOR that is not a canonical proof. */
function codecCases(hash: HashFn, tree: StateTree, path: Uint8Array): { desc: string; proofCbor: string; errCode: string }[] {
  const good = encodeStateProof(tree.proveAt(tree.version, path)) as { path: Uint8Array; leaf: unknown; depth: number; bitmap: Uint8Array; siblings: Uint8Array[] };
  const bad = (desc: string, v: Record<string, unknown>): { desc: string; proofCbor: string; errCode: string } => ({
    desc,
    proofCbor: hex(encode({ ...good, ...v } as Parameters<typeof encode>[0])),
    errCode: 'STATE_PROOF_MALFORMED',
  });
  if (good.depth % 8 === 0) throw new Error('codec probe needs a depth that is not a multiple of 8');
  const padded = good.bitmap.slice();
  padded[good.depth >> 3]! |= 0x80 >> (good.depth % 8); // the first padding bit
  const cases = [
    bad('bitmap padding bit set', { bitmap: padded }),
    bad('a listed sibling is all zeros', { siblings: [new Uint8Array(32), ...good.siblings.slice(1)] }),
    bad('one more listed sibling than bits set', { siblings: [...good.siblings, hash(Uint8Array.of(7))] }),
    bad('depth beyond 256', { depth: 257, bitmap: new Uint8Array(33) }),
    bad('unknown key', { extra: 0 }),
    { desc: 'trailing byte after the proof', proofCbor: hex(encode(good as Parameters<typeof encode>[0])) + '00', errCode: 'ENCODING_TRAILING_BYTES' },
  ];
  for (const c of cases) {
    try {
      decodeStateProof(decode(Uint8Array.from(Buffer.from(c.proofCbor, 'hex'))));
    } catch (e) {
      if (isGongxinError(e, c.errCode)) continue;
    }
    throw new Error(`codec case "${c.desc}" is not rejected with ${c.errCode}`);
  }
  return cases;
}

/** Every vector file: name → JSON text. */
export function stateVectorFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { name, hash } of SUITES) {
    const about = `State tree vectors (docs/spec/state.md), hash ${name}. Hex strings; value null = delete.`;
    const roots = rootCases(hash);
    files.set(`roots-${name}.json`, JSON.stringify({ about, hash: name, cases: roots }, null, 1) + '\n');
    const tree = createStateTree(hash);
    const entries = Array.from({ length: 64 }, (_, i) => entryWrite(hash, 'vectors', `entry/${i}`, `value ${i}`));
    tree.applyBatch(0, toWrites(entries));
    const absent = Array.from({ length: 24 }, (_, i) => statePath(hash, 'vectors', utf8Encode(`absent/${i}`)));
    const probes = [...toWrites(entries.slice(0, 4)).map((w) => w.path), ...absent];
    // Keep the first absent path of each kind (empty slot, another leaf), so both appear.
    const kinds = new Set<string>();
    const chosen = probes.filter((p) => {
      const proof = tree.proveAt(0, p);
      const k = tree.getAt(0, p) !== null ? `in${hex(p)}` : proof.leaf === null ? 'empty' : 'leaf';
      if (kinds.has(k)) return false;
      kinds.add(k);
      return true;
    });
    if (!kinds.has('empty') || !kinds.has('leaf')) throw new Error('no probe of each absence kind: add more');
    const chain = createStateTree(hash);
    chain.applyBatch(0, toWrites([rawWrite('00'.repeat(32), hex(hash(Uint8Array.of(1)))), rawWrite('00'.repeat(31) + '01', hex(hash(Uint8Array.of(2)))), rawWrite('80', hex(hash(Uint8Array.of(3))))]));
    const one = createStateTree(hash);
    one.applyBatch(0, toWrites([entries[0]!]));
    const none = createStateTree(hash, { version: 0 });
    const more: Negatives = name === 'sha256' ? 'all' : 'none';
    const proofs = [
      ...proofCases(hash, tree, '64 entries', chosen, 'all'),
      ...proofCases(hash, chain, 'deep chain', [fromHex('00'.repeat(32)), fromHex('00'.repeat(30) + '0100'), fromHex('c0'.padEnd(64, '0'))], more === 'all' ? 'few' : 'none'),
      ...proofCases(hash, one, 'one entry', [fromHex(entries[0]!.path), fromHex(entries[1]!.path)], more),
      ...proofCases(hash, none, 'empty state', [fromHex(entries[0]!.path)], more),
    ];
    const codecProbe = probes.find((p) => tree.proveAt(0, p).siblings.length % 8 !== 0)!;
    const codec = codecCases(hash, tree, codecProbe);
    files.set(`proofs-${name}.json`, JSON.stringify({ about, hash: name, cases: proofs, codecCases: codec }, null, 1) + '\n');
  }
  return files;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(STATE_VECTOR_DIR, { recursive: true });
  const files = stateVectorFiles();
  for (const [name, text] of files) writeFileSync(join(STATE_VECTOR_DIR, name), text);
  console.log(`wrote ${files.size} vector files under ${STATE_VECTOR_DIR}`);
}
