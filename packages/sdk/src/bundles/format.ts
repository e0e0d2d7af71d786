// Offline verification bundles (docs/spec/bundles.md): the canonical value, its JSON form (bytes as hex), the
// proof-file wrapper and the QR text ("GX1:" + base45 of the CBOR). Parsing only; verify-bundle.ts checks the proofs.
import {
  decode,
  decodeStateProof,
  expectArray,
  expectBytes,
  expectInt,
  expectMap,
  expectString,
  headerFromValue,
  hexToBytes,
  isGongxinError,
  SUITE_IDS,
  type BlockHeader,
  type StateProof,
  type SuiteId,
  type Value,
} from '@gongxin/core';
import { ProofError } from '../errors.js';

/** The bundle format version this SDK reads and writes. */
export const BUNDLE_VERSION = 1;
/** Prefix of a bundle's QR text (format version 1). */
export const QR_PREFIX = 'GX1:';
/** Largest CBOR bundle that fits one QR code: "GX1:" + base45 ≤ 4,296 chars (version 40, ECC L, alphanumeric mode). */
export const QR_MAX_BUNDLE_BYTES = 2861;
/** Limits a verifier enforces before doing any work. */
export const BUNDLE_LIMITS = { entries: 256, txs: 256, pathHashes: 64, txBytes: 4 * 1024 * 1024 } as const;

/** One state entry of a bundle: the value's canonical bytes (null = absent) and its proof under the anchor's stateRoot. */
export interface BundleEntry {
  readonly module: string;
  readonly key: string;
  readonly value: Uint8Array | null;
  readonly proof: StateProof;
}

/** One tx of a bundle with everything tying it to the anchor header. */
export interface BundleTx {
  readonly tx: Uint8Array;
  readonly height: number;
  readonly index: number;
  readonly receipt: Uint8Array;
  readonly txPath: readonly Uint8Array[];
  readonly receiptPath: readonly Uint8Array[];
  readonly header: BlockHeader;
  /** Absent when `height` is the anchor's height. */
  readonly historyPath: readonly Uint8Array[] | undefined;
}

/** A parsed bundle (shape checked; nothing verified yet). */
export interface Bundle {
  readonly version: number;
  readonly kind: string;
  readonly id: string;
  readonly chainId: string;
  readonly suite: SuiteId;
  readonly genesisHash: Uint8Array;
  readonly anchor: { readonly header: BlockHeader; readonly headerHash: Uint8Array };
  readonly entries: readonly BundleEntry[];
  readonly txs: readonly BundleTx[];
}

const M = 'BUNDLE_MALFORMED';

function malformed(message: string, cause?: unknown): never {
  throw new ProofError(M, `bundle: ${message}`, cause === undefined ? {} : { cause });
}

type Spec = 'bytes' | 'text' | 'uint' | { readonly list: Spec } | { readonly orNull: Spec } | { readonly fields: { readonly [k: string]: Spec }; readonly optional?: readonly string[] };

const HEADER: Spec = {
  fields: { chainId: 'text', height: 'uint', prevHash: 'bytes', timestamp: 'uint', txCount: 'uint', txRoot: 'bytes', receiptsRoot: 'bytes', stateRoot: 'bytes', historyRoot: 'bytes', proposer: 'bytes' },
};
const PROOF: Spec = { fields: { leaf: { orNull: { fields: { path: 'bytes', valueHash: 'bytes' } } }, path: 'bytes', depth: 'uint', bitmap: 'bytes', siblings: { list: 'bytes' } } };
const BUNDLE: Spec = {
  fields: {
    version: 'uint',
    kind: 'text',
    id: 'text',
    chainId: 'text',
    suite: 'text',
    genesisHash: 'bytes',
    anchor: { fields: { header: HEADER, headerHash: 'bytes' } },
    entries: { list: { fields: { module: 'text', key: 'text', value: { orNull: 'bytes' }, proof: PROOF } } },
    txs: {
      list: {
        fields: { tx: 'bytes', height: 'uint', index: 'uint', receipt: 'bytes', txPath: { list: 'bytes' }, receiptPath: { list: 'bytes' }, header: HEADER, historyPath: { list: 'bytes' } },
        optional: ['historyPath'],
      },
    },
  },
};

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

function fromJson(spec: Spec, j: unknown, at: string): Value {
  if (spec === 'bytes') {
    if (j instanceof Uint8Array) return j;
    if (typeof j !== 'string' || !HEX.test(j)) malformed(`${at} must be a hex string`);
    return hexToBytes(j.toLowerCase());
  }
  if (spec === 'text') {
    if (typeof j !== 'string') malformed(`${at} must be a string`);
    return j;
  }
  if (spec === 'uint') {
    if (typeof j !== 'number' || !Number.isSafeInteger(j) || j < 0) malformed(`${at} must be a non-negative integer`);
    return j;
  }
  if ('orNull' in spec) return j === null ? null : fromJson(spec.orNull, j, at);
  if ('list' in spec) {
    if (!Array.isArray(j)) malformed(`${at} must be an array`);
    return (j as unknown[]).map((x, i) => fromJson(spec.list, x, `${at}[${i}]`));
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j)) malformed(`${at} must be an object`);
  const o = j as Record<string, unknown>;
  const out: Record<string, Value> = {};
  for (const k of Object.keys(o)) if (!Object.hasOwn(spec.fields, k)) malformed(`${at} has an unknown field "${k}"`);
  for (const [k, s] of Object.entries(spec.fields)) {
    if (o[k] === undefined) {
      if (spec.optional?.includes(k)) continue;
      malformed(`${at}.${k} is missing`);
    }
    out[k] = fromJson(s, o[k], `${at}.${k}`);
  }
  return out;
}

/**
 * The canonical value of a bundle from its JSON form (bytes as hex, or already Uint8Array), field by field as the spec says.
 * @throws ProofError BUNDLE_MALFORMED
 */
export function bundleValueFromJson(json: unknown): Value {
  return fromJson(BUNDLE, json, 'bundle');
}

function hashes(v: Value | undefined, what: string): Uint8Array[] {
  return expectArray(v, what, M, BUNDLE_LIMITS.pathHashes).map((h, i) => expectBytes(h, `${what}[${i}]`, M, 32));
}

function entryOf(v: Value, i: number): BundleEntry {
  const at = `entries[${i}]`;
  const m = expectMap(v, at, M, ['module', 'key', 'value', 'proof']);
  const value = m.value === null ? null : expectBytes(m.value, `${at}.value`, M, 0, BUNDLE_LIMITS.txBytes);
  if (m.proof === undefined) malformed(`${at}.proof is missing`);
  return { module: expectString(m.module, `${at}.module`, M, 64, 1), key: expectString(m.key, `${at}.key`, M, 1024, 0), value, proof: decodeStateProof(m.proof) };
}

function txOf(v: Value, i: number): BundleTx {
  const at = `txs[${i}]`;
  const m = expectMap(v, at, M, ['tx', 'height', 'index', 'receipt', 'txPath', 'receiptPath', 'header', 'historyPath']);
  if (m.header === undefined) malformed(`${at}.header is missing`);
  return {
    tx: expectBytes(m.tx, `${at}.tx`, M, 1, BUNDLE_LIMITS.txBytes),
    height: expectInt(m.height, `${at}.height`, M),
    index: expectInt(m.index, `${at}.index`, M),
    receipt: expectBytes(m.receipt, `${at}.receipt`, M, 1, BUNDLE_LIMITS.txBytes),
    txPath: hashes(m.txPath, `${at}.txPath`),
    receiptPath: hashes(m.receiptPath, `${at}.receiptPath`),
    header: headerFromValue(m.header),
    historyPath: m.historyPath === undefined ? undefined : hashes(m.historyPath, `${at}.historyPath`),
  };
}

/**
 * A typed bundle from its canonical value (shape only: the proofs are checked by verifyBundle).
 * @throws ProofError BUNDLE_MALFORMED (reason BUNDLE_VERSION_UNSUPPORTED for another version, BUNDLE_SUITE_UNKNOWN)
 */
export function bundleFromValue(v: Value): Bundle {
  try {
    const m = expectMap(v, 'bundle', M, ['version', 'kind', 'id', 'chainId', 'suite', 'genesisHash', 'anchor', 'entries', 'txs']);
    const version = expectInt(m.version, 'version', M);
    if (version !== BUNDLE_VERSION) throw new ProofError('BUNDLE_VERSION_UNSUPPORTED', `bundle version ${version}; this verifier reads version ${BUNDLE_VERSION}`);
    const suite = expectString(m.suite, 'suite', M, 32, 1);
    if (!(SUITE_IDS as readonly string[]).includes(suite)) throw new ProofError('BUNDLE_SUITE_UNKNOWN', `unknown suite "${suite}"`);
    const a = expectMap(m.anchor, 'anchor', M, ['header', 'headerHash']);
    if (a.header === undefined) malformed('anchor.header is missing');
    return {
      version,
      kind: expectString(m.kind, 'kind', M, 64, 1),
      id: expectString(m.id, 'id', M, 1024, 1),
      chainId: expectString(m.chainId, 'chainId', M, 64, 1),
      suite: suite as SuiteId,
      genesisHash: expectBytes(m.genesisHash, 'genesisHash', M, 32),
      anchor: { header: headerFromValue(a.header), headerHash: expectBytes(a.headerHash, 'anchor.headerHash', M, 32) },
      entries: expectArray(m.entries, 'entries', M, BUNDLE_LIMITS.entries).map(entryOf),
      txs: expectArray(m.txs, 'txs', M, BUNDLE_LIMITS.txs).map(txOf),
    };
  } catch (e) {
    if (e instanceof ProofError) throw e;
    if (isGongxinError(e)) malformed(`${e.message} (${e.code})`, e);
    throw e;
  }
}

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** QR text of a bundle: "GX1:" + base45 (RFC 9285) of its CBOR, all in the QR alphanumeric alphabet. */
export function bundleToQrText(cbor: Uint8Array): string {
  let s = QR_PREFIX;
  for (let i = 0; i < cbor.length; i += 2) {
    let n = i + 1 < cbor.length ? cbor[i]! * 256 + cbor[i + 1]! : cbor[i]!;
    const chars = i + 1 < cbor.length ? 3 : 2;
    for (let c = 0; c < chars; c++, n = Math.floor(n / 45)) s += B45[n % 45];
  }
  return s;
}

/**
 * The CBOR bytes in a bundle's QR text.
 * @throws ProofError BUNDLE_MALFORMED (no "GX1:" prefix, a character outside base45, an impossible length or group)
 */
export function bundleFromQrText(text: string): Uint8Array {
  if (!text.startsWith(QR_PREFIX)) malformed(`QR text must start with "${QR_PREFIX}"`);
  const t = text.slice(QR_PREFIX.length);
  if (t.length % 3 === 1) malformed('QR text has an impossible length');
  const out: number[] = [];
  for (let i = 0; i < t.length; i += 3) {
    const group = t.slice(i, i + 3);
    let n = 0;
    for (let c = group.length - 1; c >= 0; c--) {
      const d = B45.indexOf(group[c]!);
      if (d < 0) malformed('QR text has a character outside base45');
      n = n * 45 + d;
    }
    if (n > (group.length === 3 ? 0xffff : 0xff)) malformed('QR text has an invalid base45 group');
    if (group.length === 3) out.push(n >> 8, n & 0xff);
    else out.push(n);
  }
  return Uint8Array.from(out);
}

/**
 * The canonical value of a bundle given as CBOR bytes, QR text ("GX1:…"), JSON text, the JSON form,
 * or the proof-file wrapper `{ kind: "bundle", proof }` (as GET /v1/bundles serves it).
 * @throws ProofError BUNDLE_MALFORMED (and core ENCODING_* codes as the reason for non-canonical CBOR)
 */
export function bundleInput(input: unknown): { value: Value; cbor: boolean } {
  if (input instanceof Uint8Array) {
    try {
      return { value: decode(input), cbor: true };
    } catch (e) {
      if (isGongxinError(e)) throw new ProofError(e.code, `bundle bytes: ${e.message}`, { cause: e });
      throw e;
    }
  }
  if (typeof input === 'string') {
    const t = input.trim();
    if (t.startsWith('{')) {
      let j: unknown;
      try {
        j = JSON.parse(t);
      } catch (e) {
        malformed('not JSON', e);
      }
      return bundleInput(j);
    }
    if (t.startsWith(QR_PREFIX)) return bundleInput(bundleFromQrText(t));
    malformed('a string bundle is JSON text or QR text ("GX1:…")');
  }
  if (typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'bundle' && 'proof' in input) {
    return bundleInput((input as { proof: unknown }).proof);
  }
  return { value: bundleValueFromJson(input), cbor: false };
}
