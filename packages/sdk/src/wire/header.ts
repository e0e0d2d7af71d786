// Schema of the API's header JSON (docs/api.md §Header) → core BlockHeader, with the same field limits as core's
// headerFromValue, so any header this accepts re-encodes canonically and its hash can be recomputed.
import type { BlockHeader } from '@gongxin/core';
import { z } from 'zod';
import { bytesSchema, hash32, uint } from './primitives.js';

/**
 * `{ chainId, height, prevHash, timestamp, txCount, txRoot, receiptsRoot, stateRoot, historyRoot, proposer }`.
 * @example const header = headerSchema.parse(json.header);
 */
export const headerSchema: z.ZodType<BlockHeader, unknown> = z
  .object({
    chainId: z.string().min(1).max(64),
    height: uint,
    prevHash: hash32,
    timestamp: uint,
    txCount: uint,
    txRoot: hash32,
    receiptsRoot: hash32,
    stateRoot: hash32,
    historyRoot: hash32,
    proposer: bytesSchema(0, 65),
  })
  .transform(
    (h): BlockHeader => ({
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
    }),
  );
