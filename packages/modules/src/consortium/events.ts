// Event types the consortium module emits (SCENARIOS.md §0); attrs are listed in docs/modules/consortium.md.

/**
 * Event type names, as emitted in receipts under module `consortium`.
 * @example if (ev.module === 'consortium' && ev.type === CONSORTIUM_EVENTS.MEMBER_REVOKED) refreshKeys();
 */
export const CONSORTIUM_EVENTS = {
  MEMBER_ENROLLED: 'member-enrolled',
  MEMBER_SUSPENDED: 'member-suspended',
  MEMBER_REINSTATED: 'member-reinstated',
  MEMBER_REVOKED: 'member-revoked',
  PROPOSAL_CREATED: 'proposal-created',
  PROPOSAL_APPROVED: 'proposal-approved',
  PROPOSAL_REJECTED: 'proposal-rejected',
  PROPOSAL_WITHDRAWN: 'proposal-withdrawn',
  PROPOSAL_EXECUTED: 'proposal-executed',
  ORG_ADDED: 'org-added',
  ORG_REMOVED: 'org-removed',
  PEER_ADDED: 'peer-added',
  PEER_REMOVED: 'peer-removed',
  POLICY_CHANGED: 'policy-changed',
  PARAM_SET: 'param-set',
} as const;

/** One consortium event type. */
export type ConsortiumEventType = (typeof CONSORTIUM_EVENTS)[keyof typeof CONSORTIUM_EVENTS];

/** All event types, for `LedgerModule.events`. */
export const CONSORTIUM_EVENT_TYPES: readonly ConsortiumEventType[] = Object.values(CONSORTIUM_EVENTS);
