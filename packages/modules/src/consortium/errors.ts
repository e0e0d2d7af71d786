// Stable error codes of the consortium module (SCENARIOS.md §0). A code is API: never reuse or rename one.

/**
 * Codes the consortium module's commands, genesis and state readers throw. Listed in docs/modules/consortium.md.
 * @example throw new GongxinError(CONSORTIUM_ERRORS.NOT_ORG_ADMIN, 'only an admin of org "a" may do this');
 */
export const CONSORTIUM_ERRORS = {
  /** The genesis section is malformed or inconsistent (duplicate ids or keys, unknown org, no org). */
  GENESIS_INVALID: 'CONSORTIUM_GENESIS_INVALID',
  /** The caller is not an admin of the org the command concerns. */
  NOT_ORG_ADMIN: 'CONSORTIUM_NOT_ORG_ADMIN',
  /** A role asked for a member is not among the roles its org may hold. */
  ROLE_NOT_ALLOWED: 'CONSORTIUM_ROLE_NOT_ALLOWED',
  /** The key is already enrolled (in any status; revoked keys are never enrolled again). */
  MEMBER_EXISTS: 'CONSORTIUM_MEMBER_EXISTS',
  /** No member has this key. */
  MEMBER_NOT_FOUND: 'CONSORTIUM_MEMBER_NOT_FOUND',
  /** The member is not active (suspending a suspended key). */
  MEMBER_NOT_ACTIVE: 'CONSORTIUM_MEMBER_NOT_ACTIVE',
  /** The member is not suspended (reinstating an active key). */
  MEMBER_NOT_SUSPENDED: 'CONSORTIUM_MEMBER_NOT_SUSPENDED',
  /** The member is revoked: revocation is final. */
  MEMBER_REVOKED: 'CONSORTIUM_MEMBER_REVOKED',
  /** The change would leave an active org without an active admin. */
  LAST_ADMIN: 'CONSORTIUM_LAST_ADMIN',
  /** An org with this id exists or existed (ids of removed orgs are not reused). */
  ORG_EXISTS: 'CONSORTIUM_ORG_EXISTS',
  /** No active org has this id. */
  ORG_NOT_FOUND: 'CONSORTIUM_ORG_NOT_FOUND',
  /** Removing the org would leave the consortium without an org. */
  LAST_ORG: 'CONSORTIUM_LAST_ORG',
  /** A peer with this id exists. */
  PEER_EXISTS: 'CONSORTIUM_PEER_EXISTS',
  /** The peer key is already used by another peer. */
  PEER_KEY_IN_USE: 'CONSORTIUM_PEER_KEY_IN_USE',
  /** No peer has this id. */
  PEER_NOT_FOUND: 'CONSORTIUM_PEER_NOT_FOUND',
  /** The policy change is not allowed (e.g. clearing the default policy). */
  POLICY_INVALID: 'CONSORTIUM_POLICY_INVALID',
  /** A proposal with this id exists. */
  PROPOSAL_EXISTS: 'CONSORTIUM_PROPOSAL_EXISTS',
  /** No proposal has this id. */
  PROPOSAL_NOT_FOUND: 'CONSORTIUM_PROPOSAL_NOT_FOUND',
  /** The proposal is no longer open (executed, rejected or withdrawn). */
  PROPOSAL_CLOSED: 'CONSORTIUM_PROPOSAL_CLOSED',
  /** The proposal's deadline has passed. */
  PROPOSAL_EXPIRED: 'CONSORTIUM_PROPOSAL_EXPIRED',
  /** The caller's org has already approved or rejected this proposal. */
  ALREADY_VOTED: 'CONSORTIUM_ALREADY_VOTED',
  /** The proposal deadline is not after the block time or too far ahead. */
  DEADLINE_INVALID: 'CONSORTIUM_DEADLINE_INVALID',
  /** Only the proposer's org may withdraw a proposal. */
  NOT_PROPOSER: 'CONSORTIUM_NOT_PROPOSER',
  /** A stored consortium record does not have its expected shape (a bug, never user input). */
  STATE_CORRUPT: 'CONSORTIUM_STATE_CORRUPT',
} as const;

/** One consortium error code. */
export type ConsortiumErrorCode = (typeof CONSORTIUM_ERRORS)[keyof typeof CONSORTIUM_ERRORS];

/**
 * Codes the caller resolver throws to reject a tx before its command runs (shared TX_ namespace).
 * @example if (isGongxinError(e, CALLER_ERRORS.KEY_REVOKED)) showRevokedBanner();
 */
export const CALLER_ERRORS = {
  /** The signer's key is suspended by its org admin; reinstating it makes it usable again. */
  KEY_SUSPENDED: 'TX_KEY_SUSPENDED',
  /** The signer's key is revoked; its earlier txs stay valid, later ones are rejected. */
  KEY_REVOKED: 'TX_KEY_REVOKED',
  /** The signer's org was removed from the consortium by governance. */
  ORG_REMOVED: 'TX_ORG_REMOVED',
} as const;
