// The early-warning module (SCENARIOS.md §2, 疫情预警): case reports by clinics and hospitals, governance-set rules,
// alerts raised by the module in the same block, and their acknowledgement and closing by health authorities.
import type { LedgerModule } from '@gongxin/core';
import { acknowledge, close, report } from './commands.js';
import { WARNING_EVENTS } from './events.js';
import { alert, alerts, lateness, reports, rules } from './queries.js';
import { WARNING_MODULE } from './schema.js';

/** The early-warning module: commands `report`, `acknowledge`, `close`; queries `alerts`, `alert`, `reports`, `lateness`, `rules`. */
export const earlyWarningModule: LedgerModule = {
  name: WARNING_MODULE,
  commands: { report, acknowledge, close },
  queries: { alerts, alert, reports, lateness, rules },
  events: Object.values(WARNING_EVENTS),
};

export { WARNING_MODULE, RULES_PARAM, WARNING_LIMITS } from './schema.js';
export type { WarningRule } from './schema.js';
export { WARNING_ERRORS } from './errors.js';
export type { WarningErrorCode } from './errors.js';
export { WARNING_EVENTS } from './events.js';
export type { WarningEventType } from './events.js';
export { DISEASES, diseaseInfo, reportingDeadlineMs, DEADLINE_URGENT_MS, DEADLINE_STANDARD_MS } from './diseases.js';
export type { DiseaseInfo, LegalClass } from './diseases.js';
export { regionLevel, isCounty, isWithin, regionAncestors } from './regions.js';
export type { RegionLevel } from './regions.js';
export { validateRules, readRules } from './rules.js';
export type { RuleSet, InvalidRule } from './rules.js';
export { warningBundleKeys } from './bundle.js';
export type { WarningBundleKeys } from './bundle.js';
export { parseIsoMs, parseDateDays } from './time.js';
export { REPORTER_ROLES, AUTHORITY_ROLES } from './commands.js';
export type { ReportRecord, AlertRecord, AlertStep, LatenessRecord } from './state.js';
