// Writes the supply-trace commands share: holder balances (with the per-org index), the batch trail, recall records.
import { GongxinError, type CommandContext, type ReadContext } from '@gongxin/core';
import { getHolding, SUPPLY_KEYS, type RecallRecord, type TrailEntry } from '../state.js';

/**
 * The caller's org (commands that move goods need one; role checks already ensure it).
 * @throws TX_UNAUTHORIZED for a key with no org
 */
export function callerOrg(ctx: ReadContext): string {
  if (ctx.caller.org === null) throw new GongxinError('TX_UNAUTHORIZED', 'the caller belongs to no org', {});
  return ctx.caller.org;
}

/** Adds `delta` (may be negative) to `org`'s holding of `code`; a zero balance is deleted, as is its index entry. */
export function addHolding(ctx: CommandContext, code: string, org: string, delta: number): void {
  const next = getHolding(ctx.get, code, org) + delta;
  if (next === 0) {
    ctx.delete(SUPPLY_KEYS.hold(code, org));
    ctx.delete(SUPPLY_KEYS.orgHold(org, code));
  } else {
    ctx.set(SUPPLY_KEYS.hold(code, org), next);
    ctx.set(SUPPLY_KEYS.orgHold(org, code), next);
  }
}

/** Appends a step to batch `batch`'s trail with this tx's id, height and block time; returns its sequence number. */
export function appendTrail(ctx: CommandContext, batch: string, e: Omit<TrailEntry, 'seq' | 'by' | 'txId' | 'height' | 'at'>): number {
  const prev = ctx.get(SUPPLY_KEYS.seq(batch));
  const seq = typeof prev === 'number' ? prev + 1 : 0;
  const entry: TrailEntry = { seq, ...e, by: ctx.caller.publicKeyHex, txId: ctx.txIdHex, height: ctx.height, at: ctx.timestamp };
  ctx.set(SUPPLY_KEYS.seq(batch), seq);
  ctx.set(SUPPLY_KEYS.trail(batch, seq), entry);
  return seq;
}

/** A recall record for this tx. */
export function recallRecordOf(ctx: ReadContext, reason: string): RecallRecord {
  return { by: ctx.caller.publicKeyHex, org: ctx.caller.org ?? '', reason, at: ctx.timestamp, height: ctx.height, txId: ctx.txIdHex };
}
