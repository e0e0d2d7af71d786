// Province vs cities (and city vs counties) check (SCENARIOS.md §6): a parent's metric against the sum of its
// direct children's latest revisions on the same date. A mismatch is flagged (record + event), never rejected.
import type { CommandContext, ReadContext } from '@gongxin/core';
import { STATS_EVENTS } from './events.js';
import { parentRegion, regionLevel } from './regions.js';
import { METRICS } from './schema.js';
import { asRecord, STATS_KEYS, toValue, type FigureHead, type FlagRecord, type Mismatch, type RevisionRecord } from './state.js';

type Getter = Pick<ReadContext, 'get'>;

/**
 * The latest revision of a figure, or undefined when none is published.
 * @example const rev = latestRevision(ctx, '420000', '2020-02-01');
 */
export function latestRevision(ctx: Getter, region: string, date: string): RevisionRecord | undefined {
  const head = asRecord<FigureHead>(ctx.get(STATS_KEYS.figure(region, date)));
  return head === undefined ? undefined : asRecord<RevisionRecord>(ctx.get(STATS_KEYS.revision(region, date, head.latest)));
}

/**
 * Children of `parent` with a figure on `date` (sorted).
 * @example childrenWithFigures(ctx, '420000', '2020-02-01') // ['420100', '420200']
 */
export function childrenWithFigures(ctx: Getter, parent: string, date: string): readonly string[] {
  const v = ctx.get(STATS_KEYS.children(parent, date));
  return Array.isArray(v) ? (v as readonly string[]) : [];
}

/**
 * Compares each metric the parent and every child report: the parent's value against the children's sum.
 * A metric some child does not report is not compared (its sum would be partial by construction).
 * @example compareRevisions(parentRev, [cityRev1, cityRev2]) // [{ metric: 'new-confirmed', parent: 10, childrenSum: 9 }]
 */
export function compareRevisions(parent: RevisionRecord, children: readonly RevisionRecord[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const metric of METRICS) {
    const p = parent.metrics[metric];
    if (p === undefined) continue;
    let sum = 0;
    let complete = true;
    for (const c of children) {
      const v = c.metrics[metric];
      if (v === undefined) complete = false;
      else sum += v;
    }
    if (complete && sum !== p) out.push({ metric, parent: p, childrenSum: sum });
  }
  return out;
}

function checkParent(ctx: CommandContext, parent: string, date: string): void {
  const p = latestRevision(ctx, parent, date);
  const kids = childrenWithFigures(ctx, parent, date);
  if (p === undefined || kids.length === 0) return;
  const children: RevisionRecord[] = [];
  for (const k of kids) {
    const r = latestRevision(ctx, k, date);
    if (r !== undefined) children.push(r);
  }
  const mismatches = compareRevisions(p, children);
  const openKey = STATS_KEYS.openFlag(parent, date);
  if (mismatches.length === 0) {
    if (ctx.get(openKey) !== undefined) ctx.delete(openKey);
    return;
  }
  const flag: FlagRecord = {
    parent,
    date,
    parentRevision: p.revision,
    children: children.map((c) => ({ region: c.region, revision: c.revision })),
    mismatches,
    txId: ctx.txIdHex,
    height: ctx.height,
    at: ctx.timestamp,
  };
  const flagKey = STATS_KEYS.flag(parent, date, ctx.txIdHex);
  ctx.set(flagKey, toValue(flag));
  ctx.set(openKey, ctx.txIdHex);
  ctx.emit(STATS_EVENTS.sumMismatch, { parent, date, flagKey, metrics: mismatches.map((m) => m.metric).join(','), children: children.length });
}

/**
 * After `region`'s figure on `date` changed: registers it with its parent (first publication) and re-runs the
 * comparisons it takes part in, as parent (province or city) and as child (city or county).
 * @example afterFigureChange(ctx, '420100', '2020-02-01', true);
 */
export function afterFigureChange(ctx: CommandContext, region: string, date: string, firstPublication: boolean): void {
  const parent = parentRegion(region);
  if (parent !== null && firstPublication) {
    const kids = childrenWithFigures(ctx, parent, date);
    if (!kids.includes(region)) ctx.set(STATS_KEYS.children(parent, date), [...kids, region].sort());
  }
  if (regionLevel(region) !== 'county') checkParent(ctx, region, date);
  if (parent !== null) checkParent(ctx, parent, date);
}
