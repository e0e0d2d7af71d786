// Which suite a bare proof was made with: the hashes it carries (header hash, leaf hash) are recomputed under
// each suite; only the right one reproduces them. Used when neither --suite nor the file names the suite.
import { equalBytes, headerHash, hexToBytes, leafHash, type BlockHeader } from '@gongxin/core';
import type { HashSuite } from '@gongxin/sdk';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

function bytesOf(v: unknown): Uint8Array | undefined {
  return typeof v === 'string' && HEX.test(v) ? hexToBytes(v.toLowerCase()) : undefined;
}

function uintOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** A header from its API JSON, or undefined when it is not one (no error: this is only a guess). */
export function headerFromJson(j: unknown): BlockHeader | undefined {
  if (typeof j !== 'object' || j === null) return undefined;
  const h = j as Record<string, unknown>;
  const out = {
    chainId: typeof h.chainId === 'string' ? h.chainId : undefined,
    height: uintOf(h.height),
    prevHash: bytesOf(h.prevHash),
    timestamp: uintOf(h.timestamp),
    txCount: uintOf(h.txCount),
    txRoot: bytesOf(h.txRoot),
    receiptsRoot: bytesOf(h.receiptsRoot),
    stateRoot: bytesOf(h.stateRoot),
    historyRoot: bytesOf(h.historyRoot),
    proposer: bytesOf(h.proposer),
  };
  return Object.values(out).every((x) => x !== undefined) ? (out as BlockHeader) : undefined;
}

/** True when `header` hashes to `claimed` under `suite`. */
export function headerFits(suite: HashSuite, header: unknown, claimed: unknown): boolean {
  const h = headerFromJson(header);
  const c = bytesOf(claimed);
  if (h === undefined || c === undefined) return false;
  try {
    return equalBytes(headerHash(suite.hash, h), c);
  } catch {
    return false;
  }
}

/** True when `leaf` is H(0x00 ‖ data) under `suite`. */
export function leafFits(suite: HashSuite, data: unknown, leaf: unknown): boolean {
  const d = bytesOf(data);
  const l = bytesOf(leaf);
  return d !== undefined && l !== undefined && equalBytes(leafHash(suite.hash, d), l);
}
