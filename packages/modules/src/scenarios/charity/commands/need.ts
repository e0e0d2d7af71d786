// Commands `post-need` and `close-need` (SCENARIOS.md §1): a hospital posts what it needs (funds or an item type,
// a quantity, an urgency) and may withdraw it. A need stays open until fully allocated or closed.
import { GongxinError } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { CHARITY_ERRORS } from '../errors.js';
import { CHARITY_EVENTS } from '../events.js';
import { closeNeedArgs, postNeedArgs, type CloseNeedArgs, type PostNeedArgs } from '../schema.js';
import { assetOf, keys, type NeedRecord } from '../state.js';
import { callerOrg, loadNeed } from './common.js';

/**
 * `post-need { id, kind: 'funds', amount, urgency, note? }` or `{ id, kind: 'item', itemType, quantity, urgency, note? }`
 * — role `hospital`; the need belongs to the caller's org.
 * @throws TX_INVALID_ARGS, CHARITY_NEED_EXISTS, CHARITY_ORG_REQUIRED
 * @example chain.run(hospital, 'charity', 'post-need', { id: 'hb-masks-1', kind: 'item', itemType: 'n95-mask', quantity: 1000, urgency: 'critical' });
 */
export const postNeed = defineCommand<PostNeedArgs>({
  roles: ['hospital'],
  parse: (v) => parseArgs(postNeedArgs, v),
  check(ctx, a) {
    callerOrg(ctx);
    if (ctx.get(keys.need(a.id)) !== undefined) throw new GongxinError(CHARITY_ERRORS.NEED_EXISTS, `need "${a.id}" exists`, { need: a.id });
  },
  apply(ctx, a) {
    const hospital = callerOrg(ctx);
    const asset = assetOf(a.kind === 'item' ? a.itemType : undefined);
    const quantity = a.kind === 'funds' ? a.amount : a.quantity;
    const record: NeedRecord = {
      id: a.id, hospital, by: ctx.caller.publicKeyHex, asset, quantity, urgency: a.urgency, note: a.note ?? null, tx: ctx.txIdHex, at: ctx.timestamp, height: ctx.height,
    };
    ctx.set(keys.need(a.id), record);
    ctx.set(keys.needState(a.id), { allocated: 0, confirmed: 0, status: 'open', closedAt: null });
    ctx.set(keys.openNeed(a.id), hospital);
    ctx.set(keys.needByHospital(hospital, a.id), asset);
    ctx.emit(CHARITY_EVENTS.needPosted, { need: a.id, hospital, asset, quantity, urgency: a.urgency });
  },
});

/**
 * `close-need { need, reason? }` — role `hospital`, the hospital that posted it. No further allocations; allocations
 * already made can still be confirmed.
 * @throws TX_INVALID_ARGS, CHARITY_NEED_NOT_FOUND, CHARITY_NOT_NEED_HOSPITAL, CHARITY_NEED_NOT_OPEN
 * @example chain.run(hospital, 'charity', 'close-need', { need: 'hb-masks-1' });
 */
export const closeNeed = defineCommand<CloseNeedArgs>({
  roles: ['hospital'],
  parse: (v) => parseArgs(closeNeedArgs, v),
  check(ctx, a) {
    const { need, state } = loadNeed(ctx, a.need);
    if (callerOrg(ctx) !== need.hospital) throw new GongxinError(CHARITY_ERRORS.NOT_NEED_HOSPITAL, `need "${a.need}" belongs to "${need.hospital}"`, { need: a.need });
    if (state.status !== 'open') throw new GongxinError(CHARITY_ERRORS.NEED_NOT_OPEN, `need "${a.need}" is ${state.status}`, { need: a.need, status: state.status });
  },
  apply(ctx, a) {
    const { need, state } = loadNeed(ctx, a.need);
    ctx.set(keys.needState(a.need), { ...state, status: 'closed', closedAt: ctx.timestamp });
    ctx.delete(keys.openNeed(a.need));
    ctx.emit(CHARITY_EVENTS.needClosed, { need: a.need, hospital: need.hospital });
  },
});
