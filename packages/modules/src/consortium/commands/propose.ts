// Command `propose` (SCENARIOS.md §0): an org admin puts a governance action to the vote. The proposer's org
// approves by proposing; if that alone meets the quorum (e.g. a one-org consortium) the action applies at once.
import { GongxinError, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { actionToValue, checkAction } from '../actions.js';
import { CONSORTIUM_ERRORS } from '../errors.js';
import { CONSORTIUM_EVENTS } from '../events.js';
import { CONSORTIUM_LIMITS, ROLE_ADMIN, proposeArgs, type ProposeArgs } from '../schema.js';
import { KEYS, type ProposalRecord } from '../state.js';
import { callerAdminOrg } from './require-admin.js';
import { storeAndMaybeExecute, tally } from './proposal-flow.js';

const E = CONSORTIUM_ERRORS;

function resolve(ctx: ReadContext, a: ProposeArgs): { id: string; deadline: number; org: string } {
  const org = callerAdminOrg(ctx.caller);
  // Default id: the tx id in hex (64 lowercase hex digits fits the id pattern), unique per tx.
  const id = a.id ?? ctx.txIdHex;
  const deadline = a.deadline ?? ctx.timestamp + CONSORTIUM_LIMITS.defaultProposalTtlMs;
  return { id, deadline, org };
}

function check(ctx: ReadContext, a: ProposeArgs): void {
  const { id, deadline } = resolve(ctx, a);
  if (ctx.get(KEYS.proposal(id)) !== undefined) throw new GongxinError(E.PROPOSAL_EXISTS, `proposal "${id}" already exists`, { proposal: id });
  const latest = ctx.timestamp + CONSORTIUM_LIMITS.maxProposalTtlMs;
  if (deadline <= ctx.timestamp || deadline > latest) {
    throw new GongxinError(E.DEADLINE_INVALID, `deadline must be after the block time ${ctx.timestamp} and at most ${latest}`, {
      field: 'args.deadline',
      deadline,
    });
  }
  checkAction(ctx, a.action);
}

/**
 * `propose { id?, action, deadline? }`: records a proposal (the proposer's org approving), executing it if the quorum is met.
 * `action.type` is one of add-org, remove-org, add-peer, remove-peer, set-policy, set-param.
 * @throws TX_INVALID_ARGS, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_PROPOSAL_EXISTS, CONSORTIUM_DEADLINE_INVALID, and the action's codes
 * @example { command: 'propose', args: { action: { type: 'set-param', module: 'early-warning', name: 'window-ms', value: 86400000 } } }
 */
export const propose = defineCommand<ProposeArgs>({
  roles: [ROLE_ADMIN],
  parse: (v) => parseArgs(proposeArgs, v),
  check,
  apply(ctx, a) {
    check(ctx, a);
    const { id, deadline, org } = resolve(ctx, a);
    const by = ctx.caller.publicKeyHex;
    const p: ProposalRecord = {
      id,
      type: a.action.type,
      action: actionToValue(a.action),
      proposer: by,
      org,
      createdAt: ctx.timestamp,
      deadline,
      approvals: [{ org, by, at: ctx.timestamp, reason: '' }],
      rejections: [],
      status: 'open',
      closedAt: null,
    };
    ctx.set(KEYS.openProposal(id), deadline);
    const t = tally(ctx, p);
    ctx.emit(CONSORTIUM_EVENTS.PROPOSAL_CREATED, { id, type: p.type, action: p.action, proposer: by, org, deadline, required: t.required });
    ctx.emit(CONSORTIUM_EVENTS.PROPOSAL_APPROVED, { id, org, by, approvals: t.approvals, required: t.required });
    storeAndMaybeExecute(ctx, p);
  },
});
