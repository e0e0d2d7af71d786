// Walks the bad-input table of issue 3 against a real peer over HTTP: each case gets its stable code and a 4xx,
// changes no state, and the peer keeps serving.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { bytesToHex } from '@gongxin/core';
import { generateKeyPair, createSigner } from '@gongxin/crypto';
import { startTestPeer, type TestPeer } from '../test-peer.js';

let peer: TestPeer;
before(async () => {
  peer = await startTestPeer({ demo: false, headersTimeoutMs: 1000 });
});
after(async () => {
  await peer.dispose();
});

const digest = (n: number): string => n.toString(16).padStart(64, '0');

async function stateRoot(): Promise<string> {
  return (await peer.get('/v1/status')).body.stateRoot as string;
}

async function expectRejected(body: string, status: number, code: string, contentType?: string): Promise<void> {
  const rootBefore = await stateRoot();
  const heightBefore = (await peer.get('/v1/status')).body.height;
  const r = await peer.post('/v1/txs', body, contentType);
  assert.equal(r.body.code, code, JSON.stringify(r.body));
  assert.equal(r.status, status, `${code} status`);
  assert.equal(typeof r.body.message, 'string');
  await new Promise((res) => setTimeout(res, 30));
  assert.equal(await stateRoot(), rootBefore, `${code} changed state`);
  assert.equal((await peer.get('/v1/status')).body.height, heightBefore, `${code} made a block`);
}

const txBody = (bytes: Uint8Array): string => JSON.stringify({ tx: bytesToHex(bytes) });

test('a valid anchor is accepted and committed (control case)', async () => {
  const signer = createSigner('ed25519-sha256', generateKeyPair('ed25519-sha256').privateKey);
  const r = await peer.post('/v1/txs', txBody(peer.tx({ module: 'notary', command: 'anchor', args: { digest: digest(1) }, signer })));
  assert.equal(r.status, 202);
  const id = r.body.txId as string;
  for (let i = 0; i < 100; i++) {
    const s = await peer.get(`/v1/txs/${id}`);
    if (s.body.status === 'committed') return;
    await new Promise((res) => setTimeout(res, 20));
  }
  assert.fail('not committed');
});

test('bad input table: each case has its code, a 4xx, and changes nothing', async () => {
  const anyone = createSigner('ed25519-sha256', generateKeyPair('ed25519-sha256').privateKey);
  const anchor = (n: number, patch = {}) => peer.tx({ module: 'notary', command: 'anchor', args: { digest: digest(n) }, signer: anyone, patch });
  await expectRejected('{"tx": ', 400, 'REQUEST_MALFORMED_JSON');
  await expectRejected('{"nope": 1}', 400, 'REQUEST_INVALID');
  await expectRejected('{"tx": "zz"}', 400, 'HEX_INVALID');
  await expectRejected(JSON.stringify({ tx: '0000' }), 400, 'ENCODING_TRAILING_BYTES');
  await expectRejected(JSON.stringify({ tx: 'deadbeef' }), 400, 'ENCODING_UNSUPPORTED_TYPE');
  await expectRejected(JSON.stringify({ tx: 'a0' }), 400, 'TX_MALFORMED');
  await expectRejected(txBody(anchor(2, { chainId: 'another-chain' })), 400, 'TX_WRONG_CHAIN');
  const good = anchor(3);
  const badSig = good.slice();
  badSig[badSig.length - 1]! ^= 1;
  await expectRejected(txBody(badSig), 400, 'TX_BAD_SIGNATURE');
  await expectRejected(txBody(anchor(4, { notBefore: 1000, notAfter: 2000 })), 400, 'TX_EXPIRED');
  await expectRejected(txBody(anchor(5, { notBefore: Date.now() - 1000, notAfter: Date.now() + 100 * 3_600_000 })), 400, 'TX_WINDOW_INVALID');
  await expectRejected(txBody(peer.tx({ module: 'nope', command: 'x', args: {}, signer: anyone })), 404, 'TX_UNKNOWN_MODULE');
  await expectRejected(txBody(peer.tx({ module: 'notary', command: 'x', args: {}, signer: anyone })), 404, 'TX_UNKNOWN_COMMAND');
  await expectRejected(txBody(peer.tx({ module: 'notary', command: 'anchor', args: { digest: 'not-hex' }, signer: anyone })), 400, 'TX_INVALID_ARGS');
  await expectRejected(txBody(peer.tx({ module: 'notary', command: 'anchor', args: { digest: digest(6), note: 'x'.repeat(70_000) }, signer: anyone })), 413, 'TX_TOO_LARGE');
  await expectRejected(JSON.stringify({ txs: ['00'.repeat(9 * 1024 * 1024)] }), 413, 'REQUEST_TOO_LARGE');
  await expectRejected(
    txBody(peer.tx({ module: 'consortium', command: 'enrol-member', args: { publicKeyHex: bytesToHex(anyone.publicKey), roles: ['clinic'] }, signer: anyone })),
    403,
    'TX_UNAUTHORIZED',
  );
  await expectRejected(txBody(good), 400, 'REQUEST_INVALID', 'text/plain');
  await expectRejected(txBody(good), 415, 'REQUEST_UNSUPPORTED_MEDIA_TYPE', 'application/x-unknown');
});

test('a replayed tx is refused (pending and after commit) and counted once', async () => {
  const anyone = createSigner('ed25519-sha256', generateKeyPair('ed25519-sha256').privateKey);
  const tx = peer.tx({ module: 'notary', command: 'anchor', args: { digest: digest(7) }, signer: anyone });
  const first = await peer.post('/v1/txs', txBody(tx));
  assert.equal(first.status, 202);
  const again = await peer.post('/v1/txs', txBody(tx));
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'TX_DUPLICATE');
  for (let i = 0; i < 100 && (await peer.get(`/v1/txs/${first.body.txId as string}`)).body.status !== 'committed'; i++) await new Promise((r) => setTimeout(r, 20));
  await expectRejected(txBody(tx), 409, 'TX_DUPLICATE');
});

test('a revoked key is refused from then on; its earlier tx stays committed', async () => {
  const admin = peer.key('jianghan-clinics-admin');
  const device = createSigner('ed25519-sha256', generateKeyPair('ed25519-sha256').privateKey);
  const hex = bytesToHex(device.publicKey);
  const submit = async (bytes: Uint8Array): Promise<string> => {
    const r = await peer.post('/v1/txs', txBody(bytes));
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const id = r.body.txId as string;
    for (let i = 0; i < 200; i++) {
      const s = await peer.get(`/v1/txs/${id}`);
      if (s.body.status === 'committed') return id;
      assert.notEqual(s.body.status, 'rejected', JSON.stringify(s.body));
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error('not committed');
  };
  await submit(peer.tx({ module: 'consortium', command: 'enrol-member', args: { publicKeyHex: hex, roles: ['clinic'] }, signer: admin }));
  const earlier = await submit(peer.tx({ module: 'notary', command: 'anchor', args: { digest: digest(8) }, signer: device }));
  await submit(peer.tx({ module: 'consortium', command: 'revoke-member', args: { publicKeyHex: hex }, signer: admin }));
  await expectRejected(txBody(peer.tx({ module: 'notary', command: 'anchor', args: { digest: digest(9) }, signer: device })), 403, 'TX_KEY_REVOKED');
  assert.equal((await peer.get(`/v1/txs/${earlier}`)).body.status, 'committed');
});

test('garbage bytes on the socket and a slow-loris client do not stop the peer serving others', async () => {
  const url = new URL(peer.url);
  const garbage = connect(Number(url.port), url.hostname);
  garbage.write(Buffer.from([0, 1, 2, 255, 13, 10, 13, 10]));
  const slow = connect(Number(url.port), url.hostname);
  slow.write('POST /v1/txs HTTP/1.1\r\nHost: x\r\n');
  slow.on('error', () => undefined); // the server hangs up on it: that is the point
  garbage.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => slow.once('close', () => resolve()));
  let dribble = 0;
  const timer = setInterval(() => slow.write(`X-Slow-${dribble++}: 1\r\n`), 100);
  for (let i = 0; i < 5; i++) assert.equal((await peer.get('/healthz')).status, 200);
  await closed; // cut off by the headers timeout (configured 1 s for this test)
  clearInterval(timer);
  garbage.destroy();
  assert.equal((await peer.get('/v1/status')).status, 200);
});

test('unknown routes and ids get stable codes', async () => {
  assert.equal((await peer.get('/v1/nope')).body.code, 'ROUTE_NOT_FOUND');
  assert.equal((await peer.get(`/v1/txs/${'ab'.repeat(32)}`)).body.code, 'TX_NOT_FOUND');
  assert.equal((await peer.get('/v1/txs/xyz')).body.code, 'REQUEST_INVALID');
  assert.equal((await peer.get('/v1/blocks/999999')).status, 404);
  assert.equal((await peer.get('/v1/history/inclusion?height=5&treeSize=2')).body.code, 'REQUEST_INVALID');
  assert.equal((await peer.get('/v1/query/notary/nope')).body.code, 'QUERY_NOT_FOUND');
  assert.equal((await peer.get('/v1/query/notary/digest?params=%7B')).body.code, 'REQUEST_MALFORMED_JSON');
  assert.equal((await peer.get('/v1/demo')).body.code, 'DEMO_NOT_LOADED');
});
