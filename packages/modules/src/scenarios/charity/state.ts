// State layout of the charity module (README.md §State): immutable per-step records keyed by tx id or given id,
// small counters next to them, totals updated by addition, and index keys so every query is a prefix scan.
import { GongxinError, type Value } from '@gongxin/core';
import { z } from 'zod';
import { CHARITY_ERRORS } from './errors.js';

/** `funds` for money, `item:{type}` for an item type. */
export type Asset = string;
/** The asset key of money. */
export const FUNDS = 'funds';
/** The asset key of an item type (`funds` when there is none). */
export function assetOf(itemType: string | undefined): Asset {
  return itemType === undefined ? FUNDS : `item:${itemType}`;
}

const seq = (n: number): string => String(n).padStart(10, '0');

/** Every state key the module writes, by record kind. */
export const keys = {
  campaign: (id: string) => `campaign/${id}`,
  campaignTotal: (campaign: string, asset: Asset) => `campaign-total/${campaign}/${asset}`,
  campaignTotals: (campaign: string) => `campaign-total/${campaign}/`,
  donation: (id: string) => `donation/${id}`,
  donationState: (id: string) => `donation-state/${id}`,
  donationByCampaign: (campaign: string, id: string) => `donation-by-campaign/${campaign}/${id}`,
  donationByDonor: (donor: string, id: string) => `donation-by-donor/${donor}/${id}`,
  allocByDonation: (donation: string, n: number) => `alloc-by-donation/${donation}/${seq(n)}`,
  allocsByDonation: (donation: string) => `alloc-by-donation/${donation}/`,
  allocation: (id: string) => `allocation/${id}`,
  allocationState: (id: string) => `allocation-state/${id}`,
  allocByCampaign: (campaign: string, id: string) => `alloc-by-campaign/${campaign}/${id}`,
  allocByNeed: (need: string, id: string) => `alloc-by-need/${need}/${id}`,
  confirmation: (id: string) => `confirmation/${id}`,
  confByAlloc: (allocation: string, n: number) => `conf-by-alloc/${allocation}/${seq(n)}`,
  confsByAlloc: (allocation: string) => `conf-by-alloc/${allocation}/`,
  need: (id: string) => `need/${id}`,
  needState: (id: string) => `need-state/${id}`,
  openNeed: (id: string) => `open-need/${id}`,
  needByHospital: (hospital: string, id: string) => `need-by-hospital/${hospital}/${id}`,
  hospitalTotal: (hospital: string, asset: Asset) => `hospital-total/${hospital}/${asset}`,
  hospitalTotals: (hospital: string) => `hospital-total/${hospital}/`,
} as const;

const int = z.int().min(0);
const text = z.string().nullable();
const stamp = { at: int, height: int };

const campaignRecord = z.strictObject({
  id: z.string(), title: z.string(), description: text, goal: int, acceptsFunds: z.boolean(), items: z.array(z.string()),
  charity: z.string(), by: z.string(), status: z.enum(['open', 'closed']), openedAt: int, openedHeight: int, openedTx: z.string(),
  closedAt: int.nullable(), closedHeight: int.nullable(), closedTx: text, closeReason: text,
});
const totalRecord = z.strictObject({ asset: z.string(), received: int, allocated: int, confirmed: int, donations: int });
const donationRecord = z.strictObject({ id: z.string(), campaign: z.string(), donor: z.string(), donorOrg: text, asset: z.string(), quantity: int, note: text, ...stamp });
const donationState = z.strictObject({ allocated: int, allocations: int });
const drawEntry = z.strictObject({ allocation: z.string(), quantity: int });
const allocationRecord = z.strictObject({
  id: z.string(), campaign: z.string(), charity: z.string(), by: z.string(), need: z.string(), hospital: z.string(), asset: z.string(),
  quantity: int, draws: z.array(z.strictObject({ donation: z.string(), quantity: int })), note: text, ...stamp,
});
const allocationState = z.strictObject({ confirmed: int, confirmations: int });
const confirmationRecord = z.strictObject({
  id: z.string(), allocation: z.string(), campaign: z.string(), need: z.string(), hospital: z.string(), by: z.string(),
  quantity: int, proofHash: z.string(), note: text, ...stamp,
});
const confEntry = z.strictObject({ confirmation: z.string(), quantity: int });
const needRecord = z.strictObject({ id: z.string(), hospital: z.string(), by: z.string(), asset: z.string(), quantity: int, urgency: z.string(), note: text, tx: z.string(), ...stamp });
const needState = z.strictObject({ allocated: int, confirmed: int, status: z.enum(['open', 'allocated', 'closed']), closedAt: int.nullable() });
const hospitalTotal = z.strictObject({ asset: z.string(), allocated: int, confirmed: int });

/** `campaign/{id}`: the campaign; only `status` and the `closed*` fields ever change (on close). */
export type CampaignRecord = z.infer<typeof campaignRecord>;
/** `campaign-total/{campaign}/{asset}`: running sums over the campaign's records of one asset. */
export type TotalRecord = z.infer<typeof totalRecord>;
/** `donation/{txId}`: one donation, never changed; its id is the donor's receipt id. */
export type DonationRecord = z.infer<typeof donationRecord>;
/** `donation-state/{txId}`: how much of the donation is allocated, and how many allocations drew from it. */
export type DonationState = z.infer<typeof donationState>;
/** `alloc-by-donation/{donation}/{n}`: the n-th allocation drawing from a donation, and how much it drew. */
export type DrawEntry = z.infer<typeof drawEntry>;
/** `allocation/{txId}`: one allocation, never changed. */
export type AllocationRecord = z.infer<typeof allocationRecord>;
/** `allocation-state/{txId}`: how much of the allocation is confirmed, and by how many confirmations. */
export type AllocationState = z.infer<typeof allocationState>;
/** `confirmation/{txId}`: one receipt confirmation by the recipient hospital, never changed. */
export type ConfirmationRecord = z.infer<typeof confirmationRecord>;
/** `conf-by-alloc/{allocation}/{n}`: the n-th confirmation of an allocation. */
export type ConfEntry = z.infer<typeof confEntry>;
/** `need/{id}`: a hospital need, never changed. */
export type NeedRecord = z.infer<typeof needRecord>;
/** `need-state/{id}`: allocated and confirmed so far, and whether the need is still open. */
export type NeedState = z.infer<typeof needState>;
/** `hospital-total/{org}/{asset}`: allocated to and confirmed by one hospital. */
export type HospitalTotal = z.infer<typeof hospitalTotal>;

/** Anything that reads this module's state: a command or query context, or a bundle builder's reader. */
export interface CharityStateSource {
  get(key: string): Value | undefined;
}

function reader<T>(schema: z.ZodType<T>): (src: CharityStateSource, key: string) => T | undefined {
  return (src, key) => {
    const v = src.get(key);
    if (v === undefined) return undefined;
    const r = schema.safeParse(v);
    if (!r.success) throw new GongxinError(CHARITY_ERRORS.STATE_INVALID, `charity state ${key} is malformed`, { key });
    return r.data;
  };
}

/** Strict readers of stored records: undefined when absent, CHARITY_STATE_INVALID when malformed. */
export const readers = {
  campaign: reader(campaignRecord),
  total: reader(totalRecord),
  donation: reader(donationRecord),
  donationState: reader(donationState),
  drawEntry: reader(drawEntry),
  allocation: reader(allocationRecord),
  allocationState: reader(allocationState),
  confirmation: reader(confirmationRecord),
  confEntry: reader(confEntry),
  need: reader(needRecord),
  needState: reader(needState),
  hospitalTotal: reader(hospitalTotal),
} as const;

/**
 * `a + b`, refusing sums beyond the largest safe integer.
 * @throws CHARITY_TOTAL_OVERFLOW
 */
export function addChecked(a: number, b: number, what: string): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new GongxinError(CHARITY_ERRORS.TOTAL_OVERFLOW, `${what} would pass the largest safe integer`, { what });
  return s;
}
