// verifyChain on a real SQLite ledger (the crash tests' oracle): a good ledger verifies from genesis; a changed
// state value, header hash or genesis.json is reported as CLI_STORE_MISMATCH; a missing ledger as CLI_LEDGER_MISSING.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { genesisToValue, isGongxinError } from '@gongxin/core';
import { valueToJson } from '@gongxin/node';
import Database from 'better-sqlite3';
import { createTestChain, testRuntime, type TestChain } from '../testing/test-chain.js';
import { createLedger, ledgerPath } from './open-ledger.js';
import { replayBlocks } from './replay.js';
import { verifyChain } from './verify-chain.js';

const root = mkdtempSync(join(tmpdir(), 'gongxin-cli-vchain-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A data dir whose ledger.sqlite holds `c` (replayed into SQLite), with its genesis.json. */
async function dataDirOf(c: TestChain, name: string): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  const store = await createLedger(dir);
  const last = c.store.head()!.header.height;
  replayBlocks({
    genesis: c.genesis,
    blocks: Array.from({ length: last + 1 }, (_, h) => ({ header: c.store.getHeader(h)!.header, txs: c.store.getBlockTxs(h).map((t) => t.bytes) })),
    target: store,
    ...testRuntime,
  });
  store.close();
  writeFileSync(join(dir, 'genesis.json'), JSON.stringify(valueToJson(genesisToValue(c.genesis))));
  return dir;
}

function chain(): TestChain {
  const c = createTestChain();
  for (let h = 1; h <= 5; h++) c.commit([c.tx('kv', 'set', { key: `k${h}`, value: h }), c.tx('kv', 'set', { key: 'shared', value: h })]);
  return c;
}

test('a good ledger verifies from genesis, block by block', async () => {
  const c = chain();
  const dir = await dataDirOf(c, 'good');
  const heights: number[] = [];
  const r = await verifyChain({ dataDir: dir, runtime: testRuntime, onStart: (n) => heights.push(-n), onBlock: (h) => heights.push(h) });
  assert.equal(r.stateHeight, 5);
  assert.deepEqual(heights, [-6, 0, 1, 2, 3, 4, 5]);
  assert.equal(r.height, 5);
  assert.deepEqual(r.headHash, c.store.head()!.hash);
  assert.deepEqual(r.stateRoot, c.store.head()!.header.stateRoot);
  assert.equal(r.txs, 10);
  assert.equal(r.stateEntries, 7, 'seed, shared, k1..k5');
});

test('a changed state value, header hash or genesis.json is CLI_STORE_MISMATCH', async () => {
  const c = chain();
  const tamper = async (name: string, sql: string): Promise<string> => {
    const dir = await dataDirOf(c, name);
    const db = new Database(ledgerPath(dir));
    db.exec(sql);
    db.close();
    return dir;
  };
  const mismatch = (message: RegExp) => (e: unknown) => isGongxinError(e, 'CLI_STORE_MISMATCH') && message.test(e.message);
  const state = await tamper('state', "UPDATE state SET value = X'07' WHERE module = 'kv' AND key = 'k3'");
  await assert.rejects(verifyChain({ dataDir: state, runtime: testRuntime }), mismatch(/the stored state hashes to/));
  const extra = await tamper('extra', "INSERT INTO state VALUES ('kv', 'planted', X'01')");
  await assert.rejects(verifyChain({ dataDir: extra, runtime: testRuntime }), mismatch(/the stored state hashes to/));
  const hash = await tamper('hash', 'UPDATE headers SET hash = zeroblob(32) WHERE height = 2');
  await assert.rejects(verifyChain({ dataDir: hash, runtime: testRuntime }), mismatch(/block 2: the stored hash is not the hash of the stored header/));
  const genesis = await dataDirOf(c, 'genesis');
  writeFileSync(join(genesis, 'genesis.json'), JSON.stringify(valueToJson(genesisToValue({ ...c.genesis, chainId: 'other' }))));
  await assert.rejects(verifyChain({ dataDir: genesis, runtime: testRuntime }), mismatch(/genesis\.json is not the genesis/));
  // Executing with other rules than the chain's is a replay mismatch, not a pass.
  const good = await dataDirOf(c, 'rules');
  const strict = { ...testRuntime, modules: new Map() };
  await assert.rejects(verifyChain({ dataDir: good, runtime: strict }), (e: unknown) => isGongxinError(e, 'CLI_REPLAY_MISMATCH'));
  await assert.rejects(verifyChain({ dataDir: join(root, 'nothing'), runtime: testRuntime }), (e: unknown) => isGongxinError(e, 'CLI_LEDGER_MISSING'));
});
