// Which policy governs an action, and how many org approvals it needs (SCENARIOS.md §0: default majority of orgs).
import type { ActionType, Quorum } from './schema.js';
import { KEYS, policyFromValue } from './state.js';
import type { StateView } from './store.js';

/** The quorum when neither the action's policy nor `default` is set: a majority of the active orgs. */
export const DEFAULT_QUORUM: Quorum = 'majority';

/**
 * The quorum governing `type`: policy `<type>` if set, else policy `default`, else a majority.
 * @example quorumFor(ctx, 'set-param') // 'majority'
 */
export function quorumFor(s: StateView, type: ActionType): Quorum {
  return policyFromValue(s.get(KEYS.policy(type)))?.quorum ?? policyFromValue(s.get(KEYS.policy('default')))?.quorum ?? DEFAULT_QUORUM;
}

/**
 * Approvals needed among `activeOrgs` orgs (one vote per org): majority ⌊n/2⌋+1, all n, or min(k, n).
 * Never below 1, so an empty vote never passes.
 * @example requiredApprovals('majority', 4) // 3
 */
export function requiredApprovals(q: Quorum, activeOrgs: number): number {
  const n = Math.max(activeOrgs, 1);
  if (q === 'majority') return Math.floor(n / 2) + 1;
  if (q === 'all') return n;
  return Math.min(q.min, n);
}
