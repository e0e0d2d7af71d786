// Verifies a stored chain from genesis: every block's rules, and a full re-execution whose header hashes must equal
// the stored ones (so the state root matches a replay). Used by crash tests and `gongxin import`.
import {
  assertBlockRules,
  bytesToHex,
  createHistoryTree,
  createStateTreeFromLeaves,
  equalBytes,
  executeBlock,
  executeGenesis,
  GongxinError,
  leafHash,
  type CallerResolver,
  type GenesisDoc,
  type LedgerStore,
  type ModuleRegistry,
  type Suite,
} from '@gongxin/core';
import { MemoryStore } from '@gongxin/store';

/** What a replay found. */
export interface ReplayResult {
  readonly height: number;
  readonly txs: number;
  readonly stateRoot: string;
  readonly headerHash: string;
}

/**
 * Re-executes every block of `store` on a fresh in-memory chain and checks each header hash.
 * @throws REPLAY_MISMATCH (with the height) when a re-executed header differs, BLOCK_* when a rule is broken
 */
export function replayChain(p: {
  suite: Suite;
  genesis: GenesisDoc;
  modules: ModuleRegistry;
  resolveCaller: CallerResolver;
  store: LedgerStore;
  onBlock?: (height: number) => void;
}): ReplayResult {
  const fresh = new MemoryStore();
  const stateTree = createStateTreeFromLeaves(p.suite.hash, []);
  const history = createHistoryTree(p.suite.hash);
  const g = executeGenesis({ suite: p.suite, genesis: p.genesis, modules: p.modules, state: fresh, stateTree });
  const stored0 = p.store.getHeader(0);
  if (!stored0 || !equalBytes(stored0.hash, g.hash)) throw new GongxinError('REPLAY_MISMATCH', 'block 0 differs from the genesis replay', { height: 0 });
  fresh.commitGenesis(p.genesis, { header: g.header, hash: g.hash, txs: [], writes: g.writes, historyNodes: history.append(leafHash(p.suite.hash, g.hash)) });
  const head = p.store.head()!.header.height;
  let txs = 0;
  for (let h = 1; h <= head; h++) {
    const stored = p.store.getHeader(h)!;
    const prev = fresh.head()!;
    const bytes = p.store.getBlockTxs(h).map((t) => t.bytes);
    assertBlockRules(p.suite.hash, p.genesis.params, prev.header, { header: stored.header, txs: bytes });
    const r = executeBlock({
      suite: p.suite,
      chainId: p.genesis.chainId,
      params: p.genesis.params,
      modules: p.modules,
      resolveCaller: p.resolveCaller,
      prevHeader: prev.header,
      prevHash: prev.hash,
      timestamp: stored.header.timestamp,
      proposer: stored.header.proposer,
      txs: bytes,
      state: fresh,
      stateTree,
      historyRoot: history.root(),
      isCommitted: (id) => fresh.hasTx(id),
    });
    if (!equalBytes(r.hash, stored.hash)) {
      throw new GongxinError('REPLAY_MISMATCH', `block ${h}: re-executed header ${bytesToHex(r.hash)} differs from the stored ${bytesToHex(stored.hash)}`, { height: h });
    }
    fresh.commitBlock({ header: r.header, hash: r.hash, txs: r.txs, writes: r.writes, historyNodes: history.append(leafHash(p.suite.hash, r.hash)) });
    txs += bytes.length;
    p.onBlock?.(h);
  }
  const last = fresh.head()!;
  return { height: head, txs, stateRoot: bytesToHex(last.header.stateRoot), headerHash: bytesToHex(last.hash) };
}
