// The peer: opens the store, rebuilds the in-memory trees, executes ordered batches and commits each block in one
// store transaction. The only place that ties executor, store, orderer and mempool together.
import {
  authorizeCall,
  bytesToHex,
  decode,
  createHistoryTree,
  createMemoryHistoryStore,
  createStateTreeFromLeaves,
  equalBytes,
  executeBlock,
  executeGenesis,
  genesisHash,
  GongxinError,
  leafHash,
  statePath,
  utf8Encode,
  type BlockRecord,
  type CallerResolver,
  type ChainHead,
  type ExecuteBlockResult,
  type GenesisDoc,
  type HistoryTree,
  type LedgerStore,
  type ModuleRegistry,
  type OrderedBatch,
  type Orderer,
  type StateTree,
  type Suite,
  type Value,
} from '@gongxin/core';
import { createMempool, type Mempool } from './mempool.js';
import { createVerifyPool, type VerifyPool } from './verify-pool.js';

/** Everything a peer is made of. The caller opens the store and picks the orderer. */
export interface PeerParams {
  readonly store: LedgerStore;
  readonly genesis: GenesisDoc;
  readonly suite: Suite;
  readonly modules: ModuleRegistry;
  readonly resolveCaller: CallerResolver;
  readonly orderer: Orderer;
  readonly mempoolCapacity?: number;
  readonly verifyThreads?: number;
  /** State versions kept for proofs at past heights (default 16). */
  readonly stateRetain?: number;
}

/** A committed block as listeners see it. */
export interface CommittedBlock {
  readonly result: ExecuteBlockResult;
  /** Milliseconds the block took from delivery to durable commit. */
  readonly commitMs: number;
}

/** A running peer. */
export interface Peer {
  readonly suite: Suite;
  readonly genesis: GenesisDoc;
  readonly genesisHash: Uint8Array;
  readonly store: LedgerStore;
  readonly modules: ModuleRegistry;
  readonly mempool: Mempool;
  readonly pool: VerifyPool;
  readonly stateTree: StateTree;
  readonly history: HistoryTree;
  head(): ChainHead;
  /** Calls `fn` after every committed block; returns an unsubscribe function. */
  onBlock(fn: (b: CommittedBlock) => void): () => void;
  /** Starts executing delivered batches (returns at once). */
  start(): void;
  /** Stops delivery, waits for the block in progress, closes workers and orderer (not the store). */
  stop(): Promise<void>;
  /** Txs committed since start and the total time spent committing, for metrics. */
  readonly stats: { txsCommitted: number; blocksCommitted: number };
}

function rebuildHistory(suite: Suite, store: LedgerStore): HistoryTree {
  const nodes = createMemoryHistoryStore();
  // Stored in (level, index) order or append order: both satisfy put's per-level ordering.
  const all = [...store.loadHistoryNodes()].sort((a, b) => a.level - b.level || a.index - b.index);
  for (const n of all) nodes.put(n.level, n.index, n.hash);
  return createHistoryTree(suite.hash, nodes);
}

function rebuildState(suite: Suite, store: LedgerStore, version: number, retain: number): StateTree {
  const leaves = (function* () {
    for (const [module, key, value] of store.loadState()) {
      yield { path: statePath(suite.hash, module, utf8Encode(key)), valueHash: suite.hash(value) };
    }
  })();
  return createStateTreeFromLeaves(suite.hash, leaves, { version, retain });
}

/**
 * Opens a peer on `store`: writes genesis on first start, otherwise checks the stored genesis is the same,
 * then rebuilds the state and history trees from the store.
 * @throws PEER_GENESIS_MISMATCH when the store belongs to another chain
 */
export function openPeer(p: PeerParams): Peer {
  const { store, suite, genesis } = p;
  const gHash = genesisHash(suite.hash, genesis);
  // Old state versions serve proofs at recent heights; each costs memory (about 4 MB per 10,000 changed keys).
  const retain = p.stateRetain ?? 16;
  const stored = store.getGenesis();
  let stateTree: StateTree;
  let history: HistoryTree;
  if (!stored) {
    stateTree = createStateTreeFromLeaves(suite.hash, [], { retain });
    history = createHistoryTree(suite.hash);
    const g = executeGenesis({ suite, genesis, modules: p.modules, state: store, stateTree });
    const historyNodes = history.append(leafHash(suite.hash, g.hash));
    store.commitGenesis(genesis, { header: g.header, hash: g.hash, txs: [], writes: g.writes, historyNodes });
  } else {
    if (!equalBytes(genesisHash(suite.hash, stored), gHash)) {
      throw new GongxinError('PEER_GENESIS_MISMATCH', 'the data directory holds another chain (genesis differs)', { chainId: stored.chainId });
    }
    const head = store.head()!;
    history = rebuildHistory(suite, store);
    stateTree = rebuildState(suite, store, head.header.height, retain);
    if (!equalBytes(stateTree.root(), head.header.stateRoot) || history.size !== head.header.height + 1) {
      throw new GongxinError('PEER_STORE_CORRUPT', 'rebuilt state or history does not match the stored head', { height: head.header.height });
    }
  }
  const rules = { chainId: genesis.chainId, maxTxBytes: genesis.params.maxTxBytes, maxValidityMs: genesis.params.maxValidityMs };
  const pool = createVerifyPool({ suiteId: suite.id, rules, ...(p.verifyThreads !== undefined ? { threads: p.verifyThreads } : {}) });
  const mempool = createMempool({
    pool,
    orderer: p.orderer,
    isCommitted: (id) => store.hasTx(id),
    // Stateful admission against committed state: module, command, caller's roles and key status, and the
    // args' schema. The block re-checks all of it; this only spares clients a failed receipt for the obvious.
    precheck: (call) => {
      const read = (module: string, key: string): Value | undefined => {
        const v = store.get(module, key);
        return v === undefined ? undefined : decode(v);
      };
      const { cmd } = authorizeCall(p.modules, p.resolveCaller, read, call);
      (cmd.parse as (a: Value) => unknown)(call.args);
    },
    maxTxBytes: genesis.params.maxTxBytes,
    ...(p.mempoolCapacity !== undefined ? { capacity: p.mempoolCapacity } : {}),
  });
  const listeners = new Set<(b: CommittedBlock) => void>();
  const stats = { txsCommitted: 0, blocksCommitted: 0 };
  const abort = new AbortController();
  let running: Promise<void> | null = null;

  function commit(batch: OrderedBatch): void {
    const started = performance.now();
    const head = store.head()!;
    if (batch.height !== head.header.height + 1) {
      throw new GongxinError('PEER_BATCH_OUT_OF_ORDER', `batch ${batch.height} after head ${head.header.height}`);
    }
    const result = executeBlock({
      suite,
      chainId: genesis.chainId,
      params: genesis.params,
      modules: p.modules,
      resolveCaller: p.resolveCaller,
      prevHeader: head.header,
      prevHash: head.hash,
      timestamp: batch.timestamp,
      proposer: batch.proposer,
      txs: batch.txs,
      state: store,
      stateTree,
      historyRoot: history.root(),
      // A tx pending in our mempool passed the duplicate check at admission and the mempool admits each id once
      // until it commits, so it cannot be in an earlier block: skip the store lookup (same answer, less I/O).
      isCommitted: (id) => !mempool.isPending(bytesToHex(id)) && store.hasTx(id),
      isSignatureVerified: (id) => mempool.isPending(bytesToHex(id)),
      preDecoded: (bytes) => mempool.decoded(bytes),
    });
    const historyNodes = history.append(leafHash(suite.hash, result.hash));
    const record: BlockRecord = {
      header: result.header,
      hash: result.hash,
      txs: result.txs,
      writes: result.writes,
      historyNodes,
    };
    store.commitBlock(record);
    mempool.onCommitted(result.txs.map((t) => bytesToHex(t.id)));
    stats.txsCommitted += result.txs.length;
    stats.blocksCommitted++;
    const committed = { result, commitMs: performance.now() - started };
    for (const fn of listeners) fn(committed);
  }

  async function loop(): Promise<void> {
    const head = store.head()!;
    for await (const batch of p.orderer.deliver({ height: head.header.height + 1, lastTimestamp: head.header.timestamp }, abort.signal)) {
      commit(batch);
      // Let HTTP handlers and worker replies run between blocks.
      await new Promise((r) => setImmediate(r));
    }
  }

  return {
    suite,
    genesis,
    genesisHash: gHash,
    store,
    modules: p.modules,
    mempool,
    pool,
    get stateTree() {
      return stateTree;
    },
    history,
    head: () => store.head()!,
    onBlock(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    start() {
      running ??= loop().catch((e: unknown) => {
        // A failure here means a bug or a broken disk: stop rather than diverge from the other peers.
        console.error('peer: block execution or commit failed; stopping', e);
        process.exitCode = 70;
        process.kill(process.pid, 'SIGTERM');
      });
    },
    async stop() {
      abort.abort();
      await p.orderer.close();
      await running;
      await pool.close();
    },
    stats,
  };
}
