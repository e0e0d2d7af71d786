// Argument schemas of the supply-trace module (SCENARIOS.md §5): batches, attestations, custody moves, recalls,
// received serials and the public lookup. Quantities are positive integers; codes are checked again by gs1.ts.
import { z } from 'zod';
import { LOT_PATTERN } from './gs1.js';

/** Largest quantity one batch may carry (10^12 items): far above any real batch, well inside exact integers. */
export const MAX_QUANTITY = 1_000_000_000_000;
/** Longest ancestry chain of a logistic unit (batch → unit → unit …): keeps recall checks bounded. */
export const MAX_SPLIT_DEPTH = 8;

/** Standards a certificate may name (SCENARIOS.md §5, the demo set). */
export const SUPPLY_STANDARDS = ['GB 19083-2010', 'YY 0469-2011', 'YY/T 0969-2013', 'GB 2626-2019', 'GB 19082-2009'] as const;

const gtin14 = z.string().regex(/^\d{14}$/, 'must be a 14-digit GTIN');
const sscc18 = z.string().regex(/^\d{18}$/, 'must be an 18-digit SSCC');
const lotText = z.string().regex(LOT_PATTERN, 'must be 1-20 characters of 0-9 A-Z a-z . _ -');
const quantity = z.int().min(1).max(MAX_QUANTITY);
const date = z.string().min(6).max(10);
/** A batch id `{gtin}-{lot}` or an SSCC: the code of something with holders. */
const lotCode = z.string().min(14).max(35);
const orgId = z.string().min(1).max(64);

/** args of `register-batch`. `serialRange` (same-width digit strings) must cover exactly `quantity` serials; without it `quantity` is the unit count. */
export const registerBatchArgs = z.strictObject({
  gtin: gtin14,
  lot: lotText,
  productType: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. n95-respirator').max(40),
  standard: z.enum(SUPPLY_STANDARDS),
  quantity,
  productionDate: date,
  expiryDate: date.optional(),
  serialRange: z.strictObject({ first: z.string().regex(/^\d{1,20}$/), last: z.string().regex(/^\d{1,20}$/) }).optional(),
});
/** Parsed args of `register-batch`. */
export type RegisterBatchArgs = z.infer<typeof registerBatchArgs>;

/** args of `attest`: the certificate document's hash (64 lowercase hex), pass or fail, the standard tested against. */
export const attestArgs = z.strictObject({
  batch: lotCode,
  certificate: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters'),
  result: z.enum(['pass', 'fail']),
  standard: z.enum(SUPPLY_STANDARDS),
});
/** Parsed args of `attest`. */
export type AttestArgs = z.infer<typeof attestArgs>;

/** args of `transfer`: `quantity` of batch or unit `code` from the caller's org to org `to`. */
export const transferArgs = z.strictObject({ code: lotCode, to: orgId, quantity });
/** Parsed args of `transfer`. */
export type TransferArgs = z.infer<typeof transferArgs>;

/** args of `split`: `quantity` of `code` held by the caller's org becomes the new logistic unit `sscc`. */
export const splitArgs = z.strictObject({ code: lotCode, sscc: sscc18, quantity });
/** Parsed args of `split`. */
export type SplitArgs = z.infer<typeof splitArgs>;

/** args of `recall`: a batch id or SSCC, and why. */
export const recallArgs = z.strictObject({ code: lotCode, reason: z.string().min(1).max(200) });
/** Parsed args of `recall`. */
export type RecallArgs = z.infer<typeof recallArgs>;

/** args of `receive-serial`: one unit (GTIN + serial), optionally its lot. */
export const receiveSerialArgs = z.strictObject({ gtin: gtin14, serial: lotText, lot: lotText.optional() });
/** Parsed args of `receive-serial`. */
export type ReceiveSerialArgs = z.infer<typeof receiveSerialArgs>;

/** params of the `lookup` query: any code a phone reads; `limit` bounds the trail and the holdings listed. */
export const lookupParams = z.strictObject({ code: z.string().min(1).max(512), limit: z.int().min(1).max(500).optional() });
/** params of the `holdings` query: what an org holds, in code order, after `after`. */
export const holdingsParams = z.strictObject({ org: orgId, after: z.string().max(40).optional(), limit: z.int().min(1).max(500).optional() });
