// Command `withdraw` (SCENARIOS.md §0): an admin of the proposer's org closes its open proposal (even an expired one).
import { GongxinError, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { CONSORTIUM_ERRORS } from '../errors.js';
import { CONSORTIUM_EVENTS } from '../events.js';
import { ROLE_ADMIN, proposalRefArgs, type ProposalRefArgs } from '../schema.js';
import type { ProposalRecord } from '../state.js';
import { callerAdminOrg } from './require-admin.js';
import { closeProposal, getOpenProposal } from './proposal-flow.js';

function check(ctx: ReadContext, a: ProposalRefArgs): ProposalRecord {
  const org = callerAdminOrg(ctx.caller);
  const p = getOpenProposal(ctx, a.id, true);
  if (p.org !== org) {
    throw new GongxinError(CONSORTIUM_ERRORS.NOT_PROPOSER, `proposal "${p.id}" was made by org "${p.org}"; only its admins may withdraw it`, {
      proposal: p.id,
      org: p.org,
    });
  }
  return p;
}

/**
 * `withdraw { id }`: closes an open proposal of the caller's org as withdrawn.
 * @throws TX_INVALID_ARGS, CONSORTIUM_NOT_ORG_ADMIN, CONSORTIUM_PROPOSAL_NOT_FOUND, CONSORTIUM_PROPOSAL_CLOSED, CONSORTIUM_NOT_PROPOSER
 * @example { command: 'withdraw', args: { id: 'add-org-red-cross' } }
 */
export const withdraw = defineCommand<ProposalRefArgs>({
  roles: [ROLE_ADMIN],
  parse: (v) => parseArgs(proposalRefArgs, v),
  check: (ctx, a) => {
    check(ctx, a);
  },
  apply(ctx, a) {
    const p = check(ctx, a);
    closeProposal(ctx, p, 'withdrawn');
    ctx.emit(CONSORTIUM_EVENTS.PROPOSAL_WITHDRAWN, { id: p.id, org: p.org, by: ctx.caller.publicKeyHex });
  },
});
