// Stable error codes of the charity module (SCENARIOS.md §1). A code is API: never reuse or rename one.
// Malformed arguments use the shared TX_INVALID_ARGS; wrong roles are refused by the executor (TX_UNAUTHORIZED).

/**
 * Codes the charity module's commands and state readers throw.
 * @example throw new GongxinError(CHARITY_ERRORS.OVER_ALLOCATION, 'donation d has only 5 unallocated');
 */
export const CHARITY_ERRORS = {
  /** A campaign with this id exists (open or closed): ids are never reused. */
  CAMPAIGN_EXISTS: 'CHARITY_CAMPAIGN_EXISTS',
  /** No campaign has this id. */
  CAMPAIGN_NOT_FOUND: 'CHARITY_CAMPAIGN_NOT_FOUND',
  /** The campaign is closed: it takes no donations and cannot be closed again. */
  CAMPAIGN_CLOSED: 'CHARITY_CAMPAIGN_CLOSED',
  /** The caller is not a member of the charity that opened the campaign. */
  NOT_CAMPAIGN_CHARITY: 'CHARITY_NOT_CAMPAIGN_CHARITY',
  /** The campaign does not accept funds, or not this item type. */
  NOT_ACCEPTED: 'CHARITY_NOT_ACCEPTED',
  /** The caller's key belongs to no organisation, and this step needs one. */
  ORG_REQUIRED: 'CHARITY_ORG_REQUIRED',
  /** A need with this id exists (in any status): ids are never reused. */
  NEED_EXISTS: 'CHARITY_NEED_EXISTS',
  /** No need has this id. */
  NEED_NOT_FOUND: 'CHARITY_NEED_NOT_FOUND',
  /** The need is no longer open (fully allocated, or closed by its hospital). */
  NEED_NOT_OPEN: 'CHARITY_NEED_NOT_OPEN',
  /** The allocation would give the need more than it still asks for. */
  NEED_EXCEEDED: 'CHARITY_NEED_EXCEEDED',
  /** Only the hospital that posted a need may close it. */
  NOT_NEED_HOSPITAL: 'CHARITY_NOT_NEED_HOSPITAL',
  /** No donation has this receipt id. */
  DONATION_NOT_FOUND: 'CHARITY_DONATION_NOT_FOUND',
  /** The donation was made to another campaign. */
  DONATION_CAMPAIGN_MISMATCH: 'CHARITY_DONATION_CAMPAIGN_MISMATCH',
  /** The donation is of another asset (funds vs an item type) than the need. */
  ASSET_MISMATCH: 'CHARITY_ASSET_MISMATCH',
  /** The allocation draws more than was received and not yet allocated (per donation or per item type). */
  OVER_ALLOCATION: 'CHARITY_OVER_ALLOCATION',
  /** No allocation has this id. */
  ALLOCATION_NOT_FOUND: 'CHARITY_ALLOCATION_NOT_FOUND',
  /** Only the hospital the allocation names may confirm it. */
  NOT_RECIPIENT: 'CHARITY_NOT_RECIPIENT',
  /** The confirmation exceeds what was allocated and not yet confirmed. */
  OVER_CONFIRMATION: 'CHARITY_OVER_CONFIRMATION',
  /** A running total would pass the largest safe integer. */
  TOTAL_OVERFLOW: 'CHARITY_TOTAL_OVERFLOW',
  /** A stored record does not have the shape this module writes (a bug, never user input). */
  STATE_INVALID: 'CHARITY_STATE_INVALID',
} as const;

/** One of the charity module's error codes. */
export type CharityErrorCode = (typeof CHARITY_ERRORS)[keyof typeof CHARITY_ERRORS];
