// State layout of the supply-trace module (README.md §State): key builders, record types, and the reads every
// command shares — resolving a batch id or SSCC, the ancestry checks (recalled? failed?) and holder balances.
import { GongxinError, type Value } from '@gongxin/core';
import { SUPPLY_ERRORS } from './errors.js';
import { assertLotText, assertSscc, normaliseGtin } from './gs1.js';
import { batchIdOf } from './gs1-link.js';

/** Keys of the module's state. `code` is a batch id `{gtin}-{lot}` or an SSCC. */
export const SUPPLY_KEYS = {
  batch: (id: string): string => `batch/${id}`,
  gtinLot: (gtin: string, lot: string): string => `gtin/${gtin}/${lot}`,
  lotGtin: (lot: string, gtin: string): string => `lot/${lot}/${gtin}`,
  product: (gtin: string): string => `product/${gtin}`,
  unit: (sscc: string): string => `unit/${sscc}`,
  batchUnit: (batch: string, sscc: string): string => `bunit/${batch}/${sscc}`,
  hold: (code: string, org: string): string => `hold/${code}/${org}`,
  orgHold: (org: string, code: string): string => `org-hold/${org}/${code}`,
  attest: (batch: string, txId: string): string => `attest/${batch}/${txId}`,
  seq: (batch: string): string => `seq/${batch}`,
  trail: (batch: string, seq: number): string => `trail/${batch}/${String(seq).padStart(8, '0')}`,
  serial: (gtin: string, serial: string): string => `serial/${gtin}/${serial}`,
  flag: (gtin: string, serial: string, org: string): string => `flag/${gtin}/${serial}/${org}`,
} as const;

/** Who recalled, when and why. */
export type RecallRecord = { readonly by: string; readonly org: string; readonly reason: string; readonly at: number; readonly height: number; readonly txId: string };

/** `batch/{id}`: a registered batch and its status. */
export type BatchRecord = {
  readonly id: string;
  readonly gtin: string;
  readonly lot: string;
  readonly productType: string;
  readonly standard: string;
  readonly quantity: number;
  readonly productionDate: string;
  readonly expiryDate: string | null;
  readonly serialRange: { readonly first: string; readonly last: string } | null;
  readonly maker: string;
  readonly by: string;
  readonly at: number;
  readonly height: number;
  readonly txId: string;
  readonly certified: boolean;
  readonly failed: boolean;
  readonly attestations: number;
  readonly recall: RecallRecord | null;
};

/** `unit/{sscc}`: a logistic unit split off a batch or another unit; `ancestors` runs from the batch to the parent. */
export type UnitRecord = {
  readonly sscc: string;
  readonly batch: string;
  readonly parent: string;
  readonly ancestors: readonly string[];
  readonly quantity: number;
  readonly org: string;
  readonly at: number;
  readonly height: number;
  readonly txId: string;
  readonly recall: RecallRecord | null;
};

/** `trail/{batch}/{seq}`: one step in a batch's history, on the batch or any unit derived from it. */
export type TrailEntry = {
  readonly seq: number;
  readonly step: 'register' | 'attest' | 'split' | 'transfer' | 'recall';
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly by: string;
  readonly txId: string;
  readonly height: number;
  readonly at: number;
};

/** `serial/{gtin}/{serial}`: a unit received somewhere; `orgs` lists every org that received it, first first. */
export type SerialRecord = {
  readonly gtin: string;
  readonly serial: string;
  readonly lot: string | null;
  readonly first: { readonly org: string; readonly at: number; readonly height: number; readonly txId: string };
  readonly orgs: readonly string[];
};

/** A state read of this module. */
export type Get = (key: string) => Value | undefined;

/** The batch record at `id`, if any (this module alone writes it). */
export function getBatch(get: Get, id: string): BatchRecord | undefined {
  return get(SUPPLY_KEYS.batch(id)) as BatchRecord | undefined;
}

/** The unit record at `sscc`, if any. */
export function getUnit(get: Get, sscc: string): UnitRecord | undefined {
  return get(SUPPLY_KEYS.unit(sscc)) as UnitRecord | undefined;
}

/** How much of `code` `org` holds (0 when none). */
export function getHolding(get: Get, code: string, org: string): number {
  const v = get(SUPPLY_KEYS.hold(code, org));
  return typeof v === 'number' ? v : 0;
}

/** A resolved batch id or SSCC: its batch, its unit (if a unit), and its chain of codes from the batch to itself. */
export type LotNode = { readonly code: string; readonly batch: BatchRecord; readonly unit: UnitRecord | null; readonly chain: readonly string[] };

/**
 * Parses a batch id `{gtin}-{lot}` (check digit verified) or an SSCC; returns which it is.
 * @throws SUPPLY_BAD_CHECK_DIGIT, SUPPLY_BAD_CODE
 */
export function parseLotCode(code: string): { kind: 'batch'; id: string } | { kind: 'unit'; sscc: string } {
  if (/^\d{18}$/.test(code)) return { kind: 'unit', sscc: assertSscc(code) };
  const m = /^(\d{14})-(.+)$/.exec(code);
  if (!m) throw new GongxinError(SUPPLY_ERRORS.BAD_CODE, `"${code}" is neither a batch id ({gtin}-{lot}) nor an SSCC`, { code });
  return { kind: 'batch', id: batchIdOf(normaliseGtin(m[1]!), assertLotText('lot', m[2]!)) };
}

/**
 * Resolves a batch id or SSCC to its records.
 * @throws SUPPLY_BAD_CHECK_DIGIT, SUPPLY_BAD_CODE, SUPPLY_UNKNOWN_BATCH, SUPPLY_UNKNOWN_UNIT
 */
export function resolveLot(get: Get, code: string): LotNode {
  const p = parseLotCode(code);
  if (p.kind === 'batch') {
    const batch = getBatch(get, p.id);
    if (!batch) throw new GongxinError(SUPPLY_ERRORS.UNKNOWN_BATCH, `no batch "${p.id}"`, { batch: p.id });
    return { code: p.id, batch, unit: null, chain: [p.id] };
  }
  const unit = getUnit(get, p.sscc);
  if (!unit) throw new GongxinError(SUPPLY_ERRORS.UNKNOWN_UNIT, `no logistic unit with SSCC ${p.sscc}`, { sscc: p.sscc });
  return { code: p.sscc, batch: getBatch(get, unit.batch)!, unit, chain: [...unit.ancestors, p.sscc] };
}

/** The nearest recall on a node's chain (itself first, then its ancestors up to the batch), or null. */
export function findRecall(get: Get, node: LotNode): RecallRecord | null {
  for (let i = node.chain.length - 1; i >= 0; i--) {
    const c = node.chain[i]!;
    const r = i === 0 ? getBatch(get, c)?.recall : getUnit(get, c)?.recall;
    if (r) return r;
  }
  return null;
}

/**
 * Refuses to move goods of a failed batch, or of a recalled lot or one derived from a recalled batch or lot.
 * @throws SUPPLY_FAILED_INSPECTION, SUPPLY_RECALLED
 */
export function assertMovable(get: Get, node: LotNode): void {
  if (node.batch.failed) throw new GongxinError(SUPPLY_ERRORS.FAILED_INSPECTION, `batch "${node.batch.id}" failed inspection and can't move`, { batch: node.batch.id });
  const r = findRecall(get, node);
  if (r) throw new GongxinError(SUPPLY_ERRORS.RECALLED, `"${node.code}" is recalled (${r.reason}) and can't move`, { code: node.code, recalledAt: r.txId });
}

/**
 * Checks the caller's org holds at least `quantity` of `code`.
 * @throws SUPPLY_NOT_HOLDER, SUPPLY_INSUFFICIENT_QUANTITY
 */
export function assertHolds(get: Get, code: string, org: string | null, quantity: number): void {
  const held = org === null ? 0 : getHolding(get, code, org);
  if (held === 0) throw new GongxinError(SUPPLY_ERRORS.NOT_HOLDER, `org "${org ?? '(none)'}" holds none of "${code}"`, { code, org: org ?? '' });
  if (held < quantity) throw new GongxinError(SUPPLY_ERRORS.INSUFFICIENT_QUANTITY, `org "${org ?? ''}" holds ${held} of "${code}", not ${quantity}`, { code, held, quantity });
}
