// LightClient against a fake peer serving a chain built with core's trees: bootstrap from genesis, sync along
// history proofs, verified txs and state (older and newer than the trusted header), and refusal of forks and lies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, headerHash } from '@gongxin/core';
import { createClient } from './client.js';
import { ProofError } from './errors.js';
import { LightClient } from './light-client.js';
import { buildFakeChain, type FakeChain } from './testing/fake-chain.js';
import { startFakePeer } from './testing/fake-peer.js';

const main = buildFakeChain({ blocks: 12, txsIn: () => 3 });
const fork = buildFakeChain({ blocks: 12, txsIn: () => 3, seed: 'fork' });
const isProofError = (reason?: string) => (e: unknown) => e instanceof ProofError && (reason === undefined || e.reason === reason);

async function withPeer(fn: (peer: Awaited<ReturnType<typeof startFakePeer>>, use: (c: FakeChain) => void) => Promise<void>): Promise<void> {
  let current = main;
  const peer = await startFakePeer(() => current);
  try {
    await fn(peer, (c) => (current = c));
  } finally {
    await peer.close();
  }
}

test('bootstrap from genesis, sync to the head, verified txs and state above and below the trusted header', { timeout: 20_000 }, async () => {
  await withPeer(async (peer) => {
    peer.head = 7;
    const client = createClient({ url: peer.url });
    const lc = await LightClient.fromGenesis(client, { genesisHash: main.genesisHash });
    assert.equal(lc.height, 0);
    assert.equal(bytesToHex(lc.headerHash), bytesToHex(main.blocks[0]!.hash));
    await lc.sync();
    assert.equal(lc.height, 7);
    assert.equal(bytesToHex(lc.headerHash), bytesToHex(main.blocks[7]!.hash));
    assert.ok(peer.requests.some((r) => r.url === '/v1/history/inclusion?height=0&treeSize=7'));

    peer.head = 11;
    const newer = await lc.getVerifiedTx(main.blocks[10]!.txIds[2]!); // in a block above the trusted one: syncs to it
    assert.equal(newer.height, 10);
    assert.equal(lc.height, 10);
    assert.ok(peer.requests.some((r) => r.url === '/v1/history/consistency?first=7&second=10'));
    const older = await lc.getVerifiedTx(main.blocks[3]!.txIds[0]!); // below: proven through the history
    assert.equal(older.height, 3);
    assert.ok(peer.requests.some((r) => r.url === '/v1/history/inclusion?height=3&treeSize=10'));

    const s = await lc.getVerifiedState('demo', 'k11');
    assert.equal(s.found, true);
    assert.equal(s.height, 11);
    assert.equal(lc.height, 11);
    const gone = await lc.getVerifiedState('demo', 'k8'); // deleted at height 10
    assert.equal(gone.found, false);
    assert.equal((await lc.sync(5)).height, 11, 'never moves back');
  });
});

test('a wrong genesis hash, a peer serving a fork, and lying proofs are refused; the trusted header stays', { timeout: 20_000 }, async () => {
  await withPeer(async (peer, use) => {
    const client = createClient({ url: peer.url });
    await assert.rejects(LightClient.fromGenesis(client, { genesisHash: fork.genesisHash }), isProofError('GENESIS_HASH_MISMATCH'));

    peer.head = 6;
    const lc = new LightClient({ suite: main.suite, trustedHeader: main.blocks[6]!.header, client });
    use(fork);
    peer.head = 11;
    await assert.rejects(lc.sync(), isProofError());
    assert.equal(lc.height, 6);
    assert.equal(bytesToHex(lc.headerHash), bytesToHex(main.blocks[6]!.hash));
    await assert.rejects(lc.getVerifiedState('demo', 'k3'), isProofError());
    assert.equal(lc.height, 6);

    use(main);
    for (const route of ['/v1/history/inclusion', '/v1/history/consistency']) {
      peer.tamper = (path, body) => {
        if (path !== route) return body;
        const key = route.endsWith('inclusion') ? 'auditPath' : 'proof';
        const list = [...(body[key] as string[])];
        list[0] = list[0]!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
        return { ...body, [key]: list };
      };
      await assert.rejects(lc.sync(), isProofError('PROOF_ROOT_MISMATCH'), route);
      assert.equal(lc.height, 6);
    }
    peer.tamper = (path, body) => (path.startsWith('/v1/blocks/') ? { ...body, headerHash: '00'.repeat(32) } : body);
    await assert.rejects(lc.sync(), isProofError('HEADER_HASH_MISMATCH'));
    peer.tamper = undefined;
    await lc.sync();
    assert.equal(lc.height, 11);
  });
});

test('advance (no network): same height must be the same header; never backwards; proofs required', () => {
  const lc = new LightClient({ suite: main.suite, trustedHeader: main.blocks[5]!.header });
  lc.advance(main.blocks[5]!.header, { inclusion: undefined }); // the trusted header itself: a no-op
  assert.throws(() => lc.advance(fork.blocks[5]!.header, { inclusion: undefined }), isProofError('TRUSTED_HEADER_MISMATCH'));
  assert.throws(() => lc.advance(main.blocks[4]!.header, { inclusion: undefined }), isProofError('NOT_NEWER'));
  assert.throws(() => lc.advance(main.blocks[8]!.header, { inclusion: main.historyInclusionJson(5, 8) }), isProofError('PROOF_MISSING'));
  assert.throws(
    () => lc.advance({ ...main.blocks[8]!.header, chainId: 'other' }, { consistency: main.historyConsistencyJson(5, 8), inclusion: main.historyInclusionJson(5, 8) }),
    isProofError('CHAIN_MISMATCH'),
  );
  // Proofs for another trusted header (4 instead of 5) do not link.
  assert.throws(
    () => lc.advance(main.blocks[8]!.header, { consistency: main.historyConsistencyJson(4, 8), inclusion: main.historyInclusionJson(4, 8) }),
    isProofError('FIELD_MISMATCH'),
  );
  lc.advance(main.blocks[8]!.header, { consistency: main.historyConsistencyJson(5, 8), inclusion: main.historyInclusionJson(5, 8) });
  assert.equal(lc.height, 8);
  lc.advance(main.blocks[9]!.header, { consistency: main.historyConsistencyJson(8, 9), inclusion: main.historyInclusionJson(8, 9) });
  assert.equal(lc.height, 9);
  assert.throws(() => new LightClient({ suite: main.suite, trustedHeader: { height: 1 } as never }), (e) => (e as { code?: string }).code === 'SDK_INVALID_ARGUMENT');
});

test('verifyTx / verifyState: older headers need a history proof, newer ones a sync; checkHeader can veto', async () => {
  const lc = new LightClient({ suite: main.suite, trustedHeader: main.blocks[6]!.header });
  const tx = main.blocks[6]!.txIds[1]!;
  assert.equal(lc.verifyTx(main.txProofJson(6, 1), tx).height, 6);
  const old = main.blocks[2]!.txIds[0]!;
  assert.throws(() => lc.verifyTx(main.txProofJson(2, 0), old), isProofError('PROOF_MISSING'));
  assert.equal(lc.verifyTx(main.txProofJson(2, 0), old, main.historyInclusionJson(2, 6)).height, 2);
  assert.throws(() => lc.verifyTx(main.txProofJson(2, 0), old, main.historyInclusionJson(3, 6)), isProofError('HEADER_HASH_MISMATCH'));
  assert.throws(() => lc.verifyTx(main.txProofJson(8, 0), main.blocks[8]!.txIds[0]!), isProofError('HEADER_NOT_TRUSTED'));
  assert.equal(lc.verifyState(main.stateJson('demo', 'k6', 6), { module: 'demo', key: 'k6' }).found, true);
  assert.throws(() => lc.verifyState(fork.stateJson('demo', 'k6', 6), { module: 'demo', key: 'k6' }), isProofError('TRUSTED_HEADER_MISMATCH'));
  assert.equal(lc.verifyState(main.stateJson('demo', 'k3', 3), { module: 'demo', key: 'k3' }, main.historyInclusionJson(3, 6)).found, true);

  const vetoed: number[] = [];
  const strict = new LightClient({
    suite: main.suite,
    trustedHeader: main.blocks[6]!.header,
    checkHeader: (h, hash) => {
      assert.equal(bytesToHex(hash), bytesToHex(headerHash(main.suite.hash, h)));
      vetoed.push(h.height);
      throw new ProofError('CERTIFICATE_MISSING', 'no quorum');
    },
  });
  assert.throws(
    () => strict.advance(main.blocks[7]!.header, { consistency: main.historyConsistencyJson(6, 7), inclusion: main.historyInclusionJson(6, 7) }),
    isProofError('CERTIFICATE_MISSING'),
  );
  assert.deepEqual(vetoed, [7]);
  assert.equal(strict.height, 6);
  await assert.rejects(strict.sync(), (e) => (e as { code?: string }).code === 'SDK_INVALID_ARGUMENT'); // no client given
});
