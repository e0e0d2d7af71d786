// Event types of the charity module (SCENARIOS.md §1): one per step of the donor → hospital trail.

/**
 * Event types the charity module emits; attrs always carry the ids a client needs to fetch the records.
 * @example chain.block([...]).txs[0].receipt.events.map((e) => e.type); // ['donation-received']
 */
export const CHARITY_EVENTS = {
  /** `{ campaign, charity }` */
  campaignOpened: 'campaign-opened',
  /** `{ campaign, charity }` */
  campaignClosed: 'campaign-closed',
  /** `{ donation, campaign, donor, asset, quantity }` */
  donationReceived: 'donation-received',
  /** `{ need, hospital, asset, quantity, urgency }` */
  needPosted: 'need-posted',
  /** `{ need, hospital }` */
  needClosed: 'need-closed',
  /** `{ allocation, campaign, need, hospital, asset, quantity }` */
  allocated: 'allocated',
  /** `{ confirmation, allocation, campaign, need, hospital, quantity, proofHash }` */
  confirmed: 'confirmed',
} as const;

/** One of the charity module's event types. */
export type CharityEventType = (typeof CHARITY_EVENTS)[keyof typeof CHARITY_EVENTS];
