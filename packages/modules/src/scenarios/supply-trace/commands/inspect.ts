// `attest` (inspector: certificate hash, pass/fail against the batch's standard; a fail is final) and `recall`
// (the batch's manufacturer or a health authority: marks a batch or unit; everything split from it is recalled too).
import { GongxinError } from '@gongxin/core';
import { defineCommand } from '../../../shared/define.js';
import { parseArgs } from '../../../shared/parse-args.js';
import { SUPPLY_ERRORS } from '../errors.js';
import { SUPPLY_EVENTS } from '../events.js';
import { attestArgs, recallArgs, type AttestArgs, type RecallArgs } from '../schema.js';
import { findRecall, parseLotCode, resolveLot, SUPPLY_KEYS, type BatchRecord, type UnitRecord } from '../state.js';
import { ROLE_MANUFACTURER } from './register.js';
import { appendTrail, recallRecordOf } from './write.js';

/** Role that attests batches. */
export const ROLE_INSPECTOR = 'inspector';
/** Role that recalls any batch. */
export const ROLE_HEALTH_AUTHORITY = 'health-authority';

/** `attest`: records `attest/{batch}/{txId}`; a pass certifies the batch, a fail marks it failed for good. */
export const attest = defineCommand<AttestArgs>({
  roles: [ROLE_INSPECTOR],
  parse(v) {
    const a = parseArgs(attestArgs, v);
    if (parseLotCode(a.batch).kind !== 'batch') throw new GongxinError(SUPPLY_ERRORS.BAD_CODE, 'attest names a batch id ({gtin}-{lot}), not an SSCC', { code: a.batch });
    return a;
  },
  check(ctx, a) {
    const { batch } = resolveLot(ctx.get, a.batch);
    if (a.standard !== batch.standard) throw new GongxinError(SUPPLY_ERRORS.STANDARD_MISMATCH, `batch "${batch.id}" is made to ${batch.standard}, not ${a.standard}`, { batch: batch.id, standard: batch.standard });
  },
  apply(ctx, a) {
    const { batch } = resolveLot(ctx.get, a.batch);
    const pass = a.result === 'pass';
    const org = ctx.caller.org ?? '';
    ctx.set(SUPPLY_KEYS.attest(batch.id, ctx.txIdHex), { certificate: a.certificate, result: a.result, standard: a.standard, org, by: ctx.caller.publicKeyHex, at: ctx.timestamp, height: ctx.height, txId: ctx.txIdHex });
    const next: BatchRecord = { ...batch, attestations: batch.attestations + 1, failed: batch.failed || !pass, certified: !(batch.failed || !pass) };
    ctx.set(SUPPLY_KEYS.batch(batch.id), next);
    appendTrail(ctx, batch.id, { step: 'attest', code: batch.id, from: null, to: null, quantity: null, unit: null });
    ctx.emit(SUPPLY_EVENTS.attested, { batch: batch.id, result: a.result, certificate: a.certificate, org });
  },
});

/** `recall`: marks a batch or unit recalled; moving it, or anything split from it, is refused from then on. */
export const recall = defineCommand<RecallArgs>({
  roles: [ROLE_MANUFACTURER, ROLE_HEALTH_AUTHORITY],
  parse(v) {
    const a = parseArgs(recallArgs, v);
    parseLotCode(a.code);
    return a;
  },
  check(ctx, a) {
    const node = resolveLot(ctx.get, a.code);
    if (!ctx.caller.roles.includes(ROLE_HEALTH_AUTHORITY) && ctx.caller.org !== node.batch.maker) {
      throw new GongxinError(SUPPLY_ERRORS.NOT_MANUFACTURER, `only batch "${node.batch.id}"'s maker (${node.batch.maker}) or a health authority may recall it`, { batch: node.batch.id });
    }
    if (findRecall(ctx.get, node)) throw new GongxinError(SUPPLY_ERRORS.ALREADY_RECALLED, `"${node.code}" is already recalled`, { code: node.code });
  },
  apply(ctx, a) {
    const node = resolveLot(ctx.get, a.code);
    const rec = recallRecordOf(ctx, a.reason);
    if (node.unit) ctx.set(SUPPLY_KEYS.unit(node.code), { ...node.unit, recall: rec } satisfies UnitRecord);
    else ctx.set(SUPPLY_KEYS.batch(node.code), { ...node.batch, recall: rec } satisfies BatchRecord);
    appendTrail(ctx, node.batch.id, { step: 'recall', code: node.code, from: null, to: null, quantity: null, unit: node.unit ? node.code : null });
    ctx.emit(SUPPLY_EVENTS.recalled, { batch: node.batch.id, code: node.code, org: rec.org, reason: a.reason });
  },
});
