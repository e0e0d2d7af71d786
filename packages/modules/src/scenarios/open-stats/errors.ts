// Stable error codes of the open-stats module (SCENARIOS.md §6). A code is API: never reuse or rename one.
// Argument shape errors use the shared TX_INVALID_ARGS; query params QUERY_INVALID_PARAMS.

/**
 * Codes the open-stats commands and queries throw. Listed in docs/scenarios/open-stats.md.
 * @example throw new GongxinError(STATS_ERRORS.BAD_REGION, 'region "990000" is not a GB/T 2260 code');
 */
export const STATS_ERRORS = {
  /** The region is not a GB/T 2260 code (6 digits, a known province prefix, a county only under a city). */
  BAD_REGION: 'STATS_BAD_REGION',
  /** The date is not a calendar date written YYYY-MM-DD (years 1900–2999). */
  BAD_DATE: 'STATS_BAD_DATE',
  /** The date is after the block's day (China Standard Time): figures are never published ahead of time. */
  FUTURE_DATE: 'STATS_FUTURE_DATE',
  /** A date range whose `from` is after its `to`, or longer than the limit. */
  BAD_RANGE: 'STATS_BAD_RANGE',
  /** The metrics map names no metric. */
  NO_METRICS: 'STATS_NO_METRICS',
  /** A figure for this region and date exists: its publisher corrects it, other authorities dispute it. */
  FIGURE_EXISTS: 'STATS_FIGURE_EXISTS',
  /** No figure is published for this region and date. */
  FIGURE_NOT_FOUND: 'STATS_FIGURE_NOT_FOUND',
  /** Only the org that first published a figure may correct it. */
  NOT_PUBLISHER: 'STATS_NOT_PUBLISHER',
  /** `corrects` is not the tx id of the figure's latest revision (unknown, or already corrected). */
  STALE_REVISION: 'STATS_STALE_REVISION',
  /** The correction's metrics equal the latest revision's: a correction must change something. */
  NO_CHANGE: 'STATS_NO_CHANGE',
  /** The figure already has the maximum number of revisions. */
  REVISION_LIMIT: 'STATS_REVISION_LIMIT',
  /** No such revision of this figure. */
  REVISION_NOT_FOUND: 'STATS_REVISION_NOT_FOUND',
  /** An org may not dispute its own figure (it corrects it instead). */
  OWN_FIGURE: 'STATS_OWN_FIGURE',
  /** This org has already disputed this revision. */
  ALREADY_DISPUTED: 'STATS_ALREADY_DISPUTED',
  /** The caller belongs to no org (only org members publish, correct or dispute). */
  NO_ORG: 'STATS_NO_ORG',
  /** An export would exceed the row limit: narrow the regions or the date range. */
  EXPORT_TOO_LARGE: 'STATS_EXPORT_TOO_LARGE',
  /** A bundle id is not `{region}/{date}`, or the bundle kind is unknown. */
  BAD_BUNDLE_ID: 'STATS_BAD_BUNDLE_ID',
} as const;

/** One of the open-stats error codes. */
export type StatsErrorCode = (typeof STATS_ERRORS)[keyof typeof STATS_ERRORS];
