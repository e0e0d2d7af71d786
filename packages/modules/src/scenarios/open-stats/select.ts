// Reading figures back for queries and bundles (SCENARIOS.md §6): paged prefix scans, a date range of figures,
// and the mismatch flags shown beside a figure. Query contexts only; commands never scan.
import { GongxinError, type QueryContext, type Value } from '@gongxin/core';
import { assertDate, dayNumber } from './dates.js';
import { STATS_ERRORS } from './errors.js';
import { assertRegion, parentRegion } from './regions.js';
import { STATS_LIMITS } from './schema.js';
import { asRecord, STATS_KEYS, type FigureHead, type FlagRecord, type RevisionRecord } from './state.js';

/** Largest page a peer's scan returns (packages/node caps a module scan at 1000 entries). */
const PAGE = 1000;

/**
 * Every entry under `prefix` after `after` (exclusive), paging through the scan limit, at most `max` entries.
 * @example scanAll(ctx, 'rev/420000/2020-02-01/')
 */
export function scanAll(ctx: QueryContext, prefix: string, after?: string, max = Number.MAX_SAFE_INTEGER): Array<readonly [string, Value]> {
  const out: Array<readonly [string, Value]> = [];
  let cursor = after;
  while (out.length < max) {
    const page = ctx.scan(prefix, cursor === undefined ? { limit: PAGE } : { after: cursor, limit: PAGE });
    out.push(...page.slice(0, max - out.length));
    const last = page[page.length - 1];
    if (page.length < PAGE || last === undefined) break;
    cursor = last[0];
  }
  return out;
}

/**
 * Checks a region and an inclusive date range (from ≤ to, at most `maxRangeDays` days).
 * @throws STATS_BAD_REGION, STATS_BAD_DATE, STATS_BAD_RANGE
 * @example assertRange('420000', '2020-01-01', '2020-03-31');
 */
export function assertRange(region: string, from: string, to: string): void {
  assertRegion(region, 'params.region');
  assertDate(from, 'params.from');
  assertDate(to, 'params.to');
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1 || days > STATS_LIMITS.maxRangeDays) {
    throw new GongxinError(STATS_ERRORS.BAD_RANGE, `the range ${from}..${to} must run forward and span at most ${STATS_LIMITS.maxRangeDays} days`, { from, to });
  }
}

/** A figure in a range: its head and the revisions asked for, each with its state key. */
export interface SelectedFigure {
  readonly head: FigureHead;
  readonly revisions: ReadonlyArray<{ readonly key: string; readonly record: RevisionRecord }>;
}

/**
 * Every revision of one figure, in order, with its state key.
 * @example revisionsOf(ctx, '420000', '2020-02-01')
 */
export function revisionsOf(ctx: QueryContext, region: string, date: string): Array<{ key: string; record: RevisionRecord }> {
  return scanAll(ctx, `rev/${region}/${date}/`).flatMap(([key, v]) => {
    const record = asRecord<RevisionRecord>(v);
    return record === undefined ? [] : [{ key, record }];
  });
}

/**
 * The figures of `region` dated from `from` to `to` (inclusive, ascending), with their latest or all revisions.
 * @example selectFigures(ctx, '420000', '2020-02-01', '2020-02-29', 'latest')
 */
export function selectFigures(ctx: QueryContext, region: string, from: string, to: string, revisions: 'latest' | 'all'): SelectedFigure[] {
  const prefix = `fig/${region}/`;
  // The key just below `from`: same first 9 characters, last digit minus one ('0' - 1 = '/', still below '0').
  const after = prefix + from.slice(0, 9) + String.fromCharCode(from.charCodeAt(9) - 1);
  const out: SelectedFigure[] = [];
  for (const [, v] of scanAll(ctx, prefix, after, STATS_LIMITS.maxRangeDays)) {
    const head = asRecord<FigureHead>(v);
    if (head === undefined || head.date > to) break;
    if (revisions === 'all') out.push({ head, revisions: revisionsOf(ctx, region, head.date) });
    else {
      const key = STATS_KEYS.revision(region, head.date, head.latest);
      const record = asRecord<RevisionRecord>(ctx.get(key));
      out.push({ head, revisions: record === undefined ? [] : [{ key, record }] });
    }
  }
  return out;
}

/**
 * Keys of the open mismatch flags shown beside a figure: as a parent (its children's sum differs) and as a child
 * (its parent's figure differs from the sum it takes part in).
 * @example openFlagsBeside(ctx, '420100', '2020-02-01') // ['flag/420000/2020-02-01/ab…']
 */
export function openFlagsBeside(ctx: Pick<QueryContext, 'get'>, region: string, date: string): string[] {
  const out: string[] = [];
  const own = ctx.get(STATS_KEYS.openFlag(region, date));
  if (typeof own === 'string') out.push(STATS_KEYS.flag(region, date, own));
  const parent = parentRegion(region);
  if (parent === null) return out;
  const up = ctx.get(STATS_KEYS.openFlag(parent, date));
  if (typeof up !== 'string') return out;
  const key = STATS_KEYS.flag(parent, date, up);
  const flag = asRecord<FlagRecord>(ctx.get(key));
  if (flag?.children.some((c) => c.region === region) === true) out.push(key);
  return out;
}
