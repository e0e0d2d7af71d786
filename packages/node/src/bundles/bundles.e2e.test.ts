// GET /v1/bundles on a real peer (SQLite, solo ordering, HTTP): notary anchors exported as JSON, CBOR and QR
// text, verified offline with the SDK; a tampered byte is rejected; the route's error codes; the kind registry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bytesToHex, encode, type Value } from '@gongxin/core';
import { ProofError, verifyBundle } from '@gongxin/sdk';
import type { Peer } from '../peer.js';
import { startTestPeer, type TestPeer } from '../test-peer.js';
import { QR_MAX_BUNDLE_BYTES, type BundleSource } from './build.js';
import { bundleFor, createBundleKinds, moduleBundleKind } from './kinds.js';
import { registerBundleRoutes } from './routes.js';

let tp: TestPeer;
const kinds = createBundleKinds();
// A module-style kind as the scenario modules plug in: 'doc' id = digest → all anchors of that digest.
kinds.set(
  'doc',
  moduleBundleKind('doc', 'notary', (_kind, id, read) => {
    void read;
    return { keys: [`anchor/${id}/${txIds[0] ?? ''}`, `anchor/${id}/missing`], txIds: [...txIds] };
  }),
);
const txIds: string[] = [];
const lazy = (): Peer => tp.peer;
const source: BundleSource = {
  get suite() {
    return lazy().suite;
  },
  get genesis() {
    return lazy().genesis;
  },
  get store() {
    return lazy().store;
  },
  get stateTree() {
    return lazy().stateTree;
  },
  get history() {
    return lazy().history;
  },
};

before(async () => {
  tp = await startTestPeer({ demo: false, bundleKinds: null, extend: (app) => registerBundleRoutes(app, source, kinds) });
});
after(async () => {
  await tp.dispose();
});

async function anchor(digest: string): Promise<string> {
  const tx = tp.tx({ module: 'notary', command: 'anchor', args: { digest, note: 'bundle test' }, signer: tp.key('peer') });
  const r = await tp.post('/v1/txs', JSON.stringify({ tx: bytesToHex(tx) }));
  assert.equal(r.status, 202, JSON.stringify(r.body));
  const id = r.body.txId as string;
  for (let i = 0; i < 400; i++) {
    const s = await tp.get(`/v1/txs/${id}`);
    if (s.body.status === 'committed') return id;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('not committed');
}

const digest = 'ab'.repeat(32);

test('an anchor bundle from the route verifies offline in JSON, CBOR and QR form; one flipped byte is rejected', async () => {
  txIds.push(await anchor(digest));
  await anchor('cd'.repeat(32)); // a later block: the first tx needs a history path
  const id = `${digest}/${txIds[0]}`;
  const json = await tp.get(`/v1/bundles/anchor/${id}`);
  assert.equal(json.status, 200, JSON.stringify(json.body));
  assert.equal(json.body.kind, 'bundle');
  const v = verifyBundle(json.body);
  assert.equal(v.kind, 'anchor');
  assert.equal(v.id, id);
  assert.equal((v.entries[0]!.value as { digest: string }).digest, digest);
  assert.equal(bytesToHex(v.txs[0]!.txId), txIds[0]);
  const status = await tp.get('/v1/status');
  assert.ok(v.anchorHeight <= (status.body.height as number));

  const res = await fetch(`${tp.url}/v1/bundles/anchor/${id}?format=cbor`);
  assert.equal(res.headers.get('content-type'), 'application/cbor');
  assert.match(res.headers.get('content-disposition') ?? '', /\.gxb"$/);
  const cbor = new Uint8Array(await res.arrayBuffer());
  assert.equal(bytesToHex(verifyBundle(cbor).anchorHeaderHash), bytesToHex(v.anchorHeaderHash));
  const qr = await tp.get(`/v1/bundles/anchor/${id}?format=qr`);
  assert.equal(qr.status, 200);
  assert.ok(cbor.length <= QR_MAX_BUNDLE_BYTES && (qr.body.text as string).length <= 4296);
  assert.equal(verifyBundle(qr.body.text).id, id);

  // Not in the first ~150 bytes (the id label) nor the last ~50 (the genesisHash label): docs/spec/bundles.md §Trust.
  for (const i of [200, Math.floor(cbor.length / 2), cbor.length - 200]) {
    const bad = cbor.slice();
    bad[i] = bad[i]! ^ 0x04;
    assert.throws(() => verifyBundle(bad), ProofError, `byte ${i}`);
  }
  assert.throws(() => verifyBundle(cbor, { trustedHeaderHash: '00'.repeat(32) }), (e: unknown) => e instanceof ProofError && e.reason === 'TRUSTED_HEADER_MISMATCH');
});

test('a module-registered kind: several keys (one absent) and txs', async () => {
  const r = await tp.get(`/v1/bundles/doc/${digest}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const v = verifyBundle(r.body);
  assert.deepEqual(v.entries.map((e) => e.found), [true, false]);
  assert.equal(v.txs.length, 1);
  const list = await tp.get('/v1/bundles');
  assert.deepEqual(list.body.kinds, ['anchor', 'doc']);
});

test('route errors have stable codes and statuses', async () => {
  const cases: [string, number, string][] = [
    ['/v1/bundles/nope/x', 404, 'BUNDLE_UNKNOWN_KIND'],
    [`/v1/bundles/anchor/${digest}/${'00'.repeat(32)}`, 404, 'BUNDLE_NOT_FOUND'],
    ['/v1/bundles/anchor/not-an-id', 400, 'BUNDLE_ID_INVALID'],
    [`/v1/bundles/anchor/${digest}/${txIds[0]}?format=xml`, 400, 'BUNDLE_FORMAT_INVALID'],
  ];
  for (const [path, status, code] of cases) {
    const r = await tp.get(path);
    assert.deepEqual([r.status, r.body.code], [status, code], path);
  }
  // Too large for one QR: 413 with the path to encode instead.
  const big = createBundleKinds();
  big.set('big', () => ({ module: 'notary', keys: Array.from({ length: 60 }, (_, i) => `k${i}`), txIds: [] }));
  const value: Value = bundleFor(tp.peer, big, 'big', 'x');
  assert.ok(encode(value).length > QR_MAX_BUNDLE_BYTES);
  kinds.set('big', big.get('big')!);
  const r = await tp.get('/v1/bundles/big/x?format=qr');
  assert.deepEqual([r.status, r.body.code, (r.body.details as { path: string }).path], [413, 'BUNDLE_TOO_LARGE_FOR_QR', '/v1/bundles/big/x']);
  kinds.set('huge', () => ({ module: 'notary', keys: Array.from({ length: 300 }, (_, i) => `k${i}`), txIds: [] }));
  assert.equal((await tp.get('/v1/bundles/huge/x')).body.code, 'BUNDLE_TOO_LARGE');
});
