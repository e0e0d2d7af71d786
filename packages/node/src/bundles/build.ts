// Builds offline verification bundles (docs/spec/bundles.md) from a peer's store and trees: state proofs at the
// head, and for each tx its inclusion, receipt and the history path of its block. Synchronous, so one head.
import {
  bytesToHex,
  encode,
  encodeReceipt,
  encodeStateProof,
  genesisHash,
  GongxinError,
  headerToValue,
  hexToBytes,
  inclusionProof,
  leafHash,
  statePath,
  utf8Encode,
  type GenesisDoc,
  type HashFn,
  type HistoryTree,
  type LedgerStore,
  type StateTree,
  type StoredTx,
  type SuiteId,
  type Value,
} from '@gongxin/core';

/** What a bundle is built from: a Peer, or any chain with the same parts (testkit's createTestChain). */
export interface BundleSource {
  readonly suite: { readonly id: SuiteId; readonly hash: HashFn };
  readonly genesis: GenesisDoc;
  readonly store: LedgerStore;
  readonly stateTree: StateTree;
  readonly history: HistoryTree;
}

/** A state entry to include (present or absent). */
export interface BundleKey {
  readonly module: string;
  readonly key: string;
}

/** What to put in a bundle. */
export interface BuildBundleParams {
  readonly kind: string;
  readonly id: string;
  readonly keys: readonly BundleKey[];
  /** Committed tx ids (hex or bytes). */
  readonly txIds: readonly (string | Uint8Array)[];
}

/** Bundle format version written here (sdk BUNDLE_VERSION). */
export const BUNDLE_FORMAT_VERSION = 1;
/** At most this many entries and txs per bundle (the verifier's limits). */
export const BUNDLE_MAX_ITEMS = 256;
/** Largest CBOR bundle served as one QR code (sdk QR_MAX_BUNDLE_BYTES): "GX1:" + base45 fits 4,296 alphanumeric chars. */
export const QR_MAX_BUNDLE_BYTES = 2861;
const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function txIdBytes(id: string | Uint8Array): Uint8Array {
  if (id instanceof Uint8Array) return id;
  if (!/^[0-9a-fA-F]{64}$/.test(id)) throw new GongxinError('BUNDLE_ID_INVALID', `tx id "${id}" is not 64 hex digits`, { txId: id });
  return hexToBytes(id.toLowerCase());
}

function dedupe<T>(items: readonly T[], name: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const n = name(t);
    if (seen.has(n)) return false;
    seen.add(n);
    return true;
  });
}

/**
 * The canonical bundle value: entries proven at the head's stateRoot, txs (sorted by height, index) with their
 * tx/receipt audit paths, headers, and history paths against the head's historyRoot.
 * @throws BUNDLE_NOT_FOUND (a tx id not committed), BUNDLE_TOO_LARGE, BUNDLE_ID_INVALID
 * @example const value = buildBundle(peer, { kind: 'anchor', id, keys: [{ module: 'notary', key }], txIds: [txId] });
 */
export function buildBundle(src: BundleSource, p: BuildBundleParams): Value {
  const { store, suite } = src;
  const hash = suite.hash;
  const keys = dedupe(p.keys, (k) => JSON.stringify([k.module, k.key]));
  const ids = dedupe(p.txIds.map(txIdBytes), bytesToHex);
  if (keys.length > BUNDLE_MAX_ITEMS || ids.length > BUNDLE_MAX_ITEMS) {
    throw new GongxinError('BUNDLE_TOO_LARGE', `a bundle holds at most ${BUNDLE_MAX_ITEMS} entries and ${BUNDLE_MAX_ITEMS} txs`, { entries: keys.length, txs: ids.length });
  }
  const head = store.head();
  if (head === undefined) throw new GongxinError('BUNDLE_NOT_FOUND', 'the chain has no blocks yet');
  const anchorHeight = head.header.height;
  const entries = keys.map((k) => {
    const value = store.get(k.module, k.key);
    const proof = src.stateTree.proveAt(anchorHeight, statePath(hash, k.module, utf8Encode(k.key)));
    return { module: k.module, key: k.key, value: value ?? null, proof: encodeStateProof(proof) };
  });
  const stored = ids.map((id) => {
    const t = store.getTx(id);
    if (t === undefined) throw new GongxinError('BUNDLE_NOT_FOUND', `tx ${bytesToHex(id)} is not committed`, { txId: bytesToHex(id) });
    return t;
  });
  stored.sort((a, b) => a.height - b.height || a.index - b.index);
  const blocks = new Map<number, { txLeaves: Uint8Array[]; receiptLeaves: Uint8Array[] }>();
  const blockOf = (height: number) => {
    let b = blocks.get(height);
    if (b === undefined) {
      const txs: StoredTx[] = store.getBlockTxs(height);
      b = { txLeaves: txs.map((t) => leafHash(hash, t.id)), receiptLeaves: txs.map((t) => leafHash(hash, encodeReceipt(t.receipt))) };
      blocks.set(height, b);
    }
    return b;
  };
  const txs = stored.map((t) => {
    const b = blockOf(t.height);
    const header = store.getHeader(t.height)!.header;
    return {
      tx: t.bytes,
      height: t.height,
      index: t.index,
      receipt: encodeReceipt(t.receipt),
      txPath: inclusionProof(hash, b.txLeaves, t.index),
      receiptPath: inclusionProof(hash, b.receiptLeaves, t.index),
      header: headerToValue(header),
      ...(t.height < anchorHeight ? { historyPath: src.history.inclusionProof(t.height, anchorHeight) } : {}),
    };
  });
  return {
    version: BUNDLE_FORMAT_VERSION,
    kind: p.kind,
    id: p.id,
    chainId: src.genesis.chainId,
    suite: suite.id,
    genesisHash: genesisHash(hash, src.genesis),
    anchor: { header: headerToValue(head.header), headerHash: head.hash },
    entries,
    txs,
  };
}

/** The file/response wrapper `{ kind: "bundle", version, suite, proof }` with the bundle's JSON form (bytes → hex). */
export function bundleFileJson(value: Value, suite: SuiteId): object {
  return { kind: 'bundle', version: BUNDLE_FORMAT_VERSION, suite, proof: jsonView(value) };
}

function jsonView(v: Value): unknown {
  if (v instanceof Uint8Array) return bytesToHex(v);
  if (Array.isArray(v)) return (v as readonly Value[]).map(jsonView);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v as Record<string, Value>).map(([k, x]) => [k, jsonView(x)]));
  return typeof v === 'bigint' ? v.toString() : v;
}

/** Canonical CBOR bytes of a bundle (the .gxb file). */
export function bundleCbor(value: Value): Uint8Array {
  return encode(value);
}

/** The QR text of a bundle ("GX1:" + base45 (RFC 9285) of its CBOR), or undefined when above QR_MAX_BUNDLE_BYTES. */
export function bundleQrText(value: Value): string | undefined {
  const bytes = encode(value);
  if (bytes.length > QR_MAX_BUNDLE_BYTES) return undefined;
  let s = 'GX1:';
  for (let i = 0; i < bytes.length; i += 2) {
    const two = i + 1 < bytes.length;
    let n = two ? bytes[i]! * 256 + bytes[i + 1]! : bytes[i]!;
    for (let c = 0; c < (two ? 3 : 2); c++, n = Math.floor(n / 45)) s += B45[n % 45];
  }
  return s;
}
