// tx, state and tx-proof against a fake peer serving a real chain: receipts printed, --verify proves values and txs
// against the history up to the head and catches a lying peer, --out files verify offline.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bytesToHex } from '@gongxin/core';
import { encryptKeyFile, generateKeyPair } from '@gongxin/crypto';
import { fakePeerFetch, type FakePeerOptions } from '../testing/fake-peer.js';
import { run } from '../testing/run.js';
import { createTestChain, type TestChain } from '../testing/test-chain.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-peer-'));
after(() => rmSync(root, { recursive: true, force: true }));

function keyFile(suite: 'ed25519-sha256' | 'sm2-sm3', name: string): { path: string; publicKey: string } {
  const pair = generateKeyPair(suite);
  const path = join(root, `${name}.key.json`);
  writeFileSync(path, JSON.stringify(encryptKeyFile({ suite, privateKey: pair.privateKey, password: 'pw', kdf: { n: 2 ** 10, r: 8, p: 1 } })));
  return { path, publicKey: bytesToHex(pair.publicKey) };
}

function chainWithBlocks(): TestChain {
  const chain = createTestChain();
  for (let h = 1; h <= 4; h++) chain.commit([chain.tx('kv', 'set', { key: `k${h}`, value: { n: h, note: `block ${h}` } }), chain.tx('kv', 'set', { key: 'x', value: h })]);
  return chain;
}

test('tx signs with a key file, submits, waits and prints the receipt; a failing command is its code (exit 1)', async () => {
  const chain = chainWithBlocks();
  const key = keyFile('ed25519-sha256', 'alice');
  const now = chain.store.head()!.header.timestamp;
  const env = { GONGXIN_KEY_PASSWORD: 'pw' };
  const fetch = fakePeerFetch(chain);
  const r = await run(['tx', 'kv', 'set', '--args', '{"key":"big","value":18446744073709551615}', '--as', key.path], { fetch, env, now });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^tx [0-9a-f]{64} committed in block 5 \(index 0\)\nok\n {2}event kv\.set \{"key":"big"\}\n$/);
  assert.equal(chain.store.get('kv', 'big') !== undefined, true);
  const [committed] = chain.store.getBlockTxs(5);
  assert.equal(bytesToHex(committed!.receipt.txId), /tx ([0-9a-f]{64})/.exec(r.out)![1]);

  const fail = await run(['tx', 'kv', 'fail', '--as', key.path], { fetch, env, now });
  assert.equal(fail.code, 1);
  assert.match(fail.err, /was included in block 6 but failed:\nerror KV_REFUSED: refused on purpose\n/);

  const noWait = await run(['--json', 'tx', 'kv', 'set', '--args', '{"key":"q","value":1}', '--as', key.path, '--no-wait'], { fetch, env, now });
  assert.equal(noWait.code, 0, noWait.err);
  assert.equal((JSON.parse(noWait.out) as { status: string }).status, 'accepted');

  const badPw = await run(['tx', 'kv', 'set', '--args', '{"key":"q","value":1}', '--as', key.path], { fetch, env: { GONGXIN_KEY_PASSWORD: 'nope' }, now });
  assert.equal(badPw.code, 1);
  assert.match(badPw.err, /^error KEYFILE_BAD_PASSWORD: /);
  const sm2 = keyFile('sm2-sm3', 'bob');
  const wrongSuite = await run(['tx', 'kv', 'set', '--args', '{}', '--as', sm2.path], { fetch, env, now });
  assert.equal(wrongSuite.code, 2);
  assert.match(wrongSuite.err, /key ".*bob\.key\.json" is sm2-sm3 but chain test-chain uses ed25519-sha256/);
});

test('state --verify proves a value against the history of the head; a lying peer is caught', async () => {
  const chain = chainWithBlocks();
  const plain = await run(['state', 'kv', 'k2'], { fetch: fakePeerFetch(chain) });
  assert.equal(plain.code, 0, plain.err);
  assert.match(plain.out, /not verified: add --verify/);

  // A block lands between the read and the sync: the state header is then proven by history inclusion.
  let grown = false;
  const fetch = fakePeerFetch(chain, {
    tamper: (path, body) => {
      if (path === '/v1/state/kv/k2' && !grown) {
        grown = true;
        chain.commit([chain.tx('kv', 'set', { key: 'late', value: 1 })]);
      }
      return body;
    },
  });
  const out = join(root, 'state.json');
  const r = await run(['state', 'kv', 'k2', '--verify', '--out', out], { fetch });
  assert.equal(r.code, 0, r.err);
  const head = chain.store.head()!;
  assert.match(r.out, /^kv \/ k2 = \{"n":2,"note":"block 2"\}\nverified: the value is decoded from the proven bytes,\nproven against header 4 /);
  assert.match(r.out, new RegExp(`in the history of the peer's head: height 5, hash ${bytesToHex(head.hash)}`));
  assert.match(r.out, new RegExp(`genesis ${bytesToHex(chain.genesisHash)}`));
  const saved = JSON.parse(readFileSync(out, 'utf8')) as { kind: string; suite: string };
  assert.equal(saved.kind, 'state');
  assert.equal(saved.suite, 'ed25519-sha256');
  const offline = await run(['verify', out]);
  assert.equal(offline.code, 0, offline.err);
  assert.match(offline.out, /kv \/ k2 = \{"n":2,"note":"block 2"\}/);

  const pinned = await run(['state', 'kv', 'k1', '--genesis-hash', bytesToHex(chain.genesisHash)], { fetch: fakePeerFetch(chain) });
  assert.equal(pinned.code, 0, pinned.err);
  assert.match(pinned.out, /\(matches --genesis-hash\)/);

  const lies: Array<[string, NonNullable<FakePeerOptions['tamper']>, RegExp]> = [
    ['another value', (p, b) => (p === '/v1/state/kv/k2' ? { ...b, valueHex: bytesToHex(new TextEncoder().encode('x')) } : b), /reason: STATE_PROOF_VALUE_MISMATCH/],
    ['a forged head', (p, b) => (p === '/v1/blocks/latest' ? { ...b, headerHash: 'ab'.repeat(32) } : b), /reason: HEADER_HASH_MISMATCH/],
    ['a rewritten history', (p, b) => (p === '/v1/history/inclusion' ? { ...b, auditPath: (b.auditPath as string[]).map(() => 'cd'.repeat(32)) } : b), /reason: PROOF_/],
    ['another chain', (p, b) => (p === '/v1/genesis' ? { ...b, genesisHash: 'ef'.repeat(32) } : b), /reason: GENESIS_HASH_MISMATCH/],
  ];
  for (const [what, tamper, reason] of lies) {
    const l = await run(['state', 'kv', 'k2', '--verify'], { fetch: fakePeerFetch(chain, { tamper }) });
    assert.equal(l.code, 1, what);
    assert.match(l.err, /^error SDK_PROOF_INVALID: /, what);
    assert.match(l.err, reason, what);
    assert.equal(l.out, '', `${what}: no value is printed as verified`);
  }
  const otherChain = await run(['state', 'kv', 'k2', '--genesis-hash', '12'.repeat(32)], { fetch: fakePeerFetch(chain) });
  assert.equal(otherChain.code, 1);
  assert.match(otherChain.err, /reason: GENESIS_HASH_MISMATCH/);
});

test('tx-proof checks the header, --verify anchors the block in the history, --out saves a file verify accepts', async () => {
  const chain = chainWithBlocks();
  const txId = bytesToHex(chain.store.getBlockTxIds(2)[1]!);
  const fetch = fakePeerFetch(chain);
  const out = join(root, 'tx.json');
  const r = await run(['tx-proof', txId, '--verify', '--out', out], { fetch });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, new RegExp(`^tx ${txId} is tx 1 of the 2 in block 2 \\(header ${bytesToHex(chain.store.getHeader(2)!.hash)}\\)\nproven against header 2`));
  assert.match(r.out, /in the history of the peer's head: height 4/);
  const offline = await run(['verify', out]);
  assert.equal(offline.code, 0, offline.err);
  assert.match(offline.out, /is tx 1 of the 2 in block 2/);
  const forged = await run(['tx-proof', txId], { fetch: fakePeerFetch(chain, { tamper: (p, b) => (p.endsWith('/proof') ? { ...b, leafIndex: 0 } : b) }) });
  assert.equal(forged.code, 1);
  assert.match(forged.err, /reason: PROOF_ROOT_MISMATCH/);
  const unknown = await run(['tx-proof', 'ee'.repeat(32)], { fetch });
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /^error TX_NOT_FOUND: /);
});
