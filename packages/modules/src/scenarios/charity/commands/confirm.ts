// Command `confirm` (SCENARIOS.md §1): the hospital an allocation names confirms what it actually received, with
// the hash of a proof document. Confirmations never exceed the allocation; only then is the trail closed.
import { GongxinError, type ReadContext } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { CHARITY_ERRORS } from '../errors.js';
import { CHARITY_EVENTS } from '../events.js';
import { confirmArgs, type ConfirmArgs } from '../schema.js';
import { keys, readers, type AllocationRecord, type AllocationState, type ConfirmationRecord } from '../state.js';
import { callerOrg, loadNeed } from './common.js';

function plan(ctx: ReadContext, a: ConfirmArgs): { alloc: AllocationRecord; state: AllocationState } {
  const alloc = readers.allocation(ctx, keys.allocation(a.allocation));
  const state = readers.allocationState(ctx, keys.allocationState(a.allocation));
  if (alloc === undefined || state === undefined) throw new GongxinError(CHARITY_ERRORS.ALLOCATION_NOT_FOUND, `no allocation ${a.allocation}`, { allocation: a.allocation });
  const org = callerOrg(ctx);
  if (org !== alloc.hospital) {
    throw new GongxinError(CHARITY_ERRORS.NOT_RECIPIENT, `allocation ${a.allocation} goes to "${alloc.hospital}", not "${org}"`, { allocation: a.allocation, org });
  }
  const left = alloc.quantity - state.confirmed;
  if (a.quantity > left) {
    throw new GongxinError(CHARITY_ERRORS.OVER_CONFIRMATION, `allocation ${a.allocation} has ${left} unconfirmed, ${a.quantity} confirmed`, { allocation: a.allocation, unconfirmed: left, asked: a.quantity });
  }
  return { alloc, state };
}

/**
 * `confirm { allocation, quantity, proofHash, note? }` — role `hospital`, only the allocation's recipient. May be
 * given in parts; the sum never exceeds the allocation. The confirmation id is the tx id.
 * @throws TX_INVALID_ARGS, CHARITY_ALLOCATION_NOT_FOUND, CHARITY_ORG_REQUIRED, CHARITY_NOT_RECIPIENT, CHARITY_OVER_CONFIRMATION
 * @example chain.run(hospital, 'charity', 'confirm', { allocation: allocId, quantity: 300, proofHash: sha256OfDeliveryNote });
 */
export const confirm = defineCommand<ConfirmArgs>({
  roles: ['hospital'],
  parse: (v) => parseArgs(confirmArgs, v),
  check: (ctx, a) => void plan(ctx, a),
  apply(ctx, a) {
    const { alloc, state } = plan(ctx, a);
    const id = ctx.txIdHex;
    const record: ConfirmationRecord = {
      id, allocation: alloc.id, campaign: alloc.campaign, need: alloc.need, hospital: alloc.hospital, by: ctx.caller.publicKeyHex,
      quantity: a.quantity, proofHash: a.proofHash, note: a.note ?? null, at: ctx.timestamp, height: ctx.height,
    };
    ctx.set(keys.confirmation(id), record);
    ctx.set(keys.confByAlloc(alloc.id, state.confirmations), { confirmation: id, quantity: a.quantity });
    ctx.set(keys.allocationState(alloc.id), { confirmed: state.confirmed + a.quantity, confirmations: state.confirmations + 1 });
    // Each confirmed quantity is bounded by its allocation's, so these sums stay within the allocated totals.
    const total = readers.total(ctx, keys.campaignTotal(alloc.campaign, alloc.asset));
    const ht = readers.hospitalTotal(ctx, keys.hospitalTotal(alloc.hospital, alloc.asset));
    if (total === undefined || ht === undefined) throw new GongxinError(CHARITY_ERRORS.STATE_INVALID, `totals of allocation ${alloc.id} are missing`, { allocation: alloc.id });
    ctx.set(keys.campaignTotal(alloc.campaign, alloc.asset), { ...total, confirmed: total.confirmed + a.quantity });
    ctx.set(keys.hospitalTotal(alloc.hospital, alloc.asset), { ...ht, confirmed: ht.confirmed + a.quantity });
    const { state: needState } = loadNeed(ctx, alloc.need);
    ctx.set(keys.needState(alloc.need), { ...needState, confirmed: needState.confirmed + a.quantity });
    ctx.emit(CHARITY_EVENTS.confirmed, { confirmation: id, allocation: alloc.id, campaign: alloc.campaign, need: alloc.need, hospital: alloc.hospital, quantity: a.quantity, proofHash: a.proofHash });
  },
});
