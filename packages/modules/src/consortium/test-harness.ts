// In-memory chain for module tests: drives core's real executor (executeGenesis / executeBlock) over a Map-backed
// StateReader, with a trivial state commitment and a suite that accepts every signature (signatures are not under test).
import {
  DEFAULT_CHAIN_PARAMS,
  GongxinError,
  bytesToHex,
  decode,
  encodeTx,
  executeBlock,
  executeGenesis,
  hexToBytes,
  type BlockHeader,
  type CallerResolver,
  type HashFn,
  type LedgerModule,
  type QueryContext,
  type Receipt,
  type StateCommitment,
  type StateReader,
  type StateWrite,
  type Suite,
  type Value,
  type ValueMap,
} from '@gongxin/core';

/** One tx to run: signer key (hex or bytes), module (default the first registered), command, args. */
export interface HarnessTx {
  readonly signer: string | Uint8Array;
  readonly module?: string;
  readonly command: string;
  readonly args: Value;
}

/** Parameters of `createTestChain`. */
export interface TestChainParams {
  /** The suite hash (tests pass SHA-256 from node:crypto; modules code may not import node:*). */
  readonly hash: HashFn;
  readonly modules: readonly LedgerModule[];
  readonly resolveCaller: CallerResolver;
  /** genesis.modules: each module's section by name. */
  readonly genesis: ValueMap;
  readonly chainId?: string;
  /** Block 0's timestamp (ms); later blocks default to 1 s apart. */
  readonly timestamp?: number;
}

/** A running in-memory chain. Committed state changes only through blocks. */
export interface TestChain {
  /** Timestamp of the last block. */
  readonly now: number;
  readonly height: number;
  /** Runs one block with these txs (at `timestamp`, default now + 1000) and returns their receipts. */
  block(txs: readonly HarnessTx[], timestamp?: number): Receipt[];
  /** Runs one block with one tx. */
  tx(t: HarnessTx, timestamp?: number): Receipt;
  /** Runs a module's query against committed state. */
  query(module: string, name: string, params?: Value): Value;
  /** Committed value at (module, key). */
  get(module: string, key: string): Value | undefined;
  /** Canonical dump of all committed state: equal strings mean equal state. */
  snapshot(): string;
  /** Receipts of every block so far, in order. */
  readonly history: ReadonlyArray<{ readonly height: number; readonly receipts: readonly Receipt[] }>;
}

class MemoryState implements StateReader {
  readonly data = new Map<string, Map<string, Uint8Array>>();
  get(module: string, key: string): Uint8Array | undefined {
    return this.data.get(module)?.get(key);
  }
  scan(module: string, prefix: string, after: string | undefined, limit: number): Array<readonly [string, Uint8Array]> {
    const m = this.data.get(module);
    if (!m) return [];
    // Keys here are ASCII, where UTF-16 order equals UTF-8 byte order.
    const keys = [...m.keys()].filter((k) => k.startsWith(prefix) && (after === undefined || k > after)).sort();
    return keys.slice(0, limit).map((k) => [k, m.get(k)!] as const);
  }
  apply(writes: readonly StateWrite[]): void {
    for (const w of writes) {
      let m = this.data.get(w.module);
      if (!m) this.data.set(w.module, (m = new Map()));
      if (w.value === null) m.delete(w.key);
      else m.set(w.key, w.value);
    }
  }
}

function acceptAllSuite(hash: HashFn): Suite {
  return {
    id: 'ed25519-sha256',
    hash,
    verify: () => true,
    isPublicKey: (k) => k.length === 32 || k.length === 33 || k.length === 65,
    publicKeyLength: 32,
    signatureLength: 64,
  };
}

const trivialCommitment: StateCommitment = { applyBatch: () => new Uint8Array(32) };

/**
 * Starts an in-memory chain at genesis. Every tx goes through the real executor: decode, stateless checks,
 * caller resolution, the role check, parse → check → apply, and a dropped tx layer on rejection.
 * @throws GongxinError from a module rejecting its genesis section
 * @example const chain = createTestChain({ hash: sha256, modules: [consortiumModule], resolveCaller: resolveConsortiumCaller, genesis });
 */
export function createTestChain(p: TestChainParams): TestChain {
  const suite = acceptAllSuite(p.hash);
  const chainId = p.chainId ?? 'gongxin-test';
  const registry = new Map(p.modules.map((m) => [m.name, m] as const));
  const state = new MemoryState();
  const committed = new Set<string>();
  const history: Array<{ height: number; receipts: Receipt[] }> = [];
  const g = executeGenesis({
    suite,
    genesis: { chainId, suite: suite.id, timestamp: p.timestamp ?? 1_700_000_000_000, params: DEFAULT_CHAIN_PARAMS, modules: p.genesis },
    modules: registry,
    state,
    stateTree: trivialCommitment,
  });
  state.apply(g.writes);
  let head: BlockHeader = g.header;
  let headHash = g.hash;
  let nonce = 0;

  const block = (txs: readonly HarnessTx[], timestamp?: number): Receipt[] => {
    const at = timestamp ?? head.timestamp + 1000;
    const bytes = txs.map((t) => {
      const signer = typeof t.signer === 'string' ? hexToBytes(t.signer) : t.signer;
      const module = t.module ?? p.modules[0]?.name ?? '';
      const body = { chainId, module, command: t.command, args: t.args, signer, nonce: nonce++, notBefore: at, notAfter: at };
      return encodeTx({ body, signature: new Uint8Array(64) });
    });
    const r = executeBlock({
      suite,
      chainId,
      params: DEFAULT_CHAIN_PARAMS,
      modules: registry,
      resolveCaller: p.resolveCaller,
      prevHeader: head,
      prevHash: headHash,
      timestamp: at,
      proposer: new Uint8Array(32),
      txs: bytes,
      state,
      stateTree: trivialCommitment,
      historyRoot: new Uint8Array(32),
      isCommitted: (id) => committed.has(bytesToHex(id)),
    });
    state.apply(r.writes);
    for (const t of r.txs) committed.add(bytesToHex(t.id));
    head = r.header;
    headHash = r.hash;
    const receipts = r.txs.map((t) => t.receipt);
    history.push({ height: head.height, receipts });
    return receipts;
  };

  const query = (module: string, name: string, params: Value = null): Value => {
    const mod = registry.get(module);
    const q = mod && Object.hasOwn(mod.queries, name) ? mod.queries[name] : undefined;
    if (!q) throw new GongxinError('QUERY_UNKNOWN', `no query ${module}.${name}`);
    const decodeAt = (m: string, k: string): Value | undefined => {
      const b = state.get(m, k);
      return b === undefined ? undefined : decode(b);
    };
    const ctx: QueryContext = {
      height: head.height,
      get: (k) => decodeAt(module, k),
      read: decodeAt,
      scan: (prefix, opts) => state.scan(module, prefix, opts?.after, opts?.limit ?? 1000).map(([k, b]) => [k, decode(b)] as const),
    };
    return (q.run as (c: QueryContext, x: never) => Value)(ctx, (q.parse as (v: Value) => never)(params));
  };

  const snapshot = (): string => {
    const rows: string[] = [];
    for (const m of [...state.data.keys()].sort()) {
      const entries = state.data.get(m)!;
      for (const k of [...entries.keys()].sort()) rows.push(`${m}\u0000${k}\u0000${bytesToHex(entries.get(k)!)}`);
    }
    return rows.join('\n');
  };

  return {
    get now() {
      return head.timestamp;
    },
    get height() {
      return head.height;
    },
    block,
    tx: (t, timestamp) => block([t], timestamp)[0]!,
    query,
    get: (m, k) => {
      const b = state.get(m, k);
      return b === undefined ? undefined : decode(b);
    },
    snapshot,
    history,
  };
}
