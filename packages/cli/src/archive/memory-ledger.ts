// An in-memory LedgerStore (core store-api.ts): where `verifyChain` replays a stored chain to compare it with the
// original, and what tests build chains in. Same contract as the SQLite store, nothing persisted.
import {
  bytesToHex,
  GongxinError,
  type BlockRecord,
  type ChainHead,
  type GenesisDoc,
  type HistoryNode,
  type LedgerStore,
  type StoredTx,
} from '@gongxin/core';

/** Compares keys in UTF-8 byte order (the order `scan` promises), which differs from UTF-16 order. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * A fresh, empty memory ledger. With `keepBlocks: false` it keeps only state, headers and tx ids (enough to replay
 * a long chain): getTx and getBlockTxs then find nothing.
 * @example const target = createMemoryLedger(); replayArchive({ path, target, … });
 */
export function createMemoryLedger(opts: { readonly keepBlocks?: boolean } = {}): LedgerStore {
  const keep = opts.keepBlocks ?? true;
  let genesis: GenesisDoc | undefined;
  const blocks: { head: ChainHead; txs: StoredTx[] }[] = [];
  const txs = new Map<string, StoredTx | null>();
  const state = new Map<string, Map<string, Uint8Array>>();
  const history: HistoryNode[] = [];

  function apply(record: BlockRecord): void {
    const height = record.header.height;
    const stored = record.txs.map((t, index): StoredTx => ({ id: t.id, height, index, bytes: t.bytes, receipt: t.receipt }));
    for (const w of record.writes) {
      let m = state.get(w.module);
      if (m === undefined) state.set(w.module, (m = new Map()));
      if (w.value === null) m.delete(w.key);
      else m.set(w.key, w.value);
    }
    for (const t of stored) txs.set(bytesToHex(t.id), keep ? t : null);
    history.push(...record.historyNodes);
    blocks.push({ head: { header: record.header, hash: record.hash }, txs: keep ? stored : [] });
  }

  return {
    get: (module, key) => state.get(module)?.get(key),
    scan(module, prefix, after, limit) {
      const keys = [...(state.get(module)?.keys() ?? [])].filter((k) => k.startsWith(prefix) && (after === undefined || compareUtf8(k, after) > 0));
      return keys
        .sort(compareUtf8)
        .slice(0, limit)
        .map((k) => [k, state.get(module)!.get(k)!] as const);
    },
    getGenesis: () => genesis,
    commitGenesis(g, block0) {
      if (genesis !== undefined) throw new GongxinError('STORE_GENESIS_EXISTS', 'the store already holds a genesis');
      if (block0.header.height !== 0) throw new GongxinError('STORE_HEIGHT_MISMATCH', 'block 0 must have height 0');
      genesis = g;
      apply(block0);
    },
    commitBlock(record) {
      if (record.header.height !== blocks.length) {
        throw new GongxinError('STORE_HEIGHT_MISMATCH', `expected block ${blocks.length}, got ${record.header.height}`, { height: record.header.height });
      }
      apply(record);
    },
    head: () => blocks.at(-1)?.head,
    getHeader: (height) => blocks[height]?.head,
    getBlockTxIds: (height) => (blocks[height]?.txs ?? []).map((t) => t.id),
    getBlockTxs: (height) => [...(blocks[height]?.txs ?? [])],
    getTx: (id) => txs.get(bytesToHex(id)) ?? undefined,
    hasTx: (id) => txs.has(bytesToHex(id)),
    loadHistoryNodes: () => [...history],
    *loadState() {
      for (const [module, m] of state) for (const [key, value] of m) yield [module, key, value] as const;
    },
    close: () => undefined,
  };
}
