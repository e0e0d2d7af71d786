// Command `donate` (SCENARIOS.md §1): anyone, under any key (pseudonymous), gives funds or items to an open
// campaign that accepts them. The receipt id is the tx id. The record is written once; totals grow by addition.
import { GongxinError, ROLE_PUBLIC, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { CHARITY_ERRORS } from '../errors.js';
import { CHARITY_EVENTS } from '../events.js';
import { donateArgs, type DonateArgs } from '../schema.js';
import { addChecked, assetOf, keys, readers, type DonationRecord, type TotalRecord } from '../state.js';
import { accepts, loadCampaign } from './common.js';

function plan(ctx: ReadContext, a: DonateArgs): { asset: string; qty: number; total: TotalRecord } {
  const c = loadCampaign(ctx, a.campaign);
  if (c.status !== 'open') throw new GongxinError(CHARITY_ERRORS.CAMPAIGN_CLOSED, `campaign "${a.campaign}" is closed`, { campaign: a.campaign });
  const asset = assetOf(a.kind === 'item' ? a.itemType : undefined);
  if (!accepts(c, asset)) throw new GongxinError(CHARITY_ERRORS.NOT_ACCEPTED, `campaign "${a.campaign}" does not accept ${asset}`, { campaign: a.campaign, asset });
  const qty = a.kind === 'funds' ? a.amount : a.quantity;
  const old = readers.total(ctx, keys.campaignTotal(a.campaign, asset)) ?? { asset, received: 0, allocated: 0, confirmed: 0, donations: 0 };
  const total = { ...old, received: addChecked(old.received, qty, 'campaign received'), donations: old.donations + 1 };
  return { asset, qty, total };
}

/**
 * `donate { campaign, kind: 'funds', amount, note? }` or `{ campaign, kind: 'item', itemType, quantity, note? }` — role
 * `public`. The donor's receipt id is the tx id (`donation/{txId}`).
 * @throws TX_INVALID_ARGS, CHARITY_CAMPAIGN_NOT_FOUND, CHARITY_CAMPAIGN_CLOSED, CHARITY_NOT_ACCEPTED, CHARITY_TOTAL_OVERFLOW
 * @example chain.run(chain.stranger('donor'), 'charity', 'donate', { campaign: 'wuhan-2020', kind: 'item', itemType: 'n95-mask', quantity: 500 });
 */
export const donate = defineCommand<DonateArgs>({
  roles: [ROLE_PUBLIC],
  parse: (v) => parseArgs(donateArgs, v),
  check: (ctx, a) => void plan(ctx, a),
  apply(ctx, a) {
    const { asset, qty, total } = plan(ctx, a);
    const id = ctx.txIdHex;
    const record: DonationRecord = {
      id, campaign: a.campaign, donor: ctx.caller.publicKeyHex, donorOrg: ctx.caller.org, asset, quantity: qty, note: a.note ?? null, at: ctx.timestamp, height: ctx.height,
    };
    ctx.set(keys.donation(id), record);
    ctx.set(keys.donationState(id), { allocated: 0, allocations: 0 });
    ctx.set(keys.donationByCampaign(a.campaign, id), qty);
    ctx.set(keys.donationByDonor(record.donor, id), a.campaign);
    ctx.set(keys.campaignTotal(a.campaign, asset), total);
    ctx.emit(CHARITY_EVENTS.donationReceived, { donation: id, campaign: a.campaign, donor: record.donor, asset, quantity: qty });
  },
});
