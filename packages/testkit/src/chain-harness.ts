// A whole chain in memory for tests: genesis, then blocks executed and committed exactly as a peer does, without
// HTTP, mempool or ordering. Scenario tests drive their modules through it.
import {
  createHistoryTree,
  createStateTreeFromLeaves,
  encodeTx,
  executeBlock,
  executeGenesis,
  leafHash,
  txSigningDigest,
  DEFAULT_CHAIN_PARAMS,
  type CallerResolver,
  type ChainHead,
  type ExecuteBlockResult,
  type GenesisDoc,
  type HistoryTree,
  type LedgerModule,
  type LedgerStore,
  type StateTree,
  type SuiteId,
  type SyncSigner,
  type TxBody,
  type Value,
  type ValueMap,
} from '@gongxin/core';
import { getSuite, type CryptoSuite } from '@gongxin/crypto';
import { MemoryStore } from '@gongxin/store';

/** Options of `createTestChain`. */
export interface TestChainParams {
  readonly suite?: SuiteId;
  readonly chainId?: string;
  readonly modules: readonly LedgerModule[];
  readonly resolveCaller: CallerResolver;
  readonly genesisModules?: ValueMap;
  readonly timestamp?: number;
  readonly store?: LedgerStore;
}

/** A chain under test. */
export interface TestChain {
  readonly suite: CryptoSuite;
  readonly genesis: GenesisDoc;
  readonly store: LedgerStore;
  readonly stateTree: StateTree;
  readonly history: HistoryTree;
  head(): ChainHead;
  /** Signed tx bytes for a call; the window covers `at` (default: the next block time). */
  tx(p: { module: string; command: string; args: Value; signer: SyncSigner; nonce?: number; at?: number; patch?: Partial<TxBody> }): Uint8Array;
  /** Executes and commits a block of `txs` at `timestamp` (default: head + 1000 ms). */
  block(txs: readonly Uint8Array[], timestamp?: number): ExecuteBlockResult;
}

let nonce = 0;

/**
 * Creates a chain in memory and commits its genesis.
 * @example const chain = createTestChain({ modules: [notaryModule], resolveCaller }); chain.block([chain.tx({...})]);
 */
export function createTestChain(p: TestChainParams): TestChain {
  const suite = getSuite(p.suite ?? 'ed25519-sha256');
  const genesis: GenesisDoc = {
    chainId: p.chainId ?? 'gongxin-test',
    suite: suite.id,
    timestamp: p.timestamp ?? 1_764_000_000_000,
    params: DEFAULT_CHAIN_PARAMS,
    modules: p.genesisModules ?? {},
  };
  const modules = new Map(p.modules.map((m) => [m.name, m]));
  const store = p.store ?? new MemoryStore();
  const stateTree = createStateTreeFromLeaves(suite.hash, []);
  const history = createHistoryTree(suite.hash);
  const g = executeGenesis({ suite, genesis, modules, state: store, stateTree });
  store.commitGenesis(genesis, { header: g.header, hash: g.hash, txs: [], writes: g.writes, historyNodes: history.append(leafHash(suite.hash, g.hash)) });
  const head = (): ChainHead => store.head()!;
  return {
    suite,
    genesis,
    store,
    stateTree,
    history,
    head,
    tx({ module, command, args, signer, at, patch, ...rest }) {
      const t = at ?? head().header.timestamp + 1000;
      const body: TxBody = {
        chainId: genesis.chainId,
        module,
        command,
        args,
        signer: signer.publicKey,
        nonce: rest.nonce ?? ++nonce,
        notBefore: t - 60_000,
        notAfter: t + 60_000,
        ...patch,
      };
      return encodeTx({ body, signature: signer.signSync(txSigningDigest(suite.hash, body)) });
    },
    block(txs, timestamp) {
      const h = head();
      const result = executeBlock({
        suite,
        chainId: genesis.chainId,
        params: genesis.params,
        modules,
        resolveCaller: p.resolveCaller,
        prevHeader: h.header,
        prevHash: h.hash,
        timestamp: timestamp ?? h.header.timestamp + 1000,
        proposer: new Uint8Array(32),
        txs,
        state: store,
        stateTree,
        historyRoot: history.root(),
        isCommitted: (id) => store.hasTx(id),
      });
      const historyNodes = history.append(leafHash(suite.hash, result.hash));
      store.commitBlock({ header: result.header, hash: result.hash, txs: result.txs, writes: result.writes, historyNodes });
      return result;
    },
  };
}
