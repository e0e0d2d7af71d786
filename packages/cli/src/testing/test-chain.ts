// Test fixture (not shipped): a real chain built with core's executor, trees and a small `kv` module, committed to
// a memory ledger — blocks, receipts, state and proofs exactly as a peer makes them, without a peer.
import {
  bytesToHex,
  createHistoryTree,
  createStateTreeFromLeaves,
  DEFAULT_CHAIN_PARAMS,
  encodeTx,
  executeBlock,
  executeGenesis,
  genesisHash,
  GongxinError,
  leafHash,
  ROLE_PUBLIC,
  txSigningDigest,
  type CallerResolver,
  type ExecuteBlockResult,
  type GenesisDoc,
  type HistoryTree,
  type LedgerModule,
  type LedgerStore,
  type StateTree,
  type SuiteId,
  type SyncSigner,
  type Value,
} from '@gongxin/core';
import { createSigner, generateKeyPair, getSuite } from '@gongxin/crypto';
import { defineCommand, defineQuery } from '@gongxin/modules';
import { createMemoryLedger } from '../archive/memory-ledger.js';
import type { ChainRuntime } from '../archive/replay.js';

function kvArgs(a: Value): { key: string; value: Value } {
  const m = a as { key?: unknown; value?: Value } | null;
  if (m === null || typeof m !== 'object' || typeof m.key !== 'string' || m.value === undefined) {
    throw new GongxinError('TX_INVALID_ARGS', 'args must be { key: string, value }');
  }
  return { key: m.key, value: m.value };
}

/** A tiny module: anyone may set a key; `fail` always fails; query `get`. */
export const kvModule: LedgerModule = {
  name: 'kv',
  commands: {
    set: defineCommand({
      roles: [ROLE_PUBLIC],
      parse: kvArgs,
      apply(ctx, a) {
        ctx.set(a.key, a.value);
        ctx.emit('set', { key: a.key });
      },
    }),
    fail: defineCommand({
      roles: [ROLE_PUBLIC],
      parse: (a) => a,
      apply() {
        throw new GongxinError('KV_REFUSED', 'refused on purpose');
      },
    }),
  },
  queries: {
    get: defineQuery({ parse: (p) => kvArgs({ value: null, ...(p as object) }), run: (ctx, p) => ctx.get(p.key) ?? null }),
  },
  events: ['set'],
  initGenesis(ctx, config) {
    ctx.set('seed', config ?? null);
  },
};

/** Everyone is a public caller. */
export const publicResolver: CallerResolver = (_read, publicKey) => ({ publicKey, publicKeyHex: bytesToHex(publicKey), org: null, roles: [ROLE_PUBLIC] });

/** The runtime the test chain runs. */
export const testRuntime: ChainRuntime = { modules: new Map([['kv', kvModule]]), resolveCaller: publicResolver };

/** A chain under construction. */
export interface TestChain {
  readonly suite: ReturnType<typeof getSuite>;
  readonly genesis: GenesisDoc;
  readonly genesisHash: Uint8Array;
  readonly store: LedgerStore;
  readonly stateTree: StateTree;
  readonly history: HistoryTree;
  readonly signer: SyncSigner;
  /** Signed tx bytes calling module.command(args), valid around the chain's time. */
  tx(module: string, command: string, args: Value, signer?: SyncSigner): Uint8Array;
  /** Executes and commits the next block (timestamp: previous + 1 s). */
  commit(txs: readonly Uint8Array[]): ExecuteBlockResult;
}

let nonce = 1;

/**
 * A new chain at block 0.
 * @example const c = createTestChain(); c.commit([c.tx('kv', 'set', { key: 'a', value: 1 })]);
 */
export function createTestChain(p: { readonly suite?: SuiteId; readonly chainId?: string } = {}): TestChain {
  const suite = getSuite(p.suite ?? 'ed25519-sha256');
  const genesis: GenesisDoc = { chainId: p.chainId ?? 'test-chain', suite: suite.id, timestamp: 1_800_000_000_000, params: DEFAULT_CHAIN_PARAMS, modules: { kv: 'hello' } };
  const store = createMemoryLedger();
  const stateTree = createStateTreeFromLeaves(suite.hash, [], { retain: 10_000 });
  const history = createHistoryTree(suite.hash);
  const g = executeGenesis({ suite, genesis, modules: testRuntime.modules, state: store, stateTree });
  store.commitGenesis(genesis, { header: g.header, hash: g.hash, txs: [], writes: g.writes, historyNodes: history.append(leafHash(suite.hash, g.hash)) });
  const pair = generateKeyPair(suite.id);
  const signer = createSigner(suite.id, pair.privateKey);
  const chain: TestChain = {
    suite,
    genesis,
    genesisHash: genesisHash(suite.hash, genesis),
    store,
    stateTree,
    history,
    signer,
    tx(module, command, args, s = signer) {
      const at = store.head()!.header.timestamp;
      const body = { chainId: genesis.chainId, module, command, args, signer: s.publicKey, nonce: nonce++, notBefore: at - 60_000, notAfter: at + 600_000 };
      return encodeTx({ body, signature: s.signSync(txSigningDigest(suite.hash, body)) });
    },
    commit(txs) {
      const head = store.head()!;
      const result = executeBlock({
        suite,
        chainId: genesis.chainId,
        params: genesis.params,
        ...testRuntime,
        prevHeader: head.header,
        prevHash: head.hash,
        timestamp: head.header.timestamp + 1000,
        proposer: signer.publicKey,
        txs,
        state: store,
        stateTree,
        historyRoot: history.root(),
        isCommitted: (id) => store.hasTx(id),
      });
      const historyNodes = history.append(leafHash(suite.hash, result.hash));
      store.commitBlock({ header: result.header, hash: result.hash, txs: result.txs.map((t) => ({ id: t.id, bytes: t.bytes, receipt: t.receipt })), writes: result.writes, historyNodes });
      return result;
    },
  };
  return chain;
}
