// Commands `open-campaign` and `close-campaign` (SCENARIOS.md §1): a charity opens a campaign saying what it
// accepts (funds and/or item types) and closes it to further donations.
import { GongxinError } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { CHARITY_ERRORS } from '../errors.js';
import { CHARITY_EVENTS } from '../events.js';
import { closeCampaignArgs, openCampaignArgs, type CloseCampaignArgs, type OpenCampaignArgs } from '../schema.js';
import { keys, type CampaignRecord } from '../state.js';
import { callerOrg, loadOwnCampaign } from './common.js';

/**
 * `open-campaign { id, title, goal, accepts: { funds, items }, description? }` — role `charity`.
 * @throws TX_INVALID_ARGS, CHARITY_CAMPAIGN_EXISTS, CHARITY_ORG_REQUIRED
 * @example chain.run(charity, 'charity', 'open-campaign', { id: 'wuhan-2020', title: 'Masks', goal: 100_000_00, accepts: { funds: true, items: ['n95-mask'] } });
 */
export const openCampaign = defineCommand<OpenCampaignArgs>({
  roles: ['charity'],
  parse: (v) => parseArgs(openCampaignArgs, v),
  check(ctx, a) {
    callerOrg(ctx);
    if (ctx.get(keys.campaign(a.id)) !== undefined) throw new GongxinError(CHARITY_ERRORS.CAMPAIGN_EXISTS, `campaign "${a.id}" exists`, { campaign: a.id });
  },
  apply(ctx, a) {
    const record: CampaignRecord = {
      id: a.id, title: a.title, description: a.description ?? null, goal: a.goal, acceptsFunds: a.accepts.funds, items: [...a.accepts.items].sort(),
      charity: callerOrg(ctx), by: ctx.caller.publicKeyHex, status: 'open', openedAt: ctx.timestamp, openedHeight: ctx.height, openedTx: ctx.txIdHex,
      closedAt: null, closedHeight: null, closedTx: null, closeReason: null,
    };
    ctx.set(keys.campaign(a.id), record);
    ctx.emit(CHARITY_EVENTS.campaignOpened, { campaign: a.id, charity: record.charity });
  },
});

/**
 * `close-campaign { campaign, reason? }` — role `charity`, the campaign's own charity. Stops donations; what was
 * received can still be allocated and confirmed.
 * @throws TX_INVALID_ARGS, CHARITY_CAMPAIGN_NOT_FOUND, CHARITY_NOT_CAMPAIGN_CHARITY, CHARITY_CAMPAIGN_CLOSED
 * @example chain.run(charity, 'charity', 'close-campaign', { campaign: 'wuhan-2020' });
 */
export const closeCampaign = defineCommand<CloseCampaignArgs>({
  roles: ['charity'],
  parse: (v) => parseArgs(closeCampaignArgs, v),
  check(ctx, a) {
    const c = loadOwnCampaign(ctx, a.campaign);
    if (c.status !== 'open') throw new GongxinError(CHARITY_ERRORS.CAMPAIGN_CLOSED, `campaign "${a.campaign}" is already closed`, { campaign: a.campaign });
  },
  apply(ctx, a) {
    const c = loadOwnCampaign(ctx, a.campaign);
    const closed: CampaignRecord = { ...c, status: 'closed', closedAt: ctx.timestamp, closedHeight: ctx.height, closedTx: ctx.txIdHex, closeReason: a.reason ?? null };
    ctx.set(keys.campaign(a.campaign), closed);
    ctx.emit(CHARITY_EVENTS.campaignClosed, { campaign: a.campaign, charity: c.charity });
  },
});
