// verifyBundle on bundles built from an in-memory chain (testkit + notary, node's buildBundle): every input form,
// present/absent entries, txs in old and head blocks, both suites; every single-bit flip of the CBOR is rejected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, concatBytes, decode, encode, equalBytes, ROLE_PUBLIC, type Caller, type SuiteId, type Value } from '@gongxin/core';
import { notaryModule } from '@gongxin/modules';
import { buildBundle, bundleFileJson } from '@gongxin/node';
import { createTestChain, fixtureSigner } from '@gongxin/testkit';
import { ProofError } from '../errors.js';
import { bundleFromQrText, bundleFromValue, bundleToQrText } from './format.js';
import { bundleBytes, verifyBundle } from './verify-bundle.js';

const publicResolver = (_r: unknown, publicKey: Uint8Array): Caller => ({ publicKey, publicKeyHex: bytesToHex(publicKey), org: null, roles: [ROLE_PUBLIC] });
const isProofError = (reason?: string) => (e: unknown) => e instanceof ProofError && (reason === undefined || e.reason === reason);

function chainWithAnchors(suite: SuiteId) {
  const chain = createTestChain({ suite, modules: [notaryModule], resolveCaller: publicResolver });
  const signer = fixtureSigner('alice', suite);
  const anchors: { digest: string; txId: string; height: number }[] = [];
  for (let h = 1; h <= 6; h++) {
    const txs = Array.from({ length: h }, (_, i) => chain.tx({ module: 'notary', command: 'anchor', args: { digest: bytesToHex(chain.suite.hash(encode(`${h}-${i}`))) }, signer }));
    const r = chain.block(txs);
    r.txs.forEach((t, i) => anchors.push({ digest: bytesToHex(chain.suite.hash(encode(`${h}-${i}`))), txId: bytesToHex(t.id), height: h }));
  }
  return { chain, anchors };
}

function anchorBundle(chain: ReturnType<typeof chainWithAnchors>['chain'], a: { digest: string; txId: string }): Value {
  return buildBundle(chain, { kind: 'anchor', id: `${a.digest}/${a.txId}`, keys: [{ module: 'notary', key: `anchor/${a.digest}/${a.txId}` }], txIds: [a.txId] });
}

for (const suite of ['ed25519-sha256', 'sm2-sm3'] as const) {
  test(`${suite}: a bundle verifies in every form and says what it proves`, () => {
    const { chain, anchors } = chainWithAnchors(suite);
    const a = anchors[4]!; // block 3, tx 1
    const value = anchorBundle(chain, a);
    const cbor = encode(value);
    const v = verifyBundle(cbor);
    assert.equal(v.kind, 'anchor');
    assert.equal(v.anchorHeight, 6);
    assert.ok(equalBytes(v.anchorHeaderHash, chain.head().hash));
    assert.equal(v.entries.length, 1);
    assert.equal((v.entries[0]!.value as { digest: string }).digest, a.digest);
    assert.deepEqual(v.txs.map((t) => [bytesToHex(t.txId), t.height, t.index, t.receipt.ok]), [[a.txId, 3, 1, true]]);
    assert.equal(v.txs[0]!.time, chain.store.getHeader(3)!.header.timestamp);
    const json = JSON.parse(JSON.stringify(bundleFileJson(value, suite))) as { proof: unknown };
    for (const input of [json, json.proof, JSON.stringify(json), bundleToQrText(cbor), value]) {
      assert.deepEqual(verifyBundle(input), v);
    }
    assert.deepEqual(bundleBytes(json), cbor);
    assert.deepEqual(bundleFromQrText(bundleToQrText(cbor)), cbor);
    for (const n of [0, 1, 2, 3, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 255) & 0xff);
      assert.deepEqual(bundleFromQrText(bundleToQrText(bytes)), bytes);
    }
    assert.equal(bundleToQrText(new TextEncoder().encode('ietf!')), 'GX1:QED8WEX0', 'RFC 9285 example');
    assert.match(bundleToQrText(cbor), /^GX1:[0-9A-Z $%*+\-./:]+$/);
    assert.ok(verifyBundle(cbor, { trustedHeaderHash: chain.head().hash }).trusted);
    assert.equal(verifyBundle(cbor, { trustedHeaderHash: bytesToHex(chain.store.getHeader(3)!.hash) }).trusted?.height, 3);
    assert.throws(() => verifyBundle(cbor, { trustedHeaderHash: chain.store.getHeader(2)!.hash }), isProofError('TRUSTED_HEADER_MISMATCH'));
    assert.throws(() => verifyBundle(cbor, { suite: suite === 'sm2-sm3' ? 'ed25519-sha256' : 'sm2-sm3' }), isProofError('SUITE_MISMATCH'));
  });
}

test('absent entries, several txs, a tx in the anchor block (no history path), failed receipts', () => {
  const { chain, anchors } = chainWithAnchors('ed25519-sha256');
  const signer = fixtureSigner('bob');
  const bad = chain.tx({ module: 'notary', command: 'anchor', args: { digest: 'nope' }, signer });
  const r = chain.block([bad]);
  const ids = [anchors[0]!.txId, anchors[20]!.txId, bytesToHex(r.txs[0]!.id)];
  const value = buildBundle(chain, { kind: 'test', id: 'x', keys: [{ module: 'notary', key: 'anchor/none' }, { module: 'other', key: '' }], txIds: [...ids].reverse() });
  const b = bundleFromValue(value);
  assert.equal(b.txs[2]!.historyPath, undefined);
  assert.equal(b.txs[0]!.historyPath?.length, 3);
  const v = verifyBundle(value);
  assert.deepEqual(v.entries.map((e) => [e.found, e.value]), [[false, null], [false, null]]);
  assert.deepEqual(v.txs.map((t) => bytesToHex(t.txId)), ids, 'sorted by height');
  assert.deepEqual(v.txs.map((t) => t.receipt.code), ['', '', 'TX_INVALID_ARGS']);
});

function flip(bytes: Uint8Array, i: number, mask = 1): Uint8Array {
  const c = bytes.slice();
  c[i] = c[i]! ^ mask;
  return c;
}

/** Byte ranges of the labels the bundle does not prove (kind, id, genesisHash: docs/spec/bundles.md §Trust). */
function labelRanges(cbor: Uint8Array, value: Record<string, Value>): [number, number][] {
  return (['kind', 'id', 'genesisHash'] as const).map((k) => {
    const needle = concatBytes(encode(k), encode(value[k]!));
    for (let i = 0; i + needle.length <= cbor.length; i++) {
      if (equalBytes(cbor.subarray(i, i + needle.length), needle)) return [i + encode(k).length, i + needle.length];
    }
    throw new Error(`no ${k}`);
  });
}

test('every single-bit flip of the CBOR outside the labels is rejected with a ProofError', () => {
  const { chain, anchors } = chainWithAnchors('ed25519-sha256');
  const value = buildBundle(chain, { kind: 'anchor', id: 'x', keys: [{ module: 'notary', key: `anchor/${anchors[2]!.digest}/${anchors[2]!.txId}` }, { module: 'notary', key: 'absent' }], txIds: [anchors[2]!.txId, anchors[20]!.txId] });
  const cbor = encode(value);
  const skip = labelRanges(cbor, value as Record<string, Value>);
  let checked = 0;
  for (let i = 0; i < cbor.length; i++) {
    if (skip.some(([a, b]) => i >= a && i < b)) continue;
    for (const mask of [0x01, 0x80]) {
      assert.throws(() => verifyBundle(flip(cbor, i, mask)), isProofError(), `bit ${mask} of byte ${i} (${cbor.length} bytes)`);
      checked++;
    }
  }
  assert.ok(checked > 2 * (cbor.length - 120));
});

test('targeted tampering names the failed check', () => {
  const { chain, anchors } = chainWithAnchors('ed25519-sha256');
  const a = anchors[4]!;
  const base = () => structuredClone(bundleFileJson(anchorBundle(chain, a), 'ed25519-sha256')) as { proof: Record<string, never> };
  const cases: [string, (p: Record<string, any>) => void][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['STATE_PROOF_VALUE_MISMATCH', (p) => void (p.entries[0].value = p.entries[0].value.replace(/..$/, '00'))],
    ['HEADER_HASH_MISMATCH', (p) => void (p.anchor.header.timestamp += 1)],
    ['PROOF_ROOT_MISMATCH', (p) => void (p.txs[0].header.receiptsRoot = '11'.repeat(32))],
    ['PROOF_ROOT_MISMATCH', (p) => void (p.txs[0].historyPath[0] = '22'.repeat(32))],
    ['FIELD_MISMATCH', (p) => void (p.txs[0].height = 2)],
    ['PROOF_WRONG_LENGTH', (p) => void p.txs[0].txPath.pop()],
    ['BUNDLE_MALFORMED', (p) => void delete p.txs[0].historyPath],
    ['BUNDLE_MALFORMED', (p) => void (p.extra = 1)],
    ['BUNDLE_VERSION_UNSUPPORTED', (p) => void (p.version = 2)],
    ['CHAIN_MISMATCH', (p) => void (p.chainId = 'other')],
    ['BUNDLE_SUITE_UNKNOWN', (p) => void (p.suite = 'rsa')],
    ['BUNDLE_MALFORMED', (p) => void p.entries.push(p.entries[0])],
  ];
  for (const [reason, mutate] of cases) {
    const f = base();
    mutate(f.proof);
    assert.throws(() => verifyBundle(f), isProofError(reason), reason);
  }
  // A tx signed by someone else (re-signed body) changes the id: its inclusion no longer holds.
  const other = chain.tx({ module: 'notary', command: 'anchor', args: { digest: a.digest }, signer: fixtureSigner('mallory') });
  const f = base();
  (f.proof as Record<string, any>).txs[0].tx = bytesToHex(other); // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.throws(() => verifyBundle(f), isProofError('PROOF_ROOT_MISMATCH'));
  assert.throws(() => verifyBundle(decode(encode('x'))), isProofError('BUNDLE_MALFORMED'));
  for (const bad of ['not a bundle', 'GX1:a', 'GX1:GGW', 'GX1:A']) assert.throws(() => verifyBundle(bad), isProofError('BUNDLE_MALFORMED'), bad);
});
