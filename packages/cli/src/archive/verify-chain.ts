// verifyChain (docs/cli.md §verify-chain; the crash tests' oracle): replays a data directory's ledger in memory, block
// by block against its stored headers and receipts, then checks the stored state and history against the replay.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  bytesToHex,
  createHistoryTree,
  createMemoryHistoryStore,
  createStateTreeFromLeaves,
  encodeReceipt,
  equalBytes,
  genesisHash,
  GongxinError,
  headerHash,
  statePath,
  utf8Encode,
  type Block,
  type LedgerStore,
  type StoredTx,
} from '@gongxin/core';
import { getSuite } from '@gongxin/crypto';
import { CLI_ERRORS } from '../errors.js';
import { loadNodeApi } from '../node-api.js';
import { createMemoryLedger } from './memory-ledger.js';
import { openExistingLedger } from './open-ledger.js';
import { replayBlocks, type ChainRuntime, type ReplayResult } from './replay.js';
import { defaultRuntime } from './runtime.js';

/** Options of `verifyChain`. */
export interface VerifyChainParams {
  readonly dataDir: string;
  /** Default: the standard peer's modules and resolver. */
  readonly runtime?: ChainRuntime;
  /** Told the number of blocks to check, before the first. */
  readonly onStart?: (blocks: number) => void;
  readonly onBlock?: (height: number, txs: number) => void;
}

/** A chain that verified, and the figures of its head. */
export interface VerifyChainResult extends ReplayResult {
  /** Number of stored state entries (all proven by the state root of the head at `stateHeight`). */
  readonly stateEntries: number;
  /** The head the stored state was checked against: `height`, or later when a running peer committed meanwhile. */
  readonly stateHeight: number;
}

function storeMismatch(message: string, details: Record<string, string | number> = {}): never {
  throw new GongxinError(CLI_ERRORS.storeMismatch, message, details);
}

/** Stored blocks as decoded blocks, each stored header hash checked on the way. */
function* storedBlocks(store: LedgerStore, last: number, hash: (b: Uint8Array) => Uint8Array, current: { txs: StoredTx[] }): Generator<Block> {
  for (let h = 0; h <= last; h++) {
    const head = store.getHeader(h);
    if (head === undefined) storeMismatch(`the ledger has no block ${h} below its head ${last}`, { height: h });
    if (!equalBytes(headerHash(hash, head.header), head.hash)) storeMismatch(`block ${h}: the stored hash is not the hash of the stored header`, { height: h });
    current.txs = store.getBlockTxs(h);
    yield { header: head.header, txs: current.txs.map((t) => t.bytes) };
  }
}

/** The stored state and history, rebuilt, checked against the stored head they belong to and against the replay. */
function checkStoredTrees(store: LedgerStore, r: ReplayResult, suiteHash: (b: Uint8Array) => Uint8Array): { entries: number; height: number } {
  // A peer may commit while this reads: retry until the head is the same before and after (commits are atomic).
  for (let attempt = 0; ; attempt++) {
    const before = store.head()!;
    let entries = 0;
    const leaves = (function* () {
      for (const [module, key, value] of store.loadState()) {
        entries++;
        yield { path: statePath(suiteHash, module, utf8Encode(key)), valueHash: suiteHash(value) };
      }
    })();
    const root = createStateTreeFromLeaves(suiteHash, leaves).root();
    const nodes = createMemoryHistoryStore();
    for (const n of [...store.loadHistoryNodes()].sort((a, b) => a.level - b.level || a.index - b.index)) nodes.put(n.level, n.index, n.hash);
    const history = createHistoryTree(suiteHash, nodes);
    const after = store.head()!;
    if (after.header.height !== before.header.height && attempt < 10) continue;
    const at = before.header;
    if (!equalBytes(root, at.stateRoot)) storeMismatch(`the stored state hashes to ${bytesToHex(root)}, not the state root ${bytesToHex(at.stateRoot)} of head ${at.height}`);
    if (history.size !== at.height + 1 || !equalBytes(history.rootAt(r.height + 1), r.historyRoot)) {
      storeMismatch(`the stored history (${history.size} headers) does not match the replayed one (${r.height + 1} headers)`);
    }
    return { entries, height: at.height };
  }
}

/**
 * Verifies a data directory's ledger from genesis. The store is only read; a peer may be running on it.
 * @throws CLI_LEDGER_MISSING, CLI_REPLAY_MISMATCH (a block does not re-execute to its header), CLI_STORE_MISMATCH
 *   (stored hashes, receipts, state or history disagree with the replay), BLOCK_* (block rules)
 * @param params the data directory, or { dataDir, runtime?, onStart?, onBlock? }
 * @example const r = await verifyChain('./data'); console.log(r.height, bytesToHex(r.stateRoot));
 */
export async function verifyChain(params: VerifyChainParams | string): Promise<VerifyChainResult> {
  const p = typeof params === 'string' ? { dataDir: params } : params;
  const runtime = p.runtime ?? (await defaultRuntime());
  const store = await openExistingLedger(p.dataDir);
  try {
    const genesis = store.getGenesis();
    const head = store.head();
    if (genesis === undefined || head === undefined) throw new GongxinError(CLI_ERRORS.ledgerMissing, `the ledger in ${p.dataDir} holds no chain yet`);
    const suite = getSuite(genesis.suite);
    if (existsSync(join(p.dataDir, 'genesis.json'))) {
      const file = (await loadNodeApi()).readGenesis(p.dataDir);
      if (!equalBytes(genesisHash(suite.hash, file), genesisHash(suite.hash, genesis))) storeMismatch('genesis.json is not the genesis the ledger was created with');
    }
    const last = head.header.height;
    p.onStart?.(last + 1);
    const current: { txs: StoredTx[] } = { txs: [] };
    const r = replayBlocks({
      genesis,
      suite,
      blocks: storedBlocks(store, last, suite.hash, current),
      target: createMemoryLedger({ keepBlocks: false }),
      ...runtime,
      onBlock: (result) => {
        result.txs.forEach((t, i) => {
          const stored = current.txs[i];
          if (stored === undefined || !equalBytes(encodeReceipt(stored.receipt), encodeReceipt(t.receipt))) {
            storeMismatch(`block ${result.header.height}: the stored receipt of tx ${i} differs from its replay`, { height: result.header.height, index: i });
          }
        });
        p.onBlock?.(result.header.height, result.txs.length);
      },
    });
    if (!equalBytes(r.headHash, head.hash)) storeMismatch('the replayed head is not the stored head');
    const stored = checkStoredTrees(store, r, suite.hash);
    return { ...r, stateEntries: stored.entries, stateHeight: stored.height };
  } finally {
    store.close();
  }
}
