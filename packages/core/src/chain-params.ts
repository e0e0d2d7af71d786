// Chain parameters fixed at genesis (docs/spec/blocks.md §Parameters).
import { GongxinError } from './errors.js';
import { expectInt, expectMap } from './fields.js';
import type { Value } from './encoding.js';

/** Limits every peer enforces identically. */
export interface ChainParams {
  readonly maxTxBytes: number;
  readonly maxBlockTxs: number;
  readonly maxBlockBytes: number;
  /** Longest allowed tx validity window; replay protection needs tx ids for this long only. */
  readonly maxValidityMs: number;
}

/** Defaults: 64 KiB txs, 20,000 txs or 32 MiB per block, one-hour validity windows. */
export const DEFAULT_CHAIN_PARAMS: ChainParams = {
  maxTxBytes: 64 * 1024,
  maxBlockTxs: 20_000,
  maxBlockBytes: 32 * 1024 * 1024,
  maxValidityMs: 60 * 60 * 1000,
};

/** Chain params as a canonical value. */
export function chainParamsToValue(p: ChainParams): Value {
  return { maxTxBytes: p.maxTxBytes, maxBlockTxs: p.maxBlockTxs, maxBlockBytes: p.maxBlockBytes, maxValidityMs: p.maxValidityMs };
}

/** @throws GENESIS_INVALID */
export function chainParamsFromValue(v: Value | undefined): ChainParams {
  const c = 'GENESIS_INVALID';
  const m = expectMap(v, 'params', c, ['maxTxBytes', 'maxBlockTxs', 'maxBlockBytes', 'maxValidityMs']);
  const p = {
    maxTxBytes: expectInt(m.maxTxBytes, 'params.maxTxBytes', c, 256, 16 * 1024 * 1024),
    maxBlockTxs: expectInt(m.maxBlockTxs, 'params.maxBlockTxs', c, 1, 1_000_000),
    maxBlockBytes: expectInt(m.maxBlockBytes, 'params.maxBlockBytes', c, 1024),
    maxValidityMs: expectInt(m.maxValidityMs, 'params.maxValidityMs', c, 1000),
  };
  if (p.maxBlockBytes < p.maxTxBytes) throw new GongxinError(c, 'maxBlockBytes must be at least maxTxBytes');
  return p;
}
