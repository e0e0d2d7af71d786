// The public lookup behind the `lookup` query: a scanned code → real? certified? recalled? where has it been? who
// holds it now? any duplicate-serial flags? Reads committed state only; a bad check digit throws, "not found" doesn't.
import type { QueryContext, Value } from '@gongxin/core';
import { isoToGs1Date } from './gs1-date.js';
import { batchIdOf, formatDigitalLink, formatSsccLink, parseScannedCode, type ScannedCode } from './gs1-link.js';
import { serialInRange } from './commands/receive-serial.js';
import { findRecall, getBatch, getUnit, SUPPLY_KEYS, type BatchRecord, type LotNode, type SerialRecord, type TrailEntry } from './state.js';

const values = (ctx: QueryContext, prefix: string, limit: number): Value[] => ctx.scan(prefix, { limit }).map(([, v]) => v);
const lastSegments = (ctx: QueryContext, prefix: string, limit: number): string[] => ctx.scan(prefix, { limit }).map(([k]) => k.slice(prefix.length));

/** Finds the batch a code names: directly, through a unit, a serial's first receipt, or a GTIN's or lot's only batch. */
function findNode(ctx: QueryContext, c: ScannedCode, limit: number): { node: LotNode | null; candidates: string[] } {
  if (c.sscc !== undefined) {
    const unit = getUnit(ctx.get, c.sscc);
    const batch = unit ? getBatch(ctx.get, unit.batch) : undefined;
    return { node: unit && batch ? { code: c.sscc, batch, unit, chain: [...unit.ancestors, c.sscc] } : null, candidates: [] };
  }
  let ids: string[];
  if (c.gtin !== undefined && c.lot !== undefined) ids = [batchIdOf(c.gtin, c.lot)];
  else if (c.gtin !== undefined) {
    const lot = c.serial === undefined ? undefined : (ctx.get(SUPPLY_KEYS.serial(c.gtin, c.serial)) as SerialRecord | undefined)?.lot;
    ids = lot ? [batchIdOf(c.gtin, lot)] : lastSegments(ctx, `gtin/${c.gtin}/`, limit).map((lot2) => batchIdOf(c.gtin!, lot2));
  } else ids = lastSegments(ctx, `lot/${c.lot ?? ''}/`, limit).map((g) => batchIdOf(g, c.lot ?? ''));
  if (ids.length !== 1) return { node: null, candidates: ids };
  const batch = getBatch(ctx.get, ids[0]!);
  return { node: batch ? { code: batch.id, batch, unit: null, chain: [batch.id] } : null, candidates: [] };
}

/** The steps that concern `node`: for a batch, all; for a unit, each ancestor's up to the split towards it, then its own. */
function trailOf(ctx: QueryContext, node: LotNode, limit: number): TrailEntry[] {
  const all = values(ctx, `trail/${node.batch.id}/`, node.unit ? 500 : limit) as TrailEntry[];
  if (!node.unit) return all;
  const cutoff = new Map<string, number>();
  for (let i = 0; i + 1 < node.chain.length; i++) {
    const split = all.find((e) => e.step === 'split' && e.unit === node.chain[i + 1]);
    cutoff.set(node.chain[i]!, split?.seq ?? -1);
  }
  const own = (e: TrailEntry): boolean => e.code === node.code || (e.step === 'split' && e.unit === node.code);
  const before = (e: TrailEntry): boolean => (cutoff.get(e.code) ?? -1) >= e.seq && (e.step !== 'split' || node.chain.includes(e.unit ?? ''));
  return all.filter((e) => own(e) || before(e) || e.step === 'attest' || (e.step === 'recall' && node.chain.includes(e.code))).slice(0, limit);
}

function holdingsOf(ctx: QueryContext, node: LotNode, limit: number): Value[] {
  const codes = node.unit ? [node.code] : [node.code, ...lastSegments(ctx, `bunit/${node.batch.id}/`, limit)];
  const out: Value[] = [];
  for (const code of codes) {
    for (const [k, v] of ctx.scan(`hold/${code}/`, { limit: limit - out.length })) out.push({ code, org: k.slice(`hold/${code}/`.length), quantity: v });
    if (out.length >= limit) break;
  }
  return out;
}

function mismatchesOf(batch: BatchRecord, c: ScannedCode, serial: SerialRecord | undefined): string[] {
  const out: string[] = [];
  if (c.expiry !== undefined && (batch.expiryDate === null || isoToGs1Date(batch.expiryDate) !== c.expiry)) out.push('expiry');
  if (c.production !== undefined && isoToGs1Date(batch.productionDate) !== c.production) out.push('production');
  if (c.serial !== undefined && batch.serialRange && !serialInRange(batch.serialRange, c.serial)) out.push('serial');
  if (serial?.lot != null && serial.lot !== batch.lot) out.push('lot');
  return out;
}

/**
 * Answers a public lookup of `code` (Digital Link, element string, SSCC, batch id or lot).
 * @throws SUPPLY_BAD_CHECK_DIGIT, SUPPLY_BAD_CODE
 */
export function lookupCode(ctx: QueryContext, code: string, limit: number): Value {
  const c = parseScannedCode(code);
  const { node, candidates } = findNode(ctx, c, limit);
  const serial = c.gtin !== undefined && c.serial !== undefined ? (ctx.get(SUPPLY_KEYS.serial(c.gtin, c.serial)) as SerialRecord | undefined) : undefined;
  const serialFlags = serial ? values(ctx, `flag/${serial.gtin}/${serial.serial}/`, limit) : [];
  if (!node) {
    return { code, form: c.form, found: false, real: false, certified: false, failed: false, recalled: false, recall: null, batch: null, unit: null, serial: serial ?? null, serialFlags, candidates, mismatches: [], attestations: [], trail: [], holdings: [], digitalLink: null };
  }
  const b = node.batch;
  const mismatches = mismatchesOf(b, c, serial);
  const recall = findRecall(ctx.get, node);
  const expiry = b.expiryDate === null ? {} : { expiry: isoToGs1Date(b.expiryDate) };
  const digitalLink = node.unit ? formatSsccLink(node.code) : formatDigitalLink({ gtin: b.gtin, lot: b.lot, ...(c.serial !== undefined ? { serial: c.serial } : {}), ...expiry });
  return {
    code,
    form: c.form,
    found: true,
    real: mismatches.length === 0,
    certified: b.certified,
    failed: b.failed,
    recalled: recall !== null,
    recall,
    batch: b,
    unit: node.unit,
    serial: serial ?? null,
    serialFlags,
    candidates,
    mismatches,
    attestations: values(ctx, `attest/${b.id}/`, limit),
    trail: trailOf(ctx, node, limit),
    holdings: holdingsOf(ctx, node, limit),
    digitalLink,
  };
}
