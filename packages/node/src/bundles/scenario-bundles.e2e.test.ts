// Issue 4's bundle round trip for each public scenario on the demo chain: GET /v1/bundles/{kind}/{id} → verify
// offline (no peer) → flip one byte of a proven value → rejected. Also GET /v1/demo lists ids for every kind.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ProofError, verifyBundle } from '@gongxin/sdk';
import { startTestPeer, type TestPeer } from '../test-peer.js';

let peer: TestPeer;
before(async () => {
  peer = await startTestPeer();
});
after(async () => {
  await peer.dispose();
});

for (const kind of ['donation', 'batch', 'figure', 'alert'] as const) {
  test(`${kind} bundle: exported, verified offline, tampering rejected`, async () => {
    const demo = (await peer.get('/v1/demo')).body as Record<string, string[]>;
    const id = demo[kind]?.[0];
    assert.ok(id, `demo lists a ${kind}`);
    const res = await fetch(`${peer.url}/v1/bundles/${kind}/${encodeURIComponent(id)}?format=cbor`);
    assert.equal(res.status, 200, await res.clone().text());
    const bytes = new Uint8Array(await res.arrayBuffer());
    const anchorHash = (await peer.get('/v1/status')).body.headerHash as string;
    const v = verifyBundle(bytes, { trustedHeaderHash: anchorHash });
    assert.equal(v.kind, kind);
    assert.ok(v.entries.length + v.txs.length > 0, 'the bundle proves something');
    assert.ok(v.entries.some((e) => e.value !== null), 'at least one present state entry');
    // Flip a byte inside the encoded bundle's middle (a value, proof, tx or receipt byte): rejected.
    let rejected = 0;
    for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 40]) {
      const bad = bytes.slice();
      bad[at]! ^= 0x01;
      try {
        verifyBundle(bad, { trustedHeaderHash: anchorHash });
      } catch (e) {
        if (e instanceof ProofError) rejected++;
        else throw e;
      }
    }
    assert.equal(rejected, 3);
  });
}

test('unknown kinds and ids get stable codes', async () => {
  assert.equal((await peer.get('/v1/bundles/nope/x')).body.code, 'BUNDLE_UNKNOWN_KIND');
  const r = await peer.get(`/v1/bundles/donation/${'00'.repeat(32)}`);
  assert.equal(r.status, 404);
});
