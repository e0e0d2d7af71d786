// Custody moves: `transfer` (a quantity of a batch or unit from the caller's org to another org) and `split` (a
// quantity into a new logistic unit with an SSCC). Only holders move goods; quantities are conserved; recalled or
// failed goods don't move.
import { GongxinError, ROLE_ANY_MEMBER } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { SUPPLY_ERRORS } from '../errors.js';
import { SUPPLY_EVENTS } from '../events.js';
import { assertSscc } from '../gs1.js';
import { MAX_SPLIT_DEPTH, splitArgs, transferArgs, type SplitArgs, type TransferArgs } from '../schema.js';
import { assertHolds, assertMovable, getUnit, parseLotCode, resolveLot, SUPPLY_KEYS, type UnitRecord } from '../state.js';
import { addHolding, appendTrail, callerOrg } from './write.js';

function isActiveOrg(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { status?: unknown }).status === 'active';
}

/** `transfer`: moves `quantity` of `code` from the caller's org (which must hold it) to the active org `to`. */
export const transfer = defineCommand<TransferArgs>({
  roles: [ROLE_ANY_MEMBER],
  parse(v) {
    const a = parseArgs(transferArgs, v);
    parseLotCode(a.code);
    return a;
  },
  check(ctx, a) {
    const node = resolveLot(ctx.get, a.code);
    assertMovable(ctx.get, node);
    const from = callerOrg(ctx);
    assertHolds(ctx.get, node.code, from, a.quantity);
    if (a.to === from) throw new GongxinError(SUPPLY_ERRORS.SELF_TRANSFER, `org "${from}" can't transfer to itself`, { org: from });
    if (!isActiveOrg(ctx.read('consortium', `org/${a.to}`))) throw new GongxinError(SUPPLY_ERRORS.UNKNOWN_ORG, `no active org "${a.to}"`, { org: a.to });
  },
  apply(ctx, a) {
    const node = resolveLot(ctx.get, a.code);
    const from = callerOrg(ctx);
    addHolding(ctx, node.code, from, -a.quantity);
    addHolding(ctx, node.code, a.to, a.quantity);
    appendTrail(ctx, node.batch.id, { step: 'transfer', code: node.code, from, to: a.to, quantity: a.quantity, unit: node.unit ? node.code : null });
    ctx.emit(SUPPLY_EVENTS.transferred, { batch: node.batch.id, code: node.code, from, to: a.to, quantity: a.quantity });
  },
});

/** `split`: `quantity` of `code` held by the caller's org becomes the new logistic unit `sscc`, held by the same org. */
export const split = defineCommand<SplitArgs>({
  roles: [ROLE_ANY_MEMBER],
  parse(v) {
    const a = parseArgs(splitArgs, v);
    parseLotCode(a.code);
    assertSscc(a.sscc);
    return a;
  },
  check(ctx, a) {
    const node = resolveLot(ctx.get, a.code);
    assertMovable(ctx.get, node);
    assertHolds(ctx.get, node.code, callerOrg(ctx), a.quantity);
    if (getUnit(ctx.get, a.sscc)) throw new GongxinError(SUPPLY_ERRORS.SSCC_EXISTS, `SSCC ${a.sscc} is already a logistic unit`, { sscc: a.sscc });
    if (node.chain.length >= MAX_SPLIT_DEPTH) {
      throw new GongxinError(SUPPLY_ERRORS.SPLIT_TOO_DEEP, `"${node.code}" is ${node.chain.length} splits deep; the limit is ${MAX_SPLIT_DEPTH}`, { code: node.code, limit: MAX_SPLIT_DEPTH });
    }
  },
  apply(ctx, a) {
    const node = resolveLot(ctx.get, a.code);
    const org = callerOrg(ctx);
    const unit: UnitRecord = { sscc: a.sscc, batch: node.batch.id, parent: node.code, ancestors: node.chain, quantity: a.quantity, org, at: ctx.timestamp, height: ctx.height, txId: ctx.txIdHex, recall: null };
    ctx.set(SUPPLY_KEYS.unit(a.sscc), unit);
    ctx.set(SUPPLY_KEYS.batchUnit(node.batch.id, a.sscc), node.code);
    addHolding(ctx, node.code, org, -a.quantity);
    addHolding(ctx, a.sscc, org, a.quantity);
    appendTrail(ctx, node.batch.id, { step: 'split', code: node.code, from: org, to: org, quantity: a.quantity, unit: a.sscc });
    ctx.emit(SUPPLY_EVENTS.split, { batch: node.batch.id, code: node.code, sscc: a.sscc, org, quantity: a.quantity });
  },
});
