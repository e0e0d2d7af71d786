// Shared steps of the governance commands: load an open proposal, count votes of active orgs, execute once.
import { GongxinError, type CommandContext, type ReadContext } from '@gongxin/core';
import { parseArgs } from '../../shared/parse-args.js';
import { applyAction } from '../actions.js';
import { CONSORTIUM_ERRORS } from '../errors.js';
import { CONSORTIUM_EVENTS } from '../events.js';
import { quorumFor, requiredApprovals } from '../quorum.js';
import { actionSchema, type ActionType } from '../schema.js';
import { KEYS, proposalFromValue, type ProposalRecord, type Vote } from '../state.js';
import { getActiveOrgs, type StateView } from '../store.js';

const E = CONSORTIUM_ERRORS;

/**
 * The proposal `id`, asserting it is open and (unless `allowExpired`) not past its deadline at block time.
 * @throws CONSORTIUM_PROPOSAL_NOT_FOUND, CONSORTIUM_PROPOSAL_CLOSED, CONSORTIUM_PROPOSAL_EXPIRED
 */
export function getOpenProposal(ctx: ReadContext, id: string, allowExpired = false): ProposalRecord {
  const p = proposalFromValue(ctx.get(KEYS.proposal(id)));
  if (!p) throw new GongxinError(E.PROPOSAL_NOT_FOUND, `no proposal "${id}"`, { proposal: id });
  if (p.status !== 'open') throw new GongxinError(E.PROPOSAL_CLOSED, `proposal "${id}" is ${p.status}`, { proposal: id, status: p.status });
  if (!allowExpired && ctx.timestamp > p.deadline) {
    throw new GongxinError(E.PROPOSAL_EXPIRED, `proposal "${id}" expired at ${p.deadline}`, { proposal: id, deadline: p.deadline });
  }
  return p;
}

/** @throws CONSORTIUM_ALREADY_VOTED when `org` has approved or rejected `p` already. */
export function assertNotVoted(p: ProposalRecord, org: string): void {
  if (p.approvals.some((v) => v.org === org) || p.rejections.some((v) => v.org === org)) {
    throw new GongxinError(E.ALREADY_VOTED, `org "${org}" has already voted on proposal "${p.id}"`, { proposal: p.id, org });
  }
}

/** Votes cast by orgs that are still active (a removed org's vote no longer counts). */
export function countActive(votes: readonly Vote[], active: readonly string[]): number {
  return votes.filter((v) => active.includes(v.org)).length;
}

/** Approvals counted now, approvals needed now, and the number of active orgs. */
export function tally(s: StateView, p: ProposalRecord): { approvals: number; rejections: number; required: number; orgs: number } {
  const active = getActiveOrgs(s);
  return {
    approvals: countActive(p.approvals, active),
    rejections: countActive(p.rejections, active),
    required: requiredApprovals(quorumFor(s, p.type as ActionType), active.length),
    orgs: active.length,
  };
}

/** Writes a closed proposal and drops it from the open index. */
export function closeProposal(ctx: CommandContext, p: ProposalRecord, status: 'executed' | 'rejected' | 'withdrawn'): void {
  ctx.set(KEYS.proposal(p.id), { ...p, status, closedAt: ctx.timestamp });
  ctx.delete(KEYS.openProposal(p.id));
}

/**
 * Stores `p` (with its new vote) and, when approvals of active orgs reach the quorum, applies its action in this tx.
 * A proposal is executed at most once: it is closed in the same write set as its action.
 * @returns true when the action was executed
 * @throws the action's codes when it no longer applies (the whole tx is then rejected)
 */
export function storeAndMaybeExecute(ctx: CommandContext, p: ProposalRecord): boolean {
  const t = tally(ctx, p);
  if (t.approvals < t.required) {
    ctx.set(KEYS.proposal(p.id), p);
    return false;
  }
  const action = parseArgs(actionSchema, p.action, { code: E.STATE_CORRUPT, root: `proposal.${p.id}.action` });
  closeProposal(ctx, p, 'executed');
  applyAction(ctx, action, p.id);
  ctx.emit(CONSORTIUM_EVENTS.PROPOSAL_EXECUTED, { id: p.id, type: p.type, action: p.action, approvals: t.approvals, required: t.required });
  return true;
}
