// Argument and query-parameter schemas of the charity module (SCENARIOS.md §1). Amounts are integers in minor
// units (fen) and item counts: never floats. Ids and item types are short slugs so they can sit inside state keys.
import { z } from 'zod';

/** Largest amount or quantity one donation, need, draw or confirmation may carry (10^12: 10 billion yuan in fen). */
export const CHARITY_MAX_QUANTITY = 1_000_000_000_000;
/** Most item types a campaign may list, and most donations one allocation may draw from. */
export const CHARITY_MAX_LIST = 64;

/** Campaign and need ids: a lowercase slug. */
export const charityId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a slug: a-z, 0-9 and -, 1 to 64 characters');
/** Item types (e.g. `n95-mask`): a lowercase slug; `funds` is reserved for money. */
export const itemType = charityId.refine((s) => s !== 'funds', '"funds" is reserved for money');
/** A tx id or document hash: 64 lowercase hex. */
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');
/** A positive integer amount (fen) or item count. */
export const quantity = z.int().min(1).max(CHARITY_MAX_QUANTITY);
const note = z.string().max(280).optional();
/** How urgent a hospital need is. */
export const urgency = z.enum(['low', 'normal', 'high', 'critical']);

/** args of `open-campaign`. */
export const openCampaignArgs = z
  .strictObject({
    id: charityId,
    title: z.string().min(1).max(200),
    goal: quantity,
    accepts: z.strictObject({ funds: z.boolean(), items: z.array(itemType).max(CHARITY_MAX_LIST) }),
    description: z.string().max(2000).optional(),
  })
  .refine((a) => a.accepts.funds || a.accepts.items.length > 0, { message: 'must accept funds or at least one item type', path: ['accepts'] })
  .refine((a) => new Set(a.accepts.items).size === a.accepts.items.length, { message: 'item types must be unique', path: ['accepts', 'items'] });
/** Parsed args of `open-campaign`. */
export type OpenCampaignArgs = z.infer<typeof openCampaignArgs>;

/** args of `close-campaign`. */
export const closeCampaignArgs = z.strictObject({ campaign: charityId, reason: note });
/** Parsed args of `close-campaign`. */
export type CloseCampaignArgs = z.infer<typeof closeCampaignArgs>;

/** args of `donate`: money `{ kind: 'funds', amount }` or in kind `{ kind: 'item', itemType, quantity }`. */
export const donateArgs = z.discriminatedUnion('kind', [
  z.strictObject({ campaign: charityId, kind: z.literal('funds'), amount: quantity, note }),
  z.strictObject({ campaign: charityId, kind: z.literal('item'), itemType, quantity, note }),
]);
/** Parsed args of `donate`. */
export type DonateArgs = z.infer<typeof donateArgs>;

/** args of `post-need`: funds `{ kind: 'funds', amount }` or items `{ kind: 'item', itemType, quantity }`, plus urgency. */
export const postNeedArgs = z.discriminatedUnion('kind', [
  z.strictObject({ id: charityId, kind: z.literal('funds'), amount: quantity, urgency, note }),
  z.strictObject({ id: charityId, kind: z.literal('item'), itemType, quantity, urgency, note }),
]);
/** Parsed args of `post-need`. */
export type PostNeedArgs = z.infer<typeof postNeedArgs>;

/** args of `close-need`. */
export const closeNeedArgs = z.strictObject({ need: charityId, reason: note });
/** Parsed args of `close-need`. */
export type CloseNeedArgs = z.infer<typeof closeNeedArgs>;

/** One draw of an allocation: how much it takes from one donation (by receipt id). */
export const drawArgs = z.strictObject({ donation: hex64, quantity });
/** args of `allocate`: the draws name distinct donations. */
export const allocateArgs = z
  .strictObject({ campaign: charityId, need: charityId, draws: z.array(drawArgs).min(1).max(CHARITY_MAX_LIST), note })
  .refine((a) => new Set(a.draws.map((d) => d.donation)).size === a.draws.length, { message: 'each donation may be named once', path: ['draws'] });
/** Parsed args of `allocate`. */
export type AllocateArgs = z.infer<typeof allocateArgs>;

/** args of `confirm`: the quantity actually received and the hash of the proof document (e.g. a signed delivery note). */
export const confirmArgs = z.strictObject({ allocation: hex64, quantity, proofHash: hex64, note });
/** Parsed args of `confirm`. */
export type ConfirmArgs = z.infer<typeof confirmArgs>;

const limit = z.int().min(1).max(200).optional();
/** params of `campaigns`. */
export const campaignsParams = z.strictObject({ status: z.enum(['open', 'closed']).optional(), after: charityId.optional(), limit });
/** params of `balance-sheet`. */
export const balanceSheetParams = z.strictObject({ campaign: charityId });
/** params of `trace`. */
export const traceParams = z.strictObject({ donation: hex64, limit });
/** params of `needs`: `status` 'open' (default) or 'all'; optionally one hospital's. */
export const needsParams = z.strictObject({ status: z.enum(['open', 'all']).optional(), hospital: charityId.optional(), after: charityId.optional(), limit });
/** params of `hospital-received`. */
export const hospitalParams = z.strictObject({ hospital: charityId });
/** params of `allocation`. */
export const allocationParams = z.strictObject({ id: hex64, limit });
