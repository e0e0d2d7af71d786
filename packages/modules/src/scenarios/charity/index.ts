// The charity module (SCENARIOS.md §1, 公益慈善): campaigns, donations, hospital needs, allocations naming the
// donations they draw from, and recipient confirmations — the public "where did my donation go" trail.
import type { LedgerModule } from '@gongxin/core';
import { allocate } from './commands/allocate.js';
import { closeCampaign, openCampaign } from './commands/campaign.js';
import { confirm } from './commands/confirm.js';
import { donate } from './commands/donate.js';
import { closeNeed, postNeed } from './commands/need.js';
import { CHARITY_EVENTS } from './events.js';
import { allocation, balanceSheet, campaigns, hospitalReceived, needs, trace } from './queries.js';

/** Module name on the chain. */
export const CHARITY_MODULE = 'charity';

/**
 * The charity module: commands open-campaign, close-campaign, donate, post-need, close-need, allocate, confirm;
 * queries campaigns, balance-sheet, trace, needs, allocation, hospital-received. Rules: README.md.
 * @example const chain = createScenarioChain({ modules: [charityModule] });
 */
export const charityModule: LedgerModule = {
  name: CHARITY_MODULE,
  commands: {
    'open-campaign': openCampaign,
    'close-campaign': closeCampaign,
    donate,
    'post-need': postNeed,
    'close-need': closeNeed,
    allocate,
    confirm,
  },
  queries: { campaigns, 'balance-sheet': balanceSheet, trace, needs, allocation, 'hospital-received': hospitalReceived },
  events: Object.values(CHARITY_EVENTS),
};

export { CHARITY_ERRORS } from './errors.js';
export type { CharityErrorCode } from './errors.js';
export { CHARITY_EVENTS } from './events.js';
export type { CharityEventType } from './events.js';
export { CHARITY_MAX_QUANTITY, CHARITY_MAX_LIST } from './schema.js';
export { charityBundleKeys } from './bundle.js';
export type { CharityBundleKind, CharityBundleKeys } from './bundle.js';
export type {
  CampaignRecord,
  TotalRecord,
  DonationRecord,
  DonationState,
  AllocationRecord,
  AllocationState,
  ConfirmationRecord,
  NeedRecord,
  NeedState,
  HospitalTotal,
} from './state.js';
