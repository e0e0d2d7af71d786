// `receive-serial` (hospital, logistics): one unit (GTIN + serial) received at the caller's org. A serial received
// in a second org is not refused: it is flagged (`flag/…` record and a `serial-duplicate` event) for the public.
import { GongxinError } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { SUPPLY_ERRORS } from '../errors.js';
import { SUPPLY_EVENTS } from '../events.js';
import { normaliseGtin } from '../gs1.js';
import { batchIdOf } from '../gs1-link.js';
import { receiveSerialArgs, type ReceiveSerialArgs } from '../schema.js';
import { getBatch, SUPPLY_KEYS, type Get, type SerialRecord } from '../state.js';
import { callerOrg } from './write.js';

/** Roles that register received serials. */
export const RECEIVER_ROLES = ['hospital', 'logistics'] as const;

/** True when `serial` lies in the batch's registered range (same width, numerically between first and last). */
export function serialInRange(range: { readonly first: string; readonly last: string }, serial: string): boolean {
  if (!/^\d+$/.test(serial) || serial.length !== range.first.length) return false;
  return serial >= range.first && serial <= range.last;
}

function assertKnownUnit(get: Get, a: ReceiveSerialArgs): void {
  if (a.lot === undefined) {
    if (get(SUPPLY_KEYS.product(a.gtin)) === undefined) throw new GongxinError(SUPPLY_ERRORS.UNKNOWN_BATCH, `no batch of GTIN ${a.gtin} is registered`, { gtin: a.gtin });
    return;
  }
  const id = batchIdOf(a.gtin, a.lot);
  const batch = getBatch(get, id);
  if (!batch) throw new GongxinError(SUPPLY_ERRORS.UNKNOWN_BATCH, `no batch "${id}"`, { batch: id });
  if (batch.serialRange && !serialInRange(batch.serialRange, a.serial)) {
    throw new GongxinError(SUPPLY_ERRORS.SERIAL_OUT_OF_RANGE, `serial ${a.serial} is outside batch "${id}"'s range ${batch.serialRange.first}..${batch.serialRange.last}`, { batch: id, serial: a.serial });
  }
}

/** `receive-serial`: records `serial/{gtin}/{serial}`; a receipt in another org adds `flag/{gtin}/{serial}/{org}`. */
export const receiveSerial = defineCommand<ReceiveSerialArgs>({
  roles: [...RECEIVER_ROLES],
  parse(v) {
    const a = parseArgs(receiveSerialArgs, v);
    normaliseGtin(a.gtin);
    return a;
  },
  check(ctx, a) {
    assertKnownUnit(ctx.get, a);
    const rec = ctx.get(SUPPLY_KEYS.serial(a.gtin, a.serial)) as SerialRecord | undefined;
    const org = callerOrg(ctx);
    if (rec?.orgs.includes(org)) throw new GongxinError(SUPPLY_ERRORS.SERIAL_ALREADY_RECEIVED, `org "${org}" already received ${a.gtin}/${a.serial}`, { gtin: a.gtin, serial: a.serial });
  },
  apply(ctx, a) {
    const org = callerOrg(ctx);
    const key = SUPPLY_KEYS.serial(a.gtin, a.serial);
    const rec = ctx.get(key) as SerialRecord | undefined;
    const lot = a.lot ?? null;
    ctx.emit(SUPPLY_EVENTS.serialReceived, { gtin: a.gtin, serial: a.serial, org, lot });
    if (!rec) {
      const first = { org, at: ctx.timestamp, height: ctx.height, txId: ctx.txIdHex };
      ctx.set(key, { gtin: a.gtin, serial: a.serial, lot, first, orgs: [org] } satisfies SerialRecord);
      return;
    }
    ctx.set(key, { ...rec, orgs: [...rec.orgs, org] } satisfies SerialRecord);
    ctx.set(SUPPLY_KEYS.flag(a.gtin, a.serial, org), { gtin: a.gtin, serial: a.serial, org, lot, firstOrg: rec.first.org, at: ctx.timestamp, height: ctx.height, txId: ctx.txIdHex });
    ctx.emit(SUPPLY_EVENTS.serialDuplicate, { gtin: a.gtin, serial: a.serial, org, firstOrg: rec.first.org, receipts: rec.orgs.length + 1 });
  },
});
