// Block headers (docs/spec/blocks.md): fields, canonical value, header hash, commit digest.
import { DOMAIN, domainDigest } from './domain.js';
import type { Value } from './encoding.js';
import { expectBytes, expectInt, expectMap, expectString } from './fields.js';
import type { HashFn } from './suite.js';

/** A block header: everything a light client needs to check proofs against. */
export interface BlockHeader {
  readonly chainId: string;
  readonly height: number;
  /** Hash of the previous header; at height 0, the genesis document hash. */
  readonly prevHash: Uint8Array;
  /** Milliseconds since the Unix epoch, set by the ordering service; never decreases. */
  readonly timestamp: number;
  readonly txCount: number;
  /** RFC 9162 root over the block's tx ids. */
  readonly txRoot: Uint8Array;
  /** RFC 9162 root over the block's canonical receipts. */
  readonly receiptsRoot: Uint8Array;
  /** Sparse Merkle root of the state after this block. */
  readonly stateRoot: Uint8Array;
  /** RFC 9162 root of the history tree over the header hashes of blocks 0..height-1 (tree size = height). */
  readonly historyRoot: Uint8Array;
  /** Public key of the orderer member that cut the block (empty at genesis). */
  readonly proposer: Uint8Array;
}

/** The header as a canonical value. */
export function headerToValue(h: BlockHeader): Value {
  return {
    chainId: h.chainId,
    height: h.height,
    prevHash: h.prevHash,
    timestamp: h.timestamp,
    txCount: h.txCount,
    txRoot: h.txRoot,
    receiptsRoot: h.receiptsRoot,
    stateRoot: h.stateRoot,
    historyRoot: h.historyRoot,
    proposer: h.proposer,
  };
}

const HEADER_FIELDS = ['chainId', 'height', 'prevHash', 'timestamp', 'txCount', 'txRoot', 'receiptsRoot', 'stateRoot', 'historyRoot', 'proposer'];

/**
 * Header from its canonical value.
 * @throws HEADER_MALFORMED
 */
export function headerFromValue(v: Value): BlockHeader {
  const m = expectMap(v, 'header', 'HEADER_MALFORMED', HEADER_FIELDS);
  const c = 'HEADER_MALFORMED';
  return {
    chainId: expectString(m.chainId, 'header.chainId', c, 64, 1),
    height: expectInt(m.height, 'header.height', c),
    prevHash: expectBytes(m.prevHash, 'header.prevHash', c, 32),
    timestamp: expectInt(m.timestamp, 'header.timestamp', c),
    txCount: expectInt(m.txCount, 'header.txCount', c),
    txRoot: expectBytes(m.txRoot, 'header.txRoot', c, 32),
    receiptsRoot: expectBytes(m.receiptsRoot, 'header.receiptsRoot', c, 32),
    stateRoot: expectBytes(m.stateRoot, 'header.stateRoot', c, 32),
    historyRoot: expectBytes(m.historyRoot, 'header.historyRoot', c, 32),
    proposer: expectBytes(m.proposer, 'header.proposer', c, 0, 65),
  };
}

/** Header hash: H(encode(["gongxin/header/v1", chainId, header])). */
export function headerHash(hash: HashFn, h: BlockHeader): Uint8Array {
  return domainDigest(hash, DOMAIN.header, h.chainId, headerToValue(h));
}

/**
 * The digest a peer signs to vouch for a block: H(encode(["gongxin/commit/v1", chainId, {height, headerHash, stateRoot}])).
 * A quorum of such signatures makes a commit certificate (docs/spec/blocks.md §Certificates).
 */
export function commitDigest(hash: HashFn, chainId: string, height: number, hdrHash: Uint8Array, stateRoot: Uint8Array): Uint8Array {
  return domainDigest(hash, DOMAIN.commit, chainId, { height, headerHash: hdrHash, stateRoot });
}
