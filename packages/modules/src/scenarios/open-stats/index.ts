// The open-stats module (SCENARIOS.md §6): daily epidemic figures per GB/T 2260 region, signed by health
// authorities, corrected only by new revisions, disputable, checked province vs cities, exported as tidy CSV/JSON.
import type { LedgerModule } from '@gongxin/core';
import { correct, dispute, publish } from './commands.js';
import { STATS_EVENTS } from './events.js';
import { disputes, exportQuery, flags, history, OPEN_STATS_MODULE, series } from './queries.js';

/**
 * The open-stats module: commands `publish`, `correct`, `dispute`; queries `series`, `history`, `disputes`,
 * `flags`, `export`.
 * @example createScenarioChain({ modules: [openStatsModule] });
 */
export const openStatsModule: LedgerModule = {
  name: OPEN_STATS_MODULE,
  commands: { publish, correct, dispute },
  queries: { series, history, disputes, flags, export: exportQuery },
  events: Object.values(STATS_EVENTS),
};

export { OPEN_STATS_MODULE, EXPORT_COLUMNS, diffMetrics } from './queries.js';
export { ROLE_HEALTH_AUTHORITY } from './commands.js';
export { STATS_ERRORS } from './errors.js';
export type { StatsErrorCode } from './errors.js';
export { STATS_EVENTS } from './events.js';
export type { StatsEventType } from './events.js';
export { METRICS, STATS_LIMITS } from './schema.js';
export type { MetricName, Metrics, PublishArgs, CorrectArgs, DisputeArgs } from './schema.js';
export { STATS_KEYS } from './state.js';
export type { FigureHead, RevisionRecord, DisputeRecord, FlagRecord, Mismatch } from './state.js';
export { statsBundleKeys } from './bundle.js';
export type { StatsBundleKeys } from './bundle.js';
export { isRegionCode, regionLevel, provinceOf, cityOf, parentRegion, isDirectChild, PROVINCE_PREFIXES } from './regions.js';
export type { RegionLevel } from './regions.js';
export { isCalendarDate, dayNumber } from './dates.js';
export { csvField, renderCsv } from './csv.js';
export type { CsvCell } from './csv.js';
export { compareRevisions } from './compare.js';
