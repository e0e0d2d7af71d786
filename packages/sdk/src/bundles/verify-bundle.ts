// verifyBundle (docs/spec/bundles.md): checks every hash, proof and signature of an offline verification bundle
// against its anchor header, with no peer. Browser-safe: the suite comes from @gongxin/crypto/portable.
import {
  assertTxStateless,
  bytesToHex,
  decode,
  decodeTx,
  DOMAIN,
  domainDigest,
  encode,
  equalBytes,
  headerHash,
  leafHash,
  statePath,
  utf8Encode,
  verifyInclusion,
  verifyStateProof,
  type BlockHeader,
  type Receipt,
  type SuiteId,
  type TxBody,
  type Value,
} from '@gongxin/core';
import { getPortableSuite } from '@gongxin/crypto/portable';
import type { IdLike } from '../json-view.js';
import { fail, guard, idBytes } from '../proofs/common.js';
import { bundleFromValue, bundleInput, BUNDLE_LIMITS, type Bundle, type BundleTx } from './format.js';
import { receiptFromBytes } from './receipt.js';

/** Options of `verifyBundle`. */
export interface VerifyBundleOptions {
  /** A header hash obtained out of band: the anchor, or the header of one of the bundle's txs, must have it. */
  readonly trustedHeaderHash?: IdLike | undefined;
  /** The suite the caller expects (default: the bundle's own). */
  readonly suite?: SuiteId | undefined;
}

/** A state entry proven under the anchor's stateRoot. */
export interface VerifiedBundleEntry {
  readonly module: string;
  readonly key: string;
  readonly found: boolean;
  readonly value: Value | null;
  readonly valueBytes: Uint8Array | null;
}

/** A tx proven to be tx `index` of block `height`, with its receipt, in the anchor's history. */
export interface VerifiedBundleTx {
  readonly txId: Uint8Array;
  readonly height: number;
  readonly index: number;
  /** The block's timestamp (ms since the epoch). */
  readonly time: number;
  readonly headerHash: Uint8Array;
  readonly body: TxBody;
  readonly signature: Uint8Array;
  readonly receipt: Receipt;
}

/** What a verified bundle establishes. Every hash here was recomputed. */
export interface VerifiedBundle {
  readonly kind: string;
  readonly id: string;
  readonly chainId: string;
  readonly suite: SuiteId;
  readonly genesisHash: Uint8Array;
  readonly anchorHeader: BlockHeader;
  readonly anchorHeight: number;
  /** Compare with a header hash from a source you trust (another peer, a checkpoint). */
  readonly anchorHeaderHash: Uint8Array;
  /** H(["gongxin/bundle/v1", chainId, bundle]): a content id for the bundle (not a signature). */
  readonly bundleHash: Uint8Array;
  readonly entries: readonly VerifiedBundleEntry[];
  readonly txs: readonly VerifiedBundleTx[];
  /** The header that matched `trustedHeaderHash`, when one was given. */
  readonly trusted: { readonly height: number; readonly headerHash: Uint8Array } | undefined;
}

type Ctx = { readonly b: Bundle; readonly suite: ReturnType<typeof getPortableSuite>; readonly anchorHash: Uint8Array };

function checkAnchor(b: Bundle, hash: (d: Uint8Array) => Uint8Array): Uint8Array {
  const h = b.anchor.header;
  const computed = guard('anchor header', undefined, () => headerHash(hash, h));
  if (!equalBytes(computed, b.anchor.headerHash)) {
    fail('HEADER_HASH_MISMATCH', `anchor header ${h.height} hashes to ${bytesToHex(computed)}, not the ${bytesToHex(b.anchor.headerHash)} it claims`);
  }
  if (h.chainId !== b.chainId) fail('CHAIN_MISMATCH', `the anchor header is for chain "${h.chainId}", the bundle for "${b.chainId}"`);
  if (h.height === 0 && !equalBytes(h.prevHash, b.genesisHash)) fail('GENESIS_MISMATCH', "genesisHash is not the genesis header's prevHash");
  return computed;
}

function checkEntries(c: Ctx): VerifiedBundleEntry[] {
  const seen = new Set<string>();
  return c.b.entries.map((e) => {
    const name = JSON.stringify([e.module, e.key]);
    if (seen.has(name)) fail('BUNDLE_MALFORMED', `entry ${e.module} / ${e.key} is listed twice`);
    seen.add(name);
    const path = guard(`entry ${e.module} / ${e.key}`, undefined, () => statePath(c.suite.hash, e.module, utf8Encode(e.key)));
    const valueHash = e.value === null ? null : c.suite.hash(e.value);
    guard(`state proof of ${e.module} / ${e.key}`, undefined, () =>
      verifyStateProof(c.suite.hash, { root: c.b.anchor.header.stateRoot, path, valueHash, proof: e.proof }),
    );
    let value: Value | null = null;
    if (e.value !== null) {
      const bytes = e.value;
      value = guard(`value of ${e.module} / ${e.key}`, undefined, () => decode(bytes));
    }
    return { module: e.module, key: e.key, found: e.value !== null, value, valueBytes: e.value };
  });
}

function checkHistory(c: Ctx, t: BundleTx, hdrHash: Uint8Array, idHex: string): void {
  const anchor = c.b.anchor.header;
  if (t.height > anchor.height) fail('TX_AFTER_ANCHOR', `tx at height ${t.height} is after the anchor (${anchor.height})`, idHex);
  if (t.height === anchor.height) {
    if (t.historyPath !== undefined) fail('BUNDLE_MALFORMED', 'historyPath must be absent for a tx in the anchor block', idHex);
    if (!equalBytes(hdrHash, c.anchorHash)) fail('HEADER_HASH_MISMATCH', `the tx's header at height ${t.height} is not the anchor header`, idHex);
    return;
  }
  if (t.historyPath === undefined) fail('BUNDLE_MALFORMED', `historyPath is missing for a tx at height ${t.height} < anchor ${anchor.height}`, idHex);
  const proof = t.historyPath;
  guard('header in history', idHex, () =>
    verifyInclusion(c.suite.hash, { leafIndex: t.height, treeSize: anchor.height, leafHash: leafHash(c.suite.hash, hdrHash), proof, root: anchor.historyRoot }),
  );
}

function checkTx(c: Ctx, t: BundleTx): VerifiedBundleTx {
  const { b, suite } = c;
  const decoded = guard('tx', undefined, () => decodeTx(suite.hash, t.tx, BUNDLE_LIMITS.txBytes));
  const idHex = bytesToHex(decoded.id);
  // The chain enforced its own validity-window limit at inclusion; offline only the signature and chain matter.
  const rules = { chainId: b.chainId, maxTxBytes: BUNDLE_LIMITS.txBytes, maxValidityMs: Number.MAX_SAFE_INTEGER };
  guard('tx signature', idHex, () => assertTxStateless(suite, rules, decoded, undefined));
  const h = t.header;
  if (h.chainId !== b.chainId) fail('CHAIN_MISMATCH', `header ${h.height} is for chain "${h.chainId}"`, idHex);
  if (h.height !== t.height) fail('FIELD_MISMATCH', `height ${t.height} but the header is at ${h.height}`, idHex);
  const hdrHash = guard('tx header', idHex, () => headerHash(suite.hash, h));
  guard('tx inclusion', idHex, () =>
    verifyInclusion(suite.hash, { leafIndex: t.index, treeSize: h.txCount, leafHash: leafHash(suite.hash, decoded.id), proof: t.txPath, root: h.txRoot }),
  );
  guard('receipt inclusion', idHex, () =>
    verifyInclusion(suite.hash, { leafIndex: t.index, treeSize: h.txCount, leafHash: leafHash(suite.hash, t.receipt), proof: t.receiptPath, root: h.receiptsRoot }),
  );
  const receipt = receiptFromBytes(t.receipt, idHex);
  if (!equalBytes(receipt.txId, decoded.id)) fail('TX_ID_MISMATCH', `the receipt is for tx ${bytesToHex(receipt.txId)}`, idHex);
  checkHistory(c, t, hdrHash, idHex);
  return { txId: decoded.id, height: t.height, index: t.index, time: h.timestamp, headerHash: hdrHash, body: decoded.body, signature: decoded.signature, receipt };
}

/**
 * Verifies an offline bundle: the anchor header's hash; every state entry (present or absent) under its
 * stateRoot; for every tx its id and signature, its and its receipt's inclusion in its block (same index, the
 * receipt names the tx), and that block's header in the anchor's history. With `trustedHeaderHash`, the anchor
 * (or a tx's header, which then anchors only that block's txs) must have it. Without, compare the returned
 * `anchorHeaderHash` with a trusted source before relying on the result.
 * @param input CBOR bytes (.gxb), QR text, JSON text, the JSON form, or GET /v1/bundles' `{ kind: "bundle", proof }`
 * @throws ProofError (reason BUNDLE_MALFORMED, BUNDLE_VERSION_UNSUPPORTED, BUNDLE_SUITE_UNKNOWN, SUITE_MISMATCH,
 *   HEADER_HASH_MISMATCH, CHAIN_MISMATCH, GENESIS_MISMATCH, TX_ID_MISMATCH, TX_AFTER_ANCHOR, FIELD_MISMATCH,
 *   TRUSTED_HEADER_MISMATCH, or a core code: ENCODING_*, TX_*, PROOF_*, STATE_PROOF_*, RECEIPT_MALFORMED)
 * @example const v = verifyBundle(await (await fetch(url)).json(), { trustedHeaderHash });
 */
export function verifyBundle(input: unknown, opts: VerifyBundleOptions = {}): VerifiedBundle {
  const { value } = bundleInput(input);
  const b = bundleFromValue(value);
  if (opts.suite !== undefined && opts.suite !== b.suite) fail('SUITE_MISMATCH', `the bundle is for suite ${b.suite}, not ${opts.suite}`);
  const suite = getPortableSuite(b.suite);
  const anchorHash = checkAnchor(b, suite.hash);
  const c: Ctx = { b, suite, anchorHash };
  const entries = checkEntries(c);
  const seen = new Set<string>();
  const txs = b.txs.map((t) => {
    const v = checkTx(c, t);
    const idHex = bytesToHex(v.txId);
    if (seen.has(idHex)) fail('BUNDLE_MALFORMED', `tx ${idHex} is listed twice`, idHex);
    seen.add(idHex);
    return v;
  });
  let trusted: VerifiedBundle['trusted'];
  if (opts.trustedHeaderHash !== undefined) {
    const want = idBytes(opts.trustedHeaderHash, 'trustedHeaderHash');
    const hit = equalBytes(want, anchorHash) ? { height: b.anchor.header.height, headerHash: anchorHash } : txs.find((t) => equalBytes(t.headerHash, want));
    if (hit === undefined) fail('TRUSTED_HEADER_MISMATCH', `neither the anchor (${bytesToHex(anchorHash)}) nor a tx's header has the trusted hash`);
    trusted = { height: hit.height, headerHash: hit.headerHash };
  }
  return {
    kind: b.kind,
    id: b.id,
    chainId: b.chainId,
    suite: b.suite,
    genesisHash: b.genesisHash,
    anchorHeader: b.anchor.header,
    anchorHeight: b.anchor.header.height,
    anchorHeaderHash: anchorHash,
    bundleHash: domainDigest(suite.hash, DOMAIN.bundle, b.chainId, value),
    entries,
    txs,
    trusted,
  };
}

/** The canonical CBOR bytes of a bundle given in any accepted form (for saving as .gxb). @throws ProofError */
export function bundleBytes(input: unknown): Uint8Array {
  const { value } = bundleInput(input);
  bundleFromValue(value);
  return encode(value);
}

