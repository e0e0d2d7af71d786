// Proof kind `bundle` (docs/spec/bundles.md): an offline verification bundle — state entries, txs with receipts and
// the headers they hang on, all under one anchor header (sdk verifyBundle). Also reads raw .gxb (CBOR) files.
import { readFileSync } from 'node:fs';
import { GongxinError, bytesToHex, decode, utf8Decode } from '@gongxin/core';
import { bundleFromQrText, QR_PREFIX, verifyBundle, type VerifiedBundle } from '@gongxin/sdk';
import { CLI_ERRORS } from '../errors.js';
import { brief, jsonOf } from '../output.js';
import { hasKeys, type ProofKindHandler } from './kind.js';
import { parseProofFile, type ProofFile } from './proof-file.js';
import { trustLines } from './trust-text.js';

/** The suite a bundle names (its own field), or undefined when it is not readable as a bundle (no error: a guess). */
function declaredSuite(proof: unknown): string | undefined {
  try {
    const v: unknown = proof instanceof Uint8Array ? decode(proof) : typeof proof === 'string' ? decode(bundleFromQrText(proof)) : proof;
    return hasKeys(v, ['suite']) && typeof v.suite === 'string' ? v.suite : undefined;
  } catch {
    return undefined;
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

function provenLines(v: VerifiedBundle): string[] {
  const lines = [`bundle ${v.kind} "${v.id}" of chain "${v.chainId}" at block ${v.anchorHeight} (${iso(v.anchorHeader.timestamp)})`];
  for (const e of v.entries) {
    lines.push(e.found ? `${e.module} / ${e.key} = ${brief(jsonOf(e.value), 400)}` : `${e.module} / ${e.key} is absent (no such entry)`);
  }
  for (const t of v.txs) {
    const outcome = t.receipt.ok ? 'ok' : `failed ${t.receipt.code}`;
    lines.push(
      `tx ${bytesToHex(t.txId)} ${t.body.module}.${t.body.command} by ${bytesToHex(t.body.signer).slice(0, 16)}… ` +
        `in block ${t.height} (tx ${t.index}) at ${iso(t.time)}: ${outcome}`,
    );
  }
  return lines;
}

function trustOf(v: VerifiedBundle, anchored: boolean): string[] {
  const hash = bytesToHex(v.anchorHeaderHash);
  if (v.trusted !== undefined && v.trusted.height !== v.anchorHeight) {
    return [
      `the txs of block ${v.trusted.height} rest on its header ${bytesToHex(v.trusted.headerHash)}, the trusted header hash you gave;`,
      `the entries and other txs rest on header ${v.anchorHeight} with hash ${hash}, which is not anchored`,
    ];
  }
  return trustLines(hash, v.anchorHeight, anchored);
}

/** The `bundle` kind. */
export const bundleKind: ProofKindHandler = {
  kind: 'bundle',
  description: 'an offline bundle (GET /v1/bundles/{kind}/{id}, .gxb): entries, txs and receipts under one header',
  matches: (p) => p instanceof Uint8Array || hasKeys(p, ['version', 'chainId', 'genesisHash', 'anchor', 'entries', 'txs']),
  fitsSuite: (p, suite) => 'id' in suite && declaredSuite(p) === (suite as { id: string }).id,
  verify(file, suite, opts) {
    const trusted = opts.trustedHeaderHash ?? file.trustedHeaderHash;
    const v = verifyBundle(file.proof, { suite: suite.id, ...(trusted !== undefined ? { trustedHeaderHash: trusted } : {}) });
    return {
      proven: provenLines(v),
      trust: trustOf(v, trusted !== undefined),
      json: {
        kind: 'bundle',
        bundleKind: v.kind,
        id: v.id,
        chainId: v.chainId,
        height: v.anchorHeight,
        headerHash: bytesToHex(v.anchorHeaderHash),
        bundleHash: bytesToHex(v.bundleHash),
        entries: v.entries.map((e) => ({ module: e.module, key: e.key, found: e.found, value: e.value === null ? null : jsonOf(e.value) })),
        txs: v.txs.map((t) => ({ txId: bytesToHex(t.txId), height: t.height, index: t.index, time: t.time, module: t.body.module, command: t.body.command, ok: t.receipt.ok, code: t.receipt.code })),
        anchored: trusted !== undefined,
        ...(v.trusted !== undefined ? { trustedHeight: v.trusted.height } : {}),
      },
    };
  },
};

/**
 * Reads a file for `gongxin verify`: JSON (a proof file, parsed as before), else a bundle — raw .gxb CBOR bytes,
 * or a QR code's text ("GX1:" + base45).
 * @throws CLI_FILE_UNREADABLE, CLI_PROOF_FILE_INVALID
 * @example const file = readVerifyFile(absPath(ctx, path));
 */
export function readVerifyFile(path: string): ProofFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new GongxinError(CLI_ERRORS.fileUnreadable, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { path });
  }
  let text: string | undefined;
  try {
    text = utf8Decode(bytes).trim();
  } catch {
    text = undefined;
  }
  if (text !== undefined && (text.startsWith('{') || text.startsWith('['))) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new GongxinError(CLI_ERRORS.proofFileInvalid, `${path} is not JSON: ${e instanceof Error ? e.message : String(e)}`, { path });
    }
    return parseProofFile(json);
  }
  const isQrText = text?.startsWith(QR_PREFIX) === true;
  // A .gxb bundle is a canonical CBOR map: its first byte is a map head (0xa0–0xbb). Anything else is not a proof.
  const first = bytes[0] ?? 0;
  if (!isQrText && !(first >= 0xa0 && first <= 0xbb)) {
    throw new GongxinError(CLI_ERRORS.proofFileInvalid, `${path} is not JSON, a bundle (.gxb) or ${QR_PREFIX} text`, { path });
  }
  const proof = isQrText ? text! : new Uint8Array(bytes);
  return { kind: 'bundle', proof, suite: undefined, trustedHeaderHash: undefined, trustedHeader: undefined, raw: proof };
}
