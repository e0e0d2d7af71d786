// What an offline bundle of a batch's certificate and provenance must hold (issue 4, "Offline verification bundles"):
// the supply-trace state keys to prove and the txs to include, found with plain key reads (no scans).
import { GongxinError } from '@gongxin/core';
import { SUPPLY_ERRORS } from './errors.js';
import { getUnit, parseLotCode, SUPPLY_KEYS, type Get, type TrailEntry } from './state.js';

/** Keys (in the `supply-trace` module's namespace) and tx ids (hex) a bundle must include. */
export type SupplyBundleKeys = { keys: string[]; txIds: string[] };

/** Most trail steps a bundle carries; a longer history is cut at the oldest steps after the first this many. */
export const MAX_BUNDLE_STEPS = 1000;

/**
 * The state keys and tx ids of a batch's bundle: the batch record, every trail step and its tx, attestations, units
 * split off and the current holdings named in the trail. `id` is a batch id `{gtin}-{lot}` or an SSCC (its batch).
 * Keys are listed only when they exist; each once, in a fixed order.
 * @param read this module's committed state (`read(key)`)
 * @throws SUPPLY_BAD_CHECK_DIGIT, SUPPLY_BAD_CODE, SUPPLY_UNKNOWN_BATCH, SUPPLY_UNKNOWN_UNIT
 * @example const { keys, txIds } = supplyBundleKeys('batch', '06901234567892-L2026A', (k) => state.get('supply-trace', k));
 */
export function supplyBundleKeys(kind: 'batch', id: string, read: Get): SupplyBundleKeys {
  const p = parseLotCode(id);
  let batchId: string;
  if (p.kind === 'unit') {
    const unit = getUnit(read, p.sscc);
    if (!unit) throw new GongxinError(SUPPLY_ERRORS.UNKNOWN_UNIT, `no logistic unit with SSCC ${p.sscc}`, { sscc: p.sscc });
    batchId = unit.batch;
  } else batchId = p.id;
  if (read(SUPPLY_KEYS.batch(batchId)) === undefined) throw new GongxinError(SUPPLY_ERRORS.UNKNOWN_BATCH, `no ${kind} "${batchId}"`, { batch: batchId });
  const keys = new Set<string>([SUPPLY_KEYS.batch(batchId), SUPPLY_KEYS.seq(batchId)]);
  const txIds = new Set<string>();
  const add = (k: string): void => {
    if (read(k) !== undefined) keys.add(k);
  };
  const last = read(SUPPLY_KEYS.seq(batchId));
  const n = typeof last === 'number' ? Math.min(last + 1, MAX_BUNDLE_STEPS) : 0;
  for (let seq = 0; seq < n; seq++) {
    const key = SUPPLY_KEYS.trail(batchId, seq);
    const e = read(key) as TrailEntry | undefined;
    if (!e) continue;
    keys.add(key);
    txIds.add(e.txId);
    if (e.step === 'attest') add(SUPPLY_KEYS.attest(batchId, e.txId));
    if (e.unit !== null) add(SUPPLY_KEYS.unit(e.unit));
    const code = e.step === 'split' && e.unit !== null ? e.unit : e.code;
    for (const org of [e.from, e.to]) {
      if (org === null) continue;
      add(SUPPLY_KEYS.hold(e.code, org));
      add(SUPPLY_KEYS.hold(code, org));
    }
  }
  return { keys: [...keys], txIds: [...txIds] };
}
