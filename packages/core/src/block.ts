// Blocks (docs/spec/blocks.md): header plus the ordered tx bytes; canonical encoding; pure validation of block rules.
import { bytesToHex, equalBytes } from './bytes.js';
import type { ChainParams } from './chain-params.js';
import { decode, encode } from './encoding.js';
import { GongxinError } from './errors.js';
import { expectArray, expectBytes, expectMap } from './fields.js';
import { headerFromValue, headerHash, headerToValue, type BlockHeader } from './header.js';
import { leafHash, merkleRoot } from './merkle/index.js';
import type { HashFn } from './suite.js';

/** A block: its header and the exact tx bytes in order. */
export interface Block {
  readonly header: BlockHeader;
  readonly txs: readonly Uint8Array[];
}

/** Canonical block bytes: encode({ header, txs }). */
export function encodeBlock(b: Block): Uint8Array {
  return encode({ header: headerToValue(b.header), txs: [...b.txs] });
}

/**
 * Decodes canonical block bytes.
 * @throws BLOCK_MALFORMED, HEADER_MALFORMED, ENCODING_*
 */
export function decodeBlock(bytes: Uint8Array, params: ChainParams): Block {
  if (bytes.length > params.maxBlockBytes + 4096) throw new GongxinError('BLOCK_TOO_LARGE', `block of ${bytes.length} bytes`);
  const m = expectMap(decode(bytes), 'block', 'BLOCK_MALFORMED', ['header', 'txs']);
  const txs = expectArray(m.txs, 'block.txs', 'BLOCK_MALFORMED', params.maxBlockTxs).map((t, i) =>
    expectBytes(t, `block.txs[${i}]`, 'BLOCK_MALFORMED', 1, params.maxTxBytes),
  );
  if (m.header === undefined) throw new GongxinError('BLOCK_MALFORMED', 'block.header is missing');
  return { header: headerFromValue(m.header), txs };
}

/** The tx root of a list of tx ids. */
export function txRootOf(hash: HashFn, txIds: readonly Uint8Array[]): Uint8Array {
  return merkleRoot(hash, txIds.map((id) => leafHash(hash, id)));
}

/**
 * Checks a block against its predecessor and its own body, without executing it: chain id, height, linkage,
 * timestamps non-decreasing, tx count and root, size limits. State and receipt roots need execution
 * (compare the re-executed header with `equalBytes(headerHash(...), ...)`).
 * @throws BLOCK_WRONG_CHAIN, BLOCK_BAD_HEIGHT, BLOCK_BAD_LINK, BLOCK_TIME_REGRESSED, BLOCK_TOO_LARGE, BLOCK_BAD_TX_ROOT
 */
export function assertBlockRules(hash: HashFn, params: ChainParams, prev: BlockHeader, block: Block): void {
  const h = block.header;
  const at = { height: h.height };
  if (h.chainId !== prev.chainId) throw new GongxinError('BLOCK_WRONG_CHAIN', `block is for chain "${h.chainId}"`, at);
  if (h.height !== prev.height + 1) throw new GongxinError('BLOCK_BAD_HEIGHT', `expected height ${prev.height + 1}, got ${h.height}`, at);
  if (!equalBytes(h.prevHash, headerHash(hash, prev))) throw new GongxinError('BLOCK_BAD_LINK', 'prevHash is not the previous header hash', at);
  if (h.timestamp < prev.timestamp) throw new GongxinError('BLOCK_TIME_REGRESSED', 'timestamp is before the previous block', at);
  let bytes = 0;
  for (const t of block.txs) bytes += t.length;
  if (block.txs.length > params.maxBlockTxs || bytes > params.maxBlockBytes) throw new GongxinError('BLOCK_TOO_LARGE', 'block exceeds the size limits', at);
  if (h.txCount !== block.txs.length) throw new GongxinError('BLOCK_BAD_TX_ROOT', `txCount ${h.txCount} but ${block.txs.length} txs`, at);
  const root = txRootOf(hash, block.txs.map((t) => hash(t)));
  if (!equalBytes(root, h.txRoot)) throw new GongxinError('BLOCK_BAD_TX_ROOT', `txRoot does not match the txs (${bytesToHex(root)})`, at);
}
