// Executor behaviour on a real chain in memory: receipts and codes, rollback of failed txs, roles, duplicates,
// validity windows, bugs aborting the block, block rules, and determinism across processes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { assertBlockRules, bytesToHex, decode, equalBytes, GongxinError, type Block } from '@gongxin/core';
import { createTestChain } from './chain-harness.js';
import { fixtureSigner } from './fixtures.js';
import { kvModule, staticResolver } from './test-module.js';

const alice = fixtureSigner('alice');
const authority = fixtureSigner('authority');
const resolver = staticResolver(new Map([[bytesToHex(authority.publicKey), { org: 'hc', roles: ['health-authority'] }]]));
const newChain = () => createTestChain({ modules: [kvModule], resolveCaller: resolver });
const put = (chain: ReturnType<typeof newChain>, key: string, value: number, command = 'put', signer = alice) =>
  chain.tx({ module: 'kv', command, args: { key, value }, signer });

test('ok txs write state and emit events; failed txs get codes and change nothing', () => {
  const chain = newChain();
  const b = chain.block([put(chain, 'a', 1), put(chain, 'b', 2, 'put-then-fail'), put(chain, 'c', 3, 'add'), put(chain, 'a', 5, 'add')]);
  assert.deepEqual(b.txs.map((t) => t.receipt.code), ['', 'KV_REFUSED', 'KV_NOT_FOUND', '']);
  assert.equal(b.txs[0]!.receipt.events.length, 1);
  assert.equal(b.txs[1]!.receipt.events.length, 0, 'events of a failed tx are dropped too');
  assert.equal(decode(chain.store.get('kv', 'v/a')!), 6);
  assert.equal(chain.store.get('kv', 'v/b'), undefined);
  assert.equal(b.header.txCount, 4);
});

test('roles: a command limited to a role refuses others with TX_UNAUTHORIZED', () => {
  const chain = newChain();
  const b = chain.block([put(chain, 'x', 1, 'authority-put', alice), put(chain, 'y', 1, 'authority-put', authority)]);
  assert.deepEqual(b.txs.map((t) => t.receipt.code), ['TX_UNAUTHORIZED', '']);
});

test('duplicates in one block and across blocks, windows, wrong chain, unknown module', () => {
  const chain = newChain();
  const tx = put(chain, 'a', 1);
  const b1 = chain.block([tx, tx]);
  assert.deepEqual(b1.txs.map((t) => t.receipt.code), ['', 'TX_DUPLICATE']);
  const b2 = chain.block([tx]);
  assert.equal(b2.txs[0]!.receipt.code, 'TX_DUPLICATE');
  const late = chain.tx({ module: 'kv', command: 'put', args: { key: 'l', value: 1 }, signer: alice, patch: { notBefore: 0, notAfter: 10 } });
  const other = chain.tx({ module: 'kv', command: 'put', args: { key: 'o', value: 1 }, signer: alice, patch: { chainId: 'elsewhere' } });
  const unknown = chain.tx({ module: 'nope', command: 'put', args: {}, signer: alice });
  const garbage = new Uint8Array([1, 2, 3]);
  const b3 = chain.block([late, other, unknown, garbage]);
  assert.deepEqual(b3.txs.map((t) => t.receipt.code), ['TX_EXPIRED', 'TX_WRONG_CHAIN', 'TX_UNKNOWN_MODULE', 'ENCODING_TRAILING_BYTES']);
  assert.equal(bytesToHex(b3.txs[3]!.id), bytesToHex(chain.suite.hash(garbage)), 'undecodable txs are identified by the hash of their bytes');
});

test('a bug in a module (non-Gongxin exception) aborts the block: nothing is committed', () => {
  const chain = newChain();
  const before = chain.head();
  assert.throws(() => chain.block([put(chain, 'a', 1), chain.tx({ module: 'kv', command: 'crash', args: {}, signer: alice })]), TypeError);
  assert.equal(chain.head().header.height, before.header.height);
  assert.equal(chain.store.get('kv', 'v/a'), undefined);
});

test('property: adding failing txs to a block never changes the state root', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(1000), fc.boolean()), { minLength: 1, maxLength: 12 }), (ops) => {
      const c1 = newChain();
      const c2 = newChain();
      const okTxs1 = ops.filter(([, , bad]) => !bad).map(([k, v], i) => c1.tx({ module: 'kv', command: 'put', args: { key: k, value: v }, signer: alice, nonce: i }));
      const okTxs2 = ops.filter(([, , bad]) => !bad).map(([k, v], i) => c2.tx({ module: 'kv', command: 'put', args: { key: k, value: v }, signer: alice, nonce: i }));
      const mixed: Uint8Array[] = [];
      let j = 0;
      ops.forEach(([k, v, bad], i) => {
        if (bad) mixed.push(c2.tx({ module: 'kv', command: 'put-then-fail', args: { key: k, value: v }, signer: alice, nonce: 10_000 + i }));
        else mixed.push(okTxs2[j++]!);
      });
      const r1 = c1.block(okTxs1);
      const r2 = c2.block(mixed);
      assert.ok(equalBytes(r1.header.stateRoot, r2.header.stateRoot));
    }),
    { numRuns: 60 },
  );
});

test('block rules: a valid block passes; every tampered field has its code', () => {
  const chain = newChain();
  const prev = chain.head().header;
  const txs = [put(chain, 'a', 1), put(chain, 'b', 2)];
  const r = chain.block(txs);
  const block: Block = { header: r.header, txs };
  const params = chain.genesis.params;
  assertBlockRules(chain.suite.hash, params, prev, block);
  const code = (b: Block, c: string): void => assert.throws(() => assertBlockRules(chain.suite.hash, params, prev, b), (e: unknown) => e instanceof GongxinError && e.code === c);
  code({ ...block, header: { ...r.header, height: r.header.height + 1 } }, 'BLOCK_BAD_HEIGHT');
  code({ ...block, header: { ...r.header, chainId: 'x' } }, 'BLOCK_WRONG_CHAIN');
  code({ ...block, header: { ...r.header, prevHash: new Uint8Array(32) } }, 'BLOCK_BAD_LINK');
  code({ ...block, header: { ...r.header, timestamp: prev.timestamp - 1 } }, 'BLOCK_TIME_REGRESSED');
  code({ ...block, txs: [txs[1]!, txs[0]!] }, 'BLOCK_BAD_TX_ROOT');
  code({ ...block, txs: [txs[0]!] }, 'BLOCK_BAD_TX_ROOT');
});

test('determinism: the same batches replayed in a fresh process give the same header hashes', () => {
  const chain = newChain();
  const batches: Array<{ timestamp: number; txs: string[] }> = [];
  const hashes: string[] = [];
  for (let i = 0; i < 5; i++) {
    const txs = [put(chain, `k${i}`, i), put(chain, `k${i}`, 1, 'add'), put(chain, 'z', i, 'put-then-fail'), put(chain, `k${i}`, 7, 'authority-put', authority)];
    const timestamp = chain.head().header.timestamp + 1000 + i;
    hashes.push(bytesToHex(chain.block(txs, timestamp).hash));
    batches.push({ timestamp, txs: txs.map(bytesToHex) });
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongxin-replay-'));
  try {
    const file = join(dir, 'batches.json');
    writeFileSync(file, JSON.stringify({ batches, authority: bytesToHex(authority.publicKey) }));
    const out = execFileSync(process.execPath, ['--conditions=gongxin-source', '--import', 'tsx', new URL('./replay-child.ts', import.meta.url).pathname, file], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), hashes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
