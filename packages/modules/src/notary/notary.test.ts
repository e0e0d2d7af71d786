// The notary module on an in-memory chain: anchoring, the first-anchor record, queries, bad args unchanged state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToHex, decode, ROLE_PUBLIC, type Caller } from '@gongxin/core';
import { createTestChain, fixtureSigner } from '@gongxin/testkit';
import { notaryModule } from './index.js';

const publicResolver = (_r: unknown, publicKey: Uint8Array): Caller => ({ publicKey, publicKeyHex: bytesToHex(publicKey), org: null, roles: [ROLE_PUBLIC] });
const alice = fixtureSigner('alice');
const bob = fixtureSigner('bob');
const d1 = 'a'.repeat(64);

test('anyone anchors a digest; the first anchor is kept, later ones are listed too', () => {
  const chain = createTestChain({ modules: [notaryModule], resolveCaller: publicResolver });
  const t1 = chain.tx({ module: 'notary', command: 'anchor', args: { digest: d1, note: 'first' }, signer: alice });
  const b1 = chain.block([t1]);
  assert.equal(b1.txs[0]!.receipt.ok, true);
  assert.deepEqual(b1.txs[0]!.receipt.events.map((e) => e.type), ['anchored']);
  const b2 = chain.block([chain.tx({ module: 'notary', command: 'anchor', args: { digest: d1 }, signer: bob })]);
  const first = decode(chain.store.get('notary', `anchor/${d1}/${bytesToHex(b1.txs[0]!.id)}`)!) as { at: number; by: string; height: number };
  assert.equal(first.by, bytesToHex(alice.publicKey));
  assert.equal(first.at, b1.header.timestamp);
  assert.equal(first.height, b1.header.height);
  const second = decode(chain.store.get('notary', `anchor/${d1}/${bytesToHex(b2.txs[0]!.id)}`)!) as { by: string; note?: string };
  assert.equal(second.by, bytesToHex(bob.publicKey));
  assert.equal(second.note, undefined);
  assert.equal(chain.store.scan('notary', `anchor/${d1}/`, undefined, 10).length, 2);
});

test('bad args are refused with TX_INVALID_ARGS and change nothing', () => {
  const chain = createTestChain({ modules: [notaryModule], resolveCaller: publicResolver });
  const root = chain.head().header.stateRoot;
  const bad = [{ digest: 'A'.repeat(64) }, { digest: 'a'.repeat(63) }, { digest: d1, note: 'x'.repeat(141) }, { digest: d1, extra: 1 }, {}, 'nope', { digest: 5 }];
  const b = chain.block(bad.map((args) => chain.tx({ module: 'notary', command: 'anchor', args, signer: alice })));
  assert.deepEqual(b.txs.map((t) => t.receipt.code), bad.map(() => 'TX_INVALID_ARGS'));
  assert.deepEqual(b.header.stateRoot, root);
});

test('queries: digest and anchor', () => {
  const chain = createTestChain({ modules: [notaryModule], resolveCaller: publicResolver });
  const b = chain.block([chain.tx({ module: 'notary', command: 'anchor', args: { digest: d1, note: 'n' }, signer: alice })]);
  const id = bytesToHex(b.txs[0]!.id);
  const read = (m: string, k: string) => {
    const v = chain.store.get(m, k);
    return v === undefined ? undefined : decode(v);
  };
  const ctx = {
    height: chain.head().header.height,
    get: (k: string) => read('notary', k),
    read,
    scan: (prefix: string, o?: { after?: string; limit?: number }) => chain.store.scan('notary', prefix, o?.after, o?.limit ?? 100).map(([k, v]) => [k, decode(v)] as const),
  };
  const q = notaryModule.queries.digest!;
  chain.block([chain.tx({ module: 'notary', command: 'anchor', args: { digest: d1, note: 'later' }, signer: bob })]);
  const r = q.run(ctx, q.parse({ digest: d1 }) as never) as { first: { txId: string }; anchors: Array<{ note: string }> };
  assert.equal(r.first.txId, id, 'the earliest anchor comes first whatever the tx ids');
  assert.equal(r.anchors.length, 2);
  assert.equal(r.anchors[0]!.note, 'n');
  const qa = notaryModule.queries.anchor!;
  assert.equal((qa.run(ctx, qa.parse({ digest: d1, txId: id }) as never) as { digest: string }).digest, d1);
  assert.throws(() => q.parse({ digest: 'zz' }), /params.digest/);
});
