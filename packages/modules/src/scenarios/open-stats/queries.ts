// Queries of the open-stats module (SCENARIOS.md §6): series, revision history with diffs, disputes, flags,
// and tidy CSV / JSON export where every row names its signer and the state key that proves it.
import { GongxinError, type QueryContext, type Value } from '@gongxin/core';
import type { z } from 'zod';
import { defineQuery } from '../../shared/define.js';
import { parseArgs } from '../../shared/parse-args.js';
import { renderCsv, type CsvCell } from './csv.js';
import { assertDate } from './dates.js';
import { STATS_ERRORS } from './errors.js';
import { assertRegion, parentRegion } from './regions.js';
import { exportParams, figureParams, METRICS, seriesParams, STATS_LIMITS, type Metrics } from './schema.js';
import { assertRange, openFlagsBeside, revisionsOf, scanAll, selectFigures } from './select.js';
import { asRecord, STATS_KEYS, toValue, type FigureHead, type FlagRecord, type RevisionRecord } from './state.js';

/** Module name on the chain (also the `{module}` of GET /v1/state/{module}/{key}). */
export const OPEN_STATS_MODULE = 'open-stats';

function params<T>(schema: z.ZodType<T>, v: Value): T {
  return parseArgs(schema, v === null ? {} : v, { code: 'QUERY_INVALID_PARAMS', root: 'params' });
}

function place(p: { region: string; date: string }): { region: string; date: string } {
  assertRegion(p.region, 'params.region');
  assertDate(p.date, 'params.date');
  return p;
}

/** The proof reference of a state key: the key and the path that returns it with its state proof. */
function proofRef(key: string): { proofKey: string; proofPath: string } {
  return { proofKey: key, proofPath: `/v1/state/${OPEN_STATS_MODULE}/${encodeURIComponent(key)}` };
}

function revisionView(ctx: QueryContext, key: string, r: RevisionRecord): Value {
  return toValue({ ...r, ...proofRef(key), flags: openFlagsBeside(ctx, r.region, r.date) });
}

/** `series { region, from, to }`: the latest revision of each published day in the range, ascending. */
export const series = defineQuery({
  parse(v: Value) {
    const p = params(seriesParams, v);
    assertRange(p.region, p.from, p.to);
    return p;
  },
  run(ctx, p) {
    const rows = selectFigures(ctx, p.region, p.from, p.to, 'latest').flatMap((f) =>
      f.revisions.map((r) => toValue({ ...(revisionView(ctx, r.key, r.record) as object), disputes: f.head.disputes, revisions: f.head.latest })),
    );
    return { region: p.region, from: p.from, to: p.to, rows };
  },
});

/**
 * Per-metric changes from one revision's metrics to the next (a metric added or dropped shows null on its missing side).
 * @example diffMetrics({ tests: 5 }, { tests: 7 }) // [{ metric: 'tests', old: 5, new: 7 }]
 */
export function diffMetrics(a: Metrics, b: Metrics): Array<{ metric: string; old: number | null; new: number | null }> {
  return METRICS.filter((m) => a[m] !== b[m]).map((m) => ({ metric: m, old: a[m] ?? null, new: b[m] ?? null }));
}

function disputesOf(ctx: QueryContext, region: string, date: string): Value[] {
  return scanAll(ctx, `dispute/${region}/${date}/`).map(([key, v]) => toValue({ ...(v as object), ...proofRef(key) }));
}

/** `history { region, date }`: every revision (oldest first), the diffs between consecutive ones, the disputes. */
export const history = defineQuery({
  parse: (v: Value) => place(params(figureParams, v)),
  run(ctx, p) {
    const head = asRecord<FigureHead>(ctx.get(STATS_KEYS.figure(p.region, p.date)));
    if (head === undefined) return null;
    const revs = revisionsOf(ctx, p.region, p.date);
    const diffs: Value[] = [];
    for (let i = 1; i < revs.length; i++) {
      const [a, b] = [revs[i - 1]!.record, revs[i]!.record];
      diffs.push({ from: a.revision, to: b.revision, txId: b.txId, reason: b.reason, changes: diffMetrics(a.metrics, b.metrics) });
    }
    return {
      figure: toValue({ ...head, ...proofRef(STATS_KEYS.figure(p.region, p.date)) }),
      revisions: revs.map((r) => revisionView(ctx, r.key, r.record)),
      diffs,
      disputes: disputesOf(ctx, p.region, p.date),
    };
  },
});

/** `disputes { region, date }`: the disputes filed on any revision of the figure, oldest first. */
export const disputes = defineQuery({
  parse: (v: Value) => place(params(figureParams, v)),
  run: (ctx, p) => disputesOf(ctx, p.region, p.date),
});

/** `flags { region, date }`: every mismatch flag the figure took part in (as parent or child), each marked open or not. */
export const flags = defineQuery({
  parse: (v: Value) => place(params(figureParams, v)),
  run(ctx, p) {
    const open = new Set(openFlagsBeside(ctx, p.region, p.date));
    const parent = parentRegion(p.region);
    const own = scanAll(ctx, `flag/${p.region}/${p.date}/`);
    const up = parent === null ? [] : scanAll(ctx, `flag/${parent}/${p.date}/`).filter(([, v]) => asRecord<FlagRecord>(v)?.children.some((c) => c.region === p.region) === true);
    return [...own, ...up].map(([key, v]) => toValue({ ...(v as object), ...proofRef(key), open: open.has(key) }));
  },
});

/** Columns of the tidy export, in order. */
export const EXPORT_COLUMNS = ['region', 'date', 'metric', 'value', 'revision', 'org', 'signer', 'tx_id', 'height', 'proof_key'] as const;

/** `export { regions, from, to, format, revisions? }`: one row per region, date, revision and metric. */
export const exportQuery = defineQuery({
  parse(v: Value) {
    const p = params(exportParams, v);
    for (const r of p.regions) assertRange(r, p.from, p.to);
    return { ...p, regions: [...new Set(p.regions)] };
  },
  run(ctx, p) {
    const rows: CsvCell[][] = [];
    for (const region of p.regions) {
      for (const f of selectFigures(ctx, region, p.from, p.to, p.revisions ?? 'latest')) {
        for (const { key, record: r } of f.revisions) {
          for (const m of METRICS) {
            const value = r.metrics[m];
            if (value !== undefined) rows.push([r.region, r.date, m, value, r.revision, r.org, r.signer, r.txId, r.height, key]);
          }
        }
        if (rows.length > STATS_LIMITS.maxExportRows) {
          throw new GongxinError(STATS_ERRORS.EXPORT_TOO_LARGE, `the export exceeds ${STATS_LIMITS.maxExportRows} rows`, { max: STATS_LIMITS.maxExportRows });
        }
      }
    }
    const base = { format: p.format, module: OPEN_STATS_MODULE, columns: [...EXPORT_COLUMNS], count: rows.length };
    if (p.format === 'csv') return { ...base, csv: renderCsv(EXPORT_COLUMNS, rows) };
    const json = rows.map((row) => {
      const o: Record<string, Value> = {};
      EXPORT_COLUMNS.forEach((c, i) => (o[c] = row[i]!));
      return toValue({ ...o, ...proofRef(String(row[9])) });
    });
    return { ...base, rows: json };
  },
});
