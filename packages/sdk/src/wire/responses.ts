// Schemas of the API's response bodies (docs/api.md §Routes), each transformed into its typed result.
// Objects are lenient about extra fields (a newer peer may add some) and strict about documented ones.
import { decode, genesisFromValue } from '@gongxin/core';
import { z } from 'zod';
import type {
  BlockInfo,
  BlockReceipts,
  ChainStatus,
  GenesisInfo,
  HistoryConsistencyProof,
  HistoryInclusionProof,
  ReceiptView,
  StateResponse,
  SubmitBatchResult,
  SubmitResult,
  TxProof,
  TxStatus,
} from '../types.js';
import { headerSchema } from './header.js';
import { anyBytes, hash32, hashList, jsonRecord, jsonValue, uint } from './primitives.js';

/** GET /v1/status. */
export const statusSchema: z.ZodType<ChainStatus, unknown> = z.object({
  chainId: z.string(),
  suite: z.string(),
  height: uint,
  headerHash: hash32,
  stateRoot: hash32,
  historyRoot: hash32,
  timestamp: uint,
  mempool: z.object({ size: uint, capacity: uint }),
  version: z.string(),
});

/** GET /v1/genesis: the document is decoded from `genesisHex` (canonical), not from the JSON view. */
export const genesisSchema: z.ZodType<GenesisInfo, unknown> = z
  .object({ genesis: jsonValue, genesisHash: hash32, genesisHex: anyBytes })
  .transform((g, ctx): GenesisInfo => {
    try {
      return { genesis: genesisFromValue(decode(g.genesisHex)), genesisHash: g.genesisHash, genesisBytes: g.genesisHex, json: g.genesis };
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `genesisHex: ${e instanceof Error ? e.message : String(e)}`, path: ['genesisHex'] });
      return z.NEVER;
    }
  });

/** A receipt `{ txId, ok, code, message, events, receiptHex }`. */
export const receiptSchema: z.ZodType<ReceiptView, unknown> = z
  .object({
    txId: hash32,
    ok: z.boolean(),
    code: z.string(),
    message: z.string(),
    events: z.array(z.object({ module: z.string(), type: z.string(), attrs: jsonRecord })),
    receiptHex: anyBytes,
  })
  .transform((r): ReceiptView => ({ txId: r.txId, ok: r.ok, code: r.code, message: r.message, events: r.events, receiptBytes: r.receiptHex }));

/** POST /v1/txs (one tx): 202 `{ txId }`. */
export const submitSchema: z.ZodType<SubmitResult, unknown> = z.object({ txId: hash32 });

/** POST /v1/txs (batch): 202 `{ accepted, rejected }`. */
export const submitBatchSchema: z.ZodType<SubmitBatchResult, unknown> = z
  .object({
    accepted: hashList,
    rejected: z.array(z.object({ index: uint, txId: hash32.optional(), code: z.string(), message: z.string() })),
  })
  .transform(
    (b): SubmitBatchResult => ({
      accepted: b.accepted,
      rejected: b.rejected.map((r) => ({ index: r.index, txId: r.txId, code: r.code, message: r.message })),
    }),
  );

/** GET /v1/txs/{txId}. */
export const txStatusSchema: z.ZodType<TxStatus, unknown> = z
  .object({
    txId: hash32,
    status: z.enum(['pending', 'committed', 'rejected']),
    height: uint.optional(),
    index: uint.optional(),
    receipt: receiptSchema.optional(),
  })
  .transform((t): TxStatus => ({ txId: t.txId, status: t.status, height: t.height, index: t.index, receipt: t.receipt }));

/** GET /v1/txs/{txId}/proof. */
export const txProofSchema: z.ZodType<TxProof, unknown> = z.object({
  txId: hash32,
  height: uint,
  leafIndex: uint,
  treeSize: uint,
  leafHash: hash32,
  auditPath: hashList,
  txRoot: hash32,
  header: headerSchema,
  headerHash: hash32,
});

/** GET /v1/blocks/{height}. */
export const blockSchema: z.ZodType<BlockInfo, unknown> = z.object({ header: headerSchema, headerHash: hash32, txIds: hashList });

/** GET /v1/blocks/{height}/receipts. */
export const receiptsSchema: z.ZodType<BlockReceipts, unknown> = z.object({ height: uint, receipts: z.array(receiptSchema) });

/** GET /v1/history/inclusion. */
export const historyInclusionSchema: z.ZodType<HistoryInclusionProof, unknown> = z.object({
  height: uint,
  treeSize: uint,
  headerHash: hash32,
  leafHash: hash32,
  auditPath: hashList,
  root: hash32,
});

/** GET /v1/history/consistency. */
export const historyConsistencySchema: z.ZodType<HistoryConsistencyProof, unknown> = z.object({
  first: uint,
  second: uint,
  firstRoot: hash32,
  secondRoot: hash32,
  proof: hashList,
});

/** GET /v1/state/{module}/{key}. */
export const stateSchema: z.ZodType<StateResponse, unknown> = z
  .object({
    module: z.string(),
    key: z.string(),
    height: uint,
    found: z.boolean(),
    value: jsonValue.optional(),
    valueHex: anyBytes.nullable().optional(),
    // The parsed form (StateResponse) names it valueBytes: accept that too, so a parsed response re-parses.
    valueBytes: anyBytes.nullable().optional(),
    proof: z.unknown(),
    header: headerSchema,
    headerHash: hash32,
  })
  .transform(
    (s): StateResponse => ({
      module: s.module,
      key: s.key,
      height: s.height,
      found: s.found,
      value: s.value ?? null,
      valueBytes: s.valueHex !== undefined ? s.valueHex : (s.valueBytes ?? null),
      proof: s.proof,
      header: s.header,
      headerHash: s.headerHash,
    }),
  );

/** An error body `{ code, message, details? }` (4xx/5xx). */
export const errorBodySchema: z.ZodType<{ code: string; message: string; details: Record<string, unknown> }, unknown> = z
  .object({ code: z.string().min(1), message: z.string().optional(), details: z.record(z.string(), z.unknown()).optional() })
  .transform((e) => ({ code: e.code, message: e.message ?? e.code, details: e.details ?? {} }));

/**
 * A one-line description of a schema failure: the first issue with its JSON path.
 * @example const r = statusSchema.safeParse(json); if (!r.success) console.log(describeIssues(r.error)); // "height: expected number…"
 */
export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'invalid response';
  const path = first.path.map(String).join('.');
  return path === '' ? first.message : `${path}: ${first.message}`;
}
