// Runs the docs/sdk.md example (examples/quickstart.ts) end to end against a fake peer that admits the tx with
// core's stateless checks and commits it in a new block: the snippet in the docs is code that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertTxStateless, bytesToHex, decode, decodeTx, hexToBytes } from '@gongxin/core';
import { createPortableSigner } from '@gongxin/crypto/portable';
import { quickstart } from '../examples/quickstart.js';
import { ProofError } from './errors.js';
import { buildFakeChain, type FakeChain } from './testing/fake-chain.js';
import { startFakePeer } from './testing/fake-peer.js';

test('quickstart: build, sign, submit, wait, verify inclusion and state', { timeout: 20_000 }, async () => {
  let chain: FakeChain = buildFakeChain({ blocks: 5 });
  const genesisHash = bytesToHex(chain.genesisHash);
  const peer = await startFakePeer(() => chain);
  const submitted: Uint8Array[] = [];
  peer.extraRoute = (method, path, body) => {
    if (method === 'GET' && path === '/v1/status') {
      const head = chain.blocks[peer.head]!;
      return [200, { chainId: head.header.chainId, suite: chain.suite.id, height: peer.head, headerHash: bytesToHex(head.hash), stateRoot: bytesToHex(head.header.stateRoot), historyRoot: bytesToHex(head.header.historyRoot), timestamp: head.header.timestamp, mempool: { size: 0, capacity: 10 }, version: 'test' }];
    }
    if (method === 'POST' && path === '/v1/txs') {
      const tx = decodeTx(chain.suite.hash, hexToBytes((JSON.parse(body) as { tx: string }).tx), chain.genesis.params.maxTxBytes);
      const rules = { chainId: chain.genesis.chainId, maxTxBytes: chain.genesis.params.maxTxBytes, maxValidityMs: chain.genesis.params.maxValidityMs };
      assertTxStateless(chain.suite, rules, tx, Date.now()); // a real admission check: chain, window, signature
      submitted.push(tx.id);
      // Commit it in block 5 of an otherwise identical chain.
      chain = buildFakeChain({ blocks: 6, extraTxIds: (h) => (h === 5 ? submitted : []) });
      peer.head = 5;
      return [202, { txId: bytesToHex(tx.id) }];
    }
    const m = /^\/v1\/txs\/([0-9a-f]{64})$/.exec(path);
    if (method === 'GET' && m) {
      const index = chain.blocks[5]?.txIds.findIndex((id) => bytesToHex(id) === m[1]) ?? -1;
      if (index < 0) return [404, { code: 'TX_NOT_FOUND', message: 'unknown' }];
      const receipt = { txId: m[1], ok: true, code: '', message: '', events: [{ module: 'charity', type: 'donated', attrs: { amount: '100' } }], receiptHex: 'a0' };
      return [200, { txId: m[1], status: 'committed', height: 5, index, receipt }];
    }
    return undefined;
  };
  try {
    const signer = createPortableSigner('ed25519-sha256', new Uint8Array(32).fill(3));
    const r = await quickstart({
      url: peer.url,
      signer,
      genesisHash,
      module: 'charity',
      command: 'donate',
      args: { fund: 'f1', amount: 100 },
      read: { module: 'demo', key: 'k5' },
    });
    assert.equal(r.txId, bytesToHex(submitted[0]!));
    assert.equal(r.height, 5);
    assert.equal(r.events, 1);
    assert.equal(r.provenInBlock, 5);
    assert.equal(r.found, true);
    assert.deepEqual(r.value, decode(chain.values[5]!.get('demo/k5')!));
    await assert.rejects(
      quickstart({ url: peer.url, signer, genesisHash: '00'.repeat(32), module: 'charity', command: 'donate', args: {}, read: { module: 'demo', key: 'k1' } }),
      (e) => e instanceof ProofError && e.reason === 'GENESIS_HASH_MISMATCH',
    );
  } finally {
    await peer.close();
  }
});
