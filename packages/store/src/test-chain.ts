// A deterministic chain of BlockRecords for store tests (conformance, crash): real header hashes and history-tree
// nodes (SHA-256, core's history tree), synthetic tx bytes and receipts. Not for production use.
import { createHash } from 'node:crypto';
import { createHistoryTree, createMemoryHistoryStore, genesisHash, GongxinError, headerHash, leafHash, utf8Encode } from '@gongxin/core';
import type { BlockHeader, BlockRecord, GenesisDoc, HistoryTree, LedgerStore, Receipt, StateWrite } from '@gongxin/core';

/** SHA-256, the hash of the fixture chain. */
export function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

const text = (s: string): Uint8Array => sha256(utf8Encode(s));

/** One tx of a fixture block; omitted parts are derived from (height, index). */
export interface TestTxSpec {
  readonly id?: Uint8Array;
  readonly bytes?: Uint8Array;
  readonly receipt?: Receipt;
}

/** What goes into a fixture block. */
export interface TestBlockSpec {
  /** A number makes that many derived txs. */
  readonly txs?: number | readonly TestTxSpec[];
  readonly writes?: readonly StateWrite[];
}

/** Builds consecutive blocks; each `next` call advances, so commit every block it returns, in order. */
export interface TestChain {
  readonly genesis: GenesisDoc;
  /** Block 0 (call once, first). */
  block0(spec?: TestBlockSpec): BlockRecord;
  /** The block after the last one built. */
  next(spec?: TestBlockSpec): BlockRecord;
}

/** The fixture genesis document. */
export function testGenesis(chainId = 'store-test'): GenesisDoc {
  return {
    chainId,
    suite: 'ed25519-sha256',
    timestamp: 1_750_000_000_000,
    params: { maxTxBytes: 65_536, maxBlockTxs: 20_000, maxBlockBytes: 33_554_432, maxValidityMs: 3_600_000 },
    modules: { test: { seed: 1 } },
  };
}

/** The derived tx `index` of block `height`: id, ~150 bytes, and a receipt with one event. */
export function testTx(height: number, index: number): { id: Uint8Array; bytes: Uint8Array; receipt: Receipt } {
  const id = text(`tx/${height}/${index}`);
  const bytes = new Uint8Array(150);
  for (let i = 0; i < bytes.length; i += 32) bytes.set(text(`body/${height}/${index}/${i}`).subarray(0, Math.min(32, bytes.length - i)), i);
  const ok = index % 5 !== 4;
  const receipt: Receipt = ok
    ? { txId: id, ok, code: '', message: '', events: [{ module: 'test', type: 'stored', attrs: { height, index, note: 'é✓' } }] }
    : { txId: id, ok, code: 'TEST_REJECTED', message: `tx ${index} rejected`, events: [] };
  return { id, bytes, receipt };
}

function blockTxs(height: number, spec: TestBlockSpec): BlockRecord['txs'] {
  const txs = spec.txs ?? 0;
  if (typeof txs === 'number') return Array.from({ length: txs }, (_, i) => testTx(height, i));
  return txs.map((t, i) => {
    const d = testTx(height, i);
    return { id: t.id ?? d.id, bytes: t.bytes ?? d.bytes, receipt: t.receipt ?? { ...d.receipt, txId: t.id ?? d.id } };
  });
}

function makeBlock(tree: HistoryTree, prev: { hash: Uint8Array; timestamp: number }, chainId: string, height: number, spec: TestBlockSpec): BlockRecord {
  const txs = blockTxs(height, spec);
  const header: BlockHeader = {
    chainId,
    height,
    prevHash: prev.hash,
    timestamp: prev.timestamp + 1000,
    txCount: txs.length,
    txRoot: text(`txRoot/${height}`),
    receiptsRoot: text(`receiptsRoot/${height}`),
    stateRoot: text(`stateRoot/${height}`),
    historyRoot: tree.root(),
    proposer: height === 0 ? new Uint8Array(0) : text('proposer'),
  };
  const hash = headerHash(sha256, header);
  const historyNodes = tree.append(leafHash(sha256, hash));
  return { header, hash, txs, writes: spec.writes ?? [], historyNodes };
}

function chainFrom(genesis: GenesisDoc, tree: HistoryTree, start: { hash: Uint8Array; timestamp: number }, startHeight: number): TestChain {
  let prev = start;
  let height = startHeight;
  const build = (spec: TestBlockSpec = {}): BlockRecord => {
    const b = makeBlock(tree, prev, genesis.chainId, height, spec);
    prev = { hash: b.hash, timestamp: b.header.timestamp };
    height++;
    return b;
  };
  return { genesis, block0: build, next: build };
}

/**
 * A fresh fixture chain.
 * @example const chain = createTestChain(); store.commitGenesis(chain.genesis, chain.block0());
 */
export function createTestChain(chainId = 'store-test'): TestChain {
  const genesis = testGenesis(chainId);
  return chainFrom(genesis, createHistoryTree(sha256), { hash: genesisHash(sha256, genesis), timestamp: genesis.timestamp - 1000 }, 0);
}

/**
 * A fixture chain continuing from what `store` holds (its head and history nodes).
 * @throws STORE_NO_GENESIS when the store is empty
 */
export function resumeTestChain(store: LedgerStore): TestChain {
  const head = store.head();
  const genesis = store.getGenesis();
  if (head === undefined || genesis === undefined) throw new GongxinError('STORE_NO_GENESIS', 'resumeTestChain: the store is empty');
  const nodes = createMemoryHistoryStore();
  for (const n of store.loadHistoryNodes()) nodes.put(n.level, n.index, n.hash);
  return chainFrom(genesis, createHistoryTree(sha256, nodes), { hash: head.hash, timestamp: head.header.timestamp }, head.header.height + 1);
}
