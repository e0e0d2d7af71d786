// The supply-trace module (SCENARIOS.md §5, 医疗用品溯源): GS1-coded batches, inspections, custody transfers and
// splits into SSCC logistic units, recalls that reach every derived lot, and a received-serial registry.
import type { LedgerModule } from '@gongxin/core';
import { SUPPLY_COMMANDS } from './commands.js';
import { SUPPLY_EVENTS } from './events.js';
import { SUPPLY_QUERIES } from './queries.js';

/** Module name on the chain. */
export const SUPPLY_TRACE_MODULE = 'supply-trace';

/** The supply-trace module. */
export const supplyTraceModule: LedgerModule = {
  name: SUPPLY_TRACE_MODULE,
  commands: SUPPLY_COMMANDS,
  queries: SUPPLY_QUERIES,
  events: Object.values(SUPPLY_EVENTS),
};

export { SUPPLY_ERRORS } from './errors.js';
export { SUPPLY_EVENTS } from './events.js';
export { SUPPLY_KEYS } from './state.js';
export type { BatchRecord, RecallRecord, SerialRecord, TrailEntry, UnitRecord } from './state.js';
export { MAX_QUANTITY, MAX_SPLIT_DEPTH, SUPPLY_STANDARDS } from './schema.js';
export { supplyBundleKeys, MAX_BUNDLE_STEPS } from './bundle.js';
export type { SupplyBundleKeys } from './bundle.js';
export { gs1CheckDigit, normaliseGtin, assertSscc, hasValidCheckDigit, parseElementString, LOT_PATTERN } from './gs1.js';
export type { Gs1Code } from './gs1.js';
export { parseDigitalLink, formatDigitalLink, formatSsccLink, batchDigitalLink, parseScannedCode, batchIdOf, DEFAULT_LINK_BASE } from './gs1-link.js';
export type { DigitalLinkParams, ScannedCode } from './gs1-link.js';
export { normaliseDate, isoDayOfMs, isoToGs1Date } from './gs1-date.js';
