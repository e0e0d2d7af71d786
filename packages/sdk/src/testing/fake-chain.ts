// Test fixture (not shipped): a small chain built with core's own Merkle, history and state trees, and the JSON
// bodies a peer would serve for it (docs/api.md), so proof verification is tested against real proofs.
import {
  DEFAULT_CHAIN_PARAMS,
  bytesToHex,
  createHistoryTree,
  createStateTree,
  emptyRoot,
  encode,
  encodeStateProof,
  genesisHash,
  headerHash,
  headerToJsonView,
  inclusionProof,
  leafHash,
  merkleRoot,
  statePath,
  utf8Encode,
  type BlockHeader,
  type GenesisDoc,
  type HistoryTree,
  type StateTree,
  type SuiteId,
  genesisToValue,
} from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import { toJsonView } from '../json-view.js';
import type { JsonValue } from '../types.js';

/** One block of the fake chain. */
export interface FakeBlock {
  readonly header: BlockHeader;
  readonly hash: Uint8Array;
  readonly txIds: readonly Uint8Array[];
}

/** The fake chain and the proof bodies it serves. */
export interface FakeChain {
  readonly suite: ReturnType<typeof getPortableSuite>;
  readonly genesis: GenesisDoc;
  readonly genesisHash: Uint8Array;
  readonly blocks: readonly FakeBlock[];
  readonly history: HistoryTree;
  readonly state: StateTree;
  /** `module/key` → value bytes, per height. */
  readonly values: readonly ReadonlyMap<string, Uint8Array>[];
  txProofJson(height: number, index: number): Record<string, JsonValue>;
  blockJson(height: number): Record<string, JsonValue>;
  historyInclusionJson(height: number, treeSize: number): Record<string, JsonValue>;
  historyConsistencyJson(first: number, second: number): Record<string, JsonValue>;
  stateJson(module: string, key: string, height: number): Record<string, JsonValue>;
  genesisJson(): Record<string, JsonValue>;
}

/** Options of `buildFakeChain`. */
export interface FakeChainParams {
  readonly blocks: number;
  /** Txs in block h (h ≥ 1); default (h % 7) + 1. */
  readonly txsIn?: (height: number) => number;
  readonly suite?: SuiteId;
  readonly chainId?: string;
  /** A different seed gives a different (forked) chain with the same shape. */
  readonly seed?: string;
  /** Extra tx ids appended to block h's txs (e.g. a tx a test submitted). */
  readonly extraTxIds?: (height: number) => readonly Uint8Array[];
}

/** The JSON view of a header, as docs/api.md §Header shows it. */
export function headerJson(h: BlockHeader): Record<string, JsonValue> {
  return headerToJsonView(h) as Record<string, JsonValue>;
}

/**
 * Builds `blocks` blocks: block 0 from a genesis doc, each later block with txs and state writes
 * (module 'demo': key `k<h>` set at h, `k<h-2>` deleted at h for even h).
 */
export function buildFakeChain(p: FakeChainParams): FakeChain {
  const suite = getPortableSuite(p.suite ?? 'ed25519-sha256');
  const hash = suite.hash;
  const seed = p.seed ?? 'main';
  const chainId = p.chainId ?? 'test-chain';
  const genesis: GenesisDoc = { chainId, suite: suite.id, timestamp: 1_700_000_000_000, params: DEFAULT_CHAIN_PARAMS, modules: { demo: { seed } } };
  const gHash = genesisHash(hash, genesis);
  const history = createHistoryTree(hash);
  const state = createStateTree(hash, { retain: 10_000 });
  const blocks: FakeBlock[] = [];
  const values: Map<string, Uint8Array>[] = [];
  let current = new Map<string, Uint8Array>();
  for (let h = 0; h < p.blocks; h++) {
    const txIds: Uint8Array[] = [];
    const n = h === 0 ? 0 : (p.txsIn ?? ((x) => (x % 7) + 1))(h);
    for (let i = 0; i < n; i++) txIds.push(hash(utf8Encode(`${seed}/tx/${h}/${i}`)));
    if (h > 0) txIds.push(...(p.extraTxIds?.(h) ?? []));
    const writes: { path: Uint8Array; valueHash: Uint8Array | null }[] = [];
    current = new Map(current);
    const value = encode({ height: h, seed, blob: utf8Encode(`v${h}`) });
    current.set(`demo/k${h}`, value);
    writes.push({ path: statePath(hash, 'demo', utf8Encode(`k${h}`)), valueHash: hash(value) });
    if (h >= 2 && h % 2 === 0) {
      current.delete(`demo/k${h - 2}`);
      writes.push({ path: statePath(hash, 'demo', utf8Encode(`k${h - 2}`)), valueHash: null });
    }
    values.push(current);
    const header: BlockHeader = {
      chainId,
      height: h,
      prevHash: h === 0 ? gHash : blocks[h - 1]!.hash,
      timestamp: genesis.timestamp + h * 1000,
      txCount: txIds.length,
      txRoot: merkleRoot(hash, txIds.map((id) => leafHash(hash, id))),
      receiptsRoot: emptyRoot(hash),
      stateRoot: state.applyBatch(h, writes),
      historyRoot: history.root(),
      proposer: h === 0 ? new Uint8Array(0) : hash(utf8Encode(`${seed}/proposer`)),
    };
    const hh = headerHash(hash, header);
    history.append(leafHash(hash, hh));
    blocks.push({ header, hash: hh, txIds });
  }
  const block = (height: number): FakeBlock => {
    const b = blocks[height];
    if (b === undefined) throw new RangeError(`no block ${height}`);
    return b;
  };
  return {
    suite,
    genesis,
    genesisHash: gHash,
    blocks,
    history,
    state,
    values,
    txProofJson: (height, index) => {
      const b = block(height);
      const leaves = b.txIds.map((id) => leafHash(hash, id));
      return {
        txId: bytesToHex(b.txIds[index]!),
        height,
        leafIndex: index,
        treeSize: b.header.txCount,
        leafHash: bytesToHex(leaves[index]!),
        auditPath: inclusionProof(hash, leaves, index).map(bytesToHex),
        txRoot: bytesToHex(b.header.txRoot),
        header: headerJson(b.header),
        headerHash: bytesToHex(b.hash),
      };
    },
    blockJson: (height) => {
      const b = block(height);
      return { header: headerJson(b.header), headerHash: bytesToHex(b.hash), txIds: b.txIds.map(bytesToHex) };
    },
    historyInclusionJson: (height, treeSize) => ({
      height,
      treeSize,
      headerHash: bytesToHex(block(height).hash),
      leafHash: bytesToHex(leafHash(hash, block(height).hash)),
      auditPath: history.inclusionProof(height, treeSize).map(bytesToHex),
      root: bytesToHex(history.rootAt(treeSize)),
    }),
    historyConsistencyJson: (first, second) => ({
      first,
      second,
      firstRoot: bytesToHex(history.rootAt(first)),
      secondRoot: bytesToHex(history.rootAt(second)),
      proof: history.consistencyProof(first, second).map(bytesToHex),
    }),
    stateJson: (module, key, height) => {
      const b = block(height);
      const v = values[height]!.get(`${module}/${key}`);
      const proof = state.proveAt(height, statePath(hash, module, utf8Encode(key)));
      return {
        module,
        key,
        height,
        found: v !== undefined,
        value: v === undefined ? null : { note: 'JSON view, not verified' },
        valueHex: v === undefined ? null : bytesToHex(v),
        proof: toJsonView(encodeStateProof(proof)),
        header: headerJson(b.header),
        headerHash: bytesToHex(b.hash),
      };
    },
    genesisJson: () => ({ genesis: toJsonView(genesisToValue(genesis)), genesisHash: bytesToHex(gHash), genesisHex: bytesToHex(encode(genesisToValue(genesis))) }),
  };
}
