// Helpers shared by the charity commands: the caller's org, and loading records that must exist.
import { GongxinError, type ReadContext } from '@gongxin/core';
import { CHARITY_ERRORS } from '../errors.js';
import { readers, keys, type CampaignRecord, type NeedRecord, type NeedState } from '../state.js';

/**
 * The caller's organisation; every step but a donation is signed by an org's member.
 * @throws CHARITY_ORG_REQUIRED
 */
export function callerOrg(ctx: ReadContext): string {
  const org = ctx.caller.org;
  if (org === null) throw new GongxinError(CHARITY_ERRORS.ORG_REQUIRED, 'this step must be signed by a member of an organisation');
  return org;
}

/**
 * The campaign `id`.
 * @throws CHARITY_CAMPAIGN_NOT_FOUND
 */
export function loadCampaign(ctx: ReadContext, id: string): CampaignRecord {
  const c = readers.campaign(ctx, keys.campaign(id));
  if (c === undefined) throw new GongxinError(CHARITY_ERRORS.CAMPAIGN_NOT_FOUND, `no campaign "${id}"`, { campaign: id });
  return c;
}

/**
 * The campaign `id`, which the caller's org must have opened.
 * @throws CHARITY_CAMPAIGN_NOT_FOUND, CHARITY_ORG_REQUIRED, CHARITY_NOT_CAMPAIGN_CHARITY
 */
export function loadOwnCampaign(ctx: ReadContext, id: string): CampaignRecord {
  const c = loadCampaign(ctx, id);
  const org = callerOrg(ctx);
  if (org !== c.charity) throw new GongxinError(CHARITY_ERRORS.NOT_CAMPAIGN_CHARITY, `campaign "${id}" belongs to "${c.charity}", not "${org}"`, { campaign: id, org });
  return c;
}

/**
 * The need `id` and its counters.
 * @throws CHARITY_NEED_NOT_FOUND
 */
export function loadNeed(ctx: ReadContext, id: string): { need: NeedRecord; state: NeedState } {
  const need = readers.need(ctx, keys.need(id));
  const state = readers.needState(ctx, keys.needState(id));
  if (need === undefined || state === undefined) throw new GongxinError(CHARITY_ERRORS.NEED_NOT_FOUND, `no need "${id}"`, { need: id });
  return { need, state };
}

/** Whether a campaign takes an asset (`funds` or `item:{type}`). */
export function accepts(c: CampaignRecord, asset: string): boolean {
  return asset === 'funds' ? c.acceptsFunds : c.items.some((t) => `item:${t}` === asset);
}
