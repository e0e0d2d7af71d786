// Commands `approve` and `reject` (SCENARIOS.md §0): one vote per org on an open, unexpired proposal.
// Approval reaching the quorum executes the action in the same tx; rejections that make it unreachable close it.
import type { ReadContext } from '@gongxin/core';
import { defineCommand } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { CONSORTIUM_EVENTS } from '../events.js';
import { ROLE_ADMIN, proposalRefArgs, rejectArgs, type ProposalRefArgs, type RejectArgs } from '../schema.js';
import { KEYS, type ProposalRecord } from '../state.js';
import { callerAdminOrg } from './require-admin.js';
import { assertNotVoted, closeProposal, getOpenProposal, storeAndMaybeExecute, tally } from './proposal-flow.js';

function check(ctx: ReadContext, id: string): { p: ProposalRecord; org: string } {
  const org = callerAdminOrg(ctx.caller);
  const p = getOpenProposal(ctx, id);
  assertNotVoted(p, org);
  return { p, org };
}

/**
 * `approve { id }`: the caller's org approves; at quorum the action is applied and `proposal-executed` emitted.
 * @throws TX_INVALID_ARGS, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_PROPOSAL_NOT_FOUND, CONSORTIUM_PROPOSAL_CLOSED,
 *   CONSORTIUM_PROPOSAL_EXPIRED, CONSORTIUM_ALREADY_VOTED, and the action's codes at execution
 * @example { command: 'approve', args: { id: 'add-org-red-cross' } }
 */
export const approve = defineCommand<ProposalRefArgs>({
  roles: [ROLE_ADMIN],
  parse: (v) => parseArgs(proposalRefArgs, v),
  check: (ctx, a) => {
    check(ctx, a.id);
  },
  apply(ctx, a) {
    const { p, org } = check(ctx, a.id);
    const by = ctx.caller.publicKeyHex;
    const next: ProposalRecord = { ...p, approvals: [...p.approvals, { org, by, at: ctx.timestamp, reason: '' }] };
    const t = tally(ctx, next);
    ctx.emit(CONSORTIUM_EVENTS.PROPOSAL_APPROVED, { id: p.id, org, by, approvals: t.approvals, required: t.required });
    storeAndMaybeExecute(ctx, next);
  },
});

/**
 * `reject { id, reason? }`: the caller's org votes no. When the orgs that have not rejected can no longer reach
 * the quorum, the proposal closes as rejected (`closed: true` in the event).
 * @throws TX_INVALID_ARGS, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_PROPOSAL_NOT_FOUND, CONSORTIUM_PROPOSAL_CLOSED,
 *   CONSORTIUM_PROPOSAL_EXPIRED, CONSORTIUM_ALREADY_VOTED
 * @example { command: 'reject', args: { id: 'add-org-red-cross', reason: 'no peer yet' } }
 */
export const reject = defineCommand<RejectArgs>({
  roles: [ROLE_ADMIN],
  parse: (v) => parseArgs(rejectArgs, v),
  check: (ctx, a) => {
    check(ctx, a.id);
  },
  apply(ctx, a) {
    const { p, org } = check(ctx, a.id);
    const by = ctx.caller.publicKeyHex;
    const next: ProposalRecord = { ...p, rejections: [...p.rejections, { org, by, at: ctx.timestamp, reason: a.reason ?? '' }] };
    const t = tally(ctx, next);
    const closed = t.orgs - t.rejections < t.required;
    if (closed) closeProposal(ctx, next, 'rejected');
    else ctx.set(KEYS.proposal(p.id), next);
    ctx.emit(CONSORTIUM_EVENTS.PROPOSAL_REJECTED, { id: p.id, org, by, reason: a.reason ?? '', rejections: t.rejections, closed });
  },
});
