// Command `allocate` (SCENARIOS.md §1): the campaign's charity gives received funds or items to an open hospital
// need, naming the donations it draws from. Never more than received-and-unallocated, per donation and per asset.
import { GongxinError, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { CHARITY_ERRORS } from '../errors.js';
import { CHARITY_EVENTS } from '../events.js';
import { allocateArgs, type AllocateArgs } from '../schema.js';
import { addChecked, keys, readers, type AllocationRecord, type DonationState, type NeedRecord, type NeedState, type TotalRecord } from '../state.js';
import { loadNeed, loadOwnCampaign } from './common.js';

interface Plan {
  readonly charity: string;
  readonly need: NeedRecord;
  readonly needState: NeedState;
  readonly total: TotalRecord;
  readonly quantity: number;
  readonly draws: ReadonlyArray<{ readonly donation: string; readonly quantity: number; readonly state: DonationState }>;
}

function planDraws(ctx: ReadContext, a: AllocateArgs, asset: string): Plan['draws'] {
  return a.draws.map((d) => {
    const don = readers.donation(ctx, keys.donation(d.donation));
    const state = readers.donationState(ctx, keys.donationState(d.donation));
    if (don === undefined || state === undefined) throw new GongxinError(CHARITY_ERRORS.DONATION_NOT_FOUND, `no donation ${d.donation}`, { donation: d.donation });
    if (don.campaign !== a.campaign) {
      throw new GongxinError(CHARITY_ERRORS.DONATION_CAMPAIGN_MISMATCH, `donation ${d.donation} went to campaign "${don.campaign}"`, { donation: d.donation, campaign: don.campaign });
    }
    if (don.asset !== asset) throw new GongxinError(CHARITY_ERRORS.ASSET_MISMATCH, `donation ${d.donation} is ${don.asset}, the need asks for ${asset}`, { donation: d.donation, asset: don.asset });
    const left = don.quantity - state.allocated;
    if (d.quantity > left) {
      throw new GongxinError(CHARITY_ERRORS.OVER_ALLOCATION, `donation ${d.donation} has ${left} unallocated, ${d.quantity} asked`, { donation: d.donation, unallocated: left, asked: d.quantity });
    }
    return { donation: d.donation, quantity: d.quantity, state };
  });
}

function plan(ctx: ReadContext, a: AllocateArgs): Plan {
  const { charity } = loadOwnCampaign(ctx, a.campaign);
  const { need, state: needState } = loadNeed(ctx, a.need);
  if (needState.status !== 'open') throw new GongxinError(CHARITY_ERRORS.NEED_NOT_OPEN, `need "${a.need}" is ${needState.status}`, { need: a.need, status: needState.status });
  const draws = planDraws(ctx, a, need.asset);
  const quantity = draws.reduce((s, d) => s + d.quantity, 0); // ≤ 64 × 10^12: exact
  // Per asset: implied by the per-donation rule when totals equal sums of records; checked anyway (SCENARIOS §1).
  const total = readers.total(ctx, keys.campaignTotal(a.campaign, need.asset)) ?? { asset: need.asset, received: 0, allocated: 0, confirmed: 0, donations: 0 };
  const left = total.received - total.allocated;
  if (quantity > left) throw new GongxinError(CHARITY_ERRORS.OVER_ALLOCATION, `campaign has ${left} ${need.asset} unallocated, ${quantity} asked`, { asset: need.asset, unallocated: left, asked: quantity });
  const remaining = need.quantity - needState.allocated;
  if (quantity > remaining) throw new GongxinError(CHARITY_ERRORS.NEED_EXCEEDED, `need "${a.need}" asks for ${remaining} more, ${quantity} given`, { need: a.need, remaining, asked: quantity });
  return { charity, need, needState, total, quantity, draws };
}

/**
 * `allocate { campaign, need, draws: [{ donation, quantity }], note? }` — role `charity`, the campaign's own charity.
 * The allocation id is the tx id; the recipient is the hospital that posted the need.
 * @throws TX_INVALID_ARGS, CHARITY_CAMPAIGN_NOT_FOUND, CHARITY_NOT_CAMPAIGN_CHARITY, CHARITY_NEED_NOT_FOUND, CHARITY_NEED_NOT_OPEN,
 *   CHARITY_DONATION_NOT_FOUND, CHARITY_DONATION_CAMPAIGN_MISMATCH, CHARITY_ASSET_MISMATCH, CHARITY_OVER_ALLOCATION, CHARITY_NEED_EXCEEDED
 * @example chain.run(charity, 'charity', 'allocate', { campaign: 'wuhan-2020', need: 'hb-masks-1', draws: [{ donation: receiptId, quantity: 300 }] });
 */
export const allocate = defineCommand<AllocateArgs>({
  roles: ['charity'],
  parse: (v) => parseArgs(allocateArgs, v),
  check: (ctx, a) => void plan(ctx, a),
  apply(ctx, a) {
    const p = plan(ctx, a);
    const id = ctx.txIdHex;
    const hospital = p.need.hospital;
    const asset = p.need.asset;
    const record: AllocationRecord = {
      id, campaign: a.campaign, charity: p.charity, by: ctx.caller.publicKeyHex, need: a.need, hospital, asset, quantity: p.quantity,
      draws: p.draws.map((d) => ({ donation: d.donation, quantity: d.quantity })), note: a.note ?? null, at: ctx.timestamp, height: ctx.height,
    };
    ctx.set(keys.allocation(id), record);
    ctx.set(keys.allocationState(id), { confirmed: 0, confirmations: 0 });
    ctx.set(keys.allocByCampaign(a.campaign, id), p.quantity);
    ctx.set(keys.allocByNeed(a.need, id), p.quantity);
    for (const d of p.draws) {
      ctx.set(keys.allocByDonation(d.donation, d.state.allocations), { allocation: id, quantity: d.quantity });
      ctx.set(keys.donationState(d.donation), { allocated: d.state.allocated + d.quantity, allocations: d.state.allocations + 1 });
    }
    ctx.set(keys.campaignTotal(a.campaign, asset), { ...p.total, allocated: p.total.allocated + p.quantity });
    const needAllocated = p.needState.allocated + p.quantity;
    const covered = needAllocated === p.need.quantity;
    ctx.set(keys.needState(a.need), { ...p.needState, allocated: needAllocated, status: covered ? 'allocated' : 'open' });
    if (covered) ctx.delete(keys.openNeed(a.need));
    const ht = readers.hospitalTotal(ctx, keys.hospitalTotal(hospital, asset)) ?? { asset, allocated: 0, confirmed: 0 };
    ctx.set(keys.hospitalTotal(hospital, asset), { ...ht, allocated: addChecked(ht.allocated, p.quantity, 'hospital allocated') });
    ctx.emit(CHARITY_EVENTS.allocated, { allocation: id, campaign: a.campaign, need: a.need, hospital, asset, quantity: p.quantity });
  },
});
