// Argument and parameter schemas of the open-stats module (SCENARIOS.md §6): region, date, named integer metrics.
// zod checks shapes (TX_INVALID_ARGS); region and date semantics are checked after (STATS_BAD_REGION / _DATE).
import { z } from 'zod';

/** The named metrics a figure may carry, in export order. */
export const METRICS = [
  'new-confirmed',
  'new-suspected',
  'new-asymptomatic',
  'new-deaths',
  'new-recovered',
  'current-confirmed',
  'current-severe',
  'close-contacts-under-observation',
  'tests',
] as const;

/** One metric name. */
export type MetricName = (typeof METRICS)[number];

/** Limits of the module's inputs. */
export const STATS_LIMITS = {
  /** Largest value of one metric (a count of people or tests in one region on one day). */
  maxValue: 2_000_000_000,
  /** Longest reason of a correction or dispute, in characters. */
  maxReason: 500,
  /** Most revisions of one figure. */
  maxRevisions: 999_999,
  /** Longest date range of a series or export, in days (inclusive). */
  maxRangeDays: 1_096,
  /** Most regions in one export. */
  maxExportRegions: 64,
  /** Most rows (region × date × revision × metric) in one export. */
  maxExportRows: 50_000,
} as const;

const count = z.int().min(0).max(STATS_LIMITS.maxValue);
const text = z.string().max(32);
const reason = z.string().min(1).max(STATS_LIMITS.maxReason);
const txIdHex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');

/** A metrics map: any of the named metrics, each a non-negative integer; no other names. */
export const metricsSchema = z.strictObject(Object.fromEntries(METRICS.map((m) => [m, count.optional()])) as Record<MetricName, z.ZodOptional<typeof count>>);
/** Parsed metrics (only the metrics present). */
export type Metrics = Partial<Record<MetricName, number>>;

/** args of `publish`. */
export const publishArgs = z.strictObject({ region: text, date: text, metrics: metricsSchema });
/** Parsed args of `publish`. */
export interface PublishArgs {
  readonly region: string;
  readonly date: string;
  readonly metrics: Metrics;
}

/** args of `correct`: `corrects` is the tx id of the latest revision. */
export const correctArgs = z.strictObject({ region: text, date: text, corrects: txIdHex, metrics: metricsSchema, reason });
/** Parsed args of `correct`. */
export interface CorrectArgs extends PublishArgs {
  readonly corrects: string;
  readonly reason: string;
}

/** args of `dispute`: one revision of a figure. */
export const disputeArgs = z.strictObject({ region: text, date: text, revision: z.int().min(1).max(STATS_LIMITS.maxRevisions), reason });
/** Parsed args of `dispute`. */
export interface DisputeArgs {
  readonly region: string;
  readonly date: string;
  readonly revision: number;
  readonly reason: string;
}

/** params of `series`. */
export const seriesParams = z.strictObject({ region: text, from: text, to: text });
/** params of `history`, `disputes` and `flags`. */
export const figureParams = z.strictObject({ region: text, date: text });
/** params of `export`: regions × date range, latest revisions (default) or all, as CSV or JSON. */
export const exportParams = z.strictObject({
  regions: z.array(text).min(1).max(STATS_LIMITS.maxExportRegions),
  from: text,
  to: text,
  format: z.enum(['csv', 'json']),
  revisions: z.enum(['latest', 'all']).optional(),
});
