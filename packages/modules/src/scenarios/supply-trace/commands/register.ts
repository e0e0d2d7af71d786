// `register-batch` (manufacturer): a batch with its GTIN, lot, product type, standard, quantity, dates and serial range.
// The manufacturer's org becomes its holder of the whole quantity.
import { GongxinError, type Value } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { SUPPLY_ERRORS } from '../errors.js';
import { SUPPLY_EVENTS } from '../events.js';
import { normaliseGtin } from '../gs1.js';
import { isoDayOfMs, normaliseDate } from '../gs1-date.js';
import { batchIdOf } from '../gs1-link.js';
import { registerBatchArgs, type RegisterBatchArgs } from '../schema.js';
import { getBatch, SUPPLY_KEYS, type BatchRecord } from '../state.js';
import { addHolding, appendTrail, callerOrg } from './write.js';

/** Role that registers batches. */
export const ROLE_MANUFACTURER = 'manufacturer';

function parseRegister(v: Value): RegisterBatchArgs {
  const a = parseArgs(registerBatchArgs, v);
  normaliseGtin(a.gtin);
  const r = a.serialRange;
  if (r !== undefined) {
    const size = BigInt(r.last) - BigInt(r.first) + 1n;
    if (r.first.length !== r.last.length || size !== BigInt(a.quantity)) {
      throw new GongxinError(SUPPLY_ERRORS.SERIAL_RANGE_MISMATCH, `serial range ${r.first}..${r.last} must be same-width and cover exactly ${a.quantity} serials`, { quantity: a.quantity });
    }
  }
  return a;
}

/** `register-batch`: records `batch/{gtin}-{lot}`; the caller's org holds the whole quantity. */
export const registerBatch = defineCommand<RegisterBatchArgs>({
  roles: [ROLE_MANUFACTURER],
  parse: parseRegister,
  apply(ctx, a) {
    const id = batchIdOf(a.gtin, a.lot);
    if (getBatch(ctx.get, id)) throw new GongxinError(SUPPLY_ERRORS.BATCH_EXISTS, `batch "${id}" is already registered`, { batch: id });
    const productionDate = normaliseDate(a.productionDate, ctx.timestamp);
    const expiryDate = a.expiryDate === undefined ? null : normaliseDate(a.expiryDate, ctx.timestamp);
    if (productionDate > isoDayOfMs(ctx.timestamp)) throw new GongxinError(SUPPLY_ERRORS.BAD_DATE, `production date ${productionDate} is after the block date`, { date: productionDate });
    if (expiryDate !== null && expiryDate <= productionDate) throw new GongxinError(SUPPLY_ERRORS.BAD_DATE, `expiry ${expiryDate} is not after production ${productionDate}`, { date: expiryDate });
    const maker = callerOrg(ctx);
    const batch: BatchRecord = {
      id,
      gtin: a.gtin,
      lot: a.lot,
      productType: a.productType,
      standard: a.standard,
      quantity: a.quantity,
      productionDate,
      expiryDate,
      serialRange: a.serialRange ?? null,
      maker,
      by: ctx.caller.publicKeyHex,
      at: ctx.timestamp,
      height: ctx.height,
      txId: ctx.txIdHex,
      certified: false,
      failed: false,
      attestations: 0,
      recall: null,
    };
    ctx.set(SUPPLY_KEYS.batch(id), batch);
    ctx.set(SUPPLY_KEYS.gtinLot(a.gtin, a.lot), true);
    ctx.set(SUPPLY_KEYS.lotGtin(a.lot, a.gtin), true);
    const made = ctx.get(SUPPLY_KEYS.product(a.gtin));
    ctx.set(SUPPLY_KEYS.product(a.gtin), (typeof made === 'number' ? made : 0) + 1);
    addHolding(ctx, id, maker, a.quantity);
    appendTrail(ctx, id, { step: 'register', code: id, from: null, to: maker, quantity: a.quantity, unit: null });
    ctx.emit(SUPPLY_EVENTS.registered, { batch: id, gtin: a.gtin, lot: a.lot, org: maker, quantity: a.quantity, standard: a.standard });
  },
});
